/**
 * The pack over the real engine: a crossing introduced into a good three-tier app in each of three ways
 * fails synth with a fatal violation that carries its witness path; acknowledging it is refused; the good
 * app passes; the reviewer's report of a broken app shows the matrix and the findings in both languages.
 * One synth per app (four apps), all in beforeAll.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NestedStack, Stack, Validations, type App } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ThreeTierSeparationChecks } from '../../lib/nag/three-tier-separation-checks';
import { peeringRoutes, TIER_CIDRS, tierApp, type TierNetworkStack } from './support/tier-app';

jest.setTimeout(300_000);

interface Violation {
  ruleName: string;
  severity: string;
  description: string;
  ruleMetadata?: Record<string, string>;
  violatingConstructs: { constructPath: string }[];
}
interface Outcome {
  thrown?: Error;
  violations: Violation[];
  suppressed: { ruleName: string }[];
  reportDir: string;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-engine-'));

function synth(name: string, mutate: (app: App, network: TierNetworkStack) => void): Outcome {
  const { app, network } = tierApp(path.join(tmp, name, 'cdk.out'), { sameTierPeering: true });
  const reportDir = path.join(tmp, name, 'reports');
  Validations.of(app).addPlugins(new ThreeTierSeparationChecks({ reportDir, now: () => new Date('2026-11-21T09:00:00Z') }));
  mutate(app, network);
  let thrown: Error | undefined;
  try {
    app.synth();
  } catch (err) {
    thrown = err as Error;
  }
  const json = JSON.parse(fs.readFileSync(path.join(tmp, name, 'cdk.out', 'validation-report.json'), 'utf8')) as {
    pluginReports: { pluginName: string; violations: Violation[]; suppressedViolations?: { ruleName: string }[] }[];
  };
  const ours = json.pluginReports.find((r) => r.pluginName === 'ThreeTierSeparation');
  return { ...(thrown ? { thrown } : {}), violations: ours?.violations ?? [], suppressed: ours?.suppressedViolations ?? [], reportDir };
}

const ENV = { account: '111111111111', region: 'ap-northeast-1' };
let good: Outcome;
let override: Outcome;
let secondStack: Outcome;
let nested: Outcome;

beforeAll(() => {
  good = synth('good', () => undefined);
  // 1. Escape hatch: the same-tier peering is retargeted at the internet tier by a property override,
  //    and someone tries to acknowledge the result.
  override = synth('override', (_app, network) => {
    network.lgwanShared!.peering.addPropertyOverride('PeerVpcId', network.vpcs.internet.vpcId);
    Validations.of(network.lgwanShared!.peering).acknowledge({ id: 'ThreeTierSeparation::TIER-JOIN-PEERING', reason: 'temporary, until the sanitiser is live' });
  });
  // 2. A construct added in a second stack: peering LGWAN ↔ internet with routes on both sides, and a
  //    security group in the internet tier that lets the LGWAN tier in (so nothing blocks that direction).
  secondStack = synth('second', (app, network) => {
    const shortcut = new Stack(app, 'Shortcut', { env: ENV });
    const open = new ec2.SecurityGroup(shortcut, 'OpenToLgwan', { vpc: network.vpcs.internet, allowAllOutbound: true });
    open.addIngressRule(ec2.Peer.ipv4(TIER_CIDRS.lgwan), ec2.Port.tcp(443), 'the mistake under test');
    const pcx = new ec2.CfnVPCPeeringConnection(shortcut, 'Peering', { vpcId: network.vpcs.lgwan.vpcId, peerVpcId: network.vpcs.internet.vpcId });
    peeringRoutes(shortcut, 'ToInternet', network.vpcs.lgwan, TIER_CIDRS.internet, pcx);
    peeringRoutes(shortcut, 'ToLgwan', network.vpcs.internet, TIER_CIDRS.lgwan, pcx);
  });
  // 3. A resource in a nested stack: peering LGWAN ↔ personal-number.
  nested = synth('nested', (_app, network) => {
    const links = new NestedStack(network, 'Links');
    const pcx = new ec2.CfnVPCPeeringConnection(links, 'Peering', { vpcId: network.vpcs.lgwan.vpcId, peerVpcId: network.vpcs['personal-number'].vpcId });
    peeringRoutes(links, 'ToPn', network.vpcs.lgwan, TIER_CIDRS['personal-number'], pcx);
    peeringRoutes(links, 'ToLgwan', network.vpcs['personal-number'], TIER_CIDRS.lgwan, pcx);
  });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const rules = (o: Outcome): string[] => [...new Set(o.violations.map((v) => `${v.severity} ${v.ruleName}`))].sort();

describe('the good app', () => {
  it('synthesises with no tier violation, and its report passes in both languages', () => {
    expect(good.thrown).toBeUndefined();
    expect(good.violations).toEqual([]);
    expect(fs.readFileSync(path.join(good.reportDir, 'tier-separation.en.md'), 'utf8')).toContain('**PASS:');
    expect(fs.readFileSync(path.join(good.reportDir, 'tier-separation.ja.md'), 'utf8')).toContain('**適合：');
    expect(fs.readFileSync(path.join(good.reportDir, 'tier-separation.junit.xml'), 'utf8')).toContain('tests="90" failures="0"');
  });
});

describe('a crossing introduced by an escape-hatch property override', () => {
  it('fails synth with a fatal violation on the overridden peering', () => {
    expect(override.thrown?.message).toContain('ThreeTierSeparation');
    const join = override.violations.find((v) => v.ruleName === 'TIER-JOIN-PEERING');
    expect(join?.severity).toBe('fatal');
    expect(join?.violatingConstructs.map((c) => c.constructPath)).toContain('CityNetwork/LgwanSharedPeering');
  });

  it('refuses the acknowledgement: nothing is suppressed and the attempt is itself fatal', () => {
    expect(override.suppressed).toEqual([]);
    const refused = override.violations.find((v) => v.ruleName === 'TIER-ACK-REFUSED');
    expect(refused?.severity).toBe('fatal');
    expect(refused?.description).toContain('ThreeTierSeparation::TIER-JOIN-PEERING at CityNetwork/LgwanSharedPeering is refused');
    const md = fs.readFileSync(path.join(override.reportDir, 'tier-separation.en.md'), 'utf8');
    expect(md).toContain('| ThreeTierSeparation | `TIER-JOIN-PEERING` | **REFUSED: tier crossings cannot be acknowledged** — temporary, until the sanitiser is live | `CityNetwork/LgwanSharedPeering` |');
  });
});

describe('a crossing introduced by a construct in a second stack', () => {
  it('fails synth with a fatal crossing and its witness path through the second stack', () => {
    expect(secondStack.thrown).toBeDefined();
    // LGWAN → internet is open; internet → LGWAN is still blocked by security groups (the engine rates it a
    // warning, and the description says so), yet every crossing is fatal: the CDK offers to acknowledge any
    // violation that is not, and a crossing must never be presented as something to acknowledge.
    expect(rules(secondStack)).toEqual(['fatal TIER-CROSSING', 'fatal TIER-JOIN-PEERING']);
    expect(secondStack.violations.filter((v) => v.ruleName === 'TIER-CROSSING')).toHaveLength(2);
    expect(secondStack.violations.find((v) => v.description.startsWith('Internet tier'))?.description).toContain('blocked only by');
    const lgwanToInternet = secondStack.violations.find((v) => v.ruleName === 'TIER-CROSSING' && v.description.startsWith('LGWAN tier'));
    expect(lgwanToInternet?.description).toMatch(/Witness path:\n {2}1\. entry — .*\[CityNetwork\/LgwanVpc\/WorkSubnet1\/Subnet \(AWS::EC2::Subnet\)\]/);
    expect(lgwanToInternet?.description).toMatch(/route table — .*→ peering .*\[Shortcut\/ToInternet0 \(AWS::EC2::Route\)\]/);
    expect(lgwanToInternet?.description).toMatch(/peering — .*\[Shortcut\/Peering \(AWS::EC2::VPCPeeringConnection\)\]/);
    expect(lgwanToInternet?.ruleMetadata?.witnessPath).toContain('Shortcut/Peering');
    expect(lgwanToInternet?.description.split('\n')[0]).toContain('LGWAN tier: CityNetwork/LgwanVpc/WorkSubnet1/Subnet (AWS::EC2::Subnet) → Internet tier: CityNetwork/InternetVpc/WorkSubnet1/Subnet');
  });

  it('renders the matrix and the findings of the broken app in English', () => {
    const md = fs.readFileSync(path.join(secondStack.reportDir, 'tier-separation.en.md'), 'utf8');
    expect(md).toContain('**FAIL:');
    const lgwanRow = md.split('\n').find((l) => l.startsWith('| **LGWAN tier** |'));
    expect(lgwanRow?.split(' | ')[1]).toBe('✖ FORBIDDEN');
    expect(lgwanRow?.split(' | ')[3]).toBe('✔ isolated');
    expect(md).toContain('- **LGWAN tier → Internet tier**: ✖ FORBIDDEN');
    expect(md).toMatch(/### #\d+ \[error\] LGWAN tier reaches Internet tier/);
    expect(md).toMatch(/### #\d+ \[warning\] Internet tier reaches LGWAN tier \(routes connect; blocked only by /);
    expect(md).toMatch(/\d\. peering — .* \[Shortcut\/Peering \(AWS::EC2::VPCPeeringConnection\)\]/);
  });

  it('renders the same matrix and findings in Japanese', () => {
    const md = fs.readFileSync(path.join(secondStack.reportDir, 'tier-separation.ja.md'), 'utf8');
    expect(md).toContain('**不適合：');
    const lgwanRow = md.split('\n').find((l) => l.startsWith('| **LGWAN接続系** |'));
    expect(lgwanRow?.split(' | ')[1]).toBe('✖ 禁止経路');
    expect(lgwanRow?.split(' | ')[3]).toBe('✔ 分離');
    expect(md).toContain('- **LGWAN接続系 → インターネット接続系**：✖ 禁止経路');
    expect(md).toMatch(/### #\d+ \[重大な指摘\] LGWAN接続系からインターネット接続系への経路/);
    expect(md).toMatch(/### #\d+ \[注意事項\] インターネット接続系からLGWAN接続系への経路（経路あり・/);
    expect(md).toMatch(/\d\. VPC ピアリング — .* \[Shortcut\/Peering \(AWS::EC2::VPCPeeringConnection\)\]/);
    const sarif = JSON.parse(fs.readFileSync(path.join(secondStack.reportDir, 'tier-separation.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(['TIER-CROSSING', 'TIER-JOIN-PEERING']));
    const svg = fs.readFileSync(path.join(secondStack.reportDir, 'tier-separation.ja.svg'), 'utf8');
    expect(svg).toContain('class="reach violation" data-from="tier:lgwan" data-to="tier:internet"');
  });
});

describe('a crossing introduced by a resource in a nested stack', () => {
  it('fails synth with a fatal join and crossing paths that name the nested stack\'s constructs', () => {
    expect(nested.thrown).toBeDefined();
    expect(rules(nested)).toEqual(['fatal TIER-CROSSING', 'fatal TIER-JOIN-PEERING']);
    const crossing = nested.violations.find((v) => v.ruleName === 'TIER-CROSSING' && v.description.startsWith('LGWAN tier'));
    expect(crossing?.description).toContain('reaches Personal-number tier');
    expect(crossing?.description).toContain('[CityNetwork/Links/Peering (AWS::EC2::VPCPeeringConnection)]');
    expect(crossing?.description).toContain('[CityNetwork/Links/ToPn0 (AWS::EC2::Route)]');
  });
});
