/**
 * Compute and interfaces, to find anything with a presence in more than one subnet (multi-homing
 * bridges tiers): instances, network interfaces and their attachments, Lambda VPC configuration,
 * load balancers, and any other resource that names subnets (ASGs, ECS services, RDS subnet groups…).
 */
import { isPlainObject, type Value } from '../resolve/values';
import type { ResourceEntry } from '../resolve/resolver';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { reason } from '../reason';

function subnetsAt(entry: ResourceEntry, ctx: ExtractContext, path: string, v: Value): string[] {
  return ctx.refKeys(entry, path, [v], ['AWS::EC2::Subnet']);
}

/**
 * Interfaces are read before instances (phase 2 < 3): an instance that names an interface must see its
 * subnet whatever the declaration order in the template.
 */
export const networkInterfaceExtractor: Extractor = {
  types: ['AWS::EC2::NetworkInterface'],
  phase: 2,
  extract(entry, ctx) {
    instanceOrInterface(entry, ctx);
  },
};

export const instanceExtractor: Extractor = {
  types: ['AWS::EC2::Instance'],
  phase: 3,
  extract(entry, ctx) {
    instanceOrInterface(entry, ctx);
  },
};

function instanceOrInterface(entry: ResourceEntry, ctx: ExtractContext): void {
  const props = entry.resource.Properties ?? {};
  const subnets = new Set<string>();
  const sgs = new Set<string>();
  if ('SubnetId' in props) ctx.refKeys(entry, 'SubnetId', undefined, ['AWS::EC2::Subnet']).forEach((s) => subnets.add(s));
  for (const p of ['SecurityGroupIds', 'GroupSet']) if (p in props) ctx.refKeys(entry, p).forEach((g) => sgs.add(g));
  for (const ni of ctx.resolver.propList(entry, 'NetworkInterfaces')) {
    if (!isPlainObject(ni)) continue;
    if (ni.SubnetId !== undefined) subnetsAt(entry, ctx, 'NetworkInterfaces.SubnetId', ni.SubnetId).forEach((s) => subnets.add(s));
    if (ni.NetworkInterfaceId !== undefined) {
      for (const eni of ctx.refKeys(entry, 'NetworkInterfaces.NetworkInterfaceId', [ni.NetworkInterfaceId])) {
        ctx.model.compute.get(eni)?.subnets.forEach((s) => subnets.add(s));
      }
    }
    if (ni.GroupSet !== undefined) ctx.refKeys(entry, 'NetworkInterfaces.GroupSet', [ni.GroupSet]).forEach((g) => sgs.add(g));
  }
  if (entry.resource.Type === 'AWS::EC2::Instance' && subnets.size === 0) {
    ctx.unresolved(entry, 'SubnetId', reason('instance-default-vpc'));
  }
  ctx.model.compute.set(entry.key, ctx.fact(entry, { subnets: [...subnets], securityGroups: [...sgs] }));
}

export const interfaceAttachmentExtractor: Extractor = {
  types: ['AWS::EC2::NetworkInterfaceAttachment'],
  phase: 4,
  extract(entry, ctx) {
    const inst = ctx.refKey(entry, 'InstanceId', ['AWS::EC2::Instance']);
    const eni = ctx.refKey(entry, 'NetworkInterfaceId', ['AWS::EC2::NetworkInterface']);
    const c = inst ? ctx.model.compute.get(inst) : undefined;
    const e = eni ? ctx.model.compute.get(eni) : undefined;
    if (c && e) for (const s of e.subnets) if (!c.subnets.includes(s)) c.subnets.push(s);
  },
};

/** Property names that place a resource in subnets, wherever they appear in its properties. */
const SUBNET_KEYS = new Set(['SubnetIds', 'Subnets', 'SubnetId', 'VPCZoneIdentifier', 'SubnetMappings', 'SubnetIdList']);
/** Subnets written as one comma-separated string (e.g. Secrets Manager's hosted rotation function). */
const SUBNET_STRING_KEYS = new Set(['VpcSubnetIds']);

function walk(entry: ResourceEntry, ctx: ExtractContext, raw: unknown, path: string, out: Set<string>, depth = 0): void {
  if (depth > 6 || raw === null || typeof raw !== 'object') return;
  if (Array.isArray(raw)) return raw.forEach((x, i) => walk(entry, ctx, x, `${path}[${i}]`, out, depth + 1));
  const obj = raw as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return;
  for (const [k, v] of Object.entries(obj)) {
    const p = path ? `${path}.${k}` : k;
    if (SUBNET_KEYS.has(k)) {
      if (k === 'SubnetMappings') {
        for (const m of ctx.resolver.listElements(entry.stack, v)) if (isPlainObject(m) && m.SubnetId !== undefined) subnetsAt(entry, ctx, p, m.SubnetId).forEach((s) => out.add(s));
      } else for (const val of ctx.resolver.resolve(entry.stack, v)) subnetsAt(entry, ctx, p, val).forEach((s) => out.add(s));
    } else if (SUBNET_STRING_KEYS.has(k)) {
      for (const val of ctx.resolver.resolve(entry.stack, v)) {
        const parts = (typeof val === 'string' ? val.split(',').map((x) => x.trim()) : [val]) as Value[];
        subnetsAt(entry, ctx, p, parts).forEach((s) => out.add(s));
      }
    } else walk(entry, ctx, v, p, out, depth + 1);
  }
}

/** Runs for every resource type not handled elsewhere (see the registry in index.ts). */
export function extractGenericCompute(entry: ResourceEntry, ctx: ExtractContext): void {
  const out = new Set<string>();
  walk(entry, ctx, entry.resource.Properties ?? {}, '', out);
  if (out.size === 0) return;
  const props = entry.resource.Properties ?? {};
  const sgs = new Set<string>();
  const vc = props.VpcConfig as Record<string, unknown> | undefined;
  for (const expr of [props.SecurityGroups, props.SecurityGroupIds, vc?.SecurityGroupIds]) {
    if (expr === undefined) continue;
    for (const v of ctx.resolver.resolve(entry.stack, expr)) ctx.refKeys(entry, 'SecurityGroups', [v]).forEach((g) => sgs.add(g));
  }
  ctx.model.compute.set(entry.key, ctx.fact(entry, { subnets: [...out], securityGroups: [...sgs] }));
}
