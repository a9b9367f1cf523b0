/**
 * Shared helpers for the extractors: resolving the properties that matter for the network and
 * recording, as facts, every value the engine could not resolve (fail closed).
 */
import type { ResourceRef } from '../path';
import { TIER_TAG_KEY } from '../../tiers/tier';
import { type Cidr, parseCidr } from '../../cidr/address-sets';
import { Resolver, type ResourceEntry } from '../resolve/resolver';
import { NO_VALUE, ResRef, Unresolved, type Value, isOpaqueString, isPlainObject, refsInString, show, stripRefs } from '../resolve/values';
import { recordVariableTierTag } from './service-facts';
import type { NetworkModel } from './types';
import { reason, type Reason } from '../reason';

export class ExtractContext {
  constructor(
    readonly resolver: Resolver,
    readonly model: NetworkModel,
  ) {}

  /** One ResourceRef per entry, made once (kept on the entry): asked for by every fact, rule and unresolved value of the resource. */
  ref(entry: ResourceEntry): ResourceRef {
    let r = entry.ref;
    if (!r) {
      const metadata = entry.resource.Metadata?.['aws:cdk:path'];
      const path = typeof metadata === 'string' ? metadata : entry.template.constructPathOf?.(entry.logicalId);
      r = typeof path === 'string' ? { stack: entry.stack, logicalId: entry.logicalId, type: entry.resource.Type, constructPath: path } : { stack: entry.stack, logicalId: entry.logicalId, type: entry.resource.Type };
      entry.ref = r;
    }
    return r;
  }

  /** A ResourceRef for a key that may be synthetic (`vpc#defaultNacl`). */
  refForKey(key: string, type: string): ResourceRef {
    const [base, suffix] = key.split('#');
    const e = this.resolver.resources.get(base);
    if (!e) return { stack: base.split('::')[0], logicalId: base.split('::')[1] ?? base, type };
    const r = this.ref(e);
    return suffix ? { ...r, logicalId: `${r.logicalId}#${suffix}`, type } : r;
  }

  unresolved(entry: ResourceEntry, property: string, why: Reason): void {
    this.model.unresolved.push({ ref: this.ref(entry), property, reason: why });
  }

  unmodelled(entry: ResourceEntry, why: Reason): void {
    this.model.unmodelled.push({ ref: this.ref(entry), reason: why });
  }

  typeOf(key: string): string | undefined {
    return this.resolver.resources.get(baseKey(key))?.resource.Type;
  }

  /**
   * Keys of the resources a property refers to (a single reference or a list). A literal id such as
   * `vpc-0abc…` names something outside the templates: recorded as unresolved, because the engine
   * cannot see what it connects to.
   */
  refKeys(entry: ResourceEntry, property: string, values?: Value[], expectTypes?: readonly string[]): string[] {
    const vs = values ?? this.resolver.prop(entry, property);
    const out: string[] = [];
    for (const v of vs) this.collectRef(entry, property, v, expectTypes, out);
    return out.length < 2 ? out : [...new Set(out)];
  }

  /** refKeys for one value (a method, not a closure made per call: ~600,000 properties are read this way). */
  private collectRef(entry: ResourceEntry, property: string, v: Value, expectTypes: readonly string[] | undefined, out: string[]): void {
    if (v === NO_VALUE || v === null) return;
    if (Array.isArray(v)) {
      for (const x of v) this.collectRef(entry, property, x, expectTypes, out);
      return;
    }
    if (v instanceof ResRef) {
      const type = expectTypes && (v.entry ? v.entry.resource.Type : this.typeOf(v.key));
      if (expectTypes && type && !expectTypes.includes(type)) {
        this.unresolved(entry, property, reason('wrong-reference-type', { ref: v.key, type, expected: [...expectTypes] }));
        return;
      }
      out.push(v.key);
      return;
    }
    if (v instanceof Unresolved) return this.unresolved(entry, property, v.reason);
    if (typeof v === 'string') {
      const refs = refsInString(v);
      // A bare reference, or one with an AZ prefix as in Network Firewall's "az:vpce-…" endpoint ids.
      if (refs.length === 1 && /^([a-z0-9${}-]+:)?$/i.test(stripRefs(v))) {
        out.push(refs[0]);
        return;
      }
      return this.unresolved(entry, property, reason('outside-templates', { value: show(v) }));
    }
    this.unresolved(entry, property, reason('unexpected-value', { value: show(v) }));
  }

  /** One reference (first of the alternatives; extra alternatives are returned too by refKeys). */
  refKey(entry: ResourceEntry, property: string, expectTypes?: readonly string[]): string | undefined {
    return this.refKeys(entry, property, undefined, expectTypes)[0];
  }

  /**
   * The CIDR blocks a property can take. Of several alternatives (AllowedValues, Fn::If branches), one that
   * is not a CIDR block cannot be deployed — EC2 rejects it and CloudFormation rolls the stack back — so it
   * is no branch; it is a finding only when no alternative is a CIDR block (or the value was given with
   * `--parameters`, which leaves one alternative).
   */
  cidrs(entry: ResourceEntry, property: string, values?: Value[]): Cidr[] {
    const vs = values ?? this.resolver.prop(entry, property);
    const out: Cidr[] = [];
    const invalid: Value[] = [];
    for (const v of vs) {
      if (v === NO_VALUE) continue;
      if (v instanceof Unresolved) {
        this.unresolved(entry, property, v.reason);
        continue;
      }
      const c = parseCidr(v);
      if (!c) invalid.push(v);
      else out.push(c);
    }
    const alternatives = values === undefined && out.length > 0;
    if (!alternatives) for (const v of invalid) this.unresolved(entry, property, reason('not-a-cidr', { value: show(v) }));
    return out;
  }

  strings(entry: ResourceEntry, property: string, values?: Value[]): string[] {
    const vs = values ?? this.resolver.prop(entry, property);
    const out: string[] = [];
    for (const v of vs) {
      if (v === NO_VALUE) continue;
      if (v instanceof Unresolved) this.unresolved(entry, property, v.reason);
      else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
      else this.unresolved(entry, property, reason('expected-string', { value: show(v) }));
    }
    return out;
  }

  /** The `mic:tier` tag value as written; undefined when absent; '?' when present but not resolvable. */
  tierTag(entry: ResourceEntry, property = 'Tags'): string | undefined {
    const tags = this.resolver.propList(entry, property);
    // Every value the tag can take (a parameter's AllowedValues, both branches of an Fn::If): a tier that a
    // deployment decides cannot be proven separated, so more than one possible value is a finding.
    const values: string[] = [];
    for (const t of tags) {
      if (!isPlainObject(t)) continue;
      if (t.Key !== TIER_TAG_KEY) continue;
      const v = t.Value;
      if (typeof v === 'string' && !isOpaqueString(v)) {
        if (!values.includes(v)) values.push(v);
        continue;
      }
      this.unresolved(entry, `${property}.${TIER_TAG_KEY}`, reason('tag-not-literal', {}));
      return '?';
    }
    if (values.length > 0) {
      const raw = (entry.resource.Properties ?? {})[property];
      const free = Array.isArray(raw) && raw.some((t) => isPlainObject(t) && t.Key === TIER_TAG_KEY && this.resolver.dependsOnFreeParameter(entry.stack, t.Value));
      if (values.length > 1 || free) recordVariableTierTag(this.model, { ref: this.ref(entry), values, free });
      return values[0];
    }
    // Some resource types (e.g. Direct Connect) use a map of tags.
    const raw = this.resolver.prop(entry, property)[0];
    if (isPlainObject(raw) && typeof raw[TIER_TAG_KEY] === 'string') return raw[TIER_TAG_KEY] as string;
    return undefined;
  }

  bool(entry: ResourceEntry, property: string, dflt: boolean): boolean[] {
    const vs = this.resolver.prop(entry, property);
    const out = new Set<boolean>();
    for (const v of vs) {
      if (v === NO_VALUE) out.add(dflt);
      else if (v === true || v === 'true') out.add(true);
      else if (v === false || v === 'false') out.add(false);
      else if (v instanceof Unresolved) {
        this.unresolved(entry, property, v.reason);
        out.add(true);
        out.add(false);
      } else out.add(dflt);
    }
    return [...out];
  }

  /**
   * A fact: the resource's key, ref and presence, then the fact's own fields, in that order. Made by assigning
   * the own fields onto one literal, never as `{ ...fact, own }`: V8 gives each object made by a spread and
   * then more fields a hidden class of its own, so a country's ~80,000 facts had as many classes — the
   * classes alone took tens of MB the collector copied, and every read of a fact's field in the walks and
   * rules was a megamorphic look-up. Assigned, each kind of fact shares one class.
   */
  fact(entry: ResourceEntry): FactBase;
  fact<T extends object>(entry: ResourceEntry, own: T): FactBase & T;
  fact(entry: ResourceEntry, own?: object): FactBase {
    const base: FactBase = { key: entry.key, ref: this.ref(entry), presence: entry.presence };
    return own === undefined ? base : Object.assign(base, own);
  }
}

/** What every fact holds first (types.ts: each fact type begins with these). */
interface FactBase {
  key: string;
  ref: ResourceRef;
  presence: ResourceEntry['presence'];
}

/** `vpc#defaultNacl` → `vpc`: the resource a synthetic key belongs to (no array made, unlike split). */
function baseKey(key: string): string {
  const i = key.indexOf('#');
  return i < 0 ? key : key.slice(0, i);
}
