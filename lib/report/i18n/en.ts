/** English wording of the reviewer's report. Keep in step with ja.ts (both implement Messages). */
import { TIER_LABELS } from '../../tiers/tier';
import { GUIDELINE_EDITION, TELEWORK_REQUIREMENTS, TOOL_CRITERIA_HEADING } from '../../checks/citations';
import { jstEn } from './jst';
import type { Messages } from './messages';
import { LAYER_EN, pathWordsEn } from './hops.en';
import { findingWordsEn } from './findings.en';
import { coverageEn } from './coverage.en';

/** "1 error", "2 errors". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export const en: Messages = {
  lang: 'en',
  words: pathWordsEn,
  findings: findingWordsEn,
  coverageNote: coverageEn,
  title: 'Three-tier separation review report',
  generatedAt: (when) => `Generated ${jstEn(when)}`,
  basis: `Judged against ${GUIDELINE_EDITION.en} and ${TELEWORK_REQUIREMENTS.en}. Criteria of this tool's own are marked "${TOOL_CRITERIA_HEADING.en}" and are not MIC's.`,
  sources: 'Templates verified',
  verdictPass: 'PASS: no path crosses between tiers, and nothing is unresolved.',
  verdictFail: 'FAIL: see the findings below. Tier crossings cannot be acknowledged and are never declared as permitted paths: remove them. Data moves between tiers only by sanitised exchange (無害化) through a mechanism the information security officer (CISO) approved.',
  summary: ({ errors, warnings, violations, unresolved }) =>
    `Findings: ${count(errors, 'error')}, ${count(warnings, 'warning')}. Tier matrix: ${count(violations, 'forbidden path')}, ${count(unresolved, 'unresolved pair')}.`,

  tier: (tier) => TIER_LABELS[tier].en,
  onPrem: (tier) => `On-prem (${TIER_LABELS[tier].en})`,
  teleworkClients: (tier) => (tier ? `Telework clients (${TIER_LABELS[tier].en})` : 'Telework clients'),
  internet: 'The internet',
  resource: 'Resource',

  matrixHeading: 'Tier matrix',
  matrixIntro: 'Rows are where a packet starts, columns where it should arrive. Every cell carries a verdict and its evidence.',
  matrixCorner: 'from \\ to',
  cellVerdict: {
    isolated: 'isolated',
    permitted: 'reachable (no rule forbids it)',
    violation: 'FORBIDDEN PATH',
    unresolved: 'UNRESOLVED (fails closed)',
  },
  displaySymbol: { isolated: '✔ isolated', sanctioned: '◎ sanctioned', reachable: '△ reachable (review)', 'same-tier': '＝ same tier', unconfigured: '－ not built', violation: '✖ FORBIDDEN', unresolved: '? UNRESOLVED' },
  legend: '✔ isolated: no route, or a route on which a network ACL or security group stops every packet · ◎ sanctioned: a path the design declares (declared telework clients reaching the screen-transfer entry, the internet tier through its inspected egress) · △ reachable (review): a path no rule forbids; confirm it is intended · ＝ same tier: two networks of one tier that do not reach each other · － not built: one of the two ends is not built in the templates · ✖ forbidden: a path that crosses tiers · ? unresolved: the model could not decide, counted as a failure',
  answers: ({ crossings, closedInternet, personalNumberTelework, unresolved }) =>
    `Between the three tiers: ${crossings > 0 ? `${crossings} forbidden path(s)` : 'no path'} / Closed tiers ↔ internet: ${closedInternet > 0 ? `${closedInternet} forbidden path(s)` : 'no path'} / Telework entry into the personal-number tier: ${personalNumberTelework ? 'present' : 'none'}${unresolved > 0 ? ` (${unresolved} unresolved pair(s) count as failures)` : ''}`,
  evidenceHeading: 'Evidence for each cell',
  evidenceBlockedBy: 'blocked by',
  evidenceWitness: 'path',
  evidenceReason: 'why',
  evidenceNone: 'no evidence recorded',
  evidenceUnconfigured: 'one of the two ends is not built in the templates (no path for this pair)',
  evidenceNoRoute: 'no route connects them',
  evidenceViaStreaming: 'screen transfer only (desktop streaming): no packet reaches the tier\'s networks',
  evidenceStreamingPorts: 'screen transfer traffic: TCP 443 (registration and sign-in), TCP/UDP 4172 (PCoIP), TCP/UDP 4195 (WSP) (the WorkSpaces ports)',
  evidencePermittedByPolicy: 'reachable, and no rule of the tier policy forbids it',
  evidenceEgressNoSender: 'the way out to the internet is built (routes reach it), but no security group in the templates lets anything send to the internet yet; once something is placed there, check again that it leaves through the inspected egress',
  evidenceDeclaredTelework: (subnets) => `the declared telework clients (the policy's teleworkClients) arrive only in this tier's telework subnets (streaming endpoint, desktops). Arrives at: ${subnets.join(', ')}`,
  seeFindings: (numbers) => `see finding${numbers.length > 1 ? 's' : ''} ${numbers.map((n) => `#${n}`).join(', ')}`,

  findingsHeading: 'Findings',
  noFindings: 'No findings.',
  severity: { error: 'error', warning: 'warning' },
  direction: { 'one-way': 'one way', both: 'both ways' },
  rule: 'Rule',
  fromTo: 'From → to',
  ports: 'Traffic',
  allPorts: 'all traffic',
  path: 'Path',
  stillBlockedBy: 'Layers that would still block',
  nothingBlocks: 'nothing (no defence in depth on this path)',
  resourceLabel: 'Resource',
  citation: 'Requirement',
  layer: LAYER_EN,
  punct: { colon: ': ', listSep: ', ', paren: (text) => ` (${text})` },
  blocksHere: '(would block)',

  acksHeading: 'Acknowledgements from every pack',
  acksIntro: 'Rules acknowledged with Validations.of(...).acknowledge(), with the reason given. Tier crossings are never acknowledgeable: an attempt is listed as refused.',
  noAcks: 'No acknowledgements.',
  ackPack: 'Pack',
  ackRule: 'Rule',
  ackReason: 'Reason',
  ackAt: 'Acknowledged at',
  ackSuppressed: 'Suppressed',
  ackRefused: 'REFUSED: tier crossings cannot be acknowledged',

  coverageHeading: 'What the model does not cover',
  coverageIntro: 'The proof is only as wide as the model. These are outside it and need a reviewer\'s eye:',
  noCoverageNotes: 'The engine reported no gaps for these templates.',

  manualHeading: 'Manual controls checklist',
  manualIntro: 'These controls cannot be expressed in CloudFormation. Check each one by hand before sign-off.',
  manualWhere: { console: 'console', api: 'API call', 'group-policy': 'Group Policy', procedure: 'procedure' },

  diagramHeading: 'Diagram of tiers and links',
  diagramTitle: 'Tiers and the links between them',
  diagramUntiered: 'No tier declared',
  diagramShared: 'Shared TGW (a route domain per tier)',
  diagramLegendViolation: 'forbidden path',
  diagramLegendPermitted: 'path that arrives (◎ sanctioned or △ to review)',
  diagramLegendModelLink: 'link between networks (TGW, peering, VPN, Direct Connect, Client VPN, IGW)',
  diagramLegendModelLinkViolation: 'link that carries a forbidden path',
  diagramNone: '(none)',
  diagramNoPersonalNumberTelework: 'none — no telework entry (required)',

  junitSuiteMatrix: 'tier matrix',
  junitSuiteFindings: 'findings',
};
