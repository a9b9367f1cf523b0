/**
 * Builds the app from its configuration: one Stage per municipality (its own account and region), the
 * prefecture's security cloud hub and hub routing when the prefecture declares one, and — when the
 * prefecture file has a `pipeline` section — all of them inside the pipeline's stack instead, deployed by it
 * (`-c pipeline=false` builds the stages directly even then, e.g. for a first manual deployment).
 * The packs are registered on the App, so the tier proof judges every stage in one model.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { App } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { AppConfiguration } from '../config';
import { ClosedTeleworkPipelineStack, type PipelineStages } from '../pipeline/pipeline-stack';
import { PIPELINE_POLICY_FILE } from '../pipeline/closed-telework-pipeline';
import { HubRoutingStage, hubLink, hubMembers, SecurityCloudHubStage } from './prefecture-stages';
import { MunicipalityStage } from './municipality-stage';
import { registerPolicyPlugins } from './policy-plugins';
import { tierPolicyFromConfigs } from './tier-policy-from-config';

export interface BuildAppOptions {
  /** False: build the stages directly even when the prefecture declares a pipeline. @default true */
  pipeline?: boolean;
  /** The `-c …` flags that select this configuration, repeated by the pipeline's synth step. */
  synthContext?: string;
}

export interface BuiltApp {
  municipalities: MunicipalityStage[];
  hub?: SecurityCloudHubStage;
  hubRouting?: HubRoutingStage;
  pipelineStack?: ClosedTeleworkPipelineStack;
}

export function buildApp(app: App, configuration: AppConfiguration, options: BuildAppOptions = {}): BuiltApp {
  const policy = tierPolicyFromConfigs(configuration.municipalities.map((m) => m.config));
  // The report every synth writes carries each municipality's 費用試算 (issue 15), estimated when it is rendered:
  // computed from the configurations alone (with this package's price tables and the date), so a report reused
  // for unchanged inputs is keyed on them and nothing is estimated again.
  const configs = configuration.municipalities.map((m) => m.config);
  registerPolicyPlugins(app, { policy, costSections: () => lazyCost().costReportSectionsForConfigs(configs), costInputs: configs });
  // The policy the proof judged against, beside the templates: the pipeline's verify steps read it.
  fs.mkdirSync(app.outdir, { recursive: true });
  fs.writeFileSync(path.join(app.outdir, PIPELINE_POLICY_FILE), `${JSON.stringify(policy, null, 2)}\n`);

  const pref = configuration.prefecture;
  const built: BuiltApp = { municipalities: [] };
  const stages = (scope: Construct): PipelineStages => {
    const withHub = pref?.securityCloud !== undefined && hubMembers(configuration.municipalities).length > 0 ? pref : undefined;
    if (withHub) built.hub = new SecurityCloudHubStage(scope, `${withHub.name}-hub`, { prefecture: withHub, municipalities: configuration.municipalities });
    for (const m of configuration.municipalities) {
      const onHub = withHub !== undefined && m.config.internetEgress.kind === 'prefecture-hub';
      built.municipalities.push(new MunicipalityStage(scope, m.config.name, { config: m.config, ...(onHub ? { prefectureHub: hubLink(withHub) } : {}) }));
    }
    if (withHub) built.hubRouting = new HubRoutingStage(scope, `${withHub.name}-hub-routing`, { prefecture: withHub, municipalities: configuration.municipalities });
    const hub = built.hub;
    return {
      ...(hub ? { first: [{ stage: hub }] } : {}),
      municipalities: built.municipalities.map((stage) => ({ stage, ...(hub && stage.config.internetEgress.kind === 'prefecture-hub' ? { verifyWith: [hub] } : {}) })),
      ...(built.hubRouting && hub ? { last: [{ stage: built.hubRouting, verifyWith: [hub, ...built.municipalities.filter((s) => s.config.internetEgress.kind === 'prefecture-hub')] }] } : {}),
    };
  };

  if (pref?.pipeline !== undefined && options.pipeline !== false) {
    built.pipelineStack = new ClosedTeleworkPipelineStack(app, `${pref.name}-pipeline`, {
      stackName: `${pref.name}-closed-telework-pipeline`,
      config: pref.pipeline,
      defaultRegion: pref.region,
      liveVerify: pref.pipeline.liveVerify,
      synthContext: options.synthContext ?? '',
      stages,
    });
  } else {
    stages(app);
  }
  return built;
}

/** The estimator, loaded only when the report is written (`-c closed-telework:reportDir=false` never loads it). */
function lazyCost(): typeof import('../cost/report-section') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../cost/report-section') as typeof import('../cost/report-section');
}
