/**
 * What the model does not cover, as data: the report words each note in the reader's language
 * (lib/report/i18n/coverage.{en,ja}.ts) and `verify --format json` writes the English. A plain string is a
 * note a producer outside this package gives in its own words (kept as given).
 * Pure TypeScript: no aws-cdk-lib import.
 */

/** The limits every verification has, whatever the templates hold (lib/model/facts/index.ts). */
export const STANDING_LIMITS = [
  'main-route-table',
  'parameters',
  'one-way-delivery',
  'security-groups-any-attachment',
  'nacl-at-ends',
  'internet-reaches-public-vpc',
  'aws-prefix-lists',
  'services-are-destinations',
  'undecidable-conditions',
  'network-firewall-pass-through',
] as const;

export type StandingLimit = (typeof STANDING_LIMITS)[number];

/** What a verification of the live account does not cover, besides the standing limits it shares (lib/snapshot). */
export type SnapshotLimit = 'snapshot-time' | 'bgp-propagation' | 'services-are-destinations' | 'accounts-apart' | 'service-facts-not-read';

/** Optional snapshot outputs whose absence costs the model something (lib/snapshot/catalogue.ts). */
export type OptionalListing = 'SecurityGroupRules' | 'ServiceConfigurations' | 'LoadBalancers' | 'DirectConnectGatewayAssociations';

/** Outputs the snapshot reader recognises and leaves out on purpose. */
export type KnownUnusedOutput = 'instances' | 'addresses' | 'flow-logs' | 'dhcp-options';

/** Why the snapshot reader did not use a file: a known output it leaves out, or top-level keys it does not know. */
export type UnusedOutputWhy = { kind: KnownUnusedOutput | 'prefix-lists' } | { kind: 'unknown-keys'; keys: string[] };

export type CoverageNote =
  | { key: 'standing'; limit: StandingLimit }
  /** The security group WorkSpaces creates for desktops, modelled as AWS documents it. */
  | { key: 'workspaces-security-group' }
  /** A custom resource of this package, identified by its type name; `does` is what it creates. */
  | { key: 'package-custom-resource'; type: string; does: 'workspaces-directory' | 'ad-connector' }
  | { key: 'duplicate-export'; name: string }
  | { key: 'snapshot'; limit: SnapshotLimit }
  /** An optional output missing from a snapshot folder (`command`: the AWS CLI command that writes it). */
  | { key: 'snapshot-output-missing'; folder: string; output: OptionalListing; command: string }
  | { key: 'snapshot-unused-file'; file: string; why: UnusedOutputWhy };

export type CoverageItem = string | CoverageNote;
