/**
 * Which guard rule files to run, and over what data (pure: no aws-cdk-lib, no I/O).
 *
 * - A file runs when a resource of one of its primary types is in some template, or when it names no type
 *   (it could apply to anything).
 * - Each template is cut down to the resources whose type one of the running files names; every other
 *   section (Parameters, Conditions, Mappings, Outputs…) is kept whole. A template with no resource of a
 *   running file's primary type is left out: every rule would SKIP on it.
 * - When a running file names no type, nothing is cut or left out (fail closed).
 * - planGuardRuns splits the work into one cfn-guard run per AWS service the files judge (the IAM files over
 *   the IAM resources, the S3 files over the buckets…), because cfn-guard's time grows with (files × data
 *   each file is handed): on ten municipalities one run over the union of types took about twice as long as
 *   the per-service runs one after another. Runs are independent, so they can also go side by side.
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

interface TemplateSurvey {
  present: Set<string>;
  /** A template without a Resources object, or a resource without a string Type. */
  oddTemplate: boolean;
}

function survey(templates: readonly GuardTemplate[]): TemplateSurvey {
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
  return { present, oddTemplate };
}

export function planGuardRun(ruleFiles: readonly GuardRuleFile[], templates: readonly GuardTemplate[]): GuardRun {
  return planFromSurvey(ruleFiles, templates, survey(templates));
}

function planFromSurvey(ruleFiles: readonly GuardRuleFile[], templates: readonly GuardTemplate[], { present, oddTemplate }: TemplateSurvey): GuardRun {
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

/** `AWS::S3` for `AWS::S3::Bucket`. */
function serviceOf(type: string): string {
  return type.split('::').slice(0, 2).join('::');
}

/**
 * The same work as planGuardRun, as independent runs: the running files grouped by the services of their
 * primary types, each group over the templates cut to the types its own files name. Every file still sees
 * every resource of every type it names, so each file's verdict on each template is unchanged; a template
 * is left out of a group's run only when no file of the group judges anything in it (every rule SKIPs).
 * Fail closed as planGuardRun: a file naming no type, or a template this reader does not understand, makes
 * one run of every file over whole templates.
 */
export function planGuardRuns(ruleFiles: readonly GuardRuleFile[], templates: readonly GuardTemplate[]): GuardRun[] {
  const found = survey(templates);
  const whole = planFromSurvey(ruleFiles, templates, found);
  if (whole.inputs.length === 0) return [];
  if (found.oddTemplate || whole.rules.some((rule) => rule.namedTypes.length === 0)) return [whole];

  const groups = new Map<string, GuardRuleFile[]>();
  for (const rule of whole.rules) {
    const key = [...new Set(rule.primaryTypes.map(serviceOf))].sort().join(' ');
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }
  return [...groups.values()].map((rules) => planFromSurvey(rules, templates, found)).filter((run) => run.inputs.length > 0);
}
