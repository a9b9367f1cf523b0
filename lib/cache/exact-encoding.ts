/**
 * Writes a value down exactly, as the input of a digest: two values get the same encoding only when no
 * program reading them could tell them apart by their own properties. Used where a cached verdict is keyed
 * on data (cdk-nag's construct tree in lib/nag-verdict, the tier proof's policy and report input in lib/nag).
 * node only: no aws-cdk-lib import.
 */

/** A value that cannot be written down exactly (a function, a class instance, a symbol, a bigint): no reuse. */
export class NotExactlyEncodable extends Error {}

/**
 * Writes `value` onto `out`: strings, numbers (−0 apart), booleans, null, undefined (a key present with the
 * value undefined is not a missing key), arrays (holes as undefined) and plain objects in their own key order,
 * symbol-keyed entries included. Anything else throws NotExactlyEncodable.
 */
export function encodeExactly(out: string[], value: unknown): void {
  switch (typeof value) {
    case 'string':
      out.push(`s${value.length}:`, value);
      return;
    case 'number':
      out.push(`n${Object.is(value, -0) ? '-0' : String(value)};`);
      return;
    case 'boolean':
      out.push(value ? 't' : 'f');
      return;
    case 'undefined':
      out.push('u');
      return;
    case 'object': {
      if (value === null) {
        out.push('z');
        return;
      }
      if (Array.isArray(value)) {
        out.push(`a${value.length}[`);
        for (let i = 0; i < value.length; i++) encodeExactly(out, value[i]);
        out.push(']');
        return;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) throw new NotExactlyEncodable(`a ${(value as object).constructor?.name ?? 'class'} instance`);
      const keys = Object.keys(value);
      out.push(`o${keys.length}{`);
      for (const k of keys) {
        out.push(`${k.length}:`, k);
        encodeExactly(out, (value as Record<string, unknown>)[k]);
      }
      // aws-cdk-lib marks resolved references with a type hint under a symbol.
      for (const sym of Object.getOwnPropertySymbols(value)) {
        out.push(`y${String(sym.description)};`);
        encodeExactly(out, (value as Record<symbol, unknown>)[sym]);
      }
      out.push('}');
      return;
    }
    default:
      throw new NotExactlyEncodable(`a ${typeof value}`);
  }
}
