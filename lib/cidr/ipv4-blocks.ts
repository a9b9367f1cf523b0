/**
 * IPv4 blocks as a configuration writes them, for validation and subnet planning: a strict parse that
 * explains what is wrong (host bits set, octet above 255), overlap and containment, and the addresses AWS
 * reserves per subnet. The proof's exact address sets (IPv4 and IPv6, route lookup) are address-sets.ts
 * in this folder; the two share no function name so a reader always knows which one is meant.
 * Pure TypeScript (no aws-cdk-lib): the validator must run before any construct exists.
 */

export interface Ipv4Cidr {
  /** The text as written in the configuration. */
  text: string;
  /** First address as an unsigned 32-bit integer. */
  start: number;
  prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/**
 * Parses `a.b.c.d/n`. Returns a reason string instead of throwing so the validator can collect every
 * problem. Host bits must be zero: AWS rejects `10.0.0.1/16` for a VPC, and a reader who wrote it
 * probably meant a different network, so we refuse rather than silently normalising.
 */
export function parseIpv4Block(text: string): Ipv4Cidr | string {
  const m = CIDR_PATTERN.exec(text.trim());
  if (!m) {
    return `"${text}" is not an IPv4 CIDR block like 10.1.0.0/16`;
  }
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255)) {
    return `"${text}" has an octet above 255`;
  }
  if (prefix > 32) {
    return `"${text}" has a prefix length above /32`;
  }
  const start = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  const size = cidrSizeOf(prefix);
  if (start % size !== 0) {
    const aligned = start - (start % size);
    return `"${text}" has host bits set; the network is ${formatIpv4Address(aligned)}/${prefix}`;
  }
  return { text: text.trim(), start, prefix };
}

/** Parses or throws; for values the schema has already checked. */
export function mustParseIpv4Block(text: string): Ipv4Cidr {
  const parsed = parseIpv4Block(text);
  if (typeof parsed === 'string') {
    throw new Error(parsed);
  }
  return parsed;
}

export function cidrSizeOf(prefix: number): number {
  return 2 ** (32 - prefix);
}

export function cidrSize(cidr: Ipv4Cidr): number {
  return cidrSizeOf(cidr.prefix);
}

/** Two blocks overlap iff one contains the other's first address (CIDR blocks nest or are disjoint). */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  const aEnd = a.start + cidrSize(a);
  const bEnd = b.start + cidrSize(b);
  return a.start < bEnd && b.start < aEnd;
}

export function ipv4BlockContains(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return inner.start >= outer.start && inner.start + cidrSize(inner) <= outer.start + cidrSize(outer);
}

export function formatIpv4Address(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function formatCidr(start: number, prefix: number): string {
  return `${formatIpv4Address(start)}/${prefix}`;
}

/** AWS reserves the first four and the last address of every subnet (network, router, DNS, future, broadcast). */
export const AWS_RESERVED_ADDRESSES_PER_SUBNET = 5;

export function usableAddresses(prefix: number): number {
  return Math.max(0, cidrSizeOf(prefix) - AWS_RESERVED_ADDRESSES_PER_SUBNET);
}
