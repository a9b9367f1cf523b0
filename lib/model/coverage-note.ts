/**
 * What the model does not cover, as data: the report words each note in the reader's language
 * (lib/report/i18n/coverage.{en,ja}.ts) and `verify --format json` writes the English. A plain string is a
 * note some other producer (the live-account reader) gives in its own English words.
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

export type CoverageNote =
  | { key: 'standing'; limit: StandingLimit }
  /** The security group WorkSpaces creates for desktops, modelled as AWS documents it. */
  | { key: 'workspaces-security-group' }
  /** A custom resource of this package, identified by its type name; `does` is what it creates. */
  | { key: 'package-custom-resource'; type: string; does: 'workspaces-directory' | 'ad-connector' }
  | { key: 'duplicate-export'; name: string };

export type CoverageItem = string | CoverageNote;
