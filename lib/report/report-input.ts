/**
 * What the reviewer's report is rendered from: a language-neutral, engine-neutral view of one verification.
 * The Markdown, HTML, SVG and JUnit renderers read only this, so the same report comes out of `cdk synth`
 * (the cdk-nag pack), `closed-telework report` and the policy-test API.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { Endpoint, Finding, Hop, Layer, ResourceRef } from '../checks/finding';
import type { Tier } from '../tiers/tier';
import { TIERS } from '../tiers/tier';
import type { CostSection } from './cost-section';
import type { ReportRecord } from './record/record';
import type { CoverageItem } from '../model/coverage-note';

/**
 * One end of the tier matrix: a tier's networks, its on-prem segment, the telework clients that enter it,
 * or the internet (the engine's endpoint classes).
 */
export type MatrixEnd =
  | { kind: 'tier'; tier: Tier }
  | { kind: 'on-prem'; tier: Tier }
  | { kind: 'telework-clients'; tier: Tier }
  | { kind: 'internet' };

/** Every end of the matrix, in the order the report lists them (rows and columns). */
export const MATRIX_ENDS: readonly MatrixEnd[] = [
  ...TIERS.map((tier): MatrixEnd => ({ kind: 'tier', tier })),
  ...TIERS.map((tier): MatrixEnd => ({ kind: 'on-prem', tier })),
  ...TIERS.map((tier): MatrixEnd => ({ kind: 'telework-clients', tier })),
  { kind: 'internet' },
];

/** A stable key for a matrix end, equal to the engine's endpoint class (`tier:lgwan`, `telework:lgwan`, `internet`…). */
export function endKey(end: MatrixEnd): string {
  switch (end.kind) {
    case 'tier':
      return `tier:${end.tier}`;
    case 'on-prem':
      return `on-prem:${end.tier}`;
    case 'telework-clients':
      return `telework:${end.tier}`;
    case 'internet':
      return 'internet';
  }
}

/** The matrix end for an engine endpoint class key, or undefined for a key that names none. */
export function endOfKey(key: string): MatrixEnd | undefined {
  return MATRIX_ENDS.find((e) => endKey(e) === key);
}

/**
 * Map a finding's endpoint onto the matrix end it belongs to, or undefined when it belongs to none
 * (a resource with no tier, telework clients with no tier).
 */
export function matrixEndOf(endpoint: Endpoint): MatrixEnd | undefined {
  switch (endpoint.kind) {
    case 'tier':
      return { kind: 'tier', tier: endpoint.tier };
    case 'on-prem':
      return { kind: 'on-prem', tier: endpoint.tier };
    case 'telework-clients':
      return endpoint.tier ? { kind: 'telework-clients', tier: endpoint.tier } : undefined;
    case 'internet':
      return { kind: 'internet' };
    case 'resource':
      return endpoint.tier ? { kind: 'tier', tier: endpoint.tier } : undefined;
  }
}

/**
 * The verdict in one cell.
 * - `isolated`: no path; `blockedBy` says what stops it.
 * - `permitted`: a path exists and the policy allows it (e.g. internet tier → internet through the
 *   inspected egress, telework clients → LGWAN tier by screen transfer); `reason` says why.
 * - `violation`: a path exists that the policy forbids; `witness` is the path.
 * - `unresolved`: the engine could not decide. Fail closed: the report counts this as a failure.
 */
export type CellVerdict = 'isolated' | 'permitted' | 'violation' | 'unresolved';

export interface MatrixCell {
  from: MatrixEnd;
  to: MatrixEnd;
  verdict: CellVerdict;
  /** The witness path, hop by hop, when routes connect the pair. */
  witness: Hop[];
  /** True when routes connect the pair (even if NACLs / security groups stop every packet). */
  routeConnected: boolean;
  /** The layers that stop every packet when routes connect but nothing arrives. */
  blockedBy: Layer[];
  /** How a permitted pair is reached: by packets, or only by screen transfer (desktop streaming). */
  via?: 'packets' | 'desktop-streaming';
  /**
   * Set on a telework → own-tier cell reached by packets when every arrival is the declared telework arrival:
   * clients of a Client VPN (or a closed telework pool) the tier policy declares for that tier, arriving only
   * in the tier's telework subnets (streaming endpoint, desktops, directory). Lists those subnets, so the
   * reviewer sees where the clients land. A cell with any other arrival has no such field (△, or ✖ by a finding).
   */
  declaredTelework?: { arrivals: ResourceRef[] };
  /** Extra evidence in the engine's words (e.g. why a pair is unresolved). */
  reason?: string;
  /** Indexes into `ReportInput.findings` of the findings about this pair. */
  findings: number[];
  /**
   * True when one of the two ends is not built at all in the templates (no VPC of that tier, no on-premises
   * link of that tier, no telework entry into that tier): the cell says 未構成, not that a link is cut.
   */
  unconfigured?: boolean;
}

/** An acknowledgement (suppression) recorded by any validation pack, with the reason given. */
export interface Acknowledgement {
  /** The plugin / pack the rule belongs to, e.g. `AwsSolutions`, `ThreeTierSeparation`. */
  pack: string;
  /** The rule id without namespace, e.g. `EC23`. */
  ruleId: string;
  reason: string;
  /** The construct path where `Validations.of(...).acknowledge()` was called. */
  acknowledgedAt: string;
  /** Construct paths of the violations the acknowledgement actually suppressed (empty when unknown). */
  suppressed: string[];
  /** True when the pack refused the acknowledgement (tier crossings cannot be acknowledged). */
  refused?: boolean;
}

/** A control that cannot be expressed in CloudFormation and must be set and checked by hand. */
export interface ManualControl {
  id: string;
  /** Where it is set: the WorkSpaces console, an API call, Group Policy, an organisational procedure. */
  where: 'console' | 'api' | 'group-policy' | 'procedure';
  en: { title: string; how: string };
  ja: { title: string; how: string };
  /** The MIC clause or telework requirement it satisfies (a key of CITATIONS or free text). */
  citation: string;
}

/** The diagram's view of the model: networks grouped by tier, and the links between them. */
export interface DiagramNode {
  id: string;
  label: string;
  /** The matrix end the node belongs to; networks with no declared tier have none (drawn apart, in red). */
  end?: MatrixEnd;
  kind: 'vpc' | 'transit-gateway' | 'vpn' | 'client-vpn' | 'on-prem' | 'internet' | 'telework-clients' | 'other';
}

/** The node id a diagram link uses for the internet itself (drawn into the internet box; no model resource has it). */
export const INTERNET_NODE = '@internet';

export interface DiagramLink {
  /** Node ids (or INTERNET_NODE). */
  from: string;
  to: string;
  label: string;
  /** A link that carries a forbidden path (drawn red). */
  violation: boolean;
}

export interface DiagramModel {
  nodes: DiagramNode[];
  links: DiagramLink[];
}

export interface ReportInput {
  /** What was verified: template files or a cloud assembly directory. */
  sources: string[];
  findings: Finding[];
  /** One cell for every ordered pair of distinct matrix ends. */
  matrix: MatrixCell[];
  /** What the model does not cover (plain English from the engine). */
  coverage: CoverageItem[];
  acknowledgements: Acknowledgement[];
  manualControls: ManualControl[];
  diagram: DiagramModel;
  /** ISO timestamp; injected so reports are reproducible in tests. */
  generatedAt: string;
  /** The 費用試算 sections, one per municipality estimated, when the report is rendered with configurations (lib/cost/report-section.ts). */
  cost?: readonly CostSection[];
  /**
   * The header of record and the auditor's sections (lib/report/record): provenance, logging, egress, links,
   * the telework path, automated controls. Always present in reports from `cdk synth` and `closed-telework
   * report`; absent only in hand-built inputs, where those sections are left out.
   */
  record?: ReportRecord;
}

/**
 * True when the verification passed: no error finding, no refused acknowledgement, and a cell for EVERY
 * ordered pair of distinct ends that is isolated or permitted. A pair the engine did not report is a
 * failure, not a pass (fail closed).
 */
export function reportPasses(input: ReportInput): boolean {
  const ok = new Set(input.matrix.filter((c) => c.verdict === 'isolated' || c.verdict === 'permitted').map((c) => `${endKey(c.from)}>${endKey(c.to)}`));
  const everyPairOk = MATRIX_ENDS.every((from) => MATRIX_ENDS.every((to) => endKey(from) === endKey(to) || ok.has(`${endKey(from)}>${endKey(to)}`)));
  const badCell = input.matrix.some((c) => c.verdict === 'violation' || c.verdict === 'unresolved');
  return everyPairOk && !badCell && input.findings.every((f) => f.severity !== 'error') && input.acknowledgements.every((a) => !a.refused);
}
