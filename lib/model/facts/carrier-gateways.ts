/**
 * Carrier gateways (`AWS::EC2::CarrierGateway`, AWS Wavelength): the edge between a VPC's Wavelength Zone
 * subnets and a telecommunications carrier's network — and through it, the internet (AWS: "allows inbound
 * traffic from a carrier network … and outbound traffic to the carrier network and the internet"). Modelled
 * as an internet gateway attached to its VPC: routes to it (`CarrierGatewayId`) leave for the internet, and
 * the internet (the carrier's devices, and what the carrier routes) enters the VPC through it. In the LGWAN or
 * personal-number tier that is CLOSED-TIER-INTERNET, like an internet gateway.
 */
import type { Extractor } from './extractor';
import type { IgwFact } from './types';

export const carrierGatewayExtractor: Extractor = {
  types: ['AWS::EC2::CarrierGateway'],
  phase: 2,
  extract(entry, ctx) {
    const vpcs = ctx.refKeys(entry, 'VpcId', undefined, ['AWS::EC2::VPC']);
    // An internet-like edge: the same fact as an internet gateway, attached at creation.
    ctx.model.igws.set(entry.key, ctx.fact(entry, { vpcs }));
  },
};

/** Whether an internet-gateway fact is a carrier gateway (named as such in hops: the carrier's network, then the internet). */
export function isCarrierGateway(igw: IgwFact | undefined): boolean {
  return igw?.ref.type === 'AWS::EC2::CarrierGateway';
}
