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
      unit: shipped?.unit ?? unitOfKey(key),
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

/** The unit a key is priced in, for an override of a key the region's table does not carry. */
export function unitOfKey(key: PriceKey): PriceEntry['unit'] {
  for (const table of Object.values(PRICE_TABLE)) {
    const known = table[key]?.unit;
    if (known) return known;
  }
  if (/alwaysOnMonthly$|autoStopMonthly$/.test(key)) return { en: 'USD per desktop per month', ja: 'USD/台・月' };
  if (/Hourly$|[Hh]our$/.test(key)) return { en: 'USD per hour', ja: 'USD/時間' };
  if (/Gb$/.test(key)) return { en: 'USD per GB', ja: 'USD/GB' };
  return { en: 'USD per month', ja: 'USD/月' };
}

/** Whole days from `read` (YYYY-MM-DD) to `today` (YYYY-MM-DD). */
export function ageInDays(read: string, today: string): number {
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${read}T00:00:00Z`);
  return Math.floor(ms / 86_400_000);
}
