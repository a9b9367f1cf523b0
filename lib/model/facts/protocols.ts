/** IP protocol numbers and port ranges as NACLs and security groups write them. */
import { NO_VALUE, type Value, isPlainObject } from '../resolve/values';

const NAMES: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58, '-1': -1, all: -1 };

export function parseProtocol(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v).toLowerCase();
  if (s in NAMES) return NAMES[s];
  const n = Number(s);
  return Number.isInteger(n) && n >= -1 && n <= 255 ? n : undefined;
}

export function protocolName(p: number): string {
  return p === -1 ? 'all' : p === 6 ? 'tcp' : p === 17 ? 'udp' : p === 1 ? 'icmp' : p === 58 ? 'icmpv6' : String(p);
}

/** Port range for TCP/UDP; undefined means every port (and always for other protocols). */
export function portRange(protocol: number, pr: Value | undefined): { from: number; to: number } | undefined {
  if (protocol !== 6 && protocol !== 17) return undefined;
  if (pr === undefined || pr === NO_VALUE || !isPlainObject(pr)) return undefined;
  const from = Number(pr.From ?? pr.from);
  const to = Number(pr.To ?? pr.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || from < 0) return undefined;
  return { from, to };
}
