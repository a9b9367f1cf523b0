/**
 * Which municipality (`mic:municipality`) or prefecture hub (`mic:hub`) a VPC or Transit Gateway declares
 * it belongs to: the facts the separation between municipalities is judged on. A tag value that is not a
 * literal is unresolved (fail closed), like the tier tag.
 */
import { HUB_TAG_KEY, MUNICIPALITY_TAG_KEY } from '../../tiers/municipality';
import { isPlainObject } from '../resolve/values';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import type { ResourceEntry } from '../resolve/resolver';
import type { NetworkModel } from './types';
import { reason } from '../reason';

function tagValue(entry: ResourceEntry, ctx: ExtractContext, key: string): string | undefined {
  for (const t of ctx.resolver.propList(entry, 'Tags')) {
    if (!isPlainObject(t) || t.Key !== key) continue;
    if (typeof t.Value === 'string') return t.Value;
    ctx.unresolved(entry, `Tags.${key}`, reason('tag-not-literal', { tag: key }));
    return '?';
  }
  return undefined;
}

export const membershipExtractor: Extractor = {
  types: ['AWS::EC2::VPC', 'AWS::EC2::TransitGateway'],
  phase: 1,
  extract(entry, ctx) {
    const municipality = tagValue(entry, ctx, MUNICIPALITY_TAG_KEY);
    const hub = tagValue(entry, ctx, HUB_TAG_KEY);
    if (municipality === undefined && hub === undefined) return;
    ctx.model.membership.set(entry.key, { ref: ctx.ref(entry), ...(municipality !== undefined ? { municipality } : {}), ...(hub !== undefined ? { hub } : {}) });
  },
};

export interface Membership {
  municipality?: string;
  hub?: string;
}

export function membershipOf(model: NetworkModel, key: string | undefined): Membership {
  return (key !== undefined && model.membership.get(key)) || {};
}

export function subnetMembership(model: NetworkModel, subnet: string): Membership {
  return membershipOf(model, model.subnets.get(subnet)?.vpc);
}

/** VPC keys of every prefecture hub (inspection VPCs). */
export function hubVpcs(model: NetworkModel): Set<string> {
  const out = new Set<string>();
  for (const v of model.vpcs.keys()) if (membershipOf(model, v).hub !== undefined) out.add(v);
  return out;
}

/** True when the model holds two or more municipalities, or a prefecture hub: the separation between them is judged. */
export function isMultiMunicipality(model: NetworkModel): boolean {
  const names = new Set<string>();
  for (const m of model.membership.values()) {
    if (m.hub !== undefined) return true;
    if (m.municipality !== undefined) names.add(m.municipality);
    if (names.size > 1) return true;
  }
  return false;
}
