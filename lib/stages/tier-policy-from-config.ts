/**
 * The tier policy the proof needs, derived from the municipality configurations the app is built from:
 * each tier's on-premises networks (tiers.<t>.onPremCidrs) and telework client pools (the Client VPN
 * range, and closed-SIM / Direct Connect client ranges), and the MIC model.
 *
 * Why: the proof judges the templates against the policy's external networks. With a hand-kept policy file
 * a configuration edited later (a new office range, a new client pool) would be judged against stale
 * ranges; derived, the two cannot drift. A policy file (`-c closed-telework:policyFile=…`) still wins —
 * it is the place for what a configuration cannot say, such as sanctioned exchange channels.
 *
 * Build side: it reads the configuration and produces the prove side's plain policy object.
 */
import { ConfigError, type MunicipalityConfig } from '../config';
import { tierRanges } from '../config/validate';
import type { TierPolicy } from '../policy/schema';
import { TIERS } from '../tiers/tier';

export function tierPolicyFromConfigs(configs: readonly MunicipalityConfig[]): TierPolicy {
  const models = [...new Set(configs.map((c) => c.micModel))];
  if (models.length !== 1) {
    throw new ConfigError(
      'the app',
      [
        {
          path: 'micModel',
          message: configs.length === 0 ? 'no municipality configuration to derive the tier policy from' : `the municipalities in this app use different MIC models (${configs.map((c) => `${c.name}: ${c.micModel}`).join(', ')}), and the proof judges one model per app`,
          fix: 'synthesise municipalities with different models in separate apps, or give one tier policy file with -c closed-telework:policyFile=FILE',
          ja: 'MIC モデルの異なる自治体が同じアプリにあります。モデルごとにアプリを分けるか、-c closed-telework:policyFile=FILE でポリシーファイルを指定してください',
        },
      ],
    );
  }
  const policy: TierPolicy = {
    version: 1,
    municipality: configs.map((c) => c.name).join(', '),
    model: models[0] as TierPolicy['model'],
    onPremNetworks: [],
    teleworkClients: [],
    sanctionedChannels: [],
  };
  for (const config of configs) {
    for (const tier of TIERS) {
      const ranges = tierRanges(config, tier);
      const onPrem = ranges.filter((r) => r.kind === 'on-prem').map((r) => r.cidr);
      if (onPrem.length > 0) policy.onPremNetworks.push({ name: `${config.name}/${tier}/on-prem`, tier, cidrs: onPrem });
      for (const r of ranges.filter((x) => x.kind === 'telework-clients')) {
        policy.teleworkClients.push({ name: `${config.name}/${tier}/client-vpn`, tier, cidrs: [r.cidr], via: 'client-vpn' });
      }
      const linkClients = ranges.filter((x) => x.kind === 'link-clients').map((r) => r.cidr);
      if (linkClients.length > 0) {
        const via = config.tiers[tier].onPremLink?.kind === 'direct-connect' ? 'direct-connect' : 'closed-sim';
        policy.teleworkClients.push({ name: `${config.name}/${tier}/${via}`, tier, cidrs: linkClients, via });
      }
    }
  }
  return policy;
}
