/**
 * Managed streaming services that put a telework entry into a tier, like WorkSpaces: users on their own
 * devices see pixels streamed from instances running in the tier's subnets.
 * - Amazon AppStream 2.0 fleets, image builders and app block builders (`VpcConfig.SubnetIds`): a telework
 *   entry in those subnets. `EnableDefaultInternetAccess: true` gives the streaming instances a second
 *   interface on the internet, outside the tier's routes: in the LGWAN or personal-number tier that is
 *   REMOTE-ENTRY-INTO-TIER. Stacks and stack–fleet associations are the user-facing configuration of a fleet
 *   (its streaming endpoints are interface endpoints, modelled as such): no fact of their own.
 * - Amazon WorkSpaces Secure Browser (`AWS::WorkSpacesWeb::Portal` with `NetworkSettingsArn`): the browser
 *   sessions run in the subnets its network settings name, a telework entry there. Network settings with no
 *   portal are a presence in their subnets only (generic walker). The other WorkSpacesWeb types are the
 *   portal's settings (browser, users, identity provider, IP access, logging): configuration, no network.
 * As telework entries they are judged like WorkSpaces: forbidden in the personal-number tier
 * (TELEWORK-ENTRY-PERSONAL-NUMBER), a warning in the internet tier of an α-model city (TELEWORK-ENTRY-MODEL),
 * and their subnets are desktop subnets for TELEWORK-BEYOND-DESKTOP and the matrix's screen-transfer cells.
 */
import { isPlainObject } from '../resolve/values';
import type { Extractor } from './extractor';
import { reason } from '../reason';

const APPSTREAM_INSTANCES = ['AWS::AppStream::Fleet', 'AWS::AppStream::ImageBuilder', 'AWS::AppStream::AppBlockBuilder'];

export const appStreamExtractor: Extractor = {
  types: APPSTREAM_INSTANCES,
  phase: 3,
  extract(entry, ctx) {
    const subnets = new Set<string>();
    for (const vc of ctx.resolver.prop(entry, 'VpcConfig')) {
      if (isPlainObject(vc) && vc.SubnetIds !== undefined) for (const s of ctx.refKeys(entry, 'VpcConfig.SubnetIds', [vc.SubnetIds], ['AWS::EC2::Subnet'])) subnets.add(s);
    }
    if (subnets.size === 0) {
      // Without a VPC configuration the instances run on AppStream's own network, outside every tier.
      if ('VpcConfig' in (entry.resource.Properties ?? {})) ctx.unresolved(entry, 'VpcConfig.SubnetIds', reason('streaming-subnets-unknown'));
      return;
    }
    ctx.model.teleworkEntries.push(ctx.fact(entry, { kind: 'appstream', subnets: [...subnets] }));
    if (ctx.bool(entry, 'EnableDefaultInternetAccess', false).includes(true)) {
      ctx.model.services.remoteEntries.push({ ref: ctx.ref(entry), kind: 'appstream-internet-access', subnets: [...subnets] });
    }
  },
};

export const appStreamConfigExtractor: Extractor = {
  types: ['AWS::AppStream::Stack', 'AWS::AppStream::StackFleetAssociation'],
  phase: 3,
  extract() {
    // User-facing configuration of a fleet; its streaming endpoints are interface endpoints (modelled as such).
  },
};

export const secureBrowserExtractor: Extractor = {
  types: ['AWS::WorkSpacesWeb::Portal'],
  phase: 4,
  extract(entry, ctx) {
    if (!('NetworkSettingsArn' in (entry.resource.Properties ?? {}))) return; // sessions run on AWS's network, outside every tier
    const subnets = new Set<string>();
    for (const ns of ctx.refKeys(entry, 'NetworkSettingsArn', undefined, ['AWS::WorkSpacesWeb::NetworkSettings'])) {
      const e = ctx.resolver.resources.get(ns);
      if (e) for (const s of ctx.refKeys(e, 'SubnetIds', undefined, ['AWS::EC2::Subnet'])) subnets.add(s);
    }
    if (subnets.size === 0) {
      ctx.unresolved(entry, 'NetworkSettingsArn', reason('secure-browser-settings-outside'));
      return;
    }
    ctx.model.teleworkEntries.push(ctx.fact(entry, { kind: 'secure-browser', subnets: [...subnets] }));
  },
};

export const STREAMING_SERVICE_EXTRACTORS: readonly Extractor[] = [appStreamExtractor, appStreamConfigExtractor, secureBrowserExtractor];
