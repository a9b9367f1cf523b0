/**
 * SSM parameters link templates the way exports do, across accounts too: the prefecture hub publishes its
 * Transit Gateway id as an `AWS::SSM::Parameter` shared through AWS RAM, and a municipality's template reads
 * it with a template parameter of type `AWS::SSM::Parameter::Value<String>` whose default is that
 * parameter's name or ARN (CloudFormation reads shared parameters only this way, not through dynamic
 * references). When exactly one template given defines a parameter of that name, the reference resolves to
 * that parameter's `Value`; otherwise it stays unresolved (fail closed).
 */
import type { LoadedTemplate } from '../load/template';

/** `arn:aws:ssm:<region>:<account>:parameter/<name>` → the names it can stand for (with and without a leading slash). */
export function ssmParameterNames(reference: string): string[] {
  const m = /^arn:[^:]+:ssm:[^:]*:[^:]*:parameter(\/.+)$/.exec(reference);
  if (!m) return [reference];
  return [m[1], m[1].slice(1)];
}

export interface SsmParameterDefinition {
  stack: string;
  value: unknown;
}

/** Literal `Name` → every `AWS::SSM::Parameter` resource defining it. */
export function indexSsmParameters(templates: readonly LoadedTemplate[]): Map<string, SsmParameterDefinition[]> {
  const index = new Map<string, SsmParameterDefinition[]>();
  for (const t of templates) {
    for (const resource of Object.values(t.template.Resources)) {
      if (resource.Type !== 'AWS::SSM::Parameter') continue;
      const name = resource.Properties?.Name;
      if (typeof name !== 'string') continue;
      index.set(name, [...(index.get(name) ?? []), { stack: t.stack, value: resource.Properties?.Value }]);
    }
  }
  return index;
}
