/**
 * The local WorkSpaces server answers the REAL SDK client the way the service does: shapes, pagination,
 * error codes and statuses the SDK's retry strategy classifies, faults reproducible from a seed.
 */
import {
  CreateWorkspacesCommand,
  DescribeClientPropertiesCommand,
  DescribeTagsCommand,
  DescribeWorkspaceBundlesCommand,
  DescribeWorkspaceDirectoriesCommand,
  DescribeWorkspacesCommand,
  ModifyClientPropertiesCommand,
  ModifyWorkspaceAccessPropertiesCommand,
  CreateTagsCommand,
  RegisterWorkspaceDirectoryCommand,
  DeregisterWorkspaceDirectoryCommand,
  TerminateWorkspacesCommand,
  WorkSpacesClient,
  WorkSpacesServiceException,
} from '@aws-sdk/client-workspaces';
import { RunningServer, start } from '../support/workspaces-api';

const DIR = 'd-0123456789';

function client(api: RunningServer, extra: Partial<ConstructorParameters<typeof WorkSpacesClient>[0]> = {}): WorkSpacesClient {
  return new WorkSpacesClient({
    endpoint: api.endpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 1,
    ...extra,
  });
}

async function expectError(p: Promise<unknown>, name: string, status: number): Promise<void> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(WorkSpacesServiceException);
    const e = err as WorkSpacesServiceException;
    expect(e.name).toBe(name);
    expect(e.$metadata.httpStatusCode).toBe(status);
    return;
  }
  throw new Error(`expected ${name}`);
}

describe('local WorkSpaces server', () => {
  let api: RunningServer;
  afterEach(async () => api?.close());

  it('creates up to 25 WorkSpaces per call, PENDING then AVAILABLE, and paginates Describe by 25', async () => {
    // Long enough that a loaded machine (2 cores, several test workers) still describes them before it passes.
    api = await start({ directories: [DIR], provisionDelayMs: 3000 });
    const c = client(api);
    const out = await c.send(
      new CreateWorkspacesCommand({
        Workspaces: Array.from({ length: 25 }, (_, i) => ({ DirectoryId: DIR, UserName: `user${i}`, BundleId: 'wsb-stand0001', Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] })),
      }),
    );
    expect(out.PendingRequests).toHaveLength(25);
    expect(out.FailedRequests).toHaveLength(0);
    expect(out.PendingRequests![0].State).toBe('PENDING');
    await c.send(new CreateWorkspacesCommand({ Workspaces: [{ DirectoryId: DIR, UserName: 'user25', BundleId: 'wsb-stand0001' }] }));
    const page1 = await c.send(new DescribeWorkspacesCommand({ DirectoryId: DIR }));
    expect(page1.Workspaces).toHaveLength(25);
    expect(page1.NextToken).toBeDefined();
    expect(page1.Workspaces![0].State).toBe('PENDING');
    const page2 = await c.send(new DescribeWorkspacesCommand({ DirectoryId: DIR, NextToken: page1.NextToken }));
    expect(page2.Workspaces).toHaveLength(1);
    expect(page2.NextToken).toBeUndefined();
    await new Promise((r) => setTimeout(r, 3100));
    const one = await c.send(new DescribeWorkspacesCommand({ DirectoryId: DIR, UserName: 'USER3' }));
    expect(one.Workspaces).toHaveLength(1);
    expect(one.Workspaces![0].State).toBe('AVAILABLE');
    const tags = await c.send(new DescribeTagsCommand({ ResourceId: one.Workspaces![0].WorkspaceId }));
    expect(tags.TagList).toEqual([{ Key: 'mic:tier', Value: 'lgwan' }]);
    await expectError(
      c.send(new CreateWorkspacesCommand({ Workspaces: Array.from({ length: 26 }, (_, i) => ({ DirectoryId: DIR, UserName: `x${i}`, BundleId: 'wsb-stand0001' })) })),
      'ValidationException',
      400,
    );
  });

  it('allows a second WorkSpace for the same user (no idempotency, as in AWS) and terminates', async () => {
    api = await start({ directories: [DIR] });
    const c = client(api);
    const req = { DirectoryId: DIR, UserName: 'tanaka', BundleId: 'wsb-stand0001' };
    await c.send(new CreateWorkspacesCommand({ Workspaces: [req] }));
    await c.send(new CreateWorkspacesCommand({ Workspaces: [req] }));
    expect(api.state.liveByUser().get(`${DIR}/tanaka`)).toHaveLength(2);
    const id = api.state.liveWorkspaces()[0].WorkspaceId;
    const t = await c.send(new TerminateWorkspacesCommand({ TerminateWorkspaceRequests: [{ WorkspaceId: id }, { WorkspaceId: 'ws-nothere' }] }));
    expect(t.FailedRequests).toEqual([expect.objectContaining({ WorkspaceId: 'ws-nothere', ErrorCode: 'ResourceNotFound' })]);
    expect(api.state.liveByUser().get(`${DIR}/tanaka`)).toHaveLength(1);
  });

  it('reports unknown directories and bundles in FailedRequests', async () => {
    api = await start({ directories: [DIR] });
    const out = await client(api).send(
      new CreateWorkspacesCommand({
        Workspaces: [
          { DirectoryId: 'd-ffffffffff', UserName: 'a', BundleId: 'wsb-stand0001' },
          { DirectoryId: DIR, UserName: 'b', BundleId: 'wsb-nope' },
        ],
      }),
    );
    expect(out.FailedRequests!.map((f) => f.ErrorCode)).toEqual(['ResourceNotFound.Directory', 'ResourceNotFound.Bundle']);
  });

  it('throttles with ThrottlingException (400) from the token bucket, which the SDK retries as throttling', async () => {
    api = await start({ directories: [DIR], rateLimits: { DescribeWorkspaces: { perSecond: 4 } } });
    const c = client(api);
    await c.send(new DescribeWorkspacesCommand({ DirectoryId: DIR }));
    await expectError(c.send(new DescribeWorkspacesCommand({ DirectoryId: DIR })), 'ThrottlingException', 400);
    // With retries the SDK waits and succeeds (the bucket refills at 4/s).
    const retrying = client(api, { maxAttempts: 5 });
    await retrying.send(new DescribeWorkspacesCommand({ DirectoryId: DIR }));
    expect(api.log.filter((o) => o === 'DescribeWorkspaces').length).toBeGreaterThanOrEqual(3);
  });

  it('answers unknown operations with UnknownOperationException and requires an Authorization header', async () => {
    api = await start({ directories: [DIR] });
    const res = await fetch(api.endpoint, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'WorkspacesService.StartTheWorld', 'Content-Type': 'application/x-amz-json-1.1', Authorization: 'x' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ __type: 'UnknownOperationException', message: expect.stringContaining('StartTheWorld') });
    const anon = await fetch(api.endpoint, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'WorkspacesService.DescribeWorkspaces', 'Content-Type': 'application/x-amz-json-1.1' },
      body: '{}',
    });
    expect(((await anon.json()) as { __type: string }).__type).toBe('MissingAuthenticationTokenException');
  });

  it('serves directory settings: describe, modify access and client properties, register and deregister', async () => {
    api = await start({ directories: [{ DirectoryId: DIR, WorkspaceAccessProperties: { DeviceTypeWeb: 'ALLOW' } }] });
    const c = client(api);
    const before = await c.send(new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [DIR] }));
    expect(before.Directories![0].WorkspaceAccessProperties!.DeviceTypeWeb).toBe('ALLOW');
    expect(before.Directories![0].WorkspaceCreationProperties!.UserEnabledAsLocalAdministrator).toBe(true);
    await c.send(new ModifyWorkspaceAccessPropertiesCommand({ ResourceId: DIR, WorkspaceAccessProperties: { DeviceTypeWeb: 'DENY' } }));
    await c.send(new ModifyClientPropertiesCommand({ ResourceId: DIR, ClientProperties: { ReconnectEnabled: 'DISABLED' } }));
    const after = await c.send(new DescribeWorkspaceDirectoriesCommand({ DirectoryIds: [DIR] }));
    expect(after.Directories![0].WorkspaceAccessProperties!.DeviceTypeWeb).toBe('DENY');
    const cp = await c.send(new DescribeClientPropertiesCommand({ ResourceIds: [DIR] }));
    expect(cp.ClientPropertiesList![0].ClientProperties!.ReconnectEnabled).toBe('DISABLED');
    await c.send(new CreateTagsCommand({ ResourceId: DIR, Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] }));
    expect((await c.send(new DescribeTagsCommand({ ResourceId: DIR }))).TagList).toEqual([{ Key: 'mic:tier', Value: 'lgwan' }]);
    await c.send(new RegisterWorkspaceDirectoryCommand({ DirectoryId: 'd-aaaaaaaaaa', SubnetIds: ['subnet-1', 'subnet-2'], EnableSelfService: false }));
    await expectError(c.send(new RegisterWorkspaceDirectoryCommand({ DirectoryId: 'd-aaaaaaaaaa' })), 'ResourceAlreadyExistsException', 400);
    await c.send(new DeregisterWorkspaceDirectoryCommand({ DirectoryId: 'd-aaaaaaaaaa' }));
    const listed = await c.send(new DescribeWorkspaceDirectoriesCommand({}));
    expect(listed.Directories!.map((d) => d.DirectoryId)).toEqual([DIR]);
    await expectError(c.send(new ModifyClientPropertiesCommand({ ResourceId: 'd-bbbbbbbbbb', ClientProperties: {} })), 'ResourceNotFoundException', 400);
    const bundles = await c.send(new DescribeWorkspaceBundlesCommand({ Owner: 'AMAZON' }));
    expect(bundles.Bundles!.map((b) => b.ComputeType!.Name)).toEqual(['VALUE', 'STANDARD', 'PERFORMANCE', 'POWER']);
  });

  it('injects 500/503 as retryable by status, and holds the socket for timeouts', async () => {
    api = await start({ directories: [DIR], faults: { seed: 3, serverErrorRate: 1, operations: ['DescribeWorkspaces'] } });
    const c = client(api);
    const statuses = new Set<number>();
    for (let i = 0; i < 10; i++) {
      try {
        await c.send(new DescribeWorkspacesCommand({ DirectoryId: DIR }));
      } catch (err) {
        statuses.add((err as WorkSpacesServiceException).$metadata.httpStatusCode!);
      }
    }
    expect([...statuses].sort()).toEqual([500, 503]);
    await api.close();
    api = await start({ directories: [DIR], faults: { seed: 3, timeoutRate: 1 } });
    const slow = client(api, { requestHandler: { requestTimeout: 100, throwOnRequestTimeout: true } });
    await expect(slow.send(new DescribeWorkspacesCommand({ DirectoryId: DIR }))).rejects.toThrow(/timeout|timed out|abort/i);
  });

  it('hides a created WorkSpace from the next N matching Describe calls (eventual consistency) and crashes on cue', async () => {
    let crashed = 0;
    api = await start({
      directories: [DIR],
      faults: { seed: 11, invisibleRate: 1, invisibleDescribes: { min: 2, max: 2 }, crash: { calls: 2 } },
      onCrash: () => crashed++,
    });
    const c = client(api);
    await c.send(new CreateWorkspacesCommand({ Workspaces: [{ DirectoryId: DIR, UserName: 'sato', BundleId: 'wsb-stand0001' }] }));
    expect((await c.send(new DescribeWorkspacesCommand({ DirectoryId: DIR }))).Workspaces).toHaveLength(0);
    expect((await c.send(new DescribeWorkspacesCommand({ DirectoryId: DIR, UserName: 'sato' }))).Workspaces).toHaveLength(0);
    expect((await c.send(new DescribeWorkspacesCommand({ DirectoryId: DIR }))).Workspaces).toHaveLength(1);
    await expect(c.send(new CreateWorkspacesCommand({ Workspaces: [{ DirectoryId: DIR, UserName: 'suzuki', BundleId: 'wsb-stand0001' }] }))).rejects.toThrow();
    expect(crashed).toBe(1);
    // The crashed call was processed: suzuki has a WorkSpace the client never heard about.
    expect(api.state.liveByUser().get(`${DIR}/suzuki`)).toHaveLength(1);
  });

  it('draws the same faults from the same seed', async () => {
    const draws = async (seed: number) => {
      const s = await start({ directories: [DIR], faults: { seed, throttleRate: 0.5, operations: ['DescribeWorkspaces'] } });
      const c = client(s);
      const out: string[] = [];
      for (let i = 0; i < 12; i++) {
        out.push(await c.send(new DescribeWorkspacesCommand({ DirectoryId: DIR })).then(() => 'ok', (e) => e.name));
      }
      await s.close();
      return out.join(',');
    };
    const a = await draws(42);
    expect(await draws(42)).toBe(a);
    expect(a).toContain('ThrottlingException');
    expect(a).toContain('ok');
  });
});
