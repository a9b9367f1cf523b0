/**
 * Custom resources: code that runs at deploy time, with a role of its own, and changes whatever that role
 * allows. What it changes in the network is not in the template, so a custom resource the engine does not
 * know is UNMODELLED-RESOURCE (fail closed, as a Transform is): a reviewer reads its handler and role and,
 * if it cannot create routes, gateways, peering, attachments or security-group rules, acknowledges the
 * finding on it with that reason (the reviewer's report lists the reason).
 *
 * Known types, identified by type name (the way CDK's own custom resources are told apart):
 * - `Custom::VpcRestrictDefaultSG` (CDK's restrictDefaultSecurityGroup) only revokes the default group's
 *   rules; its effect is modelled (index.ts).
 * - This package's two handlers, whose roles are scoped in lib/desktops: they create the desktops' or the
 *   connector's network interfaces and a security group inside the one tier VPC they are given, and add no
 *   route, gateway or attachment. They are listed in the coverage notes.
 */
import type { ResourceEntry } from '../resolve/resolver';
import type { ExtractContext } from './context';
import { reason } from '../reason';

export const MODELLED_CUSTOM_RESOURCE = 'Custom::VpcRestrictDefaultSG';

/** This package's custom resource types (lib/desktops uses these names, so the two cannot drift). */
export const WORKSPACES_DIRECTORY_HARDENING_TYPE = 'Custom::WorkSpacesDirectoryHardening';
export const AD_CONNECTOR_TYPE = 'Custom::AdConnector';

/** This package's custom resource types and what each does to the network. */
export const PACKAGE_CUSTOM_RESOURCES: Readonly<Record<string, 'workspaces-directory' | 'ad-connector'>> = {
  [WORKSPACES_DIRECTORY_HARDENING_TYPE]: 'workspaces-directory',
  [AD_CONNECTOR_TYPE]: 'ad-connector',
};

export function isCustomResource(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}

/** Each unknown custom resource becomes an unmodelled fact; the package's own are noted in coverage. */
export function extractCustomResources(entries: readonly ResourceEntry[], ctx: ExtractContext): void {
  const packageTypes = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const type = e.resource.Type;
    if (!isCustomResource(type) || type === MODELLED_CUSTOM_RESOURCE) continue;
    if (type in PACKAGE_CUSTOM_RESOURCES) {
      packageTypes.add(type);
      continue;
    }
    ctx.unmodelled(e, reason('custom-resource', { type }));
  }
  for (const type of [...packageTypes].sort()) {
    ctx.model.coverage.push({ key: 'package-custom-resource', type, does: PACKAGE_CUSTOM_RESOURCES[type] });
  }
}
