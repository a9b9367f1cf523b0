/**
 * What an intrinsic function resolves to. A value is literal JSON, a reference to a resource (its
 * identity, not its runtime id, which a template cannot know), or Unresolved with the reason —
 * which extractors turn into a finding (fail closed) whenever the value matters for the network.
 */
import type { Reason } from '../reason';
import type { ResourceEntry } from './resolver';

/** A resource's identity: `<stack>::<logicalId>` (plus `#defaultNacl`/`#defaultSg` for VPC defaults). */
export class ResRef {
  /** The resource's entry when the resolver made the reference from it (not part of the value: private, never compared or written). */
  readonly #entry: ResourceEntry | undefined;

  constructor(
    readonly key: string,
    entry?: ResourceEntry,
  ) {
    this.#entry = entry;
  }

  /** The entry of the resource named, when known without a lookup (a `Ref` or `Fn::GetAtt` to a resource of the templates). */
  get entry(): ResourceEntry | undefined {
    return this.#entry;
  }
}

export class Unresolved {
  /** Why, as data (lib/model/reason.ts): the reports word it. */
  constructor(readonly reason: Reason) {}
}

/** `AWS::NoValue`: removes the property or list element that holds it. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

export type Value =
  | string
  | number
  | boolean
  | null
  | ResRef
  | Unresolved
  | typeof NO_VALUE
  | Value[]
  | { [key: string]: Value };

/**
 * A resource reference embedded in a string (Fn::Sub / Fn::Join) is written as `\u0001R<n>\u0001`, an
 * index into a registry: no ':' or '.' inside, so Fn::Split and Fn::Select over such strings still work.
 */
const REF_MARK = '\u0001';
const refIndex = new Map<string, number>();
const refKeysByIndex: string[] = [];

export function refToString(r: ResRef): string {
  let i = refIndex.get(r.key);
  if (i === undefined) {
    i = refKeysByIndex.length;
    refKeysByIndex.push(r.key);
    refIndex.set(r.key, i);
  }
  return `${REF_MARK}R${i}${REF_MARK}`;
}

/**
 * Parses a JSON document a template builds with Fn::Join / Fn::Sub (a custom resource's settings, a policy
 * document): the reference markers inside its strings are control characters JSON refuses, so they are
 * escaped first and come back unchanged inside the parsed strings.
 */
export function parseJsonWithRefs(text: string): unknown {
  return JSON.parse(text.split(REF_MARK).join('\\u0001'));
}

export function refsInString(s: string): string[] {
  const out: string[] = [];
  const re = /\u0001R(\d+)\u0001/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push(refKeysByIndex[Number(m[1])]);
  return out;
}

/** True when the string is exactly one embedded reference (plus optional decoration we can ignore). */
export function stripRefs(s: string): string {
  return s.replace(/\u0001R\d+\u0001/g, '');
}

/** True when a string holds something only known at deploy time (pseudo parameter, resource id). */
export function isOpaqueString(s: string): boolean {
  return s.includes(REF_MARK) || s.includes('${AWS::') || s.includes('${AZ');
}

export function isPlainObject(v: unknown): v is Record<string, Value> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof ResRef) && !(v instanceof Unresolved);
}

/** The first Unresolved found anywhere inside a value (depth-first), if any. */
export function findUnresolved(v: Value): Unresolved | undefined {
  if (v instanceof Unresolved) return v;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = findUnresolved(x);
      if (u) return u;
    }
  } else if (isPlainObject(v)) {
    for (const x of Object.values(v)) {
      const u = findUnresolved(x);
      if (u) return u;
    }
  }
  return undefined;
}

/** Readable text for messages. */
export function show(v: Value): string {
  if (v instanceof ResRef) return v.key;
  if (v instanceof Unresolved) return `(unresolved: ${v.reason.key})`;
  if (v === NO_VALUE) return 'AWS::NoValue';
  if (typeof v === 'string') return v.replace(/\u0001R(\d+)\u0001/g, (_m, i: string) => `{${refKeysByIndex[Number(i)]}}`);
  return JSON.stringify(v, (_k, x) => (x instanceof ResRef ? x.key : x instanceof Unresolved ? `(unresolved)` : x));
}
