/**
 * The municipality configuration: one typed document per municipality, which an SE copies from the
 * embedded example and edits. The zod schema is the single source of truth; the TypeScript types are
 * inferred from it. Shape errors are caught here; cross-field rules (overlaps, sizing, reserved ranges)
 * live in `validate.ts`. Both run before any construct is built.
 */
import { z } from 'zod';
import { cidrString, FixParams, subnetPrefix } from './zod-helpers';
import { teleworkSchema } from './telework';
import { costSettingsSchema } from './cost-settings';

/** Municipal data stays in Japan: Tokyo or Osaka (see docs/configuration.md). */
export const ALLOWED_REGIONS = ['ap-northeast-1', 'ap-northeast-3'] as const;
export type AllowedRegion = (typeof ALLOWED_REGIONS)[number];

/**
 * Availability Zone names per allowed region. ap-northeast-1b is not offered to new accounts, so it is
 * deliberately absent (a VPC planned there would fail on deployment).
 */
export const REGION_AZS: Record<AllowedRegion, readonly string[]> = {
  'ap-northeast-1': ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'],
  'ap-northeast-3': ['ap-northeast-3a', 'ap-northeast-3b', 'ap-northeast-3c'],
};

/** MIC's models: where main terminals and systems sit. Recorded on every stack as `mic:model`. */
export const MIC_MODELS = ['alpha', 'alpha-prime', 'beta', 'beta-prime'] as const;
export type MicModel = (typeof MIC_MODELS)[number];

/** The retention values CloudWatch Logs accepts (PutRetentionPolicy); anything else fails on deploy. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** Interface endpoints a closed tier gets unless its configuration says otherwise. Why each one:
 * ssm/ssmmessages/ec2messages — Systems Manager manages hosts with no internet path;
 * logs — CloudWatch agent and flow logs from inside the tier; kms — encrypting volumes and logs. */
export const DEFAULT_ENDPOINT_SERVICES = ['ssm', 'ssmmessages', 'ec2messages', 'logs', 'kms'] as const;

const ipv4Address = z
  .string()
  .regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/, {
    message: 'must be an IPv4 address like 203.0.113.10',
  });

const asn = z.number().int().min(1).max(4294967294);

/** Site-to-site VPN on the tier's own virtual private gateway, static routing only. */
export const siteToSiteVpnSchema = z.strictObject({
  kind: z.literal('site-to-site-vpn'),
  /** The on-prem router's public (or carrier closed-network) IP address. */
  customerGatewayIp: ipv4Address,
  /** The customer gateway's BGP ASN (CloudFormation requires one even for static routing). */
  customerGatewayAsn: asn.default(65000),
});

/** An existing Direct Connect gateway (created by the carrier/LGWAN contract), associated to the tier's VGW. */
export const directConnectSchema = z.strictObject({
  kind: z.literal('direct-connect'),
  directConnectGatewayId: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, {
      message: 'must be a Direct Connect gateway id (a UUID such as 5f294f92-bafb-4011-916d-9b0b12345678)',
    }),
});

export const onPremLinkSchema = z.discriminatedUnion('kind', [siteToSiteVpnSchema, directConnectSchema]);
export type OnPremLinkConfig = z.infer<typeof onPremLinkSchema>;

export const subnetPrefixesSchema = z.strictObject({
  /** One desktop ENI per seat. */
  desktops: subnetPrefix.default(24),
  /** Directory controllers / AD Connector ENIs. */
  directory: subnetPrefix.default(28),
  /** One ENI per interface endpoint, plus Client VPN association ENIs. */
  endpoints: subnetPrefix.default(27),
});
export type SubnetPrefixes = z.infer<typeof subnetPrefixesSchema>;

const DEFAULT_SUBNET_PREFIXES: SubnetPrefixes = { desktops: 24, directory: 28, endpoints: 27 };

export const tierNetworkSchema = z.strictObject({
  /** The tier VPC's IPv4 range. Must overlap no other tier's ranges. */
  vpcCidr: cidrString,
  /** Desktops the tier must hold (WorkSpaces seats); sizes the desktop subnets. */
  seats: z.number().int().min(0).max(20000),
  /** The tier's segments in the town hall / data centre, reached over its own on-prem link only. */
  onPremCidrs: z.array(cidrString).default([]),
  /** The tier's own link to its on-prem segments. */
  onPremLink: onPremLinkSchema.optional(),
  subnetPrefixes: subnetPrefixesSchema.default(DEFAULT_SUBNET_PREFIXES),
  /** AWS services the tier reaches through interface endpoints (short names, e.g. `ssm`). */
  endpointServices: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { message: 'must be a short service name such as ssm or logs' }))
    .default([...DEFAULT_ENDPOINT_SERVICES]),
});
export type TierNetworkConfig = z.infer<typeof tierNetworkSchema>;

/** A domain for a Network Firewall allow-list (also used by the prefecture's security cloud). */
export const domainName = z
  .string()
  .regex(/^(\*\.|\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: 'must be a domain name such as .windowsupdate.com or www.example.lg.jp (lower case)',
  });

/**
 * The internet tier's ONE inspected egress point:
 * - `network-firewall`: AWS Network Firewall with a domain allow-list (TLS SNI / HTTP Host) in front of
 *   one NAT gateway;
 * - `security-cloud`: the prefecture's 自治体情報セキュリティクラウド, reached over the internet tier's
 *   own on-prem link (default route to the tier's VGW; no IGW at all);
 * - `prefecture-hub`: the prefecture's security cloud built by this package (lib/prefecture): the tier's
 *   VPC attaches to the prefecture's shared Transit Gateway and sends its default route there; the
 *   prefecture's inspection VPC (Network Firewall domain allow-list, one NAT) is its only way out. Needs a
 *   prefecture file with `securityCloud` in the same app (see docs/prefecture.md).
 */
export const internetEgressSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('network-firewall'),
    allowedDomains: z.array(domainName).min(1),
    /** Subnet prefix for the NAT and firewall subnets (one each, in the first AZ). */
    subnetPrefix: subnetPrefix.default(28),
  }),
  z.strictObject({
    kind: z.literal('security-cloud'),
  }),
  z.strictObject({
    kind: z.literal('prefecture-hub'),
  }),
]);
export type InternetEgress = z.infer<typeof internetEgressSchema>;

export const transitGatewaySchema = z.strictObject({
  amazonSideAsn: z.number().int().min(64512).max(65534).default(64512),
});
export type TransitGatewayConfig = z.infer<typeof transitGatewaySchema>;

export const municipalityConfigSchema = z.strictObject({
  /** Short name used in stack names and tags: lower case letters, digits, hyphens. */
  name: z.string().regex(/^[a-z][a-z0-9-]{1,30}[a-z0-9]$/, {
    message: 'must be 3–32 lower-case letters, digits or hyphens, starting with a letter',
  }),
  displayName: z.strictObject({ en: z.string().min(1), ja: z.string().min(1) }),
  account: z.string().regex(/^\d{12}$/, { message: 'must be a 12-digit AWS account id' }),
  region: z.string().superRefine((value, ctx) => {
    if (!(ALLOWED_REGIONS as readonly string[]).includes(value)) {
      const params: FixParams = {
        fix: `use ap-northeast-1 (Tokyo) or ap-northeast-3 (Osaka): municipal data stays in Japan`,
        ja: `リージョン「${value}」は使えません。住民情報を国内に置くため ap-northeast-1（東京）または ap-northeast-3（大阪）を指定してください`,
      };
      ctx.addIssue({ code: 'custom', message: `region "${value}" is not allowed`, params });
    }
  }),
  /** AZs the tier VPCs span (≥ 2: directories need two). Defaults to the region's first two. */
  availabilityZones: z.array(z.string()).min(2).max(3).optional(),
  micModel: z.enum(MIC_MODELS),
  /** Retention of VPC flow logs (days; a CloudWatch Logs retention value). */
  flowLogRetentionDays: z
    .number()
    .int()
    .superRefine((value, ctx) => {
      if (!(LOG_RETENTION_DAYS as readonly number[]).includes(value)) {
        const params: FixParams = {
          fix: `use a CloudWatch Logs retention value: ${LOG_RETENTION_DAYS.join(', ')} (365 or more recommended)`,
          ja: `CloudWatch Logs が受け付ける保持日数（${LOG_RETENTION_DAYS.join(', ')}）から選んでください（365日以上を推奨）`,
        };
        ctx.addIssue({ code: 'custom', message: `${value} days is not a CloudWatch Logs retention value`, params });
      }
    }),
  tiers: z.strictObject({
    'internet': tierNetworkSchema,
    'lgwan': tierNetworkSchema,
    'personal-number': tierNetworkSchema,
  }),
  internetEgress: internetEgressSchema,
  /** Optional shared Transit Gateway, used only as isolated per-tier route domains. */
  transitGateway: transitGatewaySchema.optional(),
  // prefault: an absent section is parsed as {} so every default of telework.ts (owned by D) applies.
  telework: teleworkSchema.prefault({}),
  /** Inputs of `closed-telework cost` (exchange rate, usage assumptions, price overrides); docs/cost.md. */
  cost: costSettingsSchema.optional(),
});

/** A configuration as written (before defaults). */
export type MunicipalityConfigInput = z.input<typeof municipalityConfigSchema>;
/** A validated configuration with defaults applied. Only `loadConfig`/`parseConfig` produce one. */
export type MunicipalityConfig = z.infer<typeof municipalityConfigSchema> & {
  region: AllowedRegion;
  availabilityZones: string[];
};
