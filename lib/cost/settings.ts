/**
 * The inputs of a cost estimate with every default applied. They are written in the configuration's `cost`
 * section or in an overrides file (`closed-telework cost --overrides FILE`), both validated by the schema in
 * lib/config/cost-settings.ts; every field has a default a municipality recognises, stated in docs/cost.md.
 * Pure TypeScript: no aws-cdk-lib, no I/O.
 */
import { TIERS, type Tier } from '../tiers/tier';
import type { CostSettings, PriceOverride } from '../config/cost-settings';
import { DEFAULT_STALE_AFTER_DAYS, PRICED_REGIONS, type PricedRegion, type PriceKey, type RunningMode, type WorkspacesBundle } from './prices/price-entry';

export { costSettingsSchema, desktopBillingSchema, priceOverrideSchema, type CostSettings, type CostSettingsInput, type PriceOverride } from '../config/cost-settings';

export interface DesktopBilling {
  bundle: WorkspacesBundle;
  runningMode: RunningMode;
  /** Undefined: the configuration's tiers.<tier>.seats. */
  seats?: number;
}

/** Every input with its default applied: what the estimator reads. */
export interface ResolvedCostSettings {
  exchangeRate: { jpyPerUsd: number; asOf: string; basis: { en: string; ja: string } };
  consumptionTaxRate: number;
  discountPercent: number;
  usage: { workingDaysPerMonth: number; teleworkHoursPerDay: number; teleworkShare: number };
  desktops: Partial<Record<Tier, DesktopBilling>>;
  volumes: {
    flowLogGbPerTierMonth: number;
    teleworkLogGbPerTierMonth: number;
    trailGbPerMonth: number;
    internetEgressGbPerMonth: number;
    transitGatewayGbPerMonth: number;
  };
  prices: Partial<Record<PricedRegion, Partial<Record<PriceKey, PriceOverride & { origin: 'configuration' | 'overrides-file' }>>>>;
  staleAfterDays: number;
}

/**
 * The defaults, chosen to be recognisable to a municipality (docs/cost.md explains each):
 * 20 working days, 7.75 hours (the 7 h 45 min working day of most local governments), a quarter of the
 * staff teleworking on a given day (the 20–25 % in scope at first), STANDARD desktops in AutoStop.
 */
export const DEFAULT_COST_SETTINGS: ResolvedCostSettings = {
  exchangeRate: {
    jpyPerUsd: 150,
    asOf: '2026-12-06',
    basis: {
      en: "a planning rate chosen by closed-telework, not a market quote: replace it with your finance section's budget rate (予算積算レート)",
      ja: 'closed-telework が置いた計画用のレート（市場レートではありません）。財政担当課の予算積算レートに置き換えてください',
    },
  },
  consumptionTaxRate: 0.1,
  discountPercent: 0,
  usage: { workingDaysPerMonth: 20, teleworkHoursPerDay: 7.75, teleworkShare: 0.25 },
  desktops: {},
  volumes: {
    flowLogGbPerTierMonth: 5,
    teleworkLogGbPerTierMonth: 1,
    trailGbPerMonth: 2,
    internetEgressGbPerMonth: 100,
    // The tier VPCs route nothing to the Transit Gateway (it is a seam for later); no data by default.
    transitGatewayGbPerMonth: 0,
  },
  prices: {},
  staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
};

export const DEFAULT_DESKTOP_BILLING: DesktopBilling = { bundle: 'STANDARD', runningMode: 'AUTO_STOP' };

/**
 * Layers validated settings over the defaults: the configuration's `cost` section first, then an overrides
 * file (which wins field by field, and price by price).
 */
export function resolveCostSettings(layers: Array<{ settings: CostSettings; origin: 'configuration' | 'overrides-file' }>): ResolvedCostSettings {
  const r: ResolvedCostSettings = structuredClone(DEFAULT_COST_SETTINGS);
  for (const { settings: s, origin } of layers) {
    if (s.exchangeRate) {
      const where = origin === 'configuration' ? { en: 'set in the configuration', ja: '設定ファイルで指定' } : { en: 'set in the overrides file', ja: '上書き設定ファイルで指定' };
      const basis = s.exchangeRate.basis !== undefined ? { en: s.exchangeRate.basis, ja: s.exchangeRate.basis } : where;
      r.exchangeRate = { basis, jpyPerUsd: s.exchangeRate.jpyPerUsd, asOf: s.exchangeRate.asOf };
    }
    if (s.consumptionTaxRate !== undefined) r.consumptionTaxRate = s.consumptionTaxRate;
    if (s.discountPercent !== undefined) r.discountPercent = s.discountPercent;
    r.usage = { ...r.usage, ...definedOnly(s.usage ?? {}) };
    r.volumes = { ...r.volumes, ...definedOnly(s.volumes ?? {}) };
    for (const tier of TIERS) {
      const d = s.desktops?.[tier];
      if (d === undefined) continue;
      const prev = r.desktops[tier] ?? { ...DEFAULT_DESKTOP_BILLING };
      r.desktops[tier] = {
        bundle: (d.bundle as WorkspacesBundle | undefined) ?? prev.bundle,
        runningMode: (d.runningMode as RunningMode | undefined) ?? prev.runningMode,
        seats: d.seats ?? prev.seats,
      };
    }
    for (const region of PRICED_REGIONS) {
      const overrides = s.prices?.[region];
      if (!overrides) continue;
      const target = (r.prices[region] ??= {});
      for (const [key, value] of Object.entries(overrides)) target[key as PriceKey] = { ...value, origin };
    }
    if (s.staleAfterDays !== undefined) r.staleAfterDays = s.staleAfterDays;
  }
  return r;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function desktopBillingOf(settings: ResolvedCostSettings, tier: Tier): DesktopBilling {
  return settings.desktops[tier] ?? DEFAULT_DESKTOP_BILLING;
}
