/**
 * The proof's tier policy comes from the configuration the app is built from, so a municipality whose
 * on-premises ranges or client pools differ from the example is judged against its own ranges.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { ConfigError, loadEmbeddedConfig, parseConfig, type MunicipalityConfig } from '../../lib/config';
import { loadPolicy } from '../../lib/policy/load';
import { policySchema, type TierPolicy } from '../../lib/policy/schema';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';
import { tierPolicyFromConfigs } from '../../lib/stages/tier-policy-from-config';
import { expectTierSeparation } from '../../lib/testing';
import { exampleInput } from '../config/helpers';
import { removeAssembly, runApp } from './run-app';
import { tempRoot } from '../support/temp-dirs';

const tmp = tempRoot('tier-policy-from-config-');

/** What the engine reads from a policy, without the names. */
const essence = (p: TierPolicy) => ({
  model: p.model,
  onPrem: p.onPremNetworks.map((n) => `${n.tier} ${n.cidrs.join(',')}`).sort(),
  clients: p.teleworkClients.map((c) => `${c.tier} ${c.via} ${c.cidrs.join(',')}`).sort(),
  channels: p.sanctionedChannels,
});

/** The example city with the personal-number office moved to another range. */
function movedOffice(): MunicipalityConfig {
  const input = exampleInput();
  input.tiers['personal-number'].onPremCidrs = ['172.20.32.0/22'];
  return parseConfig(input, 'test');
}

test('for the example city it is the packaged default policy (the two cannot drift)', () => {
  const derived = tierPolicyFromConfigs([loadEmbeddedConfig('example-city')]);
  expect(essence(derived)).toEqual(essence(loadPolicy(undefined)));
  expect(() => policySchema.parse(derived)).not.toThrow();
});

test('a municipality with its own office range passes with the derived policy, and would not with the example\'s', () => {
  const config = movedOffice();
  const build = (): App => {
    const app = new App({ outdir: tmp.dir('derived-policy-') });
    new MunicipalityStage(app, config.name, { config });
    return app;
  };
  expect(() => expectTierSeparation(build(), { policy: tierPolicyFromConfigs([config]) })).not.toThrow();
  expect(() => expectTierSeparation(build())).toThrow(/UNDECLARED-ONPREM-ROUTE/);
});

test('a policy file wins over the derived policy', () => {
  const config = movedOffice();
  const app = new App({ outdir: tmp.dir('derived-policy-file-') });
  new MunicipalityStage(app, config.name, { config });
  const packaged = path.join(__dirname, '../../policies/tier-policy.yaml');
  expect(() => expectTierSeparation(app, { policy: tierPolicyFromConfigs([config]), policyFile: packaged })).toThrow(/UNDECLARED-ONPREM-ROUTE/);
});

test('client pools: the Client VPN range, and link clients by the kind of the tier\'s link', () => {
  const input = exampleInput();
  input.telework = { ...input.telework, linkClientCidrs: { lgwan: ['10.210.0.0/24'] } };
  const policy = tierPolicyFromConfigs([parseConfig(input, 'test')]);
  expect(policy.teleworkClients.map((c) => [c.tier, c.via, c.cidrs])).toEqual([
    ['lgwan', 'client-vpn', ['10.200.0.0/22']],
    ['lgwan', 'closed-sim', ['10.210.0.0/24']],
  ]);
  expect(policy.teleworkClients.some((c) => c.tier === 'personal-number')).toBe(false);
});

test('several municipalities: every one\'s networks, named by municipality', () => {
  const a = loadEmbeddedConfig('example-city');
  const b = { ...movedOffice(), name: 'second-city' };
  const policy = tierPolicyFromConfigs([a, b]);
  expect(policy.onPremNetworks.filter((n) => n.tier === 'personal-number').map((n) => [n.name, n.cidrs])).toEqual([
    ['example-city/personal-number/on-prem', ['172.16.32.0/22']],
    ['second-city/personal-number/on-prem', ['172.20.32.0/22']],
  ]);
});

test('municipalities with different MIC models cannot share one policy: a ConfigError that says what to do', () => {
  const a = loadEmbeddedConfig('example-city');
  const b = { ...a, name: 'beta-city', micModel: 'beta' as const };
  expect(() => tierPolicyFromConfigs([a, b])).toThrow(ConfigError);
  expect(() => tierPolicyFromConfigs([a, b])).toThrow(/example-city: alpha, beta-city: beta[\s\S]*closed-telework:policyFile/);
});

test('bin/app.ts judges a configuration file against its own ranges (end to end, every pack)', () => {
  const file = path.join(tmp.dir('moved-office-'), 'moved-office.json');
  const input = exampleInput();
  input.tiers['personal-number'].onPremCidrs = ['172.20.32.0/22'];
  fs.writeFileSync(file, JSON.stringify(input));
  const run = runApp({ config: file });
  try {
    expect(run.stderr).not.toMatch(/UNDECLARED-ONPREM-ROUTE/);
    expect(run.status).toBe(0);
  } finally {
    removeAssembly(run.outdir);
  }
});
