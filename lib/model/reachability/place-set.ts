/**
 * Every place where packets start and end, built once from the model and the policy: the subnets of
 * each tier, the internet, each tier's on-premises network (an untagged link's own, made when a walk
 * reaches it), the network behind each Transit Gateway peering (made when a walk reaches it) and the
 * closed telework pools of the policy. `all` lists them in the order they were made.
 */
import { TIERS, type Tier } from '../../tiers/tier';
import type { TierPolicy } from '../../policy/schema';
import { ALL_ADDRESSES, type IntervalSet, parseCidr, setOf } from '../../cidr/address-sets';
import { PUBLIC_ADDRESSES, UNICAST_ADDRESSES } from '../../cidr/public-addresses';
import type { NetworkModel } from '../facts/types';
import type { ResourceRef } from '../path';
import { vpcTier } from '../tier-of';
import type { EndpointClass, Place } from './places';
import type { PlaceDirectory } from './routing';

export class PlaceSet implements PlaceDirectory {
  readonly all: Place[] = [];
  // The internet's packets carry public addresses only (an internet gateway delivers nothing else).
  readonly internet: Place = { id: 'internet', kind: 'internet', cls: 'internet', addresses: PUBLIC_ADDRESSES, name: { kind: 'internet' } };
  readonly unknown: Place = { id: 'unknown', kind: 'unknown', addresses: ALL_ADDRESSES, name: { kind: 'unknown' } };
  private readonly subnetPlaces = new Map<string, Place>();
  private readonly onPremByTier = new Map<Tier, IntervalSet>();
  private readonly onPremPlaces = new Map<string, Place>();
  private readonly pools = new Map<Tier, Place[]>();

  constructor(model: NetworkModel, policy: TierPolicy) {
    for (const s of model.subnets.values()) {
      const tier = vpcTier(model, s.vpc);
      const p: Place = { id: `subnet:${s.key}`, kind: 'subnet', ...(tier ? { cls: `tier:${tier}` as EndpointClass, tier } : {}), subnet: s.key, vpc: s.vpc, addresses: setOf(s.cidrs), ref: s.ref, name: { kind: 'subnet', subnet: s.ref.logicalId, cidrs: s.cidrs.map((c) => c.text) } };
      this.subnetPlaces.set(s.key, p);
      this.all.push(p);
    }
    this.all.push(this.internet);
    for (const tier of TIERS) {
      const nets = policy.onPremNetworks.filter((n) => n.tier === tier).flatMap((n) => n.cidrs.map((c) => parseCidr(c)!));
      this.onPremByTier.set(tier, nets.length ? setOf(nets) : UNICAST_ADDRESSES);
    }
    for (const t of TIERS) this.onPrem(t, { stack: '', logicalId: '', type: '' });
    for (const pool of policy.teleworkClients) {
      if (pool.via === 'client-vpn') continue; // those enter through a Client VPN endpoint in the templates
      const p: Place = { id: `telework:${pool.name}`, kind: 'telework', cls: `telework:${pool.tier}`, tier: pool.tier, addresses: setOf(pool.cidrs.map((c) => parseCidr(c)!)), name: { kind: 'telework-pool', pool: pool.name, via: pool.via } };
      this.pools.set(pool.tier, [...(this.pools.get(pool.tier) ?? []), p]);
      this.all.push(p);
    }
  }

  subnets(): IterableIterator<Place> {
    return this.subnetPlaces.values();
  }

  subnetPlace(subnet: string): Place | undefined {
    return this.subnetPlaces.get(subnet);
  }

  /** A place made during the walk (a Client VPN endpoint's clients). */
  add(place: Place): void {
    this.all.push(place);
  }

  /** The on-premises network of a tier, or the one behind an untagged link (one per link). */
  onPrem(tier: Tier | undefined, link: ResourceRef): Place {
    const id = tier ? `on-prem:${tier}` : `on-prem:untagged:${link.stack}::${link.logicalId}`;
    let p = this.onPremPlaces.get(id);
    if (!p) {
      p = tier
        ? { id, kind: 'on-prem', cls: `on-prem:${tier}`, tier, addresses: this.onPremByTier.get(tier)!, name: { kind: 'on-prem', tier } }
        : { id, kind: 'on-prem', addresses: UNICAST_ADDRESSES, ref: link, name: { kind: 'on-prem-untagged', link: link.logicalId } };
      this.onPremPlaces.set(id, p);
      this.all.push(p);
    }
    return p;
  }

  /**
   * The network behind a Transit Gateway peering: the tier its tag declares, any unicast address (the far
   * side is another Region's or account's route domain, not in the templates). One per attachment.
   */
  peered(tier: Tier | undefined, attachment: ResourceRef): Place {
    const id = `peered:${attachment.stack}::${attachment.logicalId}`;
    let p = this.onPremPlaces.get(id);
    if (!p) {
      p = { id, kind: 'on-prem', ...(tier ? { cls: `on-prem:${tier}` as EndpointClass, tier } : {}), addresses: UNICAST_ADDRESSES, ref: attachment, name: { kind: 'peered', ...(tier ? { tier } : {}), attachment: attachment.logicalId } };
      this.onPremPlaces.set(id, p);
      this.all.push(p);
    }
    return p;
  }

  teleworkPools(tier: Tier): Place[] {
    return this.pools.get(tier) ?? [];
  }

  /** Where packets arriving over a link of `tier` come from: its on-premises network and its closed telework pools. */
  linkSources(tier: Tier | undefined, ref: ResourceRef): Array<{ place: Place; addrs: IntervalSet }> {
    const out = [{ place: this.onPrem(tier, ref), addrs: tier ? this.onPremByTier.get(tier)! : ALL_ADDRESSES }];
    if (tier) for (const pool of this.teleworkPools(tier)) out.push({ place: pool, addrs: pool.addresses });
    return out;
  }
}
