/** Shared helpers for rules: turning a reachability flow or a resource into a finding that says FindingText. */
import type { Flow } from '../../model/reachability';
import { endpointOf } from '../../model/reachability/places';
import type { CitationKey } from '../citations';
import type { Finding, ResourceRef } from '../finding';
import type { FindingText, FlowText } from '../finding-text';
import type { Rule } from '../rule';

/**
 * A resource that exists in the template: the model names implicit things (a VPC's default NACL, a TGW's
 * default route table, a VPN's TGW attachment) as `<logicalId>#<what>`; findings attach to the real
 * resource that owns them, so the cdk-nag pack and SARIF can locate it.
 */
export function templateResource(r: ResourceRef): ResourceRef {
  const i = r.logicalId.indexOf('#');
  if (i < 0) return r;
  const { constructPath, ...rest } = r;
  void constructPath;
  return { ...rest, logicalId: r.logicalId.slice(0, i), type: OWNER_TYPE[r.logicalId.slice(i + 1)] ?? r.type };
}

const OWNER_TYPE: Record<string, string> = {
  defaultNacl: 'AWS::EC2::VPC',
  defaultSg: 'AWS::EC2::VPC',
  workspacesMembers: 'AWS::EC2::VPC',
  defaultRouteTable: 'AWS::EC2::TransitGateway',
  tgwAttachment: 'AWS::EC2::VPNConnection',
};

/** The resource a path finding is attached to: the first hop that actually crosses (route/TGW/peering…). */
export function crossingResource(f: Flow): ResourceRef | undefined {
  const hop = f.hops.find((h) => h.layer === 'peering' || h.layer === 'tgw') ?? f.hops.find((h) => h.layer === 'route' || h.layer === 'vpn') ?? f.hops[0];
  return hop ? templateResource(hop.resource) : undefined;
}

/**
 * A path finding of `rule`: its severity is the rule's own, or `severityWhenFiltered` when only filters stop
 * the path; `text` says what the finding is about, given the flow as data.
 */
export function flowFinding(
  rule: Pick<Rule, 'id' | 'severity' | 'severityWhenFiltered' | 'citation'>,
  f: Flow,
  text: (flow: FlowText) => FindingText,
): Finding {
  const open = f.status === 'open';
  const flow: FlowText = {
    open, from: f.from.name, to: f.to.name,
    ...(f.protocol !== undefined ? { protocol: f.protocol } : {}),
    ...(f.ports ? { port: f.ports.from } : {}),
    destinations: f.destinations, blockedBy: f.blockedBy,
  };
  const resource = crossingResource(f);
  return {
    rule: rule.id,
    severity: open ? rule.severity : (rule.severityWhenFiltered ?? rule.severity),
    text: text(flow),
    from: endpointOf(f.from),
    to: endpointOf(f.to),
    direction: 'one-way',
    ...(f.protocol ? { protocol: f.protocol } : {}),
    ...(f.ports ? { ports: f.ports } : {}),
    path: f.hops,
    stillBlockedBy: open ? [] : f.blockedBy,
    ...(resource ? { resource } : {}),
    citation: rule.citation,
  };
}

/** A finding about one resource (not a path), saying `text`. */
export function resourceFindingOf(
  rule: string,
  severity: Finding['severity'],
  resource: ResourceRef,
  citation: CitationKey,
  text: FindingText,
  extra: Partial<Finding> = {},
): Finding {
  const real = templateResource(resource);
  return {
    rule, severity, text,
    from: { kind: 'resource', resource: real }, to: { kind: 'resource', resource: real },
    direction: 'one-way', path: [], stillBlockedBy: [], resource: real, citation, ...extra,
  };
}
