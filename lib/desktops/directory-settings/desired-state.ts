/**
 * Derives the directory-settings custom resource's desired state FROM the hardening baseline, so what is
 * deployed is exactly what `closed-telework audit` later checks. Pure TypeScript (no aws-cdk-lib): tokens
 * (subnet ids, endpoint ids) pass through as opaque strings.
 */
import { hardeningBaseline, type HardeningOptions, type HardeningSetting } from '../hardening-baseline';
import type { DirectorySettings } from './handler';

export interface DirectoryIdentity {
  DirectoryId: string;
  SubnetIds: string[];
  DeregisterOnDelete: boolean;
  Tenancy?: 'SHARED' | 'DEDICATED';
  Tags?: Array<{ Key: string; Value: string }>;
  /** The highlander interface endpoint id when streaming is private (Personal WorkSpaces). */
  StreamingVpcEndpointId?: string;
  /** IP access control groups when streaming crosses the internet. */
  IpGroupIds?: string[];
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}

/**
 * Builds the desired directory state. Every 'equals' expectation of a directory or client-properties
 * setting becomes a value to set; clipboard/printing expectations become UserSettings; the private streaming
 * endpoint becomes AccessEndpointConfig. Throws if the baseline needs something the identity does not give
 * (e.g. closed streaming without an endpoint id) — never silently leaves a setting out.
 */
export function directorySettingsFromBaseline(options: HardeningOptions, identity: DirectoryIdentity): DirectorySettings {
  const baseline = hardeningBaseline(options);
  const directory: Record<string, unknown> = {};
  const client: Record<string, unknown> = {};
  const userSettings: Array<{ Action: string; Permission: string }> = [];
  let needsEndpoint = false;
  let needsIpGroups = false;

  const apply = (s: HardeningSetting) => {
    const e = s.expected;
    switch (e.kind) {
      case 'equals':
        setPath(s.resource === 'client-properties' ? client : directory, s.path, e.value);
        return;
      case 'userSetting':
        userSettings.push({ Action: e.action, Permission: e.permission });
        return;
      case 'accessEndpoint':
        needsEndpoint = true;
        return;
      case 'absent':
        // Not setting InternetFallbackProtocols is how it stays absent.
        return;
      case 'nonEmptyList':
        needsIpGroups = true;
        return;
      default:
        throw new Error(`hardening setting ${s.id} (${e.kind}) has no directory mapping; extend directorySettingsFromBaseline`);
    }
  };
  for (const s of baseline) {
    if (s.resource === 'directory' || s.resource === 'client-properties') apply(s);
  }

  const access = (directory.WorkspaceAccessProperties ?? {}) as Record<string, unknown>;
  if (needsEndpoint) {
    if (!identity.StreamingVpcEndpointId) {
      throw new Error('closed streaming is on but no highlander VPC endpoint id was given (StreamingVpcEndpointId)');
    }
    access.AccessEndpointConfig = { AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: identity.StreamingVpcEndpointId }] };
  }
  if (needsIpGroups && (identity.IpGroupIds ?? []).length === 0) {
    throw new Error('streaming crosses the internet but no IP access control group was given (IpGroupIds)');
  }

  return {
    DirectoryId: identity.DirectoryId,
    SubnetIds: identity.SubnetIds,
    Tenancy: identity.Tenancy,
    Tags: identity.Tags,
    DeregisterOnDelete: identity.DeregisterOnDelete,
    WorkspaceAccessProperties: access,
    WorkspaceCreationProperties: (directory.WorkspaceCreationProperties ?? {}) as Record<string, unknown>,
    SelfservicePermissions: (directory.SelfservicePermissions ?? {}) as Record<string, string>,
    StreamingProperties: { UserSettings: userSettings },
    ClientProperties: client as DirectorySettings['ClientProperties'],
    IpGroupIds: needsIpGroups ? [...(identity.IpGroupIds ?? [])] : [],
  };
}
