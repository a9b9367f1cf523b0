/**
 * Links to networks outside AWS: virtual private gateways, customer gateways, site-to-site VPN
 * connections (to a VGW or a TGW) and Direct Connect gateway associations. Each carries a tier tag.
 */
import { ResRef } from '../resolve/values';
import type { Extractor } from './extractor';
import { reason } from '../reason';

export const vgwExtractor: Extractor = {
  types: ['AWS::EC2::VPNGateway', 'AWS::EC2::CustomerGateway', 'AWS::DirectConnect::DirectConnectGateway'],
  phase: 1,
  extract(entry, ctx) {
    const kind = entry.resource.Type === 'AWS::EC2::VPNGateway' ? 'vgw' : 'cgw';
    // A customer gateway is an on-premises device: two tiers' VPNs ending at one address share it.
    const edges = entry.resource.Type === 'AWS::EC2::CustomerGateway' ? ctx.strings(entry, 'IpAddress').map((ip) => `cgw-ip:${ip}`) : undefined;
    ctx.model.links.set(entry.key, ctx.fact(entry, { kind, tierTag: ctx.tierTag(entry), vpcs: [], ...(edges ? { edges } : {}) }));
  },
};

export const vpnConnectionExtractor: Extractor = {
  types: ['AWS::EC2::VPNConnection'],
  phase: 2,
  extract(entry, ctx) {
    const props = entry.resource.Properties ?? {};
    const vgw = 'VpnGatewayId' in props ? ctx.refKey(entry, 'VpnGatewayId', ['AWS::EC2::VPNGateway']) : undefined;
    const tgw = 'TransitGatewayId' in props ? ctx.refKey(entry, 'TransitGatewayId', ['AWS::EC2::TransitGateway']) : undefined;
    const cgw = 'CustomerGatewayId' in props ? ctx.refKey(entry, 'CustomerGatewayId', ['AWS::EC2::CustomerGateway']) : undefined;
    if (!vgw && !tgw) ctx.unresolved(entry, 'VpnGatewayId', reason('vpn-no-gateway'));
    ctx.model.links.set(entry.key, ctx.fact(entry, { kind: 'vpn', tierTag: ctx.tierTag(entry), vgw, tgw, cgw, vpcs: [] }));
    if (tgw) {
      // A VPN to a TGW creates an attachment CloudFormation cannot reference; model it explicitly.
      const key = `${entry.key}#tgwAttachment`;
      ctx.model.tgwAttachments.set(key, { key, ref: ctx.refForKey(key, 'AWS::EC2::TransitGatewayAttachment'), presence: entry.presence, tgw, kind: 'vpn', subnets: [], link: entry.key, tierTag: ctx.tierTag(entry) });
    }
  },
};

export const dxAssociationExtractor: Extractor = {
  types: ['AWS::DirectConnect::DirectConnectGatewayAssociation'],
  phase: 2,
  extract(entry, ctx) {
    const gw = ctx.refKey(entry, 'AssociatedGatewayId', ['AWS::EC2::VPNGateway', 'AWS::EC2::TransitGateway']);
    // The Direct Connect gateway is often created outside CloudFormation (a literal id): its tier then
    // comes from the gateway it is associated with.
    const dxVals = ctx.resolver.prop(entry, 'DirectConnectGatewayId');
    const dxVal = dxVals.find((v): v is ResRef => v instanceof ResRef);
    // The gateway as an edge two associations can share: its resource, or the id written in the template.
    const edges = dxVals.flatMap((v) => (v instanceof ResRef ? [`dxgw:${v.key}`] : ctx.strings(entry, 'DirectConnectGatewayId', [v]).map((id) => `dxgw:${id}`)));
    const type = gw ? ctx.typeOf(gw) : undefined;
    const tierTag = (dxVal && ctx.model.links.get(dxVal.key)?.tierTag) ?? (gw ? (ctx.model.links.get(gw)?.tierTag ?? ctx.model.tgws.get(gw)?.tierTag) : undefined);
    const link = ctx.fact(entry, { kind: 'dx-association' as const, tierTag, vpcs: [], edges, ...(type === 'AWS::EC2::VPNGateway' ? { vgw: gw } : {}), ...(type === 'AWS::EC2::TransitGateway' ? { tgw: gw } : {}) });
    ctx.model.links.set(entry.key, link);
    if (link.tgw) {
      const key = `${entry.key}#tgwAttachment`;
      ctx.model.tgwAttachments.set(key, { key, ref: ctx.refForKey(key, 'AWS::EC2::TransitGatewayAttachment'), presence: entry.presence, tgw: link.tgw, kind: 'dx', subnets: [], link: entry.key, tierTag });
    }
  },
};
