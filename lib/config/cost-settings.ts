/**
 * The `cost` section of a municipality configuration — the inputs of `closed-telework cost` (docs/cost.md):
 * exchange rate, consumption tax, discount, usage assumptions, each telework tier's WorkSpaces bundle and
 * running mode, log and traffic volumes, and price overrides with their own source and date. An overrides
 * file (`--overrides FILE`) holds the same document. It lives here, with the rest of the configuration's
 * schema, so a bad value fails when the configuration is loaded (by `cdk synth` too), and so lib/cost
 * depends on lib/config and never the other way round. The vocabulary a configuration can name — bundles,
 * running modes, price keys — is defined here for the same reason; lib/cost prices it.
 * Pure TypeScript: zod only.
 */
import { z } from 'zod';
import { TIERS } from '../tiers/tier';
import type { FixParams } from './zod-helpers';

/** The regions prices exist for: the two a configuration may use. */
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

