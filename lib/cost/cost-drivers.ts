/**
 * Walks a validated municipality configuration and lists what it makes AWS bill for each month — the same
 * resources lib/network, lib/access, lib/desktops and lib/audit build from it — as quantities with units,
 * not yet priced. Keeping the quantities apart from the prices lets a reviewer check each one against the
 * configuration, and lets the test recompute them independently.
 * Pure TypeScript: reads the configuration only (no aws-cdk-lib).
 */
import type { MunicipalityConfig } from '../config/schema';
import { resolveTelework, teleworkTiers } from '../config/telework';
import { TIERS, TIER_LABELS, type Tier } from '../tiers/tier';
import { CostInputError } from './cost-error';
import type { Bilingual, PriceKey } from './prices/price-entry';
import { formatNumber } from './number-format';
import { desktopBillingOf, type ResolvedCostSettings } from './settings';

/** AWS's convention for a month of an always-running resource. */
export const HOURS_PER_MONTH = 730;
/** Days in an average month, for log retention → months of logs kept. */
export const DAYS_PER_MONTH = 365 / 12;
/** A Managed Microsoft AD directory runs two domain controllers (one per AZ), each billed per hour. */
export const MANAGED_AD_DOMAIN_CONTROLLERS = 2;

export type CostGroup = 'desktops' | 'directory' | 'access' | 'network' | 'logging' | 'keys';

export interface CostDriver {
  /** Stable id, e.g. `lgwan.workspaces.running-hours`. */
  id: string;
  group: CostGroup;
  /** The tier the resource belongs to; undefined for shared resources (Transit Gateway, audit trail). */
  tier?: Tier;
  priceKey: PriceKey;
  /** Quantity per month, in the price's unit. */
  quantity: number;
  label: Bilingual;
  /** How the quantity follows from the configuration and the assumptions. */
  basis: Bilingual;
  /** The configuration field the resource comes from. */
  configPath: string;
  /** True when the quantity grows with the number of seats (for the per-seat split). */
  perSeat: boolean;
}

/** Seats each telework tier's desktops are priced for (cost.desktops.<tier>.seats, else tiers.<tier>.seats). */
export function pricedSeats(config: MunicipalityConfig, settings: ResolvedCostSettings): Partial<Record<Tier, number>> {
  const telework = resolveTelework(config.telework);
  return Object.fromEntries(
    teleworkTiers(telework).map((tier) => [tier, desktopBillingOf(settings, tier).seats ?? config.tiers[tier].seats]),
  ) as Partial<Record<Tier, number>>;
}

/** Average running hours of one desktop a month: each telework day runs the working hours plus the AutoStop idle time. */
export function runningHoursPerSeat(settings: ResolvedCostSettings, autoStopTimeoutMinutes: number): number {
  const u = settings.usage;
  return u.workingDaysPerMonth * (u.teleworkHoursPerDay + autoStopTimeoutMinutes / 60) * u.teleworkShare;
}

/** Average Client VPN connection hours of one seat a month (connected while working; no idle tail). */
export function connectionHoursPerSeat(settings: ResolvedCostSettings): number {
  const u = settings.usage;
  return u.workingDaysPerMonth * u.teleworkHoursPerDay * u.teleworkShare;
}

const fmt = (n: number): string => (Number.isInteger(n) ? formatNumber(n) : formatNumber(n, { maximumFractionDigits: 4 }));

/** The basis of a quantity that is an assumed monthly volume. */
const assumedGbPerMonth = (gb: number): Bilingual => ({ en: `${fmt(gb)} GB a month (assumption)`, ja: `月${fmt(gb)}GB（想定）` });

interface LogGroupCost {
  /** Id prefix: `<prefix>.ingest` and `<prefix>.storage`. */
  id: string;
  tier?: Tier;
  gbPerMonth: number;
  retentionDays: number;
  label: { ingest: Bilingual; storage: Bilingual };
  configPath: string;
}

/**
 * A CloudWatch Logs group costs twice: what is ingested each month, and what is kept — in the steady state,
 * a month's volume for every month of the retention period.
 */
function logGroupDrivers(g: LogGroupCost): CostDriver[] {
  const tier = g.tier !== undefined ? { tier: g.tier } : {};
  return [
    { id: `${g.id}.ingest`, group: 'logging', ...tier, priceKey: 'cloudWatchLogs.ingestGb', quantity: g.gbPerMonth, label: g.label.ingest, basis: assumedGbPerMonth(g.gbPerMonth), configPath: g.configPath, perSeat: false },
    {
      id: `${g.id}.storage`,
      group: 'logging',
      ...tier,
      priceKey: 'cloudWatchLogs.storageGbMonth',
      quantity: g.gbPerMonth * (g.retentionDays / DAYS_PER_MONTH),
      label: g.label.storage,
      basis: {
        en: `${fmt(g.gbPerMonth)} GB × ${g.retentionDays} days kept ÷ ${fmt(DAYS_PER_MONTH)} (steady state)`,
        ja: `${fmt(g.gbPerMonth)}GB × 保持${g.retentionDays}日 ÷ ${fmt(DAYS_PER_MONTH)}（定常状態）`,
      },
      configPath: g.configPath,
      perSeat: false,
    },
  ];
}

export function costDrivers(config: MunicipalityConfig, settings: ResolvedCostSettings): CostDriver[] {
  const telework = resolveTelework(config.telework);
  const azs = config.availabilityZones.length;
  const drivers: CostDriver[] = [];
  const add = (d: CostDriver): void => {
    drivers.push(d);
  };
  const logStorageMonths = (days: number): number => days / DAYS_PER_MONTH;

  // ---------- every tier: its network (lib/network) ----------
  for (const tier of TIERS) {
    const t = config.tiers[tier];
    const label = TIER_LABELS[tier];
    const endpoints = t.endpointServices.length;
    if (endpoints > 0) {
      add({
        id: `${tier}.interface-endpoints`,
        group: 'network',
        tier,
        priceKey: 'privateLink.endpointAzHour',
        quantity: endpoints * azs * HOURS_PER_MONTH,
        label: { en: `Interface endpoints (${t.endpointServices.join(', ')})`, ja: `インターフェースエンドポイント（${t.endpointServices.join('、')}）` },
        basis: {
          en: `${endpoints} endpoints × ${azs} AZs × ${HOURS_PER_MONTH} h`,
          ja: `${endpoints}エンドポイント × ${azs}AZ × ${HOURS_PER_MONTH}時間`,
        },
        configPath: `tiers.${tier}.endpointServices`,
        perSeat: false,
      });
    }
    drivers.push(
      ...logGroupDrivers({
        id: `${tier}.flow-logs`,
        tier,
        gbPerMonth: settings.volumes.flowLogGbPerTierMonth,
        retentionDays: config.flowLogRetentionDays,
        label: { ingest: { en: 'VPC flow logs: ingestion', ja: 'VPCフローログ（取り込み）' }, storage: { en: 'VPC flow logs: storage', ja: 'VPCフローログ（保存）' } },
        configPath: 'flowLogRetentionDays',
      }),
    );
    add({
      id: `${tier}.flow-logs.key`,
      group: 'keys',
      tier,
      priceKey: 'kms.keyMonth',
      quantity: 1,
      label: { en: 'KMS key of the flow logs', ja: 'フローログ暗号化キー（KMS）' },
      basis: { en: '1 key per tier', ja: '層ごとに1キー' },
      configPath: `tiers.${tier}`,
      perSeat: false,
    });
    if (t.onPremLink?.kind === 'site-to-site-vpn') {
      add({
        id: `${tier}.site-to-site-vpn`,
        group: 'network',
        tier,
        priceKey: 'siteToSiteVpn.connectionHour',
        quantity: HOURS_PER_MONTH,
        label: { en: `Site-to-site VPN to the ${label.en}'s on-prem network`, ja: `庁内網とのサイト間VPN（${label.ja}）` },
        basis: { en: `1 connection × ${HOURS_PER_MONTH} h`, ja: `1接続 × ${HOURS_PER_MONTH}時間` },
        configPath: `tiers.${tier}.onPremLink`,
        perSeat: false,
      });
    }
  }

  // ---------- the internet tier's one inspected egress (lib/network/inspected-egress.ts) ----------
  if (config.internetEgress.kind === 'network-firewall') {
    const gb = settings.volumes.internetEgressGbPerMonth;
    const egress = (id: string, priceKey: PriceKey, quantity: number, label: Bilingual, basis: Bilingual): void =>
      add({ id: `internet.egress.${id}`, group: 'network', tier: 'internet', priceKey, quantity, label, basis, configPath: 'internetEgress', perSeat: false });
    const oneHours = { en: `1 × ${HOURS_PER_MONTH} h`, ja: `1 × ${HOURS_PER_MONTH}時間` };
    const traffic = assumedGbPerMonth(gb);
    egress('firewall-endpoint', 'networkFirewall.endpointHour', HOURS_PER_MONTH, { en: 'Network Firewall endpoint', ja: 'Network Firewall エンドポイント' }, oneHours);
    egress('firewall-data', 'networkFirewall.dataGb', gb, { en: 'Network Firewall: traffic inspected', ja: 'Network Firewall（検査データ量）' }, traffic);
    egress('nat-gateway', 'natGateway.hour', HOURS_PER_MONTH, { en: 'NAT gateway', ja: 'NATゲートウェイ' }, oneHours);
    egress('nat-data', 'natGateway.dataGb', gb, { en: 'NAT gateway: data processed', ja: 'NATゲートウェイ（データ処理）' }, traffic);
    egress('public-ipv4', 'publicIpv4.hour', HOURS_PER_MONTH, { en: 'Public IPv4 address of the NAT gateway', ja: 'NATゲートウェイのパブリックIPv4アドレス' }, oneHours);
  }

  // ---------- the optional shared Transit Gateway (lib/network/transit-gateway.ts) ----------
  if (config.transitGateway !== undefined) {
    add({
      id: 'shared.transit-gateway.attachments',
      group: 'network',
      priceKey: 'transitGateway.attachmentHour',
      quantity: TIERS.length * HOURS_PER_MONTH,
      label: { en: 'Transit Gateway attachments (one per tier)', ja: 'Transit Gateway アタッチメント（層ごとに1つ）' },
      basis: { en: `${TIERS.length} attachments × ${HOURS_PER_MONTH} h`, ja: `${TIERS.length}アタッチメント × ${HOURS_PER_MONTH}時間` },
      configPath: 'transitGateway',
      perSeat: false,
    });
    const gb = settings.volumes.transitGatewayGbPerMonth;
    add({
      id: 'shared.transit-gateway.data',
      group: 'network',
      priceKey: 'transitGateway.dataGb',
      quantity: gb,
      label: { en: 'Transit Gateway: data processed', ja: 'Transit Gateway（データ処理）' },
      basis: assumedGbPerMonth(gb),
      configPath: 'transitGateway',
      perSeat: false,
    });
  }

  // ---------- each telework tier: desktops, directory, access (lib/desktops, lib/access) ----------
  const seatsByTier = pricedSeats(config, settings);
  const runHours = runningHoursPerSeat(settings, telework.hardening.autoStopTimeoutMinutes);
  const connHours = connectionHoursPerSeat(settings);
  const u = settings.usage;
  for (const tier of teleworkTiers(telework)) {
    const seats = seatsByTier[tier] ?? 0;
    const billing = desktopBillingOf(settings, tier);
    if (telework.desktops === 'pools') {
      throw new CostInputError('telework.desktops', [
        {
          path: 'telework.desktops',
          message: 'WorkSpaces Pools are billed per user and per instance-hour; the price table has WorkSpaces Personal prices only',
          fix: 'estimate with desktops: personal, or price the pool yourself (docs/cost.md, "Limits")',
          ja: 'WorkSpaces Pools の料金は価格表にありません（WorkSpaces Personal のみ）。docs/cost.md の「制約」を参照してください',
        },
      ]);
    }
    const seatPath = billing.seats !== undefined ? `cost.desktops.${tier}.seats` : `tiers.${tier}.seats`;
    if (billing.runningMode === 'ALWAYS_ON') {
      add({
        id: `${tier}.workspaces.always-on`,
        group: 'desktops',
        tier,
        priceKey: `workspaces.${billing.bundle}.alwaysOnMonthly`,
        quantity: seats,
        label: { en: `WorkSpaces ${billing.bundle}, AlwaysOn (monthly)`, ja: `WorkSpaces ${billing.bundle}（AlwaysOn・月額固定）` },
        basis: { en: `${seats} seats`, ja: `${seats}台` },
        configPath: seatPath,
        perSeat: true,
      });
    } else {
      add({
        id: `${tier}.workspaces.auto-stop-monthly`,
        group: 'desktops',
        tier,
        priceKey: `workspaces.${billing.bundle}.autoStopMonthly`,
        quantity: seats,
        label: { en: `WorkSpaces ${billing.bundle}, AutoStop: monthly base`, ja: `WorkSpaces ${billing.bundle}（AutoStop・月額基本料）` },
        basis: { en: `${seats} seats`, ja: `${seats}台` },
        configPath: seatPath,
        perSeat: true,
      });
      add({
        id: `${tier}.workspaces.auto-stop-hours`,
        group: 'desktops',
        tier,
        priceKey: `workspaces.${billing.bundle}.autoStopHourly`,
        quantity: seats * runHours,
        label: { en: `WorkSpaces ${billing.bundle}, AutoStop: running hours`, ja: `WorkSpaces ${billing.bundle}（AutoStop・稼働時間）` },
        basis: {
          en: `${seats} seats × ${u.workingDaysPerMonth} days × (${fmt(u.teleworkHoursPerDay)} h + ${telework.hardening.autoStopTimeoutMinutes} min AutoStop idle) × ${fmt(u.teleworkShare * 100)} % teleworking`,
          ja: `${seats}台 × ${u.workingDaysPerMonth}日 × （${fmt(u.teleworkHoursPerDay)}時間 + AutoStop待機${telework.hardening.autoStopTimeoutMinutes}分） × 在宅率${fmt(u.teleworkShare * 100)}%`,
        },
        configPath: seatPath,
        perSeat: true,
      });
    }

    const directory = telework.directories[tier] ?? { kind: 'managed-ad' as const, edition: 'Standard' as const };
    if (directory.kind === 'managed-ad') {
      add({
        id: `${tier}.directory.managed-ad`,
        group: 'directory',
        tier,
        priceKey: `directory.managedAd.${directory.edition}.dcHour`,
        quantity: MANAGED_AD_DOMAIN_CONTROLLERS * HOURS_PER_MONTH,
        label: { en: `AWS Managed Microsoft AD (${directory.edition})`, ja: `AWS Managed Microsoft AD（${directory.edition}）` },
        basis: { en: `${MANAGED_AD_DOMAIN_CONTROLLERS} domain controllers × ${HOURS_PER_MONTH} h`, ja: `ドメインコントローラ${MANAGED_AD_DOMAIN_CONTROLLERS}台 × ${HOURS_PER_MONTH}時間` },
        configPath: `telework.directories.${tier}`,
        perSeat: false,
      });
      add({
        id: `${tier}.directory.admin-secret`,
        group: 'keys',
        tier,
        priceKey: 'secretsManager.secretMonth',
        quantity: 1,
        label: { en: 'Secrets Manager: directory admin password', ja: 'Secrets Manager（ディレクトリ管理者パスワード）' },
        basis: { en: '1 secret', ja: '1シークレット' },
        configPath: `telework.directories.${tier}`,
        perSeat: false,
      });
    } else if (directory.kind === 'ad-connector') {
      add({
        id: `${tier}.directory.ad-connector`,
        group: 'directory',
        tier,
        priceKey: `directory.adConnector.${directory.size}.hour`,
        quantity: HOURS_PER_MONTH,
        label: { en: `AD Connector (${directory.size})`, ja: `AD Connector（${directory.size}）` },
        basis: { en: `1 directory × ${HOURS_PER_MONTH} h`, ja: `1ディレクトリ × ${HOURS_PER_MONTH}時間` },
        configPath: `telework.directories.${tier}`,
        perSeat: false,
      });
    }
    // kind 'existing': the directory is created and billed elsewhere (listed under "not included").

    add({
      id: `${tier}.keys.telework`,
      group: 'keys',
      tier,
      priceKey: 'kms.keyMonth',
      quantity: 2,
      label: { en: 'KMS keys: desktop volumes, telework logs', ja: 'KMSキー（デスクトップのボリューム、テレワークのログ）' },
      basis: { en: '2 keys', ja: '2キー' },
      configPath: `telework.tiers`,
      perSeat: false,
    });
    drivers.push(
      ...logGroupDrivers({
        id: `${tier}.telework-logs`,
        tier,
        gbPerMonth: settings.volumes.teleworkLogGbPerTierMonth,
        retentionDays: telework.clientVpn.logRetentionDays,
        label: {
          ingest: { en: 'Telework logs (VPN connections, directory hardening): ingestion', ja: 'テレワークのログ（VPN接続・ディレクトリ設定）取り込み' },
          storage: { en: 'Telework logs: storage', ja: 'テレワークのログ（保存）' },
        },
        configPath: 'telework.clientVpn.logRetentionDays',
      }),
    );

    const privateStreaming = telework.streaming === 'private';
    if (privateStreaming) {
      add({
        id: `${tier}.streaming-endpoint`,
        group: 'access',
        tier,
        priceKey: 'privateLink.endpointAzHour',
        quantity: azs * HOURS_PER_MONTH,
        label: { en: 'Private streaming endpoint (WorkSpaces highlander)', ja: '閉域の画面転送エンドポイント（WorkSpaces highlander）' },
        basis: { en: `1 endpoint × ${azs} AZs × ${HOURS_PER_MONTH} h`, ja: `1エンドポイント × ${azs}AZ × ${HOURS_PER_MONTH}時間` },
        configPath: 'telework.streaming',
        perSeat: false,
      });
    }
    const vpnPool = telework.clientCidrs[tier];
    if (vpnPool !== undefined && privateStreaming) {
      add({
        id: `${tier}.client-vpn.associations`,
        group: 'access',
        tier,
        priceKey: 'clientVpn.associationHour',
        quantity: azs * HOURS_PER_MONTH,
        label: { en: 'Client VPN: subnet associations', ja: 'Client VPN（サブネット関連付け）' },
        basis: { en: `${azs} associations (one per AZ) × ${HOURS_PER_MONTH} h`, ja: `${azs}関連付け（AZごと） × ${HOURS_PER_MONTH}時間` },
        configPath: `telework.clientCidrs.${tier}`,
        perSeat: false,
      });
      add({
        id: `${tier}.client-vpn.connections`,
        group: 'access',
        tier,
        priceKey: 'clientVpn.connectionHour',
        quantity: seats * connHours,
        label: { en: 'Client VPN: connection hours', ja: 'Client VPN（接続時間）' },
        basis: {
          en: `${seats} seats × ${u.workingDaysPerMonth} days × ${fmt(u.teleworkHoursPerDay)} h × ${fmt(u.teleworkShare * 100)} % teleworking`,
          ja: `${seats}台 × ${u.workingDaysPerMonth}日 × ${fmt(u.teleworkHoursPerDay)}時間 × 在宅率${fmt(u.teleworkShare * 100)}%`,
        },
        configPath: `telework.clientCidrs.${tier}`,
        perSeat: true,
      });
      if (telework.clientVpn.certificates === 'private-ca') {
        add({
          id: `${tier}.private-ca`,
          group: 'access',
          tier,
          priceKey: 'privateCa.generalPurposeMonth',
          quantity: 1,
          label: { en: 'AWS Private CA (client and server certificates of the tier)', ja: 'AWS Private CA（この層の端末・サーバ証明書）' },
          basis: { en: '1 CA per telework tier', ja: 'テレワーク層ごとに1CA' },
          configPath: 'telework.clientVpn.certificates',
          perSeat: false,
        });
      }
    }
  }

  // ---------- the audit trail (lib/audit/audit-trail.ts) ----------
  const trailGb = settings.volumes.trailGbPerMonth;
  const trailDays = telework.audit.trailRetentionDays;
  add({
    id: 'shared.cloudtrail.management-events',
    group: 'logging',
    priceKey: 'cloudTrail.managementEventsFirstCopy',
    quantity: 1,
    label: { en: 'CloudTrail management events (first copy)', ja: 'CloudTrail 管理イベント（最初のコピー）' },
    basis: { en: '1 trail', ja: '1証跡' },
    configPath: 'telework.audit',
    perSeat: false,
  });
  add({
    id: 'shared.cloudtrail.bucket',
    group: 'logging',
    priceKey: 's3.standardGbMonth',
    quantity: trailGb * logStorageMonths(trailDays),
    label: { en: 'CloudTrail bucket (Object Lock): storage', ja: 'CloudTrail 保存バケット（Object Lock）' },
    basis: {
      en: `${fmt(trailGb)} GB a month × ${trailDays} days locked ÷ ${fmt(DAYS_PER_MONTH)} (steady state)`,
      ja: `月${fmt(trailGb)}GB × ロック${trailDays}日 ÷ ${fmt(DAYS_PER_MONTH)}（定常状態）`,
    },
    configPath: 'telework.audit.trailRetentionDays',
    perSeat: false,
  });
  drivers.push(
    ...logGroupDrivers({
      id: 'shared.cloudtrail.logs',
      gbPerMonth: trailGb,
      retentionDays: config.flowLogRetentionDays,
      label: {
        ingest: { en: 'CloudTrail copy in CloudWatch Logs: ingestion', ja: 'CloudTrail の CloudWatch Logs 転送（取り込み）' },
        storage: { en: 'CloudTrail copy in CloudWatch Logs: storage', ja: 'CloudTrail の CloudWatch Logs 転送（保存）' },
      },
      configPath: 'flowLogRetentionDays',
    }),
  );
  add({
    id: 'shared.cloudtrail.key',
    group: 'keys',
    priceKey: 'kms.keyMonth',
    quantity: 1,
    label: { en: 'KMS key of the audit trail', ja: '監査証跡の暗号化キー（KMS）' },
    basis: { en: '1 key', ja: '1キー' },
    configPath: 'telework.audit',
    perSeat: false,
  });
  // Listed tier by tier (in the tiers' order), shared resources last: how a reviewer reads the configuration.
  const rank = (d: CostDriver): number => (d.tier === undefined ? TIERS.length : TIERS.indexOf(d.tier));
  return drivers.map((d, i) => ({ d, i })).sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i).map(({ d }) => d);
}
