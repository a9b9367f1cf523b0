/** A CloudFormation template as the engine sees it: the parsed document plus where it came from. */

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  Condition?: string;
  Metadata?: Record<string, unknown>;
  DependsOn?: unknown;
}

export interface CfnTemplate {
  Parameters?: Record<string, { Type?: string; Default?: unknown; AllowedValues?: unknown[]; AllowedPattern?: unknown; MinLength?: unknown; MaxLength?: unknown; MinValue?: unknown; MaxValue?: unknown }>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Value: unknown; Export?: { Name: unknown }; Condition?: string }>;
  /** Macros (e.g. AWS::Serverless-2016-10-31) that rewrite the template at deploy time. */
  Transform?: unknown;
}

export interface LoadedTemplate {
  /** Stack name (cloud assembly), `<parent>/<logicalId>` for a nested stack, or the file name. */
  stack: string;
  /** The file the template was read from. */
  file: string;
  template: CfnTemplate;
  /** For a nested stack: the parent stack and the logical id of its AWS::CloudFormation::Stack resource. */
  parent?: { stack: string; logicalId: string };
  /** The name the stack is deployed as, when known (`--stack NAME=FILE`): the value of `AWS::StackName`. */
  stackName?: string;
  /** Parameter values given for the deployment (`--parameters FILE`): they replace Defaults and AllowedValues. */
  parameters?: Record<string, string>;
  /**
   * The construct path of a resource whose template carries no `aws:cdk:path` metadata (`new App()` writes
   * none): the cdk-nag pack answers from the construct tree, so every ResourceRef the model makes carries
   * the path a developer edits, from the start. Built lazily by the caller: asked only for resources the
   * model names.
   */
  constructPathOf?: (logicalId: string) => string | undefined;
}
