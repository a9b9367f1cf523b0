/**
 * Which guard rule files to run, and over what data (pure: no aws-cdk-lib, no I/O).
 *
 * - A file runs when a resource of one of its primary types is in some template, or when it names no type
 *   (it could apply to anything).
 * - Each template is cut down to the resources whose type one of the running files names; every other
 *   section (Parameters, Conditions, Mappings, Outputs…) is kept whole. A template with no resource of a
 *   running file's primary type is left out: every rule would SKIP on it.
 * - When a running file names no type, nothing is cut or left out (fail closed).
 *
 * The violations are the same as running every file over the whole templates; test/control-tower checks
 * that on the example app and on an app built to break many controls, against the unmodified validator.
 */
import type { GuardRuleFile } from './guard-rule-file';

export interface GuardTemplate {
  /** Where the template was written by the synth; violations are reported against this path. */
  path: string;
  body: Record<string, unknown>;
}

export interface GuardRun {
  rules: GuardRuleFile[];
  /** The data to hand cfn-guard, one per template that can produce a violation, with its source path. */
  inputs: GuardTemplate[];
}

function resourcesOf(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const resources = body.Resources;
  return resources !== null && typeof resources === 'object' && !Array.isArray(resources) ? (resources as Record<string, unknown>) : undefined;
}

/** A resource's `Type` when it is a plain string; anything else is kept wherever it appears (fail closed). */
function typeOf(resource: unknown): string | undefined {
  const type = (resource as { Type?: unknown } | null)?.Type;
  return typeof type === 'string' ? type : undefined;
}

export function planGuardRun(ruleFiles: readonly GuardRuleFile[], templates: readonly GuardTemplate[]): GuardRun {
  const present = new Set<string>();
  let oddTemplate = false;
  for (const template of templates) {
    const resources = resourcesOf(template.body);
    if (!resources) {
      oddTemplate = true;
      continue;
    }
    for (const resource of Object.values(resources)) {
      const type = typeOf(resource);
      if (type === undefined) oddTemplate = true;
      else present.add(type);
    }
  }

  const rules = ruleFiles.filter((rule) => rule.primaryTypes.length === 0 || oddTemplate || rule.primaryTypes.some((t) => present.has(t)));
  if (rules.length === 0) return { rules, inputs: [] };
  // A file that names no type, or a template this reader does not understand: hand over everything as it is.
  if (oddTemplate || rules.some((rule) => rule.namedTypes.length === 0)) return { rules, inputs: [...templates] };

  const visible = new Set(rules.flatMap((rule) => rule.namedTypes));
  const judged = new Set(rules.flatMap((rule) => rule.primaryTypes));
  const inputs: GuardTemplate[] = [];
  for (const template of templates) {
    const resources = resourcesOf(template.body) as Record<string, unknown>;
    const kept = Object.entries(resources).filter(([, resource]) => visible.has(typeOf(resource) as string));
    if (!kept.some(([, resource]) => judged.has(typeOf(resource) as string))) continue;
    inputs.push({ path: template.path, body: { ...template.body, Resources: Object.fromEntries(kept) } });
  }
  return { rules, inputs };
}
