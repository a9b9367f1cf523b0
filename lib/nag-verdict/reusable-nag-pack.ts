/**
 * A cdk-nag 3 pack (AwsSolutions, NIST 800-53 R5) whose verdict is reused when everything it could read is
 * byte-identical to an earlier synth: the same pack and options, the same cdk-nag code, the same library
 * versions, and a construct tree identical in every part a rule can see (construct-tree-digest.ts says what
 * and why — the templates alone are NOT enough). On a hit the stored report is returned and cdk-nag is never
 * loaded; on a miss, when the tree cannot be digested exactly, or with the cache off, the unmodified pack runs.
 *
 * Why: on an unchanged app a pack's work is small, but loading cdk-nag (~300 modules) and the aws-cdk-lib
 * service modules its rules' `instanceof` tests pull in (~90 modules, ~14 MB) costs most of a second of every
 * synth; a repeated `cdk synth` / `cdk diff` / `cdk deploy` is the inner loop an infra engineer waits on.
 *
 * What is replayed: the pack's report (success, every violation's rule, description, severity, and the
 * construct path of every violating resource, in the pack's order). A cdk-nag 3 pack adds no annotations
 * and writes no file: the CDK turns this report into validation-report.json, the console text and the
 * acknowledgement bookkeeping (`suppressedViolations`) exactly as for a fresh report. A report that would
 * not survive storing unchanged is not stored.
 *
 * Off: `CLOSED_TELEWORK_NAG_CACHE=off` (or a directory), or `CLOSED_TELEWORK_CACHE=off` for every cache.
 */
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import type { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport } from 'aws-cdk-lib';
import type { NagPack, NagPackProps } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { digestOf, fileIdentity, VerdictStore, verdictCacheDir } from '../cache/verdict-store';
import { constructTreeDigest, UndigestableTree } from './construct-tree-digest';
import { nagPackIdentity } from './nag-pack-identity';

export const NAG_CACHE_ENV = 'CLOSED_TELEWORK_NAG_CACHE';

/** Bump when the stored shape or the meaning of a key changes. */
const FORMAT = 'closed-telework/cdk-nag-verdict/1';

/** The packs this reuse is written for, by cdk-nag export, with the plugin name each reports under. */
const PACKS = {
  AwsSolutionsChecks: 'AwsSolutions',
  NIST80053R5Checks: 'NIST.800.53.R5',
} as const;
export type ReusablePack = keyof typeof PACKS;

interface StoredVerdict {
  format: string;
  report: PolicyValidationPluginReport;
}

function isStoredVerdict(value: unknown): value is StoredVerdict {
  const v = value as StoredVerdict | null;
  return (
    v !== null &&
    typeof v === 'object' &&
    v.format === FORMAT &&
    typeof v.report?.success === 'boolean' &&
    Array.isArray(v.report.violations) &&
    v.report.violations.every(
      (violation) =>
        typeof violation?.ruleName === 'string' &&
        typeof violation.description === 'string' &&
        Array.isArray(violation.violatingResources) &&
        violation.violatingResources.every((r) => typeof r?.constructPath === 'string' && Array.isArray(r.locations)),
    )
  );
}

/**
 * One digest of the tree per synthesis: both packs judge the same finished tree, one right after the other.
 * A synthesis is told apart from the next one (`app.synth({ force: true })` after a change, in the same
 * process) by the templates it wrote: every synthesis writes them anew, so their identity on disk changes
 * (lib/cache fileIdentity). A digest is never carried from one synthesis to the next.
 */
let lastDigest: { root: IConstruct; synthesis: string; digest: string | UndigestableTree } | undefined;

function synthesisOf(context: IPolicyValidationContext): string | undefined {
  try {
    return context.templatePaths.map((t) => `${t}=${fileIdentity(t)}`).join(';');
  } catch {
    return undefined; // a template that cannot be read: digest afresh
  }
}

function treeDigest(root: IConstruct, context: IPolicyValidationContext): string | undefined {
  const synthesis = synthesisOf(context);
  let d = synthesis !== undefined && lastDigest?.root === root && lastDigest.synthesis === synthesis ? lastDigest.digest : undefined;
  if (d === undefined) {
    try {
      d = constructTreeDigest(root).digest;
    } catch (err) {
      if (!(err instanceof UndigestableTree)) throw err;
      d = err;
    }
    lastDigest = synthesis === undefined ? undefined : { root, synthesis, digest: d };
  }
  return typeof d === 'string' ? d : undefined;
}

/** Which verdicts this process reused or computed (the bench's breakdown reads it). */
export const nagVerdictStats = { reused: [] as string[], judged: [] as string[] };

export interface ReusableNagPackOptions {
  /**
   * The cache directory; undefined turns reuse off.
   * @default from CLOSED_TELEWORK_NAG_CACHE / CLOSED_TELEWORK_CACHE, else node_modules/.cache/closed-telework/cdk-nag
   */
  readonly cacheDir?: string;
}

export class ReusableNagPack implements IPolicyValidationPlugin {
  public readonly name: string;
  private readonly cache: VerdictStore<StoredVerdict> | undefined;
  private readonly cacheDir: string | undefined;

  constructor(
    private readonly pack: ReusablePack,
    private readonly props: Pick<NagPackProps, 'verbose'> = {},
    options: ReusableNagPackOptions = { cacheDir: verdictCacheDir('cdk-nag', NAG_CACHE_ENV) },
  ) {
    this.name = PACKS[pack];
    this.cacheDir = options.cacheDir;
    this.cache = options.cacheDir === undefined ? undefined : new VerdictStore(options.cacheDir, isStoredVerdict);
  }

  public validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const root = (context as { appConstruct?: IConstruct }).appConstruct;
    const tree = this.cache !== undefined && root !== undefined ? treeDigest(root, context) : undefined;
    if (this.cache === undefined || tree === undefined) return this.judge(context);
    const key = digestOf([FORMAT, nagPackIdentity(this.cacheDir === undefined ? undefined : path.join(this.cacheDir, 'code-identity')), this.pack, JSON.stringify({ verbose: this.props.verbose ?? false }), tree]);
    const stored = this.cache.get(key);
    if (stored !== undefined) {
      nagVerdictStats.reused.push(this.name);
      return stored.report;
    }
    const report = this.judge(context);
    // The CDK edits the report it is handed (acknowledged resources are moved out), so store it first, and
    // only when it comes back from storage exactly as it is.
    const verdict: StoredVerdict = { format: FORMAT, report };
    const copy: unknown = JSON.parse(JSON.stringify(verdict));
    if (isDeepStrictEqual(copy, verdict)) this.cache.put(key, verdict);
    return report;
  }

  /** The unmodified cdk-nag pack, loaded only now. */
  private judge(context: IPolicyValidationContext): PolicyValidationPluginReport {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const cdkNag = require('cdk-nag') as typeof import('cdk-nag');
    const pack: NagPack = new cdkNag[this.pack](undefined, { verbose: this.props.verbose ?? false });
    if (pack.name !== this.name) throw new Error(`cdk-nag's ${this.pack} reports as ${pack.name}, not ${this.name}: update lib/nag-verdict/reusable-nag-pack.ts`);
    nagVerdictStats.judged.push(this.name);
    return pack.validate(context);
  }
}
