/**
 * One pipeline for a prefecture (or a vendor's set of municipalities), on CDK Pipelines:
 *
 *   Source (CodeConnections) → Synth (`npm ci`, `cdk synth` — every pack runs; a violation fails here)
 *   → self-mutation → [the prefecture hub] → municipalities in waves of `waveSize` → [the hub routing]
 *
 * Every stage has the tier proof as a PRE-deployment step: `closed-telework verify` over that stage's own
 * cloud assembly (with the assemblies it links to, e.g. the hub a member attaches to), judged against the
 * tier policy derived from the configurations at synth time. CodePipeline runs a wave's deploy actions only
 * after ALL of the wave's pre steps succeed, so a crossing in any municipality stops that wave before anything
 * of it is deployed, and the later waves never start.
 *
 * A POST-deployment step per stage, the live proof of what is actually deployed in the target account
 * (`closed-telework snapshot`, then `verify --snapshot … --against` the stage's templates; docs/post-deploy.md),
 * runs when `liveVerify` is on (the default): it assumes the target account's read-only CDK lookup role.
 */
import { Stage } from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as pipelines from 'aws-cdk-lib/pipelines';
import { Construct } from 'constructs';
import type { PipelineConfig } from '../config';
import { acknowledgeGeneratedRoles } from './generated-role-acknowledgements';
import { PipelineArtifactStore } from './pipeline-artifact-store';

/** The tier policy file the synth writes into cdk.out (derived from the configurations). */
export const PIPELINE_POLICY_FILE = 'closed-telework-tier-policy.json';

export interface PipelineStageEntry {
  stage: Stage;
  /** Stages whose assemblies the proof needs beside this one (the hub a member's attachment names). */
  verifyWith?: readonly Stage[];
}

export interface ClosedTeleworkPipelineProps {
  config: PipelineConfig;
  pipelineName: string;
  /** The `cdk synth` context that builds this same app, e.g. `-c prefecture=prefectures/kanagawa.yaml -c pipeline=true`. */
  synthContext: string;
  /** Deployed first, alone (the prefecture hub). */
  first?: readonly PipelineStageEntry[];
  /** Deployed in waves of `config.waveSize`, in this order. */
  municipalities: readonly PipelineStageEntry[];
  /** Deployed last (the hub routing of the members' attachments). */
  last?: readonly PipelineStageEntry[];
  /** Add the post-deployment live proof to every stage. @default true */
  liveVerify?: boolean;
}

export class ClosedTeleworkPipeline extends Construct {
  public readonly pipeline: pipelines.CodePipeline;
  public readonly source: pipelines.CodePipelineSource;
  /** Stage construct path → the id of its pre-deployment verify step (for tests and reviewers). */
  public readonly verifySteps = new Map<string, string>();

  constructor(scope: Construct, id: string, props: ClosedTeleworkPipelineProps) {
    super(scope, id);
    const c = props.config;
    this.source = pipelines.CodePipelineSource.connection(c.repository, c.branch, { connectionArn: c.connectionArn, triggerOnPush: true });
    const synth = new pipelines.ShellStep('Synth', {
      input: this.source,
      env: { CDK_DISABLE_VERSION_CHECK: '1' },
      commands: ['npm ci', `npx cdk synth ${props.synthContext}`],
      primaryOutputDirectory: 'cdk.out',
    });
    // Stages deploy into other accounts: artifacts are encrypted with a customer-managed key they are granted.
    const store = new PipelineArtifactStore(this, 'ArtifactStore');
    this.pipeline = new pipelines.CodePipeline(this, 'Pipeline', {
      pipelineName: props.pipelineName,
      pipelineType: codepipeline.PipelineType.V2,
      synth,
      artifactBucket: store.bucket,
      codeBuildDefaults: {
        buildEnvironment: { buildImage: codebuild.LinuxBuildImage.STANDARD_7_0, computeType: codebuild.ComputeType.MEDIUM },
        partialBuildSpec: codebuild.BuildSpec.fromObject({ phases: { install: { 'runtime-versions': { nodejs: '20' } } } }),
        logging: { cloudWatch: { logGroup: store.logGroup } },
      },
    });
    const assembly = synth.primaryOutput!;
    const verify = (entry: PipelineStageEntry): pipelines.Step => {
      const dirs = [entry.stage, ...(entry.verifyWith ?? [])].map((s) => `cdk.out/${s.artifactId}`);
      const stepId = `TierProof-${entry.stage.stageName}`;
      this.verifySteps.set(entry.stage.node.path, stepId);
      return new pipelines.ShellStep(stepId, {
        input: this.source,
        additionalInputs: { 'cdk.out': assembly },
        env: { CDK_DISABLE_VERSION_CHECK: '1' },
        commands: [
          'npm ci',
          // Exit 1 on any finding, 2 on unusable input: either stops the wave before its deploy actions.
          `npx closed-telework verify --policy cdk.out/${PIPELINE_POLICY_FILE} ${dirs.join(' ')}`,
        ],
      });
    };
    const post = (entry: PipelineStageEntry): pipelines.Step[] => (props.liveVerify !== false ? [this.liveVerifyStep(entry.stage)] : []);

    for (const entry of props.first ?? []) this.pipeline.addStage(entry.stage, { pre: [verify(entry)], post: post(entry) });
    const size = c.waveSize;
    for (let i = 0; i < props.municipalities.length; i += size) {
      const wave = this.pipeline.addWave(`Municipalities-${i / size + 1}`);
      for (const entry of props.municipalities.slice(i, i + size)) wave.addStage(entry.stage, { pre: [verify(entry)], post: post(entry) });
    }
    for (const entry of props.last ?? []) this.pipeline.addStage(entry.stage, { pre: [verify(entry)], post: post(entry) });
    // Build now (not lazily at synthesis) so the generated roles exist and their findings can be acknowledged.
    this.pipeline.buildPipeline();
    acknowledgeGeneratedRoles(this);
  }

  /**
   * The live proof in the target account after the deploy: assume its CDK lookup role (read-only — the
   * bootstrap's ReadOnlyAccess role that `cdk bootstrap --trust-for-lookup` lets the pipeline account assume),
   * collect the snapshot of what is actually deployed and verify it, with its drift from the stage's
   * templates (`closed-telework snapshot`, `verify --snapshot … --against`, docs/post-deploy.md). Exit 1 on a
   * finding or a crossing drift stops the pipeline before the next wave.
   */
  private liveVerifyStep(stage: Stage): pipelines.Step {
    const account = stage.account ?? 'UNKNOWN';
    const region = stage.region ?? 'ap-northeast-1';
    const role = `arn:aws:iam::${account}:role/cdk-hnb659fds-lookup-role-${account}-${region}`;
    return new pipelines.CodeBuildStep(`LiveProof-${stage.stageName}`, {
      input: this.source,
      additionalInputs: { 'cdk.out': this.pipeline.cloudAssemblyFileSet },
      env: { CDK_DISABLE_VERSION_CHECK: '1', TARGET_ROLE: role, AWS_REGION: region },
      rolePolicyStatements: [new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: [role] })],
      commands: [
        'npm ci',
        'creds=$(aws sts assume-role --role-arn "$TARGET_ROLE" --role-session-name closed-telework-live-proof --query Credentials --output json)',
        'export AWS_ACCESS_KEY_ID=$(echo "$creds" | node -pe "JSON.parse(require(\'fs\').readFileSync(0)).AccessKeyId")',
        'export AWS_SECRET_ACCESS_KEY=$(echo "$creds" | node -pe "JSON.parse(require(\'fs\').readFileSync(0)).SecretAccessKey")',
        'export AWS_SESSION_TOKEN=$(echo "$creds" | node -pe "JSON.parse(require(\'fs\').readFileSync(0)).SessionToken")',
        `npx closed-telework snapshot --out live-snapshot --region ${region}`,
        `npx closed-telework verify --snapshot live-snapshot --against cdk.out/${stage.artifactId} --policy cdk.out/${PIPELINE_POLICY_FILE}`,
      ],
    });
  }
}
