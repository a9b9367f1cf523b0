/**
 * The AD Connector custom resource against the local Directory Service / Secrets Manager server
 * (test/support/directory-service-api), driven by the REAL SDK clients over HTTP on 127.0.0.1.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { DirectoryServiceClient } from '@aws-sdk/client-directory-service';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startDirectoryService, type DirectoryServiceServerOptions, type RunningDirectoryService } from '../support/directory-service-api';
import { FastRetryStrategy } from '../support/workspaces-api';
import { handle, handler, parseProperties, type Clients, type FullEvent } from '../../lib/desktops/ad-connector/handler';

const SECRET = 'arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:lgwan-ad-connector-AbCdEf';
const PASSWORD = 'S3rvice-Account-Passw0rd!';
const MARKER = 'closed-telework/example-city-telework-lgwan/lgwan';

const PROPS = {
  DomainName: 'lgwan.example.lg.jp',
  ShortName: 'LGWAN',
  Size: 'Small',
  VpcId: 'vpc-0lgwan',
  SubnetIds: ['subnet-0dira', 'subnet-0dirc'],
  CustomerDnsIps: ['10.50.0.10', '10.50.0.11'],
  ServiceAccountSecretArn: SECRET,
  OwnerMarker: MARKER,
};

let api: RunningDirectoryService;
afterEach(async () => api?.close());

async function server(options: DirectoryServiceServerOptions = {}): Promise<RunningDirectoryService> {
  api = await startDirectoryService({ secrets: { [SECRET]: JSON.stringify({ username: 'svc-adconnector', password: PASSWORD }) }, ...options });
  return api;
}

function clients(s: RunningDirectoryService, maxAttempts = 5): Clients {
  const common = { endpoint: s.endpoint, region: 'ap-northeast-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  return {
    ds: new DirectoryServiceClient({ ...common, retryStrategy: new FastRetryStrategy(maxAttempts) }),
    secrets: new SecretsManagerClient({ ...common, retryStrategy: new FastRetryStrategy(maxAttempts) }),
  };
}

function event(type: FullEvent['RequestType'], props: Record<string, unknown> = PROPS, physicalId?: string, old?: Record<string, unknown>): FullEvent {
  return {
    RequestType: type,
    PhysicalResourceId: physicalId,
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:ap-northeast-1:111122223333:function:x', ...props },
    OldResourceProperties: old,
    ResponseURL: 'http://127.0.0.1:1/unused',
    StackId: 'arn:aws:cloudformation:ap-northeast-1:111122223333:stack/example-city-telework-lgwan/1',
    RequestId: 'req-1',
    LogicalResourceId: 'DirectoryConnector',
  };
}

async function run(ev: FullEvent, s: RunningDirectoryService, budgetPolls = 20) {
  const logs: string[] = [];
  let left = budgetPolls;
  const response = await handle(ev, clients(s), (m) => logs.push(m), { remainingMs: () => left * 10, pollIntervalMs: 10, sleep: async () => void left-- });
  return { response, logs };
}

describe('AD Connector custom resource (real SDK clients, local Directory Service server)', () => {
  test('create: reads the secret by ARN, connects on the two subnets, waits Requested → Creating → Active', async () => {
    const s = await server({ pollsPerStage: 2 });
    const { response, logs } = await run(event('Create'), s);
    expect(response.Status).toBe('SUCCESS');
    const [dir] = [...s.directories.values()];
    expect(response.PhysicalResourceId).toBe(dir.DirectoryId);
    expect(response.Data).toEqual({ DirectoryId: dir.DirectoryId });
    expect(dir).toMatchObject({
      Type: 'ADConnector', Stage: 'Active', Name: 'lgwan.example.lg.jp', ShortName: 'LGWAN', Size: 'Small', Description: MARKER,
      VpcId: 'vpc-0lgwan', SubnetIds: ['subnet-0dira', 'subnet-0dirc'], DnsIpAddrs: ['10.50.0.10', '10.50.0.11'], CustomerUserName: 'svc-adconnector',
    });
    expect(dir.receivedPassword).toBe(PASSWORD);
    expect(s.log.filter((o) => o === 'ConnectDirectory')).toHaveLength(1);
    expect(s.log).toContain('GetSecretValue');
    // The password never reaches the logs or the answer to CloudFormation.
    expect(JSON.stringify({ logs, response })).not.toContain(PASSWORD);
  });

  test('create adopts the connector an earlier attempt created instead of connecting a second one', async () => {
    const s = await server({
      directories: [
        // same domain, but someone else's (no marker): never adopted
        { DirectoryId: 'd-00000000aa', Name: PROPS.DomainName, Description: 'manual', Size: 'Small', Stage: 'Active', VpcId: PROPS.VpcId, SubnetIds: PROPS.SubnetIds, DnsIpAddrs: PROPS.CustomerDnsIps },
        { DirectoryId: 'd-00000000bb', Name: PROPS.DomainName, Description: MARKER, Size: 'Small', Stage: 'Creating', VpcId: PROPS.VpcId, SubnetIds: [...PROPS.SubnetIds].reverse(), DnsIpAddrs: PROPS.CustomerDnsIps },
      ],
    });
    const { response, logs } = await run(event('Create'), s);
    expect(response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'd-00000000bb', Data: { DirectoryId: 'd-00000000bb' } });
    expect(s.log).not.toContain('ConnectDirectory');
    expect(s.log).not.toContain('GetSecretValue');
    expect(logs.join('\n')).toMatch(/adopting/);
  });

  test('throttling and 500 ServiceException are retried by the SDK; the deployment succeeds', async () => {
    const s = await server({ faults: { DescribeDirectories: ['throttle', 'server-error', 'throttle'], ConnectDirectory: ['server-error'], GetSecretValue: ['throttle'] } });
    const { response } = await run(event('Create'), s);
    expect(response.Status).toBe('SUCCESS');
    expect(s.log.filter((o) => o === 'DescribeDirectories').length).toBeGreaterThan(3);
    // the 500 was answered before processing: exactly one connector exists
    expect([...s.directories.values()]).toHaveLength(1);
  });

  test('a ClientException is not retried and fails the deployment with the reason', async () => {
    const s = await server({ faults: { ConnectDirectory: ['client-error'] } });
    const { response } = await run(event('Create'), s);
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/ConnectDirectory .*ClientException/);
    expect(s.log.filter((o) => o === 'ConnectDirectory')).toHaveLength(1);
  });

  test('a connector ending in Failed → FAILED with the stage reason, physical id = the connector (rollback deletes it)', async () => {
    const s = await server({ failWith: 'The DNS IPs 10.50.0.10, 10.50.0.11 could not be reached on port 53' });
    const { response } = await run(event('Create'), s);
    const [dir] = [...s.directories.values()];
    expect(response).toMatchObject({ Status: 'FAILED', PhysicalResourceId: dir.DirectoryId });
    expect(response.Reason).toMatch(/is Failed: The DNS IPs .* port 53/);
  });

  test('a connector that never becomes Active → FAILED after the bounded wait', async () => {
    const s = await server({ stuck: true });
    const { response } = await run(event('Create'), s, 5);
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/did not become Active in time/);
    expect(s.log.filter((o) => o === 'DescribeDirectories').length).toBeLessThanOrEqual(8);
  });

  test('a missing or malformed secret fails with a reason naming the ARN, never the value', async () => {
    const s = await server({ secrets: { [SECRET]: 'just-a-password' } });
    const bad = await run(event('Create'), s);
    expect(bad.response.Status).toBe('FAILED');
    expect(bad.response.Reason).toContain(SECRET);
    expect(bad.response.Reason).not.toContain('just-a-password');
    const missing = await run(event('Create', { ...PROPS, ServiceAccountSecretArn: `${SECRET}x` }), s);
    expect(missing.response.Reason).toMatch(/GetSecretValue .*ResourceNotFoundException/);
    expect(s.log).not.toContain('ConnectDirectory');
  });

  test('update: unchanged properties keep the connector; a changed property creates a replacement (never re-adopts the old one)', async () => {
    const s = await server();
    const created = await run(event('Create'), s);
    const id = created.response.PhysicalResourceId;
    const same = await run(event('Update', PROPS, id, PROPS), s);
    expect(same.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });
    expect(s.log.filter((o) => o === 'ConnectDirectory')).toHaveLength(1);
    const changed = { ...PROPS, Size: 'Large' };
    const replaced = await run(event('Update', changed, id, PROPS), s);
    expect(replaced.response.Status).toBe('SUCCESS');
    expect(replaced.response.PhysicalResourceId).not.toBe(id);
    expect(s.directories.get(replaced.response.PhysicalResourceId)!.Size).toBe('Large');
    // the same domain and subnets with a new DNS IP list also replaces: the old connector is excluded from adoption
    const dns = await run(event('Update', { ...changed, CustomerDnsIps: ['10.50.0.12', '10.50.0.13'] }, replaced.response.PhysicalResourceId, changed), s);
    expect(new Set([id, replaced.response.PhysicalResourceId, dns.response.PhysicalResourceId]).size).toBe(3);
  });

  test('delete removes the connector this resource created', async () => {
    const s = await server();
    const { response } = await run(event('Create'), s);
    const del = await run(event('Delete', PROPS, response.PhysicalResourceId), s);
    expect(del.response.Status).toBe('SUCCESS');
    expect(del.response.Reason).toMatch(/deleted/);
    expect(s.directories.get(response.PhysicalResourceId)!.Stage).toBe('Deleted');
  });

  test('delete leaves a foreign directory alone: no marker, another marker, or not an AD Connector', async () => {
    const s = await server({
      directories: [
        { DirectoryId: 'd-00000000aa', Description: 'created by hand' },
        { DirectoryId: 'd-00000000bb', Description: 'closed-telework/other-stack/lgwan' },
        { DirectoryId: 'd-00000000cc', Description: MARKER, Type: 'MicrosoftAD' },
      ],
    });
    for (const id of ['d-00000000aa', 'd-00000000bb', 'd-00000000cc']) {
      const { response } = await run(event('Delete', PROPS, id), s);
      expect(response.Status).toBe('SUCCESS');
      expect(response.Reason).toMatch(/not created by this resource/);
    }
    expect(s.log).not.toContain('DeleteDirectory');
  });

  test('delete never fails: failed-create placeholder, unknown directory, refused delete, API down', async () => {
    const s = await server({ directories: [{ DirectoryId: 'd-00000000dd', Description: MARKER }], faults: { DeleteDirectory: ['client-error'] } });
    const placeholder = await run(event('Delete', PROPS, 'failed-req-1'), s);
    expect(placeholder.response).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'failed-req-1' });
    const unknown = await run(event('Delete', PROPS, 'd-0000000999'), s);
    expect(unknown.response.Status).toBe('SUCCESS');
    expect(unknown.response.Reason).toMatch(/already gone/);
    const refused = await run(event('Delete', PROPS, 'd-00000000dd'), s);
    expect(refused.response.Status).toBe('SUCCESS');
    expect(refused.response.Reason).toMatch(/left in place, delete refused: .*ClientException/);
    await s.close();
    const down = await run(event('Delete', PROPS, 'd-00000000dd'), s);
    expect(down.response.Status).toBe('SUCCESS');
    expect(down.response.Reason).toMatch(/left in place/);
  });

  test('malformed properties fail the create with the field named', async () => {
    const s = await server();
    expect(() => parseProperties({ ...PROPS, SubnetIds: ['subnet-0dira'] })).toThrow(/SubnetIds must list at least 2/);
    const { response } = await run(event('Create', { ...PROPS, ServiceAccountSecretArn: 'my-secret' }), s);
    expect(response.Status).toBe('FAILED');
    expect(response.Reason).toMatch(/ServiceAccountSecretArn must be a Secrets Manager ARN/);
  });

  test('the Lambda entry point PUTs the answer to the pre-signed URL', async () => {
    const s = await server();
    const received: string[] = [];
    const cfn = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'));
        res.end();
      });
    });
    await new Promise<void>((r) => cfn.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(cfn.address() as AddressInfo).port}/response`;
      // Delete of a placeholder needs no AWS call: the entry point's own clients are never used.
      await handler({ ...event('Delete', PROPS, 'failed-req-1'), ResponseURL: url }, { getRemainingTimeInMillis: () => 60_000 });
      expect(JSON.parse(received[0])).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'failed-req-1', LogicalResourceId: 'DirectoryConnector' });
    } finally {
      await new Promise<void>((r) => cfn.close(() => r()));
      void s;
    }
  });
});
