/**
 * The text a reviewer reads first (`closed-telework verify`, `--lang en|ja`): one block per finding, the
 * path as numbered hops, then what still blocks, the citation, and a short summary with the reachability
 * matrix and coverage notes. Every word comes from the message catalogue in the reader's language:
 * findings, hops and coverage from the shared catalogues, the frame from i18n/verify-text.ts.
 */
import type { Finding, Hop, ResourceRef } from '../checks/finding';
import type { VerifyResult } from '../checks';
import { findingWords } from './describe';
import { messagesFor, type Lang } from './i18n';
import { verifyTextWords } from './i18n/verify-text';

function res(r: ResourceRef): string {
  return `${r.stack}/${r.logicalId}${r.constructPath ? ` (${r.constructPath})` : ''}`;
}

export function findingText(f: Finding, lang: Lang = 'en'): string {
  const m = messagesFor(lang);
  const t = verifyTextWords(lang);
  const words = findingWords(f, m);
  const lines = [t.headline(f.severity, f.rule, words.title)];
  if (f.path.length > 0 || f.from.kind !== 'resource') {
    lines.push(`  ${t.fromTo(t.endpoint(f.from), t.endpoint(f.to), f.direction, f.protocol, f.ports)}`);
  }
  if (f.resource) lines.push(`  ${t.resource(f.resource.type, res(f.resource))}`);
  lines.push(`  ${words.message}`);
  if (f.path.length > 0) {
    lines.push(`  ${t.path}`);
    f.path.forEach((h: Hop, i) => lines.push(`    ${String(i + 1).padStart(2)}. [${t.layer(h.layer)}] ${res(h.resource)} — ${m.words.hop(h.step)}${h.blocks ? t.blocks : ''}`));
  }
  if (f.stillBlockedBy.length > 0) lines.push(`  ${t.stillBlockedBy(f.stillBlockedBy)}`);
  if (f.citation) lines.push(`  ${t.citation(f.citation)}`);
  return lines.join('\n');
}

export function renderText(result: VerifyResult, lang: Lang = 'en'): string {
  const m = messagesFor(lang);
  const t = verifyTextWords(lang);
  const out: string[] = [];
  for (const f of result.findings) out.push(findingText(f, lang), '');
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  out.push(result.findings.length === 0 ? t.ok(result.stats.templates, result.stats.resources) : t.counts(errors, warnings, result.stats.templates, result.stats.resources));
  const reachable = result.matrix.filter((c) => c.reachable);
  out.push('', t.reachableHeading);
  for (const c of reachable) out.push(`  ${t.pair(c.from, c.to, c.via === 'desktop-streaming')}`);
  if (reachable.length === 0) out.push(`  ${t.none}`);
  if (result.sanctionedFlows.length > 0) {
    out.push('', t.sanctionedHeading);
    for (const f of result.sanctionedFlows) out.push(`  ${m.words.place(f.from.name)} → ${m.words.place(f.to.name)}`);
  }
  out.push('', t.coverageHeading);
  for (const n of result.coverage) out.push(`  - ${m.coverageNote(n)}`);
  return `${out.join('\n')}\n`;
}

/** The text output's line for templates that hold no network at all (nothing was proven). */
export function nothingToVerifyText(lang: Lang): string {
  return verifyTextWords(lang).nothingToVerify;
}
