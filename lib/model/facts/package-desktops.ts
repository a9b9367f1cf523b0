/**
 * This package's own WorkSpaces registration (`Custom::WorkSpacesDirectoryHardening`, lib/desktops): the
 * handler registers the tier's directory with WorkSpaces in the subnets its `Settings` name (the JSON
 * document lib/desktops writes: `{"DirectoryId", "SubnetIds": [...], ...}`). Registering is what makes
 * WorkSpaces create the desktops there, and the security group `<directory>_workspacesMembers` with them —
 * in no template. Read as a WorkSpaces directory in those subnets, the desktops are a telework entry like
 * `AWS::WorkSpaces::Directory`, and the WorkSpaces-created group is modelled as AWS documents it
 * (after-finalise.ts), so same-tier paths from the desktop subnets are never "blocked by security groups"
 * on the strength of groups that do not include it.
 * A resource with no readable Settings registers nothing (the handler refuses it at deploy time).
 */
import { isPlainObject, parseJsonWithRefs } from '../resolve/values';
import { WORKSPACES_DIRECTORY_HARDENING_TYPE } from './custom-resources';
import type { Extractor } from './extractor';
import { reason } from '../reason';

export const packageDesktopsExtractor: Extractor = {
  types: [WORKSPACES_DIRECTORY_HARDENING_TYPE],
  phase: 3,
  extract(entry, ctx) {
    if (!('Settings' in (entry.resource.Properties ?? {}))) return;
    const subnets = new Set<string>();
    for (const v of ctx.resolver.prop(entry, 'Settings')) {
      let settings: unknown = v;
      if (typeof v === 'string') {
        try {
          settings = parseJsonWithRefs(v);
        } catch {
          ctx.unresolved(entry, 'Settings', reason('desktop-settings-not-json'));
          continue;
        }
      }
      if (!isPlainObject(settings) || settings.SubnetIds === undefined) {
        ctx.unresolved(entry, 'Settings.SubnetIds', reason('desktop-settings-no-subnets'));
        continue;
      }
      for (const s of ctx.refKeys(entry, 'Settings.SubnetIds', [settings.SubnetIds as never], ['AWS::EC2::Subnet'])) subnets.add(s);
    }
    if (subnets.size > 0) ctx.model.teleworkEntries.push(ctx.fact(entry, { kind: 'workspaces-directory', subnets: [...subnets] }));
  },
};
