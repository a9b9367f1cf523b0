/**
 * Telework entry points: WorkSpaces directories, desktops and pools (they live in their directory's
 * subnets), the Directory Service directories behind them, the DCV streaming interface endpoint
 * (`…highlander`), and internet-facing load balancers.
 */
import { isPlainObject } from '../resolve/values';
import type { ResourceEntry } from '../resolve/resolver';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';
import type { TeleworkEntryFact } from './types';
import { reason } from '../reason';

const DS_TYPES = ['AWS::DirectoryService::MicrosoftAD', 'AWS::DirectoryService::SimpleAD'];

function directorySubnets(entry: ResourceEntry, ctx: ExtractContext, dirKey: string): string[] {
  const dir = ctx.resolver.resources.get(dirKey);
  if (!dir) return [];
  if (DS_TYPES.includes(dir.resource.Type)) {
    const settings = ctx.resolver.prop(dir, 'VpcSettings')[0];
    if (!isPlainObject(settings)) {
      ctx.unresolved(dir, 'VpcSettings', reason('directory-no-vpc-settings'));
      return [];
    }
    return ctx.refKeys(dir, 'VpcSettings.SubnetIds', [settings.SubnetIds ?? null], ['AWS::EC2::Subnet']);
  }
  if (dir.resource.Type === 'AWS::WorkSpaces::Directory') return ctx.refKeys(dir, 'SubnetIds', undefined, ['AWS::EC2::Subnet']);
  ctx.unresolved(entry, 'DirectoryId', reason('not-a-directory', { ref: dirKey, type: dir.resource.Type }));
  return [];
}

function addEntry(ctx: ExtractContext, e: TeleworkEntryFact): void {
  ctx.model.teleworkEntries.push(e);
}

export const workspacesExtractor: Extractor = {
  types: ['AWS::WorkSpaces::Workspace', 'AWS::WorkSpaces::WorkspacesPool', 'AWS::WorkSpaces::Directory'],
  phase: 3,
  extract(entry, ctx) {
    const kind = entry.resource.Type === 'AWS::WorkSpaces::Workspace' ? 'workspace' : entry.resource.Type === 'AWS::WorkSpaces::WorkspacesPool' ? 'workspaces-pool' : 'workspaces-directory';
    const props = entry.resource.Properties ?? {};
    const subnets = new Set<string>();
    if ('SubnetIds' in props) for (const s of ctx.refKeys(entry, 'SubnetIds', undefined, ['AWS::EC2::Subnet'])) subnets.add(s);
    if ('DirectoryId' in props) {
      for (const d of ctx.refKeys(entry, 'DirectoryId')) {
        for (const s of directorySubnets(entry, ctx, d)) subnets.add(s);
        const dir = ctx.resolver.resources.get(d);
        if (dir && DS_TYPES.includes(dir.resource.Type)) {
          addEntry(ctx, ctx.fact(dir, { kind: 'directory-service', subnets: directorySubnets(entry, ctx, d) }));
        }
      }
    }
    if (subnets.size === 0) ctx.unresolved(entry, 'DirectoryId', reason('desktop-subnets-unknown'));
    addEntry(ctx, ctx.fact(entry, { kind, subnets: [...subnets] }));
  },
};

export const streamingEndpointAndLbExtractor: Extractor = {
  types: ['AWS::EC2::VPCEndpoint', 'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancing::LoadBalancer'],
  phase: 6,
  extract(entry, ctx) {
    if (entry.resource.Type === 'AWS::EC2::VPCEndpoint') {
      const ep = ctx.model.endpoints.get(entry.key);
      if (ep && /\.highlander$/.test(ep.serviceName)) addEntry(ctx, ctx.fact(entry, { kind: 'streaming-endpoint', subnets: ep.subnets, vpc: ep.vpc }));
      return;
    }
    const scheme = ctx.strings(entry, 'Scheme');
    // Both ELB generations default to internet-facing.
    if (scheme.length > 0 && !scheme.includes('internet-facing')) return;
    const type = ctx.strings(entry, 'Type');
    if (type.includes('gateway')) return;
    const c = ctx.model.compute.get(entry.key);
    addEntry(ctx, ctx.fact(entry, { kind: 'internet-facing-load-balancer', subnets: c?.subnets ?? [] }));
  },
};

export const directoryServiceExtractor: Extractor = {
  types: DS_TYPES,
  phase: 3,
  extract(entry, ctx) {
    // A directory alone is not a telework entry (the personal-number tier needs its own AD); it
    // becomes one when WorkSpaces uses it (see workspacesExtractor). Its subnets still count as compute.
    const settings = ctx.resolver.prop(entry, 'VpcSettings')[0];
    const subnets = isPlainObject(settings) ? ctx.refKeys(entry, 'VpcSettings.SubnetIds', [settings.SubnetIds ?? null], ['AWS::EC2::Subnet']) : [];
    ctx.model.compute.set(entry.key, ctx.fact(entry, { subnets, securityGroups: [] }));
  },
};
