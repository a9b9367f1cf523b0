/**
 * Places where packets start and end, and the endpoint classes the matrix and the rules speak about:
 * a tier's subnets, a tier's on-premises network, a tier's telework clients, and the internet.
 */
import type { Endpoint, PlaceName, ResourceRef } from '../path';
import { TIERS, type Tier } from '../../tiers/tier';
import type { IntervalSet } from '../../cidr/address-sets';

export type EndpointClass =
  | 'internet'
  | `tier:${Tier}`
  | `on-prem:${Tier}`
  | `telework:${Tier}`;

/** Every class, in the order reports list them. */
export const ENDPOINT_CLASSES: readonly EndpointClass[] = [
  ...TIERS.map((t) => `tier:${t}` as const),
  ...TIERS.map((t) => `on-prem:${t}` as const),
  ...TIERS.map((t) => `telework:${t}` as const),
  'internet',
];

export function classTier(c: EndpointClass): Tier | undefined {
  return c === 'internet' ? undefined : (c.split(':')[1] as Tier);
}

export function classKind(c: EndpointClass): 'tier' | 'on-prem' | 'telework' | 'internet' {
  return c === 'internet' ? 'internet' : (c.split(':')[0] as 'tier' | 'on-prem' | 'telework');
}

export interface Place {
  id: string;
  kind: 'subnet' | 'internet' | 'on-prem' | 'telework' | 'unknown';
  /** Undefined when the tier is not declared (untagged VPC or link): such places appear in findings of their own. */
  cls?: EndpointClass;
  tier?: Tier;
  /** Subnet key for subnet places; VPC key for grouping. */
  subnet?: string;
  vpc?: string;
  /** Source addresses a packet from this place may carry. */
  addresses: IntervalSet;
  ref?: ResourceRef;
  /** What the place is, as data (the report words it: lib/report/describe.ts placeLabel). */
  name: PlaceName;
}

export function endpointOf(p: Place): Endpoint {
  switch (p.kind) {
    case 'subnet':
      return p.tier ? { kind: 'tier', tier: p.tier, ...(p.ref ? { resource: p.ref } : {}) } : { kind: 'resource', resource: p.ref! };
    case 'internet':
      return { kind: 'internet' };
    case 'on-prem':
      return p.tier ? { kind: 'on-prem', tier: p.tier } : { kind: 'resource', resource: p.ref! };
    case 'telework':
      return { kind: 'telework-clients', ...(p.tier ? { tier: p.tier } : {}) };
    default:
      return { kind: 'resource', resource: p.ref ?? { stack: '?', logicalId: '?', type: 'unknown' } };
  }
}

export function endpointOfClass(c: EndpointClass): Endpoint {
  const t = classTier(c);
  switch (classKind(c)) {
    case 'tier':
      return { kind: 'tier', tier: t! };
    case 'on-prem':
      return { kind: 'on-prem', tier: t! };
    case 'telework':
      return { kind: 'telework-clients', tier: t! };
    default:
      return { kind: 'internet' };
  }
}
