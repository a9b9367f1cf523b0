/**
 * The message catalogue's shape: every word a reviewer reads in a report lives in ja.ts / en.ts and
 * nowhere else, so the two languages cannot drift apart (the compiler checks both implement this).
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { Layer, Severity } from '../../checks/finding';
import type { Tier } from '../../tiers/tier';
import type { CellVerdict, ManualControl } from '../report-input';
import type { CellDisplay, ThreeAnswers } from '../describe';
import type { PathWords } from './path-words';
import type { FindingWords } from './finding-words';
import type { CoverageItem } from '../../model/coverage-note';

export type Lang = 'en' | 'ja';

export const LANGS: readonly Lang[] = ['en', 'ja'];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ja';
}

export interface Messages {
  lang: Lang;
  /** The wording of places, hop steps and address lists (hops.en.ts / hops.ja.ts). */
  words: PathWords;
  /** The wording of this package's findings (findings.en.ts / findings.ja.ts). */
  findings: FindingWords;
  /** A note on what the model does not cover (coverage.en.ts / coverage.ja.ts). */
  coverageNote: (note: CoverageItem) => string;
  title: string;
  generatedAt: (when: string) => string;
  /** The edition of the guideline and the documents the report is judged against (stated in every report). */
  basis: string;
  sources: string;
  verdictPass: string;
  verdictFail: string;
  summary: (counts: { errors: number; warnings: number; violations: number; unresolved: number }) => string;

  // ends of the matrix
  tier: (tier: Tier) => string;
  onPrem: (tier: Tier) => string;
  teleworkClients: (tier?: Tier) => string;
  internet: string;
  resource: string;

  // matrix
  matrixHeading: string;
  matrixIntro: string;
  matrixCorner: string;
  cellVerdict: Record<CellVerdict, string>;
  /** The symbol a cell shows (lib/report/describe.ts cellDisplay: finer than the verdict), short so the table stays narrow; the legend explains it. */
  displaySymbol: Record<CellDisplay, string>;
  legend: string;
  /** The one-line answer to the three questions, printed above the grid (describe.ts threeAnswers). */
  answers: (a: ThreeAnswers) => string;
  evidenceHeading: string;
  evidenceBlockedBy: string;
  evidenceWitness: string;
  evidenceReason: string;
  evidenceNone: string;
  evidenceNoRoute: string;
  /** A cell one of whose ends the templates do not build. */
  evidenceUnconfigured: string;
  evidenceViaStreaming: string;
  evidencePermittedByPolicy: string;
  /** The internet tier's way out is built (routes reach the internet) but no security group lets anything send yet. */
  evidenceEgressNoSender: string;
  /** A telework cell whose every arrival is the declared one: the clients are declared and land only in these subnets (Stack/LogicalId). */
  evidenceDeclaredTelework: (subnets: string[]) => string;
  /** The ports of desktop streaming (WorkSpaces), stated in the telework cell. */
  evidenceStreamingPorts: string;
  seeFindings: (numbers: number[]) => string;

  // findings
  findingsHeading: string;
  noFindings: string;
  severity: Record<Severity, string>;
  direction: Record<'one-way' | 'both', string>;
  rule: string;
  fromTo: string;
  ports: string;
  allPorts: string;
  path: string;
  stillBlockedBy: string;
  nothingBlocks: string;
  resourceLabel: string;
  citation: string;
  layer: Record<Layer, string>;
  blocksHere: string;
  /**
   * Punctuation between a label and its value, between list items, and around an aside: full-width in
   * Japanese (「経路：」「ネットワーク ACL、セキュリティグループ」「（双方向）」) as an official document writes them.
   */
  punct: { colon: string; listSep: string; paren: (text: string) => string };

  // acknowledgements
  acksHeading: string;
  acksIntro: string;
  noAcks: string;
  ackPack: string;
  ackRule: string;
  ackReason: string;
  ackAt: string;
  ackSuppressed: string;
  ackRefused: string;

  // coverage
  coverageHeading: string;
  coverageIntro: string;
  noCoverageNotes: string;

  // manual controls
  manualHeading: string;
  manualIntro: string;
  manualWhere: Record<ManualControl['where'], string>;

  // diagram
  diagramHeading: string;
  diagramTitle: string;
  diagramUntiered: string;
  diagramShared: string;
  diagramLegendViolation: string;
  diagramLegendPermitted: string;
  /** Grey dotted line: a link in the model between networks in different boxes. */
  diagramLegendModelLink: string;
  /** Red dotted line: such a link that carries a forbidden path. */
  diagramLegendModelLinkViolation: string;
  /** Written in a box that holds nothing. */
  diagramNone: string;
  /** Written in the personal-number tier's telework box, which must stay empty (MIC: no telework entry). */
  diagramNoPersonalNumberTelework: string;

  // junit
  junitSuiteMatrix: string;
  junitSuiteFindings: string;
}
