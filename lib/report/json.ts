/**
 * Machine-readable output of `verify --format json`: `findings` (each with at least rule, severity,
 * from, to and path), the reachability matrix, coverage notes and stats. Stable field names.
 */
import type { VerifyResult } from '../checks';
import { citationText } from '../checks/citations';
import type { Hop } from '../model/path';
import { pathWordsEn } from './i18n/hops.en';
import { findingWords } from './describe';
import { en } from './i18n/en';
import { coverageEn } from './i18n/coverage.en';

export const JSON_FORMAT_VERSION = 1;

/**
 * Hops as the JSON has always written them: `description` is the step worded in English (the engine's
 * historical wording, lib/report/i18n/hops.en.ts), so machine readers see no change; `blocks` only where set.
 */
function hopsJson(hops: readonly Hop[]): unknown[] {
  return hops.map((h) => ({ layer: h.layer, resource: h.resource, description: pathWordsEn.hop(h.step), ...(h.blocks !== undefined ? { blocks: h.blocks } : {}) }));
}

export function toJson(result: VerifyResult): unknown {
  return {
    formatVersion: JSON_FORMAT_VERSION,
    summary: {
      errors: result.findings.filter((f) => f.severity === 'error').length,
      warnings: result.findings.filter((f) => f.severity === 'warning').length,
      templates: result.stats.templates,
      resources: result.stats.resources,
    },
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      title: findingWords(f, en).title,
      message: findingWords(f, en).message,
      from: f.from,
      to: f.to,
      direction: f.direction,
      ...(f.protocol ? { protocol: f.protocol } : {}),
      ...(f.ports ? { ports: f.ports } : {}),
      path: hopsJson(f.path),
      stillBlockedBy: f.stillBlockedBy,
      ...(f.resource ? { resource: f.resource } : {}),
      // The key is stable (like a rule id); the text is for people, in both languages.
      ...(f.citation ? { citation: f.citation, citationText: { en: citationText(f.citation, 'en'), ja: citationText(f.citation, 'ja') } } : {}),
    })),
    matrix: result.matrix.map((c) => ({ from: c.from, to: c.to, reachable: c.reachable, routeConnected: c.routeConnected, blockedBy: c.blockedBy, ...(c.via ? { via: c.via } : {}), witness: hopsJson(c.witness) })),
    sanctioned: result.sanctionedFlows.map((f) => ({ fromClass: f.fromClass, toClass: f.toClass, from: pathWordsEn.place(f.from.name), to: pathWordsEn.place(f.to.name), path: hopsJson(f.hops) })),
    coverage: result.coverage.map(coverageEn),
    sources: result.sources,
  };
}

export function renderJson(result: VerifyResult): string {
  return `${JSON.stringify(toJson(result), null, 2)}\n`;
}
