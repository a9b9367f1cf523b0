/**
 * The WorkSpaces operations the local server implements, each a function from the JSON request body to
 * the JSON response body over the in-memory state. Validation mirrors the real service's limits where
 * the roster tool and the directory-settings resource depend on them (≤ 25 per CreateWorkspaces call,
 * ≤ 25 ids per Describe, UserName needs DirectoryId, page size ≤ 25).
 */
import { FaultInjector } from './faults';
import { DirectoryState, Tag, WorkSpacesState, WorkspaceRecord, defaultDirectory } from './state';

/** An error the server answers as `{"__type": type, "message": ...}` with `status`. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly type: string, message: string) {
    super(message);
  }
}

type Body = Record<string, any>;  
export type Operation = (state: WorkSpacesState, body: Body, faults: FaultInjector) => Body;

const invalid = (message: string) => new ApiError(400, 'InvalidParameterValuesException', message);
const notFound = (message: string) => new ApiError(400, 'ResourceNotFoundException', message);

function requireString(body: Body, field: string): string {
  const v = body[field];
  if (typeof v !== 'string' || v.length === 0) {
    throw new ApiError(400, 'ValidationException', `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null`);
  }
  return v;
}

function directory(state: WorkSpacesState, id: string): DirectoryState {
  const d = state.directories.get(id);
  if (!d || d.State === 'DEREGISTERED') {
    throw notFound(`The specified directory ${id} could not be found in the specified region.`);
  }
  return d;
}

function workspaceJson(state: WorkSpacesState, ws: WorkspaceRecord): Body {
  const s = state.stateOf(ws);
  return {
    WorkspaceId: ws.WorkspaceId,
    DirectoryId: ws.DirectoryId,
    UserName: ws.UserName,
    BundleId: ws.BundleId,
    State: s,
    WorkspaceName: ws.WorkspaceName,
    VolumeEncryptionKey: ws.VolumeEncryptionKey,
    UserVolumeEncryptionEnabled: ws.UserVolumeEncryptionEnabled,
    RootVolumeEncryptionEnabled: ws.RootVolumeEncryptionEnabled,
    WorkspaceProperties: ws.WorkspaceProperties,
    ...(s === 'ERROR' ? { ErrorCode: 'ResourceCreationFailed', ErrorMessage: 'The WorkSpace could not be provisioned.' } : {}),
    ...(s === 'AVAILABLE' ? { IpAddress: '10.0.0.10', ComputerName: `WS${ws.WorkspaceId.slice(3).toUpperCase()}` } : {}),
  };
}

function paginate<T>(items: T[], body: Body, maxLimit: number): { page: T[]; NextToken?: string } {
  const limit = body.Limit ?? maxLimit;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw invalid(`Limit must be between 1 and ${maxLimit}.`);
  }
  let offset = 0;
  if (body.NextToken !== undefined) {
    const m = /^page-(\d+)$/.exec(String(body.NextToken));
    if (!m) throw invalid('The NextToken is not valid.');
    offset = Number(m[1]);
  }
  const page = items.slice(offset, offset + limit);
  return { page, NextToken: offset + limit < items.length ? `page-${offset + limit}` : undefined };
}

const CreateWorkspaces: Operation = (state, body, faults) => {
  const requests = body.Workspaces;
  if (!Array.isArray(requests) || requests.length < 1 || requests.length > 25) {
    throw new ApiError(400, 'ValidationException', "1 validation error detected: Value at 'workspaces' failed to satisfy constraint: Member must have length less than or equal to 25");
  }
  const PendingRequests: Body[] = [];
  const FailedRequests: Body[] = [];
  for (const req of requests) {
    const fail = (ErrorCode: string, ErrorMessage: string) => FailedRequests.push({ WorkspaceRequest: req, ErrorCode, ErrorMessage });
    const dir = state.directories.get(req.DirectoryId);
    if (!dir || dir.State !== 'REGISTERED') {
      fail('ResourceNotFound.Directory', `The directory ${req.DirectoryId} is not registered with WorkSpaces.`);
      continue;
    }
    if (!state.bundles.has(req.BundleId)) {
      fail('ResourceNotFound.Bundle', `The bundle ${req.BundleId} could not be found.`);
      continue;
    }
    if (typeof req.UserName !== 'string' || req.UserName.length === 0) {
      fail('InvalidParameterValuesException', 'UserName is required.');
      continue;
    }
    const code = faults.drawPartialFailure();
    if (code) {
      fail(code, `Simulated failure (${code}).`);
      continue;
    }
    // No idempotency: a second request for the same user creates a second WorkSpace, as the real API
    // allows (multiple WorkSpaces per user). Preventing that is the client's job.
    const ws = state.seedWorkspace({
      DirectoryId: req.DirectoryId,
      UserName: req.UserName,
      BundleId: req.BundleId,
      WorkspaceName: req.WorkspaceName,
      VolumeEncryptionKey: req.VolumeEncryptionKey,
      UserVolumeEncryptionEnabled: req.UserVolumeEncryptionEnabled,
      RootVolumeEncryptionEnabled: req.RootVolumeEncryptionEnabled,
      WorkspaceProperties: { RunningMode: 'AUTO_STOP', RunningModeAutoStopTimeoutInMinutes: 60, ...(req.WorkspaceProperties ?? {}) },
      tags: Array.isArray(req.Tags) ? req.Tags.map((t: Tag) => ({ Key: t.Key, Value: t.Value })) : [],
      createdAt: state.options.now(),
      failsProvisioning: faults.drawProvisionFailure(),
      invisibleForDescribes: faults.drawInvisibility(),
    });
    PendingRequests.push({ ...workspaceJson(state, ws), State: 'PENDING' });
  }
  return { FailedRequests, PendingRequests };
};

const DescribeWorkspaces: Operation = (state, body) => {
  if (body.UserName !== undefined && body.DirectoryId === undefined) {
    throw invalid('The UserName filter requires DirectoryId.');
  }
  const ids: string[] | undefined = body.WorkspaceIds;
  if (ids !== undefined && (!Array.isArray(ids) || ids.length < 1 || ids.length > 25)) {
    throw invalid('WorkspaceIds must contain between 1 and 25 ids.');
  }
  const filterCount = [ids, body.DirectoryId, body.BundleId].filter((f) => f !== undefined).length;
  if (filterCount > 1) {
    throw new ApiError(400, 'InvalidParameterValuesException', 'You can filter by only one of WorkspaceIds, DirectoryId or BundleId.');
  }
  const matching = state.workspaces.filter((ws) => {
    if (state.stateOf(ws) === 'TERMINATED') return false;
    if (ids && !ids.includes(ws.WorkspaceId)) return false;
    if (body.DirectoryId !== undefined && ws.DirectoryId !== body.DirectoryId) return false;
    if (body.UserName !== undefined && ws.UserName.toLowerCase() !== String(body.UserName).toLowerCase()) return false;
    if (body.BundleId !== undefined && ws.BundleId !== body.BundleId) return false;
    return true;
  });
  // Eventual consistency: a WorkSpace marked invisible is missed by this many matching Describe calls.
  const visible = matching.filter((ws) => {
    if (ws.invisibleForDescribes > 0) {
      ws.invisibleForDescribes -= 1;
      return false;
    }
    return true;
  });
  const { page, NextToken } = paginate(visible, body, 25);
  return { Workspaces: page.map((ws) => workspaceJson(state, ws)), NextToken };
};

const TerminateWorkspaces: Operation = (state, body) => {
  const reqs = body.TerminateWorkspaceRequests;
  if (!Array.isArray(reqs) || reqs.length < 1 || reqs.length > 25) {
    throw new ApiError(400, 'ValidationException', 'TerminateWorkspaceRequests must contain between 1 and 25 items.');
  }
  const FailedRequests: Body[] = [];
  for (const r of reqs) {
    const ws = state.findWorkspace(r.WorkspaceId);
    if (!ws) {
      FailedRequests.push({ WorkspaceId: r.WorkspaceId, ErrorCode: 'ResourceNotFound', ErrorMessage: 'The WorkSpace was not found.' });
    } else if (ws.terminatedAt === undefined) {
      ws.terminatedAt = state.options.now();
    }
  }
  return { FailedRequests };
};

const ModifyWorkspaceProperties: Operation = (state, body) => {
  const id = requireString(body, 'WorkspaceId');
  const ws = state.findWorkspace(id);
  if (!ws || ws.terminatedAt !== undefined) throw notFound(`The WorkSpace ${id} could not be found.`);
  const s = state.stateOf(ws);
  if (s !== 'AVAILABLE' && s !== 'STOPPED') {
    throw new ApiError(400, 'InvalidResourceStateException', `The WorkSpace ${id} is in state ${s}; properties can be modified only when AVAILABLE or STOPPED.`);
  }
  ws.WorkspaceProperties = { ...ws.WorkspaceProperties, ...(body.WorkspaceProperties ?? {}) };
  return {};
};

function tagsOf(state: WorkSpacesState, id: string): Tag[] {
  const ws = state.findWorkspace(id);
  if (ws) return ws.tags;
  if (state.directories.has(id)) {
    if (!state.resourceTags.has(id)) state.resourceTags.set(id, []);
    return state.resourceTags.get(id)!;
  }
  throw notFound(`The resource ${id} could not be found.`);
}

const CreateTags: Operation = (state, body) => {
  const id = requireString(body, 'ResourceId');
  const tags = tagsOf(state, id);
  for (const t of (body.Tags ?? []) as Tag[]) {
    const existing = tags.find((x) => x.Key === t.Key);
    if (existing) existing.Value = t.Value;
    else tags.push({ Key: t.Key, Value: t.Value });
  }
  if (tags.length > 50) throw new ApiError(400, 'ResourceLimitExceededException', 'A resource can have at most 50 tags.');
  return {};
};

const DeleteTags: Operation = (state, body) => {
  const id = requireString(body, 'ResourceId');
  const tags = tagsOf(state, id);
  const keys: string[] = body.TagKeys ?? [];
  for (let i = tags.length - 1; i >= 0; i--) if (keys.includes(tags[i].Key)) tags.splice(i, 1);
  return {};
};

const DescribeTags: Operation = (state, body) => ({ TagList: tagsOf(state, requireString(body, 'ResourceId')) });

function directoryJson(d: DirectoryState): Body {
  const { ClientProperties: _client, ...rest } = d;
  return rest;
}

const DescribeWorkspaceDirectories: Operation = (state, body) => {
  const ids: string[] | undefined = body.DirectoryIds;
  const dirs = [...state.directories.values()].filter((d) => d.State !== 'DEREGISTERED' && (!ids || ids.includes(d.DirectoryId)));
  const { page, NextToken } = paginate(dirs, body, 25);
  return { Directories: page.map(directoryJson), NextToken };
};

const DescribeClientProperties: Operation = (state, body) => {
  const ids: string[] = body.ResourceIds ?? [];
  if (ids.length < 1 || ids.length > 25) throw invalid('ResourceIds must contain between 1 and 25 ids.');
  return { ClientPropertiesList: ids.map((id) => ({ ResourceId: id, ClientProperties: directory(state, id).ClientProperties })) };
};

const ModifyClientProperties: Operation = (state, body) => {
  const d = directory(state, requireString(body, 'ResourceId'));
  if (!body.ClientProperties) throw invalid('ClientProperties is required.');
  d.ClientProperties = { ...d.ClientProperties, ...body.ClientProperties };
  return {};
};

const ModifyWorkspaceAccessProperties: Operation = (state, body) => {
  const d = directory(state, requireString(body, 'ResourceId'));
  const props = body.WorkspaceAccessProperties;
  if (!props) throw invalid('WorkspaceAccessProperties is required.');
  for (const [k, v] of Object.entries(props)) {
    if (k.startsWith('DeviceType') && v !== 'ALLOW' && v !== 'DENY') throw invalid(`${k} must be ALLOW or DENY.`);
  }
  d.WorkspaceAccessProperties = { ...d.WorkspaceAccessProperties, ...props };
  return {};
};

const ModifyWorkspaceCreationProperties: Operation = (state, body) => {
  const d = directory(state, requireString(body, 'ResourceId'));
  if (!body.WorkspaceCreationProperties) throw invalid('WorkspaceCreationProperties is required.');
  d.WorkspaceCreationProperties = { ...d.WorkspaceCreationProperties, ...body.WorkspaceCreationProperties };
  return {};
};

const ModifyStreamingProperties: Operation = (state, body) => {
  const d = directory(state, requireString(body, 'ResourceId'));
  d.StreamingProperties = { ...(body.StreamingProperties ?? {}) };
  return {};
};

const ModifySelfservicePermissions: Operation = (state, body) => {
  const d = directory(state, requireString(body, 'ResourceId'));
  if (!body.SelfservicePermissions) throw invalid('SelfservicePermissions is required.');
  d.SelfservicePermissions = { ...d.SelfservicePermissions, ...body.SelfservicePermissions };
  return {};
};

const RegisterWorkspaceDirectory: Operation = (state, body) => {
  const id = requireString(body, 'DirectoryId');
  if (!/^d-[0-9a-f]{8,63}$/.test(id)) throw invalid(`${id} is not a valid directory id (d-xxxxxxxxxx).`);
  const existing = state.directories.get(id);
  if (existing && existing.State !== 'DEREGISTERED') {
    throw new ApiError(400, 'ResourceAlreadyExistsException', `The directory ${id} is already registered.`);
  }
  state.directories.set(id, defaultDirectory(id, { SubnetIds: body.SubnetIds, Tenancy: body.Tenancy }));
  if (Array.isArray(body.Tags)) state.resourceTags.set(id, body.Tags);
  if (body.EnableSelfService === false) {
    state.directories.get(id)!.SelfservicePermissions.RestartWorkspace = 'DISABLED';
  }
  return { DirectoryId: id, State: 'REGISTERED' };
};

const DeregisterWorkspaceDirectory: Operation = (state, body) => {
  const d = directory(state, requireString(body, 'DirectoryId'));
  if (state.liveWorkspaces().some((ws) => ws.DirectoryId === d.DirectoryId)) {
    throw new ApiError(400, 'InvalidResourceStateException', `The directory ${d.DirectoryId} still has WorkSpaces; terminate them first.`);
  }
  d.State = 'DEREGISTERED';
  return {};
};

const DescribeWorkspaceBundles: Operation = (state, body) => {
  const ids: string[] | undefined = body.BundleIds;
  if (ids && body.Owner) throw invalid('Specify BundleIds or Owner, not both.');
  const all = [...state.bundles.values()];
  const matching = ids ? all.filter((b) => ids.includes(b.BundleId)) : all.filter((b) => (body.Owner ? b.Owner === body.Owner : b.Owner !== 'AMAZON'));
  const { page, NextToken } = paginate(matching, { ...body, Limit: body.Limit ?? 25 }, 25);
  return { Bundles: page, NextToken };
};

export const OPERATIONS: Record<string, Operation> = {
  CreateWorkspaces,
  DescribeWorkspaces,
  TerminateWorkspaces,
  ModifyWorkspaceProperties,
  CreateTags,
  DeleteTags,
  DescribeTags,
  DescribeWorkspaceDirectories,
  DescribeClientProperties,
  ModifyClientProperties,
  ModifyWorkspaceAccessProperties,
  ModifyWorkspaceCreationProperties,
  ModifyStreamingProperties,
  ModifySelfservicePermissions,
  RegisterWorkspaceDirectory,
  DeregisterWorkspaceDirectory,
  DescribeWorkspaceBundles,
};

/** Operations that change state: the ones where "processed, then the response is lost" matters. */
export const MUTATING_OPERATIONS = new Set(Object.keys(OPERATIONS).filter((op) => !op.startsWith('Describe')));
