/**
 * Transit Gateway Connect (`AWS::EC2::TransitGatewayConnect`): a GRE tunnel with BGP from the transit
 * gateway to an SD-WAN / third-party appliance, riding a *transport* attachment (a VPC attachment whose VPC
 * holds the appliance, or a Direct Connect attachment). It is an attachment of the transport's transit
 * gateway, associated and propagated like any other; behind it lies the network the appliance connects —
 * an on-premises / SD-WAN network, modelled like a VPN attachment's: an exit to, and a source from, the
 * on-premises network of the tier its `mic:tier` tag declares. Untagged, it takes the transport's tier (the
 * appliance sits there); tagged with another tier than its transport, the appliance would carry that tier's
 * traffic through the transport's tier: TIER-TAG-CONFLICT. Its routes arrive over BGP, so a propagation of
 * it stands for every address at the lowest priority (as a VPN's does).
 * Connect peers (`AWS::EC2::TransitGatewayConnectPeer`) are the BGP sessions of an attachment: the path is the
 * attachment, so a peer adds no fact; a peer whose attachment is not in the templates is UNRESOLVED-VALUE.
 */
import { isTier } from '../../tiers/tier';
import type { Extractor } from './extractor';
import { reason } from '../reason';

export const TGW_ATTACHMENT_TYPES = ['AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::TransitGatewayPeeringAttachment', 'AWS::EC2::TransitGatewayConnect'] as const;

export const tgwConnectExtractor: Extractor = {
  types: ['AWS::EC2::TransitGatewayConnect'],
  // After the transport attachments (phase 3); associations (phase 4) name it by key only.
  phase: 4,
  extract(entry, ctx) {
    const transportKey = ctx.refKey(entry, 'TransportTransitGatewayAttachmentId', ['AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment']);
    const transport = transportKey ? ctx.model.tgwAttachments.get(transportKey) : undefined;
    if (!transport) {
      if (!transportKey) ctx.unresolved(entry, 'TransportTransitGatewayAttachmentId', reason('connect-transport-outside'));
      return;
    }
    const transportTier = transport.kind === 'vpc' ? (transport.vpc ? ctx.model.vpcs.get(transport.vpc)?.tierTag : undefined) : transport.tierTag;
    let tierTag = ctx.tierTag(entry);
    if (tierTag === undefined) tierTag = transportTier;
    else if (isTier(tierTag) && isTier(transportTier) && tierTag !== transportTier) {
      ctx.model.tagConflicts.push({ ref: ctx.ref(entry), tag: tierTag, expected: transportTier, reason: reason('tag-connect-transport', { tag: tierTag, transportTier, transport: transport.ref.logicalId }) });
    }
    if (!isTier(tierTag)) ctx.unresolved(entry, 'Tags.mic:tier', reason('connect-needs-tag'));
    ctx.model.tgwAttachments.set(entry.key, ctx.fact(entry, { tgw: transport.tgw, kind: 'connect', subnets: [], ...(tierTag !== undefined ? { tierTag } : {}) }));
  },
};

export const tgwConnectPeerExtractor: Extractor = {
  types: ['AWS::EC2::TransitGatewayConnectPeer'],
  phase: 5,
  extract(entry, ctx) {
    // The BGP session of a Connect attachment: the attachment is the path. A peer on an attachment outside
    // the templates belongs to a path the engine cannot see.
    ctx.refKey(entry, 'TransitGatewayAttachmentId', ['AWS::EC2::TransitGatewayConnect']);
  },
};

export const TGW_CONNECT_EXTRACTORS: readonly Extractor[] = [tgwConnectExtractor, tgwConnectPeerExtractor];
