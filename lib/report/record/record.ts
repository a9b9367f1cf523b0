/**
 * The header of record and the sections an auditor (監査) asks for, as data: where the report came from
 * (provenance), how the environment logs and keeps its records, where the internet tier leaves, what each
 * on-prem link is and carries, the telework path end to end, and the controls the templates set.
 * Everything except provenance is read FROM THE TEMPLATES (lib/report/record/from-templates.ts), never
 * from prose, so a report cannot claim a log or a control the deployment does not have.
 * Language-neutral: the renderers put words on it (lib/report/i18n/record.*.ts).
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { Tier } from '../../tiers/tier';

/** Where a fact was read: stack and logical id (and the construct path when the template carries it). */
export interface RecordSource {
  stack: string;
  logicalId: string;
  constructPath?: string;
}

export interface TemplateDigest {
  /** The template file as the report names it (relative to the working directory where possible). */
  file: string;
  /** Lower-case hex SHA-256 of the file's bytes as they were read. */
  sha256: string;
}

export interface Provenance {
  /** Municipalities named by the templates' `mic:municipality` tags (sorted; empty when none). */
  municipalities: string[];
  /** AWS accounts and regions of the stacks, as `account/region` pairs the caller read (cloud assembly or the app). */
  environments: { account?: string; region?: string }[];
  /** MIC models named by the templates' `mic:model` tags (`alpha`, `beta`, `beta-prime`, `alpha-prime`). */
  models: string[];
  /** closed-telework's own version (package.json) and the git commit of the package, when it is a checkout. */
  packageVersion?: string;
  gitCommit?: string;
  /** The configuration files the app was built from, with their SHA-256 (none for `closed-telework report`). */
  configurations: TemplateDigest[];
  /** Every template judged, with its SHA-256. */
  templates: TemplateDigest[];
  /** The command that produced the report, as typed (e.g. `cdk synth -c config=city.yaml`). */
  command: string;
  /** ISO time the report was produced (rendered in JST). */
  generatedAt: string;
}

/** A log the templates configure, and how long it is kept. */
export interface LogRecord {
  kind: 'vpc-flow-logs' | 'client-vpn-connection-logs' | 'cloudtrail' | 'object-lock';
  tier?: Tier;
  source: RecordSource;
  /** Where the log goes: a log group's name or logical id, a bucket's logical id. */
  destination?: string;
  /** Retention in days (log group RetentionInDays or the Object Lock default retention); undefined = kept forever / not set. */
  retentionDays?: number;
  /** Flow logs: ALL / ACCEPT / REJECT. */
  trafficType?: string;
  /** CloudTrail: multi-region, log file validation, management events. */
  multiRegion?: boolean;
  logFileValidation?: boolean;
  /** Object Lock: GOVERNANCE or COMPLIANCE. */
  lockMode?: string;
  /** False when the template switches the log off (e.g. ConnectionLogOptions.Enabled false). */
  enabled: boolean;
}

/** How the internet tier reaches the internet, per internet-tier VPC. */
export interface EgressRecord {
  vpc: RecordSource;
  /**
   * - `local-firewall`: AWS Network Firewall in this VPC (a local breakout, not the security cloud);
   * - `security-cloud-link`: default route to the tier's on-prem link (the prefecture's 自治体情報セキュリティクラウド);
   * - `security-cloud-hub`: default route to a Transit Gateway (the prefecture's hub built by this package);
   * - `security-cloud-hub-inspection`: this VPC IS the prefecture's hub inspection VPC (tag mic:hub);
   * - `uninspected`: a default route to an internet or NAT gateway with no firewall;
   * - `none`: no default route at all.
   */
  kind: 'local-firewall' | 'security-cloud-link' | 'security-cloud-hub' | 'security-cloud-hub-inspection' | 'uninspected' | 'none';
  /** The firewall's name and the domains its allow-list admits (local-firewall). */
  firewall?: { name?: string; source: RecordSource; allowedDomains: string[] };
}

/** A link from a tier to networks outside AWS. */
export interface LinkRecord {
  tier?: Tier;
  /** `ipsec-internet`: site-to-site IPsec VPN over the internet; `direct-connect`; `closed-sim` (declared in the tier policy). */
  kind: 'ipsec-internet' | 'direct-connect' | 'closed-sim';
  source: RecordSource;
  /** The ranges the link carries towards on-prem (VPN static routes; Direct Connect: routes to the VGW). */
  carriedRanges: string[];
  /** Direct Connect: the prefixes AWS advertises to on-prem. */
  advertisedRanges?: string[];
  /** IPsec: static routing only (BGP announcements cannot add routes). */
  staticRoutesOnly?: boolean;
  /** The customer gateway's public address (IPsec). */
  peerAddress?: string;
}

/** The telework path into one tier: device → Client VPN (mutual TLS) → streaming endpoint → desktop. */
export interface TeleworkPathRecord {
  tier?: Tier;
  clientVpn: {
    source: RecordSource;
    clientCidr?: string;
    port?: number;
    transport?: string;
    /** `certificate-authentication` (mutual TLS), `directory-service-authentication`, `federated-authentication`. */
    authentication: string[];
    splitTunnel?: boolean;
    selfServicePortal?: string;
    sessionTimeoutHours?: number;
    connectionLogs: boolean;
    /** What the authorisation rules admit (CIDR and whether every group is admitted). */
    authorizedCidrs: string[];
  };
  /** The private streaming endpoint (`com.amazonaws.<region>.highlander`), when streaming stays private. */
  streamingEndpoint?: { source: RecordSource; service: string };
  /** The directory the desktops sign in to. */
  directory?: { source: RecordSource; type: string; name?: string };
  /** Desktops in the templates (WorkSpaces, pools) and whether a directory registration sets the hardening. */
  desktops: { personal: number; pools: number; registeredDirectory: boolean };
}

/** One automated control and the value the templates set. */
export interface ControlRecord {
  tier?: Tier;
  /** A stable id the catalogue names (e.g. `clipboard-to-device`, `device-type:DeviceTypeWindows`). */
  id: string;
  value: string;
  source: RecordSource;
}

export interface ReportRecord {
  provenance: Provenance;
  logs: LogRecord[];
  egress: EgressRecord[];
  links: LinkRecord[];
  telework: TeleworkPathRecord[];
  controls: ControlRecord[];
}
