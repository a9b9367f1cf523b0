/**
 * The CDK app: validate the municipality configuration FIRST (nothing is built from a bad one), then one
 * Stage per municipality with the external rule packs registered. On a bad configuration it prints every
 * problem (English + Japanese) and exits 2 before `app.synth()`, so no template is written.
 *
 * The app ends with the synth gate, never a bare `app.synth()`: it exits 1 when any pack reports an
 * unacknowledged violation in ANY stack, whatever stacks the CDK CLI selected, so `cdk synth`, `cdk diff`
 * and `cdk deploy` all stop before anything reaches AWS (lib/gate, docs/synth-gate.md).
 * Add your own stacks before the gate; they are judged with everything else.
 *
 *   npx cdk synth                                   # the embedded example-city (cdk.json default)
 *   npx cdk synth -c municipality=example-city
 *   npx cdk synth -c config=path/to/our-city.yaml   # a copied and edited configuration
 */
import { App } from 'aws-cdk-lib';
import { ConfigError, loadConfigFromContext, MunicipalityConfig } from '../lib/config';
import { MunicipalityStage } from '../lib/stages/municipality-stage';
import { registerPolicyPlugins } from '../lib/stages/policy-plugins';
import { tierPolicyFromConfigs } from '../lib/stages/tier-policy-from-config';
import { synthOrRefuse } from '../lib/gate';

function main(): void {
  const app = new App();
  let config: MunicipalityConfig;
  try {
    config = loadConfigFromContext((key) => app.node.tryGetContext(key));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  // The proof judges against this configuration's own on-premises networks and telework pools.
  registerPolicyPlugins(app, { policy: tierPolicyFromConfigs([config]) });
  new MunicipalityStage(app, config.name, { config });
  synthOrRefuse(app);
}

main();
