/**
 * The pipeline's own stack, in the pipeline account. The stages it deploys are built inside it (CDK
 * Pipelines deploys the stages of its own stack), by the same code that builds them without a pipeline.
 */
import { Stack, StackProps, Stage } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { PipelineConfig } from '../config';
import { ClosedTeleworkPipeline, type PipelineStageEntry } from './closed-telework-pipeline';

export interface PipelineStages {
  first?: PipelineStageEntry[];
  municipalities: PipelineStageEntry[];
  last?: PipelineStageEntry[];
}

export interface ClosedTeleworkPipelineStackProps extends StackProps {
  config: PipelineConfig;
  /** The pipeline's region when the pipeline section names none (the prefecture's). */
  defaultRegion: string;
  synthContext: string;
  /** Builds the stages inside `scope` (this stack) and says in which order to deploy them. */
  stages: (scope: Construct) => PipelineStages;
  liveVerify?: boolean;
}

export class ClosedTeleworkPipelineStack extends Stack {
  public readonly pipeline: ClosedTeleworkPipeline;
  public readonly deployed: Stage[];

  constructor(scope: Construct, id: string, props: ClosedTeleworkPipelineStackProps) {
    super(scope, id, { ...props, env: { account: props.config.account, region: props.config.region ?? props.defaultRegion } });
    const stages = props.stages(this);
    this.deployed = [...(stages.first ?? []), ...stages.municipalities, ...(stages.last ?? [])].map((e) => e.stage);
    this.pipeline = new ClosedTeleworkPipeline(this, 'Pipeline', {
      config: props.config,
      pipelineName: id,
      synthContext: props.synthContext,
      ...stages,
      ...(props.liveVerify !== undefined ? { liveVerify: props.liveVerify } : {}),
    });
  }
}
