/**
 * The directory-settings custom resource against the local WorkSpaces server (test/support/workspaces-api),
 * driven by the REAL @aws-sdk/client-workspaces client over HTTP on 127.0.0.1.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { start, type RunningServer } from '../support/workspaces-api';
import { ApiError, OPERATIONS } from '../support/workspaces-api/operations';
import {
  CustomResourceEvent,
  DirectorySettings,
  differingFields,
  FullEvent,
  handle,
  isComplete,
  onEvent,
  parseSettings,
} from '../../lib/desktops/directory-settings/handler';
import { respond } from '../../lib/desktops/custom-resource/cloudformation-response';
import { directorySettingsFromBaseline } from '../../lib/desktops/directory-settings/desired-state';
import { DEFAULT_HARDENING_OPTIONS, evaluateSetting, hardeningBaseline, settingsFor } from '../../lib/desktops/hardening-baseline';

const DIR = 'd-1234567890';

function client(api: RunningServer, maxAttempts = 3): WorkSpacesClient {
  return new WorkSpacesClient({
    endpoint: api.endpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts,
  });
}

function desired(overrides: Partial<DirectorySettings> = {}): DirectorySettings {
  return { ...directorySettingsFromBaseline(DEFAULT_HARDENING_OPTIONS, { DirectoryId: DIR, SubnetIds: ['subnet-0a', 'subnet-0b'], DeregisterOnDelete: true, StreamingVpcEndpointId: 'vpce-0123456789abcdef0' }), ...overrides };
}

function event(type: CustomResourceEvent['RequestType'], settings: DirectorySettings, physicalId?: string): CustomResourceEvent {
  return { RequestType: type, PhysicalResourceId: physicalId, ResourceProperties: { Settings: JSON.stringify(settings) } };
}

/** Runs the Provider framework's loop: onEvent, then isComplete until complete. */
async function deploy(api: RunningServer, ev: CustomResourceEvent, c = client(api)) {
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  const first = await onEvent(ev, c, log);
  let done = await isComplete({ ...ev, PhysicalResourceId: first.PhysicalResourceId }, c, log);
  for (let i = 0; !done.IsComplete && i < 5; i++) done = await isComplete({ ...ev, PhysicalResourceId: first.PhysicalResourceId }, c, log);
  return { first, done, logs };
}

function mutating(api: RunningServer): string[] {
  return api.log.filter((op) => !op.startsWith('Describe'));
}

describe('directory settings custom resource (real SDK client, local WorkSpaces server)', () => {
  let api: RunningServer;
  afterEach(async () => api?.close());

  test('create registers an unregistered directory and hardens it to the baseline', async () => {
    api = await start();
    const { first, done } = await deploy(api, event('Create', desired()));
    expect(first.PhysicalResourceId).toBe(DIR);
    expect(done.IsComplete).toBe(true);
    expect(api.log).toContain('RegisterWorkspaceDirectory');
    const dir = api.state.directories.get(DIR)!;
    expect(dir.SubnetIds).toEqual(['subnet-0a', 'subnet-0b']);
    // Everything the baseline reads from the directory and client properties is compliant now.
    const baseline = hardeningBaseline({ ...DEFAULT_HARDENING_OPTIONS, streamingVpcEndpointId: 'vpce-0123456789abcdef0' });
    const failing = [...settingsFor(baseline, 'directory', 'personal'), ...settingsFor(baseline, 'client-properties')].filter(
      (s) => !evaluateSetting(s, s.resource === 'client-properties' ? dir.ClientProperties : dir).compliant,
    );
    expect(failing.map((s) => s.id)).toEqual([]);
    expect(dir.ClientProperties).toMatchObject({ ReconnectEnabled: 'DISABLED', LogUploadEnabled: 'DISABLED' });
    expect(done.Data).toMatchObject({ DirectoryId: DIR, WorkspaceSecurityGroupId: 'sg-0workspaces' });
  });

  test('an already registered, unhardened directory: only the differing fields are modified', async () => {
    api = await start({ directories: [DIR] });
    const { done } = await deploy(api, event('Create', desired()));
    expect(done.IsComplete).toBe(true);
    expect(api.log).not.toContain('RegisterWorkspaceDirectory');
    // Unhardened defaults differ in device types, local admin, streaming and client properties — but the
    // self-service defaults already match, so that call must not be made.
    expect(mutating(api).sort()).toEqual(
      ['ModifyClientProperties', 'ModifyStreamingProperties', 'ModifyWorkspaceAccessProperties', 'ModifyWorkspaceCreationProperties'].sort(),
    );
    expect(api.state.directories.get(DIR)!.WorkspaceAccessProperties).toMatchObject({ DeviceTypeOsx: 'DENY', DeviceTypeWindows: 'ALLOW', DeviceTypeWeb: 'DENY' });
    expect(api.state.directories.get(DIR)!.WorkspaceCreationProperties).toMatchObject({ UserEnabledAsLocalAdministrator: false, EnableInternetAccess: false });
  });

  test('idempotent: a second run modifies nothing', async () => {
    api = await start({ directories: [DIR] });
    await deploy(api, event('Create', desired()));
    api.log.length = 0;
    const { done, logs } = await deploy(api, event('Update', desired(), DIR));
    expect(done.IsComplete).toBe(true);
    expect(done.Data?.Changes).toBe('0');
    expect(mutating(api)).toEqual([]);
    expect(logs.join('\n')).toContain('already hardened');
  });

  test('update: drift made in the console is put back, one field only', async () => {
    api = await start({ directories: [DIR] });
    await deploy(api, event('Create', desired()));
    api.state.directories.get(DIR)!.WorkspaceAccessProperties.DeviceTypeWeb = 'ALLOW';
    api.log.length = 0;
    await deploy(api, event('Update', desired(), DIR));
    expect(mutating(api)).toEqual(['ModifyWorkspaceAccessProperties']);
    expect(api.state.directories.get(DIR)!.WorkspaceAccessProperties.DeviceTypeWeb).toBe('DENY');
  });

  test('credential caching follows the configuration', async () => {
    api = await start({ directories: [DIR] });
    const settings = directorySettingsFromBaseline({ ...DEFAULT_HARDENING_OPTIONS, credentialCaching: true }, { DirectoryId: DIR, SubnetIds: ['subnet-0a', 'subnet-0b'], DeregisterOnDelete: false, StreamingVpcEndpointId: 'vpce-0123456789abcdef0' });
    await deploy(api, event('Create', settings));
    expect(api.state.directories.get(DIR)!.ClientProperties.ReconnectEnabled).toBe('ENABLED');
  });

  test('streaming properties the resource does not manage are kept', async () => {
    api = await start({ directories: [{ DirectoryId: DIR, StreamingProperties: { StreamingExperiencePreferredProtocol: 'UDP' } }] });
    await deploy(api, event('Create', desired()));
    expect(api.state.directories.get(DIR)!.StreamingProperties).toMatchObject({ StreamingExperiencePreferredProtocol: 'UDP' });
    expect((api.state.directories.get(DIR)!.StreamingProperties.UserSettings as unknown[]).length).toBe(3);
  });

  test('throttling: the SDK retries and the resource still converges', async () => {
    api = await start({ directories: [DIR], faults: { seed: 11, throttleRate: 0.35 } });
    const { done } = await deploy(api, event('Create', desired()), client(api, 12));
    expect(done.IsComplete).toBe(true);
    const ops = api.log;
    // Throttled calls were made (more requests than operations) and the end state is hardened.
    const distinct = new Set(ops).size;
    expect(ops.length).toBeGreaterThan(distinct);
    expect(api.state.directories.get(DIR)!.WorkspaceAccessProperties.DeviceTypeOsx).toBe('DENY');
  });

  test('server errors (500/503) are retried', async () => {
    api = await start({ directories: [DIR], faults: { seed: 5, serverErrorRate: 0.3 } });
    const { done } = await deploy(api, event('Create', desired()), client(api, 12));
    expect(done.IsComplete).toBe(true);
    expect(api.state.directories.get(DIR)!.ClientProperties.ReconnectEnabled).toBe('DISABLED');
  });

  test('a throttle that outlasts the retries fails with the operation and directory named', async () => {
    api = await start({ directories: [DIR], faults: { seed: 3, throttleRate: 1 } });
    await expect(deploy(api, event('Create', desired()), client(api, 2))).rejects.toThrow(
      /DescribeWorkspaceDirectories failed for WorkSpaces directory d-1234567890: ThrottlingException/,
    );
  });

  test('a directory in ERROR fails the deployment (fail closed)', async () => {
    api = await start({ directories: [{ DirectoryId: DIR, State: 'ERROR' }] });
    await expect(isComplete(event('Create', desired(), DIR), client(api), () => undefined)).rejects.toThrow(/d-1234567890 is ERROR; it cannot be hardened/);
  });

  test('an invalid directory id is rejected before any call', async () => {
    api = await start();
    expect(() => parseSettings(JSON.stringify(desired({ DirectoryId: 'dir-1' })))).toThrow(/Settings.DirectoryId must be a directory id/);
    expect(() => parseSettings(JSON.stringify(desired({ SubnetIds: ['subnet-0a'] })))).toThrow(/at least two subnets/);
    expect(() => parseSettings('{')).toThrow(/not valid JSON/);
  });

  test('delete deregisters a directory this resource registered', async () => {
    api = await start();
    await deploy(api, event('Create', desired()));
    const out = await onEvent(event('Delete', desired(), DIR), client(api), () => undefined);
    expect(out.PhysicalResourceId).toBe(DIR);
    expect(api.state.directories.get(DIR)!.State).toBe('DEREGISTERED');
    expect((await isComplete(event('Delete', desired(), DIR), client(api), () => undefined)).IsComplete).toBe(true);
  });

  test('delete never fails: with WorkSpaces left, the directory stays registered and the delete succeeds', async () => {
    api = await start({ directories: [DIR] });
    api.state.seedWorkspace({ DirectoryId: DIR, UserName: 'tanaka' });
    const logs: string[] = [];
    await expect(onEvent(event('Delete', desired(), DIR), client(api), (m) => logs.push(m))).resolves.toEqual({ PhysicalResourceId: DIR });
    expect(api.state.directories.get(DIR)!.State).toBe('REGISTERED');
    expect(logs.join('\n')).toMatch(/left registered, deregistration refused: .*InvalidResourceStateException/);
  });

  test('delete never fails even when the API is unavailable', async () => {
    api = await start({ directories: [DIR], faults: { seed: 1, serverErrorRate: 1 } });
    await expect(onEvent(event('Delete', desired(), DIR), client(api, 1), () => undefined)).resolves.toEqual({ PhysicalResourceId: DIR });
  });

  test('delete leaves a directory it did not register', async () => {
    api = await start({ directories: [DIR] });
    await onEvent(event('Delete', desired({ DeregisterOnDelete: false }), DIR), client(api), () => undefined);
    expect(api.state.directories.get(DIR)!.State).toBe('REGISTERED');
    expect(mutating(api)).toEqual([]);
  });

  test('delete of a replaced resource (old physical id) touches nothing', async () => {
    api = await start({ directories: [DIR] });
    await onEvent(event('Delete', desired(), 'd-9999999999'), client(api), () => undefined);
    expect(mutating(api)).toEqual([]);
  });
});

describe('the whole request: handle + respond to CloudFormation', () => {
  let api: RunningServer;
  afterEach(async () => api?.close());

  function full(type: CustomResourceEvent['RequestType'], settings: DirectorySettings, physicalId?: string): FullEvent {
    return { ...event(type, settings, physicalId), ResponseURL: 'http://127.0.0.1:1/unused', StackId: 'arn:aws:cloudformation:ap-northeast-1:111122223333:stack/telework/1', RequestId: 'req-1', LogicalResourceId: 'DirectorySettings' };
  }
  const options = { remainingMs: () => 60_000, pollIntervalMs: 1, sleep: async () => undefined };

  test('Create answers SUCCESS with the directory id and data', async () => {
    api = await start();
    const r = await handle(full('Create', desired()), client(api), () => undefined, options);
    expect(r).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: DIR, RequestId: 'req-1', LogicalResourceId: 'DirectorySettings', Data: { DirectoryId: DIR } });
  });

  test('a failure answers FAILED with the reason and a placeholder physical id', async () => {
    api = await start({ directories: [{ DirectoryId: DIR, State: 'ERROR' }] });
    const r = await handle(full('Create', desired()), client(api), () => undefined, options);
    expect(r.Status).toBe('FAILED');
    expect(r.Reason).toMatch(/d-1234567890 is ERROR/);
    expect(r.PhysicalResourceId).toBe(DIR);
  });

  test('running out of time while REGISTERING fails clearly instead of hanging', async () => {
    api = await start({ directories: [{ DirectoryId: DIR, State: 'REGISTERING' }] });
    const r = await handle(full('Update', desired(), DIR), client(api), () => undefined, { ...options, remainingMs: () => 0 });
    expect(r).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/did not finish registering in time/) });
  });

  test('Delete answers SUCCESS even when the API fails', async () => {
    api = await start({ directories: [DIR], faults: { seed: 2, serverErrorRate: 1 } });
    const r = await handle(full('Delete', desired(), DIR), client(api, 1), () => undefined, options);
    expect(r).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: DIR });
  });

  test('respond PUTs the JSON answer to the pre-signed URL', async () => {
    const received: Array<{ method?: string; body: string }> = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ method: req.method, body });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      await respond(`http://127.0.0.1:${port}/signed?X-Amz-Signature=abc`, { Status: 'SUCCESS', PhysicalResourceId: DIR, StackId: 's', RequestId: 'r', LogicalResourceId: 'l' });
      expect(received).toHaveLength(1);
      expect(received[0].method).toBe('PUT');
      expect(JSON.parse(received[0].body)).toEqual({ Status: 'SUCCESS', PhysicalResourceId: DIR, StackId: 's', RequestId: 'r', LogicalResourceId: 'l' });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('IP access groups (internet streaming)', () => {
  // The shared local server does not implement the IP-group operations; this file adds them, with the real
  // service's semantics, to its (per-test-file) operation table so the REAL SDK client is still exercised.
  beforeAll(() => {
    const dirOf = (state: any, id: string) => {
      const d = state.directories.get(id);
      if (!d || d.State === 'DEREGISTERED') throw new ApiError(400, 'ResourceNotFoundException', `The specified directory ${id} could not be found.`);
      return d;
    };
    OPERATIONS.AssociateIpGroups = (state, body) => {
      const d = dirOf(state, body.DirectoryId);
      for (const g of body.GroupIds as string[]) if (!d.ipGroupIds.includes(g)) d.ipGroupIds.push(g);
      return {};
    };
    OPERATIONS.DisassociateIpGroups = (state, body) => {
      const d = dirOf(state, body.DirectoryId);
      d.ipGroupIds = d.ipGroupIds.filter((g: string) => !(body.GroupIds as string[]).includes(g));
      return {};
    };
  });
  afterAll(() => {
    delete OPERATIONS.AssociateIpGroups;
    delete OPERATIONS.DisassociateIpGroups;
  });

  let api: RunningServer;
  afterEach(async () => api?.close());

  const internet = (groups: string[]) =>
    directorySettingsFromBaseline({ ...DEFAULT_HARDENING_OPTIONS, closedStreaming: false }, { DirectoryId: DIR, SubnetIds: ['subnet-0a', 'subnet-0b'], DeregisterOnDelete: false, IpGroupIds: groups });

  test('declared groups are associated, undeclared ones removed, and a second run changes nothing', async () => {
    api = await start({ directories: [{ DirectoryId: DIR, ipGroupIds: ['wsipg-stray'] }] });
    await deploy(api, event('Create', internet(['wsipg-telework'])));
    expect(api.state.directories.get(DIR)!.ipGroupIds).toEqual(['wsipg-telework']);
    expect(mutating(api)).toEqual(expect.arrayContaining(['AssociateIpGroups', 'DisassociateIpGroups']));
    api.log.length = 0;
    await deploy(api, event('Update', internet(['wsipg-telework']), DIR));
    expect(mutating(api)).toEqual([]);
  });
});

describe('comparison', () => {
  test('only differing fields are reported; unset members returned as null or [] equal absent ones', () => {
    const desired = { DeviceTypeWeb: 'DENY', AccessEndpointConfig: { AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: 'vpce-1' }] } };
    expect(
      differingFields(desired, { DeviceTypeWeb: 'DENY', AccessEndpointConfig: { AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: 'vpce-1' }], InternetFallbackProtocols: [] } }),
    ).toEqual([]);
    expect(differingFields(desired, { DeviceTypeWeb: 'ALLOW', AccessEndpointConfig: { AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: 'vpce-1' }], InternetFallbackProtocols: ['PCOIP'] } })).toEqual([
      'DeviceTypeWeb',
      'AccessEndpointConfig',
    ]);
    expect(differingFields(desired, undefined)).toEqual(['DeviceTypeWeb', 'AccessEndpointConfig']);
  });
});
