/**
 * Proves `verify`'s side-by-side merge over a captured corpus (tools/parity/jest.capture.config.js): for every
 * input whose files fall into two or more independent components (lib/cli/verify-parts), the components are
 * dealt alternately to two parts (the most interleaved split), each part is judged as its own model in process
 * (the workers' judgePart), the parts are merged, and the text (en, ja), JSON and SARIF outputs must be
 * byte-identical to one model of the whole input. Inputs the merge declines (findings, …) are counted with
 * the reason: `verify` judges those as one model.
 *
 * Most captured inputs are one component (one stack, or an app whose stacks share exports) or have findings,
 * so `--pairs` also joins every two inputs that have no finding and the same policy into one input (their
 * stacks renamed apart): two apps, each possibly of several components, merged from alternating parts.
 *
 *   node -r ./bin/register-ts.js tools/parity/parts.ts /tmp/corpus [--pairs]
 */
import * as fs from 'fs';
import * as path from 'path';
import { verify, type LoadResult, type LoadedTemplate } from '../../lib/checks';
import { linkingKeys } from '../../lib/cli/verify-parts/linking-keys';
import { components } from '../../lib/cli/verify-parts/parts';
import { judgePart } from '../../lib/cli/verify-parts/judge-part';
import { mergedResult } from '../../lib/cli/verify-parts';
import { networkResourceCount } from '../../lib/cli/verify-parts/network-resources';
import { renderJson } from '../../lib/report/json';
import { renderSarif } from '../../lib/report/sarif';
import { renderText } from '../../lib/report/text';
import type { VerifyResult } from '../../lib/checks';

const [corpus, mode] = process.argv.slice(2);
if (!corpus) {
  process.stderr.write('usage: parts.ts CORPUS_DIR\n');
  process.exit(2);
}

const outputs = (r: VerifyResult): string[] => [renderJson(r), renderText(r, 'en'), renderText(r, 'ja'), renderSarif(r)];
const tally = new Map<string, number>();
const count = (k: string): void => void tally.set(k, (tally.get(k) ?? 0) + 1);
let merged = 0;
let failed = 0;
interface Rec { templates: LoadedTemplate[]; missingNested?: Array<{ stack: string; logicalId: string }>; policy: never; asOf: string }
const records: Array<[string, Rec]> = fs.readdirSync(corpus).filter((f) => f.endsWith('.json')).sort().map((name) => [name, JSON.parse(fs.readFileSync(path.join(corpus, name), 'utf8')) as Rec]);
const inputs: Array<[string, Rec]> = [...records];
if (mode === '--pairs') {
  // Clean inputs, grouped by policy and date; each joined with the next of its group.
  const groups = new Map<string, Array<[string, Rec]>>();
  for (const [name, rec] of records) {
    if (verify({ templates: rec.templates, missingNested: (rec.missingNested ?? []) as never }, rec.policy, { asOf: rec.asOf }).findings.length > 0) continue;
    const k = JSON.stringify([rec.policy, rec.asOf]);
    groups.set(k, [...(groups.get(k) ?? []), [name, rec]]);
  }
  inputs.length = 0;
  const renamed = (rec: Rec, prefix: string): Rec => ({
    ...rec,
    templates: rec.templates.map((t) => ({ ...t, stack: `${prefix}${t.stack}`, ...(t.parent ? { parent: { ...t.parent, stack: `${prefix}${t.parent.stack}` } } : {}) })),
    missingNested: (rec.missingNested ?? []).map((m) => ({ ...m, stack: `${prefix}${m.stack}` })),
  });
  for (const list of groups.values()) {
    for (let i = 0; i + 1 < list.length; i++) {
      const a = renamed(list[i][1], 'p1-');
      const b = renamed(list[i + 1][1], 'p2-');
      inputs.push([`${list[i][0]}+${list[i + 1][0]}`, { ...a, templates: [...a.templates, ...b.templates], missingNested: [...a.missingNested!, ...b.missingNested!] }]);
    }
  }
  process.stdout.write(`${inputs.length} joined pairs of clean inputs\n`);
}
for (const [name, rec] of inputs) {
  const templates = rec.templates as LoadedTemplate[];
  // Files: each top-level template with its nested stacks (they follow it, depth first, as loadPaths reads them).
  const files: LoadResult[] = [];
  for (const t of templates) {
    if (!t.parent || files.length === 0) files.push({ templates: [t], missingNested: [] });
    else files[files.length - 1].templates.push(t);
  }
  for (const m of (rec.missingNested ?? []) as LoadResult['missingNested']) {
    const f = files.find((u) => u.templates.some((t) => t.stack === m.stack));
    if (f) f.missingNested.push(m);
  }
  const keys = files.map((f) => linkingKeys(f.templates).keys);
  if (keys.some((k) => k === null)) {
    count('one model: a template the pre-pass cannot classify');
    continue;
  }
  const comps = components(files.map((_, index) => ({ index, bytes: 1, worker: 0, keys: keys[index]! })));
  if (comps.length < 2) {
    count('one model: one component');
    continue;
  }
  const shares: number[][] = [[], []];
  comps.forEach((c, i) => shares[i % 2].push(...c));
  const parts = shares.map((s) => judgePart(s.sort((a, b) => a - b).map((i) => files[i]), rec.policy, rec.asOf));
  const result = mergedResult(parts, files.map((f) => ({ stacks: f.templates.map((t) => t.stack), files: f.templates.map((t) => t.file) })), performance.now());
  if ('whole' in result) {
    count(`one model: ${result.whole.replace(/flow .* in two parts/, 'a flow in two parts')}`);
    continue;
  }
  const whole = verify({ templates, missingNested: (rec.missingNested ?? []) as LoadResult['missingNested'] }, rec.policy, { asOf: rec.asOf });
  const a = outputs(whole);
  const b = outputs(result.result);
  const same = a.every((x, i) => x === b[i]) && networkResourceCount(whole.model) === result.networkResources;
  // What the merge had to do: sanctioned flows, screen-transfer cells, flow keys found in both parts.
  if (result.result.sanctionedFlows.length > 0) count('merged with sanctioned flows');
  if (result.result.matrix.some((c) => c.via === 'desktop-streaming')) count('merged with a screen-transfer cell');
  if (parts.every((p) => p.screen.some((x) => x.entry))) count('merged with desktops in both parts');
  const inBoth = parts[0].flows.filter((f) => parts[1].flows.some((g) => g.key === f.key));
  if (inBoth.length > 0) count('merged with a flow key found in both parts');
  if (inBoth.some((f) => parts[1].flows.find((g) => g.key === f.key)!.status !== f.status)) count('merged with a key open in one part, filtered in the other');
  if (same) merged++;
  else {
    failed++;
    process.stdout.write(`DIFFERS: ${name}\n`);
  }
}
for (const [k, v] of [...tally].sort()) process.stdout.write(`  ${v} × ${k}\n`);
process.stdout.write(`parts parity: ${merged} merged and byte-identical (text en/ja, JSON, SARIF), ${failed} differ\n`);
process.exit(failed > 0 ? 1 : 0);
