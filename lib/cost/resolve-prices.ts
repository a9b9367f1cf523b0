/**
 * The prices an estimate uses: the shipped table for the configuration's region with the configuration's and
 * the overrides file's prices on top, and which of them are older than the stated age.
 * Pure TypeScript.
 */
import { PRICE_TABLE } from './prices';
import type { PricedRegion, PriceEntry, PriceKey, RegionPriceTable } from './prices/price-entry';
import type { ResolvedCostSettings } from './settings';

export function resolvePrices(region: PricedRegion, settings: ResolvedCostSettings): RegionPriceTable {
  const resolved: RegionPriceTable = {};
  for (const [key, entry] of Object.entries(PRICE_TABLE[region]) as Array<[PriceKey, PriceEntry]>) {
    resolved[key] = { ...entry, origin: 'table' };
  }
  for (const [key, o] of Object.entries(settings.prices[region] ?? {}) as Array<[PriceKey, NonNullable<ResolvedCostSettings['prices'][PricedRegion]>[PriceKey]]>) {
    if (o === undefined) continue;
    const shipped = PRICE_TABLE[region][key];
    resolved[key] = {
      usd: o.usd,
      unit: shipped?.unit ?? { en: 'USD per unit of the table key', ja: 'USD/単位' },
      source: o.source,
      read: o.read,
      // A price the municipality supplies with its own source (a quote, the pricing page) is theirs to vouch for.
      confirmed: true,
      note: o.note ?? `override from the ${o.origin}`,
      origin: o.origin,
    };
  }
  return resolved;
}

/** Whole days from `read` (YYYY-MM-DD) to `today` (YYYY-MM-DD). */
export function ageInDays(read: string, today: string): number {
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${read}T00:00:00Z`);
  return Math.floor(ms / 86_400_000);
}
