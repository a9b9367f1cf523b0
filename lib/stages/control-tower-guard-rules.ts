/**
 * The Control Tower proactive controls (cfn-guard) limited to the rule files that can apply to the app.
 *
 * Why: `CfnGuardValidator` hands all 237 rule files to one cfn-guard process; on the example app that was
 * the largest part of synth time (about 11 s of guard against about 1 s for the rest of the synth). A guard
 * rule selects resources by their literal `AWS::Service::Type`; when no resource of those types is in any
 * template it can only SKIP, never report. So running only the files that name a present type gives the
 * same violations (a test checks parity against the full rule set on the example app).
 *
 * Fail closed: a rule file naming no literal type is always run, and the plugin keeps the name
 * `cdk-validator-cfnguard`, so acknowledgements (`cdk-validator-cfnguard::<rule>`) and the report are
 * unchanged.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IPolicyValidationContextBeta1, IPolicyValidationPluginBeta1, PolicyValidationPluginReportBeta1 } from 'aws-cdk-lib';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';

const RESOURCE_TYPE = /AWS::[A-Za-z0-9]+::[A-Za-z0-9]+/g;

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

/** The resource types a CloudFormation template declares (nested stacks come as their own templates). */
export function templateResourceTypes(templatePath: string): Set<string> {
  const template = JSON.parse(fs.readFileSync(templatePath, 'utf8')) as { Resources?: Record<string, { Type?: unknown }> };
  const types = new Set<string>();
  for (const resource of Object.values(template.Resources ?? {})) {
    if (typeof resource?.Type === 'string') types.add(resource.Type);
  }
  return types;
}

/** The rule files that can apply: those naming a present type, and those naming none (fail closed). */
export function applicableRuleFiles(ruleFiles: readonly string[], presentTypes: ReadonlySet<string>): string[] {
  return ruleFiles.filter((file) => {
    const named = fs.readFileSync(file, 'utf8').match(RESOURCE_TYPE);
    return named === null || named.some((type) => presentTypes.has(type));
  });
}

export class ControlTowerGuardRules implements IPolicyValidationPluginBeta1 {
  /** Same name as CfnGuardValidator, so acknowledgement ids and reports do not change. */
  public readonly name: string;
  public readonly version?: string;
  public readonly ruleIds?: string[];
  private readonly ruleFiles: string[];

  constructor(rulesDir: string = CONTROL_TOWER_RULES_DIR) {
    const full = new CfnGuardValidator();
    this.name = full.name;
    this.version = full.version;
    this.ruleIds = full.ruleIds;
    this.ruleFiles = listRuleFiles(rulesDir);
  }

  public validate(context: IPolicyValidationContextBeta1): PolicyValidationPluginReportBeta1 {
    const present = new Set<string>();
    for (const templatePath of context.templatePaths) {
      for (const type of templateResourceTypes(templatePath)) present.add(type);
    }
    const rules = applicableRuleFiles(this.ruleFiles, present);
    if (rules.length === 0) {
      // Every rule names types the app does not have: each would SKIP.
      return { success: true, violations: [] };
    }
    return new CfnGuardValidator({ controlTowerRulesEnabled: false, rules }).validate(context);
  }
}
