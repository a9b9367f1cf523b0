/**
 * Managed entries from the internet into a VPC, with no internet gateway or route of the tier's own:
 * - `AWS::EC2::InstanceConnectEndpoint`: anyone with the IAM permission opens SSH / RDP from the internet,
 *   through the AWS API, to any instance its security groups allow in the VPC;
 * - `AWS::EC2::VerifiedAccessEndpoint` (attachment type vpc): a browser / client application from the
 *   internet reaches a load balancer or network interface in the VPC after Verified Access's policy check.
 * Judged by REMOTE-ENTRY-INTO-TIER: neither is a closed path, so neither may enter a closed tier.
 */
import { isPlainObject } from '../resolve/values';
import type { Extractor } from './extractor';
import { reason } from '../reason';

export const instanceConnectEndpointExtractor: Extractor = {
  types: ['AWS::EC2::InstanceConnectEndpoint'],
  phase: 3,
  extract(entry, ctx) {
    const subnets = ctx.refKeys(entry, 'SubnetId', undefined, ['AWS::EC2::Subnet']);
    ctx.model.services.remoteEntries.push({ ref: ctx.ref(entry), kind: 'instance-connect-endpoint', subnets });
  },
};

export const verifiedAccessEndpointExtractor: Extractor = {
  types: ['AWS::EC2::VerifiedAccessEndpoint'],
  phase: 4,
  extract(entry, ctx) {
    const subnets = new Set<string>();
    for (const o of [...ctx.resolver.prop(entry, 'LoadBalancerOptions'), ...ctx.resolver.prop(entry, 'NetworkInterfaceOptions')]) {
      if (!isPlainObject(o)) continue;
      if (o.SubnetIds !== undefined) for (const s of ctx.refKeys(entry, 'LoadBalancerOptions.SubnetIds', [o.SubnetIds], ['AWS::EC2::Subnet'])) subnets.add(s);
      if (o.LoadBalancerArn !== undefined) for (const lb of ctx.refKeys(entry, 'LoadBalancerOptions.LoadBalancerArn', [o.LoadBalancerArn])) ctx.model.compute.get(lb)?.subnets.forEach((s) => subnets.add(s));
      if (o.NetworkInterfaceId !== undefined) for (const eni of ctx.refKeys(entry, 'NetworkInterfaceOptions.NetworkInterfaceId', [o.NetworkInterfaceId], ['AWS::EC2::NetworkInterface'])) ctx.model.compute.get(eni)?.subnets.forEach((s) => subnets.add(s));
    }
    // Other attachment types (RDS, CIDR, …) or targets outside the templates: where it enters is unknown (fail closed).
    if (subnets.size === 0) ctx.unresolved(entry, 'LoadBalancerOptions', reason('verified-access-target-outside'));
    ctx.model.services.remoteEntries.push({ ref: ctx.ref(entry), kind: 'verified-access-endpoint', subnets: [...subnets] });
  },
};

export const REMOTE_ENTRY_EXTRACTORS: readonly Extractor[] = [instanceConnectEndpointExtractor, verifiedAccessEndpointExtractor];
