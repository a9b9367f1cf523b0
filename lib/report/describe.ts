/**
 * Shared phrasing for every renderer: how an end, an endpoint, a resource, a hop and a port range read.
 * The words come from the message catalogue; this file only assembles them.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { Endpoint, Finding, Hop, ResourceRef } from '../checks/finding';
import type { HopStep } from '../model/path';
import type { Messages } from './i18n';
import type { Worded } from './i18n/finding-words';
import type { MatrixEnd, MatrixCell, ReportInput } from './report-input';

export function endLabel(end: MatrixEnd, m: Messages): string {
  switch (end.kind) {
    case 'tier':
      return m.tier(end.tier);
    case 'on-prem':
      return m.onPrem(end.tier);
    case 'telework-clients':
      return m.teleworkClients(end.tier);
    case 'internet':
      return m.internet;
  }
}

export function resourceLabel(ref: ResourceRef): string {
  const where = ref.constructPath ?? `${ref.stack}/${ref.logicalId}`;
  return `${where} (${ref.type})`;
}

export function endpointLabel(endpoint: Endpoint, m: Messages): string {
  switch (endpoint.kind) {
    case 'tier':
      return endpoint.resource ? `${m.tier(endpoint.tier)}${m.punct.colon}${resourceLabel(endpoint.resource)}` : m.tier(endpoint.tier);
    case 'on-prem':
      return endpoint.cidr ? `${m.onPrem(endpoint.tier)} ${endpoint.cidr}` : m.onPrem(endpoint.tier);
    case 'telework-clients': {
      const parts = [m.teleworkClients(endpoint.tier)];
      if (endpoint.cidr) parts.push(endpoint.cidr);
      return parts.join(' ');
    }
    case 'internet':
      return m.internet;
    case 'resource':
      return endpoint.tier
        ? `${m.tier(endpoint.tier)}${m.punct.colon}${resourceLabel(endpoint.resource)}`
        : resourceLabel(endpoint.resource);
  }
}

export function trafficLabel(finding: Pick<Finding, 'protocol' | 'ports'>, m: Messages): string {
  if (finding.protocol === undefined && finding.ports === undefined) {
    return m.allPorts;
  }
  const protocol = finding.protocol === undefined || finding.protocol === '-1' ? m.allPorts : finding.protocol.toUpperCase();
  if (!finding.ports) {
    return protocol;
  }
  const { from, to } = finding.ports;
  return `${protocol} ${from === to ? from : `${from}-${to}`}`;
}

/**
 * A finding's title and message in the reader's language: this package's findings from the catalogue, a
 * finding made elsewhere in its own (English) words; the routes that open the path appended in either case.
 */
export function findingWords(f: Finding, m: Messages): Worded {
  const base = f.text ? m.findings.word(f.text) : { title: f.title ?? f.rule, message: f.message ?? '' };
  return f.openingRoutes && f.openingRoutes.length > 0 ? { title: base.title, message: `${base.message} ${m.findings.openingRoutes(f.openingRoutes)}` } : base;
}

/** What a hop does, in the reader's language (address sets as CIDR blocks). */
export function describeHop(step: HopStep, m: Messages): string {
  return m.words.hopForReport(step);
}

/** One line per hop: "3. route table — route table: 10.2.0.0/16 → tgw … [Net/Lgwan/Rt (AWS::EC2::Route)]". */
export function hopLine(hop: Hop, index: number, m: Messages): string {
  const blocks = hop.blocks ? ` ${m.blocksHere}` : '';
  return `${index + 1}. ${m.layer[hop.layer]} — ${describeHop(hop.step, m)} [${resourceLabel(hop.resource)}]${blocks}`;
}

/** The one-cell summary and the evidence lines behind it. */
export function cellEvidence(cell: MatrixCell, m: Messages): string[] {
  const lines: string[] = [];
  if (cell.verdict === 'isolated' && !cell.routeConnected) lines.push(cell.unconfigured ? m.evidenceUnconfigured : m.evidenceNoRoute);
  // The internet tier's egress is there but nothing may use it yet: say so, rather than only "blocked".
  if (cell.verdict === 'isolated' && cell.routeConnected && cell.from.kind === 'tier' && cell.from.tier === 'internet' && cell.to.kind === 'internet') lines.push(m.evidenceEgressNoSender);
  if (cell.routeConnected && cell.blockedBy.length > 0) {
    lines.push(`${m.evidenceBlockedBy}${m.punct.colon}${cell.blockedBy.map((l) => m.layer[l]).join(m.punct.listSep)}`);
  }
  if (cell.verdict === 'permitted') {
    lines.push(
      cell.via === 'desktop-streaming'
        ? m.evidenceViaStreaming
        : cell.declaredTelework
          ? m.evidenceDeclaredTelework(cell.declaredTelework.arrivals.map((r) => `${r.stack}/${r.logicalId}`))
          : m.evidencePermittedByPolicy,
    );
  }
  // Telework reaching its tier's desktops: what the clients send (the desktop service's streaming ports).
  if (cell.verdict === 'permitted' && cell.from.kind === 'telework-clients' && cell.to.kind === 'tier') lines.push(m.evidenceStreamingPorts);
  if (cell.reason) lines.push(`${m.evidenceReason}${m.punct.colon}${cell.reason}`);
  // Each step's wording names its own layer ("route table: …", 「送信側のネットワーク ACL」); a layer label in
  // front of it would read twice (「ルートテーブル ルートテーブル：」). The numbered hop list keeps the label.
  if (cell.witness.length > 0) {
    lines.push(`${m.evidenceWitness}${m.punct.colon}${cell.witness.map((h) => describeHop(h.step, m)).join(' → ')}`);
  }
  if (cell.findings.length > 0) lines.push(m.seeFindings(cell.findings.map((i) => i + 1)));
  if (lines.length === 0) lines.push(m.evidenceNone);
  return lines;
}

export function counts(input: ReportInput): { errors: number; warnings: number; violations: number; unresolved: number } {
  return {
    errors: input.findings.filter((f) => f.severity === 'error').length,
    warnings: input.findings.filter((f) => f.severity === 'warning').length,
    violations: input.matrix.filter((c) => c.verdict === 'violation').length,
    unresolved: input.matrix.filter((c) => c.verdict === 'unresolved').length,
  };
}

/**
 * What a cell shows, finer than its verdict (which decides pass or fail): a reviewer must not read
 * "declared by design" and "not forbidden, please look" as one symbol, nor a tier's own networks as "isolated".
 * - `sanctioned`: a path the design declares — telework clients reaching their tier's desktops by screen
 *   transfer, or by packets that all come from the declared Client VPN and all land in the tier's telework
 *   subnets (MatrixCell.declaredTelework), the internet tier reaching the internet through its inspected egress;
 * - `reachable`: a path no rule forbids, which the reviewer still confirms (e.g. an on-premises segment
 *   reaching its own tier);
 * - `same-tier`: two ends of one tier that do not reach each other (not a separation between tiers);
 * - otherwise the verdict itself.
 */
export type CellDisplay = 'isolated' | 'sanctioned' | 'reachable' | 'same-tier' | 'unconfigured' | 'violation' | 'unresolved';

function endTier(end: MatrixEnd): string | undefined {
  return end.kind === 'internet' ? undefined : end.tier;
}

export function cellDisplay(cell: MatrixCell | undefined): CellDisplay {
  if (!cell) return 'unresolved';
  if (cell.verdict === 'violation' || cell.verdict === 'unresolved') return cell.verdict;
  if (cell.verdict === 'permitted') {
    if (cell.via === 'desktop-streaming' || cell.declaredTelework) return 'sanctioned';
    if (cell.from.kind === 'tier' && cell.from.tier === 'internet' && cell.to.kind === 'internet') return 'sanctioned';
    return 'reachable';
  }
  if (cell.unconfigured) return 'unconfigured';
  const a = endTier(cell.from);
  return a !== undefined && a === endTier(cell.to) ? 'same-tier' : 'isolated';
}

/**
 * The one-line answer to the three questions a reviewer asks first: does any path join two tiers, does a
 * closed tier (LGWAN, personal-number) reach the internet or the internet it, and is there a telework entry
 * into the personal-number tier. Unresolved pairs count against the answer (fail closed).
 */
export interface ThreeAnswers {
  /** Forbidden paths between ends of two different tiers. */
  crossings: number;
  /** Forbidden paths between a closed tier's ends and the internet (either way). */
  closedInternet: number;
  /** A telework entry into the personal-number tier exists (a finding, or the end is built at all). */
  personalNumberTelework: boolean;
  unresolved: number;
}

export function threeAnswers(input: Pick<ReportInput, 'matrix' | 'findings'>): ThreeAnswers {
  const closed = (e: MatrixEnd): boolean => e.kind !== 'internet' && (e.tier === 'lgwan' || e.tier === 'personal-number');
  const bad = input.matrix.filter((c) => c.verdict === 'violation');
  return {
    crossings: bad.filter((c) => c.from.kind !== 'internet' && c.to.kind !== 'internet' && endTier(c.from) !== endTier(c.to)).length,
    closedInternet: bad.filter((c) => (c.from.kind === 'internet' && closed(c.to)) || (c.to.kind === 'internet' && closed(c.from))).length,
    personalNumberTelework:
      input.findings.some((f) => f.rule === 'TELEWORK-ENTRY-PERSONAL-NUMBER') ||
      input.matrix.some((c) => c.from.kind === 'telework-clients' && c.from.tier === 'personal-number' && c.verdict !== 'isolated'),
    unresolved: input.matrix.filter((c) => c.verdict === 'unresolved').length,
  };
}
