/**
 * Address arithmetic edge by edge (lib/cidr/address-sets.ts): every route, NACL entry and security-group rule
 * the engine judges goes through these functions, so each boundary a bug could move — the last address of a
 * range, adjacency when merging, the family boundary, RFC 5952 compression, the largest aligned block — has a
 * direct assertion. Written against the survivors of the mutation run (tools/mutation, docs/verify.md).
 */
import {
  ALL_ADDRESSES, ALL_V4, ALL_V6, EMPTY, V4_BASE, cidrBlocks, cidrFromRange, contains, describeSet, formatAddress, intersect, isEmpty, parseCidr, setOf, subdivide, subtract, union, type IntervalSet,
} from '../../lib/cidr/address-sets';

const c = (s: string) => parseCidr(s)!;
const a = (s: string): bigint => c(`${s}/${s.includes(':') ? 128 : 32}`).lo;
const iv = (lo: string, hi: string): readonly [bigint, bigint] => [a(lo), a(hi)];

describe('parsing IPv4', () => {
  test('four decimal octets of at most 255, a prefix of at most 32', () => {
    expect(c('255.255.255.255/32')).toMatchObject({ family: 4, lo: V4_BASE + 0xffffffffn, hi: V4_BASE + 0xffffffffn, prefixLength: 32, text: '255.255.255.255/32' });
    expect(c('0.0.0.0/0')).toMatchObject({ lo: V4_BASE, hi: V4_BASE + 0xffffffffn, prefixLength: 0, text: '0.0.0.0/0' });
    expect(c('10.1.2.3/8')).toMatchObject({ lo: a('10.0.0.0'), hi: a('10.255.255.255'), text: '10.0.0.0/8' });
    expect(c('192.168.10.0/23')).toMatchObject({ lo: a('192.168.10.0'), hi: a('192.168.11.255') });
    for (const bad of ['1.2.3/8', '1.2.3.4.5/8', '1.2.3.1234/8', '1.2.3.256/32', 'a.b.c.d/8', '1.2.3.-4/8', '1.2.3.4/33', '1.2.3.4/', '/8', '1.2.3.4/0008', '1.2.3.4 /8', '']) {
      expect(parseCidr(bad)).toBeUndefined();
    }
  });
  test('surrounding whitespace is ignored; other types are not CIDRs', () => {
    expect(parseCidr(' 10.0.0.0/8 ')?.text).toBe('10.0.0.0/8');
    for (const bad of [undefined, null, 10, { Ref: 'X' }, ['10.0.0.0/8']]) expect(parseCidr(bad)).toBeUndefined();
  });
  test('a parsed block is frozen and shared: no caller can change what another holds', () => {
    const x = c('10.7.0.0/16');
    expect(Object.isFrozen(x)).toBe(true);
    expect(parseCidr('10.7.0.0/16')).toBe(x);
  });
});

describe('parsing IPv6', () => {
  test('eight groups, or fewer with one ::, or an embedded IPv4 tail', () => {
    expect(c('1:2:3:4:5:6:7:8/128').lo).toBe(0x00010002000300040005000600070008n);
    expect(c('::1/128').lo).toBe(1n);
    expect(c('::/0')).toMatchObject({ family: 6, lo: 0n, hi: V4_BASE - 1n, prefixLength: 0, text: '::/0' });
    expect(c('fe80::/10')).toMatchObject({ lo: 0xfe80n << 112n, text: 'fe80::/10' });
    expect(c('1::8/128').lo).toBe((1n << 112n) | 8n);
    expect(c('::ffff:1.2.3.4/128').lo).toBe((0xffffn << 32n) | 0x01020304n);
    expect(c('64:ff9b::10.0.0.1/128').lo).toBe((0x64n << 112n) | (0xff9bn << 96n) | 0x0a000001n);
    expect(c('ABCD::/16').text).toBe('abcd::/16');
    expect(c('2001:db8::ff/64')).toMatchObject({ lo: c('2001:db8::/64').lo, hi: c('2001:db8::/64').lo + (1n << 64n) - 1n });
  });
  test('anything else is refused', () => {
    for (const bad of ['1:2:3:4:5:6:7/128', '1:2:3:4:5:6:7:8:9/128', '1:2:3:4::5:6:7:8/128', '1::2::3/64', '12345::/16', 'g::/16', '::ffff:1.2.3/128', '::ffff:1.2.3.999/128', '::/129', '::1:/64', '1:2:3:4:5:6:7:8/200']) {
      expect(parseCidr(bad)).toBeUndefined();
    }
  });
});

describe('formatting', () => {
  test('IPv4 octet by octet', () => {
    expect(formatAddress(a('1.2.3.4'))).toBe('1.2.3.4');
    expect(formatAddress(a('255.0.255.0'))).toBe('255.0.255.0');
    expect(formatAddress(V4_BASE)).toBe('0.0.0.0');
  });
  test('IPv6 compresses the longest run of two or more zero groups, the first of equal runs (RFC 5952)', () => {
    const f = (s: string) => formatAddress(c(`${s}/128`).lo);
    expect(f('0:0:0:0:0:0:0:0')).toBe('::');
    expect(f('0:0:0:0:0:0:0:1')).toBe('::1');
    expect(f('1:0:0:0:0:0:0:0')).toBe('1::');
    expect(f('1:0:2:3:4:5:6:7')).toBe('1:0:2:3:4:5:6:7');
    expect(f('1:0:0:2:0:0:3:4')).toBe('1::2:0:0:3:4');
    expect(f('1:0:0:2:0:0:0:3')).toBe('1:0:0:2::3');
    expect(f('2001:db8:0:0:1:0:0:1')).toBe('2001:db8::1:0:0:1');
    expect(f('fe80:0:0:0:abcd:0:0:0')).toBe('fe80::abcd:0:0:0');
    expect(f('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
  });
  test('the family follows the number line: below 2^128 is IPv6', () => {
    expect(formatAddress(V4_BASE - 1n)).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
  });
});

describe('blocks from ranges and Fn::Cidr', () => {
  test('cidrFromRange gives the block of that length at that address', () => {
    expect(cidrFromRange(a('10.0.4.0'), 22, 4)).toEqual({ text: '10.0.4.0/22', family: 4, lo: a('10.0.4.0'), hi: a('10.0.7.255'), prefixLength: 22 });
    expect(cidrFromRange(c('2001:db8::/64').lo, 64, 6)).toEqual({ text: '2001:db8::/64', family: 6, lo: c('2001:db8::/64').lo, hi: c('2001:db8::/64').hi, prefixLength: 64 });
  });
  test('subdivide: consecutive blocks, the whole block at most, never longer than the block or negative', () => {
    expect(subdivide(c('10.0.0.0/24'), 4, 6)!.map((x) => x.text)).toEqual(['10.0.0.0/26', '10.0.0.64/26', '10.0.0.128/26', '10.0.0.192/26']);
    expect(subdivide(c('10.0.0.0/24'), 5, 6)).toBeUndefined();
    expect(subdivide(c('10.0.0.0/24'), 1, 8)!.map((x) => x.text)).toEqual(['10.0.0.0/24']);
    expect(subdivide(c('10.0.0.0/24'), 1, 9)).toBeUndefined();
    expect(subdivide(c('10.0.0.0/24'), 1, -1)).toBeUndefined();
    expect(subdivide(c('10.0.0.0/24'), 0, 4)).toEqual([]);
    expect(subdivide(c('10.0.0.0/24'), 2, 0)!.map((x) => x.text)).toEqual(['10.0.0.0/32', '10.0.0.1/32']);
    expect(subdivide(c('10.0.0.0/24'), 2, 0)![1]).toMatchObject({ lo: a('10.0.0.1'), hi: a('10.0.0.1') });
  });
});

describe('sets', () => {
  test('setOf: one block as is, several sorted and merged', () => {
    expect(setOf([c('10.0.1.0/24')])).toEqual([iv('10.0.1.0', '10.0.1.255')]);
    expect(setOf([c('10.0.2.0/24'), c('10.0.0.0/24'), c('10.0.1.0/24')])).toEqual([iv('10.0.0.0', '10.0.2.255')]);
    expect(setOf([c('10.0.2.0/24'), c('10.0.0.0/24')])).toEqual([iv('10.0.0.0', '10.0.0.255'), iv('10.0.2.0', '10.0.2.255')]);
    expect(setOf([])).toEqual([]);
  });
  test('union merges overlapping and adjacent intervals, keeps gaps, keeps the larger end', () => {
    const x: IntervalSet = [iv('10.0.0.0', '10.0.0.9')];
    expect(union(x, [iv('10.0.0.10', '10.0.0.20')])).toEqual([iv('10.0.0.0', '10.0.0.20')]);
    expect(union(x, [iv('10.0.0.11', '10.0.0.20')])).toEqual([iv('10.0.0.0', '10.0.0.9'), iv('10.0.0.11', '10.0.0.20')]);
    expect(union(x, [iv('10.0.0.2', '10.0.0.3')])).toEqual(x);
    expect(union([iv('10.0.0.5', '10.0.0.9')], [iv('10.0.0.0', '10.0.0.6')])).toEqual([iv('10.0.0.0', '10.0.0.9')]);
    expect(union(EMPTY, [iv('10.0.0.5', '10.0.0.9'), iv('10.0.0.0', '10.0.0.1')])).toEqual([iv('10.0.0.0', '10.0.0.1'), iv('10.0.0.5', '10.0.0.9')]);
    expect(union(x, EMPTY)).toBe(x);
  });
  test('intersect: the overlap; a set spanning the other returns that other set itself', () => {
    const x: IntervalSet = [iv('10.0.0.0', '10.0.0.9'), iv('10.0.0.20', '10.0.0.29')];
    expect(intersect(x, [iv('10.0.0.5', '10.0.0.24')])).toEqual([iv('10.0.0.5', '10.0.0.9'), iv('10.0.0.20', '10.0.0.24')]);
    expect(intersect([iv('10.0.0.5', '10.0.0.24')], x)).toEqual([iv('10.0.0.5', '10.0.0.9'), iv('10.0.0.20', '10.0.0.24')]);
    expect(intersect(x, [iv('10.0.0.10', '10.0.0.19')])).toEqual([]);
    expect(intersect(x, [iv('10.0.0.9', '10.0.0.20')])).toEqual([iv('10.0.0.9', '10.0.0.9'), iv('10.0.0.20', '10.0.0.20')]);
    expect(intersect(ALL_V4, x)).toBe(x);
    expect(intersect(x, ALL_V4)).toBe(x);
    expect(intersect(x, EMPTY)).toEqual([]);
    expect(intersect(EMPTY, x)).toEqual([]);
    // Two sets of several intervals each, interleaved (the merge walk).
    const y: IntervalSet = [iv('10.0.0.8', '10.0.0.21'), iv('10.0.0.25', '10.0.0.40')];
    expect(intersect(x, y)).toEqual([iv('10.0.0.8', '10.0.0.9'), iv('10.0.0.20', '10.0.0.21'), iv('10.0.0.25', '10.0.0.29')]);
    expect(intersect(y, x)).toEqual(intersect(x, y));
  });
  test('intersect of a few intervals against many (binary search) clips at both ends', () => {
    const many: IntervalSet = Array.from({ length: 40 }, (_, i) => iv(`10.0.${i}.0`, `10.0.${i}.127`));
    const few: IntervalSet = [iv('10.0.3.64', '10.0.5.100'), iv('10.0.30.200', '10.0.31.0')];
    const expected = [iv('10.0.3.64', '10.0.3.127'), iv('10.0.4.0', '10.0.4.127'), iv('10.0.5.0', '10.0.5.100'), iv('10.0.31.0', '10.0.31.0')];
    expect(intersect(few, many)).toEqual(expected);
    expect(intersect(many, few)).toEqual(expected);
    expect(intersect([iv('10.0.0.128', '10.0.0.255')], many)).toEqual([]);
    expect(intersect([iv('10.0.39.127', '10.0.40.0')], many)).toEqual([iv('10.0.39.127', '10.0.39.127')]);
    expect(intersect([iv('9.0.0.0', '10.0.0.0')], many)).toEqual([iv('10.0.0.0', '10.0.0.0')]);
  });
  test('subtract: holes at the start, middle and end; a cover leaves nothing; several intervals each', () => {
    const x: IntervalSet = [iv('10.0.0.0', '10.0.0.99')];
    expect(subtract(x, [iv('10.0.0.0', '10.0.0.9')])).toEqual([iv('10.0.0.10', '10.0.0.99')]);
    expect(subtract(x, [iv('10.0.0.90', '10.0.0.99')])).toEqual([iv('10.0.0.0', '10.0.0.89')]);
    expect(subtract(x, [iv('10.0.0.10', '10.0.0.19'), iv('10.0.0.30', '10.0.0.39')])).toEqual([iv('10.0.0.0', '10.0.0.9'), iv('10.0.0.20', '10.0.0.29'), iv('10.0.0.40', '10.0.0.99')]);
    expect(subtract(x, [iv('9.0.0.0', '11.0.0.0')])).toEqual([]);
    expect(subtract(x, [iv('9.0.0.0', '10.0.0.50')])).toEqual([iv('10.0.0.51', '10.0.0.99')]);
    expect(subtract([iv('10.0.0.0', '10.0.0.9'), iv('10.0.0.20', '10.0.0.29')], [iv('10.0.0.5', '10.0.0.24')])).toEqual([iv('10.0.0.0', '10.0.0.4'), iv('10.0.0.25', '10.0.0.29')]);
    expect(subtract([iv('10.0.0.0', '10.0.0.9'), iv('10.0.0.20', '10.0.0.29')], [iv('10.0.0.12', '10.0.0.14')])).toEqual([iv('10.0.0.0', '10.0.0.9'), iv('10.0.0.20', '10.0.0.29')]);
    // Touching ends: a hole ending exactly at the start, starting exactly at the end, leaving exactly one address.
    expect(subtract([iv('10.0.0.5', '10.0.0.10')], [iv('10.0.0.0', '10.0.0.5')])).toEqual([iv('10.0.0.6', '10.0.0.10')]);
    expect(subtract([iv('10.0.0.0', '10.0.0.10')], [iv('10.0.0.10', '10.0.0.20')])).toEqual([iv('10.0.0.0', '10.0.0.9')]);
    expect(subtract([iv('10.0.0.0', '10.0.0.10')], [iv('10.0.0.0', '10.0.0.9')])).toEqual([iv('10.0.0.10', '10.0.0.10')]);
    expect(subtract([iv('10.0.0.0', '10.0.0.10')], [iv('10.0.0.0', '10.0.0.9'), iv('10.0.0.10', '10.0.0.10')])).toEqual([]);
    expect(subtract(x, EMPTY)).toBe(x);
    expect(subtract(EMPTY, x)).toEqual([]);
  });
  test('contains: both ends of every interval, nothing in the gaps or outside', () => {
    const x: IntervalSet = [iv('10.0.0.0', '10.0.0.9'), iv('10.0.0.20', '10.0.0.29'), iv('10.0.0.40', '10.0.0.49'), iv('10.0.0.60', '10.0.0.69')];
    for (const [lo, hi] of x) {
      expect(contains(x, lo)).toBe(true);
      expect(contains(x, hi)).toBe(true);
      expect(contains(x, lo - 1n)).toBe(false);
      expect(contains(x, hi + 1n)).toBe(false);
    }
    expect(contains(EMPTY, a('10.0.0.0'))).toBe(false);
    expect(isEmpty(EMPTY)).toBe(true);
    expect(isEmpty(x)).toBe(false);
  });
  test('the families never overlap on the number line', () => {
    expect(contains(ALL_V6, V4_BASE)).toBe(false);
    expect(contains(ALL_V4, V4_BASE - 1n)).toBe(false);
    expect(union(ALL_V6, ALL_V4)).toEqual(ALL_ADDRESSES);
  });
});

describe('describing sets', () => {
  test('aligned power-of-two intervals as CIDRs, others as ranges, at most `max` then a count', () => {
    expect(describeSet([])).toBe('(none)');
    expect(describeSet(setOf([c('10.0.0.0/16')]))).toBe('10.0.0.0/16');
    expect(describeSet(setOf([c('10.0.0.7/32')]))).toBe('10.0.0.7/32');
    expect(describeSet([iv('10.0.0.1', '10.0.0.2')])).toBe('10.0.0.1–10.0.0.2');
    expect(describeSet([iv('10.0.0.0', '10.0.0.2')])).toBe('10.0.0.0–10.0.0.2');
    expect(describeSet(setOf([c('2001:db8::/48')]))).toBe('2001:db8::/48');
    expect(describeSet(ALL_V4)).toBe('0.0.0.0/0');
    const five: IntervalSet = Array.from({ length: 5 }, (_, i) => iv(`10.0.${2 * i}.0`, `10.0.${2 * i}.255`));
    expect(describeSet(five)).toBe('10.0.0.0/24, 10.0.2.0/24, 10.0.4.0/24, 10.0.6.0/24, … (+1)');
    expect(describeSet(five, 2)).toBe('10.0.0.0/24, 10.0.2.0/24, … (+3)');
    expect(describeSet(five, 5)).toBe('10.0.0.0/24, 10.0.2.0/24, 10.0.4.0/24, 10.0.6.0/24, 10.0.8.0/24');
  });
  test('cidrBlocks: the fewest aligned blocks, IPv6 before IPv4, split at the family boundary', () => {
    expect(cidrBlocks([iv('10.0.0.1', '10.0.0.6')], 10)).toEqual({ cidrs: ['10.0.0.1/32', '10.0.0.2/31', '10.0.0.4/31', '10.0.0.6/32'], more: 0 });
    expect(cidrBlocks([iv('10.0.0.0', '10.0.0.255')], 1)).toEqual({ cidrs: ['10.0.0.0/24'], more: 0 });
    expect(cidrBlocks([iv('10.0.0.0', '10.0.1.254')], 2)).toEqual({ cidrs: ['10.0.0.0/24', '10.0.1.0/25'], more: 7 });
    expect(cidrBlocks([[V4_BASE - 2n, V4_BASE + 1n]], 4)).toEqual({ cidrs: ['ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127', '0.0.0.0/31'], more: 0 });
    expect(cidrBlocks([iv('::', '::3')], 4)).toEqual({ cidrs: ['::/126'], more: 0 });
  });
  test('cidrBlocks counts at most 10,000 blocks (then the count is a lower bound)', () => {
    const many: IntervalSet = Array.from({ length: 10_050 }, (_, i) => [V4_BASE + 2n * BigInt(i), V4_BASE + 2n * BigInt(i)] as const);
    expect(cidrBlocks(many, 4)).toEqual({ cidrs: ['0.0.0.0/32', '0.0.0.2/32', '0.0.0.4/32', '0.0.0.6/32'], more: 9_996 });
  });
});
