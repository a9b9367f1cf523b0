/**
 * The reviewer's report as one self-contained HTML file (inline CSS and inline SVG diagram, no scripts,
 * nothing fetched), so it can be mailed, archived and opened on a closed network.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import { citationText } from '../checks/citations';
import { reasonIn } from '../bilingual/reason';
import { cellDisplay, cellEvidence, counts, endLabel, endpointLabel, findingWords, hopLine, resourceLabel, threeAnswers, trafficLabel } from './describe';
import { renderDiagramSvg, xmlEscape as esc } from './diagram-svg';
import { messagesFor, type Lang } from './i18n';
import { endKey, MATRIX_ENDS, reportPasses, type ReportInput } from './report-input';
import { costSectionHtml } from './cost-section';
import { recordBodySections } from './record/record-document';
import { recordHeaderSections, recordSectionHtml } from './record/render';
import { recordMessagesFor } from './i18n/record';

const STYLE = `
body{font-family:"Hiragino Sans","Noto Sans JP","Yu Gothic",sans-serif;margin:2em;max-width:1200px;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #999;padding:4px 8px;vertical-align:top;font-size:13px}
th{background:#eee}.isolated{background:#e8f5e9}.permitted{background:#e3f2fd}td:has(>details[data-display="same-tier"]){background:#f5f5f5}td:has(>details[data-display="reachable"]){background:#fff8e1}.violation{background:#ffcdd2;font-weight:bold}
.unresolved{background:#ffe0b2;font-weight:bold}.pass{color:#2e7d32}.fail{color:#c62828}
ol.path li{font-family:monospace;font-size:12px}.refused{color:#c62828;font-weight:bold}
details{margin:.2em 0}summary{cursor:pointer}.finding{border-left:4px solid #c62828;padding-left:1em;margin:1em 0}
.finding.warning{border-color:#ef6c00}
.caution{border:2px solid #ef6c00;background:#fff3e0;padding:.5em .8em;margin:.6em 0}.caution strong{color:#bf360c;margin-right:.5em}
.record-table td,.record-table th{text-align:left;overflow-wrap:anywhere}#provenance-table th{white-space:nowrap}#signature-table td{height:2.6em;min-width:7em}
#logging-table td:nth-child(4),#links-table td:nth-child(3){white-space:nowrap}ol.telework-path li{margin:.2em 0}.telework-verdict th{white-space:nowrap;width:6em}
#checklist-table{table-layout:fixed;width:100%}#checklist-table th:nth-child(1){width:2.5em}#checklist-table th:nth-child(2){width:17%}#checklist-table th:nth-child(4){width:2.5em}
#checklist-table th:nth-child(5),#checklist-table th:nth-child(6),#checklist-table th:nth-child(7){width:9%}#checklist-table th:nth-child(8){width:12%}
.diagram{overflow-x:auto}.diagram>svg{max-width:none}
#acknowledgements{table-layout:fixed;width:100%}#acknowledgements td{overflow-wrap:anywhere}#acknowledgements code{word-break:break-all}
#acknowledgements th:nth-child(1){width:10%}#acknowledgements th:nth-child(2){width:10%}#acknowledgements th:nth-child(4){width:14%}#acknowledgements th:nth-child(5){width:12%}#acknowledgements th:nth-child(n+6){width:6%}
@page{size:A4;margin:14mm 12mm 16mm;@bottom-center{content:counter(page) " / " counter(pages);font-size:9pt;color:#555}}
@page matrix{size:A4 landscape}
@page diagram{size:A4 landscape;margin:8mm 10mm 12mm}
@media print{body{margin:0;max-width:none;font-size:10pt}td,th{font-size:8pt;padding:2px 3px}summary{cursor:auto}
table,.finding,li{break-inside:avoid}h2,h3{break-after:avoid}td>details{display:none}td>.on-paper,#cell-evidence{display:block}ul.cell-evidence>li{margin:.3em 0}ul.cell-evidence li li{font-size:8.5pt}
#matrix-section{page:matrix}#diagram-section{page:diagram}#diagram-section>h2{margin:0 0 2mm}.diagram{overflow:visible}.diagram>svg{max-width:none!important}#matrix{table-layout:fixed;width:100%}#matrix td,#matrix th{font-size:8pt;overflow-wrap:anywhere}
table.record-table,#matrix{break-inside:auto;width:100%}table.record-table tr,#matrix tr{break-inside:avoid}.caution{break-inside:avoid}#record-signature,#record-signature table.record-table{break-inside:avoid}table#acknowledgements{break-inside:auto}#acknowledgements tr{break-inside:avoid}}
@media screen{td>.on-paper,#cell-evidence{display:none}}
`;

export function renderHtml(input: ReportInput, options: { lang: Lang }): string {
  const m = messagesFor(options.lang);
  const pass = reportPasses(input);
  const o: string[] = [];
  o.push('<!DOCTYPE html>', `<html lang="${options.lang}">`, '<head><meta charset="utf-8">');
  o.push(`<title>${esc(m.title)}</title><style>${STYLE}</style></head><body>`);
  o.push(`<h1>${esc(m.title)}</h1>`, `<p>${esc(m.generatedAt(input.generatedAt))}</p>`, `<p class="basis">${esc(m.basis)}</p>`);
  o.push(`<p class="${pass ? 'pass' : 'fail'}" id="verdict"><strong>${esc(pass ? m.verdictPass : m.verdictFail)}</strong></p>`);
  o.push(`<p>${esc(m.summary(counts(input)))}</p>`);
  if (input.sources.length > 0) {
    o.push(`<p>${esc(m.sources)}${esc(m.punct.colon.trim())}</p><ul>${input.sources.map((s) => `<li><code>${esc(s)}</code></li>`).join('')}</ul>`);
  }
  for (const section of recordHeaderSections(input, options.lang)) o.push(recordSectionHtml(section, options.lang, esc));

  o.push(`<section id="matrix-section"><h2>${esc(m.matrixHeading)}</h2><p>${esc(m.matrixIntro)}</p>`, `<p class="answers"><strong>${esc(m.answers(threeAnswers(input)))}</strong></p>`);
  const cellFor = new Map(input.matrix.map((c) => [`${endKey(c.from)}>${endKey(c.to)}`, c]));
  const paper: string[] = [];
  o.push('<table id="matrix"><tr>', `<th>${esc(m.matrixCorner)}</th>`);
  for (const to of MATRIX_ENDS) o.push(`<th>${esc(endLabel(to, m))}</th>`);
  o.push('</tr>');
  for (const from of MATRIX_ENDS) {
    o.push(`<tr><th>${esc(endLabel(from, m))}</th>`);
    for (const to of MATRIX_ENDS) {
      if (endKey(from) === endKey(to)) {
        o.push('<td>—</td>');
        continue;
      }
      const cell = cellFor.get(`${endKey(from)}>${endKey(to)}`);
      const verdict = cell ? cell.verdict : 'unresolved';
      const evidence = cell ? cellEvidence(cell, m) : [m.evidenceNone];
      o.push(`<td class="${verdict}" data-from="${esc(endKey(from))}" data-to="${esc(endKey(to))}"><details data-display="${cellDisplay(cell)}"><summary>${esc(m.displaySymbol[cellDisplay(cell)])}</summary>${evidence.map((l) => `<div>${esc(l)}</div>`).join('')}</details><div class="on-paper"><strong>${esc(m.displaySymbol[cellDisplay(cell)])}</strong></div></td>`);
      paper.push(`<li><strong>${esc(endLabel(from, m))} → ${esc(endLabel(to, m))}${esc(m.punct.colon)}${esc(m.displaySymbol[cellDisplay(cell)])}</strong><ul>${evidence.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></li>`);
    }
    o.push('</tr>');
  }
  o.push('</table>', `<p>${esc(m.legend)}</p></section>`);
  // On paper the grid shows the symbols only (it fits one landscape page) and every cell's evidence follows
  // as a list on portrait pages; on screen each cell's <details> holds the same lines.
  o.push(`<section id="cell-evidence" class="on-paper"><h3>${esc(m.evidenceHeading)}</h3><ul class="cell-evidence">${paper.join('')}</ul></section>`);

  o.push(`<section id="diagram-section"><h2>${esc(m.diagramHeading)}</h2><div class="diagram">`, renderDiagramSvg(input, options), '</div></section>');

  o.push(`<h2>${esc(m.findingsHeading)}</h2>`);
  if (input.findings.length === 0) o.push(`<p>${esc(m.noFindings)}</p>`);
  input.findings.forEach((f, i) => {
    const words = findingWords(f, m);
    o.push(`<div class="finding ${f.severity}" id="finding-${i + 1}"><h3>#${i + 1} [${esc(m.severity[f.severity])}] ${esc(words.title)}</h3><ul>`);
    o.push(`<li>${esc(m.rule)}${esc(m.punct.colon)}<code>${esc(f.rule)}</code></li>`);
    o.push(`<li>${esc(m.fromTo)}${esc(m.punct.colon)}${esc(endpointLabel(f.from, m))} → ${esc(endpointLabel(f.to, m))}${esc(m.punct.paren(m.direction[f.direction]))}</li>`);
    o.push(`<li>${esc(m.ports)}${esc(m.punct.colon)}${esc(trafficLabel(f, m))}</li>`);
    if (f.resource) o.push(`<li>${esc(m.resourceLabel)}${esc(m.punct.colon)}<code>${esc(resourceLabel(f.resource))}</code></li>`);
    const cite = citationText(f.citation, options.lang);
    if (cite) o.push(`<li>${esc(m.citation)}${esc(m.punct.colon)}${esc(cite)}</li>`);
    if (f.path.length > 0) {
      o.push(`<li>${esc(m.stillBlockedBy)}${esc(m.punct.colon)}${esc(f.stillBlockedBy.length > 0 ? f.stillBlockedBy.map((l) => m.layer[l]).join(m.punct.listSep) : m.nothingBlocks)}</li>`);
    }
    o.push('</ul>');
    if (f.path.length > 0) {
      o.push(`<p>${esc(m.path)}${esc(m.punct.colon.trim())}</p><ol class="path">${f.path.map((h, n) => `<li>${esc(hopLine(h, n, m).replace(/^\d+\. /, ''))}</li>`).join('')}</ol>`);
    }
    o.push(`<p>${esc(words.message)}</p></div>`);
  });

  o.push(`<h2>${esc(m.acksHeading)}</h2><p>${esc(m.acksIntro)}</p>`);
  if (input.acknowledgements.length === 0) {
    o.push(`<p>${esc(m.noAcks)}</p>`);
  } else {
    // Who accepted it, when, and until when: the CDK records only a reason, so the officer fills these in.
    const extra = recordMessagesFor(options.lang).exceptionColumns;
    o.push(`<table id="acknowledgements"><tr><th>${esc(m.ackPack)}</th><th>${esc(m.ackRule)}</th><th>${esc(m.ackReason)}</th><th>${esc(m.ackAt)}</th><th>${esc(m.ackSuppressed)}</th>${extra.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`);
    for (const a of input.acknowledgements) {
      const reason = a.refused ? `<span class="refused">${esc(m.ackRefused)}</span> — ${esc(reasonIn(a.reason, options.lang))}` : esc(reasonIn(a.reason, options.lang));
      o.push(`<tr><td>${esc(a.pack)}</td><td><code>${esc(a.ruleId)}</code></td><td>${reason}</td><td><code>${esc(a.acknowledgedAt)}</code></td><td>${a.suppressed.map((s) => `<code>${esc(s)}</code>`).join('<br>')}</td><td></td><td></td><td></td></tr>`);
    }
    o.push('</table>');
  }

  o.push(`<h2>${esc(m.coverageHeading)}</h2>`);
  if (input.coverage.length === 0) o.push(`<p>${esc(m.noCoverageNotes)}</p>`);
  else o.push(`<p>${esc(m.coverageIntro)}</p><ul>${input.coverage.map((c) => `<li>${esc(m.coverageNote(c))}</li>`).join('')}</ul>`);

  // Logging, egress, links, the telework path, automated controls and the manual checklist (lib/report/record).
  for (const section of recordBodySections(input, options.lang)) o.push(recordSectionHtml(section, options.lang, esc));
  o.push(input.cost ? costSectionHtml(input.cost, options.lang, esc) : '', '</body></html>');
  return o.join('\n');
}
