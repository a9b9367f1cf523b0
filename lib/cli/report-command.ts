/**
 * `closed-telework report [--lang ja,en] [--format md,html] [--out DIR] [--policy FILE] [--junit] [--cost CONFIG [--cost-overrides FILE]] PATH...`
 *
 * Renders the reviewer's report for template files or a cloud assembly (cdk.out): the same engine the
 * cdk-nag pack runs, plus every pack's acknowledgements from cdk.out/validation-report.json. With --cost, the
 * report gains the 費用試算 section for that configuration (docs/cost.md).
 * Exit codes: 0 the report shows tier separation holds; 1 it does not (findings, forbidden or unresolved
 * pairs); 2 unusable input (bad option, unreadable template, missing file) — nothing is written then.
 */
import * as fs from 'fs';
import type { Command } from 'commander';
import { InputError, loadPaths } from '../model/load';
import type { EngineRun, TierEngine } from '../report/engine-run';
import { assembleReportInput } from '../report/assemble';
import { isLang, LANGS, type Lang } from '../report/i18n';
import { reportPasses } from '../report/report-input';
import { buildRecord } from '../report/record/from-templates';
import { loadPolicy } from '../policy/load';
import { readAcknowledgements, ValidationReportError } from '../report/validation-report';
import { isReportFormat, REPORT_FORMATS, writeReports, type ReportFormat } from '../report/write-reports';
import { ConfigError } from '../config/config-error';
import { CostInputError } from '../cost/cost-error';
import type { ExitCode } from './main';

interface ReportOptions {
  lang: string;
  format: string;
  out: string;
  policy?: string;
  junit?: boolean;
  cost?: string;
  costOverrides?: string;
}

class UsageError extends Error {}

function parseList<T extends string>(raw: string, option: string, valid: readonly T[], isValid: (v: unknown) => v is T): T[] {
  const values = raw.split(',').map((v) => v.trim()).filter((v) => v !== '');
  const bad = values.filter((v) => !isValid(v));
  if (values.length === 0 || bad.length > 0) {
    throw new UsageError(
      `--${option} ${raw}: expected one or more of ${valid.join(', ')} separated by commas (e.g. --${option} ${valid.join(',')}). / ` +
        `--${option} には ${valid.join('、')} のいずれか（カンマ区切り）を指定してください。`,
    );
  }
  return [...new Set(values)] as T[];
}

/** The engine, loaded lazily so `--help` works without it. Replaceable in tests of this command. */
export const reportEngine: { run: TierEngine } = {
  run: (input) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('../report/engine-run') as { runTierEngine: TierEngine }).runTierEngine(input);
  },
};

export function registerReportCommand(program: Command, exit: ExitCode): void {
  program
    .command('report')
    .description("Render the reviewer's tier-separation report (Markdown/HTML, Japanese/English, SVG diagram) for templates or a cdk.out directory.")
    .argument('<path...>', 'CloudFormation template files (JSON/YAML) or cloud assembly directories (cdk.out)')
    .option('--lang <langs>', 'report language(s): ja, en, or ja,en', LANGS.join(','))
    .option('--format <formats>', 'report format(s): md, html, xlsx (checklist and exceptions as a spreadsheet), comma-separated', REPORT_FORMATS.join(','))
    .option('--out <dir>', 'directory the report is written to', 'reports')
    .option('--policy <file>', 'tier policy file (default: the packaged policies/tier-policy.yaml)')
    .option('--junit', 'also write JUnit XML (tier-separation.junit.xml)')
    .option('--cost <config>', 'add the 費用試算 (cost estimate) section for this configuration: a JSON/YAML file or an embedded municipality name')
    .option('--cost-overrides <file>', 'cost settings that win over the configuration\'s cost section (docs/cost.md)')
    .action((paths: string[], options: ReportOptions, command: Command) => {
      try {
        const langs: Lang[] = parseList(options.lang, 'lang', LANGS, isLang);
        const formats: ReportFormat[] = parseList(options.format, 'format', REPORT_FORMATS, isReportFormat);
        if (options.policy !== undefined && !fs.existsSync(options.policy)) {
          throw new UsageError(`--policy ${options.policy}: no such file. / ポリシーファイル ${options.policy} が見つかりません。`);
        }
        if (options.costOverrides !== undefined && options.cost === undefined) throw new UsageError('--cost-overrides needs --cost CONFIG. / --cost-overrides には --cost で設定を指定してください。');
        // The estimator is loaded only when asked for: most report runs have no --cost.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const cost = options.cost !== undefined ? (require('../cost/report-section') as typeof import('../cost/report-section')).costReportSectionFor(options.cost, options.costOverrides) : undefined;
        const loaded = loadPaths(paths);
        const run: EngineRun = reportEngine.run({ templates: loaded.templates, missingNested: loaded.missingNested, ...(options.policy ? { policyFile: options.policy } : {}) });
        const acknowledgements = paths.filter((p) => fs.statSync(p).isDirectory()).flatMap((dir) => readAcknowledgements(dir));
        const generatedAt = new Date().toISOString();
        const record = buildRecord({
          templates: loaded.templates,
          command: ['closed-telework', ...((command.parent as { rawArgs?: string[] } | null)?.rawArgs ?? process.argv).slice(2)].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' '),
          generatedAt,
          policy: loadPolicy(options.policy),
        });
        const assembled = assembleReportInput({
          findings: run.findings,
          report: run.report,
          acknowledgements,
          sources: loaded.templates.map((t) => t.file),
          generatedAt,
          record,
        });
        const input = cost !== undefined ? { ...assembled, cost: [cost] } : assembled;
        const written = writeReports(input, { dir: options.out, langs, formats, junit: options.junit === true });
        for (const file of written) process.stdout.write(`${file}\n`);
        const pass = reportPasses(input);
        process.stdout.write(pass ? 'tier separation holds / 三層分離は保たれています\n' : 'tier separation does NOT hold: see the report / 三層分離が保たれていません。報告書を確認してください\n');
        exit.code = pass ? 0 : 1;
      } catch (err) {
        if (err instanceof UsageError || err instanceof InputError || err instanceof ValidationReportError || err instanceof ConfigError || err instanceof CostInputError) {
          process.stderr.write(`closed-telework report: ${err.message}\n`);
          exit.code = 2;
          return;
        }
        throw err;
      }
    });
}
