/**
 * Small, literal readers of CloudFormation for the record sections: tags, same-template references, and a
 * resource's tier. They read what the template SAYS (a literal value, a `Ref` to a resource of the same
 * template); anything else is returned as undefined and the section shows it as 未解決 / unresolved, never
 * as a guessed value. Reachability is not judged here (that is lib/model's job): these are facts to print.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { CfnResource, LoadedTemplate } from '../../model/load/template';
import { isTier, TIER_TAG_KEY, type Tier } from '../../tiers/tier';
import type { RecordSource } from './record';

export interface Located {
  t: LoadedTemplate;
  id: string;
  r: CfnResource;
}

/** Every resource of every template, in template order. */
export function allResources(templates: readonly LoadedTemplate[]): Located[] {
  return templates.flatMap((t) => Object.entries(t.template.Resources ?? {}).map(([id, r]) => ({ t, id, r })));
}

export function ofType(templates: readonly LoadedTemplate[], type: string): Located[] {
  return allResources(templates).filter((x) => x.r.Type === type);
}

export function sourceOf(x: Located): RecordSource {
  const meta = x.r.Metadata?.['aws:cdk:path'];
  const constructPath = typeof meta === 'string' ? meta : x.t.constructPathOf?.(x.id);
  return { stack: x.t.stack, logicalId: x.id, ...(constructPath ? { constructPath } : {}) };
}

export function prop(x: Located, name: string): unknown {
  return x.r.Properties?.[name];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return undefined;
}

export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return undefined;
}

/** A tag list (`Tags: [{Key, Value}]`) or a Client VPN TagSpecifications list, as a map of literal values. */
export function tagsOf(x: Located): Map<string, string> {
  const out = new Map<string, string>();
  const add = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const tag of list as Array<{ Key?: unknown; Value?: unknown }>) {
      if (typeof tag?.Key === 'string' && typeof tag.Value === 'string') out.set(tag.Key, tag.Value);
    }
  };
  add(prop(x, 'Tags'));
  const specs = prop(x, 'TagSpecifications');
  if (Array.isArray(specs)) for (const s of specs as Array<{ Tags?: unknown }>) add(s?.Tags);
  return out;
}

/** The logical id a `{Ref: X}` or `{Fn::GetAtt: [X, …]}` names, when X is a resource of the same template. */
export function refId(x: Located, v: unknown): string | undefined {
  if (v === null || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const id = typeof o.Ref === 'string' ? o.Ref : Array.isArray(o['Fn::GetAtt']) && typeof o['Fn::GetAtt'][0] === 'string' ? o['Fn::GetAtt'][0] : undefined;
  return id !== undefined && x.t.template.Resources[id] !== undefined ? id : undefined;
}

export function resolveRef(x: Located, v: unknown): Located | undefined {
  const id = refId(x, v);
  return id === undefined ? undefined : { t: x.t, id, r: x.t.template.Resources[id]! };
}

/**
 * A resource's declared tier: its own `mic:tier` tag, else the tag of the resource it names through the
 * property given (e.g. a flow log's VPC), else the one tier every tagged resource of its template declares
 * (a telework stack's directory has no tags; its stack is one tier's). Undefined when none of these says.
 */
export function tierOf(x: Located, via?: string): Tier | undefined {
  const own = tagsOf(x).get(TIER_TAG_KEY);
  if (isTier(own)) return own;
  if (via !== undefined) {
    const target = resolveRef(x, prop(x, via));
    const t = target ? tagsOf(target).get(TIER_TAG_KEY) : undefined;
    if (isTier(t)) return t;
  }
  return templateTier(x.t);
}

const TEMPLATE_TIER = new WeakMap<LoadedTemplate, Tier | null>();

export function templateTier(t: LoadedTemplate): Tier | undefined {
  const known = TEMPLATE_TIER.get(t);
  if (known !== undefined) return known ?? undefined;
  const tiers = new Set<string>();
  for (const [id, r] of Object.entries(t.template.Resources ?? {})) {
    const v = tagsOf({ t, id, r }).get(TIER_TAG_KEY);
    if (v !== undefined) tiers.add(v);
  }
  const only = tiers.size === 1 ? [...tiers][0] : undefined;
  const tier = isTier(only) ? only : undefined;
  TEMPLATE_TIER.set(t, tier ?? null);
  return tier;
}

/**
 * A CDK `stack.toJsonString(...)` value: `{Fn::Join: ['', [literal, {Ref…}, literal…]]}` or a plain string.
 * Tokens become the placeholder `<token>` (ids known only at deploy time), so the literal settings can be
 * read; undefined when it is neither or does not parse.
 */
export function jsonWithTokens(v: unknown): unknown {
  let text: string | undefined;
  if (typeof v === 'string') text = v;
  else if (v !== null && typeof v === 'object' && Array.isArray((v as Record<string, unknown>)['Fn::Join'])) {
    const [sep, parts] = (v as { 'Fn::Join': [unknown, unknown] })['Fn::Join'];
    if (sep === '' && Array.isArray(parts)) text = parts.map((p) => (typeof p === 'string' ? p : '<token>')).join('');
  }
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
