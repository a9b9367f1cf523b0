/**
 * Reusing the tier proof's verdict, and the reviewer's report written from it, when every input is
 * byte-identical to an earlier synth — the inner loop's last repeated cost (`cdk synth` / `cdk diff` /
 * `cdk deploy` on an unchanged app judge the same templates again and write the same report again).
 *
 * Two stores, each keyed on exactly what its result is computed from:
 *
 * 1. The engine's verdict (findings, the report's view of them, SARIF): the code that judges (every file of
 *    this package's code folder and policies/, the versions of the libraries it calls and of Node.js:
 *    lib/cache/package-code-identity.ts), the policy (the policy file's path and bytes, or the policy given
 *    as data, written exactly), the date the verdict is judged on (a sanctioned channel expires by date),
 *    and every template the engine reads — stack name, file, nested-stack parent, deployed name, parameter
 *    values, the file's bytes, and the construct path the model gives each resource whose template carries
 *    no `aws:cdk:path` metadata — plus the nested stacks that could not be read.
 *    Not reused: a pack built with an injected engine (its code is unknown here).
 * 2. The report files: everything the report is made from except its time — the verdict's key (the verdict
 *    fixes the findings, matrix, coverage, diagram and SARIF; the templates it covers fix the record's
 *    sections and template digests), the acknowledgements, the template paths as shown, the header of
 *    record's other facts (environments, configuration files and their SHA-256, version, git commit, command,
 *    working directory), what the 費用試算 is computed from, the languages and formats, and the code identity
 *    (the renderers are in it): reportInputsKey below. The acknowledgements and the header's facts are
 *    worked out on every synth; the record's sections, the cost and the rendering only when the report is
 *    rendered.
 *
 * The time of record: a reused report is the report made when the verdict was judged, byte for byte, so it
 * keeps that time (作成日時); it is not re-dated to look new. The synth gate's record (reports/synth-verdict.*)
 * is written on every synth with the time of that synth and says that the tier-separation report was
 * reused and when it was made (lib/gate/write-verdict.ts). A report whose inputs differ in anything but
 * the time is rendered afresh with the time of this synth.
 *
 * A value that cannot be written down exactly, a verdict that would not come back from storage unchanged,
 * or an unreadable input means no reuse (judged and written afresh). Damaged entries are ignored.
 * Off: `CLOSED_TELEWORK_TIER_CACHE=off` (or a directory), or `CLOSED_TELEWORK_CACHE=off` for every cache.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import { encodeExactly, NotExactlyEncodable } from '../cache/exact-encoding';
import { packageCodeIdentity } from '../cache/package-code-identity';
import { digestOf, VerdictStore, verdictCacheDir } from '../cache/verdict-store';
import { today } from '../policy/load';
import type { TierPolicy } from '../policy/schema';
import type { EngineRun } from '../report/engine-run';
import type { CostSection } from '../report/cost-section';
import type { ProvenanceFacts } from '../report/record/provenance';
import type { Acknowledgement } from '../report/report-input';
import type { CollectedTemplates } from './collect-templates';
import { ReportFilesOnDisk } from './report-files-on-disk';

export const TIER_CACHE_ENV = 'CLOSED_TELEWORK_TIER_CACHE';

/** Bump when a stored shape or the meaning of a key changes. */
const VERDICT_FORMAT = 'closed-telework/tier-proof-verdict/1';
const REPORT_FORMAT = 'closed-telework/tier-report-files/2';

/** Report entries are large (a ten-municipality report is ~1.5 MB): keep fewer. */
const REPORT_ENTRIES = 16;

/** Which results this process reused or computed (the bench's breakdown and the tests read it). */
export const proofReuseStats = { verdicts: { reused: 0, judged: 0 }, reports: { reused: 0, rendered: 0 } };

interface StoredVerdict {
  format: string;
  run: EngineRun;
}

function isStoredVerdict(value: unknown): value is StoredVerdict {
  const v = value as StoredVerdict | null;
  return (
    v !== null &&
    typeof v === 'object' &&
    v.format === VERDICT_FORMAT &&
    typeof v.run === 'object' &&
    v.run !== null &&
    Array.isArray(v.run.findings) &&
    typeof v.run.report === 'object' &&
    v.run.report !== null &&
    Array.isArray(v.run.report.matrix) &&
    Array.isArray(v.run.report.coverage) &&
    (v.run.sarif === undefined || typeof v.run.sarif === 'string')
  );
}

/** A rendered report file: text as written, or a binary file (the .xlsx) in base64. */
export interface ReportFile {
  name: string;
  text?: string;
  base64?: string;
}

interface StoredReport {
  format: string;
  /** When the stored files were made (the time they carry). */
  generatedAt: string;
  files: ReportFile[];
}

function isStoredReport(value: unknown): value is StoredReport {
  const v = value as StoredReport | null;
  return (
    v !== null &&
    typeof v === 'object' &&
    v.format === REPORT_FORMAT &&
    typeof v.generatedAt === 'string' &&
    Array.isArray(v.files) &&
    v.files.length > 0 &&
    v.files.every((f) => typeof f?.name === 'string' && path.basename(f.name) === f.name && (typeof f.text === 'string') !== (typeof f.base64 === 'string'))
  );
}

/** The digest of `values` written exactly (one part after the head), or undefined when one of them cannot be. */
function exactDigest(head: readonly string[], values: readonly unknown[]): string | undefined {
  let encoded: string;
  try {
    encoded = encodeExactly(...values);
  } catch (err) {
    if (err instanceof NotExactlyEncodable) return undefined;
    throw err;
  }
  return digestOf([...head, encoded]);
}

export interface VerdictInputs {
  collected: CollectedTemplates;
  policyFile?: string;
  policy?: TierPolicy;
  /** Where this package's code identity is remembered across processes (the store's directory; see package-code-identity.ts). */
  codeMemoDir?: string;
}

/** The key of the engine's verdict over these inputs; undefined when they cannot be written down exactly. */
export function proofVerdictKey(input: VerdictInputs): string | undefined {
  let policy: unknown[];
  const templates: unknown[] = [];
  try {
    if (input.policyFile !== undefined) policy = ['file', path.resolve(input.policyFile), fs.readFileSync(input.policyFile, 'latin1')];
    else if (input.policy !== undefined) policy = ['data', input.policy];
    else policy = ['packaged']; // policies/ is part of the code identity
    for (const t of input.collected.templates) {
      // The construct path the model gives a resource whose template does not carry one (context.ts).
      const paths: Array<[string, string | null]> = [];
      for (const [logicalId, r] of Object.entries(t.template.Resources)) {
        if (typeof r?.Metadata?.['aws:cdk:path'] !== 'string') paths.push([logicalId, t.constructPathOf?.(logicalId) ?? null]);
      }
      templates.push([t.stack, t.file, t.parent ?? null, t.stackName ?? null, t.parameters ?? null, fs.readFileSync(t.file, 'latin1'), paths]);
    }
  } catch {
    return undefined; // an input that cannot be read again: judge afresh
  }
  return exactDigest([VERDICT_FORMAT, packageCodeIdentity(input.codeMemoDir), today()], [policy, templates, input.collected.missingNested]);
}

/**
 * Everything the rendered report files are made from, other than the verdict: the report is a function of the
 * engine's verdict (findings, matrix, coverage, diagram, SARIF — all fixed by the verdict's inputs, whose key
 * is `verdictKey`), the acknowledgements, the template paths as shown, the header of record's facts from
 * outside the templates (lib/report/record/provenance.ts provenanceFacts: environments, configuration files
 * and their SHA-256, package version, git commit, command, working directory; the record's sections and
 * template digests are read from the templates, which `verdictKey` covers byte for byte, with the policy),
 * what the 費用試算 is computed from, and the languages and formats. Keying on these rather than on the
 * assembled report means a reused report needs neither the record nor the cost worked out (they are made
 * only when the report is rendered), nor the whole report input written down for its digest.
 */
export interface ReportInputs {
  verdictKey: string;
  acknowledgements: readonly Acknowledgement[];
  sources: readonly string[];
  /** undefined: the report has no header of record. */
  provenance: ProvenanceFacts | undefined;
  /**
   * The 費用試算: ['inputs', what the caller computes the sections from] (the code and the date are in
   * `verdictKey`), ['sections', the sections themselves], or ['none'].
   */
  cost: readonly ['inputs', unknown] | readonly ['sections', readonly CostSection[]] | readonly ['none'];
  langs: readonly string[];
  formats: readonly string[];
  junit: boolean;
}

/** The key of the rendered report files; undefined when an input cannot be written down exactly. */
export function reportInputsKey(r: ReportInputs): string | undefined {
  return exactDigest([REPORT_FORMAT, packageCodeIdentity(), r.verdictKey], [r.acknowledgements, r.sources, r.provenance ?? null, r.cost, r.langs, r.formats, r.junit]);
}

/** Both stores in one cache directory, or none when caching is off. */
export class ProofReuse {
  private readonly verdicts: VerdictStore<StoredVerdict>;
  private readonly reports: VerdictStore<StoredReport>;

  /** The stores of the configured directory (CLOSED_TELEWORK_TIER_CACHE / CLOSED_TELEWORK_CACHE), or undefined when off. */
  public static fromEnvironment(env: NodeJS.ProcessEnv = process.env): ProofReuse | undefined {
    const dir = verdictCacheDir('tier-proof', TIER_CACHE_ENV, env);
    return dir === undefined ? undefined : new ProofReuse(dir);
  }

  /** Which report files on disk are still exactly as a synth wrote them (report-files-on-disk.ts). */
  public readonly onDisk: ReportFilesOnDisk;

  constructor(public readonly dir: string) {
    this.verdicts = new VerdictStore(path.join(dir, 'verdicts'), isStoredVerdict);
    this.reports = new VerdictStore(path.join(dir, 'reports'), isStoredReport, REPORT_ENTRIES);
    this.onDisk = new ReportFilesOnDisk(path.join(dir, 'written'));
  }

  public verdict(key: string): EngineRun | undefined {
    return this.verdicts.get(key)?.run;
  }

  /** Stored only when it comes back from storage exactly as it is. */
  public storeVerdict(key: string, run: EngineRun): void {
    const stored: StoredVerdict = { format: VERDICT_FORMAT, run };
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(stored)), stored)) this.verdicts.put(key, stored);
  }

  public report(key: string): { generatedAt: string; files: Map<string, string | Buffer> } | undefined {
    const stored = this.reports.get(key);
    if (!stored) return undefined;
    return { generatedAt: stored.generatedAt, files: new Map(stored.files.map((f) => [f.name, f.text !== undefined ? f.text : Buffer.from(f.base64!, 'base64')])) };
  }

  public storeReport(key: string, generatedAt: string, files: ReadonlyMap<string, string | Buffer>): void {
    this.reports.put(key, {
      format: REPORT_FORMAT,
      generatedAt,
      files: [...files].map(([name, content]) => (typeof content === 'string' ? { name, text: content } : { name, base64: content.toString('base64') })),
    });
  }
}
