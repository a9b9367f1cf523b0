/**
 * The text a reviewer reads first: one block per finding, the path as numbered hops, then what still
 * blocks, the citation, and a short summary with the reachability matrix and coverage notes.
 */
import type { Endpoint, Finding, Hop, ResourceRef } from '../checks/finding';
import type { VerifyResult } from '../checks';
import { citationText } from '../checks/citations';
import { pathWordsEn } from './i18n/hops.en';
import { findingWords } from './describe';
import { en } from './i18n/en';
import { coverageEn } from './i18n/coverage.en';

function res(r: ResourceRef): string {
  return `${r.stack}/${r.logicalId}${r.constructPath ? ` (${r.constructPath})` : ''}`;
}

export function endpointText(e: Endpoint): string {
  switch (e.kind) {
    case 'tier':
      return `${e.tier} tier${e.resource ? ` [${e.resource.stack}/${e.resource.logicalId}]` : ''}`;
    case 'internet':
      return 'the internet';
    case 'on-prem':
      return `${e.tier} on-premises network${e.cidr ? ` ${e.cidr}` : ''}`;
    case 'telework-clients':
      return `telework clients${e.tier ? ` (${e.tier})` : ''}`;
    case 'resource':
      return `${e.resource.type} ${e.resource.stack}/${e.resource.logicalId}`;
  }
}

function hopText(h: Hop, i: number): string {
  return `    ${String(i + 1).padStart(2)}. [${h.layer}] ${res(h.resource)} — ${pathWordsEn.hop(h.step)}${h.blocks ? '  ← BLOCKS' : ''}`;
}

export function findingText(f: Finding): string {
  const words = findingWords(f, en);
  const lines = [`${f.severity.toUpperCase()} ${f.rule}: ${words.title}`];
  if (f.path.length > 0 || f.from.kind !== 'resource') {
    const traffic = f.protocol ? `  ${f.protocol}${f.ports ? ` port ${f.ports.from === f.ports.to ? f.ports.from : `${f.ports.from}-${f.ports.to}`}` : ''}` : '';
    lines.push(`  from: ${endpointText(f.from)}  →  to: ${endpointText(f.to)}  (${f.direction})${traffic}`);
  }
  if (f.resource) lines.push(`  resource: ${f.resource.type} ${res(f.resource)}`);
  lines.push(`  ${words.message}`);
  if (f.path.length > 0) {
    lines.push('  path:');
    f.path.forEach((h, i) => lines.push(hopText(h, i)));
  }
  if (f.stillBlockedBy.length > 0) lines.push(`  still blocked by: ${f.stillBlockedBy.join(', ')} (defence in depth: fix the route anyway)`);
  if (f.citation) {
    lines.push(`  citation: ${citationText(f.citation, 'en')}`);
    lines.push(`  根拠: ${citationText(f.citation, 'ja')}`);
  }
  return lines.join('\n');
}

export function renderText(result: VerifyResult): string {
  const out: string[] = [];
  for (const f of result.findings) out.push(findingText(f), '');
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  out.push(
    result.findings.length === 0
      ? `OK: no finding — the tiers cannot reach one another in ${result.stats.templates} template(s), ${result.stats.resources} resources. 三層分離を確認しました。`
      : `${errors} error(s), ${warnings} warning(s) in ${result.stats.templates} template(s), ${result.stats.resources} resources.`,
  );
  const reachable = result.matrix.filter((c) => c.reachable);
  out.push('', 'Reachable endpoint pairs (everything else is unreachable):');
  for (const c of reachable) out.push(`  ${c.from} → ${c.to}${c.via === 'desktop-streaming' ? ' (screen transfer only)' : ''}`);
  if (reachable.length === 0) out.push('  (none)');
  if (result.sanctionedFlows.length > 0) {
    out.push('', 'Paths that exist only for a sanctioned exchange channel of the policy (reviewed, not findings):');
    for (const f of result.sanctionedFlows) out.push(`  ${pathWordsEn.place(f.from.name)} → ${pathWordsEn.place(f.to.name)}`);
  }
  out.push('', 'Not covered by the model:');
  for (const n of result.coverage) out.push(`  - ${coverageEn(n)}`);
  return `${out.join('\n')}\n`;
}
