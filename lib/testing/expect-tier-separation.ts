/**
 * Policy tests for users' own apps: `expectTierSeparation(app)` in a jest (or any) test synthesises the
 * app, runs the tier-separation engine over every Stage, stack and nested stack, and throws an Error whose
 * message is the readable findings — the same findings `cdk synth` and `closed-telework verify` report.
 *
 *   import { expectTierSeparation } from 'closed-telework/lib/testing';
 *   test('tiers never reach one another', () => { expectTierSeparation(app); });
 */
import { App, Stack, Stage, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Acknowledgement } from '../report/report-input';
import type { TierEngine } from '../report/engine-run';
import { PACK_NAME, ThreeTierSeparationChecks, type PackRun } from '../nag/three-tier-separation-checks';
import type { TierPolicy } from '../policy/schema';

export interface ExpectTierSeparationOptions {
  /** Fail on warnings too. @default false */
  readonly failOnWarnings?: boolean;
  /** The tier policy file. @default the app's `closed-telework:policyFile` context, else the packaged default */
  readonly policyFile?: string;
  /** The tier policy itself, e.g. `tierPolicyFromConfigs([config])`; a policy file wins over it. */
  readonly policy?: TierPolicy;
  /** Replace the engine (for testing this API itself). */
  readonly engine?: TierEngine;
}

/** Thrown when the app does not keep its tiers apart; `findings` holds the violations for finer assertions. */
export class TierSeparationError extends Error {
  constructor(
    message: string,
    public readonly run: PackRun,
  ) {
    super(message);
    this.name = 'TierSeparationError';
  }
}

function rootStage(appOrStack: IConstruct): Stage {
  const root = appOrStack.node.root;
  if (!Stage.isStage(root)) {
    throw new Error(`expectTierSeparation: the root of ${appOrStack.node.path || '(root)'} is not an App or Stage; pass an App or a Stack that belongs to one.`);
  }
  return root;
}

/** True when a non-fatal violation at `constructPath` is covered by an acknowledgement of this pack (the CDK's own rule: the closest ancestor). */
function acknowledged(ruleName: string, constructPath: string, acks: readonly Acknowledgement[]): boolean {
  return acks.some(
    (a) => a.pack === PACK_NAME && a.ruleId === ruleName && !a.refused && (a.acknowledgedAt === '' || constructPath === a.acknowledgedAt || constructPath.startsWith(`${a.acknowledgedAt}/`)),
  );
}

/**
 * Synthesise `appOrStack`'s app and throw a TierSeparationError listing every finding that fails it.
 * Returns the run (findings, matrix, acknowledgements) when the app passes, for further assertions.
 */
export function expectTierSeparation(appOrStack: App | Stack | Stage, options: ExpectTierSeparationOptions = {}): PackRun {
  const app = rootStage(appOrStack);
  const pack = new ThreeTierSeparationChecks({ reportDir: false, ...(options.policyFile ? { policyFile: options.policyFile } : {}), ...(options.policy ? { policy: options.policy } : {}), ...(options.engine ? { engine: options.engine } : {}) });
  Validations.of(app).addPlugins(pack);
  let synthError: unknown;
  try {
    // force: the app may have been synthesised already, and the pack only runs during a synthesis.
    app.synth({ force: true });
  } catch (err) {
    // Other packs (or ours) failing synth is expected here; what matters is what our pack saw.
    synthError = err;
  }
  const run = pack.lastRun;
  if (!run) {
    const detail = synthError instanceof Error ? synthError.message : String(synthError ?? 'the pack was not run');
    throw new Error(`expectTierSeparation: the app could not be synthesised, so its tiers could not be checked (fail closed): ${detail}`);
  }
  if (run.collected.templates.length === 0) {
    throw new TierSeparationError('expectTierSeparation: the app has no stack, so there is nothing to prove (fail closed).', run);
  }
  const failing = run.report.violations.filter((v) => {
    if (v.severity === 'warning') return options.failOnWarnings === true;
    if (v.severity === 'fatal') return true;
    // An error acknowledged with a reason passes here as it does in `cdk synth`; it still appears in the report.
    return !v.violatingResources.every((r) => r.constructPath !== undefined && acknowledged(v.ruleName, r.constructPath, run.acknowledgements));
  });
  if (failing.length > 0) {
    const body = failing.map((v, i) => `#${i + 1} [${v.severity}] ${PACK_NAME}::${v.ruleName}\n${v.description}${v.fix ? `\nFix: ${v.fix}` : ''}`).join('\n\n');
    throw new TierSeparationError(`Tier separation does not hold: ${failing.length} finding(s).\n\n${body}`, run);
  }
  return run;
}
