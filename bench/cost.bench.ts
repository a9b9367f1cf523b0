/**
 * `npm run bench -- cost`: what the 費用試算 adds to every synth. Every synth now estimates each municipality
 * it builds and lays the section out in both languages; measured against laying out the rest of the
 * reviewer's report (Markdown and HTML, ja and en) for the same app, both in this run.
 *
 * A. the sections of the example prefecture's three municipalities (costReportSectionsForConfigs);
 * B. the report without them (renderMarkdown + renderHtml, ja and en) — a part of every synth already.
 * Printed: A and B per run, and A ÷ B. (Before the number formatters were cached, A was about 5× larger:
 * 120–170 ms for the three, measured on this machine on 2026-12-06.)
 */
import * as path from 'path';
import { loadPrefectureFile } from '../lib/config/app-configuration';
import { costReportSectionsForConfigs } from '../lib/cost/report-section';
import { renderHtml } from '../lib/report/html';
import { renderMarkdown } from '../lib/report/markdown';
import { goodAppReport } from '../test/report/support/broken-app-report';

function perRun(runs: number, fn: () => void): number {
  for (let i = 0; i < 3; i++) fn();
  const t = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) fn();
  return Number(process.hrtime.bigint() - t) / runs / 1e6;
}

export async function run(): Promise<void> {
  const configs = loadPrefectureFile(path.join(__dirname, '..', 'examples', 'prefecture', 'prefecture.yaml')).municipalities.map((m) => m.config);
  const report = goodAppReport();
  const a = perRun(30, () => costReportSectionsForConfigs(configs, '2026-12-06'));
  const b = perRun(30, () => {
    for (const lang of ['ja', 'en'] as const) {
      renderMarkdown(report, { lang });
      renderHtml(report, { lang });
    }
  });
  process.stdout.write(`A. 費用試算 of ${configs.length} municipalities: ${a.toFixed(2)} ms per synth\n`);
  process.stdout.write(`B. the rest of the report (md + html, ja + en): ${b.toFixed(2)} ms\n`);
  process.stdout.write(`A ÷ B = ${(a / b).toFixed(2)}\n`);
}
