/**
 * `closed-telework cost [-c config=FILE | -c municipality=NAME | --municipality NAME] [--overrides FILE]
 *                       [--format text|json|csv|xlsx] [--lang ja|en] [--out FILE] [--today YYYY-MM-DD] [--prices]`
 *
 * Prints what the municipality's configuration costs a month and a year, per line item and per seat, from
 * the price table shipped in the package (docs/cost.md). Exit codes: 0 the estimate was written (warnings,
 * such as unconfirmed or stale prices, go to stderr too); 2 unusable input (bad configuration, bad overrides,
 * an unknown bundle, a price missing for the region, a bad option) — nothing is written then.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from 'commander';
import { ConfigError } from '../config/config-error';
import { loadConfigFromContext } from '../config/load';
import { CostInputError } from '../cost/cost-error';
import { estimateForConfig } from '../cost/estimate-config';
import { loadCostSettingsFile } from '../cost/load-settings';
import { PRICE_KEYS } from '../cost/prices/price-entry';
import { resolvePrices } from '../cost/resolve-prices';
import { costSettingsFor } from '../cost/estimate-config';
import { renderCostCsv } from '../cost/render/csv';
import { textTable, usd, type Lang } from '../cost/render/format';
import { renderCostJson } from '../cost/render/json';
import { renderCostText } from '../cost/render/text';
import { renderCostXlsx } from '../cost/render/xlsx';
import type { ExitCode } from './main';

const FORMATS = ['text', 'json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];
const LANGS: readonly Lang[] = ['ja', 'en'];

interface CostOptions {
  context: string[];
  municipality?: string;
  overrides?: string;
  format: string;
  lang: string;
  out?: string;
  today?: string;
  prices?: boolean;
}

class UsageError extends Error {}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function contextOf(options: CostOptions): Record<string, string> {
  const context: Record<string, string> = {};
  for (const entry of options.context) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new UsageError(`-c ${entry}: expected KEY=VALUE, e.g. -c config=./our-city.yaml or -c municipality=example-city. / -c には config=設定ファイル または municipality=名前 の形で指定してください。`);
    context[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  if (options.municipality !== undefined) {
    if (context.config !== undefined) throw new UsageError('give either -c config=FILE or --municipality NAME, not both. / -c config= と --municipality は同時に指定できません。');
    context.municipality = options.municipality;
  }
  // Like `cdk synth`, the embedded example-city is the default municipality.
  if (context.config === undefined && context.municipality === undefined) context.municipality = 'example-city';
  return context;
}

/** Writes through a temporary name and a rename: never a half-written file. */
function writeAtomically(target: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, target);
}

export function registerCostCommand(program: Command, exit: ExitCode): void {
  program
    .command('cost')
    .description('Estimate what the municipality\'s configuration costs a month and a year, per line item and per seat (予算要求資料).')
    .option('-c, --context <key=value>', 'configuration, as with cdk: config=FILE or municipality=NAME (repeatable)', collect, [])
    .option('--municipality <name>', 'an embedded municipality (default: example-city)')
    .option('--overrides <file>', 'YAML/JSON file with cost settings (exchange rate, usage, desktops, prices) that win over the configuration\'s cost section')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .option('--lang <lang>', 'language: ja or en', 'ja')
    .option('--out <file>', 'write to this file instead of standard output (required for xlsx)')
    .option('--today <date>', 'the date to estimate on, YYYY-MM-DD (default: today); prices older than the stated age are warned about')
    .option('--prices', 'print the price table for the configuration\'s region (keys, prices, sources, dates) and stop')
    .action(async (options: CostOptions) => {
      try {
        const format = options.format as Format;
        if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${options.format}: expected one of ${FORMATS.join(', ')}. / --format には ${FORMATS.join('、')} のいずれかを指定してください。`);
        const lang = options.lang as Lang;
        if (!LANGS.includes(lang)) throw new UsageError(`--lang ${options.lang}: expected ja or en. / --lang には ja または en を指定してください。`);
        if (format === 'xlsx' && options.out === undefined) throw new UsageError('--format xlsx writes a binary workbook: give --out FILE.xlsx. / xlsx 形式では --out で出力ファイルを指定してください。');
        if (options.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new UsageError(`--today ${options.today}: expected YYYY-MM-DD. / --today は YYYY-MM-DD 形式で指定してください。`);

        const context = contextOf(options);
        const config = loadConfigFromContext((key) => context[key]);
        const overrides = options.overrides !== undefined ? loadCostSettingsFile(options.overrides) : undefined;

        if (options.prices === true) {
          const table = resolvePrices(config.region, costSettingsFor(config, overrides));
          const rows = PRICE_KEYS.filter((k) => table[k] !== undefined).map((k) => {
            const p = table[k]!;
            return [k, p.usd === null ? '—' : usd(p.usd), p.unit[lang], p.read, p.confirmed ? (lang === 'ja' ? '確認済み' : 'confirmed') : lang === 'ja' ? '未確認' : 'UNCONFIRMED', p.source];
          });
          const header = lang === 'ja' ? ['価格キー', 'USD', '単位', '確認日', '状態', '出典'] : ['Price key', 'USD', 'Unit', 'Read on', 'Status', 'Source'];
          process.stdout.write(`${config.region}\n${textTable(header, rows, [false, true]).join('\n')}\n`);
          exit.code = 0;
          return;
        }

        const estimate = estimateForConfig(config, { overrides, today: options.today });
        let content: string | Buffer;
        if (format === 'json') content = renderCostJson(estimate);
        else if (format === 'csv') content = renderCostCsv(estimate, lang);
        else if (format === 'xlsx') content = await renderCostXlsx(estimate, lang);
        else content = renderCostText(estimate, lang);

        if (options.out !== undefined) {
          writeAtomically(options.out, content);
          process.stdout.write(`${options.out}\n`);
        } else {
          process.stdout.write(content);
        }
        // Warnings also reach whoever only reads the terminal while writing a file or JSON.
        if (options.out !== undefined || format !== 'text') {
          for (const w of estimate.warnings) process.stderr.write(`warning: ${w.en}\n警告: ${w.ja}\n`);
        }
        exit.code = 0;
      } catch (err) {
        if (err instanceof UsageError || err instanceof ConfigError || err instanceof CostInputError) {
          process.stderr.write(`closed-telework cost: ${err.message}\n`);
          exit.code = 2;
          return;
        }
        throw err;
      }
    });
}
