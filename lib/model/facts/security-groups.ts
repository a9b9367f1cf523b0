/**
 * Security groups: inline rules, separate ingress/egress resources, group-to-group references and
 * prefix lists. A group with no egress rule at all gets CloudFormation's default allow-all egress
 * (applied when the model is finalised, since egress may be declared in another resource).
 */
import { parseCidr, setOf, type IntervalSet } from '../../cidr/address-sets';
import type { ResourceEntry } from '../resolve/resolver';
import { NO_VALUE, ResRef, Unresolved, type Value, isPlainObject, refsInString, show } from '../resolve/values';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { parseProtocol } from './protocols';
import type { SgRuleFact } from './types';
import { reason } from '../reason';

function refKeyOf(v: Value | undefined): string | undefined {
  if (v instanceof ResRef) return v.key;
  if (typeof v === 'string') {
    const refs = refsInString(v);
    if (refs.length === 1) return refs[0];
  }
  return undefined;
}

export function parseSgRule(entry: ResourceEntry, ctx: ExtractContext, rule: Value, direction: 'ingress' | 'egress', property: string): SgRuleFact[] {
  const ref = ctx.ref(entry);
  if (rule instanceof Unresolved) {
    ctx.unresolved(entry, property, rule.reason);
    return [];
  }
  if (!isPlainObject(rule)) {
    ctx.unresolved(entry, property, reason('sg-rule-not-object', { rule: show(rule) }));
    return [];
  }
  for (const [k, v] of Object.entries(rule)) {
    // A rule's Description is free text, not a network value: whatever it resolves to changes nothing.
    if (v instanceof Unresolved && k !== 'Description') {
      ctx.unresolved(entry, property, v.reason);
      return [];
    }
  }
  if (isCdkDisallowAllPlaceholder(rule)) {
    // CDK's "Disallow all traffic" egress rule (ICMP type 252 code 86 to 255.255.255.255/32) exists only to
    // remove CloudFormation's default allow-all egress. It is kept as written (the live account lists it the
    // same way) and allows nothing: the limited broadcast address is never a packet's destination
    // (lib/cidr/public-addresses.ts: UNICAST_ADDRESSES).
    return [{ ref, protocol: 1, cidr: setOf([parseCidr('255.255.255.255/32')!]), peerText: 'nothing (CDK placeholder rule "Disallow all traffic", 255.255.255.255/32)' }];
  }
  const protocol = parseProtocol(rule.IpProtocol as string | number | undefined);
  if (protocol === undefined) {
    ctx.unresolved(entry, `${property}.IpProtocol`, reason('unknown-protocol', { value: show(rule.IpProtocol ?? null) }));
    return [];
  }
  let ports: { from: number; to: number } | undefined;
  if (protocol === 6 || protocol === 17) {
    const from = Number(rule.FromPort ?? -1);
    const to = Number(rule.ToPort ?? -1);
    if (!Number.isInteger(from) || !Number.isInteger(to)) {
      // Not a port (a free-text parameter's value…): read as every port, and said (fail closed).
      ctx.unresolved(entry, `${property}.FromPort`, reason('not-port-numbers', { from: show(rule.FromPort ?? null), to: show(rule.ToPort ?? null) }));
    } else ports = from === -1 || to === -1 ? undefined : { from, to };
  }
  const out: SgRuleFact[] = [];
  const peerPrefix = direction === 'ingress' ? 'Source' : 'Destination';
  const add = (p: Partial<SgRuleFact> & { peerText: string }): void => {
    out.push({ ref, protocol, ...(ports ? { ports } : {}), ...p });
  };
  for (const key of ['CidrIp', 'CidrIpv6'] as const) {
    if (rule[key] === undefined) continue;
    const c = parseCidr(rule[key]);
    if (!c) ctx.unresolved(entry, `${property}.${key}`, reason('not-a-cidr', { value: show(rule[key]) }));
    else add({ cidr: setOf([c]), peerText: c.text });
  }
  const groupProp = `${peerPrefix}SecurityGroupId`;
  if (rule[groupProp] !== undefined) {
    const g = refKeyOf(rule[groupProp]);
    if (!g) ctx.unresolved(entry, `${property}.${groupProp}`, reason('sg-outside', { value: show(rule[groupProp]) }));
    else add({ group: g, peerText: `security group ${g.split('::')[1] ?? g}` });
  }
  if (rule.SourceSecurityGroupName !== undefined) ctx.unresolved(entry, `${property}.SourceSecurityGroupName`, reason('sg-group-name'));
  const plProp = `${peerPrefix}PrefixListId`;
  if (rule[plProp] !== undefined) {
    const v = rule[plProp];
    const key = refKeyOf(v);
    if (key) {
      const pl = ctx.model.prefixLists.get(key);
      if (pl) add({ cidr: setOf(pl.cidrs), peerText: `prefix list ${pl.ref.logicalId}` });
      else ctx.unresolved(entry, `${property}.${plProp}`, reason('not-prefix-list', { ref: key }));
    } else if (typeof v === 'string' && /^pl-[0-9a-f]+$/.test(v)) {
      // An AWS-managed prefix list (S3, DynamoDB…): AWS service addresses, not a tier or on-premises network.
      const none: IntervalSet = [];
      add({ cidr: none, peerText: `AWS-managed prefix list ${v}` });
    } else ctx.unresolved(entry, `${property}.${plProp}`, reason('prefix-list-unresolvable', { value: show(v ?? null) }));
  }
  if (out.length === 0 && rule.CidrIp === undefined && rule.CidrIpv6 === undefined && rule[groupProp] === undefined && rule[plProp] === undefined) {
    ctx.unresolved(entry, property, reason('sg-no-peer'));
  }
  return out;
}

/** CDK's placeholder egress rule for `allowAllOutbound: false`. */
export function isCdkDisallowAllPlaceholder(rule: Record<string, Value>): boolean {
  return rule.CidrIp === '255.255.255.255/32' && String(rule.IpProtocol) === 'icmp' && Number(rule.FromPort) === 252 && Number(rule.ToPort) === 86;
}

export const securityGroupExtractor: Extractor = {
  types: ['AWS::EC2::SecurityGroup'],
  phase: 2,
  extract(entry, ctx) {
    const props = entry.resource.Properties ?? {};
    const vpc = 'VpcId' in props ? ctx.refKey(entry, 'VpcId', ['AWS::EC2::VPC']) : undefined;
    if (!('VpcId' in props)) ctx.unresolved(entry, 'VpcId', reason('sg-default-vpc'));
    const ingress = ctx.resolver.propList(entry, 'SecurityGroupIngress').flatMap((r) => parseSgRule(entry, ctx, r, 'ingress', 'SecurityGroupIngress'));
    const egress = ctx.resolver.propList(entry, 'SecurityGroupEgress').flatMap((r) => parseSgRule(entry, ctx, r, 'egress', 'SecurityGroupEgress'));
    // Only a non-empty egress list replaces the default allow-all rule (an empty list leaves it in place). Inline
    // rules exist whenever the group does, so a group that only may exist still has them as its own; but a
    // list that a condition may leave empty (an Fn::If with AWS::NoValue or []) may leave the default in place.
    const explicitEgress = egress.length > 0 && neverEmpty(entry, ctx, 'SecurityGroupEgress');
    ctx.model.securityGroups.set(entry.key, ctx.fact(entry, { vpc, isDefault: false, ingress, egress, explicitEgress }));
  },
};

/** True when every reading of a list property holds at least one element: some element exists in every reading
 * (no alternative of it is AWS::NoValue), or the whole list is one expression every alternative of which is a
 * non-empty list. */
function neverEmpty(entry: ResourceEntry, ctx: ExtractContext, property: string): boolean {
  const expr = (entry.resource.Properties ?? {})[property];
  if (Array.isArray(expr)) return expr.some((el) => ctx.resolver.resolve(entry.stack, el).every((v) => v !== NO_VALUE));
  return ctx.resolver.resolve(entry.stack, expr).every((v) => Array.isArray(v) && v.some((x) => x !== NO_VALUE));
}

export const securityGroupRuleExtractor: Extractor = {
  types: ['AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress'],
  phase: 4,
  extract(entry, ctx) {
    const direction = entry.resource.Type.endsWith('Ingress') ? 'ingress' : 'egress';
    const groups = ctx.refKeys(entry, 'GroupId');
    const props = entry.resource.Properties ?? {};
    // The rule's own properties are the rule; resolve them as one object.
    const ruleExprs = ctx.resolver.resolve(entry.stack, props);
    const rules = ruleExprs.flatMap((r) => parseSgRule(entry, ctx, r, direction, direction === 'ingress' ? 'SecurityGroupIngress' : 'SecurityGroupEgress'));
    for (const g of groups) {
      const sg = ctx.model.securityGroups.get(g);
      if (!sg) {
        ctx.unresolved(entry, 'GroupId', reason('not-security-group', { ref: g }));
        continue;
      }
      if (direction === 'ingress') sg.ingress.push(...rules);
      else {
        // A conditional egress rule may not exist; if it were the only one, default allow-all applies.
        if (entry.presence === 'present' && rules.length > 0) sg.explicitEgress = true;
        sg.egress.push(...rules);
      }
    }
  },
};
