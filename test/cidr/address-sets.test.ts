import { ALL_ADDRESSES, ALL_V4, ALL_V6, cidrBlocks, describeSet, formatAddress, intersect, parseCidr, setOf, subdivide, subtract, union, V4_BASE } from '../../lib/cidr/address-sets';

describe('CIDR arithmetic', () => {
  test('parses and normalises IPv4 and IPv6', () => {
    expect(parseCidr('10.20.3.7/16')?.text).toBe('10.20.0.0/16');
    expect(parseCidr('2001:DB8:0:0::1/48')?.text).toBe('2001:db8::/48');
    expect(parseCidr('::ffff:10.0.0.0/104')?.family).toBe(6);
    for (const bad of ['10.0.0.0', '10.0.0.256/8', '10.0.0.0/33', '2001:db8::/129', 'x/1', '1::2::3/64', 42]) expect(parseCidr(bad)).toBeUndefined();
  });
  test('IPv4 and IPv6 never overlap: ::/0 does not contain 0.0.0.0/0', () => {
    expect(intersect(ALL_V4, ALL_V6)).toEqual([]);
    expect(parseCidr('0.0.0.0/0')!.lo).toBe(V4_BASE);
  });
  test('set operations', () => {
    const a = setOf([parseCidr('10.0.0.0/16')!]);
    const b = setOf([parseCidr('10.0.1.0/24')!]);
    expect(describeSet(subtract(a, b))).toBe('10.0.0.0/24, 10.0.2.0–10.0.255.255');
    expect(union(subtract(a, b), b)).toEqual(a);
    expect(describeSet(intersect(a, setOf([parseCidr('10.0.0.0/8')!])))).toBe('10.0.0.0/16');
  });
  test('a set written as CIDR blocks only (what the reports print), with the count of blocks left out', () => {
    const a = setOf([parseCidr('10.0.0.0/16')!]);
    const b = setOf([parseCidr('10.0.1.0/24')!]);
    // 10.0.0.0/24 and 10.0.2.0–10.0.255.255 = 10.0.2.0/23, 10.0.4.0/22, …, 10.0.128.0/17
    expect(cidrBlocks(subtract(a, b), 3)).toEqual({ cidrs: ['10.0.0.0/24', '10.0.2.0/23', '10.0.4.0/22'], more: 5 });
    expect(cidrBlocks(subtract(a, b), 10).cidrs.slice(-1)).toEqual(['10.0.128.0/17']);
    expect(cidrBlocks(ALL_ADDRESSES)).toEqual({ cidrs: ['::/0', '0.0.0.0/0'], more: 0 });
    expect(cidrBlocks(ALL_V4)).toEqual({ cidrs: ['0.0.0.0/0'], more: 0 });
    expect(cidrBlocks(setOf([parseCidr('10.0.0.5/32')!]))).toEqual({ cidrs: ['10.0.0.5/32'], more: 0 });
    expect(cidrBlocks([])).toEqual({ cidrs: [], more: 0 });
  });
  test('blocks are counted without being written: the count equals the greedy cover, in both families, up to 10,000', () => {
    // The reference: the smallest CIDR cover made block by block (what cidrBlocks wrote out before it counted).
    const greedy = (set: ReadonlyArray<readonly [bigint, bigint]>): number => {
      let n = 0;
      for (const [lo0, hi0] of set) {
        const parts: Array<[bigint, bigint, number]> = [];
        if (lo0 < V4_BASE) parts.push([lo0, hi0 < V4_BASE ? hi0 : V4_BASE - 1n, 128]);
        if (hi0 >= V4_BASE) parts.push([(lo0 < V4_BASE ? V4_BASE : lo0) - V4_BASE, hi0 - V4_BASE, 32]);
        for (const [lo, hi, bits] of parts) {
          for (let a = lo; a <= hi; n++) {
            let len = bits;
            while (len > 0 && a % (1n << BigInt(bits - len + 1)) === 0n && a + (1n << BigInt(bits - len + 1)) - 1n <= hi) len--;
            a += 1n << BigInt(bits - len);
          }
        }
      }
      return n;
    };
    let seed = 17;
    const random = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let i = 0; i < 300; i++) {
      const points = Array.from({ length: 2 * (1 + random(4)) }, () =>
        random(5) === 0 ? BigInt(random(2 ** 30)) << BigInt(random(90)) : V4_BASE + BigInt(random(2 ** 16)) * BigInt(1 + random(2 ** 16)),
      ).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      const set = union([], Array.from({ length: points.length / 2 }, (_, k) => [points[2 * k], points[2 * k + 1]] as const));
      expect(cidrBlocks(set, 2).more).toBe(Math.max(0, greedy(set) - 2));
    }
    // 5,000 intervals of three blocks each: the count stops at 10,000.
    const many = union([], Array.from({ length: 5000 }, (_, k) => [V4_BASE + BigInt(8 * k + 1), V4_BASE + BigInt(8 * k + 6)] as const));
    expect(cidrBlocks(many, 3)).toEqual({ cidrs: ['0.0.0.1/32', '0.0.0.2/31', '0.0.0.4/31'], more: 10_000 - 3 });
    // Everything but one address: 32 blocks on each side of it in IPv4.
    expect(cidrBlocks(subtract(ALL_V4, setOf([parseCidr('10.1.2.3/32')!])), 2)).toEqual({ cidrs: ['0.0.0.0/5', '8.0.0.0/7'], more: 32 - 2 });
  });
  test('intersection of a small set with a large one (binary search) equals the merge', () => {
    const big = setOf(Array.from({ length: 200 }, (_, i) => parseCidr(`172.${16 + (i % 16)}.${i}.0/24`)!));
    const small = setOf([parseCidr('172.20.0.0/14')!]);
    const viaMerge = big.filter(([lo, hi]) => lo >= small[0][0] && hi <= small[0][1]);
    expect(intersect(small, big)).toEqual(viaMerge);
    expect(intersect(big, small)).toEqual(viaMerge);
  });
  test('Fn::Cidr subdivision, IPv4 and IPv6', () => {
    expect(subdivide(parseCidr('10.0.0.0/16')!, 3, 8)!.map((c) => c.text)).toEqual(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24']);
    expect(subdivide(parseCidr('2600:1f00:100::/56')!, 2, 64)!.map((c) => c.text)).toEqual(['2600:1f00:100::/64', '2600:1f00:100:1::/64']);
    expect(subdivide(parseCidr('10.0.0.0/24')!, 3, 8)).toBeUndefined();
  });
  test('formats addresses', () => {
    expect(formatAddress(parseCidr('192.168.1.0/24')!.lo)).toBe('192.168.1.0');
    expect(formatAddress(parseCidr('2001:db8:0:1::/64')!.lo)).toBe('2001:db8:0:1::');
  });
});
