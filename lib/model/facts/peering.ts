/** VPC peering connections: not transitive, and useful only with routes on both sides. */
import type { Extractor } from './extractor';

export const peeringExtractor: Extractor = {
  types: ['AWS::EC2::VPCPeeringConnection'],
  phase: 2,
  extract(entry, ctx) {
    const vpc = ctx.refKey(entry, 'VpcId', ['AWS::EC2::VPC']);
    const peerVals = ctx.resolver.prop(entry, 'PeerVpcId');
    const peers = ctx.refKeys(entry, 'PeerVpcId', peerVals, ['AWS::EC2::VPC']);
    if (!vpc) return;
    const peerText = peers.length ? peers.join(' or ') : String(peerVals[0]);
    ctx.model.peerings.set(entry.key, ctx.fact(entry, { vpc, peerVpcs: peers, peerText }));
  },
};
