/**
 * The synth gate: the app itself refuses to finish when any pack fails, whatever the CDK CLI asked for.
 *
 * Why in the app: the CDK CLI (2.1148) passes `@aws-cdk/core:failSynthOnValidationErrors=false` to the app
 * and then judges the validation report only for the stacks the user SELECTED. Every stack of this package
 * sits inside a Stage, so `cdk synth` with no stack argument selects none and a tier crossing passed with
 * "Successfully synthesized"; `cdk diff` and `cdk deploy <one stack>` judged only part of the app. The CDK
 * still writes the full report (every pack, every stack, acknowledgements applied), so the app reads it
 * after `app.synth()` and, on any unacknowledged error or fatal violation anywhere, prints the findings and
 * exits 1. The CLI then stops every command that runs the app — synth, synth --quiet, synth <selector>,
 * diff, deploy — before it calls AWS. A refused assembly is also marked so that `--app cdk.out` cannot
 * deploy it (mark-assembly-refused.ts). Acknowledged hygiene findings stay acknowledged: the CDK has
 * already moved them out of the violations, and a crossing is fatal, which the CDK never suppresses.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stage, type IPolicyValidationPlugin } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { defaultReportDir, ThreeTierSeparationChecks } from '../nag/three-tier-separation-checks';
import { describeInvocation, packageVersion, type Invocation } from '../report/record/invocation';
import { markAssemblyRefused } from './mark-assembly-refused';
import { formatRefusal } from './refusal-text';
import { readValidationReport, VALIDATION_REPORT_FILE } from './validation-report';
import { judgeValidationReport, type RegisteredPack, type SynthVerdict } from './verdict';
import { verdictRecord, writeVerdict } from './write-verdict';

/** The npm package that ships each known pack, for the versions in the verdict. */
const PACK_PACKAGES: Record<string, string> = {
  'AwsSolutions': 'cdk-nag',
  'NIST.800.53.R5': 'cdk-nag',
  'HIPAA.Security': 'cdk-nag',
  'PCI.DSS.321': 'cdk-nag',
  'cdk-validator-cfnguard': '@cdklabs/cdk-validator-cfnguard',
  'ThreeTierSeparation': 'closed-telework',
};

export interface SynthGateOptions {
  /** Where the refusal is printed. @default process.stderr */
  readonly write?: (text: string) => void;
  /** Called with 1 on refusal. @default sets process.exitCode */
  readonly setExitCode?: (code: number) => void;
  /** Clock for the verdict's timestamp (tests). */
  readonly now?: () => Date;
}

export interface GateRun {
  verdict: SynthVerdict;
  /** The cloud assembly (also on refusal: it is on disk, marked as refused). */
  assembly?: CloudAssembly;
  invocation: Invocation;
  /** The verdict files written (none when the report directory is switched off). */
  written: string[];
}

/**
 * Synthesises the app and judges every pack's result over every stack. On refusal it prints the findings
 * (English and Japanese), marks the assembly refused and sets the exit code to 1.
 */
export function synthOrRefuse(app: App, options: SynthGateOptions = {}): GateRun {
  const plugins = registeredPlugins(app);
  let assembly: CloudAssembly | undefined;
  const started = Date.now();
  try {
    assembly = app.synth();
  } catch (err) {
    // Run outside the CLI (failSynthOnValidationErrors left true, e.g. under jest) the CDK throws on a failed
    // pack after writing the report; the gate judges that report like any other. Anything else propagates.
    if (!isValidationFailure(err, path.join(app.outdir, VALIDATION_REPORT_FILE), started)) throw err;
  }
  const report = readValidationReport(app.outdir);
  const tierPack = plugins.find((p): p is ThreeTierSeparationChecks => p instanceof ThreeTierSeparationChecks);
  const verdict = judgeValidationReport({ report, registered: plugins.map(describePack), tierPackRan: tierPack?.lastRun !== undefined });

  const invocation = describeInvocation();
  const reportDir = tierPack?.lastReportDir ?? defaultReportDir(app);
  const validationReport = displayPath(path.join(app.outdir, VALIDATION_REPORT_FILE));
  let written: string[] = [];
  if (reportDir !== false) {
    const tierReport = tierPack?.lastReport ? { ...tierPack.lastReport, verdictReused: tierPack.lastVerdictReused === true } : undefined;
    const record = verdictRecord(
      verdict,
      {
        generatedAt: (options.now ?? (() => new Date()))().toISOString(),
        invocation,
        versions: versions(),
        validationReport,
      },
      tierReport,
    );
    written = writeVerdict(reportDir, record);
  }
  if (!verdict.passed) {
    markAssemblyRefused(app.outdir);
    const write = options.write ?? ((t: string) => void process.stderr.write(t));
    write(formatRefusal(verdict, { validationReport, ...(reportDir !== false ? { reportDir: displayPath(reportDir) } : {}) }));
    (options.setExitCode ?? ((code: number) => void (process.exitCode = code)))(1);
  }
  return { verdict, ...(assembly ? { assembly } : {}), invocation, written };
}

/** The CDK's own "validation failed" error, thrown after it wrote this synth's report. */
function isValidationFailure(err: unknown, reportFile: string, since: number): boolean {
  if (!(err instanceof Error)) return false;
  const text = `${err.name} ${String((err as { code?: unknown }).code ?? '')} ${err.message}`;
  if (!/validation ?failed/i.test(text)) return false;
  try {
    return fs.statSync(reportFile).mtimeMs >= since - 1000;
  } catch {
    return false;
  }
}

/** The packs registered on the App itself (packs on a nested Stage see only that Stage's stacks). */
function registeredPlugins(app: Stage): IPolicyValidationPlugin[] {
  // The CDK keeps them on the Stage; there is no public getter. Missing → none → the gate refuses (fail closed).
  return [...((app as unknown as { _validationPlugins?: IPolicyValidationPlugin[] })._validationPlugins ?? [])];
}

function describePack(p: IPolicyValidationPlugin): RegisteredPack {
  const pkg = PACK_PACKAGES[p.name];
  const version = p.version ?? (pkg ? packageVersion(pkg) : undefined);
  return { name: p.name, ...(version ? { version } : {}), ...(pkg ? { package: pkg } : {}) };
}

function versions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['closed-telework', 'aws-cdk-lib', 'cdk-nag', '@cdklabs/cdk-validator-cfnguard']) {
    const v = packageVersion(name);
    if (v) out[name] = v;
  }
  out.node = process.version;
  return out;
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}
