/**
 * Real public templates (test/fixtures/public, origin and licence in its README), run the way a reviewer
 * runs them: as-is, then tagged into tiers, with the verdict a correct verifier must give. The widdix
 * templates are the AWS docs' cross-stack pattern (exports named `${AWS::StackName}-X`, imports through a
 * `ParentVPCStack` parameter), verified unedited with `--stack NAME=FILE` and `--parameters FILE`.
 * Also: `--format json` on exit 2, a run with no network resource, and no `--policy`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../lib/cli/main';
import { parseTemplateText } from '../../lib/model/load';

const PUBLIC = path.join(__dirname, '..', 'fixtures', 'public');
const W = (f: string): string => path.join(PUBLIC, 'widdix', f);
let dir: string;

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    const code = await main(['node', 'closed-telework', 'verify', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const rulesOf = (stdout: string): string[] => [...new Set((JSON.parse(stdout).findings as Array<{ rule: string }>).map((f) => f.rule))].sort();

/** The public template with `mic:tier` = tier added to its VPCs (what a municipality's vendor would add), as JSON in the temp dir. */
function tagged(file: string, tier: string): string {
  const t = parseTemplateText(fs.readFileSync(file, 'utf8'), file);
  for (const r of Object.values(t.Resources)) {
    if (r.Type !== 'AWS::EC2::VPC') continue;
    const props = (r.Properties ??= {});
    props.Tags = [...((props.Tags as unknown[]) ?? []), { Key: 'mic:tier', Value: tier }];
  }
  const out = path.join(dir, `${tier}-${path.basename(file).replace(/\.ya?ml$/, '.json')}`);
  fs.writeFileSync(out, JSON.stringify(t));
  return out;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-public-'));
  fs.writeFileSync(path.join(dir, 'nat.json'), JSON.stringify([{ ParameterKey: 'ParentVPCStack', ParameterValue: 'vpc' }, { ParameterKey: 'SubnetZone', ParameterValue: 'A' }]));
  fs.writeFileSync(path.join(dir, 'parent.json'), JSON.stringify({ Parameters: { ParentVPCStack: 'vpc' } }));
  fs.writeFileSync(path.join(dir, 'bucket.json'), JSON.stringify({ Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: {} } } }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('widdix/aws-cf-templates (Apache-2.0): VPC, NAT gateway, S3 endpoint and SSH bastion stacks', () => {
  const stacks = (vpcFile: string): string[] => [
    '--stack', `vpc=${vpcFile}`, '--stack', `nat=${W('vpc-nat-gateway.yaml')}`, '--stack', `s3=${W('vpc-endpoint-s3.yaml')}`, '--stack', `bastion=${W('vpc-ssh-bastion.yaml')}`,
    '--parameters', `nat=${path.join(dir, 'nat.json')}`, '--parameters', `s3=${path.join(dir, 'parent.json')}`, '--parameters', `bastion=${path.join(dir, 'parent.json')}`,
  ];
  test('as-is: no crash, no exit 2; the untagged VPC is the one finding', async () => {
    const r = await cli('--format', 'json', ...stacks(W('vpc-2azs.yaml')));
    expect(r.code).toBe(1);
    expect(rulesOf(r.stdout)).toEqual(['UNTAGGED-VPC']);
  });
  test('without stack names the cross-stack imports cannot be matched: UNRESOLVED-VALUE, not a silent pass', async () => {
    const r = await cli('--format', 'json', W('vpc-2azs.yaml'), W('vpc-nat-gateway.yaml'));
    expect(r.code).toBe(1);
    expect(rulesOf(r.stdout)).toEqual(['UNRESOLVED-VALUE', 'UNTAGGED-VPC']);
  });
  test('tagged internet tier: the exports of ${AWS::StackName} resolve and the design passes', async () => {
    const r = await cli('--format', 'json', ...stacks(tagged(W('vpc-2azs.yaml'), 'internet')));
    expect({ code: r.code, rules: rulesOf(r.stdout) }).toEqual({ code: 0, rules: [] });
    const doc = JSON.parse(r.stdout);
    expect(doc.sources.map((s: { stack: string }) => s.stack).sort()).toEqual(['bastion', 'nat', 's3', 'vpc']);
  });
  test('tagged LGWAN tier: an internet gateway and a bastion open to the internet are CLOSED-TIER-INTERNET', async () => {
    const r = await cli('--format', 'json', ...stacks(tagged(W('vpc-2azs.yaml'), 'lgwan')));
    expect(r.code).toBe(1);
    expect(rulesOf(r.stdout)).toEqual(['CLOSED-TIER-INTERNET']);
  });
  test('a parameter value outside AllowedValues is refused as CloudFormation would (exit 2, JSON error document)', async () => {
    fs.writeFileSync(path.join(dir, 'zone-e.json'), JSON.stringify(['ParentVPCStack=vpc', 'SubnetZone=E']));
    const r = await cli('--format', 'json', '--stack', `vpc=${W('vpc-2azs.yaml')}`, '--stack', `nat=${W('vpc-nat-gateway.yaml')}`, '--parameters', `nat=${path.join(dir, 'zone-e.json')}`);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { where: expect.stringMatching(/zone-e\.json$/), what: expect.stringMatching(/SubnetZone="E" is not one of its AllowedValues/) }, exitCode: 2 });
    expect(r.stderr).toMatch(/SubnetZone="E"/);
  });
});

describe('aws-cloudformation/aws-cloudformation-templates (Apache-2.0): VPC with managed NAT and a private subnet', () => {
  const file = path.join(PUBLIC, 'aws-cloudformation-templates', 'VPC_With_Managed_NAT_And_Private_Subnet.yaml');
  test('as-is: UNTAGGED-VPC only', async () => {
    const r = await cli('--format', 'json', file);
    expect(rulesOf(r.stdout)).toEqual(['UNTAGGED-VPC']);
  });
  test('tagged internet: passes; tagged personal-number: CLOSED-TIER-INTERNET', async () => {
    expect(rulesOf((await cli('--format', 'json', tagged(file, 'internet'))).stdout)).toEqual([]);
    expect(rulesOf((await cli('--format', 'json', tagged(file, 'personal-number'))).stdout)).toEqual(['CLOSED-TIER-INTERNET']);
  });
});

describe('what verify says about its own input', () => {
  test('--format json prints a JSON document with the error on exit 2', async () => {
    const r = await cli('--format', 'json', path.join(dir, 'missing.json'));
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ formatVersion: 1, exitCode: 2, error: { where: expect.stringMatching(/missing\.json$/), what: expect.stringMatching(/no such file/) } });
  });
  test('a run with no network resource says so instead of confirming separation', async () => {
    const r = await cli(path.join(dir, 'bucket.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^NOTHING TO VERIFY/m);
    expect(r.stdout).not.toMatch(/三層分離を確認しました/);
    const j = JSON.parse((await cli('--format', 'json', path.join(dir, 'bucket.json'))).stdout);
    expect(j).toMatchObject({ networkResources: 0, note: expect.stringMatching(/NOTHING TO VERIFY/) });
  });
  test('without --policy the output says the on-premises networks come from the templates, and from which routes', async () => {
    const city = path.join(dir, 'city.json');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    fs.writeFileSync(city, JSON.stringify((require('../fixtures/city') as typeof import('../fixtures/city')).buildCity()));
    const r = await cli(city);
    expect(r.stdout).toMatch(/^No --policy given: the on-premises networks are taken from the templates/);
    // Routes are named with their stack: two stacks may hold the same logical id.
    expect(r.stdout).toMatch(/^ {2}lgwan: 172\.16\.20\.0\/22 \(routes city\/RtLgwanOnPrem\)$/m);
    const withPolicy = await cli('--policy', path.join(__dirname, '..', '..', 'policies', 'tier-policy.yaml'), city);
    expect(withPolicy.stdout).not.toMatch(/No --policy/);
    expect(JSON.parse((await cli('--format', 'json', city)).stdout).policy).toMatchObject({ source: 'derived-from-templates' });
  });
});
