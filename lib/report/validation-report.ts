/**
 * Reads the acknowledgements of every pack from a cloud assembly's validation-report.json (written by the
 * CDK after all validation plugins ran): each suppressed violation with its reason, where it was
 * acknowledged, and what it suppressed; and our pack's refusals (TIER-ACK-REFUSED violations).
 * Pure TypeScript (node:fs only): no aws-cdk-lib import.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Acknowledgement } from './report-input';

export const VALIDATION_REPORT_FILE = 'validation-report.json';

interface ViolatingConstructJson {
  constructPath?: string;
}

interface ViolationJson {
  ruleName?: string;
  ruleMetadata?: Record<string, string>;
  violatingConstructs?: ViolatingConstructJson[];
  acknowledgedId?: string;
  reason?: string;
  acknowledgedAt?: string;
}

interface ValidationReportJson {
  pluginReports?: { pluginName?: string; violations?: ViolationJson[]; suppressedViolations?: ViolationJson[] }[];
}

export class ValidationReportError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem} / ${file}: 検証レポートを読み込めません。cdk synth をやり直してください。`);
    this.name = 'ValidationReportError';
  }
}

/** The pack namespace the CDK uses for a plugin name (spaces become dashes). */
function namespaceOf(pluginName: string): string {
  return pluginName.replace(/ /g, '-');
}

export function acknowledgementsFromReport(json: unknown, file: string): Acknowledgement[] {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as ValidationReportJson).pluginReports)) {
    throw new ValidationReportError(file, 'not a CDK validation report (no pluginReports array).');
  }
  const byKey = new Map<string, Acknowledgement>();
  for (const plugin of (json as ValidationReportJson).pluginReports ?? []) {
    const pack = namespaceOf(plugin.pluginName ?? '(unnamed plugin)');
    for (const s of plugin.suppressedViolations ?? []) {
      const ruleId = s.acknowledgedId?.includes('::') ? s.acknowledgedId.slice(s.acknowledgedId.indexOf('::') + 2) : (s.ruleName ?? '(unknown rule)');
      const at = s.acknowledgedAt ?? '';
      const key = `${pack}\u0000${ruleId}\u0000${at}`;
      const ack = byKey.get(key) ?? { pack, ruleId, reason: s.reason ?? '', acknowledgedAt: at, suppressed: [] };
      for (const c of s.violatingConstructs ?? []) if (c.constructPath && !ack.suppressed.includes(c.constructPath)) ack.suppressed.push(c.constructPath);
      byKey.set(key, ack);
    }
    for (const v of plugin.violations ?? []) {
      if (v.ruleName !== 'TIER-ACK-REFUSED') continue;
      const id = v.ruleMetadata?.acknowledgedId ?? '';
      const ruleId = id.includes('::') ? id.slice(id.indexOf('::') + 2) : id;
      const at = v.violatingConstructs?.[0]?.constructPath ?? '';
      byKey.set(`refused\u0000${ruleId}\u0000${at}`, { pack, ruleId, reason: v.ruleMetadata?.reason ?? '', acknowledgedAt: at, suppressed: [], refused: true });
    }
  }
  return [...byKey.values()];
}

/** The acknowledgements recorded in `<assemblyDir>/validation-report.json`, or none when the file is absent. */
export function readAcknowledgements(assemblyDir: string): Acknowledgement[] {
  const file = path.join(assemblyDir, VALIDATION_REPORT_FILE);
  if (!fs.existsSync(file)) return [];
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ValidationReportError(file, `not valid JSON (${(err as Error).message}).`);
  }
  return acknowledgementsFromReport(json, file);
}
