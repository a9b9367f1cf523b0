/**
 * What a Control Tower guard rule file can look at, read from its text (pure: node:fs only).
 *
 * Why: cfn-guard 3 copies the data for every query of every rule file, so its time grows with
 * (rule files × template size). Knowing which resource types a file can judge lets the plugin run only the
 * files that can report on this app, over templates cut down to the resources those files can see.
 *
 * Two sets per file:
 * - named types: every literal `AWS::Service::Type` in the file. A guard rule selects resources by their
 *   literal type (`Resources.*[ Type == 'AWS::S3::Bucket' ]`) and checks a local reference by comparing the
 *   referenced resource's `Type` with a literal, so a resource of any other type is invisible to the file.
 * - primary types: the types whose presence can make the file report anything. The file's reported
 *   (parameterless) rules are read one by one, and each must be gated in one of the two ways the Control
 *   Tower files use:
 *     rule r when is_cfn_template(%INPUT_DOCUMENT) %buckets not empty { … }   with
 *                                                   let buckets = Resources.*[ Type == %S3_BUCKET_TYPE ]
 *     rule r when is_cfn_hook(%INPUT_DOCUMENT, %S3_BUCKET_TYPE) { … }
 *   The first is SKIP unless a resource of that type is present; the second needs a hook payload (a
 *   top-level key named after the type), which a CloudFormation template never has. So with no resource of
 *   a gating type every rule in the file is SKIP, and those gating types are the primary ones.
 *
 * Fail closed: if any reported rule is not gated in one of those two ways, or a gate names something this
 * reader cannot resolve to a literal type, every named type counts as primary; a file naming no type at
 * all applies to every template and is given whole templates (see guard-input.ts).
 */
import * as path from 'path';

const RESOURCE_TYPE = /AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/g;
const TYPE_LITERAL = /^["'](AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)["']$/;
const TYPE_CONSTANT = /^let\s+(\w+)\s*=\s*["'](AWS::[A-Za-z0-9]+::[A-Za-z0-9]+)["']\s*$/gm;
/** `let buckets = Resources.*[ Type == %S3_BUCKET_TYPE ]`, also `Resources[ … ]`, literal types, and `… or Type == …`. */
const TYPED_QUERY = /^let\s+(\w+)\s*=\s*Resources(?:\.\*)?\[([^\]]*)\]\s*$/gm;
const TYPE_TEST = /^Type\s*==\s*(%\w+|["'][^"']+["'])$/;
/** A top-level rule with no parameter list: cfn-guard reports it. */
const REPORTED_RULE = /^rule\s+(\w+)\s*(when\b[\s\S]*?)?\{/gm;
const HOOK_GATE = /^when is_cfn_hook\(\s*%INPUT_DOCUMENT\s*,\s*(%\w+|["'][^"']+["'])\s*\)$/;
const TEMPLATE_GATE = /^when is_cfn_template\(\s*(?:%INPUT_DOCUMENT|this)\s*\) %(\w+) not empty$/;
/** The hook gate means "a top-level key named after the type" only if the file defines it so. */
const HOOK_DEFINITION = /^rule\s+is_cfn_hook\s*\(\s*doc\s*,\s*(\w+)\s*\)\s*\{\s*%doc\.%(\w+)\.resourceProperties\s+exists\s*\}/m;

export interface GuardRuleFile {
  /** Absolute path, as handed to cfn-guard. */
  path: string;
  /** File name without `.guard`, e.g. `ct-s3-pr-1`. */
  name: string;
  /** Every literal resource type in the file (sorted). */
  namedTypes: string[];
  /** The types whose presence can make the file report (sorted); empty only when it names no type. */
  primaryTypes: string[];
  /** Where primaryTypes came from: the gates of its reported rules, or (fail closed) all named types. */
  primaryFrom: 'rule-gates' | 'named-types';
}

/** Full-line comments go first, so a commented-out line can neither name a type nor redefine a constant. */
function withoutCommentLines(source: string): string {
  return source
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
}

/** The gating types of every reported rule, or undefined when one rule is not gated in a known way. */
function gatingTypes(code: string): Set<string> | undefined {
  const constants = new Map<string, string>();
  for (const m of code.matchAll(TYPE_CONSTANT)) constants.set(m[1] as string, m[2] as string);
  const typeOf = (ref: string): string | undefined => (ref.startsWith('%') ? constants.get(ref.slice(1)) : TYPE_LITERAL.exec(ref)?.[1]);
  // A query's types, or undefined when its filter is anything but `Type == X [or Type == Y …]`.
  const queries = new Map<string, string[] | undefined>();
  for (const m of code.matchAll(TYPED_QUERY)) {
    const tests = (m[2] as string).trim().split(/\s+or\s+/);
    const types = tests.map((t) => TYPE_TEST.exec(t.trim())?.[1]).map((ref) => (ref === undefined ? undefined : typeOf(ref)));
    queries.set(m[1] as string, types.every((t): t is string => t !== undefined) ? types : undefined);
  }

  const hookDefinition = HOOK_DEFINITION.exec(code);
  const hookMeansPayload = hookDefinition !== null && hookDefinition[1] === hookDefinition[2];

  const types = new Set<string>();
  let rules = 0;
  for (const m of code.matchAll(REPORTED_RULE)) {
    rules++;
    const gate = (m[2] ?? '').replace(/\s+/g, ' ').trim();
    const hook = HOOK_GATE.exec(gate);
    if (hook && !hookMeansPayload) return undefined;
    const hookType = hook ? typeOf(hook[1] as string) : undefined;
    const gated = hook ? (hookType === undefined ? undefined : [hookType]) : queries.get(TEMPLATE_GATE.exec(gate)?.[1] ?? '');
    if (gated === undefined) return undefined;
    for (const type of gated) types.add(type);
  }
  return rules > 0 ? types : undefined;
}

export function analyseGuardRuleFile(filePath: string, source: string): GuardRuleFile {
  const code = withoutCommentLines(source);
  const namedTypes = [...new Set(code.match(RESOURCE_TYPE) ?? [])].sort();
  const gates = gatingTypes(code);
  return {
    path: filePath,
    name: path.basename(filePath, '.guard'),
    namedTypes,
    primaryTypes: gates ? [...gates].sort() : namedTypes,
    primaryFrom: gates ? 'rule-gates' : 'named-types',
  };
}
