/**
 * AWS Cloud WAN (Network Manager): a core network is a global transit gateway whose route domains are the
 * *segments* its policy document declares. Modelled with the transit gateway facts the router already walks:
 * - the core network is a transit gateway (no default route table: Cloud WAN has none);
 * - each segment is a route table (`<core>#segment:<name>`);
 * - VPC, site-to-site VPN, Direct Connect gateway and Connect attachments are attachments of that
 *   transit gateway; the policy's `attachment-policies` (rule-number order, first match) decide the segment
 *   each one is associated with — `association-method: constant` names it, `tag` takes it from the
 *   attachment's tag `tag-value-of-key`;
 * - an attachment's routes propagate into its own segment (unless the segment has `isolate-attachments`)
 *   and into every segment its segment is shared with (`segment-actions` `share`, which is mutual);
 * - `create-route` segment actions are static routes (to attachments, or blackholes);
 * - a VPC route to `CoreNetworkArn` enters the core network through the VPC's attachment (routing.ts).
 * So one segment holding two tiers, or two tiers' segments shared, is TIER-JOIN-TGW, and where routes connect,
 * TIER-CROSSING — while segments per tier, shared with nothing, are clean.
 * What the policy can say that is not modelled — network function groups and service insertion (`send-via`,
 * `send-to`), routing policies, conditions on account, Region or resource id — is UNMODELLED-RESOURCE or
 * UNRESOLVED-VALUE on the resource concerned (fail closed). Transit gateway peerings and route-table
 * attachments (a TGW route table joined into a segment) stay UNMODELLED-RESOURCE: which of the TGW's route
 * domains reaches which segment needs the TGW's side of the policy, which Cloud WAN applies in the service.
 */
import { parseCidr, setOf } from '../../cidr/address-sets';
import { isTier } from '../../tiers/tier';
import type { ResourceEntry } from '../resolve/resolver';
import { ResRef, isPlainObject, parseJsonWithRefs, refToString, refsInString, stripRefs, type Value } from '../resolve/values';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import type { TgwAttachmentFact } from './types';
import { reason } from '../reason';

interface Segment {
  name: string;
  isolate: boolean;
}

interface AttachmentRule {
  ruleNumber: number;
  logic: 'and' | 'or';
  conditions: Array<Record<string, Value>>;
  action: Record<string, Value>;
}

interface CorePolicy {
  segments: Map<string, Segment>;
  /** Segment → the segments it is shared with (mutual). */
  shares: Map<string, Set<string>>;
  rules: AttachmentRule[];
  routes: Array<{ segment: string; cidrs: string[]; destinations: Value[] }>;
}

const POLICIES = new WeakMap<object, Map<string, CorePolicy>>();

export const CORE_NETWORK_TYPE = 'AWS::NetworkManager::CoreNetwork';
const ATTACHMENT_TYPES: Readonly<Record<string, { kind: TgwAttachmentFact['kind']; policyType: string }>> = {
  'AWS::NetworkManager::VpcAttachment': { kind: 'vpc', policyType: 'vpc' },
  'AWS::NetworkManager::SiteToSiteVpnAttachment': { kind: 'vpn', policyType: 'site-to-site-vpn' },
  'AWS::NetworkManager::DirectConnectGatewayAttachment': { kind: 'dx', policyType: 'direct-connect-gateway' },
  'AWS::NetworkManager::ConnectAttachment': { kind: 'connect', policyType: 'connect' },
};

/** The route table key of a segment. */
export function segmentKey(core: string, name: string): string {
  return `${core}#segment:${name}`;
}

function policyOf(entry: ResourceEntry, ctx: ExtractContext): Record<string, Value> | undefined {
  const vs = ctx.resolver.prop(entry, 'PolicyDocument');
  if (vs.length !== 1) {
    ctx.unresolved(entry, 'PolicyDocument', reason('core-policy-alternatives'));
    return undefined;
  }
  let doc: unknown = vs[0];
  if (typeof doc === 'string') {
    try {
      doc = parseJsonWithRefs(doc);
    } catch {
      doc = undefined;
    }
  }
  if (!isPlainObject(doc)) {
    ctx.unresolved(entry, 'PolicyDocument', reason('core-policy-not-json'));
    return undefined;
  }
  return doc as Record<string, Value>;
}

const list = (v: Value | undefined): Value[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function readPolicy(entry: ResourceEntry, ctx: ExtractContext, doc: Record<string, Value>): CorePolicy {
  const p: CorePolicy = { segments: new Map(), shares: new Map(), rules: [], routes: [] };
  for (const s of list(doc.segments)) {
    if (!isPlainObject(s) || typeof s.name !== 'string') continue;
    p.segments.set(s.name, { name: s.name, isolate: s['isolate-attachments'] === true || s['isolate-attachments'] === 'true' });
    p.shares.set(s.name, new Set());
  }
  const unmodelled: string[] = [];
  for (const key of ['network-function-groups', 'routing-policies', 'attachment-routing-policy-rules']) {
    if (list(doc[key]).length > 0) unmodelled.push(key);
  }
  for (const a of list(doc['segment-actions'])) {
    if (!isPlainObject(a)) continue;
    const seg = typeof a.segment === 'string' ? a.segment : undefined;
    if (a.action === 'share' && seg) {
      const w = a['share-with'];
      const others = w === '*' ? [...p.segments.keys()] : isPlainObject(w) && Array.isArray(w.except) ? [...p.segments.keys()].filter((n) => !(w.except as Value[]).includes(n)) : list(w).filter((x): x is string => typeof x === 'string');
      for (const o of others) {
        if (o === seg) continue;
        p.shares.get(seg)?.add(o);
        p.shares.get(o)?.add(seg);
      }
    } else if (a.action === 'create-route' && seg) {
      p.routes.push({ segment: seg, cidrs: list(a['destination-cidr-blocks']).filter((x): x is string => typeof x === 'string'), destinations: list(a.destinations) });
    } else unmodelled.push(`segment action ${String(a.action)}`);
  }
  if (unmodelled.length) ctx.unmodelled(entry, reason('core-policy-unmodelled', { features: [...new Set(unmodelled)] }));
  for (const r of list(doc['attachment-policies'])) {
    if (!isPlainObject(r) || !isPlainObject(r.action)) continue;
    p.rules.push({
      ruleNumber: Number(r['rule-number'] ?? 0),
      logic: r['condition-logic'] === 'or' ? 'or' : 'and',
      conditions: list(r.conditions).filter(isPlainObject) as Array<Record<string, Value>>,
      action: r.action as Record<string, Value>,
    });
  }
  p.rules.sort((a, b) => a.ruleNumber - b.ruleNumber);
  return p;
}

export const coreNetworkExtractor: Extractor = {
  types: [CORE_NETWORK_TYPE],
  phase: 1,
  extract(entry, ctx) {
    ctx.model.tgws.set(entry.key, ctx.fact(entry, { tierTag: ctx.tierTag(entry), defaultAssociation: false, defaultPropagation: false, defaultRouteTable: `${entry.key}#noDefaultRouteTable` }));
    const doc = policyOf(entry, ctx);
    if (!doc) return;
    const policy = readPolicy(entry, ctx, doc);
    let byCore = POLICIES.get(ctx.model);
    if (!byCore) POLICIES.set(ctx.model, (byCore = new Map()));
    byCore.set(entry.key, policy);
    for (const s of policy.segments.values()) {
      const key = segmentKey(entry.key, s.name);
      ctx.model.tgwRouteTables.set(key, { key, ref: { ...ctx.ref(entry), logicalId: `${entry.logicalId}#segment:${s.name}`, type: 'AWS::NetworkManager::CoreNetwork (segment)' }, presence: entry.presence, tgw: entry.key, isDefault: false, associations: [], propagations: [], routes: [] });
    }
  },
};

function tagsOf(entry: ResourceEntry, ctx: ExtractContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of ctx.resolver.propList(entry, 'Tags')) if (isPlainObject(t) && typeof t.Key === 'string' && typeof t.Value === 'string') out.set(t.Key, t.Value);
  return out;
}

/** One condition of an attachment policy: true / false, or (a string) the type of a condition the templates cannot decide. */
function condition(c: Record<string, Value>, tags: Map<string, string>, policyType: string): boolean | string {
  const op = typeof c.operator === 'string' ? c.operator : 'equals';
  const cmp = (actual: string | undefined, value: Value): boolean => {
    if (actual === undefined || typeof value !== 'string') return false;
    if (op === 'equals') return actual === value;
    if (op === 'not-equals') return actual !== value;
    if (op === 'contains') return actual.includes(value);
    if (op === 'begins-with') return actual.startsWith(value);
    return false;
  };
  switch (c.type) {
    case 'any':
      return true;
    case 'tag-exists':
      return typeof c.key === 'string' && tags.has(c.key);
    case 'tag-value':
      return typeof c.key === 'string' && cmp(tags.get(c.key), c.value);
    case 'attachment-type':
      return cmp(policyType, c.value);
    default:
      return String(c.type); // a condition on the account, Region or resource id: decided by the deployment
  }
}

/** The segment an attachment policy puts the attachment in, undefined when no rule matches, or a reason it cannot be told. */
function segmentFor(policy: CorePolicy, tags: Map<string, string>, policyType: string): string | undefined | { why: string } {
  for (const r of policy.rules) {
    const results = r.conditions.map((c) => condition(c, tags, policyType));
    const why = results.find((x): x is string => typeof x === 'string');
    if (why) return { why };
    const match = r.logic === 'or' ? results.some((x) => x === true) : results.every((x) => x === true);
    if (!match) continue;
    if (r.action['association-method'] === 'tag') {
      const key = r.action['tag-value-of-key'];
      return typeof key === 'string' ? tags.get(key) : undefined;
    }
    return typeof r.action.segment === 'string' ? r.action.segment : undefined;
  }
  return undefined;
}

export const cloudWanAttachmentExtractor: Extractor = {
  types: Object.keys(ATTACHMENT_TYPES),
  phase: 3,
  extract(entry, ctx) {
    const { kind, policyType } = ATTACHMENT_TYPES[entry.resource.Type];
    const core = ctx.refKey(entry, 'CoreNetworkId', [CORE_NETWORK_TYPE]);
    if (!core) {
      if (!('CoreNetworkId' in (entry.resource.Properties ?? {}))) ctx.unresolved(entry, 'CoreNetworkId', reason('cloud-wan-no-core-network'));
      return;
    }
    let tierTag = ctx.tierTag(entry);
    const fact: TgwAttachmentFact = ctx.fact(entry, { tgw: core, kind, subnets: [] });
    if (kind === 'vpc') {
      fact.vpc = ctx.refKeys(entry, 'VpcArn', arnsToRefs(ctx.resolver.prop(entry, 'VpcArn')), ['AWS::EC2::VPC'])[0];
      fact.subnets = ctx.refKeys(entry, 'SubnetArns', arnsToRefs(ctx.resolver.prop(entry, 'SubnetArns')), ['AWS::EC2::Subnet']);
    } else if (kind === 'vpn') {
      const vpn = ctx.refKey(entry, 'VpnConnectionArn', ['AWS::EC2::VPNConnection']);
      if (vpn) {
        fact.link = vpn;
        tierTag ??= ctx.model.links.get(vpn)?.tierTag;
        // A VPN for Cloud WAN lands on neither a VGW nor a TGW: the attachment is where it lands.
        ctx.model.unresolved = ctx.model.unresolved.filter((u) => !(u.property === 'VpnGatewayId' && `${u.ref.stack}::${u.ref.logicalId}` === vpn));
      }
    } else if (kind === 'dx') {
      for (const v of ctx.resolver.prop(entry, 'DirectConnectGatewayArn')) if (v instanceof ResRef) tierTag ??= ctx.model.links.get(v.key)?.tierTag;
    } else if (kind === 'connect') {
      // A Connect attachment rides a transport attachment: the SD-WAN appliance sits in its VPC or behind its
      // link. Its tier is settled in phase 4 (cloudWanConnectTierExtractor), once every transport exists.
      const transport = ctx.refKey(entry, 'TransportAttachmentId', ['AWS::NetworkManager::VpcAttachment', 'AWS::NetworkManager::DirectConnectGatewayAttachment']);
      connectTransports(ctx).set(entry.key, transport);
    }
    if (kind !== 'vpc' && kind !== 'connect' && !isTier(tierTag)) ctx.unresolved(entry, 'Tags.mic:tier', reason('cloud-wan-needs-tag'));
    if (tierTag !== undefined) fact.tierTag = tierTag;
    ctx.model.tgwAttachments.set(entry.key, fact);
    joinSegments(entry, ctx, core, fact, policyType);
  },
};

/** Each Cloud WAN Connect attachment's transport attachment (key), per model, between phases 3 and 4. */
const CONNECT_TRANSPORTS = new WeakMap<object, Map<string, string | undefined>>();
function connectTransports(ctx: ExtractContext): Map<string, string | undefined> {
  let m = CONNECT_TRANSPORTS.get(ctx.model);
  if (!m) CONNECT_TRANSPORTS.set(ctx.model, (m = new Map()));
  return m;
}

/**
 * The tier of a Cloud WAN Connect attachment: its own mic:tier tag, or else its transport's tier; a tag that
 * contradicts the transport is TIER-TAG-CONFLICT (the appliance would carry that tier through the transport's).
 *
 * Why a phase of its own: a Connect attachment and its transport are both attachments (phase 3), extracted in
 * key order, so reading the transport there made the verdict depend on the logical ids — a Connect named
 * before its transport saw no transport, and a personal-number Connect riding the LGWAN attachment in a
 * segment of its own gave no finding at all.
 */
export const cloudWanConnectTierExtractor: Extractor = {
  types: ['AWS::NetworkManager::ConnectAttachment'],
  phase: 4,
  extract(entry, ctx) {
    const fact = ctx.model.tgwAttachments.get(entry.key);
    if (!fact || !connectTransports(ctx).has(entry.key)) return; // no core network: already a finding
    const transport = connectTransports(ctx).get(entry.key);
    const tTier = transport ? transportTier(ctx, transport) : undefined;
    let tierTag = fact.tierTag;
    if (tierTag === undefined) tierTag = tTier;
    else if (isTier(tierTag) && isTier(tTier) && tierTag !== tTier) {
      ctx.model.tagConflicts.push({ ref: ctx.ref(entry), tag: tierTag, expected: tTier, reason: reason('tag-connect-transport', { tag: tierTag, transportTier: tTier }) });
    }
    if (!isTier(tierTag)) ctx.unresolved(entry, 'Tags.mic:tier', reason('cloud-wan-needs-tag'));
    if (tierTag !== undefined) fact.tierTag = tierTag;
  },
};

/**
 * A VPC or subnet has no ARN attribute, so templates build it: `!Sub arn:${AWS::Partition}:ec2:…:vpc/${Vpc}`.
 * Such a string names the resource it ends with; anything else is left for refKeys to judge.
 */
function arnsToRefs(values: Value[]): Value[] {
  const one = (v: Value): Value => {
    if (Array.isArray(v)) return v.map(one);
    if (typeof v !== 'string') return v;
    const refs = refsInString(v);
    if (refs.length !== 1) return v;
    const marker = refToString(new ResRef(refs[0]));
    return v.endsWith(marker) && /^arn:.*:ec2:.*:(?:vpc|subnet)\/$/.test(stripRefs(v)) ? marker : v;
  };
  return values.map(one);
}

function transportTier(ctx: ExtractContext, transport: string): string | undefined {
  const t = ctx.model.tgwAttachments.get(transport);
  if (t?.kind === 'vpc') return t.vpc ? ctx.model.vpcs.get(t.vpc)?.tierTag : undefined;
  return t?.tierTag;
}

function joinSegments(entry: ResourceEntry, ctx: ExtractContext, core: string, fact: TgwAttachmentFact, policyType: string): void {
  const policy = POLICIES.get(ctx.model)?.get(core);
  if (!policy) return;
  const seg = segmentFor(policy, tagsOf(entry, ctx), policyType);
  if (seg && typeof seg === 'object') {
    ctx.unresolved(entry, 'Tags', reason('segment-undecidable', { condition: seg.why }));
    return;
  }
  if (seg === undefined) return; // no rule matches: Cloud WAN leaves the attachment unassociated (it carries nothing)
  if (!policy.segments.has(seg)) {
    ctx.unresolved(entry, 'Tags', reason('segment-undeclared', { segment: seg }));
    return;
  }
  const ref = ctx.ref(entry);
  const table = ctx.model.tgwRouteTables.get(segmentKey(core, seg));
  if (!table) return;
  table.associations.push({ attachment: fact.key, ref });
  if (!policy.segments.get(seg)!.isolate) table.propagations.push({ attachment: fact.key, ref });
  for (const other of policy.shares.get(seg) ?? []) ctx.model.tgwRouteTables.get(segmentKey(core, other))?.propagations.push({ attachment: fact.key, ref });
}

/** Static routes of the policy (`create-route`), once every attachment exists. */
export const cloudWanRoutesExtractor: Extractor = {
  types: [CORE_NETWORK_TYPE],
  phase: 4,
  extract(entry, ctx) {
    const policy = POLICIES.get(ctx.model)?.get(entry.key);
    if (!policy) return;
    for (const r of policy.routes) {
      const table = ctx.model.tgwRouteTables.get(segmentKey(entry.key, r.segment));
      if (!table) continue;
      for (const text of r.cidrs) {
        const c = parseCidr(text);
        if (!c) {
          ctx.unresolved(entry, 'PolicyDocument', reason('route-destination-not-cidr', { value: text }));
          continue;
        }
        for (const d of r.destinations) {
          if (d === 'blackhole') {
            table.routes.push({ ref: ctx.ref(entry), dest: setOf([c]), destText: c.text, prefixLength: c.prefixLength, blackhole: true });
            continue;
          }
          const keys = ctx.refKeys(entry, 'PolicyDocument.segment-actions.destinations', [d], Object.keys(ATTACHMENT_TYPES));
          for (const k of keys) table.routes.push({ ref: ctx.ref(entry), dest: setOf([c]), destText: c.text, prefixLength: c.prefixLength, attachment: k, blackhole: false });
        }
      }
    }
  },
};

export const CLOUD_WAN_EXTRACTORS: readonly Extractor[] = [coreNetworkExtractor, cloudWanAttachmentExtractor, cloudWanConnectTierExtractor, cloudWanRoutesExtractor];
