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
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1 } from 'aws-cdk-lib';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { analyseGuardRuleFile, type GuardRuleFile } from './guard-rule-file';
import { planGuardRun, type GuardTemplate } from './guard-input';

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
const analysed = new Map<string, GuardRuleFile[]>();
export function readRuleFiles(dir: string): GuardRuleFile[] {
  let files = analysed.get(dir);
  if (!files) {
    files = listRuleFiles(dir).map((file) => analyseGuardRuleFile(file, fs.readFileSync(file, 'utf8')));
    analysed.set(dir, files);
  }
  return files;
}

export class ControlTowerGuardRules implements IPolicyValidationPluginBeta1 {
  /** Same name as CfnGuardValidator, so acknowledgement ids and reports do not change. */
  public readonly name: string;
  public readonly version?: string;
  public readonly ruleIds?: string[];
  private readonly ruleFiles: GuardRuleFile[];

  constructor(rulesDir: string = CONTROL_TOWER_RULES_DIR) {
    const full = new CfnGuardValidator();
    this.name = full.name;
    this.version = full.version;
    this.ruleIds = full.ruleIds;
    this.ruleFiles = readRuleFiles(rulesDir);
  }

  public validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const templates: GuardTemplate[] = context.templatePaths.map((templatePath) => ({
      path: templatePath,
      body: JSON.parse(fs.readFileSync(templatePath, 'utf8')) as Record<string, unknown>,
    }));
    const run = planGuardRun(this.ruleFiles, templates);
    if (run.inputs.length === 0) {
      // No template holds a resource any rule judges: every rule would SKIP.
      return { success: true, violations: [] };
    }

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closed-telework-guard-'));
    try {
      // Numbered names: two stacks in different Stages may share a template file name.
      const sourceOf = new Map<string, string>();
      const dataPaths = run.inputs.map((input, i) => {
        const dataPath = path.join(dir, `${i}-${path.basename(input.path)}`);
        fs.writeFileSync(dataPath, JSON.stringify(input.body));
        sourceOf.set(dataPath, input.path);
        return dataPath;
      });
      const validator = new CfnGuardValidator({ controlTowerRulesEnabled: false, rules: run.rules.map((rule) => rule.path) });
      const report = validator.validate({ ...context, templatePaths: dataPaths });
      for (const violation of report.violations) {
        for (const resource of violation.violatingResources) {
          const source = sourceOf.get(resource.templatePath);
          if (source === undefined) {
            throw new Error(`cfn-guard reported a violation in ${resource.templatePath}, which is not one of the templates it was given`);
          }
          (resource as { templatePath: string }).templatePath = source;
        }
      }
      return report;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
