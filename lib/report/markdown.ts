/**
 * The reviewer's report as Markdown (for a pull request, a wiki, or printing): verdict, tier matrix with
 * evidence, numbered findings with their paths, acknowledgements, coverage gaps, manual checklist.
 * The SVG diagram is linked, not inlined, because Markdown viewers drop inline SVG.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import { reasonIn } from '../bilingual/reason';
import { citationText } from '../checks/citations';
import { cellDisplay, cellEvidence, counts, endLabel, endpointLabel, findingWords, hopLine, resourceLabel, threeAnswers, trafficLabel } from './describe';
import { messagesFor, type Lang } from './i18n';
import { endKey, MATRIX_ENDS, reportPasses, type ReportInput } from './report-input';
import { costSectionMarkdown } from './cost-section';
import { recordBodyMarkdown, recordHeaderMarkdown } from './record/render';

export interface MarkdownOptions {
  lang: Lang;
  /** Relative path of the diagram SVG written next to the report, if any. */
  diagramFile?: string;
}

/** Escape text for a Markdown table cell or inline text: pipes split cells, newlines end rows. */
export function mdEscape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\r?\n/g, ' ');
}

export function renderMarkdown(input: ReportInput, options: MarkdownOptions): string {
  const m = messagesFor(options.lang);
  const out: string[] = [];
  const pass = reportPasses(input);

  out.push(`# ${m.title}`, '');
  out.push(`${m.generatedAt(input.generatedAt)}`, '', m.basis, '');
  out.push(`**${pass ? m.verdictPass : m.verdictFail}**`, '');
  out.push(m.summary(counts(input)), '');
  if (input.sources.length > 0) {
    out.push(`${m.sources}${m.punct.colon.trim()}`, '');
    for (const source of input.sources) out.push(`- \`${source}\``);
    out.push('');
  }
  out.push(...recordHeaderMarkdown(input, options.lang));

  // Matrix: a compact table of verdicts, then the evidence cell by cell.
  out.push(`## ${m.matrixHeading}`, '', m.matrixIntro, '', `**${mdEscape(m.answers(threeAnswers(input)))}**`, '');
  const cellFor = new Map(input.matrix.map((c) => [`${endKey(c.from)}>${endKey(c.to)}`, c]));
  out.push(`| ${mdEscape(m.matrixCorner)} | ${MATRIX_ENDS.map((e) => mdEscape(endLabel(e, m))).join(' | ')} |`);
  out.push(`|---|${MATRIX_ENDS.map(() => '---').join('|')}|`);
  for (const from of MATRIX_ENDS) {
    const row = MATRIX_ENDS.map((to) => {
      if (endKey(from) === endKey(to)) return '—';
      const cell = cellFor.get(`${endKey(from)}>${endKey(to)}`);
      // A pair the engine did not report is not a pass: fail closed and say so.
      return m.displaySymbol[cellDisplay(cell)];
    });
    out.push(`| **${mdEscape(endLabel(from, m))}** | ${row.join(' | ')} |`);
  }
  out.push('', m.legend, '');
  out.push(`### ${m.evidenceHeading}`, '');
  for (const from of MATRIX_ENDS) {
    for (const to of MATRIX_ENDS) {
      if (endKey(from) === endKey(to)) continue;
      const cell = cellFor.get(`${endKey(from)}>${endKey(to)}`);
      const head = `- **${mdEscape(endLabel(from, m))} → ${mdEscape(endLabel(to, m))}**${m.punct.colon}${m.displaySymbol[cellDisplay(cell)]}`;
      out.push(head);
      for (const line of cell ? cellEvidence(cell, m) : [m.evidenceNone]) out.push(`  - ${mdEscape(line)}`);
    }
  }
  out.push('');

  if (options.diagramFile) {
    out.push(`## ${m.diagramHeading}`, '', `![${mdEscape(m.diagramTitle)}](${options.diagramFile})`, '');
  }

  out.push(`## ${m.findingsHeading}`, '');
  if (input.findings.length === 0) out.push(m.noFindings, '');
  input.findings.forEach((f, i) => {
    const words = findingWords(f, m);
    out.push(`### #${i + 1} [${m.severity[f.severity]}] ${mdEscape(words.title)}`, '');
    out.push(`- ${m.rule}${m.punct.colon}\`${f.rule}\``);
    out.push(`- ${m.fromTo}${m.punct.colon}${mdEscape(endpointLabel(f.from, m))} → ${mdEscape(endpointLabel(f.to, m))}${m.punct.paren(m.direction[f.direction])}`);
    out.push(`- ${m.ports}${m.punct.colon}${mdEscape(trafficLabel(f, m))}`);
    if (f.resource) out.push(`- ${m.resourceLabel}${m.punct.colon}\`${mdEscape(resourceLabel(f.resource))}\``);
    const cite = citationText(f.citation, options.lang);
    if (cite) out.push(`- ${m.citation}${m.punct.colon}${mdEscape(cite)}`);
    if (f.path.length > 0) {
      out.push(`- ${m.stillBlockedBy}${m.punct.colon}${f.stillBlockedBy.length > 0 ? f.stillBlockedBy.map((l) => m.layer[l]).join(m.punct.listSep) : m.nothingBlocks}`);
      out.push('', `${m.path}${m.punct.colon.trim()}`, '');
      f.path.forEach((hop, h) => out.push(mdEscape(hopLine(hop, h, m))));
    }
    out.push('', mdEscape(words.message), '');
  });

  out.push(`## ${m.acksHeading}`, '', m.acksIntro, '');
  if (input.acknowledgements.length === 0) {
    out.push(m.noAcks, '');
  } else {
    out.push(`| ${m.ackPack} | ${m.ackRule} | ${m.ackReason} | ${m.ackAt} | ${m.ackSuppressed} |`, '|---|---|---|---|---|');
    for (const a of input.acknowledgements) {
      const reason = a.refused ? `**${m.ackRefused}** — ${reasonIn(a.reason, options.lang)}` : reasonIn(a.reason, options.lang);
      out.push(`| ${mdEscape(a.pack)} | \`${mdEscape(a.ruleId)}\` | ${mdEscape(reason)} | \`${mdEscape(a.acknowledgedAt)}\` | ${a.suppressed.map((s) => `\`${mdEscape(s)}\``).join('<br>')} |`);
    }
    out.push('');
  }

  out.push(`## ${m.coverageHeading}`, '');
  if (input.coverage.length === 0) {
    out.push(m.noCoverageNotes, '');
  } else {
    out.push(m.coverageIntro, '');
    for (const note of input.coverage) out.push(`- ${mdEscape(m.coverageNote(note))}`);
    out.push('');
  }

  // Logging, egress, links, the telework path, automated controls and the manual checklist (lib/report/record).
  out.push(...recordBodyMarkdown(input, options.lang));
  if (input.cost) out.push(...costSectionMarkdown(input.cost, options.lang));
  return out.join('\n');
}
