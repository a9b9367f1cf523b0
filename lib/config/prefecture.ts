/**
 * The prefecture document: the one file that says which municipalities are built together, and — when the
 * prefecture runs its 自治体情報セキュリティクラウド on AWS with this package — the shared inspection hub in the
 * prefecture's own account, and the pipeline that deploys them all.
 *
 * The hub is one Transit Gateway shared with the member municipalities' accounts through AWS RAM, one
 * inspection VPC (AWS Network Firewall with a domain allow-list in front of one NAT gateway) and one exit.
 * Municipalities whose `internetEgress.kind` is `prefecture-hub` attach their internet tier to it; nothing
 * else attaches (the proof checks it).
 */
import { z } from 'zod';
import { mustParseIpv4Block as mustParseCidr } from '../cidr/ipv4-blocks';
import type { ConfigProblem } from './config-error';
import { ALLOWED_REGIONS, AllowedRegion, domainName, LOG_RETENTION_DAYS, REGION_AZS } from './schema';
import { cidrString, FixParams } from './zod-helpers';

const name = z.string().regex(/^[a-z][a-z0-9-]{1,30}[a-z0-9]$/, {
  message: 'must be 3–32 lower-case letters, digits or hyphens, starting with a letter',
});
const account = z.string().regex(/^\d{12}$/, { message: 'must be a 12-digit AWS account id' });
const region = z.string().superRefine((value, ctx) => {
  if (!(ALLOWED_REGIONS as readonly string[]).includes(value)) {
    const params: FixParams = {
      fix: 'use ap-northeast-1 (Tokyo) or ap-northeast-3 (Osaka): municipal data stays in Japan',
      ja: `リージョン「${value}」は使えません。ap-northeast-1（東京）または ap-northeast-3（大阪）を指定してください`,
    };
    ctx.addIssue({ code: 'custom', message: `region "${value}" is not allowed`, params });
  }
});

/** The inspection VPC is cut into /28s: two TGW-attachment subnets, one firewall subnet, one NAT subnet. */
export const HUB_SUBNET_PREFIX = 28;
export const HUB_VPC_MAX_PREFIX = 26;

export const securityCloudSchema = z.strictObject({
  /** The inspection VPC's range (/16–/26). Must overlap no member municipality's internet-tier range. */
  vpcCidr: cidrString,
  /** Domains the member municipalities' internet tiers may reach (TLS SNI / HTTP Host); all else is dropped. */
  allowedDomains: z.array(domainName).min(1),
  /** The shared Transit Gateway's BGP ASN. */
  amazonSideAsn: z.number().int().min(64512).max(65534).default(64512),
  /** Retention of the inspection VPC's flow logs (days; a CloudWatch Logs retention value). */
  flowLogRetentionDays: z.number().int().default(3653),
  /**
   * Share the hub with member accounts outside the prefecture's AWS Organization (each then accepts a RAM
   * invitation). Off by default: inside one Organization no invitation is needed and nothing outside it can be named.
   */
  shareOutsideOrganization: z.boolean().default(false),
});
export type SecurityCloudConfig = z.infer<typeof securityCloudSchema>;

/** Where the pipeline lives and where it reads the source from (CDK Pipelines, see docs/pipeline.md). */
export const pipelineConfigSchema = z.strictObject({
  /** The account that runs the pipeline (the prefecture's or the vendor's tooling account). */
  account,
  region: region.optional(),
  /** `owner/repository` of the source, read through a CodeConnections (CodeStar) connection. */
  repository: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { message: 'must be owner/repository' }),
  branch: z.string().min(1).default('main'),
  /** The CodeConnections connection ARN (created and authorised once in the console). */
  connectionArn: z.string().regex(/^arn:aws:(codestar-connections|codeconnections):ap-northeast-[13]:\d{12}:connection\/[0-9a-f-]{36}$/, {
    message: 'must be a CodeConnections connection ARN in Tokyo or Osaka (arn:aws:codeconnections:ap-northeast-1:123456789012:connection/…)',
  }),
  /** How many municipalities deploy side by side in one wave. */
  waveSize: z.number().int().min(1).max(50).default(10),
  /**
   * After each stage's deployment, prove the live account too (`closed-telework snapshot` and
   * `verify --snapshot --against`, through the target account's read-only CDK lookup role, which
   * `cdk bootstrap --trust-for-lookup` grants). Turn off only while the lookup trust is not yet in place.
   */
  liveVerify: z.boolean().default(true),
});
export type PipelineConfig = z.infer<typeof pipelineConfigSchema>;

export const prefectureConfigSchema = z.strictObject({
  name,
  displayName: z.strictObject({ en: z.string().min(1), ja: z.string().min(1) }),
  /** The prefecture's own account: the shared hub is built there. */
  account,
  region,
  /** Municipality configuration files, relative to this file. Omitted when loaded with -c configDir. */
  municipalities: z.array(z.string().min(1)).min(1).optional(),
  /** The prefecture's security cloud built on AWS (omit when the municipalities egress some other way). */
  securityCloud: securityCloudSchema.optional(),
  pipeline: pipelineConfigSchema.optional(),
});

export type PrefectureConfigInput = z.input<typeof prefectureConfigSchema>;
export type PrefectureConfig = z.infer<typeof prefectureConfigSchema> & { region: AllowedRegion };

/** The subnets of the inspection VPC with literal CIDRs (first AZ: firewall and NAT; two AZs: attachments). */
export interface HubSubnetPlan {
  attachment: Array<{ az: string; cidr: string }>;
  firewall: { az: string; cidr: string };
  nat: { az: string; cidr: string };
}

export function planHubSubnets(prefecture: PrefectureConfig): HubSubnetPlan {
  const hub = prefecture.securityCloud;
  if (hub === undefined) throw new Error(`prefecture ${prefecture.name} has no securityCloud`);
  const vpc = mustParseCidr(hub.vpcCidr);
  const azs = REGION_AZS[prefecture.region];
  const at = (i: number): string => {
    const start = vpc.start + i * 16;
    return `${[start >>> 24, (start >>> 16) & 255, (start >>> 8) & 255, start & 255].join('.')}/${HUB_SUBNET_PREFIX}`;
  };
  return {
    attachment: [{ az: azs[0], cidr: at(0) }, { az: azs[1], cidr: at(1) }],
    firewall: { az: azs[0], cidr: at(2) },
    nat: { az: azs[0], cidr: at(3) },
  };
}

/** Checks the schema cannot express; every problem is returned (paths relative to the prefecture file). */
export function prefectureProblems(prefecture: PrefectureConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const hub = prefecture.securityCloud;
  if (hub !== undefined) {
    const vpc = mustParseCidr(hub.vpcCidr);
    if (vpc.prefix < 16 || vpc.prefix > HUB_VPC_MAX_PREFIX) {
      problems.push({
        path: 'securityCloud.vpcCidr',
        message: `${vpc.text} is a /${vpc.prefix}; the inspection VPC needs a /16–/${HUB_VPC_MAX_PREFIX} (four /${HUB_SUBNET_PREFIX} subnets)`,
        fix: `choose a /16–/${HUB_VPC_MAX_PREFIX} block`,
        ja: `検査用VPC（securityCloud.vpcCidr）は /16〜/${HUB_VPC_MAX_PREFIX} にしてください（/${HUB_SUBNET_PREFIX} のサブネットを4つ作ります）`,
      });
    }
    if (!(LOG_RETENTION_DAYS as readonly number[]).includes(hub.flowLogRetentionDays)) {
      problems.push({
        path: 'securityCloud.flowLogRetentionDays',
        message: `${hub.flowLogRetentionDays} days is not a CloudWatch Logs retention value`,
        fix: `use one of ${LOG_RETENTION_DAYS.join(', ')}`,
        ja: `保持日数は CloudWatch Logs が受け付ける値（${LOG_RETENTION_DAYS.join(', ')}）から選んでください`,
      });
    }
  }
  return problems;
}
