/**
 * The inputs of a cost estimate besides the municipality configuration itself: the exchange rate, the tax
 * rate, a discount, the usage assumptions, how each telework tier's desktops are billed, the log and traffic
 * volumes, and price overrides. They are written in the configuration's `cost` section or in an overrides
 * file (`closed-telework cost --overrides FILE`), both validated by the same zod schema; every field has a
 * default a municipality recognises, stated in docs/cost.md.
 * Pure TypeScript: no aws-cdk-lib, no I/O.
 */
import { z } from 'zod';
import { TIERS, type Tier } from '../tiers/tier';
import {
  DEFAULT_STALE_AFTER_DAYS,
  isPriceKey,
  PRICE_KEYS,
  PRICED_REGIONS,
  RUNNING_MODES,
  WORKSPACES_BUNDLES,
  type PricedRegion,
  type PriceKey,
  type RunningMode,
  type WorkspacesBundle,
} from './prices/price-entry';

/** A fix text in both languages, carried in a custom issue's params (read by lib/config/schema-problems.ts). */
interface FixParams {
  fix: string;
  ja: string;
}

const isoDate = z.string().superRefine((value, ctx) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!m || d === undefined || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    const params: FixParams = { fix: 'write the date as YYYY-MM-DD, e.g. 2026-12-01', ja: `日付「${value}」は YYYY-MM-DD の形式（例: 2026-12-01）で書いてください` };
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a date (YYYY-MM-DD)`, params });
  }
});

const bundle = z.string().superRefine((value, ctx) => {
  if (!(WORKSPACES_BUNDLES as readonly string[]).includes(value)) {
    const params: FixParams = {
      fix: `use one of the WorkSpaces bundles ${WORKSPACES_BUNDLES.join(', ')} (GPU and general-purpose bundles are not in the price table)`,
      ja: `WorkSpaces のバンドル「${value}」は価格表にありません。${WORKSPACES_BUNDLES.join(' / ')} のいずれかを指定してください`,
    };
    ctx.addIssue({ code: 'custom', message: `unknown WorkSpaces bundle "${value}"`, params });
  }
});

const runningMode = z.string().superRefine((value, ctx) => {
  if (!(RUNNING_MODES as readonly string[]).includes(value)) {
    const params: FixParams = {
      fix: `use ${RUNNING_MODES.join(' or ')}`,
      ja: `実行モード「${value}」は使えません。AUTO_STOP（時間課金）または ALWAYS_ON（月額固定）を指定してください`,
    };
    ctx.addIssue({ code: 'custom', message: `unknown running mode "${value}"`, params });
  }
});

/** A price that replaces (or adds to) the shipped table: its own source and date are required. */
export const priceOverrideSchema = z.strictObject({
  usd: z.number().min(0),
  source: z.string().min(1),
  read: isoDate,
  note: z.string().optional(),
});
export type PriceOverride = z.infer<typeof priceOverrideSchema>;

const priceOverrides = z.record(z.string(), priceOverrideSchema).superRefine((record, ctx) => {
  for (const key of Object.keys(record)) {
    if (!isPriceKey(key)) {
      const params: FixParams = {
        fix: `use a key of the price table (closed-telework cost --prices lists them), e.g. ${PRICE_KEYS[1]}`,
        ja: `価格キー「${key}」は価格表にありません。closed-telework cost --prices で一覧を確認してください`,
      };
      ctx.addIssue({ code: 'custom', message: `unknown price key "${key}"`, path: [key], params });
    }
  }
});

export const desktopBillingSchema = z.strictObject({
  bundle: bundle.optional(),
  runningMode: runningMode.optional(),
  /** Seats to price instead of tiers.<tier>.seats (e.g. the trial's 20 seats). */
  seats: z
    .number()
    .int()
    .max(20000)
    .superRefine((value, ctx) => {
      if (value < 0) {
        const params: FixParams = { fix: 'give the number of desktops to price, 0 or more (e.g. 20 for a trial)', ja: `席数に負の値（${value}）は指定できません。0以上の台数（試行なら例えば20）を指定してください` };
        ctx.addIssue({ code: 'custom', message: `a seat count cannot be negative (got ${value})`, params });
      }
    })
    .optional(),
});

export const costSettingsSchema = z.strictObject({
  /** JPY per USD used for the budget; state your finance section's planning rate (予算積算レート). */
  exchangeRate: z
    .strictObject({
      jpyPerUsd: z.number().gt(0).max(1000),
      asOf: isoDate,
      basis: z.string().optional(),
    })
    .optional(),
  /** Consumption tax, shown separately (0.10 = 10 %). */
  consumptionTaxRate: z.number().min(0).max(0.5).optional(),
  /** A negotiated discount on AWS usage, percent, applied before tax (e.g. an enterprise agreement). */
  discountPercent: z.number().min(0).max(100).optional(),
  usage: z
    .strictObject({
      workingDaysPerMonth: z.number().int().min(1).max(31).optional(),
      teleworkHoursPerDay: z.number().gt(0).max(24).optional(),
      /** Share of a tier's seats in use on a given working day (0.25 = a quarter of the staff telework each day). */
      teleworkShare: z.number().min(0).max(1).optional(),
    })
    .optional(),
  /** Per telework tier: the WorkSpaces bundle and running mode to price, and optionally its seats. */
  desktops: z.partialRecord(z.enum(TIERS), desktopBillingSchema).optional(),
  volumes: z
    .strictObject({
      flowLogGbPerTierMonth: z.number().min(0).optional(),
      teleworkLogGbPerTierMonth: z.number().min(0).optional(),
      trailGbPerMonth: z.number().min(0).optional(),
      internetEgressGbPerMonth: z.number().min(0).optional(),
      transitGatewayGbPerMonth: z.number().min(0).optional(),
    })
    .optional(),
  /** Price overrides per region: `ap-northeast-1: { "workspaces.STANDARD.alwaysOnMonthly": { usd, source, read } }`. */
  prices: z.partialRecord(z.enum(PRICED_REGIONS), priceOverrides).optional(),
  /** Prices read longer ago than this make the estimate warn. */
  staleAfterDays: z.number().int().min(1).max(3650).optional(),
});
export type CostSettingsInput = z.input<typeof costSettingsSchema>;
export type CostSettings = z.infer<typeof costSettingsSchema>;

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
