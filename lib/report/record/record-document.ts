/**
 * The record sections as a small document (headings, cautions, tables, numbered steps) in the reader's
 * language, so the HTML, Markdown and spreadsheet renderers print the same words and the same rows.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import { citationText } from '../../checks/citations';
import { cellDisplay } from '../describe';
import { messagesFor, type Lang } from '../i18n';
import { jstEn, jstJa } from '../i18n/jst';
import { recordMessagesFor } from '../i18n/record';
import { endKey, type ReportInput } from '../report-input';
import type { LogRecord, RecordSource, ReportRecord } from './record';

export interface RecordTable {
  id: string;
  columns: readonly string[];
  rows: string[][];
}

export interface RecordSection {
  /** Stable id (HTML anchors, tests). */
  id: 'provenance' | 'signature' | 'logging' | 'egress' | 'links' | 'telework' | 'controls' | 'checklist';
  heading: string;
  intro?: string;
  /** 注意事項 the officer must read and accept (or fix). */
  cautions: string[];
  /** Plain paragraphs (e.g. why GOVERNANCE). */
  notes: string[];
  tables: RecordTable[];
  /** Printed under the tables (the checklist's bases, by mark). */
  footnotes: string[];
  /** Numbered steps with a title each (the telework path), one list per tier. */
  paths: { title: string; steps: string[]; verdict: string; signIn: string }[];
  /** Text shown when the section has nothing. */
  empty?: string;
}

export function sourceText(s: RecordSource): string {
  return `${s.stack} / ${s.logicalId}${s.constructPath ? ` (${s.constructPath})` : ''}`;
}

const LOG_KINDS: readonly LogRecord['kind'][] = ['vpc-flow-logs', 'client-vpn-connection-logs', 'cloudtrail', 'object-lock'];

function section(id: RecordSection['id'], heading: string, intro?: string): RecordSection {
  return { id, heading, ...(intro !== undefined ? { intro } : {}), cautions: [], notes: [], tables: [], footnotes: [], paths: [] };
}

export function provenanceSection(record: ReportRecord, lang: Lang): RecordSection {
  const r = recordMessagesFor(lang);
  const m = messagesFor(lang);
  const p = record.provenance;
  const s = section('provenance', r.provenanceHeading);
  const list = (values: string[]) => (values.length > 0 ? values.join(lang === 'ja' ? '、' : ', ') : r.unknown);
  const envs = p.environments.length > 0 ? p.environments.map((e) => (e.account || e.region ? `${e.account ?? r.unknown} / ${e.region ?? r.unknown}` : r.environmentAgnostic)) : [r.environmentAgnostic];
  const rows: string[][] = [
    [r.municipality, list(p.municipalities)],
    [r.accountRegion, list(envs)],
    [r.micModel, list(p.models.map(r.modelName))],
    [r.tool, r.toolVersion(p.packageVersion, p.gitCommit)],
    [r.configurations, p.configurations.length === 0 ? r.noConfiguration : p.configurations.map((c) => (c.sha256 === 'embedded' ? r.embeddedConfiguration(c.file.replace(/^municipality=/, '')) : `${c.file}  ${c.sha256}`)).join('\n')],
    [r.templates, p.templates.map((t) => `${t.file}  ${t.sha256}`).join('\n')],
    [r.basis, m.basis],
    [r.command, p.command],
    [r.createdAt, lang === 'ja' ? jstJa(p.generatedAt) : jstEn(p.generatedAt)],
  ];
  s.tables.push({ id: 'provenance', columns: [], rows });
  return s;
}

export function signatureSection(lang: Lang): RecordSection {
  const r = recordMessagesFor(lang);
  const s = section('signature', r.signatureHeading, r.signatureIntro);
  s.tables.push({ id: 'signature', columns: r.signatureColumns, rows: r.signatureRoles.map((role) => [role, ...r.signatureColumns.slice(1).map(() => '')]) });
  return s;
}

export function loggingSection(record: ReportRecord, lang: Lang): RecordSection {
  const r = recordMessagesFor(lang);
  const s = section('logging', r.loggingHeading, r.loggingIntro);
  s.tables.push({
    id: 'logging',
    columns: r.logColumns,
    rows: record.logs.map((l) => [r.logKind[l.kind], l.kind === 'cloudtrail' || l.kind === 'object-lock' ? '—' : r.tierWord(l.tier), l.destination ?? '—', l.enabled ? r.retention(l.retentionDays) : '—', r.logDetail(l), sourceText(l.source)]),
  });
  for (const l of record.logs.filter((x) => !x.enabled)) s.cautions.push(r.logOff(l));
  // Missing kinds are said, not skipped (Client VPN logs only matter where there is an endpoint).
  for (const kind of LOG_KINDS) {
    if (kind === 'client-vpn-connection-logs') continue;
    if (!record.logs.some((l) => l.kind === kind)) s.cautions.push(r.noLog(kind));
  }
  const modes = new Set(record.logs.filter((l) => l.kind === 'object-lock' && l.enabled).map((l) => l.lockMode));
  if (modes.has('GOVERNANCE')) s.cautions.push(r.governanceWhy);
  if (modes.has('COMPLIANCE')) s.notes.push(r.complianceWhy);
  return s;
}

export function egressSection(record: ReportRecord, lang: Lang): RecordSection {
  const r = recordMessagesFor(lang);
  const s = section('egress', r.egressHeading, r.egressIntro);
  if (record.egress.length === 0) s.empty = r.noInternetTier;
  s.tables.push({
    id: 'egress',
    columns: [r.logColumns[1], r.egressHeading, r.source],
    rows: record.egress.map((e) => [r.tierWord('internet'), [r.egressKind[e.kind], r.egressDetail(e)].filter((x) => x !== '').join(lang === 'ja' ? '。' : '. '), sourceText(e.firewall?.source ?? e.vpc)]),
  });
  const basis = citationText('internetSecurityCloud', lang) ?? '';
  if (record.egress.some((e) => e.kind === 'local-firewall')) s.cautions.push(`${r.withBasis(r.egressNotSecurityCloud, basis)}${lang === 'ja' ? '' : ' '}${r.egressAccept}`);
  if (record.egress.some((e) => e.kind === 'uninspected')) s.cautions.push(r.withBasis(r.egressUninspected, basis));
  return s;
}

export function linksSection(record: ReportRecord, lang: Lang): RecordSection {
  const r = recordMessagesFor(lang);
  const s = section('links', r.linksHeading, r.linksIntro);
  if (record.links.length === 0) s.empty = r.noLinks;
  s.tables.push({
    id: 'links',
    columns: r.linkColumns,
    rows: record.links.map((l) => [r.tierWord(l.tier), r.linkKind[l.kind], l.carriedRanges.join(lang === 'ja' ? '、' : ', ') || '—', r.linkDetail(l), sourceText(l.source)]),
  });
  return s;
}

export function teleworkSection(input: ReportInput, record: ReportRecord, lang: Lang): RecordSection {
  const r = recordMessagesFor(lang);
  const m = messagesFor(lang);
  const s = section('telework', r.teleworkHeading, r.teleworkIntro);
  if (record.telework.length === 0) s.empty = r.noTelework;
  for (const t of record.telework) {
    const cell = t.tier ? input.matrix.find((c) => endKey(c.from) === `telework:${t.tier}` && endKey(c.to) === `tier:${t.tier}`) : undefined;
    const privateStreaming = t.streamingEndpoint !== undefined;
    s.paths.push({
      title: `${r.tierWord(t.tier)} — ${sourceText(t.clientVpn.source)}`,
      steps: [
        r.stepDevice(t.clientVpn.clientCidr),
        r.stepVpn(t.clientVpn),
        r.stepEndpoint(t.streamingEndpoint?.service),
        r.stepDesktop({ ...(t.directory?.name ? { directory: t.directory.name } : {}), ...(t.directory ? { directoryType: t.directory.type } : {}), personal: t.desktops.personal, pools: t.desktops.pools, registered: t.desktops.registeredDirectory }),
      ],
      verdict: m.displaySymbol[cellDisplay(cell)],
      signIn: r.signInDecision({ privateStreaming, splitTunnel: t.clientVpn.splitTunnel === true }),
    });
  }
  return s;
}

export function controlsSection(record: ReportRecord, lang: Lang): RecordSection {
  const r = recordMessagesFor(lang);
  const s = section('controls', r.controlsHeading, r.controlsIntro);
  if (record.controls.length === 0) s.empty = r.noControls;
  // Many controls come from one resource: each row names it by a mark, written out once under the table.
  const marks = new Map<string, string>();
  const markOf = (text: string) => {
    if (!marks.has(text)) marks.set(text, `※${marks.size + 1}`);
    return marks.get(text)!;
  };
  s.tables.push({ id: 'controls', columns: r.controlColumns, rows: record.controls.map((c) => [r.tierWord(c.tier), r.controlLabel(c.id), r.controlValue(c.id, c.value), markOf(sourceText(c.source))]) });
  for (const [text, mark] of marks) s.footnotes.push(`${mark} ${text}`);
  return s;
}

export function checklistSection(input: ReportInput, lang: Lang): RecordSection {
  const r = recordMessagesFor(lang);
  const m = messagesFor(lang);
  const s = section('checklist', r.checklistHeading, r.checklistIntro);
  // Each basis is written once under the table and referred to by its mark, so a row stays one line on paper.
  const marks = new Map<string, string>();
  const markOf = (citation: string): string => {
    const text = citationText(citation, lang) ?? '';
    if (text === '') return '';
    if (!marks.has(text)) marks.set(text, `※${marks.size + 1}`);
    return marks.get(text)!;
  };
  s.tables.push({
    id: 'checklist',
    columns: r.checklistColumns,
    rows: input.manualControls.map((c, i) => [String(i + 1), `${c[lang].title}\n${m.manualWhere[c.where]} · ${c.id}`, c[lang].how, markOf(c.citation), '', '', r.resultChoices, '']),
  });
  for (const [text, mark] of marks) s.footnotes.push(`${mark} ${text}`);
  return s;
}

/** The sections after the findings (the header and signature block come first; see html.ts). */
export function recordBodySections(input: ReportInput, lang: Lang): RecordSection[] {
  const record = input.record;
  const body = record ? [loggingSection(record, lang), egressSection(record, lang), linksSection(record, lang), teleworkSection(input, record, lang), controlsSection(record, lang)] : [];
  return [...body, checklistSection(input, lang)];
}
