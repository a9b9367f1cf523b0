/**
 * The package's public entry point (lib/index.ts, `closed-telework` once published) and the README's
 * policy-test example, run as written, so the README cannot drift from the API.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { expectTierSeparation, loadEmbeddedConfig, MunicipalityStage, TierSeparationError, verify, ThreeTierSeparationChecks, registerPolicyPlugins, TIERS, ControlTowerGuardRules, tierPolicyFromConfigs, bilingualReason, reasonIn } from '../lib';

test('README example: the example city keeps its tiers apart', () => {
  const app = new App();
  const config = loadEmbeddedConfig('example-city');
  new MunicipalityStage(app, config.name, { config });
  // Judged against this configuration's own on-premises networks and telework pools.
  expectTierSeparation(app, { policy: tierPolicyFromConfigs([config]) }); // throws with the readable findings
});

test('the same call fails, with the crossing in its message, once two tiers are peered', () => {
  const app = new App();
  const config = loadEmbeddedConfig('example-city');
  const stage = new MunicipalityStage(app, config.name, { config });
  const stack = new Stack(stage, 'Shortcut');
  new ec2.CfnVPCPeeringConnection(stack, 'LgwanToInternet', {
    vpcId: stage.networks.lgwan.vpc.vpcId,
    peerVpcId: stage.networks.internet.vpc.vpcId,
  });
  let error: unknown;
  try {
    expectTierSeparation(app);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(TierSeparationError);
  expect((error as Error).message).toMatch(/TIER-JOIN-PEERING/);
});

test('the entry point exposes both pipelines', () => {
  expect(TIERS).toEqual(['internet', 'lgwan', 'personal-number']);
  expect(typeof verify).toBe('function');
  expect(reasonIn(bilingualReason({ en: 'why', ja: '理由' }), 'ja')).toBe('理由');
  expect(typeof registerPolicyPlugins).toBe('function');
  expect(new ThreeTierSeparationChecks().name).toBe('ThreeTierSeparation');
  expect(new ControlTowerGuardRules({ cacheDir: false }).name).toBe('cdk-validator-cfnguard');
});
