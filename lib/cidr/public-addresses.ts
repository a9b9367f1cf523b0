/**
 * The addresses a packet from the internet can carry as its source (and a packet to the internet as its
 * destination): IPv4 minus the special-purpose ranges of RFC 6890 (private, shared, loopback, link-local,
 * benchmarking, multicast, reserved), and IPv6 global unicast (2000::/3). The documentation ranges
 * (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) stay in: examples and policies use them to
 * stand for real public addresses.
 * An internet gateway delivers only these: a witness "from the internet, 10.10.0.0 → 10.10.0.0" cannot happen.
 */
import { ALL_V4, ALL_V6, parseCidr, setOf, subtract, union, type IntervalSet } from './address-sets';

const SPECIAL_V4 = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24',
  '192.88.99.0/24', '192.168.0.0/16', '198.18.0.0/15', '224.0.0.0/4', '240.0.0.0/4',
];

const cidrs = (list: string[]) => list.map((c) => parseCidr(c)!);

export const PUBLIC_ADDRESSES: IntervalSet = union(
  subtract(ALL_V4, setOf(cidrs(SPECIAL_V4))),
  setOf(cidrs(['2000::/3'])),
);

/**
 * Every address a packet can be sent to across a router: all addresses minus "this network" (0.0.0.0/8),
 * loopback, multicast and the reserved / limited-broadcast block (240.0.0.0/4 with 255.255.255.255), and
 * IPv6 unspecified / loopback (::/127) and multicast (ff00::/8). Networks whose ranges are unknown (a tier's
 * on-premises side with no declared ranges, a peered transit gateway) stand for these, so a rule such as
 * CDK's placeholder "ICMP to 255.255.255.255/32" never makes a witness.
 */
export const UNICAST_ADDRESSES: IntervalSet = union(
  subtract(ALL_V4, setOf(cidrs(['0.0.0.0/8', '127.0.0.0/8', '224.0.0.0/4', '240.0.0.0/4']))),
  subtract(ALL_V6, setOf(cidrs(['::/127', 'ff00::/8']))),
);
