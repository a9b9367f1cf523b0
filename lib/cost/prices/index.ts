/** The shipped price table, per region. */
import { AP_NORTHEAST_1 } from './ap-northeast-1';
import { AP_NORTHEAST_3 } from './ap-northeast-3';
import type { PricedRegion, RegionPriceTable } from './price-entry';

export * from './price-entry';

export const PRICE_TABLE: Readonly<Record<PricedRegion, RegionPriceTable>> = {
  'ap-northeast-1': AP_NORTHEAST_1,
  'ap-northeast-3': AP_NORTHEAST_3,
};
