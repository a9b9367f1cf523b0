/**
 * The internet egress decision, per internet-tier VPC, as the templates build it: a local AWS Network
 * Firewall (a breakout inside this environment), the prefecture's 自治体情報セキュリティクラウド (default
 * route to the tier's on-prem link, or to the prefecture hub's Transit Gateway), the hub's own inspection
 * VPC, an uninspected internet or NAT gateway, or no way out at all.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { LoadedTemplate } from '../../model/load/template';
import { HUB_TAG_KEY } from '../../tiers/municipality';
import { TIER_TAG_KEY } from '../../tiers/tier';
import { ofType, prop, refId, resolveRef, sourceOf, str, tagsOf, type Located } from './cfn';
import type { EgressRecord } from './record';

const DEFAULT_ROUTES = new Set(['0.0.0.0/0']);

function allowedDomains(firewall: Located): string[] {
  const policy = resolveRef(firewall, prop(firewall, 'FirewallPolicyArn'));
  const refs = (policy ? (prop(policy, 'FirewallPolicy') as { StatefulRuleGroupReferences?: Array<{ ResourceArn?: unknown }> } | undefined) : undefined)?.StatefulRuleGroupReferences ?? [];
  const domains: string[] = [];
  for (const ref of refs) {
    const group = policy ? resolveRef(policy, ref.ResourceArn) : undefined;
    const list = (group ? (prop(group, 'RuleGroup') as { RulesSource?: { RulesSourceList?: { GeneratedRulesType?: unknown; Targets?: unknown } } } | undefined) : undefined)?.RulesSource?.RulesSourceList;
    if (list?.GeneratedRulesType === 'ALLOWLIST' && Array.isArray(list.Targets)) domains.push(...list.Targets.filter((d): d is string => typeof d === 'string'));
  }
  return domains;
}

export function egressRecords(templates: readonly LoadedTemplate[]): EgressRecord[] {
  const out: EgressRecord[] = [];
  const firewalls = ofType(templates, 'AWS::NetworkFirewall::Firewall');
  const routes = ofType(templates, 'AWS::EC2::Route').filter((r) => DEFAULT_ROUTES.has(str(prop(r, 'DestinationCidrBlock')) ?? ''));
  for (const vpc of ofType(templates, 'AWS::EC2::VPC')) {
    const tags = tagsOf(vpc);
    if (tags.get(TIER_TAG_KEY) !== 'internet') continue;
    const fw = firewalls.find((f) => f.t === vpc.t && refId(f, prop(f, 'VpcId')) === vpc.id);
    const firewall = fw ? { ...(str(prop(fw, 'FirewallName')) ? { name: str(prop(fw, 'FirewallName')) } : {}), source: sourceOf(fw), allowedDomains: allowedDomains(fw) } : undefined;
    if (tags.has(HUB_TAG_KEY)) {
      out.push({ vpc: sourceOf(vpc), kind: 'security-cloud-hub-inspection', ...(firewall ? { firewall } : {}) });
      continue;
    }
    if (firewall) {
      out.push({ vpc: sourceOf(vpc), kind: 'local-firewall', firewall });
      continue;
    }
    const targets = new Set<string>();
    for (const r of routes) {
      const table = resolveRef(r, prop(r, 'RouteTableId'));
      if (!table || refId(table, prop(table, 'VpcId')) !== vpc.id) continue;
      const gateway = resolveRef(r, prop(r, 'GatewayId'));
      if (gateway) targets.add(gateway.r.Type);
      if (prop(r, 'TransitGatewayId') !== undefined) targets.add('AWS::EC2::TransitGateway');
      if (prop(r, 'NatGatewayId') !== undefined) targets.add('AWS::EC2::NatGateway');
    }
    const kind: EgressRecord['kind'] =
      targets.has('AWS::EC2::InternetGateway') || targets.has('AWS::EC2::NatGateway')
        ? 'uninspected'
        : targets.has('AWS::EC2::VPNGateway')
          ? 'security-cloud-link'
          : targets.has('AWS::EC2::TransitGateway')
            ? 'security-cloud-hub'
            : 'none';
    out.push({ vpc: sourceOf(vpc), kind });
  }
  return out;
}
