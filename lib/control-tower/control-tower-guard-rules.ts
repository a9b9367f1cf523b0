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
 * The real validator still runs cfn-guard and reads its results; this plugin only chooses its inputs, writes
 * the cut-down templates to a private temporary directory, and maps every violation back to the template
 * the synth wrote, so the core's report and construct paths are unchanged. It keeps the name
 * `cdk-validator-cfnguard`, so acknowledgements (`cdk-validator-cfnguard::<rule>`) do not change.
 *
 * A repeated synth of unchanged templates reuses cfn-guard's verdict for byte-identical inputs
 * (guard-verdict-cache.ts); `CLOSED_TELEWORK_GUARD_CACHE=off` turns that off.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1, PolicyViolationBeta1 } from 'aws-cdk-lib';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { analyseGuardRuleFile, type GuardRuleFile } from './guard-rule-file';
import { planGuardRun, type GuardTemplate } from './guard-input';
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

/** The validator version and the binary's size and mtime; undefined (no caching) if the binary is not found. */
function engineIdentity(validator: CfnGuardValidator): string | undefined {
  const binary = (validator as unknown as { guard?: unknown }).guard;
  if (typeof binary !== 'string') return undefined;
  try {
    const stat = fs.statSync(binary);
    return `${validator.version ?? '?'} ${binary} ${stat.size} ${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
}

export interface ControlTowerGuardRulesProps {
  /** @default the Control Tower rules shipped in @cdklabs/cdk-validator-cfnguard */
  readonly rulesDir?: string;
  /**
   * Where cfn-guard verdicts are remembered; `false` never caches.
   * @default `CLOSED_TELEWORK_GUARD_CACHE`, else node_modules/.cache/closed-telework/cfn-guard (see guard-verdict-cache.ts)
   */
  readonly cacheDir?: string | false;
}

export class ControlTowerGuardRules implements IPolicyValidationPluginBeta1 {
  /** Same name as CfnGuardValidator, so acknowledgement ids and reports do not change. */
  public readonly name: string;
  public readonly version?: string;
  public readonly ruleIds?: string[];
  private readonly rules: { file: GuardRuleFile; source: string }[];
  private readonly engine: string | undefined;
  private readonly cacheDir: string | false | undefined;

  constructor(props: ControlTowerGuardRulesProps = {}) {
    const full = new CfnGuardValidator();
    this.name = full.name;
    this.version = full.version;
    this.ruleIds = full.ruleIds;
    this.rules = readRules(props.rulesDir ?? CONTROL_TOWER_RULES_DIR);
    this.engine = engineIdentity(full);
    this.cacheDir = props.cacheDir;
  }

  public validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const templates: GuardTemplate[] = context.templatePaths.map((templatePath) => ({
      path: templatePath,
      body: JSON.parse(fs.readFileSync(templatePath, 'utf8')) as Record<string, unknown>,
    }));
    const run = planGuardRun(
      this.rules.map((rule) => rule.file),
      templates,
    );
    if (run.inputs.length === 0) {
      // No template holds a resource any rule judges: every rule would SKIP.
      return { success: true, violations: [] };
    }

    const data = run.inputs.map((input) => JSON.stringify(input.body));
    const verdict = this.cachedOrRun(run.rules, data, context);
    const sources = run.inputs.map((input) => input.path);
    return { success: verdict.success, violations: verdict.violations.map((violation) => withTemplatePaths(violation, sources)) };
  }

  private cachedOrRun(rules: readonly GuardRuleFile[], data: readonly string[], context: IPolicyValidationContextBeta1): GuardVerdict {
    const dir = this.cacheDir === false ? undefined : (this.cacheDir ?? guardCacheDir());
    if (dir === undefined || this.engine === undefined) return runGuard(rules, data, context);
    const sourceOf = new Map(this.rules.map((rule) => [rule.file.path, rule.source]));
    const key = guardRunKey({ engine: this.engine, rules: rules.map((rule) => ({ path: rule.path, source: sourceOf.get(rule.path) as string })), inputs: [...data] });
    const cache = new GuardVerdictCache(dir);
    const stored = cache.get(key, data.length);
    if (stored) return stored;
    const verdict = runGuard(rules, data, context);
    cache.put(key, verdict);
    return verdict;
  }
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
 * each violation names the index of the data file it was found in.
 */
function runGuard(rules: readonly GuardRuleFile[], data: readonly string[], context: IPolicyValidationContextBeta1): GuardVerdict {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closed-telework-guard-'));
  try {
    const indexOf = new Map<string, number>();
    const dataPaths = data.map((body, i) => {
      const dataPath = path.join(dir, `${i}.template.json`);
      fs.writeFileSync(dataPath, body);
      indexOf.set(dataPath, i);
      return dataPath;
    });
    const validator = new CfnGuardValidator({ controlTowerRulesEnabled: false, rules: rules.map((rule) => rule.path) });
    const report = validator.validate({ ...context, templatePaths: dataPaths });
    const violations = report.violations.map(({ violatingResources, ...rest }) => ({
      ...rest,
      violatingResources: violatingResources.map(({ templatePath, resourceLogicalId, locations }) => {
        const input = indexOf.get(templatePath);
        if (input === undefined) throw new Error(`cfn-guard reported a violation in ${templatePath}, which is not one of the templates it was given`);
        return { resourceLogicalId, input, locations: [...locations] };
      }),
    }));
    return { success: report.success, violations };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
