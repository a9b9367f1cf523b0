/**
 * Asia Pacific (Osaka) prices. No Osaka-specific price could be confirmed from the sources available on
 * 2026-12-06, so every entry is the Tokyo entry used as a stand-in and marked NOT CONFIRMED: the estimate then
 * warns on every line. An Osaka municipality replaces them in `cost.prices.ap-northeast-3` (docs/cost.md).
 */
import { AP_NORTHEAST_1 } from './ap-northeast-1';
import type { PriceEntry, PriceKey, RegionPriceTable } from './price-entry';

function osakaStandIn(tokyo: PriceEntry): PriceEntry {
  return {
    ...tokyo,
    confirmed: false,
    note: `NOT CONFIRMED for Osaka: the Tokyo (ap-northeast-1) entry is used as a stand-in. Tokyo entry: ${tokyo.note ?? 'confirmed list price'}`,
  };
}

export const AP_NORTHEAST_3: RegionPriceTable = Object.fromEntries(
  (Object.entries(AP_NORTHEAST_1) as Array<[PriceKey, PriceEntry]>).map(([key, entry]) => [key, osakaStandIn(entry)]),
) as RegionPriceTable;
