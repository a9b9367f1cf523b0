/**
 * Transit gateways: attachments, route tables, associations, propagations and static/blackhole routes.
 * `DefaultRouteTableAssociation`/`DefaultRouteTablePropagation` default to enable: every attachment
 * then joins the default route table, i.e. one route domain for all tiers.
 */
import { setOf } from '../../cidr/address-sets';
import type { Extractor } from './extractor';
import { TGW_ATTACHMENT_TYPES } from './tgw-connect';

export const tgwExtractor: Extractor = {
  types: ['AWS::EC2::TransitGateway'],
  phase: 1,
  extract(entry, ctx) {
    const assoc = ctx.strings(entry, 'DefaultRouteTableAssociation');
    const prop = ctx.strings(entry, 'DefaultRouteTablePropagation');
    // Absent means enable; an undecidable value counts as enable (fail closed).
    const enabled = (vs: string[]): boolean => vs.length === 0 || vs.some((v) => v !== 'disable');
    const defaultRouteTable = `${entry.key}#defaultRouteTable`;
    ctx.model.tgws.set(entry.key, ctx.fact(entry, { tierTag: ctx.tierTag(entry), defaultAssociation: enabled(assoc), defaultPropagation: enabled(prop), defaultRouteTable }));
    ctx.model.tgwRouteTables.set(defaultRouteTable, {
      key: defaultRouteTable, ref: ctx.refForKey(defaultRouteTable, 'AWS::EC2::TransitGatewayRouteTable'), presence: entry.presence,
      tgw: entry.key, isDefault: true, associations: [], propagations: [], routes: [],
    });
  },
};

export const tgwAttachmentExtractor: Extractor = {
  types: ['AWS::EC2::TransitGatewayAttachment', 'AWS::EC2::TransitGatewayVpcAttachment', 'AWS::EC2::TransitGatewayPeeringAttachment'],
  phase: 3,
  extract(entry, ctx) {
    const tgw = ctx.refKey(entry, 'TransitGatewayId', ['AWS::EC2::TransitGateway']);
    const vpc = ctx.refKey(entry, 'VpcId', ['AWS::EC2::VPC']);
    const subnets = ctx.refKeys(entry, 'SubnetIds', undefined, ['AWS::EC2::Subnet']);
    if (!tgw) return;
    ctx.model.tgwAttachments.set(entry.key, ctx.fact(entry, { tgw, kind: 'vpc', vpc, subnets, tierTag: ctx.tierTag(entry) }));
  },
};

export const tgwRouteTableExtractor: Extractor = {
  types: ['AWS::EC2::TransitGatewayRouteTable'],
  phase: 2,
  extract(entry, ctx) {
    const tgw = ctx.refKey(entry, 'TransitGatewayId', ['AWS::EC2::TransitGateway']);
    if (tgw) ctx.model.tgwRouteTables.set(entry.key, ctx.fact(entry, { tgw, isDefault: false, associations: [], propagations: [], routes: [] }));
  },
};

export const tgwAssociationExtractor: Extractor = {
  types: ['AWS::EC2::TransitGatewayRouteTableAssociation', 'AWS::EC2::TransitGatewayRouteTablePropagation'],
  phase: 4,
  extract(entry, ctx) {
    const table = ctx.refKey(entry, 'TransitGatewayRouteTableId', ['AWS::EC2::TransitGatewayRouteTable']);
    const atts = ctx.refKeys(entry, 'TransitGatewayAttachmentId', undefined, TGW_ATTACHMENT_TYPES);
    const rt = table ? ctx.model.tgwRouteTables.get(table) : undefined;
    if (!rt) return;
    const list = entry.resource.Type.endsWith('Association') ? rt.associations : rt.propagations;
    for (const a of atts) list.push({ attachment: a, ref: ctx.ref(entry) });
  },
};

export const tgwRouteExtractor: Extractor = {
  types: ['AWS::EC2::TransitGatewayRoute'],
  phase: 4,
  extract(entry, ctx) {
    const table = ctx.refKey(entry, 'TransitGatewayRouteTableId', ['AWS::EC2::TransitGatewayRouteTable']);
    const rt = table ? ctx.model.tgwRouteTables.get(table) : undefined;
    const blackhole = ctx.bool(entry, 'Blackhole', false);
    const cidrs = ctx.cidrs(entry, 'DestinationCidrBlock');
    const props = entry.resource.Properties ?? {};
    const atts = 'TransitGatewayAttachmentId' in props ? ctx.refKeys(entry, 'TransitGatewayAttachmentId', undefined, TGW_ATTACHMENT_TYPES) : [];
    if (!rt) return;
    for (const c of cidrs) {
      // A blackhole in a conditional resource may not exist: keep only the forwarding reading (fail closed).
      if (blackhole.length === 1 && blackhole[0] && entry.presence === 'present') {
        rt.routes.push({ ref: ctx.ref(entry), dest: setOf([c]), destText: c.text, prefixLength: c.prefixLength, blackhole: true });
      } else if (blackhole.includes(false) || atts.length > 0) {
        for (const a of atts) rt.routes.push({ ref: ctx.ref(entry), dest: setOf([c]), destText: c.text, prefixLength: c.prefixLength, attachment: a, blackhole: false });
      }
    }
  },
};
