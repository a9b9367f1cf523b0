/**
 * HUB-BYPASS: in an app with a prefecture hub (its security cloud, `mic:hub`), a municipality's internet
 * tier reaches the internet some other way — its own internet gateway, NAT or firewall. MIC's guideline
 * concentrates the internet tier's internet access at the prefecture's 自治体情報セキュリティクラウド; a
 * second exit is traffic the prefecture does not inspect or log.
 */
import type { Finding, Hop } from '../finding';
import type { Rule } from '../rule';
import { templateResource } from './helpers';
import { hubVpcs, subnetMembership } from '../../model/facts/membership';

export const hubBypass: Rule = {
  id: 'HUB-BYPASS',
  severity: 'error',
  acknowledgeable: true,
  title: "An internet tier bypasses the prefecture's security cloud / セキュリティクラウドを経由しないインターネット接続",
  citation: 'internetSecurityCloud',
  summary: 'in a model with a prefecture hub, a municipality\'s internet tier that reaches the internet through an exit of its own',
  check({ model, reachability }) {
    const hubs = hubVpcs(model);
    if (hubs.size === 0) return [];
    const out: Finding[] = [];
    const reported = new Set<string>();
    for (const s of model.subnets.values()) {
      const municipality = subnetMembership(model, s.key).municipality;
      if (municipality === undefined || model.vpcs.get(s.vpc)?.tier !== 'internet' || reported.has(s.vpc)) continue;
      for (const a of reachability.router.fromSubnet(s.key)) {
        if (a.place.kind !== 'internet') continue;
        const exit = a.hops[a.hops.length - 1];
        const key = exit ? `${exit.resource.stack}::${exit.resource.logicalId}` : '';
        const gatewayVpcs = model.igws.get(key)?.vpcs ?? (model.eigws.has(key) ? [model.eigws.get(key)!.vpc] : []);
        if (gatewayVpcs.some((v) => hubs.has(v))) continue;
        reported.add(s.vpc);
        const entry: Hop = { layer: 'entry', resource: s.ref, step: { kind: 'leave-municipality-subnet', subnet: s.ref.logicalId, municipality } };
        out.push({
          rule: this.id,
          severity: this.severity,
          text: { key: 'hub-bypass', municipality, ...(exit ? { exit: exit.resource.logicalId } : {}) },
          from: { kind: 'tier', tier: 'internet', resource: s.ref },
          to: { kind: 'internet' },
          direction: 'one-way',
          path: [entry, ...a.hops],
          stillBlockedBy: [],
          ...(exit ? { resource: templateResource(exit.resource) } : {}),
          citation: this.citation,
        });
        break;
      }
    }
    return out;
  },
};
