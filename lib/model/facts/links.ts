/**
 * Links to networks outside AWS: virtual private gateways, customer gateways, site-to-site VPN
 * connections (to a VGW or a TGW) and Direct Connect gateway associations. Each carries a tier tag.
 */
import { ResRef } from '../resolve/values';
import type { Extractor } from './extractor';

export const vgwExtractor: Extractor = {
  types: ['AWS::EC2::VPNGateway', 'AWS::EC2::CustomerGateway', 'AWS::DirectConnect::DirectConnectGateway'],
  phase: 1,
  extract(entry, ctx) {
    const kind = entry.resource.Type === 'AWS::EC2::VPNGateway' ? 'vgw' : 'cgw';
    ctx.model.links.set(entry.key, { ...ctx.fact(entry), kind, tierTag: ctx.tierTag(entry), vpcs: [] });
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
    if (!vgw && !tgw) ctx.unresolved(entry, 'VpnGatewayId', 'the VPN connection lands on neither a VGW nor a TGW defined in the templates');
    ctx.model.links.set(entry.key, { ...ctx.fact(entry), kind: 'vpn', tierTag: ctx.tierTag(entry), vgw, tgw, cgw, vpcs: [] });
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
    const dxVal = ctx.resolver.prop(entry, 'DirectConnectGatewayId').find((v): v is ResRef => v instanceof ResRef);
    const type = gw ? ctx.typeOf(gw) : undefined;
    const tierTag = (dxVal && ctx.model.links.get(dxVal.key)?.tierTag) ?? (gw ? (ctx.model.links.get(gw)?.tierTag ?? ctx.model.tgws.get(gw)?.tierTag) : undefined);
    const link = { ...ctx.fact(entry), kind: 'dx-association' as const, tierTag, vpcs: [], ...(type === 'AWS::EC2::VPNGateway' ? { vgw: gw } : {}), ...(type === 'AWS::EC2::TransitGateway' ? { tgw: gw } : {}) };
    ctx.model.links.set(entry.key, link);
    if (link.tgw) {
      const key = `${entry.key}#tgwAttachment`;
      ctx.model.tgwAttachments.set(key, { key, ref: ctx.refForKey(key, 'AWS::EC2::TransitGatewayAttachment'), presence: entry.presence, tgw: link.tgw, kind: 'dx', subnets: [], link: entry.key, tierTag });
    }
  },
};
