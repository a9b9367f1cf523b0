/**
 * Asia Pacific (Osaka) prices. No Osaka-specific price could be confirmed from the sources available on
 * 2026-12-06, so every entry is the Tokyo entry used as a stand-in and marked NOT CONFIRMED — except where the
 * Tokyo entry rests on an AWS statement for every region (evidence.scope 'every-region'): the estimate then
 * warns on every other line. An Osaka municipality replaces them in `cost.prices.ap-northeast-3` (docs/cost.md).
 */
import { AP_NORTHEAST_1 } from './ap-northeast-1';
import type { PriceEntry, PriceKey, RegionPriceTable } from './price-entry';

function osakaStandIn(tokyo: PriceEntry): PriceEntry {
  // What AWS states for every region holds in Osaka as in Tokyo.
  if (tokyo.confirmed && tokyo.evidence?.scope === 'every-region') return tokyo;
  // A page that shows the Tokyo number does not show Osaka's.
  const { evidence: _tokyoOnly, ...rest } = tokyo;
  return {
    ...rest,
    confirmed: false,
    note: `NOT CONFIRMED for Osaka: the Tokyo (ap-northeast-1) entry is used as a stand-in. Tokyo entry: ${tokyo.note ?? 'confirmed list price'}`,
  };
}

export const AP_NORTHEAST_3: RegionPriceTable = Object.fromEntries(
  (Object.entries(AP_NORTHEAST_1) as Array<[PriceKey, PriceEntry]>).map(([key, entry]) => [key, osakaStandIn(entry)]),
) as RegionPriceTable;
