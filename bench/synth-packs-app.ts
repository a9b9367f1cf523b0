/**
 * The app the benches hand to the real `cdk synth` for their end-to-end rows: the example municipality (or
 * copies of it), or the municipalities of a configuration folder (`-c configDir` as bin/app.ts reads it),
 * with no packs or with every pack exactly as bin/app.ts registers them.
 * Bench only: the shipped app has no switch that turns the packs off.
 *
 *   BENCH_PACKS=none|all
 *   BENCH_CONFIG_DIR=DIR            the municipalities of DIR (what `npx cdk synth -c configDir=DIR` builds)
 *   BENCH_MUNICIPALITIES=1|10       otherwise: the example city, or that many copies of it
 */
import { App } from 'aws-cdk-lib';
import { loadAppConfigurationFromContext, loadEmbeddedConfig, type MunicipalityConfig } from '../lib/config';
import { MunicipalityStage } from '../lib/stages/municipality-stage';
import { registerPolicyPlugins } from '../lib/stages/policy-plugins';
import { tierPolicyFromConfigs } from '../lib/stages/tier-policy-from-config';

const packs = process.env.BENCH_PACKS;
if (packs !== 'none' && packs !== 'all') throw new Error('BENCH_PACKS must be none or all');
const configDir = process.env.BENCH_CONFIG_DIR;
const app = new App();
let configs: MunicipalityConfig[];
if (configDir) {
  configs = loadAppConfigurationFromContext((key) => (key === 'configDir' ? configDir : undefined)).municipalities.map((m) => m.config);
} else {
  const count = Number(process.env.BENCH_MUNICIPALITIES ?? 1);
  const base = loadEmbeddedConfig('example-city');
  configs = Array.from({ length: count }, (_, i) => (count === 1 ? base : { ...base, name: `${base.name}-${String(i + 1).padStart(2, '0')}` }));
}
if (packs === 'all') registerPolicyPlugins(app, configDir ? { policy: tierPolicyFromConfigs(configs) } : {});
for (const config of configs) new MunicipalityStage(app, config.name, { config });
app.synth();
