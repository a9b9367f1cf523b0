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
 * A repeated synth of unchanged templates reuses each run's verdict for byte-identical inputs
 * (guard-verdict-cache.ts); `CLOSED_TELEWORK_GUARD_CACHE=off` turns that off.
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
import { guardCacheDir, guardRunKey, GuardVerdictCache, type StoredViolation } from './guard-verdict-cache';

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

/** Every rule file of a directory, read once per process (the rules ship inside node_modules and do not change). */
const analysed = new Map<string, { file: GuardRuleFile; source: string }[]>();
function readRules(dir: string): { file: GuardRuleFile; source: string }[] {
  let rules = analysed.get(dir);
  if (!rules) {
    rules = listRuleFiles(dir).map((file) => {
      const source = fs.readFileSync(file, 'utf8');
      return { file: analyseGuardRuleFile(file, source), source };
    });
    analysed.set(dir, rules);
  }
  return rules;
}

export function readRuleFiles(dir: string): GuardRuleFile[] {
  return readRules(dir).map((rule) => rule.file);
}

/** The cfn-guard binary the validator runs. */
export function guardBinary(validator: CfnGuardValidator = new CfnGuardValidator()): string | undefined {
  const binary = (validator as unknown as { guard?: unknown }).guard;
  return typeof binary === 'string' ? binary : undefined;
}

/** Rule directories other than the shipped one that cfn-guard has parsed in this process. */
const parsedDirs = new Set<string>();

/** A rule directory of the user's own is parsed once per process (see guard-rules-parse.ts for why). */
function checkOwnRulesParse(dir: string, files: readonly GuardRuleFile[], validator: CfnGuardValidator): void {
  const resolved = path.resolve(dir);
  if (resolved === path.resolve(CONTROL_TOWER_RULES_DIR) || parsedDirs.has(resolved)) return;
  const binary = guardBinary(validator);
  if (binary === undefined) throw new Error(`ControlTowerGuardRules: cannot find the cfn-guard binary to check the rule files in ${dir}`);
  assertGuardRulesParse(
    binary,
    files.map((file) => file.path),
  );
  parsedDirs.add(resolved);
}

/** The validator version and the binary's size and mtime; undefined (no caching) if the binary is not found. */
function engineIdentity(validator: CfnGuardValidator): string | undefined {
  const binary = guardBinary(validator);
  if (binary === undefined) return undefined;
  try {
    const stat = fs.statSync(binary);
    return `${validator.version ?? '?'} ${binary} ${stat.size} ${stat.mtimeMs}`;
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
  private readonly rules: { file: GuardRuleFile; source: string }[];
  private readonly engine: string | undefined;
  private readonly cacheDir: string | false | undefined;
  private readonly parallelism: number | undefined;

  constructor(props: ControlTowerGuardRulesProps = {}) {
    const full = new CfnGuardValidator();
    this.name = full.name;
    this.version = full.version;
    this.ruleIds = full.ruleIds;
    this.rules = readRules(props.rulesDir ?? CONTROL_TOWER_RULES_DIR);
    if (props.rulesDir !== undefined) checkOwnRulesParse(props.rulesDir, this.rules.map((rule) => rule.file), full);
    this.engine = engineIdentity(full);
    this.cacheDir = props.cacheDir;
    if (props.parallelism !== undefined && !(Number.isInteger(props.parallelism) && props.parallelism >= 1)) {
      throw new Error(`ControlTowerGuardRules: parallelism must be a whole number of 1 or more (got ${props.parallelism}); leave it out to use the machine's cores`);
    }
    this.parallelism = props.parallelism;
  }

  public validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const templates: GuardTemplate[] = context.templatePaths.map((templatePath) => ({
      path: templatePath,
      body: JSON.parse(fs.readFileSync(templatePath, 'utf8')) as Record<string, unknown>,
    }));
    // No run at all when no template holds a resource any rule judges: every rule would SKIP.
    const runs = planGuardRuns(
      this.rules.map((rule) => rule.file),
      templates,
    ).map((run) => ({ rules: run.rules, sources: run.inputs.map((input) => input.path), data: run.inputs.map((input) => JSON.stringify(input.body)) }));

    const verdicts = this.cachedOrRun(runs);
    return {
      success: verdicts.every((verdict) => verdict.success),
      violations: verdicts.flatMap((verdict, i) => verdict.violations.map((violation) => withTemplatePaths(violation, (runs[i] as PlannedRun).sources))),
    };
  }

  /** Each run's verdict: remembered ones from the cache, the others from cfn-guard, side by side. */
  private cachedOrRun(runs: readonly PlannedRun[]): GuardVerdict[] {
    const dir = this.cacheDir === false || this.engine === undefined ? undefined : (this.cacheDir ?? guardCacheDir());
    const cache = dir === undefined ? undefined : new GuardVerdictCache(dir);
    const sourceOf = new Map(this.rules.map((rule) => [rule.file.path, rule.source]));
    const keys = runs.map((run) =>
      cache === undefined ? undefined : guardRunKey({ engine: this.engine as string, rules: run.rules.map((rule) => ({ path: rule.path, source: sourceOf.get(rule.path) as string })), inputs: [...run.data] }),
    );
    const verdicts: (GuardVerdict | undefined)[] = runs.map((run, i) => (cache === undefined ? undefined : cache.get(keys[i] as string, run.data.length)));
    const missing = runs.flatMap((run, i) => (verdicts[i] === undefined ? [{ run, i }] : []));
    if (missing.length > 0) {
      // Longest first, so the last run to finish is a short one: cfn-guard's time grows with files × data.
      missing.sort((a, b) => weight(b.run) - weight(a.run));
      const fresh = runGuard(
        missing.map(({ run }) => run),
        this.parallelism,
      );
      missing.forEach(({ i }, k) => {
        verdicts[i] = fresh[k];
        if (cache !== undefined) cache.put(keys[i] as string, fresh[k] as GuardVerdict);
      });
    }
    return verdicts as GuardVerdict[];
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
