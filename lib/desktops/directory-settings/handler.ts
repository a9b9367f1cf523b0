/**
 * Custom resource: register an existing directory with WorkSpaces and converge the hardening settings that
 * AWS::WorkSpaces::Directory cannot express for it (that resource type has no input for an existing `d-…`
 * directory, and client properties — credential caching — have no CloudFormation property at all).
 *
 * This file is the Lambda handler AND a plain module the tests import. It imports nothing but
 * @aws-sdk/client-workspaces (present in the Lambda Node.js runtime) and the shared CloudFormation protocol
 * module ../custom-resource/cloudformation-response.ts, so the construct ships it by transpiling those files
 * with TypeScript's transpileModule at synth time (../custom-resource/handler-asset.ts) — no bundler.
 *
 * Contract: one Lambda answers CloudFormation itself (no Provider framework: that would add three more
 * functions and a state machine to the closed account for a call that takes seconds). `handle` runs
 * onEvent, then isComplete until done or the time budget is spent, and `respond` PUTs the result to the
 * pre-signed ResponseURL. The two steps:
 *  - onEvent Create/Update: registers the directory when it is not registered yet (RegisterWorkspaceDirectory
 *    is asynchronous) and returns PhysicalResourceId = the directory id. A changed DirectoryId yields a new
 *    physical id, so CloudFormation deletes the old one after the update — the documented replacement flow.
 *  - isComplete Create/Update: waits while the directory is REGISTERING, then converges the settings:
 *    describe → compare → modify ONLY the differing fields. A second run modifies nothing (idempotent).
 *    A directory in ERROR or DEREGISTERED fails the deployment with the reason (fail closed).
 *  - Delete: deregisters only when the resource registered the directory itself (`DeregisterOnDelete`) and
 *    no WorkSpaces remain; otherwise leaves it. It NEVER fails a stack delete: a refusal is logged and the
 *    resource reports success, because a stuck stack delete helps nobody (the runbook covers cleanup).
 */
import { MAX_REASON_LENGTH, respond, type CloudFormationRequest, type CloudFormationResponse } from '../custom-resource/cloudformation-response';
import {
  DeregisterWorkspaceDirectoryCommand,
  DescribeClientPropertiesCommand,
  DescribeWorkspaceDirectoriesCommand,
  ModifyClientPropertiesCommand,
  ModifySelfservicePermissionsCommand,
  ModifyStreamingPropertiesCommand,
  ModifyWorkspaceAccessPropertiesCommand,
  ModifyWorkspaceCreationPropertiesCommand,
  RegisterWorkspaceDirectoryCommand,
  AssociateIpGroupsCommand,
  DisassociateIpGroupsCommand,
  WorkSpacesClient,
  type WorkspaceDirectory,
} from '@aws-sdk/client-workspaces';

/** The desired state, passed by the construct as one JSON string property (`Settings`). */
export interface DirectorySettings {
  DirectoryId: string;
  SubnetIds: string[];
  Tenancy?: 'SHARED' | 'DEDICATED';
  Tags?: Array<{ Key: string; Value: string }>;
  /** Register when not registered; deregister on delete only when this resource did the registering. */
  DeregisterOnDelete: boolean;
  WorkspaceAccessProperties: Record<string, unknown>;
  WorkspaceCreationProperties: Record<string, unknown>;
  SelfservicePermissions: Record<string, string>;
  /** UserSettings (clipboard, printing) are replaced as a whole, so the list here is the complete list. */
  StreamingProperties: { UserSettings: Array<{ Action: string; Permission: string }> };
  ClientProperties: { ReconnectEnabled: string; LogUploadEnabled: string };
  /** The IP access control groups the directory must have, exactly. */
  IpGroupIds: string[];
}

export interface CustomResourceEvent {
  RequestType: 'Create' | 'Update' | 'Delete';
  PhysicalResourceId?: string;
  ResourceProperties: { Settings: string; [key: string]: unknown };
  OldResourceProperties?: { Settings?: string; [key: string]: unknown };
}

export interface Logger {
  (message: string): void;
}

/** A change the converge step made (for the log and the tests' "a second run modifies nothing"). */
export interface Change {
  operation: string;
  fields: string[];
}

export class DirectorySettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectorySettingsError';
  }
}

/** Parses and checks the Settings property: a malformed desired state is a deployment error, not a no-op. */
export function parseSettings(raw: unknown): DirectorySettings {
  if (typeof raw !== 'string') throw new DirectorySettingsError('ResourceProperties.Settings must be a JSON string');
  let s: DirectorySettings;
  try {
    s = JSON.parse(raw) as DirectorySettings;
  } catch (err) {
    throw new DirectorySettingsError(`ResourceProperties.Settings is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof s.DirectoryId !== 'string' || !/^d-[0-9a-f]{8,63}$/.test(s.DirectoryId)) {
    throw new DirectorySettingsError(`Settings.DirectoryId must be a directory id like d-1234567890, got ${JSON.stringify(s.DirectoryId)}`);
  }
  if (!Array.isArray(s.SubnetIds) || s.SubnetIds.length < 2) {
    throw new DirectorySettingsError('Settings.SubnetIds must list at least two subnets in different Availability Zones');
  }
  for (const key of ['WorkspaceAccessProperties', 'WorkspaceCreationProperties', 'SelfservicePermissions', 'StreamingProperties', 'ClientProperties'] as const) {
    if (s[key] === null || typeof s[key] !== 'object') throw new DirectorySettingsError(`Settings.${key} is missing`);
  }
  if (!Array.isArray(s.IpGroupIds)) throw new DirectorySettingsError('Settings.IpGroupIds must be a list (empty when streaming is private)');
  return s;
}

async function call<T>(what: string, directoryId: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const e = err as { name?: string; message?: string };
    throw new DirectorySettingsError(`${what} failed for WorkSpaces directory ${directoryId}: ${e.name ?? 'Error'}: ${e.message ?? String(err)}`);
  }
}

export async function describeDirectory(client: WorkSpacesClient, directoryId: string): Promise<WorkspaceDirectory | undefined> {
  const out = await call('DescribeWorkspaceDirectories', directoryId, () =>
    client.send(new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [directoryId] })),
  );
  return (out.Directories ?? []).find((d) => d.DirectoryId === directoryId);
}

/** Fields of `desired` whose value differs from `actual` (deep equality on JSON values). */
export function differingFields(desired: Record<string, unknown>, actual: Record<string, unknown> | undefined): string[] {
  return Object.keys(desired).filter((k) => !jsonEqual(desired[k], actual?.[k]));
}

/** A member the API may return as null or [] when it is simply not set (e.g. InternetFallbackProtocols). */
function isUnset(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const ka = Object.keys(ra).filter((k) => !isUnset(ra[k]));
    const kb = Object.keys(rb).filter((k) => !isUnset(rb[k]));
    return ka.length === kb.length && ka.every((k) => jsonEqual(ra[k], rb[k]));
  }
  return false;
}

function pick(source: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, source[f]]));
}

/** UserSettings compare as a set keyed by Action: order from the API is not meaningful. */
function userSettingsMatch(desired: Array<{ Action: string; Permission: string }>, actual: unknown): boolean {
  const list = Array.isArray(actual) ? (actual as Array<{ Action?: string; Permission?: string }>) : [];
  if (list.length !== desired.length) return false;
  return desired.every((d) => list.some((a) => a.Action === d.Action && a.Permission === d.Permission));
}

/**
 * Converges a REGISTERED directory to `desired`. Returns the changes made (empty when already hardened).
 * Order: access and creation first (they gate new sessions and new desktops), client properties last.
 */
export async function convergeDirectory(client: WorkSpacesClient, desired: DirectorySettings, dir: WorkspaceDirectory, log: Logger): Promise<Change[]> {
  const id = desired.DirectoryId;
  const changes: Change[] = [];

  const access = differingFields(desired.WorkspaceAccessProperties, dir.WorkspaceAccessProperties as Record<string, unknown> | undefined);
  if (access.length > 0) {
    await call('ModifyWorkspaceAccessProperties', id, () =>
      client.send(new ModifyWorkspaceAccessPropertiesCommand({ ResourceId: id, WorkspaceAccessProperties: pick(desired.WorkspaceAccessProperties, access) })),
    );
    changes.push({ operation: 'ModifyWorkspaceAccessProperties', fields: access });
  }

  const creation = differingFields(desired.WorkspaceCreationProperties, dir.WorkspaceCreationProperties as Record<string, unknown> | undefined);
  if (creation.length > 0) {
    await call('ModifyWorkspaceCreationProperties', id, () =>
      client.send(new ModifyWorkspaceCreationPropertiesCommand({ ResourceId: id, WorkspaceCreationProperties: pick(desired.WorkspaceCreationProperties, creation) })),
    );
    changes.push({ operation: 'ModifyWorkspaceCreationProperties', fields: creation });
  }

  const selfService = differingFields(desired.SelfservicePermissions, dir.SelfservicePermissions as Record<string, unknown> | undefined);
  if (selfService.length > 0) {
    await call('ModifySelfservicePermissions', id, () =>
      client.send(new ModifySelfservicePermissionsCommand({ ResourceId: id, SelfservicePermissions: pick(desired.SelfservicePermissions, selfService) })),
    );
    changes.push({ operation: 'ModifySelfservicePermissions', fields: selfService });
  }

  if (!userSettingsMatch(desired.StreamingProperties.UserSettings, dir.StreamingProperties?.UserSettings)) {
    // ModifyStreamingProperties replaces the whole structure: keep what we do not manage (storage connectors,
    // preferred protocol, global accelerator) and replace only UserSettings.
    const merged = { ...(dir.StreamingProperties ?? {}), UserSettings: desired.StreamingProperties.UserSettings };
    await call('ModifyStreamingProperties', id, () => client.send(new ModifyStreamingPropertiesCommand({ ResourceId: id, StreamingProperties: merged as never })));
    changes.push({ operation: 'ModifyStreamingProperties', fields: ['UserSettings'] });
  }

  const actualGroups = new Set(dir.ipGroupIds ?? []);
  const wanted = new Set(desired.IpGroupIds);
  const toAdd = [...wanted].filter((g) => !actualGroups.has(g));
  const toRemove = [...actualGroups].filter((g) => !wanted.has(g));
  if (toAdd.length > 0) {
    await call('AssociateIpGroups', id, () => client.send(new AssociateIpGroupsCommand({ DirectoryId: id, GroupIds: toAdd })));
    changes.push({ operation: 'AssociateIpGroups', fields: toAdd });
  }
  if (toRemove.length > 0) {
    // An IP group nobody declared is drift: removing it is the fail-closed direction only when private
    // streaming replaced IP groups; otherwise the declared groups are the complete allow-list anyway.
    await call('DisassociateIpGroups', id, () => client.send(new DisassociateIpGroupsCommand({ DirectoryId: id, GroupIds: toRemove })));
    changes.push({ operation: 'DisassociateIpGroups', fields: toRemove });
  }

  const clientOut = await call('DescribeClientProperties', id, () => client.send(new DescribeClientPropertiesCommand({ ResourceIds: [id] })));
  const current = clientOut.ClientPropertiesList?.find((c) => c.ResourceId === id)?.ClientProperties as Record<string, unknown> | undefined;
  const clientFields = differingFields(desired.ClientProperties, current);
  if (clientFields.length > 0) {
    await call('ModifyClientProperties', id, () =>
      client.send(new ModifyClientPropertiesCommand({ ResourceId: id, ClientProperties: pick(desired.ClientProperties, clientFields) })),
    );
    changes.push({ operation: 'ModifyClientProperties', fields: clientFields });
  }

  for (const c of changes) log(`${id}: ${c.operation} ${c.fields.join(', ')}`);
  if (changes.length === 0) log(`${id}: already hardened, nothing modified`);
  return changes;
}

export interface OnEventResult {
  PhysicalResourceId: string;
  Data?: Record<string, string>;
}

export interface IsCompleteResult {
  IsComplete: boolean;
  Data?: Record<string, string>;
}

/** onEvent: start registration when needed; never fails a Delete. */
export async function onEvent(event: CustomResourceEvent, client: WorkSpacesClient, log: Logger): Promise<OnEventResult> {
  if (event.RequestType === 'Delete') {
    await onDelete(event, client, log);
    return { PhysicalResourceId: event.PhysicalResourceId ?? 'none' };
  }
  const desired = parseSettings(event.ResourceProperties.Settings);
  const id = desired.DirectoryId;
  const dir = await describeDirectory(client, id);
  if (dir === undefined || dir.State === 'DEREGISTERED') {
    log(`${id}: not registered with WorkSpaces; registering on ${desired.SubnetIds.length} subnets`);
    await call('RegisterWorkspaceDirectory', id, () =>
      client.send(
        new RegisterWorkspaceDirectoryCommand({
          DirectoryId: id,
          SubnetIds: desired.SubnetIds,
          // Self-service is switched off at registration; restart is re-allowed through SelfservicePermissions.
          EnableSelfService: false,
          Tenancy: desired.Tenancy ?? 'SHARED',
          Tags: desired.Tags,
        }),
      ),
    );
  } else {
    log(`${id}: already registered (${dir.State ?? 'unknown state'})`);
  }
  return { PhysicalResourceId: id };
}

/** isComplete: wait for registration, then converge. Fails closed on a directory that cannot be hardened. */
export async function isComplete(event: CustomResourceEvent, client: WorkSpacesClient, log: Logger): Promise<IsCompleteResult> {
  if (event.RequestType === 'Delete') return { IsComplete: true };
  const desired = parseSettings(event.ResourceProperties.Settings);
  const dir = await describeDirectory(client, desired.DirectoryId);
  if (dir === undefined) {
    // Registration is eventually consistent: a freshly registered directory may not be listed yet.
    log(`${desired.DirectoryId}: not visible yet; waiting`);
    return { IsComplete: false };
  }
  switch (dir.State) {
    case 'REGISTERING':
      return { IsComplete: false };
    case 'REGISTERED': {
      const changes = await convergeDirectory(client, desired, dir, log);
      return {
        IsComplete: true,
        Data: {
          DirectoryId: desired.DirectoryId,
          RegistrationCode: dir.RegistrationCode ?? '',
          WorkspaceSecurityGroupId: dir.WorkspaceSecurityGroupId ?? '',
          Changes: String(changes.length),
        },
      };
    }
    default:
      throw new DirectorySettingsError(
        `WorkSpaces directory ${desired.DirectoryId} is ${dir.State ?? 'in an unknown state'}${dir.ErrorMessage ? `: ${dir.ErrorMessage}` : ''}; it cannot be hardened, so the deployment stops here`,
      );
  }
}

async function onDelete(event: CustomResourceEvent, client: WorkSpacesClient, log: Logger): Promise<void> {
  let desired: DirectorySettings;
  try {
    desired = parseSettings(event.ResourceProperties.Settings);
  } catch (err) {
    log(`delete: settings unreadable (${(err as Error).message}); leaving the directory as it is`);
    return;
  }
  if (event.PhysicalResourceId !== desired.DirectoryId) {
    log(`delete: physical id ${event.PhysicalResourceId} is not ${desired.DirectoryId}; nothing to do`);
    return;
  }
  if (!desired.DeregisterOnDelete) {
    log(`${desired.DirectoryId}: left registered (DeregisterOnDelete is false)`);
    return;
  }
  try {
    const dir = await describeDirectory(client, desired.DirectoryId);
    if (dir === undefined || dir.State === 'DEREGISTERED' || dir.State === 'DEREGISTERING') {
      log(`${desired.DirectoryId}: already deregistered`);
      return;
    }
    await call('DeregisterWorkspaceDirectory', desired.DirectoryId, () =>
      client.send(new DeregisterWorkspaceDirectoryCommand({ DirectoryId: desired.DirectoryId })),
    );
    log(`${desired.DirectoryId}: deregistered`);
  } catch (err) {
    // Typically: WorkSpaces still exist. Leave the directory; the stack delete goes on (see runbook).
    log(`${desired.DirectoryId}: left registered, deregistration refused: ${(err as Error).message}`);
  }
}

/* ---- The whole request: onEvent, wait, converge, answer CloudFormation ---- */

export interface HandleOptions {
  /** Milliseconds left before the function must have answered (Lambda: getRemainingTimeInMillis minus a margin). */
  remainingMs: () => number;
  /** Pause between isComplete polls. */
  pollIntervalMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export type FullEvent = CustomResourceEvent & CloudFormationRequest;

/**
 * Runs the request to completion and builds CloudFormation's answer. Never throws: every failure becomes
 * FAILED with the reason (Create/Update), and Delete always answers SUCCESS (see onDelete).
 */
export async function handle(event: FullEvent, client: WorkSpacesClient, log: Logger, options: HandleOptions): Promise<CloudFormationResponse> {
  const base = { StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId };
  // On a failed Create there is no physical id yet; CloudFormation needs one anyway (it will send a Delete for it).
  let physicalId = event.PhysicalResourceId ?? `failed-${event.RequestId}`;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  try {
    const first = await onEvent(event, client, log);
    physicalId = first.PhysicalResourceId;
    const ev = { ...event, PhysicalResourceId: first.PhysicalResourceId };
    for (;;) {
      const done = await isComplete(ev, client, log);
      if (done.IsComplete) return { ...base, Status: 'SUCCESS', PhysicalResourceId: first.PhysicalResourceId, Data: done.Data };
      if (options.remainingMs() < options.pollIntervalMs) {
        throw new DirectorySettingsError('the directory did not finish registering in time; retry the deployment (registration continues in the background)');
      }
      await sleep(options.pollIntervalMs);
    }
  } catch (err) {
    if (event.RequestType === 'Delete') return { ...base, Status: 'SUCCESS', PhysicalResourceId: physicalId };
    const reason = err instanceof Error ? err.message : String(err);
    log(`FAILED: ${reason}`);
    return { ...base, Status: 'FAILED', Reason: reason.slice(0, MAX_REASON_LENGTH), PhysicalResourceId: physicalId };
  }
}

/* ---- Lambda entry point ---- */

let lambdaClient: WorkSpacesClient | undefined;

export async function handler(event: FullEvent, context: { getRemainingTimeInMillis(): number }): Promise<void> {
  // Generous retries: a deployment should ride out WorkSpaces API throttling, not fail on it.
  lambdaClient ??= new WorkSpacesClient({ maxAttempts: 10 });
  const log: Logger = (m) => console.log(m);
  const response = await handle(event, lambdaClient, log, {
    // Keep 30 s to answer CloudFormation even when the last poll was slow.
    remainingMs: () => context.getRemainingTimeInMillis() - 30_000,
    pollIntervalMs: 10_000,
  });
  log(`${response.Status} ${response.PhysicalResourceId}${response.Reason ? `: ${response.Reason}` : ''}`);
  await respond(event.ResponseURL, response);
}
