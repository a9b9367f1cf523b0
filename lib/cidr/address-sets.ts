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
  return formatV4Number(Number(v - V4_BASE));
}

/** An IPv4 address given as its 32-bit value (0 … 2^32 − 1) in a number. */
function formatV4Number(n: number): string {
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
  // Two sets (sorted, disjoint) merge in one pass: no concatenated copy to sort. The walk unites the
  // addresses a route table has seen with those arriving, tens of thousands of times.
  if (ascending(a) && ascending(b)) return coalesce(mergeAscending(a, b));
  return normalise([...a, ...b]);
}

/** Whether intervals are in ascending order of their starts (a set always is; a list of CIDRs may not be). */
function ascending(xs: IntervalSet): boolean {
  for (let i = 1; i < xs.length; i++) if (xs[i][0] < xs[i - 1][0]) return false;
  return true;
}

/** Two lists each ascending by start, as one list ascending by start (a stable merge). */
function mergeAscending(a: IntervalSet, b: IntervalSet): IntervalSet {
  const out: Array<readonly [bigint, bigint]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(b[j][0] < a[i][0] ? b[j++] : a[i++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

function normalise(xs: IntervalSet): IntervalSet {
  return coalesce(ascending(xs) ? xs : [...xs].sort((p, q) => (p[0] < q[0] ? -1 : p[0] > q[0] ? 1 : 0)));
}

/**
 * Intervals ascending by start, with overlapping and adjacent ones joined. An interval joined with none is
 * kept as it is (intervals are never changed in place, so sets may share them); a joined one is new.
 */
function coalesce(sorted: IntervalSet): IntervalSet {
  const out: Array<readonly [bigint, bigint]> = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && (x[0] <= last[1] || x[0] === last[1] + 1n)) {
      if (x[1] > last[1]) out[out.length - 1] = [last[0], x[1]];
    } else out.push(x);
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
  const out: Array<readonly [bigint, bigint]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    const lo = x[0] > y[0] ? x[0] : y[0];
    const hi = x[1] < y[1] ? x[1] : y[1];
    // An interval wholly inside the other set's is kept as it is (intervals are never changed in place).
    if (lo <= hi) out.push(lo === x[0] && hi === x[1] ? x : lo === y[0] && hi === y[1] ? y : [lo, hi]);
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return out;
}

/** First index in `b` whose interval ends at or after `x` (binary search: the intervals are sorted and disjoint). */
export function lowerBound(b: IntervalSet, x: bigint): number {
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
  const out: Array<readonly [bigint, bigint]> = [];
  for (const x of small) {
    const lo0 = x[0];
    const hi0 = x[1];
    for (let j = lowerBound(big, lo0); j < big.length && big[j][0] <= hi0; j++) {
      const y = big[j];
      const lo = y[0] > lo0 ? y[0] : lo0;
      const hi = y[1] < hi0 ? y[1] : hi0;
      if (lo <= hi) out.push(lo === y[0] && hi === y[1] ? y : lo === lo0 && hi === hi0 ? x : [lo, hi]);
    }
  }
  return out;
}

export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  if (a.length === 0 || b.length === 0 || !overlaps(a, b)) return a;
  const out: Array<readonly [bigint, bigint]> = [];
  let j = 0;
  for (const x of a) {
    const hi = x[1];
    let lo = x[0];
    while (j < b.length && b[j][1] < lo) j++;
    let k = j;
    while (k < b.length && b[k][0] <= hi) {
      if (b[k][0] > lo) out.push([lo, b[k][0] - 1n]);
      lo = b[k][1] + 1n;
      if (lo > hi) break;
      k++;
    }
    // An interval nothing was taken from is kept as it is (intervals are never changed in place).
    if (lo <= hi) out.push(lo === x[0] ? x : [lo, hi]);
  }
  return out;
}

/** Whether two sets share an address (one pass over both, nothing made). */
function overlaps(a: IntervalSet, b: IntervalSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i][1] < b[j][0]) i++;
    else if (b[j][1] < a[i][0]) j++;
    else return true;
  }
  return false;
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
  for (const [lo, hi] of a.slice(0, max)) parts.push(lo >= V4_BASE ? describeV4(Number(lo - V4_BASE), Number(hi - V4_BASE)) : describeV6(lo, hi));
  if (a.length > max) parts.push(`… (+${a.length - max})`);
  return parts.length ? parts.join(', ') : '(none)';
}

/**
 * One IPv4 interval, in numbers: 32-bit values are exact in a double, and the reachability walk describes
 * tens of thousands of route matches at prefecture scale, where bigint arithmetic per interval was the cost.
 */
function describeV4(lo: number, hi: number): string {
  const size = hi - lo + 1;
  let len = 32;
  let s = size;
  while (s > 1 && s % 2 === 0) {
    s /= 2;
    len--;
  }
  if (s === 1 && lo % size === 0) return `${formatV4Number(lo)}/${len}`;
  return `${formatV4Number(lo)}–${formatV4Number(hi)}`;
}

function describeV6(lo: bigint, hi: bigint): string {
  const size = hi - lo + 1n;
  if ((size & (size - 1n)) === 0n && lo % size === 0n) {
    let len = 128;
    let s = size;
    while (s > 1n) {
      s >>= 1n;
      len--;
    }
    return `${formatAddress(lo)}/${len}`;
  }
  return `${formatAddress(lo)}–${formatAddress(hi)}`;
}

/**
 * The CIDR blocks of one IPv4 interval (offsets 0 … 2^32 − 1, in numbers), smallest number of blocks,
 * ascending: the first `max` of them written into `out`.
 */
function blocksOfV4(lo: number, hi: number, out: string[], max: number): void {
  let a = lo;
  while (a <= hi && out.length < max) {
    // The largest aligned block that starts at a and ends at or before hi.
    let len = 32;
    while (len > 0) {
      const size = 2 ** (33 - len);
      if (a % size !== 0 || a + size - 1 > hi) break;
      len--;
    }
    out.push(`${formatV4Number(a)}/${len}`);
    a += 2 ** (32 - len);
  }
}

/** The same for one IPv6 interval (bigints). */
function blocksOfV6(lo: bigint, hi: bigint, out: string[], max: number): void {
  let a = lo;
  while (a <= hi && out.length < max) {
    let len = 128;
    while (len > 0) {
      const size = 1n << BigInt(128 - len + 1);
      if (a % size !== 0n || a + size - 1n > hi) break;
      len--;
    }
    out.push(`${formatV6(a)}/${len}`);
    a += 1n << BigInt(128 - len);
  }
}

/**
 * How many blocks the smallest CIDR cover of [lo, hi] has, without making them. Unless the interval is one
 * aligned block, let bit k be the highest where lo and hi differ and c = hi with the bits below k cleared:
 * the blocks from lo up to c are the set bits of c − lo (ascending sizes), those from c to hi the set bits
 * of hi + 1 − c (descending sizes).
 */
function blockCountV4(lo: number, hi: number): number {
  const span = hi + 1 - lo;
  if (lo % span === 0 && 2 ** Math.round(Math.log2(span)) === span) return 1;
  let bit = 2 ** 31;
  while (Math.floor(lo / bit) % 2 === Math.floor(hi / bit) % 2) bit /= 2;
  const c = Math.floor(hi / bit) * bit;
  return popcount32(c - lo) + popcount32(hi + 1 - c);
}

/** Set bits of 0 ≤ n ≤ 2^31 (the two halves above never exceed it). */
function popcount32(n: number): number {
  let x = n >>> 0;
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

function blockCountV6(lo: bigint, hi: bigint): number {
  const span = hi + 1n - lo;
  if ((span & (span - 1n)) === 0n && lo % span === 0n) return 1;
  const bit = 1n << BigInt((lo ^ hi).toString(2).length - 1);
  const c = (hi / bit) * bit;
  const ones = (n: bigint): number => n.toString(2).split('1').length - 1;
  return ones(c - lo) + ones(hi + 1n - c);
}

/**
 * A set written as CIDR blocks only (IPv6 blocks first, as the number line orders them): the first `max`
 * blocks and how many more there are (counted up to 10,000, past which `more` is a lower bound). Reports
 * print these: a reviewer reads "0.0.0.0/0", not an address range. Only the first `max` blocks are made;
 * the rest are counted (the reachability walk lists the addresses of every route it matches).
 */
export function cidrBlocks(a: IntervalSet, max = 4): { cidrs: string[]; more: number } {
  const limit = 10_000;
  const cidrs: string[] = [];
  let count = 0;
  for (const [lo, hi] of a) {
    if (count >= limit) break;
    if (lo < V4_BASE) {
      const top = hi < V4_BASE ? hi : V4_BASE - 1n;
      if (cidrs.length < max) blocksOfV6(lo, top, cidrs, max);
      count += blockCountV6(lo, top);
    }
    if (hi >= V4_BASE) {
      const from = Number((lo < V4_BASE ? V4_BASE : lo) - V4_BASE);
      const to = Number(hi - V4_BASE);
      if (cidrs.length < max) blocksOfV4(from, to, cidrs, max);
      count += blockCountV4(from, to);
    }
  }
  return { cidrs, more: Math.max(0, Math.min(count, limit) - max) };
}
