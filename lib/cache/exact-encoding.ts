/**
 * Writes a value down exactly, as the input of a digest: two values get the same encoding only when no
 * program reading them could tell them apart by their own properties. Used where a cached verdict is keyed
 * on data (cdk-nag's construct tree in lib/nag-verdict, the tier proof's policy and report input in lib/nag).
 * node only: no aws-cdk-lib import.
 *
 * The encoding is a prefix-free grammar (every value says where it ends), so encodings written one after
 * another can be told apart without separators, and a digest of the text is a digest of the values.
 * It is built as one string (V8 joins appended strings lazily) rather than as a list of parts: a ten-municipality
 * app's construct tree is ~10⁵ values, and a digest fed part by part spent more time crossing into the hash
 * than encoding.
 */

/** A value that cannot be written down exactly (a function, a class instance, a symbol, a bigint): no reuse. */
export class NotExactlyEncodable extends Error {}

/**
 * Appends exact encodings to `text`: strings, numbers (−0 apart), booleans, null, undefined (a key present
 * with the value undefined is not a missing key), arrays (holes as undefined) and plain objects in their own
 * key order, symbol-keyed entries included. Anything else throws NotExactlyEncodable.
 */
export class ExactWriter {
  /** Everything written so far (a caller may take it and reset it to '' to hash it in pieces). */
  public text = '';

  /** Appends `raw` as it is (a caller's own self-delimiting marker). */
  public raw(raw: string): void {
    this.text += raw;
  }

  public write(value: unknown): void {
    switch (typeof value) {
      case 'string':
        this.text += `s${value.length}:${value}`;
        return;
      case 'number':
        this.text += `n${Object.is(value, -0) ? '-0' : String(value)};`;
        return;
      case 'boolean':
        this.text += value ? 't' : 'f';
        return;
      case 'undefined':
        this.text += 'u';
        return;
      case 'object': {
        if (value === null) {
          this.text += 'z';
          return;
        }
        if (Array.isArray(value)) {
          this.text += `a${value.length}[`;
          for (let i = 0; i < value.length; i++) this.write(value[i]);
          this.text += ']';
          return;
        }
        const proto = Object.getPrototypeOf(value) as unknown;
        if (proto !== Object.prototype && proto !== null) throw new NotExactlyEncodable(`a ${(value as object).constructor?.name ?? 'class'} instance`);
        const keys = Object.keys(value);
        this.text += `o${keys.length}{`;
        for (const k of keys) {
          this.text += `${k.length}:${k}`;
          this.write((value as Record<string, unknown>)[k]);
        }
        // aws-cdk-lib marks resolved references with a type hint under a symbol.
        for (const sym of Object.getOwnPropertySymbols(value)) {
          this.text += `y${String(sym.description)};`;
          this.write((value as Record<symbol, unknown>)[sym]);
        }
        this.text += '}';
        return;
      }
      default:
        throw new NotExactlyEncodable(`a ${typeof value}`);
    }
  }
}

/** The exact encoding of `values`, one after another. Throws NotExactlyEncodable as ExactWriter does. */
export function encodeExactly(...values: readonly unknown[]): string {
  const w = new ExactWriter();
  for (const v of values) w.write(v);
  return w.text;
}
