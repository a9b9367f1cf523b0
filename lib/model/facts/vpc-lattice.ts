/**
 * VPC Lattice: a service network joins every VPC associated with it (consumers) to every service
 * associated with it; a service's listeners and rules forward to target groups, whose targets run in a VPC
 * (instances, IP addresses, an ALB) or in Lambda. No route table is involved, so the rule TIER-JOIN-LATTICE
 * judges the construct: consumers of one tier reaching a service whose targets are in another tier (or a
 * Lambda function outside any VPC: the internet) is a crossing; VPCs of two tiers on one service network
 * are a join even before a service is added. Entries are created on first mention, so declaration order and
 * extraction phase do not matter. Resource gateways / configurations and resource policies (sharing with
 * other accounts) stay unmodelled.
 */
import type { ResourceEntry } from '../resolve/resolver';
import { isPlainObject, type Value } from '../resolve/values';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { functionKeys } from './invocation';
import type { LatticeFacts } from './service-facts';
import { reason } from '../reason';

function lattice(ctx: ExtractContext): LatticeFacts {
  return ctx.model.services.lattice;
}

function network(ctx: ExtractContext, key: string) {
  const m = lattice(ctx).networks;
  let n = m.get(key);
  if (!n) m.set(key, (n = { key, ref: ctx.refForKey(key, 'AWS::VpcLattice::ServiceNetwork'), vpcs: [], services: [] }));
  return n;
}

function service(ctx: ExtractContext, key: string) {
  const m = lattice(ctx).services;
  let s = m.get(key);
  if (!s) m.set(key, (s = { key, ref: ctx.refForKey(key, 'AWS::VpcLattice::Service'), targetGroups: [] }));
  return s;
}

const push = (list: string[], v: string): void => {
  if (!list.includes(v)) list.push(v);
};

/** Target group identifiers in a Forward action (`{ Forward: { TargetGroups: [{ TargetGroupIdentifier }] } }`). */
function forwardTargets(entry: ResourceEntry, ctx: ExtractContext, property: string): string[] {
  const out: string[] = [];
  for (const action of ctx.resolver.prop(entry, property)) {
    if (!isPlainObject(action) || !isPlainObject(action.Forward)) continue;
    const groups = action.Forward.TargetGroups;
    for (const g of Array.isArray(groups) ? groups : []) {
      if (isPlainObject(g) && g.TargetGroupIdentifier !== undefined) out.push(...ctx.refKeys(entry, `${property}.Forward.TargetGroups`, [g.TargetGroupIdentifier], ['AWS::VpcLattice::TargetGroup']));
    }
  }
  return out;
}

export const latticeExtractor: Extractor = {
  types: [
    'AWS::VpcLattice::ServiceNetwork', 'AWS::VpcLattice::ServiceNetworkVpcAssociation', 'AWS::VpcLattice::ServiceNetworkServiceAssociation',
    'AWS::VpcLattice::Service', 'AWS::VpcLattice::Listener', 'AWS::VpcLattice::Rule', 'AWS::VpcLattice::TargetGroup',
  ],
  phase: 4,
  extract(entry, ctx) {
    switch (entry.resource.Type) {
      case 'AWS::VpcLattice::ServiceNetwork':
        network(ctx, entry.key);
        return;
      case 'AWS::VpcLattice::Service':
        service(ctx, entry.key);
        return;
      case 'AWS::VpcLattice::ServiceNetworkVpcAssociation': {
        const vpcs = ctx.refKeys(entry, 'VpcIdentifier', undefined, ['AWS::EC2::VPC']);
        for (const n of ctx.refKeys(entry, 'ServiceNetworkIdentifier', undefined, ['AWS::VpcLattice::ServiceNetwork'])) for (const v of vpcs) push(network(ctx, n).vpcs, v);
        return;
      }
      case 'AWS::VpcLattice::ServiceNetworkServiceAssociation': {
        const svcs = ctx.refKeys(entry, 'ServiceIdentifier', undefined, ['AWS::VpcLattice::Service']);
        for (const n of ctx.refKeys(entry, 'ServiceNetworkIdentifier', undefined, ['AWS::VpcLattice::ServiceNetwork'])) for (const s of svcs) push(network(ctx, n).services, s);
        return;
      }
      case 'AWS::VpcLattice::Listener':
      case 'AWS::VpcLattice::Rule': {
        const tgs = forwardTargets(entry, ctx, entry.resource.Type === 'AWS::VpcLattice::Listener' ? 'DefaultAction' : 'Action');
        for (const s of ctx.refKeys(entry, 'ServiceIdentifier', undefined, ['AWS::VpcLattice::Service'])) for (const tg of tgs) push(service(ctx, s).targetGroups, tg);
        return;
      }
      case 'AWS::VpcLattice::TargetGroup': {
        const type = ctx.strings(entry, 'Type')[0] ?? '?';
        const cfg = ctx.resolver.prop(entry, 'Config')[0];
        const vpcs = isPlainObject(cfg) && cfg.VpcIdentifier !== undefined ? ctx.refKeys(entry, 'Config.VpcIdentifier', [cfg.VpcIdentifier], ['AWS::EC2::VPC']) : [];
        const targets = ctx.resolver.propList(entry, 'Targets').filter(isPlainObject).map((t) => t.Id as Value);
        const functions = type === 'LAMBDA' ? targets.flatMap((id) => functionKeys(entry, ctx, 'Targets.Id', id)) : [];
        const placed = type === 'INSTANCE' || type === 'ALB' ? targets.flatMap((id) => ctx.refKeys(entry, 'Targets.Id', [id])) : [];
        if (type !== 'LAMBDA' && vpcs.length === 0) ctx.unresolved(entry, 'Config.VpcIdentifier', reason('lattice-target-vpc-outside'));
        lattice(ctx).targetGroups.set(entry.key, { key: entry.key, ref: ctx.ref(entry), vpcs, functions, placed });
        return;
      }
    }
  },
};
