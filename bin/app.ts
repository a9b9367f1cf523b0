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
 *   npx cdk synth -c prefecture=examples/prefecture/prefecture.yaml   # many municipalities, the prefecture hub
 *   npx cdk synth -c configDir=path/to/folder       # every *.yaml / *.json in the folder is a municipality
 */
import { App } from 'aws-cdk-lib';
import { AppConfiguration, ConfigError, loadAppConfigurationFromContext } from '../lib/config';
import { buildApp } from '../lib/stages/build-app';
import { synthOrRefuse } from '../lib/gate';

function main(): void {
  const app = new App();
  const context = (key: string): unknown => app.node.tryGetContext(key);
  let configuration: AppConfiguration;
  try {
    configuration = loadAppConfigurationFromContext(context);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  // The proof judges every stage in one model, against the configurations' own on-premises networks and
  // telework pools. A prefecture with a `pipeline` section is built inside its pipeline (-c pipeline=false: not).
  const selector = (['prefecture', 'configDir'] as const).find((k) => typeof context(k) === 'string' && context(k) !== '');
  buildApp(app, configuration, {
    pipeline: String(context('pipeline')) !== 'false',
    synthContext: selector ? `-c ${selector}=${String(context(selector))}` : '',
  });
  synthOrRefuse(app);
}

main();
