/**
 * `npm run bench -- verify`: the tier-separation engine over a generated prefecture (60 municipalities,
 * one template each: three tier VPCs with subnets, route tables, NACLs, SGs, a shared TGW with isolated
 * route domains, VPN / Direct Connect links, WorkSpaces + Client VPN in the LGWAN tier) and over 10× that
 * resource count (600 municipalities), measured in the same run. Targets: prefecture ≤ 10 s on these
 * 2-core machines; 10× resources ≤ 12× the time.
 */
import { verify } from '../lib/checks';
import { asLoaded, buildCity, cidrOf } from '../test/fixtures/city';
import type { TierPolicy } from '../lib/policy/schema';
import { TIERS } from '../lib/tiers/tier';
import type { LoadedTemplate } from '../lib/model/load/template';

function prefecture(municipalities: number): { templates: LoadedTemplate[]; policy: TierPolicy } {
  const templates: LoadedTemplate[] = [];
  for (let i = 0; i < municipalities; i++) templates.push(asLoaded(`City${i}`, buildCity({ index: i, prefix: `M${i}`, extraSubnets: 4 })));
  const policy: TierPolicy = {
    version: 1,
    model: 'alpha',
    onPremNetworks: TIERS.map((tier) => ({ name: `${tier}-offices`, tier, cidrs: Array.from({ length: municipalities }, (_, i) => cidrOf(i, tier).onPrem) })),
    teleworkClients: [],
    sanctionedChannels: [],
  };
  return { templates, policy };
}

function timeVerify(n: number): { ms: number; resources: number; findings: number } {
  const { templates, policy } = prefecture(n);
  const started = performance.now();
  const r = verify(templates, policy, { asOf: '2026-11-21' });
  const ms = performance.now() - started;
  return { ms, resources: r.stats.resources, findings: r.findings.length };
}

export async function run(): Promise<void> {
  timeVerify(5); // warm up the JIT so the first measurement is not penalised
  const small = timeVerify(60);
  const large = timeVerify(600);
  const line = (label: string, x: typeof small): string =>
    `${label.padEnd(28)} ${String(x.resources).padStart(7)} resources  ${(x.ms / 1000).toFixed(2).padStart(7)} s  findings ${x.findings}`;
  process.stdout.write(`${line('prefecture (60 cities)', small)}\n`);
  process.stdout.write(`${line('10× resources (600 cities)', large)}\n`);
  const ratio = large.ms / small.ms;
  process.stdout.write(`growth: ${(large.resources / small.resources).toFixed(1)}× resources → ${ratio.toFixed(2)}× time (target ≤ 12×); prefecture ${small.ms <= 10000 ? 'within' : 'OVER'} the 10 s target\n`);
  if (small.findings !== 0 || large.findings !== 0) process.stdout.write('WARNING: the generated good prefecture produced findings — the benchmark input is not the intended one\n');
}
