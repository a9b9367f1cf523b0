/**
 * The words of the header of record and the auditor's sections (provenance, signature block, logging and
 * retention, internet egress, on-prem links, the telework path, automated controls, the checklist), apart
 * from the main catalogue (messages.ts) so each half can change without the other. Both languages implement
 * this interface, so neither can lack a word. Pure TypeScript: no aws-cdk-lib import.
 */
import type { Tier } from '../../tiers/tier';
import type { EgressRecord, LinkRecord, LogRecord } from '../record/record';

export interface RecordMessages {
  /** Heading of the header of record. */
  provenanceHeading: string;
  municipality: string;
  accountRegion: string;
  micModel: string;
  modelName: (model: string) => string;
  tool: string;
  toolVersion: (version: string | undefined, commit: string | undefined) => string;
  configurations: string;
  noConfiguration: string;
  embeddedConfiguration: (name: string) => string;
  templates: string;
  basis: string;
  command: string;
  createdAt: string;
  unknown: string;
  environmentAgnostic: string;

  signatureHeading: string;
  signatureIntro: string;
  signatureRoles: readonly [string, string, string];
  signatureColumns: readonly [string, string, string, string, string, string];

  caution: string;
  source: string;
  tierWord: (tier: Tier | undefined) => string;

  loggingHeading: string;
  loggingIntro: string;
  logColumns: readonly [string, string, string, string, string, string];
  logKind: Record<LogRecord['kind'], string>;
  logDetail: (log: LogRecord) => string;
  retention: (days: number | undefined) => string;
  logOff: (log: LogRecord) => string;
  noLog: (kind: LogRecord['kind']) => string;
  governanceWhy: string;
  complianceWhy: string;

  egressHeading: string;
  egressIntro: string;
  egressKind: Record<EgressRecord['kind'], string>;
  egressDetail: (e: EgressRecord) => string;
  egressNotSecurityCloud: string;
  egressAccept: string;
  egressUninspected: string;
  noInternetTier: string;
  /** A caution followed by the guideline clause it rests on. */
  withBasis: (text: string, basis: string) => string;
  /** Under the header: how many cautions the record sections hold, and where. */
  cautionsSummary: (count: number, headings: string[]) => string;

  linksHeading: string;
  linksIntro: string;
  linkColumns: readonly [string, string, string, string, string];
  linkKind: Record<LinkRecord['kind'], string>;
  linkDetail: (l: LinkRecord) => string;
  noLinks: string;

  teleworkHeading: string;
  teleworkIntro: string;
  stepDevice: (clientCidr: string | undefined) => string;
  stepVpn: (p: { port?: number; transport?: string; authentication: string[]; splitTunnel?: boolean; sessionTimeoutHours?: number; connectionLogs: boolean; authorizedCidrs: string[] }) => string;
  stepEndpoint: (service: string | undefined) => string;
  stepDesktop: (p: { directory?: string; directoryType?: string; personal: number; pools: number; registered: boolean }) => string;
  verdict: string;
  signIn: string;
  signInDecision: (p: { privateStreaming: boolean; splitTunnel: boolean }) => string;
  noTelework: string;

  controlsHeading: string;
  controlsIntro: string;
  controlColumns: readonly [string, string, string, string];
  controlLabel: (id: string) => string;
  controlValue: (id: string, value: string) => string;
  noControls: string;

  /** Lines the diagram adds to each box from the record (desktops, directory, streaming, egress, links). */
  diagramDesktops: string;
  diagramDirectory: (name: string) => string;
  diagramStreaming: (closed: boolean) => string;
  diagramEgress: (kind: EgressRecord['kind']) => string;
  diagramLink: (kind: LinkRecord['kind']) => string;
  diagramClientVpn: (p: { port?: number; transport?: string; mutualTls: boolean; clientCidr?: string }) => string;
  /** Legend: a crossing whose routes connect but a filter stops every packet today. */
  diagramLegendFiltered: string;

  /** Columns the officer fills in for each exception (the CDK acknowledgement carries only a reason). */
  exceptionColumns: readonly [string, string, string];

  checklistHeading: string;
  checklistIntro: string;
  checklistColumns: readonly [string, string, string, string, string, string, string, string];
  resultChoices: string;
}
