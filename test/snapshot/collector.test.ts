/**
 * The collector (`closed-telework snapshot`) against a local AWS: EC2 Query (XML) answers built from the
 * SDK's own schema, Network Firewall JSON 1.0, and the existing local WorkSpaces / Directory Service
 * servers — with small pages, a transit gateway route search that hits its limit, throttling and 5xx.
 * What it writes must be what the AWS CLI writes (the derived snapshot it served from), and verify the same.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { asLoaded, buildCity } from '../fixtures/city';
import { cli, SnapshotDir } from './helpers';
import { startAwsLoopback, type RunningAwsLoopback } from '../support/ec2-api';
import { start as startWorkspaces, type RunningServer, FastRetryStrategy } from '../support/workspaces-api';
import { startDirectoryService, type RunningDirectoryService } from '../support/directory-service-api';
import { collectSnapshot } from '../../lib/snapshot/collect/collect-snapshot';
import { readSnapshot } from '../../lib/snapshot/read-snapshot';
import type { Json } from '../support/snapshot-from-templates';

const A = '111111111111';
const B = '222222222222';
const REGION = 'ap-northeast-1';
let source: SnapshotDir;
let work: string;
let aws: RunningAwsLoopback;
let workspaces: RunningServer;
let ds: RunningDirectoryService;
const saved = { ...process.env };

beforeAll(async () => {
  source = new SnapshotDir([asLoaded('CityA', buildCity())], { account: A, accountFolder: true });
  const b = new SnapshotDir([asLoaded('CityB', buildCity({ index: 9, prefix: 'B' }))], { account: B, accountFolder: true });
  fs.cpSync(b.folder(B), source.folder(B), { recursive: true });
  b.remove();
  const adA = (source.read('directories.json', A).DirectoryDescriptions as Json[])[0];
  const settings = adA.VpcSettings as Json;
  workspaces = await startWorkspaces({ directories: [{ DirectoryId: String(adA.DirectoryId), SubnetIds: settings.SubnetIds as string[], State: 'REGISTERED' }] });
  ds = await startDirectoryService({
    directories: [{ DirectoryId: String(adA.DirectoryId), Type: 'MicrosoftAD', Stage: 'Active', VpcId: String(settings.VpcId), SubnetIds: settings.SubnetIds as string[] }],
    pageSize: 1, faults: { DescribeDirectories: ['throttle', 'server-error'] },
  });
  aws = await startAwsLoopback({
    snapshot: source.root, accounts: { AKIDACCOUNTA: A, AKIDACCOUNTB: B }, pageSize: 2, routeLimit: 2,
    faults: { DescribeRouteTables: ['throttle', 'server-error'], SearchTransitGatewayRoutes: ['throttle'], ListFirewalls: ['throttle'] },
    workspacesEndpoint: workspaces.endpoint, directoryServiceEndpoint: ds.endpoint,
  });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-collect-'));
  fs.writeFileSync(path.join(work, 'credentials'), `[city-a]\naws_access_key_id = AKIDACCOUNTA\naws_secret_access_key = x\n\n[city-b]\naws_access_key_id = AKIDACCOUNTB\naws_secret_access_key = x\n`);
  fs.writeFileSync(path.join(work, 'config'), `[profile city-a]\nregion = ${REGION}\n\n[profile city-b]\nregion = ${REGION}\n`);
  Object.assign(process.env, { AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'credentials'), AWS_CONFIG_FILE: path.join(work, 'config'), AWS_EC2_METADATA_DISABLED: 'true' });
  for (const k of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE', 'AWS_REGION']) delete process.env[k];
}, 60_000);

afterAll(async () => {
  process.env = saved;
  await aws?.close();
  await workspaces?.close();
  await ds?.close();
  source?.remove();
  fs.rmSync(work, { recursive: true, force: true });
});

/** Item lists of every EC2 / Network Firewall output, as written, for comparison. */
function outputs(root: string, account: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const r = readSnapshot(root).regions.find((x) => x.account === account)!;
  // Load balancers and Direct Connect are optional outputs the collector does not gather (docs/post-deploy.md).
  for (const [kind, l] of r.listings) if (!['WorkspaceDirectories', 'Workspaces', 'DirectoryDescriptions', 'LoadBalancers', 'DirectConnectGatewayAssociations'].includes(kind)) out.set(kind, l.items);
  for (const [kind, m] of r.perId) for (const [id, f] of m) out.set(`${kind} ${id}`, kind === 'TgwRoutes' ? sortRoutes(f.body.Routes as Json[]) : f.body);
  return out;
}

function sortRoutes(routes: Json[]): Json[] {
  return [...routes].sort((a, b) => `${String(a.DestinationCidrBlock)}${String(a.Type)}`.localeCompare(`${String(b.DestinationCidrBlock)}${String(b.Type)}`));
}

describe('closed-telework snapshot', () => {
  it('collects two accounts (two profiles) page by page, through throttling and 5xx, into what the AWS CLI writes', async () => {
    const out = path.join(work, 'snap-cli');
    const r = await cli('snapshot', '--out', out, '--profile', 'city-a', '--profile', 'city-b', '--region', REGION, '--endpoint-url', aws.endpoint);
    expect(r.stderr).toContain(`city-a ${REGION}: DescribeRouteTables`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`aws_configs/${A}/${REGION}, aws_configs/${B}/${REGION}`);
    for (const account of [A, B]) {
      const want = outputs(source.root, account);
      const got = outputs(out, account);
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [k, v] of want) expect({ [k]: got.get(k) }).toEqual({ [k]: JSON.parse(JSON.stringify(v)) });
    }
    // Pages followed, faults retried, the route search split until complete.
    expect(aws.log.filter((l) => l === `${A} ${REGION} DescribeRouteTables`).length).toBeGreaterThan(3);
    expect(aws.log.filter((l) => l.endsWith('SearchTransitGatewayRoutes')).length).toBeGreaterThan(6);
    // WorkSpaces and Directory Service through the existing local servers, Directory Service paged and faulted.
    const dirs = JSON.parse(fs.readFileSync(path.join(out, 'aws_configs', A, REGION, 'workspaces-directories.json'), 'utf8')) as { Directories: Json[] };
    expect(dirs.Directories.map((d) => d.DirectoryId)).toHaveLength(1);
    expect(ds.log.filter((l) => l === 'DescribeDirectories').length).toBeGreaterThanOrEqual(4);

    // The same verdict as the outputs it was served from (city B routes ranges the default policy does not declare).
    const rules = (json: string): string[] => (JSON.parse(json) as { findings: Array<{ rule: string; resource?: { logicalId: string } }> }).findings.map((f) => `${f.rule} ${f.resource?.logicalId}`).sort();
    const collected = await cli('verify', '--format', 'json', '--snapshot', out);
    const served = await cli('verify', '--format', 'json', '--snapshot', source.root);
    expect(collected.stderr).toBe('');
    expect(rules(collected.stdout)).toEqual(rules(served.stdout));
    expect(rules(collected.stdout).every((r) => r.startsWith('UNDECLARED-ONPREM-ROUTE'))).toBe(true);
  }, 120_000);

  it('refuses to write into a folder that already holds files (a snapshot never mixes two moments)', async () => {
    const out = path.join(work, 'not-empty');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'old.json'), '{}');
    const r = await cli('snapshot', '--out', out, '--profile', 'city-a', '--region', REGION, '--endpoint-url', aws.endpoint);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists and is not an empty folder');
  });

  it('a call the identity may not make stops the run, names the IAM action, and writes nothing', async () => {
    const failing = await startAwsLoopback({
      snapshot: source.root, accounts: { AKIDACCOUNTA: A }, faults: { DescribeTransitGatewayRouteTables: ['denied'] },
      workspacesEndpoint: workspaces.endpoint, directoryServiceEndpoint: ds.endpoint,
    });
    try {
      const out = path.join(work, 'denied');
      const r = await cli('snapshot', '--out', out, '--profile', 'city-a', '--region', REGION, '--endpoint-url', failing.endpoint);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('DescribeTransitGatewayRouteTables failed — UnauthorizedOperation');
      expect(r.stderr).toContain('ec2:DescribeTransitGatewayRouteTables');
      expect(fs.existsSync(out)).toBe(false);
      expect(fs.readdirSync(work).filter((f) => f.startsWith('denied'))).toEqual([]);
    } finally {
      await failing.close();
    }
  });

  it('rides out a burst of throttling with the SDK retry strategy (fast in tests)', async () => {
    const busy = await startAwsLoopback({
      snapshot: source.root, accounts: { AKIDACCOUNTA: A }, pageSize: 1,
      faults: Object.fromEntries(['DescribeVpcs', 'DescribeSubnets', 'DescribeNetworkAcls', 'DescribeSecurityGroups', 'DescribeNetworkInterfaces'].map((op) => [op, ['throttle', 'throttle', 'server-error', 'throttle']])),
      workspacesEndpoint: workspaces.endpoint, directoryServiceEndpoint: ds.endpoint,
    });
    try {
      const out = path.join(work, 'busy');
      const lines: string[] = [];
      const r = await collectSnapshot({ out, targets: [{ profile: 'city-a', region: REGION }], endpointUrl: busy.endpoint, retryStrategy: new FastRetryStrategy(8, 1), progress: (l) => lines.push(l) });
      expect(r.folders).toEqual([`aws_configs/${A}/${REGION}`]);
      expect(busy.log.filter((l) => l.endsWith(' DescribeVpcs')).length).toBeGreaterThanOrEqual(4 + 3);
      expect(lines.some((l) => l.includes('DescribeNetworkInterfaces'))).toBe(true);
      expect(outputs(out, A).get('Vpcs')).toEqual(JSON.parse(JSON.stringify(outputs(source.root, A).get('Vpcs'))));
    } finally {
      await busy.close();
    }
  });
});
