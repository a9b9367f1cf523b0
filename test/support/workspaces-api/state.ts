/**
 * The in-memory account behind the local WorkSpaces server: registered directories (with their access,
 * creation, streaming, self-service and client properties), bundles, WorkSpaces and tags.
 *
 * WorkSpace states are computed lazily from timestamps (no timers), so a closed server leaves nothing
 * running: PENDING until `provisionDelayMs` has passed, then AVAILABLE (or ERROR when the fault schedule
 * said so); TERMINATING for `terminateDelayMs`, then TERMINATED, then gone from Describe.
 */

export interface Tag {
  Key: string;
  Value?: string;
}

export interface DirectoryState {
  DirectoryId: string;
  Alias?: string;
  DirectoryName?: string;
  DirectoryType?: string;
  State: 'REGISTERED' | 'REGISTERING' | 'DEREGISTERING' | 'DEREGISTERED' | 'ERROR';
  RegistrationCode?: string;
  SubnetIds?: string[];
  Tenancy?: string;
  ipGroupIds: string[];
  WorkspaceSecurityGroupId?: string;
  WorkspaceAccessProperties: Record<string, unknown>;
  WorkspaceCreationProperties: Record<string, unknown>;
  SelfservicePermissions: Record<string, unknown>;
  StreamingProperties: Record<string, unknown>;
  ClientProperties: Record<string, unknown>;
}

export interface BundleState {
  BundleId: string;
  Name: string;
  Owner: string;
  ComputeType: { Name: string };
  Description?: string;
}

export interface WorkspaceRecord {
  WorkspaceId: string;
  DirectoryId: string;
  UserName: string;
  BundleId: string;
  WorkspaceName?: string;
  VolumeEncryptionKey?: string;
  UserVolumeEncryptionEnabled?: boolean;
  RootVolumeEncryptionEnabled?: boolean;
  WorkspaceProperties: Record<string, unknown>;
  tags: Tag[];
  /** Server clock (ms) when CreateWorkspaces accepted it. */
  createdAt: number;
  /** When TerminateWorkspaces accepted it; undefined while alive. */
  terminatedAt?: number;
  /** Provisioning ends in ERROR instead of AVAILABLE (a fault). */
  failsProvisioning: boolean;
  /** Describe calls that must still miss it (eventual consistency). */
  invisibleForDescribes: number;
  /** Set by StopWorkspaces-like modifications; not used by the roster tool. */
  stopped?: boolean;
}

export interface StateOptions {
  provisionDelayMs: number;
  terminateDelayMs: number;
  now: () => number;
}

/** Defaults a fresh directory gets: WorkSpaces' own defaults, i.e. NOT hardened — audit must notice. */
export function defaultDirectory(DirectoryId: string, overrides: Partial<DirectoryState> = {}): DirectoryState {
  return {
    DirectoryId,
    Alias: overrides.Alias,
    DirectoryName: overrides.DirectoryName ?? `${DirectoryId}.example.lg.jp`,
    DirectoryType: overrides.DirectoryType ?? 'AD_CONNECTOR',
    State: overrides.State ?? 'REGISTERED',
    RegistrationCode: overrides.RegistrationCode ?? `SLiad+${DirectoryId.slice(2).toUpperCase()}`,
    SubnetIds: overrides.SubnetIds ?? ['subnet-0a', 'subnet-0b'],
    Tenancy: overrides.Tenancy ?? 'SHARED',
    ipGroupIds: overrides.ipGroupIds ?? [],
    WorkspaceSecurityGroupId: overrides.WorkspaceSecurityGroupId ?? 'sg-0workspaces',
    WorkspaceAccessProperties: {
      DeviceTypeWindows: 'ALLOW',
      DeviceTypeOsx: 'ALLOW',
      DeviceTypeWeb: 'DENY',
      DeviceTypeIos: 'ALLOW',
      DeviceTypeAndroid: 'ALLOW',
      DeviceTypeChromeOs: 'ALLOW',
      DeviceTypeZeroClient: 'ALLOW',
      DeviceTypeLinux: 'DENY',
      DeviceTypeWorkSpacesThinClient: 'DENY',
      ...(overrides.WorkspaceAccessProperties ?? {}),
    },
    WorkspaceCreationProperties: {
      EnableInternetAccess: false,
      UserEnabledAsLocalAdministrator: true,
      EnableMaintenanceMode: true,
      ...(overrides.WorkspaceCreationProperties ?? {}),
    },
    SelfservicePermissions: {
      RestartWorkspace: 'ENABLED',
      IncreaseVolumeSize: 'DISABLED',
      ChangeComputeType: 'DISABLED',
      SwitchRunningMode: 'DISABLED',
      RebuildWorkspace: 'DISABLED',
      ...(overrides.SelfservicePermissions ?? {}),
    },
    StreamingProperties: { ...(overrides.StreamingProperties ?? {}) },
    ClientProperties: { ReconnectEnabled: 'ENABLED', LogUploadEnabled: 'ENABLED', ...(overrides.ClientProperties ?? {}) },
  };
}

export const DEFAULT_BUNDLES: BundleState[] = [
  { BundleId: 'wsb-value0001', Name: 'Value with Windows 10', Owner: 'AMAZON', ComputeType: { Name: 'VALUE' } },
  { BundleId: 'wsb-stand0001', Name: 'Standard with Windows 10', Owner: 'AMAZON', ComputeType: { Name: 'STANDARD' } },
  { BundleId: 'wsb-perf00001', Name: 'Performance with Windows 10', Owner: 'AMAZON', ComputeType: { Name: 'PERFORMANCE' } },
  { BundleId: 'wsb-power0001', Name: 'Power with Windows 10', Owner: 'AMAZON', ComputeType: { Name: 'POWER' } },
];

export class WorkSpacesState {
  readonly directories = new Map<string, DirectoryState>();
  readonly bundles = new Map<string, BundleState>();
  /** Every WorkSpace ever created, terminated ones included, in creation order. */
  readonly workspaces: WorkspaceRecord[] = [];
  /** Tags of non-WorkSpace resources (directories), by resource id. */
  readonly resourceTags = new Map<string, Tag[]>();
  /** Calls received per operation (including throttled and faulted ones). */
  readonly calls = new Map<string, number>();
  /** Requests refused by a token bucket (ThrottlingException), per operation. */
  readonly throttled = new Map<string, number>();
  private nextId = 1;

  constructor(readonly options: StateOptions) {}

  newWorkspaceId(): string {
    return `ws-${(this.nextId++).toString(36).padStart(9, '0')}`;
  }

  /** The state a Describe would report now. */
  stateOf(ws: WorkspaceRecord): string {
    const now = this.options.now();
    if (ws.terminatedAt !== undefined) {
      return now - ws.terminatedAt < this.options.terminateDelayMs ? 'TERMINATING' : 'TERMINATED';
    }
    if (now - ws.createdAt < this.options.provisionDelayMs) {
      return 'PENDING';
    }
    if (ws.failsProvisioning) {
      return 'ERROR';
    }
    return ws.stopped ? 'STOPPED' : 'AVAILABLE';
  }

  /** WorkSpaces that exist (not terminated or terminating) — what the test invariants count. */
  liveWorkspaces(): WorkspaceRecord[] {
    return this.workspaces.filter((w) => w.terminatedAt === undefined);
  }

  /** Live WorkSpaces per "directory/user" key (lower-cased user, as AD names are case-insensitive). */
  liveByUser(): Map<string, WorkspaceRecord[]> {
    const map = new Map<string, WorkspaceRecord[]>();
    for (const ws of this.liveWorkspaces()) {
      const key = `${ws.DirectoryId}/${ws.UserName.toLowerCase()}`;
      map.set(key, [...(map.get(key) ?? []), ws]);
    }
    return map;
  }

  findWorkspace(id: string): WorkspaceRecord | undefined {
    return this.workspaces.find((w) => w.WorkspaceId === id && this.stateOf(w) !== 'TERMINATED');
  }

  /** Adds a WorkSpace directly (test setup: "this user already has one"). */
  seedWorkspace(ws: Partial<WorkspaceRecord> & { DirectoryId: string; UserName: string }): WorkspaceRecord {
    const record: WorkspaceRecord = {
      WorkspaceId: ws.WorkspaceId ?? this.newWorkspaceId(),
      DirectoryId: ws.DirectoryId,
      UserName: ws.UserName,
      BundleId: ws.BundleId ?? DEFAULT_BUNDLES[1].BundleId,
      WorkspaceName: ws.WorkspaceName,
      VolumeEncryptionKey: ws.VolumeEncryptionKey,
      UserVolumeEncryptionEnabled: ws.UserVolumeEncryptionEnabled,
      RootVolumeEncryptionEnabled: ws.RootVolumeEncryptionEnabled,
      WorkspaceProperties: ws.WorkspaceProperties ?? { RunningMode: 'AUTO_STOP', RunningModeAutoStopTimeoutInMinutes: 60 },
      tags: ws.tags ?? [],
      createdAt: ws.createdAt ?? this.options.now() - this.options.provisionDelayMs - 1,
      terminatedAt: ws.terminatedAt,
      failsProvisioning: ws.failsProvisioning ?? false,
      invisibleForDescribes: ws.invisibleForDescribes ?? 0,
    };
    this.workspaces.push(record);
    return record;
  }
}
