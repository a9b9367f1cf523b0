/**
 * The Control Tower proactive controls (cfn-guard, offline) as a CDK policy-validation plugin that runs only
 * what can report on this app.
 *
 * Why: `CfnGuardValidator` hands all 237 rule files and the whole templates to one cfn-guard process, and
 * cfn-guard copies the data for every query of every file; on the example app that was about 11 s against
 * about 1 s for the rest of the synth. Here the files that cannot judge any resource in the app are not run,
 * and each template is cut down to the resources the running files can see (guard-input.ts). The violations
 * are the same (test/control-tower checks parity against the unmodified validator).
 *
 * The work is split into one cfn-guard run per AWS service the running files judge, each over only the
 * resources its files name, and the runs go side by side on the machine's cores (guard-runs-side-by-side.ts).
 *
 * The real validator still runs cfn-guard and reads its results; this plugin only chooses its inputs, writes
 * the cut-down templates to a private temporary directory, and maps every violation back to the template
 * the synth wrote, so the core's report and construct paths are unchanged. It keeps the name
 * `cdk-validator-cfnguard`, so acknowledgements (`cdk-validator-cfnguard::<rule>`) do not change.
 *
 * A repeated synth of unchanged templates reuses the whole synth's verdict (keyed on the templates' bytes, so
 * they are not even parsed), and a synth that changed some templates reuses each run's verdict for
 * byte-identical inputs (guard-verdict-cache.ts); `CLOSED_TELEWORK_GUARD_CACHE=off` turns both off.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1, PolicyViolationBeta1 } from 'aws-cdk-lib';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { analyseGuardRuleFile, type GuardRuleFile } from './guard-rule-file';
import { planGuardRuns, type GuardTemplate } from './guard-input';
import { runGuardJobs } from './guard-runs-side-by-side';
import { assertGuardRulesParse } from './guard-rules-parse';
import { fileIdentity } from '../cache/verdict-store';
import { filesUnder, folderContentDigest } from '../cache/file-tree-digest';
import { guardCacheDir, guardRunKey, guardSynthKey, GuardVerdictCache, type StoredViolation } from './guard-verdict-cache';

/** The directory of Control Tower rules shipped in @cdklabs/cdk-validator-cfnguard. */
export const CONTROL_TOWER_RULES_DIR = path.join(
  path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json')),
  'rules',
  'control-tower',
  'cfn-guard',
);

function listRuleFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return listRuleFiles(full);
      return entry.name.endsWith('.guard') ? [full] : [];
    })
    .sort();
}

/** The cfn-guard binary the validator runs. */
export function guardBinary(validator: CfnGuardValidator = new CfnGuardValidator()): string | undefined {
  const binary = (validator as unknown as { guard?: unknown }).guard;
  return typeof binary === 'string' ? binary : undefined;
}

/**
 * Every rule file of a directory, read once per process (the rules ship inside node_modules and do not
 * change). A directory of the user's own is also parsed by cfn-guard before it is kept, because cfn-guard
 * skips a file it cannot parse (guard-rules-parse.ts); the shipped files are checked by a test.
 */
const analysed = new Map<string, { file: GuardRuleFile; source: string }[]>();
function readRules(dir: string): { file: GuardRuleFile; source: string }[] {
  let rules = analysed.get(dir);
  if (!rules) {
    rules = listRuleFiles(dir).map((file) => {
      const source = fs.readFileSync(file, 'utf8');
      return { file: analyseGuardRuleFile(file, source), source };
    });
    if (path.resolve(dir) !== path.resolve(CONTROL_TOWER_RULES_DIR)) {
      const binary = guardBinary();
      if (binary === undefined) throw new Error(`ControlTowerGuardRules: cannot find the cfn-guard binary to check the rule files in ${dir}`);
      assertGuardRulesParse(
        binary,
        rules.map((rule) => rule.file.path),
      );
    }
    analysed.set(dir, rules);
  }
  return rules;
}

export function readRuleFiles(dir: string): GuardRuleFile[] {
  return readRules(dir).map((rule) => rule.file);
}

/**
 * The digest of every rule file of `dir` (the same files readRules runs: every `.guard` file below it, in
 * order) by relative path and content, remembered in `cacheDir` across processes while no file changes.
 */
export function rulesDigest(dir: string, cacheDir: string): string {
  const files = filesUnder(dir, (f, isFile) => f.endsWith('.guard') && isFile());
  return folderContentDigest(dir, files, { label: 'guard-rules', memoDir: path.join(cacheDir, 'code-identity') });
}

/**
 * The validator version and the binary's identity on disk (any write to it changes it: lib/cache fileIdentity;
 * npm gives every installed file the same modification time, so size and mtime alone would not tell a patched
 * binary apart); undefined (no caching) if the binary is not found.
 */
function engineIdentity(validator: CfnGuardValidator): string | undefined {
  const binary = guardBinary(validator);
  if (binary === undefined) return undefined;
  try {
    return `${validator.version ?? '?'} ${binary} ${fileIdentity(binary)}`;
  } catch {
    return undefined;
  }
}

export interface ControlTowerGuardRulesProps {
  /**
   * A directory of guard rule files to run instead of the shipped ones. cfn-guard parses them once per
   * process when the plugin is made, and a file it cannot parse is an error (guard-rules-parse.ts).
   * @default the Control Tower rules shipped in @cdklabs/cdk-validator-cfnguard
   */
  readonly rulesDir?: string;
  /**
   * Where cfn-guard verdicts are remembered; `false` never caches.
   * @default `CLOSED_TELEWORK_GUARD_CACHE`, else node_modules/.cache/closed-telework/cfn-guard (see guard-verdict-cache.ts)
   */
  readonly cacheDir?: string | false;
  /**
   * How many cfn-guard processes may run at once (one per group of rule files; see guard-runs-side-by-side.ts).
   * @default the cores Node may use, at most 4
   */
  readonly parallelism?: number;
}

export class ControlTowerGuardRules implements IPolicyValidationPluginBeta1 {
  /** Same name as CfnGuardValidator, so acknowledgement ids and reports do not change. */
  public readonly name: string;
  public readonly version?: string;
  public readonly ruleIds?: string[];
  private readonly rulesDir: string;
  private readonly engine: string | undefined;
  private readonly cacheDir: string | false | undefined;
  private readonly parallelism: number | undefined;

  constructor(props: ControlTowerGuardRulesProps = {}) {
    const full = new CfnGuardValidator();
    this.name = full.name;
    this.version = full.version;
    this.ruleIds = full.ruleIds;
    this.rulesDir = props.rulesDir ?? CONTROL_TOWER_RULES_DIR;
    // A folder of the user's own is read and parsed by cfn-guard now (a file it cannot parse is an error when
    // the plugin is made); the shipped rules are read and analysed only when cfn-guard has to run.
    if (props.rulesDir !== undefined) readRules(this.rulesDir);
    this.engine = engineIdentity(full);
    this.cacheDir = props.cacheDir;
    if (props.parallelism !== undefined && !(Number.isInteger(props.parallelism) && props.parallelism >= 1)) {
      throw new Error(`ControlTowerGuardRules: parallelism must be a whole number of 1 or more (got ${props.parallelism}); leave it out to use the machine's cores`);
    }
    this.parallelism = props.parallelism;
  }

  /** Every rule file, read and analysed once per process (only when cfn-guard has to run). */
  private get rules(): { file: GuardRuleFile; source: string }[] {
    return readRules(this.rulesDir);
  }

  public validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const bodies = context.templatePaths.map((templatePath) => fs.readFileSync(templatePath, 'utf8'));
    // A synth whose every template is byte-identical to an earlier one's gets that synth's verdict: keyed on the
    // rule files by their paths and content (a digest remembered beside the verdicts while no file changes on
    // disk: lib/cache/file-tree-digest.ts), so the rule files are not even read.
    const cache = this.cache();
    const synthKey =
      cache !== undefined && this.engine !== undefined
        ? guardSynthKey({ engine: this.engine, rules: { dir: this.rulesDir, digest: rulesDigest(this.rulesDir, cache.dir) }, templates: context.templatePaths.map((p, i) => ({ path: p, body: bodies[i]! })) })
        : undefined;
    const stored = synthKey !== undefined ? cache!.get(synthKey, context.templatePaths.length) : undefined;
    if (stored !== undefined) {
      return { success: stored.success, violations: stored.violations.map((violation) => withTemplatePaths(violation, context.templatePaths)) };
    }
    const templates: GuardTemplate[] = context.templatePaths.map((templatePath, i) => ({
      path: templatePath,
      body: JSON.parse(bodies[i]!) as Record<string, unknown>,
    }));
    // No run at all when no template holds a resource any rule judges: every rule would SKIP.
    const runs = planGuardRuns(
      this.rules.map((rule) => rule.file),
      templates,
    ).map((run) => ({ rules: run.rules, sources: run.inputs.map((input) => input.path), data: run.inputs.map((input) => JSON.stringify(input.body)) }));

    const verdicts = this.cachedOrRun(runs, cache);
    const report = {
      success: verdicts.every((verdict) => verdict.success),
      violations: verdicts.flatMap((verdict, i) => verdict.violations.map((violation) => withTemplatePaths(violation, (runs[i] as PlannedRun).sources))),
    };
    if (synthKey !== undefined) {
      const index = new Map(context.templatePaths.map((p, i) => [p, i]));
      const violations = report.violations.map(({ violatingResources, ...rest }) => ({
        ...rest,
        violatingResources: violatingResources.map(({ templatePath, ...r }) => ({ ...r, input: index.get(templatePath as string) ?? -1 })),
      }));
      if (violations.every((v) => v.violatingResources.every((r) => r.input >= 0))) cache!.put(synthKey, { success: report.success, violations: violations as StoredViolation[] });
    }
    return report;
  }

  /** The verdict cache, or undefined when caching is off (or the engine cannot be identified). */
  private cache(): GuardVerdictCache | undefined {
    const dir = this.cacheDir === false || this.engine === undefined ? undefined : (this.cacheDir ?? guardCacheDir());
    return dir === undefined ? undefined : new GuardVerdictCache(dir);
  }

  /** Each run's verdict: remembered ones from the cache, the others from cfn-guard, side by side. */
  private cachedOrRun(runs: readonly PlannedRun[], cache: GuardVerdictCache | undefined): GuardVerdict[] {
    const sourceOf = new Map(this.rules.map((rule) => [rule.file.path, rule.source]));
    const looked = runs.map((run) => {
      if (cache === undefined || this.engine === undefined) return { run, verdict: undefined as GuardVerdict | undefined };
      const key = guardRunKey({ engine: this.engine, rules: run.rules.map((rule) => ({ path: rule.path, source: sourceOf.get(rule.path) as string })), inputs: [...run.data] });
      return { run, key, verdict: cache.get(key, run.data.length) as GuardVerdict | undefined };
    });
    // Longest first, so the last run to finish is a short one: cfn-guard's time grows with files × data.
    const missing = looked.filter((entry) => entry.verdict === undefined).sort((a, b) => weight(b.run) - weight(a.run));
    if (missing.length > 0) {
      const fresh = runGuard(
        missing.map(({ run }) => run),
        this.parallelism,
      );
      missing.forEach((entry, k) => {
        entry.verdict = fresh[k] as GuardVerdict;
        if (cache !== undefined && entry.key !== undefined) cache.put(entry.key, entry.verdict);
      });
    }
    return looked.map((entry) => entry.verdict as GuardVerdict);
  }
}

interface PlannedRun {
  rules: GuardRuleFile[];
  /** The template the synth wrote for each data file. */
  sources: string[];
  /** The cut-down templates handed to cfn-guard, serialised once (also the cache key's input). */
  data: string[];
}

function weight(run: PlannedRun): number {
  return run.rules.length * run.data.reduce((sum, body) => sum + body.length, 0);
}

interface GuardVerdict {
  success: boolean;
  violations: StoredViolation[];
}

/** A violation with each data-file index replaced by the template the synth wrote. */
function withTemplatePaths(violation: StoredViolation, sources: readonly string[]): PolicyViolationBeta1 {
  const { violatingResources, ...rest } = violation;
  return {
    ...rest,
    violatingResources: violatingResources.map(({ input, ...resource }) => ({ ...resource, templatePath: sources[input] as string })),
  };
}

/**
 * cfn-guard itself, through the unmodified validator, over data files in a private temporary directory;
 * each violation names the index of the data file (within its run) it was found in.
 */
function runGuard(runs: readonly PlannedRun[], parallelism: number | undefined): GuardVerdict[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closed-telework-guard-'));
  try {
    const indexOf = new Map<string, number>();
    const jobs = runs.map((run, r) => ({
      rules: run.rules.map((rule) => rule.path),
      data: run.data.map((body, i) => {
        const dataPath = path.join(dir, `${r}-${i}.template.json`);
        fs.writeFileSync(dataPath, body);
        indexOf.set(dataPath, i);
        return dataPath;
      }),
    }));
    return runGuardJobs(jobs, parallelism).map((report) => ({
      success: report.success,
      violations: report.violations.map(({ violatingResources, ...rest }) => ({
        ...rest,
        violatingResources: violatingResources.map(({ templatePath, resourceLogicalId, locations }) => {
          const input = indexOf.get(templatePath);
          if (input === undefined) throw new Error(`cfn-guard reported a violation in ${templatePath}, which is not one of the templates it was given`);
          return { resourceLogicalId, input, locations: [...locations] };
        }),
      })),
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
