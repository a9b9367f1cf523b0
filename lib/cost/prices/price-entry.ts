/**
 * The shape of the shipped price table: every price the estimator can use, with its unit, the AWS pricing
 * page it comes from and the date it was read. A price that could not be confirmed says so (`confirmed:
 * false`, with `note` naming where the number does come from), and a price for which no sourced number
 * exists at all is `usd: null`: the estimate then lists the line as NOT COUNTED instead of inventing one.
 * Pure data and types: no aws-cdk-lib, no I/O.
 */

export {
  isPriceKey,
  PRICE_KEYS,
  PRICED_REGIONS,
  RUNNING_MODES,
  WORKSPACES_BUNDLES,
  type PriceKey,
  type PricedRegion,
  type RunningMode,
  type WorkspacesBundle,
} from '../../config/cost-settings';
import type { PriceKey } from '../../config/cost-settings';

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
  /**
   * The stored page that shows the number (a price is marked confirmed only when one does): its address, the
   * day it was read, what it says, and whether what it says holds in every region (an AWS statement not tied
   * to a region) or only in the region of this table.
   */
  evidence?: PriceEvidence;
  /** Where the price came from: the shipped table, the configuration's `cost.prices`, or an overrides file. */
  origin?: 'table' | 'configuration' | 'overrides-file';
}

export interface PriceEvidence {
  url: string;
  /** YYYY-MM-DD. */
  read: string;
  /** The words on the page the number rests on. */
  says: string;
  scope: 'this-region' | 'every-region';
}

export type RegionPriceTable = Partial<Record<PriceKey, PriceEntry>>;

/** Prices older than this many days make the estimate warn (overridable with `cost.staleAfterDays`). */
export const DEFAULT_STALE_AFTER_DAYS = 180;
