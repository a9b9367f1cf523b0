/**
 * The estimate: the configuration's cost drivers priced from the resolved price table, in USD and in JPY at
 * the stated exchange rate, monthly and yearly, before tax, the consumption tax, and with tax; per seat;
 * from a 20-seat trial to 100 and 1,000 seats; and where AlwaysOn becomes cheaper than AutoStop.
 *
 * Rounding (stated in docs/cost.md): each line's monthly yen is rounded to the yen; totals are sums of lines;
 * consumption tax is rounded down (円未満切捨て) on the monthly total; yearly figures are 12 × monthly.
 * Pure TypeScript.
 */
import type { MunicipalityConfig } from '../config/schema';
import { resolveTelework, teleworkTiers } from '../config/telework';
import type { ConfigProblem } from '../config/config-error';
import { TIER_LABELS, type Tier } from '../tiers/tier';
import { CostInputError } from './cost-error';
import { costDrivers, pricedSeats, runningHoursPerSeat, type CostDriver } from './cost-drivers';
import type { Bilingual, PricedRegion, PriceEntry, PriceKey, WorkspacesBundle } from './prices/price-entry';
import { NOT_MODELLED, notIncludedFor, SERVICE_TYPE_REFERENCE, type ServiceReference } from './reference-points';
import { ageInDays, resolvePrices } from './resolve-prices';
import { desktopBillingOf, type ResolvedCostSettings } from './settings';

/** The seat counts the small-start path is shown at: a trial, a department, a whole town hall. */
export const SCALE_POINTS = [20, 100, 1000] as const;

export interface CostLine extends CostDriver {
  price: PriceEntry;
  /** False when the price has no sourced number (usd null): the line is shown but not added up. */
  counted: boolean;
  /** USD a month after the discount. */
  monthlyUsd: number;
  /** JPY a month before tax, rounded to the yen. */
  monthlyJpy: number;
  yearlyJpy: number;
}

export interface Totals {
  monthlyUsd: number;
  monthlyJpyExTax: number;
  monthlyTaxJpy: number;
  monthlyJpyIncTax: number;
  yearlyJpyExTax: number;
  yearlyTaxJpy: number;
  yearlyJpyIncTax: number;
}

export interface PerSeat {
  seats: number;
  monthlyJpyExTax: number;
  monthlyJpyIncTax: number;
  yearlyJpyIncTax: number;
  /** Of the monthly (before tax): what grows with seats (desktops, VPN connection hours) vs shared infrastructure. */
  monthlySeatDependentJpy: number;
  monthlySharedJpy: number;
}

export interface ScalePoint {
  seats: number;
  monthlyJpyIncTax: number;
  perSeatMonthlyJpyIncTax: number;
}

export interface BreakEven {
  tier: Tier;
  bundle: WorkspacesBundle;
  /** Undefined when one of the three prices is missing or not sourced. */
  hoursPerMonth?: number;
  /** The share of working days (at the assumed hours) at which AlwaysOn becomes cheaper. */
  teleworkShare?: number;
  assumedHoursPerSeat: number;
  cheaperAtAssumedUsage?: 'AUTO_STOP' | 'ALWAYS_ON';
  reason?: Bilingual;
}

export interface CostWarning {
  kind: 'stale-price' | 'unconfirmed-price' | 'not-counted' | 'no-seats';
  en: string;
  ja: string;
}

export interface CostEstimate {
  municipality: { name: string; displayName: { en: string; ja: string } };
  region: PricedRegion;
  /** The day the estimate was made (injected: reproducible output and testable staleness). */
  today: string;
  settings: ResolvedCostSettings;
  lines: CostLine[];
  totals: Totals;
  perSeat?: PerSeat;
  scale: ScalePoint[];
  breakEven: BreakEven[];
  reference: ServiceReference & { differenceJpy?: number; ratio?: number };
  /** Every price the estimate used, by key. */
  prices: Partial<Record<PriceKey, PriceEntry>>;
  warnings: CostWarning[];
  notIncluded: readonly Bilingual[];
  notModelled: readonly Bilingual[];
}

export interface EstimateOptions {
  /** YYYY-MM-DD. */
  today: string;
}

export function estimateCost(config: MunicipalityConfig, settings: ResolvedCostSettings, options: EstimateOptions): CostEstimate {
  const region = config.region as PricedRegion;
  const core = priceDrivers(config, settings);
  const scale = SCALE_POINTS.map((n) => scalePoint(config, settings, n));
  const telework = resolveTelework(config.telework);
  const seatsByTier = pricedSeats(config, settings);
  const seats = Object.values(seatsByTier).reduce((a: number, b) => a + (b ?? 0), 0);
  const seatDependent = core.lines.filter((l) => l.counted && l.perSeat).reduce((a, l) => a + l.monthlyJpy, 0);
  const perSeat: PerSeat | undefined =
    seats > 0
      ? {
          seats,
          monthlyJpyExTax: Math.round(core.totals.monthlyJpyExTax / seats),
          monthlyJpyIncTax: Math.round(core.totals.monthlyJpyIncTax / seats),
          yearlyJpyIncTax: Math.round(core.totals.yearlyJpyIncTax / seats),
          monthlySeatDependentJpy: Math.round(seatDependent / seats),
          monthlySharedJpy: Math.round((core.totals.monthlyJpyExTax - seatDependent) / seats),
        }
      : undefined;

  const breakEven = teleworkTiers(telework).map((tier) => breakEvenOf(tier, settings, region, telework.hardening.autoStopTimeoutMinutes));
  const reference: CostEstimate['reference'] = { ...SERVICE_TYPE_REFERENCE };
  if (perSeat) {
    reference.differenceJpy = perSeat.monthlyJpyIncTax - SERVICE_TYPE_REFERENCE.jpyPerSeatMonth;
    reference.ratio = perSeat.monthlyJpyIncTax / SERVICE_TYPE_REFERENCE.jpyPerSeatMonth;
  }

  return {
    municipality: { name: config.name, displayName: config.displayName },
    region,
    today: options.today,
    settings,
    lines: core.lines,
    totals: core.totals,
    perSeat,
    scale,
    breakEven,
    reference,
    prices: core.prices,
    warnings: warningsOf(core.lines, core.prices, settings, options.today, seats),
    notIncluded: notIncludedFor(config.internetEgress.kind),
    notModelled: NOT_MODELLED,
  };
}

interface Priced {
  lines: CostLine[];
  totals: Totals;
  prices: Partial<Record<PriceKey, PriceEntry>>;
}

/** Prices every driver; a driver whose price key is absent for the region is an error (all collected). */
export function priceDrivers(config: MunicipalityConfig, settings: ResolvedCostSettings): Priced {
  const region = config.region as PricedRegion;
  const table = resolvePrices(region, settings);
  const drivers = costDrivers(config, settings);
  const problems: ConfigProblem[] = [];
  const used: Partial<Record<PriceKey, PriceEntry>> = {};
  const keep = 1 - settings.discountPercent / 100;
  const lines: CostLine[] = [];
  for (const d of drivers) {
    const price = table[d.priceKey];
    if (price === undefined) {
      if (!problems.some((p) => p.path === `cost.prices.${region}.${d.priceKey}`)) problems.push(missingPrice(region, d));
      continue;
    }
    used[d.priceKey] = price;
    const counted = price.usd !== null;
    const monthlyUsd = counted ? d.quantity * (price.usd as number) * keep : 0;
    const monthlyJpy = Math.round(monthlyUsd * settings.exchangeRate.jpyPerUsd);
    lines.push({ ...d, price, counted, monthlyUsd, monthlyJpy, yearlyJpy: monthlyJpy * 12 });
  }
  if (problems.length > 0) throw new CostInputError(`prices for ${region}`, problems);
  return { lines, totals: totalsOf(lines, settings.consumptionTaxRate), prices: used };
}

function missingPrice(region: PricedRegion, d: CostDriver): ConfigProblem {
  return {
    path: `cost.prices.${region}.${d.priceKey}`,
    message: `the price table has no ${region} price for "${d.priceKey}", which ${d.configPath} needs (${d.label.en})`,
    fix: `add cost.prices.${region}."${d.priceKey}": { usd, source, read } with the price from ${region}'s AWS pricing page, or choose a bundle / running mode the table prices (docs/cost.md)`,
    ja: `${region} の価格表に「${d.priceKey}」（${d.label.ja}）の単価がありません。AWS の料金ページで確認した単価を cost.prices.${region} に出典・確認日とともに追加するか、価格表にあるバンドル・実行モードを選んでください`,
  };
}

export function totalsOf(lines: readonly CostLine[], taxRate: number): Totals {
  const monthlyUsd = lines.reduce((a, l) => a + l.monthlyUsd, 0);
  const monthlyJpyExTax = lines.reduce((a, l) => a + l.monthlyJpy, 0);
  const monthlyTaxJpy = Math.floor(monthlyJpyExTax * taxRate);
  const monthlyJpyIncTax = monthlyJpyExTax + monthlyTaxJpy;
  return {
    monthlyUsd,
    monthlyJpyExTax,
    monthlyTaxJpy,
    monthlyJpyIncTax,
    yearlyJpyExTax: monthlyJpyExTax * 12,
    yearlyTaxJpy: monthlyTaxJpy * 12,
    yearlyJpyIncTax: monthlyJpyIncTax * 12,
  };
}

/** The estimate with the telework seats set to `total`, split across telework tiers in proportion (largest remainder). */
function scalePoint(config: MunicipalityConfig, settings: ResolvedCostSettings, total: number): ScalePoint {
  const current = pricedSeats(config, settings);
  const tiers = Object.keys(current) as Tier[];
  const scaled: ResolvedCostSettings = structuredClone(settings);
  const sum = tiers.reduce((a, t) => a + (current[t] ?? 0), 0);
  const weights = tiers.map((t) => (sum > 0 ? (current[t] ?? 0) / sum : 1 / tiers.length));
  const floors = weights.map((w) => Math.floor(w * total));
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => ({ i, r: w * total - floors[i] })).sort((a, b) => b.r - a.r);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] += 1;
    left -= 1;
  }
  tiers.forEach((t, i) => {
    scaled.desktops[t] = { ...desktopBillingOf(settings, t), seats: floors[i] };
  });
  const { totals } = priceDrivers(config, scaled);
  return { seats: total, monthlyJpyIncTax: totals.monthlyJpyIncTax, perSeatMonthlyJpyIncTax: tiers.length > 0 ? Math.round(totals.monthlyJpyIncTax / total) : 0 };
}

function breakEvenOf(tier: Tier, settings: ResolvedCostSettings, region: PricedRegion, autoStopTimeoutMinutes: number): BreakEven {
  const { bundle } = desktopBillingOf(settings, tier);
  const assumedHoursPerSeat = runningHoursPerSeat(settings, autoStopTimeoutMinutes);
  // Break-even needs the prices of BOTH modes, whichever is being priced.
  const table = resolvePrices(region, settings);
  const always = table[`workspaces.${bundle}.alwaysOnMonthly`]?.usd;
  const base = table[`workspaces.${bundle}.autoStopMonthly`]?.usd;
  const hourly = table[`workspaces.${bundle}.autoStopHourly`]?.usd;
  if (always == null || base == null || hourly == null || hourly <= 0) {
    return {
      tier,
      bundle,
      assumedHoursPerSeat,
      reason: {
        en: `the price table lacks an AlwaysOn or AutoStop price of ${bundle}`,
        ja: `${bundle} の AlwaysOn または AutoStop の単価が価格表にないため算出できません`,
      },
    };
  }
  const hoursPerMonth = (always - base) / hourly;
  const u = settings.usage;
  const fullMonthHours = u.workingDaysPerMonth * (u.teleworkHoursPerDay + autoStopTimeoutMinutes / 60);
  return {
    tier,
    bundle,
    hoursPerMonth,
    teleworkShare: hoursPerMonth / fullMonthHours,
    assumedHoursPerSeat,
    cheaperAtAssumedUsage: assumedHoursPerSeat < hoursPerMonth ? 'AUTO_STOP' : 'ALWAYS_ON',
  };
}

function warningsOf(lines: readonly CostLine[], prices: Partial<Record<PriceKey, PriceEntry>>, settings: ResolvedCostSettings, today: string, seats: number): CostWarning[] {
  const warnings: CostWarning[] = [];
  const stale = (Object.entries(prices) as Array<[PriceKey, PriceEntry]>).filter(([, p]) => ageInDays(p.read, today) > settings.staleAfterDays);
  if (stale.length > 0) {
    warnings.push({
      kind: 'stale-price',
      en: `${stale.length} price(s) were read more than ${settings.staleAfterDays} days before ${today} (${stale.map(([k, p]) => `${k}: ${p.read}`).join(', ')}): check them against the AWS pricing pages before using this estimate`,
      ja: `${stale.length} 件の単価が ${today} の ${settings.staleAfterDays} 日以上前に確認されたものです（${stale.map(([k, p]) => `${k}: ${p.read}`).join('、')}）。使用前に AWS の料金ページで確認してください`,
    });
  }
  const unconfirmed = [...new Set(lines.filter((l) => l.counted && !l.price.confirmed).map((l) => l.priceKey))];
  if (unconfirmed.length > 0) {
    warnings.push({
      kind: 'unconfirmed-price',
      en: `this estimate uses ${unconfirmed.length} price(s) NOT confirmed for this region (${unconfirmed.join(', ')}): see the price table's notes and replace them in cost.prices before submitting`,
      ja: `このリージョンで未確認の単価を ${unconfirmed.length} 件使っています（${unconfirmed.join('、')}）。価格表の注記を確認し、提出前に cost.prices で確認済みの単価に置き換えてください`,
    });
  }
  const notCounted = lines.filter((l) => !l.counted);
  if (notCounted.length > 0) {
    warnings.push({
      kind: 'not-counted',
      en: `${notCounted.length} line(s) are NOT COUNTED because no sourced price exists (${notCounted.map((l) => l.label.en).join('; ')}): the totals are too low by their cost; add the prices in cost.prices`,
      ja: `単価が確認できないため ${notCounted.length} 件の項目を計上していません（${notCounted.map((l) => l.label.ja).join('、')}）。合計はその分だけ過少です。cost.prices に単価を追加してください`,
    });
  }
  if (seats === 0) {
    warnings.push({
      kind: 'no-seats',
      en: 'no telework seats are priced (no telework tier, or zero seats): no per-seat figure',
      ja: 'テレワーク席数が0のため、1席あたりの金額は算出していません',
    });
  }
  return warnings;
}

/** For renderers: the tier label of a line, or "shared". */
export function lineScope(line: CostLine): Bilingual {
  return line.tier ? TIER_LABELS[line.tier] : { en: 'Shared', ja: '共通' };
}

