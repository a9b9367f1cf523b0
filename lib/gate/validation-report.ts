/**
 * The CDK's validation report (`<cloud assembly>/validation-report.json`) as the gate reads it: what every
 * registered pack found, after the CDK applied the acknowledgements (`Validations.of(x).acknowledge`).
 * The CDK writes it on every synth that has a pack registered, whatever the CLI asked for, so the gate
 * judges the same file the CLI would — but for EVERY stack, not only the selected ones.
 *
 * Pure TypeScript (node:fs only): no aws-cdk-lib import.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The file name the CDK uses inside the cloud assembly (cx-api VALIDATION_REPORT_FILE). */
export const VALIDATION_REPORT_FILE = 'validation-report.json';

export interface ReportedConstruct {
  constructPath?: string;
  constructFqn?: string;
  cloudFormationResource?: { templatePath?: string; logicalId?: string };
}

export interface ReportedViolation {
  ruleName: string;
  description: string;
  suggestedFix?: string;
  severity?: string;
  ruleMetadata?: Record<string, string>;
  violatingConstructs?: ReportedConstruct[];
}

export interface PluginReport {
  pluginName: string;
  pluginVersion?: string;
  conclusion: 'success' | 'failure' | string;
  violations: ReportedViolation[];
  suppressedViolations?: (ReportedViolation & { reason?: string })[];
}

export interface ValidationReport {
  version?: string;
  pluginReports: PluginReport[];
}

/** Reads the report the CDK wrote into `assemblyDir`; undefined when there is none (no pack ran). */
export function readValidationReport(assemblyDir: string): ValidationReport | undefined {
  const file = path.join(assemblyDir, VALIDATION_REPORT_FILE);
  if (!fs.existsSync(file)) return undefined;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<ValidationReport>;
  if (!Array.isArray(parsed.pluginReports)) {
    throw new Error(`${file} has no pluginReports array: not a CDK validation report`);
  }
  return { ...(parsed.version ? { version: parsed.version } : {}), pluginReports: parsed.pluginReports };
}
