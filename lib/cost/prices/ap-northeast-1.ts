/**
 * Asia Pacific (Tokyo) prices, USD, On-Demand, before consumption tax. Read on 2026-12-06.
 *
 * How each number was checked (no AWS account or live web here: the pages were read from stored public
 * copies): `note` names the corroborating copy, and `evidence` the stored page that shows the number where one
 * was found. Where the Tokyo price could not be confirmed, `confirmed`
 * is false and `note` says what the number is instead; `usd: null` means no sourced number was found and the
 * estimate reports the line as not counted. Update procedure: docs/cost.md, "Updating the price table".
 */
import type { PriceEntry, RegionPriceTable } from './price-entry';

const READ = '2026-12-06';

const WORKSPACES = 'https://aws.amazon.com/workspaces/pricing/';
const WORKSPACES_STAND_IN =
  'NOT CONFIRMED for Tokyo: the Tokyo list price was not found in the sources available when the table was built ' +
  '(searched again 2026-12-06: no stored copy of the WorkSpaces pricing page or of the AWS Price List shows a Tokyo bundle price). ' +
  'This number is the EU (Ireland) list price from the AWS Price List (usage type EU-AW-HW-*, quoted in a public ' +
  'pricing audit dated 2026-05-01), used as a stand-in. Replace it with the Tokyo price before the estimate is submitted.';

const hourly = { en: 'USD per hour', ja: 'USD/時間' };
const monthlyPerSeat = { en: 'USD per desktop per month', ja: 'USD/台・月' };

function adConnectorWithWorkSpaces(): PriceEntry {
  return {
    usd: 0,
    unit: { en: 'USD per directory-hour (none while WorkSpaces use it)', ja: 'USD/ディレクトリ・時間（WorkSpaces で使用中は無料）' },
    source: 'https://aws.amazon.com/directoryservice/pricing/',
    read: READ,
    confirmed: true,
    note:
      'No charge while WorkSpaces use the directory. If no WorkSpaces use it for 30 consecutive days, it is deregistered ' +
      'and billed at the Directory Service price (not in this table: a tier priced with 0 seats would be billed so).',
    evidence: {
      url: 'https://docs.aws.amazon.com/workspaces/latest/api/API_DeregisterWorkspaceDirectory.html',
      read: READ,
      says:
        'Simple AD and AD Connector are made available to you free of charge to use with WorkSpaces. If there are no WorkSpaces ' +
        'being used with your Simple AD or AD Connector directory for 30 consecutive days, this directory will be automatically ' +
        'deregistered for use with Amazon WorkSpaces, and you will be charged for this directory as per the Directory Service pricing terms.',
      scope: 'every-region',
    },
  };
}

function ws(usd: number | null, unit: PriceEntry['unit'], note = WORKSPACES_STAND_IN): PriceEntry {
  return { usd, unit, source: WORKSPACES, read: READ, confirmed: false, note };
}

export const AP_NORTHEAST_1: RegionPriceTable = {
  // --- Amazon WorkSpaces Personal, Windows (licence included), 80 GB root / 50 GB user volume ---
  'workspaces.STANDARD.alwaysOnMonthly': ws(37, monthlyPerSeat),
  'workspaces.STANDARD.autoStopMonthly': ws(11, monthlyPerSeat),
  'workspaces.STANDARD.autoStopHourly': ws(0.32, hourly),
  'workspaces.PERFORMANCE.alwaysOnMonthly': ws(54, monthlyPerSeat),
  'workspaces.POWER.alwaysOnMonthly': ws(82, monthlyPerSeat),
  'workspaces.POWERPRO.alwaysOnMonthly': ws(157, monthlyPerSeat),
  // VALUE, and AutoStop of PERFORMANCE / POWER / POWERPRO: no sourced number at all, so deliberately absent —
  // choosing them is a "missing price" error until a price is supplied in cost.prices.

  // --- AWS Directory Service ---
  'directory.managedAd.Standard.dcHour': {
    usd: 0.073,
    unit: { en: 'USD per domain-controller-hour (a directory runs 2)', ja: 'USD/ドメインコントローラ・時間（1ディレクトリ2台）' },
    source: 'https://aws.amazon.com/directoryservice/pricing/',
    read: READ,
    confirmed: true,
    note: 'AWS Price List usage type APN1-Std-MicrosoftAD-DC-Usage, as quoted in a public pricing registry for ap-northeast-1',
  },
  'directory.managedAd.Enterprise.dcHour': {
    usd: 0.2225,
    unit: { en: 'USD per domain-controller-hour (a directory runs 2)', ja: 'USD/ドメインコントローラ・時間（1ディレクトリ2台）' },
    source: 'https://aws.amazon.com/directoryservice/pricing/',
    read: READ,
    confirmed: true,
    note: 'AWS Price List usage type APN1-MicrosoftAD-DC-Usage, as quoted in a public pricing registry for ap-northeast-1',
  },
  // AD Connector is free while WorkSpaces use it (the only use this package makes of it: the telework tier's
  // WorkSpaces directory). AWS says so in the WorkSpaces API reference, for every region.
  'directory.adConnector.Small.hour': adConnectorWithWorkSpaces(),
  'directory.adConnector.Large.hour': adConnectorWithWorkSpaces(),

  // --- AWS Client VPN, AWS Private CA ---
  'clientVpn.associationHour': {
    usd: 0.15,
    unit: { en: 'USD per subnet association-hour', ja: 'USD/サブネット関連付け・時間' },
    source: 'https://aws.amazon.com/vpn/pricing/',
    read: READ,
    confirmed: true,
    note: 'AWS Price List APN1-ClientVPN-EndpointHours (quoted in a public repository, retrieved 2026-09-13); same figure in a Japanese partner blog for Tokyo',
  },
  'clientVpn.connectionHour': {
    usd: 0.05,
    unit: { en: 'USD per connection-hour', ja: 'USD/接続・時間' },
    source: 'https://aws.amazon.com/vpn/pricing/',
    read: READ,
    confirmed: true,
    note: 'AWS Price List APN1-ClientVPN-ConnectionHours (quoted in a public repository, retrieved 2026-09-13)',
  },
  'privateCa.generalPurposeMonth': {
    usd: 400,
    unit: { en: 'USD per private CA per month (general-purpose mode)', ja: 'USD/プライベートCA・月（汎用モード）' },
    source: 'https://aws.amazon.com/private-ca/pricing/',
    read: READ,
    confirmed: true,
    note: 'AWS Private CA pricing page (Japanese edition): USD 400 per CA per month in general-purpose mode; the first CA of an account and region has a 30-day free trial (not deducted here)',
  },

  // --- Networking ---
  'siteToSiteVpn.connectionHour': {
    usd: 0.048,
    unit: { en: 'USD per VPN connection-hour', ja: 'USD/VPN接続・時間' },
    source: 'https://aws.amazon.com/vpn/pricing/',
    read: READ,
    confirmed: true,
    note: 'AWS Price List APN1-VPN-Usage-Hours:ipsec.1 (quoted in a public repository, retrieved 2026-09-13)',
  },
  'transitGateway.attachmentHour': {
    usd: 0.07,
    unit: { en: 'USD per attachment-hour', ja: 'USD/アタッチメント・時間' },
    source: 'https://aws.amazon.com/transit-gateway/pricing/',
    read: READ,
    confirmed: true,
    note: 'Tokyo figure quoted in Japanese partner articles (2023, and 2026-01 for data processing)',
  },
  'transitGateway.dataGb': {
    usd: 0.02,
    unit: { en: 'USD per GB processed', ja: 'USD/GB（データ処理）' },
    source: 'https://aws.amazon.com/transit-gateway/pricing/',
    read: READ,
    confirmed: true,
    note: 'Tokyo figure quoted in a Japanese partner article (price as of 2026-01)',
  },
  'natGateway.hour': {
    usd: 0.062,
    unit: hourly,
    source: 'https://aws.amazon.com/vpc/pricing/',
    read: READ,
    confirmed: true,
    note: 'AWS Price List APN1-NatGateway-Hours (quoted in several public repositories)',
  },
  'natGateway.dataGb': {
    usd: 0.062,
    unit: { en: 'USD per GB processed', ja: 'USD/GB（データ処理）' },
    source: 'https://aws.amazon.com/vpc/pricing/',
    read: READ,
    confirmed: true,
    note: 'AWS Price List APN1-NatGateway-Bytes (quoted in public repositories)',
  },
  'publicIpv4.hour': {
    usd: 0.005,
    unit: { en: 'USD per public IPv4 address-hour', ja: 'USD/パブリックIPv4アドレス・時間' },
    source: 'https://aws.amazon.com/vpc/pricing/',
    read: READ,
    confirmed: false,
    note:
      'NOT CONFIRMED from an AWS page: no stored copy of the VPC pricing page or of AWS\'s announcement shows the number. ' +
      'Corroborated (read 2026-12-06): third-party pages state USD 0.005 per IP-hour for every public IPv4 address in all ' +
      'AWS regions from 2024-02-01 (https://www.haufe-akademie.de/en/skill-it/blog/aws-gebuehren-ipv4-adressen, ' +
      'https://www.doit.com/aws-public-ipv4-price-increase-the-complete-guide/), and public Tokyo cost notes quote ' +
      'APN1-PublicIPv4:InUseAddress at USD 0.005/h. Check the VPC pricing page\'s "Public IPv4 Address" tab.',
  },
  'networkFirewall.endpointHour': {
    // A lower bound, counted so that the total does not silently leave the firewall out: the real price is this or more.
    usd: 0.3425,
    unit: { en: 'USD per firewall endpoint-hour', ja: 'USD/ファイアウォールエンドポイント・時間' },
    source: 'https://aws.amazon.com/network-firewall/pricing/',
    read: READ,
    confirmed: false,
    note:
      'NOT CONFIRMED — a LOWER BOUND, not the Tokyo price: no stored copy of the Network Firewall pricing page or of the ' +
      'AWS Price List shows a Tokyo figure. A stored third-party page (https://attrava.com/posts/security-and-iam/aws-network-firewall/, ' +
      'read 2026-12-06) says the service is "priced at over $250 per month per interface", region not stated: ' +
      'USD 250 ÷ 730 h = 0.3425 per endpoint-hour. Replace it with the Tokyo price in cost.prices before submitting.',
  },
  'networkFirewall.dataGb': {
    usd: null,
    unit: { en: 'USD per GB processed', ja: 'USD/GB（データ処理）' },
    source: 'https://aws.amazon.com/network-firewall/pricing/',
    read: READ,
    confirmed: false,
    note: 'NOT FOUND: no stored page shows a per-GB processing price for Tokyo (searched 2026-12-06); the line is not counted — supply it in cost.prices',
  },
  'privateLink.endpointAzHour': {
    usd: 0.014,
    unit: { en: 'USD per endpoint per AZ-hour', ja: 'USD/エンドポイント・AZ・時間' },
    source: 'https://aws.amazon.com/privatelink/pricing/',
    read: READ,
    confirmed: true,
    note: 'AWS Price List APN1-VpcEndpoint-Hours (quoted in a public repository, retrieved 2026-09-13)',
  },

  // --- Logging, keys, storage ---
  'cloudWatchLogs.ingestGb': {
    usd: 0.76,
    unit: { en: 'USD per GB ingested', ja: 'USD/GB（取り込み）' },
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
    read: READ,
    confirmed: true,
    note: 'AWS Price List APN1-DataProcessing-Bytes (CloudWatch), effective 2026-07-01 as quoted in a public repository',
  },
  'cloudWatchLogs.storageGbMonth': {
    usd: 0.033,
    unit: { en: 'USD per GB-month stored', ja: 'USD/GB・月（保存）' },
    source: 'https://aws.amazon.com/cloudwatch/pricing/',
    read: READ,
    confirmed: true,
    note: 'AWS Price List APN1-TimedStorage-ByteHrs, effective 2026-07-01 as quoted in a public repository',
  },
  'kms.keyMonth': {
    usd: 1,
    unit: { en: 'USD per customer-managed key per month', ja: 'USD/カスタマー管理キー・月' },
    source: 'https://aws.amazon.com/kms/pricing/',
    read: READ,
    confirmed: true,
    note: 'ap-northeast-1-KMS-Keys, as quoted in public cost models; automatic rotation adds USD 1 per month for each of the first two rotations of a key (not counted)',
  },
  'secretsManager.secretMonth': {
    usd: 0.4,
    unit: { en: 'USD per secret per month', ja: 'USD/シークレット・月' },
    source: 'https://aws.amazon.com/secrets-manager/pricing/',
    read: READ,
    confirmed: true,
    note: 'APN1-AWSSecretsManager-Secrets, as quoted in public cost models',
  },
  's3.standardGbMonth': {
    usd: 0.025,
    unit: { en: 'USD per GB-month (S3 Standard, first 50 TB)', ja: 'USD/GB・月（S3標準、最初の50TB）' },
    source: 'https://aws.amazon.com/s3/pricing/',
    read: READ,
    confirmed: true,
    note: 'ap-northeast-1 S3 Standard first tier, as quoted in a public pricing registry',
  },
  'cloudTrail.managementEventsFirstCopy': {
    usd: 0,
    unit: { en: 'USD (the first copy of management events is free)', ja: 'USD（管理イベントの最初のコピーは無料）' },
    source: 'https://aws.amazon.com/cloudtrail/pricing/',
    read: READ,
    confirmed: true,
    note: 'Management-event delivery: the first copy per region is free; additional copies USD 2.00 per 100,000 events',
  },
};
