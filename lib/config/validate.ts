/**
 * Validation of a whole municipality configuration: the zod shape first, then the cross-field rules that
 * keep the tiers apart and the networks deployable. Every problem is collected; `parseConfig` throws
 * one ConfigError listing them all, BEFORE any construct is built.
 */
import { NO_TELEWORK_TIER, TIERS, TIER_LABELS, Tier } from '../tiers/tier';
import { cidrsOverlap, Ipv4Cidr, mustParseIpv4Block, parseIpv4Block, usableAddresses } from '../cidr/ipv4-blocks';
import { ConfigError, ConfigProblem } from './config-error';
import { RESERVED_RANGES } from './reserved-ranges';
import { problemsFromZod } from './schema-problems';
import { AllowedRegion, MunicipalityConfig, municipalityConfigSchema, REGION_AZS } from './schema';
import { isSubnetPlan, planTierSubnets } from './subnet-plan';
import { adConnectorDnsRangeProblems, resolveTelework, validateTelework } from './telework';

/** A VPC's primary CIDR must be between /16 and /28 (Amazon VPC quotas). */
export const VPC_MIN_PREFIX = 16;
export const VPC_MAX_PREFIX = 28;

/**
 * Directory ENIs each directory subnet must hold: AWS Managed Microsoft AD (or AD Connector) puts one
 * domain-controller ENI in each of its two subnets; we keep room for a second directory (an AD
 * Connector next to Managed AD, or a replacement directory during migration).
 */
export const DIRECTORY_ENIS_PER_SUBNET = 2;

/** Client VPN places its association ENIs in the endpoints subnet of a telework tier. */
export const CLIENT_VPN_ENIS_PER_SUBNET = 2;

/** One declared range of one tier: a VPC, an on-prem segment or a telework client pool. */
export interface TierRange {
  tier: Tier;
  kind: 'vpc' | 'on-prem' | 'telework-clients' | 'link-clients';
  path: string;
  cidr: string;
}

/** Every range a tier owns, in declaration order. Exported: the network constructs use it for NACLs. */
export function tierRanges(config: MunicipalityConfig, tier: Tier): TierRange[] {
  const network = config.tiers[tier];
  const ranges: TierRange[] = [{ tier, kind: 'vpc', path: `tiers.${tier}.vpcCidr`, cidr: network.vpcCidr }];
  network.onPremCidrs.forEach((cidr, i) => ranges.push({ tier, kind: 'on-prem', path: `tiers.${tier}.onPremCidrs.${i}`, cidr }));
  const telework = resolveTelework(config.telework);
  const client = telework.clientCidrs[tier];
  if (client !== undefined && tier !== NO_TELEWORK_TIER && telework.tiers.includes(tier)) {
    ranges.push({ tier, kind: 'telework-clients', path: `telework.clientCidrs.${tier}`, cidr: client });
  }
  // Clients arriving over the tier's own on-prem link (closed SIM / Direct Connect) belong to the tier too:
  // they must overlap nothing, be routed to the tier's VGW, and be denied by every other tier.
  if (tier !== NO_TELEWORK_TIER) {
    (telework.linkClientCidrs[tier] ?? []).forEach((cidr, i) =>
      ranges.push({ tier, kind: 'link-clients', path: `telework.linkClientCidrs.${tier}.${i}`, cidr }),
    );
  }
  return ranges;
}

/** Parses and validates; throws ConfigError with every problem, or returns the typed configuration. */
export function parseConfig(input: unknown, source: string): MunicipalityConfig {
  const result = municipalityConfigSchema.safeParse(input);
  if (!result.success) {
    // Shape errors first, but still report the range conflicts we can see in the raw document, so an SE
    // fixes everything in one round instead of discovering overlaps only after the typos.
    const shape = problemsFromZod(result.error);
    const badPaths = new Set(shape.map((p) => p.path));
    const ranges = rawTierRanges(input).filter((r) => !badPaths.has(r.path));
    throw new ConfigError(source, [...shape, ...overlapProblems(ranges), ...reservedRangeProblems(ranges)]);
  }
  const region = result.data.region as AllowedRegion;
  const config: MunicipalityConfig = {
    ...result.data,
    region,
    availabilityZones: result.data.availabilityZones ?? REGION_AZS[region].slice(0, 2),
  };
  const problems = semanticProblems(config);
  if (problems.length > 0) {
    throw new ConfigError(source, problems);
  }
  return config;
}

export function semanticProblems(config: MunicipalityConfig): ConfigProblem[] {
  return [
    ...availabilityZoneProblems(config),
    ...validateTelework(config.telework),
    // AD Connector DNS servers against the tier's on-prem ranges, so `cdk synth` reports it with the rest.
    ...adConnectorDnsRangeProblems(config),
    ...vpcPrefixProblems(config),
    ...overlapProblems(allTierRanges(config)),
    ...reservedRangeProblems(allTierRanges(config)),
    ...onPremLinkProblems(config),
    ...endpointServiceProblems(config),
    ...subnetSizeProblems(config),
  ];
}

function availabilityZoneProblems(config: MunicipalityConfig): ConfigProblem[] {
  const known = REGION_AZS[config.region];
  const problems: ConfigProblem[] = [];
  config.availabilityZones.forEach((az, i) => {
    if (!known.includes(az)) {
      problems.push({
        path: `availabilityZones.${i}`,
        message: `"${az}" is not an Availability Zone of ${config.region} that new accounts can use`,
        fix: `use zones from ${known.join(', ')}`,
        ja: `「${az}」は ${config.region} で使えるアベイラビリティゾーンではありません。${known.join(' / ')} から選んでください`,
      });
    }
    if (config.availabilityZones.indexOf(az) !== i) {
      problems.push({
        path: `availabilityZones.${i}`,
        message: `"${az}" is listed twice; directories need two different zones`,
        fix: 'list each zone once',
        ja: `「${az}」が重複しています。ディレクトリには異なる2つのゾーンが必要です`,
      });
    }
  });
  return problems;
}

function vpcPrefixProblems(config: MunicipalityConfig): ConfigProblem[] {
  return TIERS.flatMap((tier) => {
    const cidr = mustParseIpv4Block(config.tiers[tier].vpcCidr);
    if (cidr.prefix >= VPC_MIN_PREFIX && cidr.prefix <= VPC_MAX_PREFIX) return [];
    return [
      {
        path: `tiers.${tier}.vpcCidr`,
        message: `${cidr.text} is a /${cidr.prefix}; a VPC range must be between /${VPC_MIN_PREFIX} and /${VPC_MAX_PREFIX}`,
        fix: `choose a /${VPC_MIN_PREFIX}–/${VPC_MAX_PREFIX} block`,
        ja: `VPC の範囲は /${VPC_MIN_PREFIX}〜/${VPC_MAX_PREFIX} にしてください（現在 /${cidr.prefix}）`,
      },
    ];
  });
}

const KIND_LABEL: Record<TierRange['kind'], { en: string; ja: string }> = {
  'vpc': { en: 'VPC range', ja: 'VPC の範囲' },
  'on-prem': { en: 'on-prem segment', ja: 'オンプレミスのセグメント' },
  'telework-clients': { en: 'telework client pool', ja: 'テレワーク端末の範囲' },
  'link-clients': { en: 'on-prem-link client range', ja: '閉域網経由の端末の範囲' },
};

function describe(range: TierRange): { en: string; ja: string } {
  return {
    en: `the ${range.tier} tier's ${KIND_LABEL[range.kind].en} ${range.cidr} (${range.path})`,
    ja: `${TIER_LABELS[range.tier].ja}の${KIND_LABEL[range.kind].ja} ${range.cidr}（${range.path}）`,
  };
}

/**
 * No two declared ranges may overlap, across tiers or within one: an overlap across tiers makes a route,
 * NACL or SG meant for one tier match the other; within a tier it makes routing ambiguous (VPC-local
 * routes always win, so on-prem hosts in the overlap become unreachable).
 */
function allTierRanges(config: MunicipalityConfig): TierRange[] {
  return TIERS.flatMap((tier) => tierRanges(config, tier));
}

/**
 * The ranges of a document that failed the schema, taken defensively: only well-formed CIDRs at the
 * places the schema expects them (anything else is already a shape problem).
 */
export function rawTierRanges(input: unknown): TierRange[] {
  const ranges: TierRange[] = [];
  const obj = (v: unknown): Record<string, unknown> | undefined =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const add = (tier: Tier, kind: TierRange['kind'], path: string, value: unknown): void => {
    if (typeof value === 'string' && typeof parseIpv4Block(value) !== 'string') ranges.push({ tier, kind, path, cidr: value.trim() });
  };
  const root = obj(input);
  const tiers = obj(root?.tiers);
  const telework = obj(root?.telework);
  const teleworkTiers = Array.isArray(telework?.tiers) ? (telework!.tiers as unknown[]) : ['lgwan'];
  for (const tier of TIERS) {
    const network = obj(tiers?.[tier]);
    add(tier, 'vpc', `tiers.${tier}.vpcCidr`, network?.vpcCidr);
    if (Array.isArray(network?.onPremCidrs)) {
      (network!.onPremCidrs as unknown[]).forEach((c, i) => add(tier, 'on-prem', `tiers.${tier}.onPremCidrs.${i}`, c));
    }
    if (tier === NO_TELEWORK_TIER || !teleworkTiers.includes(tier)) continue;
    add(tier, 'telework-clients', `telework.clientCidrs.${tier}`, obj(telework?.clientCidrs)?.[tier]);
    const links = obj(telework?.linkClientCidrs)?.[tier];
    if (Array.isArray(links)) links.forEach((c, i) => add(tier, 'link-clients', `telework.linkClientCidrs.${tier}.${i}`, c));
  }
  return ranges;
}

function overlapProblems(ranges: TierRange[]): ConfigProblem[] {
  const all = ranges.map((r) => ({ r, c: mustParseIpv4Block(r.cidr) }));
  const problems: ConfigProblem[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = 0; j < i; j++) {
      if (!cidrsOverlap(all[i].c, all[j].c)) continue;
      const a = describe(all[i].r);
      const b = describe(all[j].r);
      const crossTier = all[i].r.tier !== all[j].r.tier;
      problems.push({
        path: all[i].r.path,
        message: `${a.en} overlaps ${b.en}${crossTier ? ': tier ranges must be disjoint or the tiers cannot be kept apart' : ''}`,
        fix: `change one of the two ranges so they share no address`,
        ja: `${a.ja} が ${b.ja} と重なっています。${crossTier ? '層をまたいで範囲が重なると分離を保てません。' : ''}どちらかの範囲を変更してください`,
      });
    }
  }
  return problems;
}

function reservedRangeProblems(ranges: TierRange[]): ConfigProblem[] {
  const reserved = RESERVED_RANGES.map((r) => ({ r, c: mustParseIpv4Block(r.cidr) }));
  const problems: ConfigProblem[] = [];
  for (const range of ranges) {
    const c: Ipv4Cidr = mustParseIpv4Block(range.cidr);
    for (const { r, c: rc } of reserved) {
      if (!cidrsOverlap(c, rc)) continue;
      const d = describe(range);
      problems.push({
        path: range.path,
        message: `${d.en} overlaps ${r.cidr}, reserved for ${r.owner.en} (${r.source})`,
        fix: `choose a range outside ${r.cidr}`,
        ja: `${d.ja} が ${r.owner.ja} 用に予約された ${r.cidr} と重なっています。${r.cidr} の外の範囲を使ってください`,
      });
    }
  }
  return problems;
}

function onPremLinkProblems(config: MunicipalityConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (config.internetEgress.kind === 'security-cloud' && config.tiers.internet.onPremLink === undefined) {
    problems.push({
      path: 'tiers.internet.onPremLink',
      message: 'internet egress via the security cloud needs the internet tier\'s own on-prem link, and none is declared',
      fix: 'add tiers.internet.onPremLink (site-to-site-vpn or direct-connect towards the prefecture\'s security cloud), or use internetEgress.kind "network-firewall"',
      ja: 'セキュリティクラウド経由のインターネット接続には、インターネット接続系のオンプレミス接続（tiers.internet.onPremLink）が必要です',
    });
  }
  for (const range of TIERS.flatMap((tier) => tierRanges(config, tier)).filter((r) => r.kind === 'link-clients')) {
    if (config.tiers[range.tier].onPremLink === undefined) {
      problems.push({
        path: range.path,
        message: `clients in ${range.cidr} are declared to arrive over the ${range.tier} tier's on-prem link, but that tier has none`,
        fix: `add tiers.${range.tier}.onPremLink (the closed-SIM / Direct Connect carrier link), or remove the range`,
        ja: `${TIER_LABELS[range.tier].ja}にオンプレミス接続がないため、閉域網経由の端末範囲 ${range.cidr} は使えません。tiers.${range.tier}.onPremLink を追加してください`,
      });
    }
  }
  const gatewayOwners = new Map<string, Tier>();
  for (const tier of TIERS) {
    const link = config.tiers[tier].onPremLink;
    if (link === undefined) continue;
    const defaultRouteViaLink = tier === 'internet' && config.internetEgress.kind === 'security-cloud';
    if (config.tiers[tier].onPremCidrs.length === 0 && !defaultRouteViaLink) {
      problems.push({
        path: `tiers.${tier}.onPremCidrs`,
        message: `the ${tier} tier has an on-prem link but no on-prem segments to route over it`,
        fix: `list the tier's on-prem segments in tiers.${tier}.onPremCidrs, or remove tiers.${tier}.onPremLink`,
        ja: `${TIER_LABELS[tier].ja}にオンプレミス接続がありますが、経路とするセグメント（tiers.${tier}.onPremCidrs）がありません`,
      });
    }
    // One on-prem router (or Direct Connect gateway) serving two tiers joins them outside AWS.
    const key = link.kind === 'site-to-site-vpn' ? `cgw:${link.customerGatewayIp}` : `dxgw:${link.directConnectGatewayId}`;
    const other = gatewayOwners.get(key);
    if (other !== undefined) {
      const what = link.kind === 'site-to-site-vpn' ? `customer gateway ${link.customerGatewayIp}` : `Direct Connect gateway ${link.directConnectGatewayId}`;
      problems.push({
        path: `tiers.${tier}.onPremLink`,
        message: `the ${what} is also the ${other} tier's on-prem link; one device terminating two tiers joins them outside AWS`,
        fix: `give each tier its own on-prem router / Direct Connect gateway`,
        ja: `${what} は${TIER_LABELS[other].ja}と共用されています。1つの機器で2つの層を終端すると層が接続されます。層ごとに別の機器を使ってください`,
      });
    } else {
      gatewayOwners.set(key, tier);
    }
  }
  return problems;
}

function endpointServiceProblems(config: MunicipalityConfig): ConfigProblem[] {
  return TIERS.flatMap((tier) =>
    config.tiers[tier].endpointServices.flatMap((service, i, list) =>
      list.indexOf(service) === i
        ? []
        : [
            {
              path: `tiers.${tier}.endpointServices.${i}`,
              message: `endpoint service "${service}" is listed twice`,
              fix: 'list each service once',
              ja: `エンドポイント「${service}」が重複しています`,
            },
          ],
    ),
  );
}

function subnetSizeProblems(config: MunicipalityConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const azCount = config.availabilityZones.length;
  for (const tier of TIERS) {
    const network = config.tiers[tier];
    const prefixes = network.subnetPrefixes;
    // WorkSpaces spreads desktops over the directory's subnets; each AZ's subnet must hold its share.
    const seatsPerAz = Math.ceil(network.seats / azCount);
    const telework = config.telework.tiers.includes(tier);
    const demands = [
      { purpose: 'desktops' as const, need: seatsPerAz, why: `${network.seats} seats over ${azCount} AZs = ${seatsPerAz} desktop ENIs per subnet`, whyJa: `${network.seats}席 ÷ ${azCount}AZ = 1サブネットあたり ${seatsPerAz} 台` },
      { purpose: 'directory' as const, need: DIRECTORY_ENIS_PER_SUBNET, why: `${DIRECTORY_ENIS_PER_SUBNET} directory ENIs per subnet`, whyJa: `ディレクトリ用 ENI ${DIRECTORY_ENIS_PER_SUBNET} 個` },
      {
        purpose: 'endpoints' as const,
        need: network.endpointServices.length + (telework ? CLIENT_VPN_ENIS_PER_SUBNET : 0),
        why: `${network.endpointServices.length} interface endpoints${telework ? ` + ${CLIENT_VPN_ENIS_PER_SUBNET} Client VPN ENIs` : ''} per subnet`,
        whyJa: `インターフェイスエンドポイント ${network.endpointServices.length} 個${telework ? ` + Client VPN 用 ${CLIENT_VPN_ENIS_PER_SUBNET} 個` : ''}`,
      },
    ];
    for (const d of demands) {
      const usable = usableAddresses(prefixes[d.purpose]);
      if (usable >= d.need) continue;
      let suggested = prefixes[d.purpose];
      while (suggested > 16 && usableAddresses(suggested) < d.need) suggested--;
      problems.push({
        path: `tiers.${tier}.subnetPrefixes.${d.purpose}`,
        message: `a /${prefixes[d.purpose]} subnet has ${usable} usable addresses (AWS reserves 5 per subnet) but needs ${d.need}: ${d.why}`,
        fix: `set tiers.${tier}.subnetPrefixes.${d.purpose} to ${suggested} or lower${d.purpose === 'desktops' ? ', or reduce seats' : ''}`,
        ja: `/${prefixes[d.purpose]} のサブネットで使えるアドレスは ${usable} 個（AWS が各サブネットで5個予約）ですが、${d.need} 個必要です（${d.whyJa}）。tiers.${tier}.subnetPrefixes.${d.purpose} を ${suggested} 以下にしてください`,
      });
    }
    const plan = planTierSubnets(tier, network, config.availabilityZones, config.internetEgress);
    if (!isSubnetPlan(plan)) {
      problems.push({
        path: `tiers.${tier}.vpcCidr`,
        message: `the tier's subnets need ${plan.needed} addresses but ${network.vpcCidr} has ${plan.available}`,
        fix: `use a larger VPC range, fewer Availability Zones or smaller subnetPrefixes`,
        ja: `サブネットに ${plan.needed} 個のアドレスが必要ですが、${network.vpcCidr} には ${plan.available} 個しかありません。VPC の範囲を広げるか、サブネットを小さくしてください`,
      });
    }
  }
  return problems;
}
