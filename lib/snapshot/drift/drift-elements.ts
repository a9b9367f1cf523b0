/**
 * One vocabulary for "what the network is made of", read from either model: a route, a NACL entry, a
 * security-group rule, an association, a peering, an attachment… each as a canonical line of text, so the
 * templates' model and the live account's model can be compared as two sets.
 *
 * Names: a template resource is `<stack>/<logicalId>` (stack name lower-cased, punctuation removed, so the
 * cloud assembly's `example-city/Network-lgwan` and the deployed `example-city-network-lgwan` agree); a live
 * resource takes that name from the aws:cloudformation:* tags CloudFormation gave it, or from the resource
 * AWS created it with (`…#defaultNacl`), or else is `live:<id>` — something no template made.
 *
 * Deliberately not compared (the verdict itself still judges them): network interfaces (AWS creates them
 * for every service), WorkSpaces and Directory Service registrations (this package registers directories
 * through a custom resource) and the security group WorkSpaces creates with them (`…#workspacesMembers`:
 * modelled from AWS's documentation on the templates' side, read as listed on the account's), load balancers.
 */
import type { ResourceRef } from '../../checks/finding';
import { ALL_ADDRESSES, describeSet, type IntervalSet } from '../../cidr/address-sets';
import { protocolName } from '../../model/facts/protocols';
import type { NetworkModel, SgRuleFact } from '../../model/facts/types';
import type { DriftKind } from '../../checks/finding-text';

export interface DriftElement {
  /** The canonical text: equal on both sides exactly when the fact is the same (`<kind> <element>`). */
  id: string;
  /** What kind of thing it is, for grouping and for the finding's title. */
  kind: DriftKind;
  /** The element's canonical form without its kind: names, addresses, rule fields (an identifier, not a sentence). */
  element: string;
  /** The resource (or part) it belongs to, in its own model. */
  ref: ResourceRef;
}

export type Namer = (key: string) => string;

/** Names for the templates' model: `<stack>/<logicalId>[#what]`. */
export function templateNamer(): Namer {
  return (key) => {
    const [stack, rest] = key.split('::');
    return rest === undefined ? key : `${normStack(stack)}/${rest}`;
  };
}

export type Origin = { stack: string; logicalId: string } | { ownedBy: string; what: string };

/** Names for the snapshot's model, through the CloudFormation tags and AWS-created defaults. */
export function snapshotNamer(origins: ReadonlyMap<string, Origin>): Namer {
  const name = (key: string, depth = 0): string => {
    const o = origins.get(key);
    if (o && 'stack' in o) return `${normStack(o.stack)}/${o.logicalId}`;
    if (o && depth < 4) return `${name(o.ownedBy, depth + 1)}#${o.what}`;
    return `live:${key.split('::').pop()}`;
  };
  return (key) => name(key);
}

function normStack(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function set(s: IntervalSet): string {
  return describeSet(s, 64);
}

function ports(p: { from: number; to: number } | undefined): string {
  return p ? `${p.from}-${p.to}` : 'all';
}

function sorted(xs: Iterable<string>): string {
  return [...xs].sort().join(',');
}

/** Every element of one model, keyed by its canonical id. */
export function driftElements(model: NetworkModel, name: Namer, side: 'templates' | 'account'): Map<string, DriftElement> {
  const out = new Map<string, DriftElement>();
  const add = (kind: DriftKind, id: string, ref: ResourceRef): void => {
    const full = `${kind} ${id}`;
    if (!out.has(full)) out.set(full, { id: full, kind, element: id, ref });
  };
  const hasV6 = (vpc: string | undefined): boolean => !!vpc && (model.vpcs.get(vpc)?.cidrs.some((c) => c.family === 6) ?? false);

  for (const v of model.vpcs.values()) add('VPC', `${name(v.key)} ${sorted(v.cidrs.map((c) => c.text))} tier=${v.tierTag ?? '-'}`, v.ref);
  for (const s of model.subnets.values()) add('subnet', `${name(s.key)} in ${name(s.vpc)} ${sorted(s.cidrs.map((c) => c.text))} tier=${s.tierTag ?? '-'}`, s.ref);
  for (const p of model.prefixLists.values()) add('prefix list', `${name(p.key)} ${sorted(p.cidrs.map((c) => c.text))}`, p.ref);

  for (const rt of model.routeTables.values()) {
    for (const r of rt.routes) {
      const t = r.target;
      const target = t.kind === 'local' ? 'local' : t.kind === 'unmodelled' ? `unmodelled ${t.what ?? '?'}` : t.kind === 'blackhole' ? 'blackhole' : `${t.kind} ${name(t.key)}`;
      add('route', `${name(rt.key)} ${r.prefixLength < 0 ? r.destText : set(r.dest)} → ${target}`, r.ref);
    }
  }
  for (const [subnet, rt] of model.subnetRouteTable) {
    const n = name(rt);
    if (n.endsWith('#mainRouteTable')) continue; // the same as having no association
    add('route table association', `${name(subnet)} → ${n}`, model.routeTables.get(rt)?.ref ?? model.subnets.get(subnet)!.ref);
  }
  for (const [gw, rt] of model.gatewayRouteTables) add('gateway route table', `${name(gw)} → ${name(rt)}`, model.routeTables.get(rt)?.ref ?? { stack: '', logicalId: gw, type: '' });

  for (const n of model.nacls.values()) {
    const entries = n.isDefault && n.entries.length === 0
      // The templates' default NACL allows all: as AWS lists it, rule 100 (and 101 for IPv6) both ways.
      ? [false, true].flatMap((egress) => [`${egress ? 'out' : 'in'} #100 allow proto=all ports=all 0.0.0.0/0`, ...(hasV6(n.vpc) ? [`${egress ? 'out' : 'in'} #101 allow proto=all ports=all ::/0`] : [])])
      : n.entries.filter((e) => !(e.ruleNumber >= 32767 && !e.allow)).map((e) => `${e.egress ? 'out' : 'in'} #${e.ruleNumber} ${e.allow ? 'allow' : 'deny'} proto=${protocolName(e.protocol)} ports=${ports(e.ports)} ${e.cidrText}`);
    for (const e of entries) add('NACL entry', `${name(n.key)} ${e}`, n.ref);
  }
  for (const s of model.subnets.values()) {
    const explicit = model.subnetNacl.get(s.key);
    add('NACL association', `${name(s.key)} → ${explicit ? name(explicit) : `${name(s.vpc)}#defaultNacl`}`, s.ref);
  }

  for (const g of model.securityGroups.values()) {
    if (name(g.key).endsWith('#workspacesMembers')) continue; // created by WorkSpaces, in no template
    for (const [dir, rules] of [['in', g.ingress], ['out', g.egress]] as const) {
      for (const r of rules) for (const peer of sgPeers(r, hasV6(g.vpc), name)) add('security group rule', `${name(g.key)} ${dir} proto=${protocolName(r.protocol)} ports=${ports(r.ports)} ${peer}`, r.ref);
    }
  }

  for (const i of model.igws.values()) for (const v of i.vpcs) add('internet gateway attachment', `${name(i.key)} → ${name(v)}`, i.ref);
  for (const e of model.eigws.values()) add('egress-only internet gateway', `${name(e.key)} → ${name(e.vpc)}`, e.ref);
  for (const n of model.nats.values()) add('NAT gateway', `${name(n.key)} in ${name(n.subnet)} ${n.connectivity}`, n.ref);
  for (const l of model.links.values()) {
    if (l.kind === 'vgw') add('virtual private gateway', `${name(l.key)} tier=${l.tierTag ?? '-'} attached=${sorted(l.vpcs.map(name))}`, l.ref);
    else if (l.kind === 'cgw') add('customer gateway', `${name(l.key)} tier=${l.tierTag ?? '-'} ${sorted(l.edges ?? [])}`, l.ref);
    else if (l.kind === 'vpn') add('VPN connection', `${name(l.key)} tier=${l.tierTag ?? '-'} vgw=${l.vgw ? name(l.vgw) : '-'} tgw=${l.tgw ? name(l.tgw) : '-'} cgw=${l.cgw ? name(l.cgw) : '-'}`, l.ref);
    else add('Direct Connect gateway association', `${sorted(l.edges ?? [])} → ${l.vgw ? name(l.vgw) : l.tgw ? name(l.tgw) : '-'}`, l.ref);
  }
  for (const t of model.tgws.values()) add('transit gateway', `${name(t.key)} default-association=${t.defaultAssociation} default-propagation=${t.defaultPropagation}`, t.ref);
  for (const a of model.tgwAttachments.values()) {
    add('transit gateway attachment', `${name(a.key)} ${a.kind} on ${name(a.tgw)} vpc=${a.vpc ? name(a.vpc) : '-'} subnets=${sorted(a.subnets.map(name))}`, a.ref);
  }
  for (const rt of model.tgwRouteTables.values()) {
    for (const a of rt.associations) add('transit gateway association', `${name(a.attachment)} → ${name(rt.key)}`, a.ref);
    for (const p of rt.propagations) add('transit gateway propagation', `${name(p.attachment)} → ${name(rt.key)}`, p.ref);
    for (const r of rt.routes) add('transit gateway route', `${name(rt.key)} ${set(r.dest)} → ${r.blackhole ? 'blackhole' : r.attachment ? name(r.attachment) : '-'}`, r.ref);
  }
  for (const p of model.peerings.values()) add('VPC peering', sorted([name(p.vpc), ...(p.peerVpcs.length ? p.peerVpcs.map(name) : [p.peerText])]).replace(',', ' ↔ '), p.ref);
  for (const e of model.endpoints.values()) {
    add('VPC endpoint', `${name(e.key)} ${e.endpointType} ${e.serviceName.replace(/^com\.amazonaws\.(?:vpce\.)?[a-z0-9-]+\./, 'com.amazonaws.<region>.').replace(/\$\{AWS::Region\}/g, '<region>')} in ${name(e.vpc)}`, e.ref);
    for (const s of e.subnets) add('VPC endpoint subnet', `${name(e.key)} in ${name(s)}`, e.ref);
  }
  for (const f of model.firewalls.values()) add('Network Firewall', `${name(f.key)} subnets=${sorted(f.subnets.map(name))}`, f.ref);
  for (const c of model.clientVpns.values()) {
    add('Client VPN endpoint', `${name(c.key)} clients=${c.clientCidr?.text ?? '-'} portal=${c.selfServicePortal}`, c.ref);
    const assocVpcs = new Map(c.associations.map((a) => [a.subnet, model.subnets.get(a.subnet)?.vpc]));
    for (const a of c.associations) add('Client VPN association', `${name(c.key)} → ${name(a.subnet)}`, a.ref);
    for (const a of c.authorizations) add('Client VPN authorization', `${name(c.key)} ${a.cidr.text} all-groups=${a.allGroups}`, a.ref);
    for (const r of c.routes) {
      // Associating a subnet adds a route to its VPC's CIDR: AWS lists it, templates do not declare it.
      const vpc = r.subnet ? assocVpcs.get(r.subnet) : undefined;
      if (side === 'account' && vpc && model.vpcs.get(vpc)?.cidrs.some((x) => x.text === r.cidr.text)) continue;
      add('Client VPN route', `${name(c.key)} ${r.cidr.text} via ${r.subnet ? name(r.subnet) : '-'}`, r.ref);
    }
  }
  return out;
}

function sgPeers(r: SgRuleFact, v6: boolean, name: Namer): string[] {
  if (r.group) return [`group ${name(r.group)}`];
  if (r.peerText === 'everywhere (default egress)' || (r.cidr && r.cidr.length === 1 && r.cidr[0][0] === ALL_ADDRESSES[0][0] && r.cidr[0][1] === ALL_ADDRESSES[0][1])) {
    // CloudFormation's default egress, as AWS lists it.
    return ['0.0.0.0/0', ...(v6 ? ['::/0'] : [])];
  }
  if (r.cidr && r.cidr.length === 0) return [r.peerText];
  return [r.cidr ? set(r.cidr) : r.peerText];
}
