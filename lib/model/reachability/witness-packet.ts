/**
 * The packet a witness prints. The filter search tests one representative per equivalence class of
 * addresses and ports — the lowest member of each class — which is exact for the yes/no answer but prints
 * packets nobody can send: "tcp port 0, 10.0.0.0 → 0.0.0.0" (port 0, a subnet's network address, "this
 * network"). Every member of a class meets exactly the same rules, so any member is an equally true
 * witness; this picks the one a reader recognises:
 * - addresses: the first unicast address of the class (never 0.0.0.0/8, loopback, multicast or reserved),
 *   and, where the class is wide enough, four above the class start — a subnet's first address an
 *   instance can hold (AWS reserves the network address and the next three) — never its last address
 *   (a subnet's broadcast address, also reserved);
 * - ports: a well-known service port inside the class (HTTPS, HTTP, SSH, RDP, SMB… for TCP; DNS, NTP,
 *   IKE… for UDP), else the class's first port, which is a port a rule names (0 is never printed).
 */
import { V4_BASE, contains, intersect, isEmpty, lowerBound, type IntervalSet } from '../../cidr/address-sets';
import { UNICAST_ADDRESSES } from '../../cidr/public-addresses';

const PREFERRED_PORTS: Readonly<Record<number, readonly number[]>> = {
  6: [443, 80, 22, 3389, 445, 25, 53, 389, 636, 1433, 3306, 5432, 8080, 8443],
  17: [53, 123, 500, 4500, 1194, 514, 161],
};

/** Offset of the first usable host of an AWS subnet from its network address. */
const AWS_RESERVED_AT_START = 4n;

/** The class an address representative stands for: from it up to the next representative (exclusive), inside `within`. */
function addressClass(rep: bigint, reps: readonly bigint[], within: IntervalSet): readonly [bigint, bigint] {
  // The interval of `within` holding `rep` (at most one), by binary search — `within` may be a prefecture's
  // ~180 on-premises ranges, on each of ~16,000 witnesses.
  const lo = lowerBound(within, rep);
  let hi = lo < within.length && within[lo][0] <= rep ? within[lo][1] : undefined;
  if (hi === undefined) return [rep, rep];
  // One number line holds both families: a class never crosses from IPv6 into IPv4.
  if (rep < V4_BASE && hi >= V4_BASE) hi = V4_BASE - 1n;
  // The next representative above `rep` (they ascend: the first one greater, by binary search) ends the class.
  let i = 0;
  let j = reps.length;
  while (i < j) {
    const mid = (i + j) >> 1;
    if (reps[mid] <= rep) i = mid + 1;
    else j = mid;
  }
  if (i < reps.length && reps[i] <= hi) return [rep, reps[i] - 1n];
  return [rep, hi];
}

/** A readable member of the address class [lo, hi] (see the file comment). */
export function presentableAddress(rep: bigint, reps: readonly bigint[], within: IntervalSet): bigint {
  const [lo, hi] = addressClass(rep, reps, within);
  const unicast = intersect([[lo, hi]], UNICAST_ADDRESSES);
  if (isEmpty(unicast)) return rep;
  const [ulo, uhi] = unicast[0];
  const host = ulo + AWS_RESERVED_AT_START;
  if (host < uhi && contains(unicast, host)) return host;
  return ulo;
}

/** A readable member of the port class that starts at `rep` (classes are bounded by `cuts`, sorted ascending). */
export function presentablePort(proto: number, rep: number | undefined, cuts: readonly number[]): number | undefined {
  if (rep === undefined) return undefined;
  const next = cuts.find((c) => c > rep);
  const hi = next === undefined ? 65535 : next - 1;
  for (const p of PREFERRED_PORTS[proto] ?? []) if (p >= rep && p <= hi) return p;
  if (rep > 0) return rep;
  // A class from port 0 that holds no service port (it ends below 22): port 1.
  return hi >= 1 ? 1 : rep;
}
