/** SANCTIONED-CHANNEL-EXPIRED: a sanctioned exchange channel in the policy has passed its expiry date. */
import type { Rule } from '../rule';

export const sanctionedChannelExpired: Rule = {
  id: 'SANCTIONED-CHANNEL-EXPIRED',
  severity: 'error',
  acknowledgeable: true,
  title: 'Sanctioned exchange channel has expired / 許可された連携経路の有効期限切れ',
  citation: 'sanctionedExchange',
  summary: 'a policy channel past its expiry',
  check({ policy, asOf }) {
    return policy.sanctionedChannels
      .filter((c) => c.expires < asOf)
      .map((c) => {
        const resource = { stack: 'policy', logicalId: c.id, type: 'closed-telework::SanctionedChannel' };
        return {
          rule: this.id, severity: this.severity,
          text: { key: 'sanctioned-channel-expired' as const, id: c.id, from: c.from, to: c.to, protocol: c.protocol, ports: c.ports, owner: c.owner, reason: c.reason, expires: c.expires },
          from: { kind: 'resource' as const, resource }, to: { kind: 'resource' as const, resource },
          direction: 'one-way' as const, path: [], stillBlockedBy: [], resource, citation: this.citation,
        };
      });
  },
};
