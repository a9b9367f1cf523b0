import { App, CfnResource, Stack, Stage, TagManager } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';
import { MunicipalityConfig, parseConfig } from '../../lib/config';
import type { TierNetwork } from '../../lib/network/tier-network';
import { TierNetworkStack, TransitGatewayStack } from '../../lib/stacks/network-stack';
import { TIERS, Tier } from '../../lib/tiers/tier';
import { exampleInput } from '../config/helpers';

/** Only the network stacks of a municipality (what test/network judges), the way MunicipalityStage builds them. */
export interface NetworkStage {
  stage: Stage;
  networkStacks: Record<Tier, TierNetworkStack>;
  networks: Record<Tier, TierNetwork>;
  transitGatewayStack?: TransitGatewayStack;
}

export interface Synthesised {
  config: MunicipalityConfig;
  stage: NetworkStage;
  templates: Record<Tier, Template>;
  tgw?: Template;
}

/**
 * Builds the network stacks WITHOUT policy packs (the whole MunicipalityStage with packs is tested in
 * test/stages) and renders templates. The other parts' stacks are left out so these tests judge the
 * networks alone.
 */
export function synthesise(mutate: (c: any) => void = () => undefined): Synthesised {
  const input = exampleInput();
  mutate(input);
  const config = parseConfig(input, 'test');
  const app = new App();
  const bare = new Stage(app, config.name, { env: { account: config.account, region: config.region } });
  const networkStacks = Object.fromEntries(
    TIERS.map((tier) => [tier, new TierNetworkStack(bare, `Network-${tier}`, { config, tier })]),
  ) as Record<Tier, TierNetworkStack>;
  const networks = Object.fromEntries(TIERS.map((t) => [t, networkStacks[t].network])) as Record<Tier, TierNetwork>;
  const transitGatewayStack = config.transitGateway ? new TransitGatewayStack(bare, 'TransitGateway', { config, networks }) : undefined;
  const stage: NetworkStage = { stage: bare, networkStacks, networks, transitGatewayStack };
  const templates = Object.fromEntries(TIERS.map((t) => [t, Template.fromStack(stage.networkStacks[t])])) as Record<Tier, Template>;
  const tgw = stage.transitGatewayStack ? Template.fromStack(stage.transitGatewayStack) : undefined;
  return { config, stage, templates, tgw };
}

export type Resources = Record<string, { Type: string; Properties?: any }>;

export function resources(template: Template): Resources {
  return template.toJSON().Resources as Resources;
}

export function ofType(template: Template, type: string): Array<[string, any]> {
  return Object.entries(resources(template))
    .filter(([, r]) => r.Type === type)
    .map(([id, r]) => [id, r.Properties ?? {}]);
}

/** Every taggable L1 resource under `scope`, with its logical id in its stack. */
export function taggableResources(scope: IConstruct): Array<{ logicalId: string; type: string; path: string }> {
  const out: Array<{ logicalId: string; type: string; path: string }> = [];
  for (const c of scope.node.findAll()) {
    if (!CfnResource.isCfnResource(c)) continue;
    if (!TagManager.isTaggable(c) && !TagManager.isTaggableV2(c)) continue;
    out.push({ logicalId: Stack.of(c).resolve(c.logicalId), type: c.cfnResourceType, path: c.node.path });
  }
  return out;
}

/** Tags of a rendered resource as a map, whatever form (list of {Key,Value} or map) the type uses. */
export function tagsOf(resource: { Properties?: any }): Record<string, string> {
  const tags = resource.Properties?.Tags;
  if (Array.isArray(tags)) return Object.fromEntries(tags.map((t: { Key: string; Value: string }) => [t.Key, t.Value]));
  if (tags && typeof tags === 'object') return tags as Record<string, string>;
  return {};
}
