/**
 * The shape of the shipped price table: every price the estimator can use, with its unit, the AWS pricing
 * page it comes from and the date it was read. A price that could not be confirmed says so (`confirmed:
 * false`, with `note` naming where the number does come from), and a price for which no sourced number
 * exists at all is `usd: null`: the estimate then lists the line as NOT COUNTED instead of inventing one.
 * Pure data and types: no aws-cdk-lib, no I/O.
 */

/** Regions this package deploys to (the same two lib/config allows; kept here so lib/config can import lib/cost). */
export const PRICED_REGIONS = ['ap-northeast-1', 'ap-northeast-3'] as const;
export type PricedRegion = (typeof PRICED_REGIONS)[number];

/** WorkSpaces Personal compute types a tier's desktops can be priced as (the roster's SIZES, minus GPU/general-purpose). */
export const WORKSPACES_BUNDLES = ['VALUE', 'STANDARD', 'PERFORMANCE', 'POWER', 'POWERPRO'] as const;
export type WorkspacesBundle = (typeof WORKSPACES_BUNDLES)[number];

/** How WorkSpaces bills a desktop: AutoStop = monthly base + per running hour; AlwaysOn = flat monthly. */
export const RUNNING_MODES = ['AUTO_STOP', 'ALWAYS_ON'] as const;
export type RunningMode = (typeof RUNNING_MODES)[number];

const bundleKeys = WORKSPACES_BUNDLES.flatMap((b) => [
  `workspaces.${b}.alwaysOnMonthly`,
  `workspaces.${b}.autoStopMonthly`,
  `workspaces.${b}.autoStopHourly`,
] as const);

/** Every price key, in the order the price table is printed. */
export const PRICE_KEYS = [
  ...bundleKeys,
  'directory.managedAd.Standard.dcHour',
  'directory.managedAd.Enterprise.dcHour',
  'directory.adConnector.Small.hour',
  'directory.adConnector.Large.hour',
  'clientVpn.associationHour',
  'clientVpn.connectionHour',
  'privateCa.generalPurposeMonth',
  'siteToSiteVpn.connectionHour',
  'transitGateway.attachmentHour',
  'transitGateway.dataGb',
  'natGateway.hour',
  'natGateway.dataGb',
  'publicIpv4.hour',
  'networkFirewall.endpointHour',
  'networkFirewall.dataGb',
  'privateLink.endpointAzHour',
  'cloudWatchLogs.ingestGb',
  'cloudWatchLogs.storageGbMonth',
  'kms.keyMonth',
  'secretsManager.secretMonth',
  's3.standardGbMonth',
  'cloudTrail.managementEventsFirstCopy',
] as const;
export type PriceKey = (typeof PRICE_KEYS)[number];

export function isPriceKey(value: unknown): value is PriceKey {
  return typeof value === 'string' && (PRICE_KEYS as readonly string[]).includes(value);
}

export interface Bilingual {
  en: string;
  ja: string;
}

export interface PriceEntry {
  /** USD per unit before tax; null when no sourced number exists (the line is then not counted). */
  usd: number | null;
  unit: Bilingual;
  /** The AWS pricing page the price belongs to. */
  source: string;
  /** The day the price was read (YYYY-MM-DD). */
  read: string;
  /** False when the number is not this region's confirmed list price (see `note`). */
  confirmed: boolean;
  /** Where an unconfirmed number comes from, or how it was confirmed. */
  note?: string;
  /** Where the price came from: the shipped table, the configuration's `cost.prices`, or an overrides file. */
  origin?: 'table' | 'configuration' | 'overrides-file';
}

export type RegionPriceTable = Partial<Record<PriceKey, PriceEntry>>;

/** Prices older than this many days make the estimate warn (overridable with `cost.staleAfterDays`). */
export const DEFAULT_STALE_AFTER_DAYS = 180;
