/**
 * Address arithmetic for IPv4 and IPv6 in one number line, so route lookup, NACLs and security groups
 * can treat both families alike. IPv4 addresses live above 2^128 (`V4_BASE + a`), IPv6 below it:
 * `::/0` therefore never matches an IPv4 packet and `0.0.0.0/0` never matches an IPv6 one, as in AWS.
 * Sets of addresses are sorted, disjoint, inclusive intervals — the cheapest exact representation for
 * "which destinations does this route table send to that target".
 */

export const V4_BASE = 1n << 128n;
const V6_MAX = (1n << 128n) - 1n;
const V4_MAX = V4_BASE + (1n << 32n) - 1n;

export interface Cidr {
  /** The CIDR as written, normalised (e.g. `10.1.0.0/16`, `2600:1f00::/56`). */
  text: string;
  family: 4 | 6;
  lo: bigint;
  hi: bigint;
  prefixLength: number;
}

/** [lo, hi] inclusive, sorted ascending, disjoint and non-adjacent. */
export type IntervalSet = ReadonlyArray<readonly [bigint, bigint]>;

export const EMPTY: IntervalSet = [];
export const ALL_V4: IntervalSet = [[V4_BASE, V4_MAX]];
export const ALL_V6: IntervalSet = [[0n, V6_MAX]];
export const ALL_ADDRESSES: IntervalSet = [[0n, V4_MAX]];

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseV6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const expand = (gs: string[]): number[] | undefined => {
    const out: number[] = [];
    for (const g of gs) {
      if (g.includes('.')) {
        const v4 = parseV4(g);
        if (v4 === undefined) return undefined;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
        out.push(parseInt(g, 16));
      }
    }
    return out;
  };
  const h = expand(head);
  const t = expand(tail);
  if (!h || !t) return undefined;
  const missing = 8 - h.length - t.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...h, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...t];
  let v = 0n;
  for (const g of all) v = (v << 16n) | BigInt(g);
  return v;
}

function formatV4(v: bigint): string {
  // 32 bits fit a number exactly: no bigint per octet.
  const n = Number(v - V4_BASE);
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

function formatV6(v: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((v >> BigInt(i * 16)) & 0xffffn));
  // Compress the longest run of zero groups (RFC 5952).
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

export function formatAddress(v: bigint): string {
  return v >= V4_BASE ? formatV4(v) : formatV6(v);
}

/**
 * Parsed CIDRs by the text given: a prefecture's templates write the same few thousand blocks (routes,
 * NACL entries, rules) hundreds of thousands of times, and each parse makes several bigints. The cached
 * objects are frozen, so sharing one between facts can never let one caller change another's. Bounded so
 * a long-lived process (a test run, a watch loop) cannot grow it without end.
 */
const parsedCidrs = new Map<string, Cidr | undefined>();
const PARSED_CIDRS_MAX = 100_000;

/** Parses `a.b.c.d/n` or an IPv6 prefix; returns undefined for anything else (callers report it). */
export function parseCidr(input: unknown): Cidr | undefined {
  if (typeof input !== 'string') return undefined;
  if (parsedCidrs.has(input)) return parsedCidrs.get(input);
  const c = parseCidrText(input);
  if (parsedCidrs.size >= PARSED_CIDRS_MAX) parsedCidrs.clear();
  parsedCidrs.set(input, c && Object.freeze(c));
  return c;
}

function parseCidrText(input: string): Cidr | undefined {
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(input.trim());
  if (!m) return undefined;
  const len = Number(m[2]);
  const v4 = parseV4(m[1]);
  if (v4 !== undefined) {
    if (len > 32) return undefined;
    const size = 1n << BigInt(32 - len);
    const lo = V4_BASE + (v4 & ~(size - 1n));
    return { text: `${formatV4(lo)}/${len}`, family: 4, lo, hi: lo + size - 1n, prefixLength: len };
  }
  const v6 = parseV6(m[1]);
  if (v6 !== undefined) {
    if (len > 128) return undefined;
    const size = 1n << BigInt(128 - len);
    const lo = v6 & ~(size - 1n) & V6_MAX;
    return { text: `${formatV6(lo)}/${len}`, family: 6, lo, hi: lo + size - 1n, prefixLength: len };
  }
  return undefined;
}

export function cidrFromRange(lo: bigint, prefixLength: number, family: 4 | 6): Cidr {
  const bits = family === 4 ? 32 : 128;
  const size = 1n << BigInt(bits - prefixLength);
  const text = `${formatAddress(lo)}/${prefixLength}`;
  return { text, family, lo, hi: lo + size - 1n, prefixLength };
}

/** `Fn::Cidr`: the first `count` subnets of `cidrBits` host bits inside `block`. */
export function subdivide(block: Cidr, count: number, cidrBits: number): Cidr[] | undefined {
  const bits = block.family === 4 ? 32 : 128;
  const newLen = bits - cidrBits;
  if (newLen < block.prefixLength || cidrBits < 0) return undefined;
  const size = 1n << BigInt(cidrBits);
  const available = 1n << BigInt(newLen - block.prefixLength);
  if (BigInt(count) > available) return undefined;
  const out: Cidr[] = [];
  for (let i = 0n; i < BigInt(count); i++) out.push(cidrFromRange(block.lo + i * size, newLen, block.family));
  return out;
}

export function setOf(cidrs: Iterable<Cidr>): IntervalSet {
  const list = [...cidrs];
  // One block (a route, a NACL entry, a rule) is already a set: no sort needed.
  if (list.length === 1) return [[list[0].lo, list[0].hi]];
  return union(EMPTY, list.map((c) => [c.lo, c.hi] as const));
}

export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0) return normalise(b);
  if (b.length === 0) return a;
  return normalise([...a, ...b]);
}

function normalise(xs: IntervalSet): IntervalSet {
  const sorted = [...xs].sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0));
  const out: Array<[bigint, bigint]> = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1n) {
      if (hi > last[1]) last[1] = hi;
    } else out.push([lo, hi]);
  }
  return out;
}

export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0 || b.length === 0) return [];
  // One block spanning the whole of the other set (0.0.0.0/0 against anything): the other set itself, so
  // callers that clip many rules to one set can tell "all of it" by identity.
  if (a.length === 1 && a[0][0] <= b[0][0] && a[0][1] >= b[b.length - 1][1]) return b;
  if (b.length === 1 && b[0][0] <= a[0][0] && b[0][1] >= a[a.length - 1][1]) return a;
  // A few intervals against many (a route against a prefecture's on-premises ranges): binary-search
  // the long side, so the cost follows the short side and not the size of the whole policy.
  if (a.length * 16 < b.length) return intersectSmall(a, b);
  if (b.length * 16 < a.length) return intersectSmall(b, a);
  const out: Array<[bigint, bigint]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = a[i][0] > b[j][0] ? a[i][0] : b[j][0];
    const hi = a[i][1] < b[j][1] ? a[i][1] : b[j][1];
    if (lo <= hi) out.push([lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

/** First index in `b` whose interval ends at or after `x`. */
function lowerBound(b: IntervalSet, x: bigint): number {
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (b[mid][1] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function intersectSmall(small: IntervalSet, big: IntervalSet): IntervalSet {
  const out: Array<[bigint, bigint]> = [];
  for (const [lo0, hi0] of small) {
    for (let j = lowerBound(big, lo0); j < big.length && big[j][0] <= hi0; j++) {
      const lo = big[j][0] > lo0 ? big[j][0] : lo0;
      const hi = big[j][1] < hi0 ? big[j][1] : hi0;
      if (lo <= hi) out.push([lo, hi]);
    }
  }
  return out;
}

export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0 || b.length === 0) return a;
  const out: Array<[bigint, bigint]> = [];
  let j = 0;
  for (const [lo0, hi] of a) {
    let lo = lo0;
    while (j < b.length && b[j][1] < lo) j++;
    let k = j;
    while (k < b.length && b[k][0] <= hi) {
      if (b[k][0] > lo) out.push([lo, b[k][0] - 1n]);
      lo = b[k][1] + 1n;
      if (lo > hi) break;
      k++;
    }
    if (lo <= hi) out.push([lo, hi]);
  }
  return out;
}

export function isEmpty(a: IntervalSet): boolean {
  return a.length === 0;
}

export function contains(a: IntervalSet, addr: bigint): boolean {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (addr < a[mid][0]) hi = mid - 1;
    else if (addr > a[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Human text for a set: CIDRs where the set is a few aligned blocks, ranges otherwise. */
export function describeSet(a: IntervalSet, max = 4): string {
  const parts: string[] = [];
  for (const [lo, hi] of a.slice(0, max)) {
    const size = hi - lo + 1n;
    const isPow2 = (size & (size - 1n)) === 0n && lo % size === 0n;
    if (isPow2) {
      const family = lo >= V4_BASE ? 4 : 6;
      const bits = BigInt(family === 4 ? 32 : 128);
      let len = bits;
      let s = size;
      while (s > 1n) {
        s >>= 1n;
        len--;
      }
      parts.push(`${formatAddress(lo)}/${len}`);
    } else parts.push(`${formatAddress(lo)}–${formatAddress(hi)}`);
  }
  if (a.length > max) parts.push(`… (+${a.length - max})`);
  return parts.length ? parts.join(', ') : '(none)';
}

/** The CIDR blocks of one interval of one family, smallest number of blocks, ascending. */
function blocksOf(lo: bigint, hi: bigint, family: 4 | 6, out: string[], limit: number): void {
  const base = family === 4 ? V4_BASE : 0n;
  const bits = family === 4 ? 32 : 128;
  let a = lo - base;
  const b = hi - base;
  while (a <= b && out.length < limit) {
    // The largest aligned block that starts at a and ends at or before b.
    let len = bits;
    while (len > 0) {
      const size = 1n << BigInt(bits - len + 1);
      if (a % size !== 0n || a + size - 1n > b) break;
      len--;
    }
    out.push(`${formatAddress(a + base)}/${len}`);
    a += 1n << BigInt(bits - len);
  }
}

/**
 * A set written as CIDR blocks only (IPv6 blocks first, as the number line orders them): the first `max`
 * blocks and how many more there are (counted up to 10,000, past which `more` is a lower bound). Reports
 * print these: a reviewer reads "0.0.0.0/0", not an address range.
 */
export function cidrBlocks(a: IntervalSet, max = 4): { cidrs: string[]; more: number } {
  const limit = 10_000;
  const all: string[] = [];
  for (const [lo, hi] of a) {
    if (all.length >= limit) break;
    if (lo < V4_BASE) blocksOf(lo, hi < V4_BASE ? hi : V4_BASE - 1n, 6, all, limit);
    if (hi >= V4_BASE) blocksOf(lo < V4_BASE ? V4_BASE : lo, hi, 4, all, limit);
  }
  return { cidrs: all.slice(0, max), more: Math.max(0, all.length - max) };
}
