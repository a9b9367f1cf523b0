/**
 * The app `npm run bench -- synth-packs` hands to the real `cdk synth` for its end-to-end rows: the example
 * municipality (or ten of them) with no packs, or with every pack exactly as bin/app.ts registers them.
 * Bench only: the shipped app has no switch that turns the packs off.
 *
 *   BENCH_PACKS=none|all  BENCH_MUNICIPALITIES=1|10
 */
import { App } from 'aws-cdk-lib';
import { loadEmbeddedConfig } from '../lib/config';
import { MunicipalityStage } from '../lib/stages/municipality-stage';
import { registerPolicyPlugins } from '../lib/stages/policy-plugins';

const packs = process.env.BENCH_PACKS;
if (packs !== 'none' && packs !== 'all') throw new Error('BENCH_PACKS must be none or all');
const count = Number(process.env.BENCH_MUNICIPALITIES ?? 1);
const app = new App();
if (packs === 'all') registerPolicyPlugins(app);
const base = loadEmbeddedConfig('example-city');
for (let i = 0; i < count; i++) {
  const name = count === 1 ? base.name : `${base.name}-${String(i + 1).padStart(2, '0')}`;
  new MunicipalityStage(app, name, { config: { ...base, name } });
}
app.synth();
