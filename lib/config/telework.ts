/**
 * The `telework` section of a municipality configuration: which tiers get a closed telework entry point,
 * how staff reach it (Client VPN and/or the tier's closed-SIM / Direct Connect link), the desktops behind it,
 * their hardening, and how long the evidence is kept.
 *
 * OWNERSHIP: engineer D (lib/access, lib/desktops, lib/audit). Every field is optional-with-default so
 * existing configuration files stay valid. Two validators:
 *  - `validateTelework(telework)` — checks within this section; called by lib/config/validate.ts;
 *  - `validateTeleworkAgainstConfig(config)` — checks against the tiers' networks (link client ranges vs every
 *    tier range, on-prem links); called by lib/config/validate.ts when wired, and ALWAYS by the telework
 *    stack before it builds anything, so a configuration that skipped it still fails closed.
 */
import { z } from 'zod';
import { TIERS, NO_TELEWORK_TIER, TIER_LABELS, type Tier } from '../tiers/tier';
import { ConfigProblem } from './config-error';
import { cidrString } from './zod-helpers';
import { ipv4BlockContains, cidrsOverlap, mustParseIpv4Block, parseIpv4Block } from '../cidr/ipv4-blocks';
import {
  DEFAULT_HARDENING_OPTIONS,
  DEVICE_TYPES,
  validateHardeningOptions,
  type DeviceType,
  type HardeningOptions,
} from '../desktops/hardening-baseline';
import { CLIENT_VPN_BANNER_MAX_LENGTH, CLIENT_VPN_SESSION_TIMEOUT_HOURS, loginBannerText } from '../access/desktop-service-ports';

export const DESKTOP_MODES = ['personal', 'pools'] as const;
export type DesktopMode = (typeof DESKTOP_MODES)[number];

/** `private`: DCV through the tier's highlander endpoint (Personal only). `internet`: AWS's public gateways + IP group. */
export const STREAMING_MODES = ['private', 'internet'] as const;
export type StreamingMode = (typeof STREAMING_MODES)[number];

const acmArn = z.string().regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/, {
  message: 'must be an ACM certificate ARN like arn:aws:acm:ap-northeast-1:111122223333:certificate/…',
});
const samlProviderArn = z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:saml-provider\/[A-Za-z0-9._-]+$/, {
  message: 'must be an IAM SAML provider ARN like arn:aws:iam::111122223333:saml-provider/MyIdP',
});
const directoryId = z.string().regex(/^d-[0-9a-f]{10}$/, { message: 'must be a Directory Service id like d-1234567890' });
const domainName = z.string().regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
  message: 'must be a fully qualified Active Directory domain such as lgwan.example-city.internal (lower case)',
});

export const DEFAULT_BANNER = {
  ja: 'この端末は自治体が許可した職員のテレワーク専用です。画面転送のみ利用でき、データの持ち出し・印刷・クリップボード共有はできません。接続は記録されます。',
  en: 'Authorised municipal staff only. Screen transfer only: no data export, printing or clipboard sharing. Connections are logged.',
};

export const clientVpnSchema = z.strictObject({
  /**
   * `private-ca` (default): each telework tier gets its own AWS Private CA; the server certificate is issued
   * from it and client certificates for lent devices are issued from the same CA (docs/telework.md).
   * Or bring ACM certificate ARNs (imported or from an existing private CA).
   */
  certificates: z
    .union([
      z.literal('private-ca'),
      z.strictObject({
        serverCertificateArn: acmArn,
        /** The client root CA chain; may equal the server certificate when both come from one CA. */
        clientRootCertificateChainArn: acmArn,
      }),
    ])
    .default('private-ca'),
  /** Optional SAML federation on top of mutual TLS; the IdP enforces MFA. One IdP group per telework tier. */
  saml: z
    .strictObject({
      samlProviderArn,
      accessGroupIds: z.partialRecord(z.enum(TIERS), z.string().min(1)),
    })
    .optional(),
  /** Client VPN maximum session length (hours): 8, 10, 12 or 24; clients are disconnected at the end. */
  sessionTimeoutHours: z.number().int().default(8),
  banner: z.strictObject({ ja: z.string(), en: z.string() }).default(DEFAULT_BANNER),
  /** Connection log retention (days; a CloudWatch Logs retention value). */
  logRetentionDays: z.number().int().default(365),
});
export type ClientVpnConfig = z.infer<typeof clientVpnSchema>;

export const directorySchema = z.discriminatedUnion('kind', [
  /** AWS Managed Microsoft AD in the tier's directory subnets; the admin password is generated in Secrets Manager. */
  z.strictObject({
    kind: z.literal('managed-ad'),
    /** Default: `<tier>.<municipality name>.internal`. */
    domainName: domainName.optional(),
    edition: z.enum(['Standard', 'Enterprise']).default('Standard'),
  }),
  /**
   * A directory that already exists in this account and region (an AD Connector to the on-prem AD, or a
   * Managed AD created elsewhere). It is registered with WorkSpaces and hardened, never deregistered on delete.
   */
  z.strictObject({
    kind: z.literal('existing'),
    directoryId,
  }),
  /**
   * An AD Connector to the tier's on-prem Active Directory, created by this stack's custom resource (AD
   * Connector has no CloudFormation resource) on two of the tier's directory subnets. The service account is
   * read from Secrets Manager by the handler at run time (`{"username","password"}` JSON); only the ARN is in
   * the template. The DNS servers must lie inside the tier's own on-prem ranges (validateTeleworkAgainstConfig).
   */
  z.strictObject({
    kind: z.literal('ad-connector'),
    domainName,
    /** NetBIOS name of the on-prem domain (optional). */
    shortName: z.string().optional(),
    /** The on-prem DNS servers (domain controllers), at least two. */
    customerDnsIps: z.array(z.string()),
    size: z.enum(['Small', 'Large']).default('Small'),
    /** Secrets Manager ARN of the service account secret. */
    serviceAccountSecretArn: z.string(),
  }),
]);
export type DirectoryConfig = z.infer<typeof directorySchema>;

export const hardeningSchema = z.strictObject({
  approvedDeviceTypes: z.array(z.enum(DEVICE_TYPES)).default([...DEFAULT_HARDENING_OPTIONS.approvedDeviceTypes]),
  /** Let lent devices cache credentials to reconnect without re-entering them (ClientProperties.ReconnectEnabled). */
  credentialCaching: z.boolean().default(DEFAULT_HARDENING_OPTIONS.credentialCaching),
  clientLogUpload: z.boolean().default(DEFAULT_HARDENING_OPTIONS.clientLogUpload),
  /** Personal WorkSpaces AutoStop, in 60-minute steps. */
  autoStopTimeoutMinutes: z.number().int().default(DEFAULT_HARDENING_OPTIONS.autoStopTimeoutMinutes),
  /** Pools idle disconnect (≥ 300 s, the J-LIS idle timeout floor). */
  poolIdleDisconnectTimeoutSeconds: z.number().int().default(DEFAULT_HARDENING_OPTIONS.poolIdleDisconnectTimeoutSeconds),
});

export const auditSchema = z.strictObject({
  /**
   * S3 Object Lock mode of the CloudTrail bucket. GOVERNANCE (default) lets a privileged, audited role remove
   * objects early (needed to tear down a trial); COMPLIANCE lets nobody, not even root — use it in production.
   */
  objectLockMode: z.enum(['GOVERNANCE', 'COMPLIANCE']).default('GOVERNANCE'),
  /** Object Lock default retention of trail files (days). */
  trailRetentionDays: z.number().int().min(1).max(36500).default(365),
});

const resolvedTeleworkSchema = z.strictObject({
  /**
   * Tiers that get a telework entry point. Default: LGWAN only (MIC 2020 telework requirements).
   * `personal-number` is accepted by the schema only so the validator can refuse it with a clear
   * explanation instead of a generic "invalid option".
   */
  tiers: z.array(z.enum(TIERS)).default(['lgwan']),
  /**
   * Address pool handed to telework clients, per tier (AWS Client VPN client CIDR). Literal CIDRs: they
   * feed the tier's NACLs and security groups and the tier policy.
   */
  clientCidrs: z.partialRecord(z.enum(TIERS), cidrString).default({}),
  /**
   * Client ranges arriving over the tier's own on-prem link (closed SIM / Direct Connect), instead of or
   * besides Client VPN. They are admitted only to the desktop streaming service.
   */
  linkClientCidrs: z.partialRecord(z.enum(TIERS), z.array(cidrString)).default({}),
  /**
   * `personal` (WorkSpaces Personal) supports private streaming through the `highlander` interface
   * endpoint; `pools` does not, so streaming then needs the public gateways (documented in docs).
   */
  desktops: z.enum(DESKTOP_MODES).default('personal'),
  streaming: z.enum(STREAMING_MODES).default('private'),
  /** Source ranges of the WorkSpaces IP access control group; required when streaming is `internet`. */
  ipAccessCidrs: z.array(cidrString).default([]),
  clientVpn: clientVpnSchema.prefault({}),
  /** Directory per telework tier; default AWS Managed Microsoft AD (Standard) per tier. */
  directories: z.partialRecord(z.enum(TIERS), directorySchema).default({}),
  hardening: hardeningSchema.prefault({}),
  audit: auditSchema.prefault({}),
});

/**
 * The section as written in a configuration file. Fields added after the foundation are OPTIONAL here (the
 * municipality schema's own default for this section predates them); `resolveTelework` fills their defaults.
 * Every reader of the telework section goes through `resolveTelework`.
 */
export const teleworkSchema = z.strictObject({
  tiers: resolvedTeleworkSchema.shape.tiers,
  clientCidrs: resolvedTeleworkSchema.shape.clientCidrs,
  desktops: resolvedTeleworkSchema.shape.desktops,
  linkClientCidrs: z.partialRecord(z.enum(TIERS), z.array(cidrString)).optional(),
  streaming: z.enum(STREAMING_MODES).optional(),
  ipAccessCidrs: z.array(cidrString).optional(),
  clientVpn: clientVpnSchema.optional(),
  directories: z.partialRecord(z.enum(TIERS), directorySchema).optional(),
  hardening: hardeningSchema.optional(),
  audit: auditSchema.optional(),
});

export type TeleworkConfig = z.infer<typeof teleworkSchema>;
/** The section with every default applied: what constructs and validators use. */
export type ResolvedTelework = z.infer<typeof resolvedTeleworkSchema>;

/** Applies the defaults of every field (idempotent: a resolved section resolves to itself). */
export function resolveTelework(telework: TeleworkConfig | ResolvedTelework): ResolvedTelework {
  return resolvedTeleworkSchema.parse(telework);
}

/**
 * AWS Client VPN requires the client CIDR range to be between /12 and /22
 * (Client VPN Administrator Guide, "Limitations and rules of Client VPN").
 */
export const CLIENT_CIDR_MIN_PREFIX = 12;
export const CLIENT_CIDR_MAX_PREFIX = 22;

/** The CloudWatch Logs retention values (PutRetentionPolicy). Kept here too: schema.ts imports this file. */
const LOG_RETENTION_VALUES = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** The hardening options the desktop constructs and the audit use, from the configuration. */
export function hardeningOptionsOf(telework: ResolvedTelework): HardeningOptions {
  return {
    approvedDeviceTypes: telework.hardening.approvedDeviceTypes as DeviceType[],
    credentialCaching: telework.hardening.credentialCaching,
    clientLogUpload: telework.hardening.clientLogUpload,
    autoStopTimeoutMinutes: telework.hardening.autoStopTimeoutMinutes,
    poolIdleDisconnectTimeoutSeconds: telework.hardening.poolIdleDisconnectTimeoutSeconds,
    closedStreaming: telework.streaming === 'private',
  };
}

/** Telework tiers that may get an entry point (personal-number never, even if listed: that is an error). */
export function teleworkTiers(telework: TeleworkConfig | ResolvedTelework): Tier[] {
  return [...new Set(telework.tiers)].filter((t) => t !== NO_TELEWORK_TIER);
}

/** Cross-field checks the schema cannot express. Returns every problem found. */
export function validateTelework(input: TeleworkConfig | ResolvedTelework): ConfigProblem[] {
  const telework = resolveTelework(input);
  const problems: ConfigProblem[] = [];
  telework.tiers.forEach((tier, i) => {
    if (tier === NO_TELEWORK_TIER) {
      problems.push({
        path: `telework.tiers.${i}`,
        message:
          'telework into the personal-number tier is forbidden: it must have no entry point at all (MIC guideline: no communication with other tiers, no data export from terminals)',
        fix: `remove "${NO_TELEWORK_TIER}" from telework.tiers; staff who need those systems work on site`,
        ja: `${TIER_LABELS[NO_TELEWORK_TIER].ja}へのテレワークは禁止です（入口を一切設けません）。telework.tiers から "${NO_TELEWORK_TIER}" を削除してください`,
      });
    }
  });
  const seen = new Set<string>();
  telework.tiers.forEach((tier, i) => {
    if (seen.has(tier)) {
      problems.push({
        path: `telework.tiers.${i}`,
        message: `tier "${tier}" is listed twice`,
        fix: 'list each tier once',
        ja: `"${tier}" が重複しています。各層は一度だけ書いてください`,
      });
    }
    seen.add(tier);
    const linkClients = telework.linkClientCidrs[tier] ?? [];
    if (tier !== NO_TELEWORK_TIER && telework.clientCidrs[tier] === undefined && linkClients.length === 0) {
      problems.push({
        path: `telework.clientCidrs.${tier}`,
        message: `tier "${tier}" has telework but no client address pool`,
        fix: `add telework.clientCidrs.${tier}: a /${CLIENT_CIDR_MIN_PREFIX}–/${CLIENT_CIDR_MAX_PREFIX} block that overlaps no tier range, e.g. 10.250.0.0/22 (or declare closed-SIM / Direct Connect client ranges in telework.linkClientCidrs.${tier})`,
        ja: `${TIER_LABELS[tier].ja}のテレワーク端末用アドレス範囲がありません。telework.clientCidrs.${tier} に /${CLIENT_CIDR_MIN_PREFIX}〜/${CLIENT_CIDR_MAX_PREFIX} の範囲を指定してください（閉域SIM・専用線の場合は telework.linkClientCidrs.${tier}）`,
      });
    }
  });
  for (const [tier, cidr] of Object.entries(telework.clientCidrs)) {
    if (cidr === undefined) continue;
    if (tier === NO_TELEWORK_TIER) {
      problems.push({
        path: `telework.clientCidrs.${tier}`,
        message: 'a telework client pool for the personal-number tier would be an entry point into it',
        fix: `remove telework.clientCidrs.${tier}`,
        ja: `${TIER_LABELS[NO_TELEWORK_TIER].ja}のテレワーク用アドレス範囲は指定できません。削除してください`,
      });
      continue;
    }
    if (!telework.tiers.includes(tier as Tier)) {
      problems.push({
        path: `telework.clientCidrs.${tier}`,
        message: `a client pool is declared for "${tier}" but telework.tiers does not include it`,
        fix: `add "${tier}" to telework.tiers, or remove telework.clientCidrs.${tier}`,
        ja: `telework.tiers に "${tier}" がないのにアドレス範囲が指定されています。どちらかを直してください`,
      });
    }
    const parsed = mustParseIpv4Block(cidr);
    if (parsed.prefix < CLIENT_CIDR_MIN_PREFIX || parsed.prefix > CLIENT_CIDR_MAX_PREFIX) {
      problems.push({
        path: `telework.clientCidrs.${tier}`,
        message: `${cidr} is a /${parsed.prefix}; AWS Client VPN needs a client range between /${CLIENT_CIDR_MIN_PREFIX} and /${CLIENT_CIDR_MAX_PREFIX}`,
        fix: `use a block between /${CLIENT_CIDR_MIN_PREFIX} and /${CLIENT_CIDR_MAX_PREFIX}, e.g. a /22`,
        ja: `Client VPN の端末用範囲は /${CLIENT_CIDR_MIN_PREFIX}〜/${CLIENT_CIDR_MAX_PREFIX} である必要があります（例: /22）`,
      });
    }
  }
  for (const [tier, cidrs] of Object.entries(telework.linkClientCidrs)) {
    if (cidrs === undefined || cidrs.length === 0) continue;
    if (tier === NO_TELEWORK_TIER) {
      problems.push({
        path: `telework.linkClientCidrs.${tier}`,
        message: 'closed-SIM / Direct Connect telework clients into the personal-number tier would be an entry point into it (Kanagawa: no LTE for personal-number work)',
        fix: `remove telework.linkClientCidrs.${tier}`,
        ja: `${TIER_LABELS[NO_TELEWORK_TIER].ja}への閉域SIM・専用線テレワークは禁止です。telework.linkClientCidrs.${tier} を削除してください`,
      });
    } else if (!telework.tiers.includes(tier as Tier)) {
      problems.push({
        path: `telework.linkClientCidrs.${tier}`,
        message: `link client ranges are declared for "${tier}" but telework.tiers does not include it`,
        fix: `add "${tier}" to telework.tiers, or remove telework.linkClientCidrs.${tier}`,
        ja: `telework.tiers に "${tier}" がないのに閉域SIM・専用線の端末範囲が指定されています。どちらかを直してください`,
      });
    }
  }
  problems.push(...streamingProblems(telework), ...clientVpnProblems(telework), ...hardeningProblems(telework), ...directoryProblems(telework));
  return problems;
}

function streamingProblems(telework: ResolvedTelework): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (telework.streaming === 'private' && telework.desktops === 'pools') {
    problems.push({
      path: 'telework.streaming',
      message: 'private streaming (highlander interface endpoint) works only with WorkSpaces Personal; WorkSpaces Pools stream over the internet',
      fix: 'use telework.desktops: personal, or set telework.streaming: internet with telework.ipAccessCidrs',
      ja: '閉域の画面転送（highlander エンドポイント）は WorkSpaces Personal のみ対応です。desktops を personal にするか、streaming を internet にして ipAccessCidrs を指定してください',
    });
  }
  if (telework.desktops === 'pools') {
    problems.push({
      path: 'telework.desktops',
      message: 'WorkSpaces Pools are not built by this version (they need a SAML identity provider and cannot stream privately)',
      fix: 'use telework.desktops: personal (the default); create Personal WorkSpaces with `closed-telework roster`',
      ja: 'このバージョンは WorkSpaces Pools を構築しません。desktops: personal（既定）を使い、closed-telework roster でデスクトップを作成してください',
    });
  }
  if (telework.streaming === 'internet' && telework.ipAccessCidrs.length === 0) {
    problems.push({
      path: 'telework.ipAccessCidrs',
      message: 'streaming over the internet needs an IP access control group, or any address on the internet could open a session',
      fix: 'list the public source ranges of your telework clients (closed-SIM carrier egress, office NAT) in telework.ipAccessCidrs, or use streaming: private',
      ja: 'インターネット経由の画面転送にはIPアクセス制御が必要です。telework.ipAccessCidrs に接続元のグローバルアドレス範囲を指定するか、streaming: private にしてください',
    });
  }
  if (telework.streaming === 'internet') {
    for (const tier of Object.keys(telework.clientCidrs)) {
      problems.push({
        path: `telework.clientCidrs.${tier}`,
        message: 'with streaming over the internet, desktops are not reached through Client VPN, so a client pool would build an unused entry point',
        fix: `remove telework.clientCidrs.${tier}, or use streaming: private`,
        ja: 'インターネット経由の画面転送では Client VPN を使わないため、端末用アドレス範囲は不要です。削除するか streaming: private にしてください',
      });
    }
  }
  if (telework.streaming === 'private' && telework.ipAccessCidrs.length > 0) {
    problems.push({
      path: 'telework.ipAccessCidrs',
      message: 'IP access control groups do not apply to streaming through a VPC endpoint; these ranges would give a false sense of control',
      fix: 'remove telework.ipAccessCidrs (the streaming endpoint security group admits only the telework client ranges)',
      ja: 'VPCエンドポイント経由の画面転送にはIPアクセス制御グループが効きません。telework.ipAccessCidrs を削除してください（エンドポイントのセキュリティグループで制御します）',
    });
  }
  return problems;
}

function clientVpnProblems(telework: ResolvedTelework): ConfigProblem[] {
  const vpn = telework.clientVpn;
  const problems: ConfigProblem[] = [];
  if (!(CLIENT_VPN_SESSION_TIMEOUT_HOURS as readonly number[]).includes(vpn.sessionTimeoutHours)) {
    problems.push({
      path: 'telework.clientVpn.sessionTimeoutHours',
      message: `${vpn.sessionTimeoutHours} hours is not a Client VPN session length`,
      fix: `use one of ${CLIENT_VPN_SESSION_TIMEOUT_HOURS.join(', ')}`,
      ja: `セッション時間は ${CLIENT_VPN_SESSION_TIMEOUT_HOURS.join(' / ')} 時間のいずれかにしてください`,
    });
  }
  if (vpn.banner.ja.trim() === '' || vpn.banner.en.trim() === '') {
    problems.push({
      path: 'telework.clientVpn.banner',
      message: 'the login banner needs both Japanese and English text',
      fix: 'fill in telework.clientVpn.banner.ja and .en',
      ja: '接続時バナーは日本語と英語の両方が必要です',
    });
  }
  const length = [...loginBannerText(vpn.banner)].length;
  if (length > CLIENT_VPN_BANNER_MAX_LENGTH) {
    problems.push({
      path: 'telework.clientVpn.banner',
      message: `the banner is ${length} characters (Japanese + English); Client VPN allows ${CLIENT_VPN_BANNER_MAX_LENGTH}`,
      fix: 'shorten the banner text',
      ja: `バナーが ${length} 文字です（上限 ${CLIENT_VPN_BANNER_MAX_LENGTH} 文字、日英合計）。短くしてください`,
    });
  }
  if (!LOG_RETENTION_VALUES.includes(vpn.logRetentionDays)) {
    problems.push({
      path: 'telework.clientVpn.logRetentionDays',
      message: `${vpn.logRetentionDays} is not a CloudWatch Logs retention value`,
      fix: `use one of ${LOG_RETENTION_VALUES.join(', ')}`,
      ja: `ログ保存期間は ${LOG_RETENTION_VALUES.join(', ')} 日のいずれかにしてください`,
    });
  }
  if (vpn.saml) {
    for (const tier of teleworkTiers(telework)) {
      if (telework.clientCidrs[tier] !== undefined && !vpn.saml.accessGroupIds[tier]) {
        problems.push({
          path: `telework.clientVpn.saml.accessGroupIds.${tier}`,
          message: `SAML is on but no IdP group is named for the ${tier} tier; without one every federated user would be authorised`,
          fix: `add telework.clientVpn.saml.accessGroupIds.${tier}: the IdP group of staff allowed into the ${tier} tier`,
          ja: `${TIER_LABELS[tier].ja}に接続できるIdPグループを telework.clientVpn.saml.accessGroupIds.${tier} に指定してください`,
        });
      }
    }
  }
  return problems;
}

function hardeningProblems(telework: ResolvedTelework): ConfigProblem[] {
  try {
    validateHardeningOptions(hardeningOptionsOf(telework));
    return [];
  } catch (err) {
    return (err as Error).message
      .split('\n')
      .slice(1)
      .map((line) => line.replace(/^\s*-\s*/, ''))
      .map((line) => {
        const field = line.split(':')[0];
        return {
          path: `telework.hardening.${field}`,
          message: line.slice(field.length + 1).trim(),
          fix: 'see docs/telework.md, "Desktop hardening"',
          ja: `telework.hardening.${field} の値が安全基準を満たしません（docs/telework.md 参照）`,
        };
      });
  }
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+$/;
const NETBIOS = /^[A-Za-z0-9][A-Za-z0-9-]{0,14}$/;

function isIpv4(text: string): boolean {
  const m = IPV4.exec(text);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}

/** Checks of an `ad-connector` directory that need no network view. */
function adConnectorProblems(tier: Tier, d: Extract<DirectoryConfig, { kind: 'ad-connector' }>): ConfigProblem[] {
  const base = `telework.directories.${tier}`;
  const problems: ConfigProblem[] = [];
  if (d.customerDnsIps.length < 2) {
    problems.push({
      path: `${base}.customerDnsIps`,
      message: `an AD Connector needs at least two on-prem DNS servers (domain controllers); got ${d.customerDnsIps.length}`,
      fix: `list at least two DNS server addresses of the ${tier} on-prem domain in ${base}.customerDnsIps`,
      ja: `AD Connector には${TIER_LABELS[tier].ja}のオンプレミスDNSサーバ（ドメインコントローラ）を2台以上指定してください（${base}.customerDnsIps）`,
    });
  }
  d.customerDnsIps.forEach((ip, i) => {
    if (!isIpv4(ip)) {
      problems.push({
        path: `${base}.customerDnsIps.${i}`,
        message: `"${ip}" is not an IPv4 address like 172.16.20.10`,
        fix: 'write the DNS server as a plain IPv4 address (no prefix length, no host name)',
        ja: `"${ip}" はIPv4アドレスではありません。172.16.20.10 のように記述してください`,
      });
    }
  });
  if (!SECRET_ARN.test(d.serviceAccountSecretArn)) {
    problems.push({
      path: `${base}.serviceAccountSecretArn`,
      message: `"${d.serviceAccountSecretArn}" is not a Secrets Manager secret ARN`,
      fix: 'give the full ARN, like arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:lgwan-ad-connector-AbCdEf, of a secret holding {"username","password"} of the service account (never the password itself)',
      ja: `${base}.serviceAccountSecretArn にはサービスアカウントのシークレットのARN（arn:aws:secretsmanager:…:secret:…）を指定してください。パスワードそのものは書かないでください`,
    });
  }
  if (d.shortName !== undefined && !NETBIOS.test(d.shortName)) {
    problems.push({
      path: `${base}.shortName`,
      message: `"${d.shortName}" is not a NetBIOS domain name (1–15 letters, digits or hyphens)`,
      fix: `use the on-prem domain's NetBIOS name, e.g. ${tier.toUpperCase().replace(/[^A-Z0-9]/g, '')}, or leave shortName out`,
      ja: `${base}.shortName はNetBIOS名（英数字とハイフン、15文字以内）で指定するか、省略してください`,
    });
  }
  return problems;
}

function directoryProblems(telework: ResolvedTelework): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [tier, d] of Object.entries(telework.directories) as Array<[Tier, DirectoryConfig | undefined]>) {
    if (d?.kind === 'ad-connector') problems.push(...adConnectorProblems(tier, d));
  }
  for (const tier of Object.keys(telework.directories) as Tier[]) {
    if (tier === NO_TELEWORK_TIER || !telework.tiers.includes(tier)) {
      problems.push({
        path: `telework.directories.${tier}`,
        message: `a desktop directory is declared for "${tier}", which has no telework`,
        fix: `remove telework.directories.${tier}`,
        ja: `テレワーク対象でない層（${TIER_LABELS[tier].ja}）のディレクトリ設定は削除してください`,
      });
    }
  }
  return problems;
}

/** The ranges validateTeleworkAgainstConfig needs from the whole configuration (kept structural: no import cycle). */
export interface TierNetworkView {
  tiers: Record<Tier, { vpcCidr: string; onPremCidrs: string[]; onPremLink?: unknown }>;
  telework: TeleworkConfig | ResolvedTelework;
}

/**
 * Checks that need the tiers' networks: link client ranges must arrive over an existing link of THEIR tier
 * and overlap no range of another tier (nor their own VPC), or a route/NACL/SG meant for telework clients
 * would match another tier's hosts.
 */
export function validateTeleworkAgainstConfig(config: TierNetworkView): ConfigProblem[] {
  const telework = resolveTelework(config.telework);
  const problems: ConfigProblem[] = [...adConnectorDnsProblems(config, telework)];
  for (const [tierName, cidrs] of Object.entries(telework.linkClientCidrs)) {
    const tier = tierName as Tier;
    if (!cidrs || cidrs.length === 0 || tier === NO_TELEWORK_TIER) continue;
    if (!config.tiers[tier].onPremLink) {
      problems.push({
        path: `telework.linkClientCidrs.${tier}`,
        message: `closed-SIM / Direct Connect clients are declared for the ${tier} tier, but it has no on-prem link to carry them`,
        fix: `add tiers.${tier}.onPremLink, or remove telework.linkClientCidrs.${tier}`,
        ja: `${TIER_LABELS[tier].ja}に閉域回線（tiers.${tier}.onPremLink）がありません。回線を追加するか linkClientCidrs を削除してください`,
      });
    }
    cidrs.forEach((cidr, i) => {
      const c = mustParseIpv4Block(cidr);
      for (const other of TIERS) {
        const ranges: Array<{ what: string; cidr: string }> = [{ what: 'VPC range', cidr: config.tiers[other].vpcCidr }];
        if (other !== tier) {
          config.tiers[other].onPremCidrs.forEach((o) => ranges.push({ what: 'on-prem segment', cidr: o }));
          const pool = telework.clientCidrs[other];
          if (pool) ranges.push({ what: 'telework client pool', cidr: pool });
          (telework.linkClientCidrs[other] ?? []).forEach((o) => ranges.push({ what: 'link client range', cidr: o }));
        }
        for (const r of ranges) {
          if (cidrsOverlap(c, mustParseIpv4Block(r.cidr))) {
            problems.push({
              path: `telework.linkClientCidrs.${tier}.${i}`,
              message: `${cidr} overlaps the ${other} tier's ${r.what} ${r.cidr}: telework clients must be distinguishable from every tier's hosts`,
              fix: 'use a client range that shares no address with any tier range',
              ja: `${cidr} が${TIER_LABELS[other].ja}の範囲 ${r.cidr} と重なっています。重ならない範囲にしてください`,
            });
          }
        }
      }
    });
  }
  return problems;
}

/**
 * An AD Connector's DNS servers must be on-prem hosts of ITS OWN tier: the connector's ENIs in the tier VPC
 * send DNS and LDAP/Kerberos there, so an address outside the tier's declared on-prem ranges (or inside another
 * tier's) would be a path out of the tier. Fail closed: not inside a declared range → refused.
 */
/**
 * AD Connector DNS servers must lie in their tier's own on-prem ranges. The one check against the tiers'
 * networks that lib/config/validate.ts does not already make (link-client ranges are checked there too).
 */
export function adConnectorDnsRangeProblems(config: TierNetworkView): ConfigProblem[] {
  return adConnectorDnsProblems(config, resolveTelework(config.telework));
}

function adConnectorDnsProblems(config: TierNetworkView, telework: ResolvedTelework): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [tierName, d] of Object.entries(telework.directories)) {
    const tier = tierName as Tier;
    if (d?.kind !== 'ad-connector') continue;
    const own = config.tiers[tier].onPremCidrs.map((c) => parseIpv4Block(c)).filter((c): c is Exclude<ReturnType<typeof parseIpv4Block>, string> => typeof c !== 'string');
    d.customerDnsIps.forEach((ip, i) => {
      const host = parseIpv4Block(`${ip}/32`);
      if (typeof host === 'string') return; // reported by validateTelework
      if (own.some((range) => ipv4BlockContains(range, host))) return;
      problems.push({
        path: `telework.directories.${tier}.customerDnsIps.${i}`,
        message: `DNS server ${ip} is not inside the ${tier} tier's on-prem ranges (${config.tiers[tier].onPremCidrs.join(', ') || 'none declared'}): the AD Connector would reach outside its tier`,
        fix: `use a domain controller of the ${tier} on-prem network, or declare its segment in tiers.${tier}.onPremCidrs`,
        ja: `DNSサーバ ${ip} が${TIER_LABELS[tier].ja}のオンプレミス範囲（tiers.${tier}.onPremCidrs）の外にあります。同じ層のドメインコントローラを指定してください`,
      });
    });
  }
  return problems;
}
