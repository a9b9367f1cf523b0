/**
 * Evaluates CloudFormation intrinsic functions across a set of templates. Where a template cannot say
 * which value applies (Fn::If over an unknown condition, a parameter with AllowedValues), every
 * possibility is returned: the model keeps them all, which over-approximates connectivity (fail closed).
 * Whatever cannot be evaluated becomes `Unresolved` with the reason, never a guess.
 */
import type { LoadedTemplate, CfnResource, CfnTemplate } from '../load/template';
import type { ResourceRef } from '../path';
import { parseCidr, subdivide } from '../../cidr/address-sets';
import { indexSsmParameters, ssmParameterNames, type SsmParameterDefinition } from './ssm-parameters';
import { parameterRefusal, parameterRefusalOf } from './parameter-constraints';
import { NO_VALUE, ResRef, Unresolved, type Value, isOpaqueString, isPlainObject, refToString } from './values';
import { reason } from '../reason';

type CfnParameter = NonNullable<CfnTemplate['Parameters']>[string];

/** Property names every plain object inherits (`params[name]` finds them without an own key). */
const INHERITED_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** How many alternative values one expression may fan out to before we stop and call it unresolved. */
const MAX_ALTERNATIVES = 64;

export type TriState = 'true' | 'false' | 'unknown';

export interface ResourceEntry {
  key: string;
  stack: string;
  logicalId: string;
  resource: CfnResource;
  template: LoadedTemplate;
  /** 'maybe' when the resource has a condition the engine cannot decide. */
  presence: 'present' | 'maybe';
  /**
   * The resource's ResourceRef, made once when the model first asks for it (lib/model/facts/context.ts ref):
   * kept on the entry rather than in a map of 190,000 entries.
   */
  ref?: ResourceRef;
}

export function resourceKey(stack: string, logicalId: string): string {
  return `${stack}::${logicalId}`;
}

/**
 * The resources by key. A map of every key was made once per run — for a country 190,000 key strings each
 * flattened and hashed to be inserted, ~5 % of a run — to be asked a few thousand times. Where keys split
 * unambiguously (see the Resolver's constructor) a key is found through the per-stack maps instead, split at
 * its first '::': exactly the entry the map held, and none for any other string. Otherwise the map is made.
 */
export class ResourcesByKey {
  constructor(
    private readonly byStack: ReadonlyMap<string, ReadonlyMap<string, ResourceEntry>>,
    private readonly list: readonly ResourceEntry[],
    private readonly byKey: ReadonlyMap<string, ResourceEntry> | undefined,
  ) {}

  get(key: string): ResourceEntry | undefined {
    if (this.byKey) return this.byKey.get(key);
    const i = key.indexOf('::');
    return i < 0 ? undefined : this.byStack.get(key.slice(0, i))?.get(key.slice(i + 2));
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Every entry, in the order of the resolver's entry list. */
  values(): IterableIterator<ResourceEntry> {
    return this.list.values();
  }
}

/** Synthetic, globally unique stand-ins for Amazon-provided IPv6 /56 blocks (AWS never overlaps them). */
const AMAZON_V6_BASE = 0x26001f00n << 96n;

export class Resolver {
  private readonly byStack = new Map<string, LoadedTemplate>();
  private readonly childOf = new Map<string, LoadedTemplate>();
  private readonly exports = new Map<string, { stack: string; expr: unknown }[]>();
  private readonly conditionCache = new Map<string, TriState>();
  private readonly ipv6Blocks = new Map<string, string>();
  private vpcIpv6Index?: Map<string, string[]>;
  private ssmIndex?: Map<string, SsmParameterDefinition[]>;
  /** Every resource created (a condition not known false), by key (`stack::logicalId`). */
  readonly resources: ResourcesByKey;
  /**
   * The same entries as a list, in the keys' order: the model walks every resource five times, and a list
   * is walked without making an iterator result per step (190,000 of them per walk).
   */
  readonly entryList: readonly ResourceEntry[];
  /** The same entries per stack, by logical id: a `Ref` finds its resource without building a key string. */
  private readonly entriesByStack = new Map<string, Map<string, ResourceEntry>>();
  private built = false;
  private readonly parameterMaps = new Map<LoadedTemplate, Map<string, CfnParameter> | null>();

  constructor(readonly templates: readonly LoadedTemplate[]) {
    for (const t of templates) {
      this.byStack.set(t.stack, t);
      if (t.parent) this.childOf.set(resourceKey(t.parent.stack, t.parent.logicalId), t);
    }
    // Keys are unique, and each key's first '::' ends its stack name, when no stack name holds a ':' and no
    // two templates share one: then the resources are found by key through the per-stack maps (ResourcesByKey).
    const keysSplit = this.byStack.size === templates.length && !templates.some((t) => t.stack.includes(':'));
    const byKey = keysSplit ? undefined : new Map<string, ResourceEntry>();
    const list: ResourceEntry[] = [];
    for (const t of templates) {
      const resources = t.template.Resources;
      let own = this.entriesByStack.get(t.stack);
      if (!own) this.entriesByStack.set(t.stack, (own = new Map()));
      for (const logicalId of Object.keys(resources)) {
        const resource = resources[logicalId];
        const cond = resource.Condition ? this.condition(t.stack, resource.Condition) : 'true';
        if (cond === 'false') continue; // never created
        const key = resourceKey(t.stack, logicalId);
        const entry: ResourceEntry = { key, stack: t.stack, logicalId, resource, template: t, presence: cond === 'true' ? 'present' : 'maybe', ref: undefined };
        if (byKey) byKey.set(key, entry);
        else list.push(entry);
        own.set(logicalId, entry);
      }
    }
    this.built = true;
    // Where keys may repeat, the map keeps one entry per key (the last, in the first one's place), as always.
    this.entryList = byKey ? [...byKey.values()] : list;
    this.resources = new ResourcesByKey(this.entriesByStack, this.entryList, byKey);
    for (const t of templates) {
      for (const out of Object.values(t.template.Outputs ?? {})) {
        if (!out || out.Export === undefined) continue;
        if (out.Condition && this.condition(t.stack, out.Condition) === 'false') continue;
        for (const n of this.resolve(t.stack, out.Export.Name)) {
          if (typeof n !== 'string') continue;
          const list = this.exports.get(n) ?? [];
          list.push({ stack: t.stack, expr: out.Value });
          this.exports.set(n, list);
        }
      }
    }
  }

  /** Export names defined by more than one template: CloudFormation refuses these, so the model must not pick one. */
  duplicateExports(): string[] {
    return [...this.exports.entries()].filter(([, v]) => v.length > 1).map(([k]) => k);
  }

  /** All possible values of `expr` evaluated in `stack`. */
  resolve(stack: string, expr: unknown): Value[] {
    return this.eval(stack, expr, 0);
  }

  /** The possible values of one property of a resource (`[NO_VALUE]` when absent). */
  prop(entry: ResourceEntry, name: string): Value[] {
    const props = entry.resource.Properties ?? {};
    // Read first and asked `in` only when absent (the same answer, one keyed look-up instead of two on ~530,000 reads).
    const v = props[name];
    if (v === undefined && !(name in props)) return [NO_VALUE];
    return this.resolve(entry.stack, v);
  }

  /**
   * A list property with union semantics: each element is resolved on its own and every alternative of
   * every element is returned. Right for lists of permissions or routes, where "any of them" is the
   * conservative reading; avoids the cartesian product of per-element conditions.
   */
  propList(entry: ResourceEntry, name: string): Value[] {
    const props = entry.resource.Properties ?? {};
    const v = props[name];
    if (v === undefined && !(name in props)) return [];
    return this.listElements(entry.stack, v);
  }

  listElements(stack: string, expr: unknown): Value[] {
    const out: Value[] = [];
    if (Array.isArray(expr)) {
      for (const el of expr) for (const v of this.resolve(stack, el)) if (v !== NO_VALUE) out.push(v);
      return out;
    }
    for (const v of this.resolve(stack, expr)) {
      if (v === NO_VALUE) continue;
      if (Array.isArray(v)) out.push(...v.filter((x) => x !== NO_VALUE));
      else if (v instanceof Unresolved) out.push(v);
      else out.push(new Unresolved(reason('expected-list', { got: typeof v })));
    }
    return out;
  }

  condition(stack: string, name: string): TriState {
    const cacheKey = `${stack}\u0000${name}`;
    const cached = this.conditionCache.get(cacheKey);
    if (cached) return cached;
    this.conditionCache.set(cacheKey, 'unknown'); // breaks cycles
    const t = this.byStack.get(stack);
    const expr = t?.template.Conditions?.[name];
    const result = expr === undefined ? 'unknown' : this.evalCondition(stack, expr, 0);
    this.conditionCache.set(cacheKey, result);
    return result;
  }

  private evalCondition(stack: string, expr: unknown, depth: number): TriState {
    if (!isPlainObject(expr)) return 'unknown';
    const [fn, arg] = Object.entries(expr as Record<string, unknown>)[0] ?? [];
    const args = Array.isArray(arg) ? arg : [];
    switch (fn) {
      case 'Condition':
        return typeof arg === 'string' ? this.condition(stack, arg) : 'unknown';
      case 'Fn::Not': {
        const v = this.evalCondition(stack, args[0], depth + 1);
        return v === 'unknown' ? v : v === 'true' ? 'false' : 'true';
      }
      case 'Fn::And': {
        const vs = args.map((a) => this.evalCondition(stack, a, depth + 1));
        return vs.includes('false') ? 'false' : vs.every((v) => v === 'true') ? 'true' : 'unknown';
      }
      case 'Fn::Or': {
        const vs = args.map((a) => this.evalCondition(stack, a, depth + 1));
        return vs.includes('true') ? 'true' : vs.every((v) => v === 'false') ? 'false' : 'unknown';
      }
      case 'Fn::Equals': {
        // A parameter with no AllowedValues takes whatever the deployer passes: the condition is undecidable,
        // whatever its Default says (both branches are then modelled, fail closed).
        if (this.dependsOnFreeParameter(stack, args[0]) || this.dependsOnFreeParameter(stack, args[1])) return 'unknown';
        const a = this.resolve(stack, args[0]);
        const b = this.resolve(stack, args[1]);
        const known = (v: Value): boolean =>
          (typeof v === 'string' && !isOpaqueString(v)) || typeof v === 'number' || typeof v === 'boolean';
        if (![...a, ...b].every(known)) return 'unknown';
        // Over every allowed combination: decided only when all agree.
        const outcomes = new Set<boolean>();
        for (const x of a) for (const y of b) outcomes.add(String(x) === String(y));
        return outcomes.size === 1 ? (outcomes.has(true) ? 'true' : 'false') : 'unknown';
      }
      default:
        return 'unknown';
    }
  }

  /**
   * True when `expr` depends on a parameter the deployer may set to anything: no AllowedValues, not given
   * a value (`--parameters`, a parent stack), not read from SSM (that is unresolved anyway). Such a value
   * is known here only by its Default, which decides nothing about what is deployed.
   */
  dependsOnFreeParameter(stack: string, expr: unknown, depth = 0): boolean {
    if (depth > 50 || expr === null || typeof expr !== 'object') {
      return false;
    }
    if (Array.isArray(expr)) return expr.some((e) => this.dependsOnFreeParameter(stack, e, depth + 1));
    const obj = expr as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === 'Ref' && typeof obj.Ref === 'string') return this.isFreeParameter(stack, obj.Ref, depth);
    if (keys.length === 1 && keys[0] === 'Fn::Sub') {
      const arg = obj['Fn::Sub'];
      const text = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg[0] : undefined;
      const vars = Array.isArray(arg) && isPlainObject(arg[1]) ? (arg[1] as Record<string, unknown>) : {};
      if (Object.values(vars).some((v) => this.dependsOnFreeParameter(stack, v, depth + 1))) return true;
      if (typeof text !== 'string') return false;
      for (const m of text.matchAll(/\$\{([^}!.]*)\}/g)) if (!(m[1] in vars) && this.isFreeParameter(stack, m[1], depth)) return true;
      return false;
    }
    if (keys.length === 1 && keys[0] === 'Condition' && typeof obj.Condition === 'string') return false;
    return Object.values(obj).some((v) => this.dependsOnFreeParameter(stack, v, depth + 1));
  }

  private isFreeParameter(stack: string, name: string, depth: number): boolean {
    const t = this.byStack.get(stack);
    const param = t && this.parameterOf(t, name);
    if (!t || !param) return false;
    if (t.parent) {
      const parentRes = this.byStack.get(t.parent.stack)?.template.Resources[t.parent.logicalId];
      const passed = (parentRes?.Properties?.Parameters as Record<string, unknown> | undefined)?.[name];
      if (passed !== undefined) return this.dependsOnFreeParameter(t.parent.stack, passed, depth + 1);
    }
    if (t.parameters?.[name] !== undefined) return false;
    if (typeof param.Type === 'string' && param.Type.startsWith('AWS::SSM::Parameter')) return false;
    return !(Array.isArray(param.AllowedValues) && param.AllowedValues.length > 0);
  }

  private eval(stack: string, expr: unknown, depth: number): Value[] {
    // An intrinsic's own list of alternatives is the answer as it is (no list made around its one value).
    if (depth <= 50 && expr !== null && typeof expr === 'object' && !Array.isArray(expr)) {
      const fn = soleKey(expr as Record<string, unknown>);
      if (fn !== undefined && isIntrinsicName(fn)) return this.intrinsic(stack, fn, (expr as Record<string, unknown>)[fn], depth + 1);
    }
    const v = this.evalOne(stack, expr, depth);
    return v instanceof Alternatives ? v.values : [v];
  }

  /**
   * `eval` for the common case of exactly one value: the value itself, or `Alternatives` when the expression
   * has none or several. A country's templates are resolved ~900,000 times and nearly every expression has
   * one value; most of them hold no intrinsic at all (tags, rule lists, literals). Such a list or object is
   * therefore its own value — handed back as the template holds it, not copied — and a copy is made only from
   * the first member whose value differs from what the template holds. That saves a one-element list per
   * member and a copy of every literal structure (about a tenth of what the engine allocates, all of it work
   * for the collector). Callers only read values (the templates are never changed: test/model/resolve
   * checks it on deep-frozen templates). Results are exactly those of the list form: the same values, in
   * the same order, `AWS::NoValue` members dropped.
   */
  private evalOne(stack: string, expr: unknown, depth: number): Value | Alternatives {
    if (depth > 50) return new Unresolved(reason('nests-too-deeply'));
    if (expr === null || typeof expr === 'string' || typeof expr === 'number' || typeof expr === 'boolean') return expr;
    if (Array.isArray(expr)) {
      // `list` is made at the first element whose value is not the element itself; NO_VALUE is dropped at the end.
      let list: Value[] | undefined;
      let dropped = false;
      for (let i = 0; i < expr.length; i++) {
        const v = this.evalOne(stack, expr[i], depth + 1);
        if (v instanceof Alternatives) {
          // Several values: every combination, as a list each (elements before this one have one value each).
          const parts = new Array<Value[]>(expr.length);
          for (let j = 0; j < i; j++) parts[j] = [list === undefined ? (expr[j] as Value) : list[j]];
          parts[i] = v.values;
          for (let j = i + 1; j < expr.length; j++) parts[j] = this.eval(stack, expr[j], depth + 1);
          return new Alternatives(product(parts).map((vs) => vs.filter((x) => x !== NO_VALUE)));
        }
        if (list === undefined) {
          if (v === expr[i]) continue;
          list = expr.slice(0, i) as Value[];
        }
        list.push(v);
        if (v === NO_VALUE) dropped = true;
      }
      if (list === undefined) return expr as Value[];
      return dropped ? list.filter((x) => x !== NO_VALUE) : list;
    }
    if (typeof expr !== 'object') return new Unresolved(reason('unsupported-value', { value: String(expr) }));
    const obj = expr as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && isIntrinsicName(keys[0])) {
      const vs = this.intrinsic(stack, keys[0], obj[keys[0]], depth + 1);
      return vs.length === 1 ? vs[0] : new Alternatives(vs);
    }
    // Only a plain mapping (as JSON and YAML make) is its own value; anything else is copied member by member as
    // before. A `__proto__` member is never kept as it is: a copy assigns it (as the list form did).
    const proto = Object.getPrototypeOf(obj) as unknown;
    let vals: Value[] | undefined = proto === Object.prototype || proto === null ? undefined : [];
    for (let i = 0; i < keys.length; i++) {
      const v = this.evalOne(stack, obj[keys[i]], depth + 1);
      if (v instanceof Alternatives) {
        const parts = new Array<Value[]>(keys.length);
        for (let j = 0; j < i; j++) parts[j] = [vals === undefined ? (obj[keys[j]] as Value) : vals[j]];
        parts[i] = v.values;
        for (let j = i + 1; j < keys.length; j++) parts[j] = this.eval(stack, obj[keys[j]], depth + 1);
        return new Alternatives(product(parts).map((vs) => objectOf(keys, vs)));
      }
      if (vals === undefined) {
        if (v === obj[keys[i]] && keys[i] !== '__proto__') continue;
        vals = keys.slice(0, i).map((k) => obj[k] as Value);
      }
      vals.push(v);
    }
    return vals === undefined ? (obj as Value) : objectOf(keys, vals);
  }

  private intrinsic(stack: string, fn: string, arg: unknown, depth: number): Value[] {
    const args = Array.isArray(arg) ? arg : [];
    switch (fn) {
      case 'Ref':
        return typeof arg === 'string' ? this.ref(stack, arg, depth) : [new Unresolved(reason('malformed-intrinsic', { problem: 'ref-name' }))];
      case 'Fn::GetAtt': {
        let res: unknown;
        let attr: unknown;
        if (typeof arg === 'string') {
          const i = arg.indexOf('.');
          [res, attr] = [arg.slice(0, i), arg.slice(i + 1)];
        } else [res, attr] = args;
        if (typeof res !== 'string') return [new Unresolved(reason('malformed-intrinsic', { problem: 'getatt-id' }))];
        return this.attrs(stack, res, attr, depth);
      }
      case 'Fn::ImportValue':
        return this.eval(stack, arg, depth).flatMap((name) => this.importValue(name, depth));
      case 'Fn::Join': {
        const [delim, list] = args;
        if (typeof delim !== 'string') return [new Unresolved(reason('malformed-intrinsic', { problem: 'join-delimiter' }))];
        return this.eval(stack, list, depth).map((l) => {
          if (l instanceof Unresolved) return l;
          if (!Array.isArray(l)) return new Unresolved(reason('malformed-intrinsic', { problem: 'join-list' }));
          return joinStrings(l, delim);
        });
      }
      case 'Fn::Sub':
        return this.sub(stack, arg, depth);
      case 'Fn::Select': {
        const idxs = this.eval(stack, args[0], depth);
        const lists = this.eval(stack, args[1], depth);
        const out: Value[] = [];
        for (const i of idxs)
          for (const l of lists) {
            // Only a whole number (or its decimal text) selects: Number() would turn "first" or 1.5 into an
            // index of nothing, and the undefined it selected then read as an absent property (a silent pass).
            const n = typeof i === 'number' ? i : typeof i === 'string' && /^\d+$/.test(i) ? Number(i) : NaN;
            if (l instanceof Unresolved) out.push(l);
            else if (i instanceof Unresolved) out.push(i);
            else if (!Number.isInteger(n) || !Array.isArray(l) || n < 0 || n >= l.length)
              out.push(new Unresolved(reason('select-out-of-range', { index: String(i) })));
            else out.push(l[n]);
          }
        return cap(out);
      }
      case 'Fn::Split': {
        const [delim, src] = args;
        return this.eval(stack, src, depth).map((s) => {
          if (s instanceof Unresolved) return s;
          if (typeof delim !== 'string' || typeof s !== 'string') return new Unresolved(reason('malformed-intrinsic', { problem: 'split-strings' }));
          return s.split(delim);
        });
      }
      case 'Fn::If': {
        const [cond, a, b] = args;
        const c = typeof cond === 'string' ? this.condition(stack, cond) : 'unknown';
        if (c === 'true') return this.eval(stack, a, depth);
        if (c === 'false') return this.eval(stack, b, depth);
        return cap([...this.eval(stack, a, depth), ...this.eval(stack, b, depth)]);
      }
      case 'Fn::FindInMap': {
        const t = this.byStack.get(stack);
        const [m, k1, k2] = args.map((x) => this.eval(stack, x, depth));
        const out: Value[] = [];
        for (const a of m ?? []) for (const b of k1 ?? []) for (const c of k2 ?? []) {
          const v = typeof a === 'string' && typeof b === 'string' && typeof c === 'string' ? t?.template.Mappings?.[a]?.[b]?.[c] : undefined;
          out.push(...(v === undefined ? [new Unresolved(reason('find-in-map-no-entry', { keys: show3(a, b, c) }))] : this.eval(stack, v, depth)));
        }
        return cap(out);
      }
      case 'Fn::Cidr': {
        const [blocks, counts, bits] = args.map((x) => this.eval(stack, x, depth));
        const out: Value[] = [];
        for (const b of blocks ?? []) for (const c of counts ?? []) for (const n of bits ?? []) {
          const cidr = parseCidr(b);
          const list = cidr ? subdivide(cidr, Number(c), Number(n)) : undefined;
          out.push(list ? list.map((x) => x.text) : b instanceof Unresolved ? b : new Unresolved(reason('cidr-not-computable', { value: String(b) })));
        }
        return cap(out);
      }
      case 'Fn::GetAZs':
        return [['${AZ1}', '${AZ2}', '${AZ3}', '${AZ4}']];
      case 'Fn::Base64':
        return this.eval(stack, arg, depth);
      case 'Fn::Length':
        return this.eval(stack, arg, depth).map((l) => (Array.isArray(l) ? l.length : new Unresolved(reason('malformed-intrinsic', { problem: 'length-list' }))));
      case 'Fn::ToJsonString':
        return this.eval(stack, arg, depth).map((v) => JSON.stringify(v));
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not':
      case 'Condition': {
        const c = this.evalCondition(stack, { [fn]: arg }, depth);
        return c === 'unknown' ? [true, false] : [c === 'true'];
      }
      default:
        return [new Unresolved(reason('unsupported-function', { fn }))];
    }
  }

  private ref(stack: string, name: string, depth: number): Value[] {
    const t = this.byStack.get(stack);
    // The stack name a plain template is deployed as (`--stack NAME=FILE`) makes its exports matchable.
    if (name === 'AWS::StackName' && t?.stackName !== undefined) return [t.stackName];
    if (name.startsWith('AWS::')) return name === 'AWS::NoValue' ? [NO_VALUE] : [`\${${name}}`];
    if (!t) return [new Unresolved(reason('unknown-stack', { stack }))];
    const param = this.parameterOf(t, name);
    if (param) {
      const isList = typeof param.Type === 'string' && (param.Type.startsWith('List<') || param.Type === 'CommaDelimitedList');
      if (t.parent) {
        const parentRes = t.template && this.byStack.get(t.parent.stack)?.template.Resources[t.parent.logicalId];
        const passed = (parentRes?.Properties?.Parameters as Record<string, unknown> | undefined)?.[name];
        // Nested-stack parameters are strings: a List parameter receives "a,b" (often a Fn::Join) and splits it.
        if (passed !== undefined) return isList ? this.eval(t.parent.stack, passed, depth).map(splitList) : this.eval(t.parent.stack, passed, depth);
      }
      const given = t.parameters?.[name];
      if (given !== undefined) return [isList ? splitList(given) : given];
      if (typeof param.Type === 'string' && param.Type.startsWith('AWS::SSM::Parameter')) {
        // A parameter another template given defines (e.g. the prefecture hub's shared TGW id) links the two.
        if (param.Type === 'AWS::SSM::Parameter::Value<String>' && typeof param.Default === 'string') {
          this.ssmIndex ??= indexSsmParameters(this.templates);
          const defs = ssmParameterNames(param.Default).flatMap((n) => this.ssmIndex!.get(n) ?? []);
          if (defs.length === 1) return this.eval(defs[0].stack, defs[0].value, depth);
          if (defs.length > 1) return [new Unresolved(reason('ssm-parameter-ambiguous', { name, ssm: String(param.Default) }))];
        }
        return [new Unresolved(reason('ssm-parameter', { name }))];
      }
      if (Array.isArray(param.AllowedValues) && param.AllowedValues.length > 0) {
        // An allowed value that breaks the parameter's other constraints (Type, AllowedPattern, lengths,
        // bounds) is refused by CloudFormation, so no deployment takes it: it is not a branch.
        const deployable = (param.AllowedValues as Value[]).filter((v) => parameterRefusal(param, v) === undefined);
        if (deployable.length === 0) return [new Unresolved(reason('parameter-refuses-all', { name, refusal: parameterRefusalOf(param, param.AllowedValues[0] as Value)! }))];
        return cap(isList ? deployable.map(splitList) : deployable);
      }
      if (param.Default !== undefined) {
        const d = param.Default as Value;
        return [isList ? splitList(d) : d];
      }
      return [new Unresolved(reason('parameter-no-default', { name }))];
    }
    const entry = this.entriesByStack.get(stack)?.get(name);
    if (entry) return [new ResRef(entry.key, entry)];
    if (t.template.Resources[name]) {
      if (this.built) return [new Unresolved(reason('ref-condition-false', { name }))];
      return [new ResRef(resourceKey(stack, name))];
    }
    return [new Unresolved(reason('ref-unknown', { name, stack }))];
  }

  /**
   * `template.Parameters[name]`, looked up in a map made once per template. Names come from the templates'
   * own strings, and looking such a string up as an object key costs far more than a map lookup; a name
   * the map lacks is looked up as before only when an object inherits it (`constructor`, `toString`…).
   */
  private parameterOf(t: LoadedTemplate, name: string): CfnParameter | undefined {
    const params = t.template.Parameters;
    if (params === undefined || params === null) return undefined;
    let own = this.parameterMaps.get(t);
    if (own === undefined) {
      const proto = Object.getPrototypeOf(params) as unknown;
      own = typeof params === 'object' && (proto === Object.prototype || proto === null) ? new Map(Object.entries(params)) : null;
      this.parameterMaps.set(t, own);
    }
    if (own === null) return params[name];
    const p = own.get(name);
    if (p !== undefined || own.has(name)) return p;
    return INHERITED_KEYS.has(name) ? params[name] : undefined;
  }

  private attrs(stack: string, logicalId: string, attrExpr: unknown, depth: number): Value[] {
    const key = resourceKey(stack, logicalId);
    const t = this.byStack.get(stack);
    // The entry's resource where it is this template's (a map lookup); the template's own mapping otherwise.
    const known = this.entriesByStack.get(stack)?.get(logicalId);
    const res = known && known.template === t ? known.resource : t?.template.Resources[logicalId];
    if (!res) return [new Unresolved(reason('getatt-unknown', { id: logicalId, stack }))];
    const attrs = this.eval(stack, attrExpr, depth);
    const out: Value[] = [];
    for (const a of attrs) {
      if (typeof a !== 'string') {
        out.push(new Unresolved(reason('malformed-intrinsic', { problem: 'getatt-attribute' })));
        continue;
      }
      out.push(...this.attr(key, stack, logicalId, res, a, depth));
    }
    return cap(out);
  }

  private attr(key: string, stack: string, logicalId: string, res: CfnResource, attr: string, depth: number): Value[] {
    if (res.Type === 'AWS::CloudFormation::Stack' && attr.startsWith('Outputs.')) {
      const child = this.childOf.get(key);
      const name = attr.slice('Outputs.'.length);
      const out = child?.template.Outputs?.[name];
      if (!child) return [new Unresolved(reason('nested-template-unavailable', { id: logicalId }))];
      if (!out) return [new Unresolved(reason('nested-no-output', { id: logicalId, output: name }))];
      return this.eval(child.stack, out.Value, depth);
    }
    if (res.Type === 'AWS::EC2::VPC') {
      if (attr === 'DefaultNetworkAcl') return [new ResRef(`${key}#defaultNacl`)];
      if (attr === 'DefaultSecurityGroup') return [new ResRef(`${key}#defaultSg`)];
      if (attr === 'Ipv6CidrBlocks') return [this.vpcIpv6Blocks(key)];
      if (attr === 'CidrBlockAssociations') return [[refToString(new ResRef(`${key}#cidrAssociation`))]];
    }
    if (res.Type === 'AWS::NetworkFirewall::Firewall' && attr === 'EndpointIds') {
      // One "az:vpce-id" per subnet mapping; the ids are only known after deployment, the firewall is.
      const marker = refToString(new ResRef(key));
      return [['${AZ1}', '${AZ2}', '${AZ3}', '${AZ4}'].map((az) => `${az}:${marker}`)];
    }
    if (res.Type === 'AWS::EC2::VPCCidrBlock' && attr === 'Ipv6CidrBlock') {
      const block = this.amazonIpv6(key, res, stack);
      return [block ?? new Unresolved(reason('ipv6-block-unknown', { id: logicalId }))];
    }
    if (res.Type === 'AWS::EC2::Subnet' && attr === 'Ipv6CidrBlocks') {
      const p = res.Properties?.Ipv6CidrBlock;
      return p === undefined ? [[]] : this.eval(stack, p, depth).map((v) => [v]);
    }
    const props = res.Properties ?? {};
    if (attr in props) return this.eval(stack, props[attr], depth);
    if (/(Id|Arn|Name)$/.test(attr) || attr === 'Ref') return [new ResRef(key)];
    return [new Unresolved(reason('attribute-after-deploy', { attribute: attr, type: res.Type, id: logicalId }))];
  }

  /** A synthetic but unique /56 for an Amazon-provided IPv6 block, so routes and NACLs can reason about it. */
  private amazonIpv6(key: string, res: CfnResource, stack: string): string | undefined {
    const explicit = res.Properties?.Ipv6CidrBlock;
    if (explicit !== undefined) {
      const v = this.resolve(stack, explicit);
      return v.length === 1 && typeof v[0] === 'string' ? v[0] : undefined;
    }
    if (res.Properties?.AmazonProvidedIpv6CidrBlock !== true && res.Properties?.AmazonProvidedIpv6CidrBlock !== 'true') {
      return undefined;
    }
    let block = this.ipv6Blocks.get(key);
    if (!block) {
      const lo = AMAZON_V6_BASE + (BigInt(this.ipv6Blocks.size + 1) << 72n);
      block = `${formatV6Block(lo)}/56`;
      this.ipv6Blocks.set(key, block);
    }
    return block;
  }

  /** All IPv6 blocks associated with a VPC through AWS::EC2::VPCCidrBlock, in any template. */
  vpcIpv6Blocks(vpcKey: string): string[] {
    if (!this.vpcIpv6Index) {
      this.vpcIpv6Index = new Map();
      for (let i = 0; i < this.entryList.length; i++) {
        const e = this.entryList[i];
        if (e.resource.Type !== 'AWS::EC2::VPCCidrBlock') continue;
        const p = e.resource.Properties ?? {};
        if (!('Ipv6CidrBlock' in p) && !('AmazonProvidedIpv6CidrBlock' in p) && !('Ipv6Pool' in p) && !('Ipv6IpamPoolId' in p)) continue;
        const block = this.amazonIpv6(e.key, e.resource, e.stack);
        if (!block) continue;
        for (const v of this.resolve(e.stack, p.VpcId)) {
          if (!(v instanceof ResRef)) continue;
          const list = this.vpcIpv6Index.get(v.key) ?? [];
          list.push(block);
          this.vpcIpv6Index.set(v.key, list);
        }
      }
    }
    return this.vpcIpv6Index.get(vpcKey) ?? [];
  }

  private importValue(name: Value, depth: number): Value[] {
    if (typeof name !== 'string' || isOpaqueString(name)) {
      return [new Unresolved(reason('import-unmatched', typeof name === 'string' ? { name } : {}))];
    }
    const found = this.exports.get(name);
    if (!found || found.length === 0) return [new Unresolved(reason('import-no-export', { name }))];
    if (found.length > 1) return [new Unresolved(reason('import-many-exports', { name }))];
    return this.eval(found[0].stack, found[0].expr, depth);
  }

  private sub(stack: string, arg: unknown, depth: number): Value[] {
    let text: unknown;
    let varsExpr: Record<string, unknown> = {};
    if (typeof arg === 'string') text = arg;
    else if (Array.isArray(arg)) {
      text = arg[0];
      varsExpr = (arg[1] as Record<string, unknown>) ?? {};
    }
    if (typeof text !== 'string') return [new Unresolved(reason('malformed-intrinsic', { problem: 'sub-string' }))];
    const pieces: Array<string | Value[]> = [];
    const re = /\$\{([^}]*)\}/g;
    let last = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      pieces.push(text.slice(last, m.index));
      last = m.index + m[0].length;
      const name = m[1];
      if (name.startsWith('!')) pieces.push(`\${${name.slice(1)}}`);
      else if (name in varsExpr) pieces.push(this.eval(stack, varsExpr[name], depth));
      else if (name.includes('.') && !name.startsWith('AWS::')) {
        const i = name.indexOf('.');
        pieces.push(this.attrs(stack, name.slice(0, i), name.slice(i + 1), depth));
      } else pieces.push(this.ref(stack, name, depth));
    }
    pieces.push(text.slice(last));
    const parts = pieces.map((p) => (typeof p === 'string' ? [p] : p));
    return product(parts).map((vs) => joinStrings(vs, ''));
  }
}

/** A List / CommaDelimitedList parameter's value: "a, b" → ['a', 'b']; lists and unresolved values pass through. */
function splitList(v: Value): Value {
  if (typeof v === 'string') return v.split(',').map((x) => x.trim());
  return v instanceof ResRef ? [v] : v; // one resource given where a list is expected
}

function show3(a: Value, b: Value, c: Value): string {
  return [a, b, c].map((x) => (typeof x === 'string' ? x : '?')).join('/');
}

function formatV6Block(lo: bigint): string {
  const groups: string[] = [];
  for (let i = 7; i >= 0; i--) groups.push(((lo >> BigInt(i * 16)) & 0xffffn).toString(16));
  return groups.join(':');
}

function joinStrings(vs: Value[], delim: string): Value {
  const out: string[] = [];
  for (const v of vs) {
    if (v instanceof Unresolved) return v;
    if (v === NO_VALUE) continue;
    if (v instanceof ResRef) out.push(refToString(v));
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
    else return new Unresolved(reason('cannot-join-object'));
  }
  return out.join(delim);
}

function cap(vs: Value[]): Value[] {
  return vs.length > MAX_ALTERNATIVES ? [new Unresolved(reason('too-many-alternatives', { max: MAX_ALTERNATIVES }))] : vs;
}

/** An expression's values when it has none or several (never a Value: see Resolver.evalOne). */
class Alternatives {
  constructor(readonly values: Value[]) {}
}

/** `{ "Ref": … }`, `{ "Fn::…": … }`, `{ "Condition": … }`: an intrinsic function's name. */
function isIntrinsicName(key: string): boolean {
  return key === 'Ref' || key.startsWith('Fn::') || key === 'Condition';
}

/** The one key of an object with exactly one own enumerable key (without making the list of keys). */
function soleKey(obj: Record<string, unknown>): string | undefined {
  let only: string | undefined;
  let n = 0;
  for (const k in obj) {
    if (!Object.prototype.hasOwnProperty.call(obj, k)) continue;
    if (++n > 1) return undefined;
    only = k;
  }
  return only;
}

/** An object from keys and their values, NO_VALUE members left out (assigned in order, as a template's copy always was). */
function objectOf(keys: readonly string[], vs: readonly Value[]): Record<string, Value> {
  const o: Record<string, Value> = {};
  for (let i = 0; i < keys.length; i++) if (vs[i] !== NO_VALUE) o[keys[i]] = vs[i];
  return o;
}

function product(parts: Value[][]): Value[][] {
  let acc: Value[][] = [[]];
  for (const p of parts) {
    if (p.length === 1) {
      for (const a of acc) a.push(p[0]);
      continue;
    }
    const next: Value[][] = [];
    for (const a of acc) for (const v of p) next.push([...a, v]);
    if (next.length > MAX_ALTERNATIVES) return [[new Unresolved(reason('too-many-alternatives', { max: MAX_ALTERNATIVES }))]];
    acc = next;
  }
  return acc;
}
