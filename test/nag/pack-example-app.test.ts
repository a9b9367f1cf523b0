/**
 * The project's example app (example-city: three tier networks, LGWAN telework, audit) with the tier pack:
 * a crossing introduced in each of three ways fails synth with a fatal violation that cannot be
 * acknowledged. (The good example app passing every pack, this one included, is
 * test/stages/policy-packs.test.ts, which synthesises bin/app.ts.)
 * One synth per broken app, in beforeAll.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CustomResource, NestedStack, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import { loadEmbeddedConfig } from '../../lib/config';
import { ThreeTierSeparationChecks } from '../../lib/nag/three-tier-separation-checks';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';

jest.setTimeout(300_000);

interface Violation {
  ruleName: string;
  severity: string;
  description: string;
  violatingConstructs: { constructPath: string }[];
}
interface Outcome {
  thrown?: Error;
  violations: Violation[];
  suppressed: { ruleName: string }[];
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-example-'));

function synth(name: string, mutate: (stage: MunicipalityStage) => void): Outcome {
  const outdir = path.join(tmp, name);
  const app = new App({ outdir });
  Validations.of(app).addPlugins(new ThreeTierSeparationChecks({ reportDir: false }));
  const config = loadEmbeddedConfig('example-city');
  mutate(new MunicipalityStage(app, config.name, { config }));
  let thrown: Error | undefined;
  try {
    app.synth();
  } catch (err) {
    thrown = err as Error;
  }
  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as {
    pluginReports: { pluginName: string; violations: Violation[]; suppressedViolations?: { ruleName: string }[] }[];
  };
  const ours = json.pluginReports.find((r) => r.pluginName === 'ThreeTierSeparation');
  return { ...(thrown ? { thrown } : {}), violations: ours?.violations ?? [], suppressed: ours?.suppressedViolations ?? [] };
}

/** A peering between two tier VPCs with routes on both sides, in `scope` (a second stack or a nested stack). */
function peer(scope: Construct, a: ec2.IVpc, aCidr: string, b: ec2.IVpc, bCidr: string): void {
  const pcx = new ec2.CfnVPCPeeringConnection(scope, 'Peering', { vpcId: a.vpcId, peerVpcId: b.vpcId });
  a.isolatedSubnets.forEach((s, i) => new ec2.CfnRoute(scope, `Out${i}`, { routeTableId: s.routeTable.routeTableId, destinationCidrBlock: bCidr, vpcPeeringConnectionId: pcx.ref }));
  b.isolatedSubnets.forEach((s, i) => new ec2.CfnRoute(scope, `Back${i}`, { routeTableId: s.routeTable.routeTableId, destinationCidrBlock: aCidr, vpcPeeringConnectionId: pcx.ref }));
}

let override: Outcome;
let secondStack: Outcome;
let nested: Outcome;

beforeAll(() => {
  // 1. Escape hatch: one Client VPN target-network association re-pointed at a personal-number subnet,
  //    and the result "acknowledged".
  override = synth('override', (stage) => {
    const association = stage.node.findAll().find((c): c is ec2.CfnClientVpnTargetNetworkAssociation => c instanceof ec2.CfnClientVpnTargetNetworkAssociation);
    if (!association) throw new Error('the example app has no Client VPN association to override');
    association.addPropertyOverride('SubnetId', stage.networks['personal-number'].vpc.isolatedSubnets[0]!.subnetId);
    Validations.of(association).acknowledge({ id: 'ThreeTierSeparation::TELEWORK-ENTRY-PERSONAL-NUMBER', reason: 'tax staff need it during filing season' });
  });
  // 2. A construct in a second stack: LGWAN ↔ internet peering.
  secondStack = synth('second', (stage) => {
    const shortcut = new Stack(stage, 'Shortcut', { env: { account: stage.config.account, region: stage.config.region } });
    peer(shortcut, stage.networks.lgwan.vpc, stage.networks.lgwan.ranges.vpc, stage.networks.internet.vpc, stage.networks.internet.ranges.vpc);
  });
  // 3. A resource in a nested stack of the LGWAN network stack: LGWAN ↔ personal-number peering.
  nested = synth('nested', (stage) => {
    const links = new NestedStack(stage.networkStacks.lgwan, 'Links');
    peer(links, stage.networks.lgwan.vpc, stage.networks.lgwan.ranges.vpc, stage.networks['personal-number'].vpc, stage.networks['personal-number'].ranges.vpc);
  });
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the example app with a crossing', () => {
  it('an escape-hatch override opening telework into the personal-number tier fails synth, fatally, naming the Client VPN', () => {
    expect(override.thrown?.message).toContain('TELEWORK-ENTRY-PERSONAL-NUMBER');
    const entry = override.violations.find((v) => v.ruleName === 'TELEWORK-ENTRY-PERSONAL-NUMBER');
    expect(entry?.severity).toBe('fatal');
    expect(entry?.description).toContain('Personal-number tier');
    expect(entry?.violatingConstructs.map((c) => c.constructPath).join(' ')).toContain('example-city/Telework-lgwan/ClientVpn');
  });

  it('refuses the acknowledgement of that crossing', () => {
    expect(override.suppressed).toEqual([]);
    const refused = override.violations.find((v) => v.ruleName === 'TIER-ACK-REFUSED');
    expect(refused?.severity).toBe('fatal');
    expect(refused?.description).toMatch(/ThreeTierSeparation::TELEWORK-ENTRY-PERSONAL-NUMBER at example-city\/Telework-lgwan\/.* is refused/);
  });

  it('a peering added in a second stack fails synth fatally, and the crossing paths run through that stack', () => {
    expect(secondStack.thrown).toBeDefined();
    const join = secondStack.violations.find((v) => v.ruleName === 'TIER-JOIN-PEERING');
    expect(join?.severity).toBe('fatal');
    expect(join?.violatingConstructs.map((c) => c.constructPath)).toContain('example-city/Shortcut/Peering');
    const crossing = secondStack.violations.find((v) => v.ruleName === 'TIER-CROSSING' && v.description.startsWith('LGWAN tier'));
    expect(crossing?.description).toMatch(/Witness path:\n(.*\n)*.*\[example-city\/Shortcut\/Peering \(AWS::EC2::VPCPeeringConnection\)\]/);
  });

  it('a peering added in a nested stack fails synth fatally, named by its construct path in the nested stack', () => {
    expect(nested.thrown).toBeDefined();
    const join = nested.violations.find((v) => v.ruleName === 'TIER-JOIN-PEERING');
    expect(join?.severity).toBe('fatal');
    expect(join?.description).toContain('LGWAN tier → Personal-number tier');
    expect(join?.violatingConstructs.map((c) => c.constructPath)).toContain('example-city/Network-lgwan/Links/Peering');
  });
});

describe('the example app with a custom resource of the user\'s own', () => {
  // A bucket with autoDeleteObjects brings CDK's Custom::S3AutoDeleteObjects: code that runs at deploy time.
  const withBucket = (stage: MunicipalityStage): Construct => {
    const bucket = new s3.Bucket(stage.networkStacks.lgwan, 'Scratch', { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true });
    const custom = bucket.node.findAll().find((c) => c instanceof CustomResource);
    if (!custom) throw new Error('autoDeleteObjects added no custom resource');
    return custom;
  };
  let unreviewed: Outcome;
  let reviewed: Outcome;
  beforeAll(() => {
    unreviewed = synth('custom', (stage) => void withBucket(stage));
    reviewed = synth('custom-acknowledged', (stage) => {
      Validations.of(withBucket(stage)).acknowledge({
        id: 'ThreeTierSeparation::UNMODELLED-RESOURCE',
        reason: 'CDK S3AutoDeleteObjects: its role may only list and delete objects of this bucket; no EC2 permission',
      });
    });
  });

  it('fails synth with UNMODELLED-RESOURCE (an error, not fatal) on that custom resource', () => {
    expect(unreviewed.thrown?.message).toContain('UNMODELLED-RESOURCE');
    const found = unreviewed.violations.filter((v) => v.ruleName === 'UNMODELLED-RESOURCE');
    expect(found.map((v) => v.severity)).toEqual(['error']);
    expect(found[0]?.description).toContain('Custom::S3AutoDeleteObjects');
    expect(found[0]?.violatingConstructs.map((c) => c.constructPath).join(' ')).toContain('example-city/Network-lgwan/Scratch/AutoDeleteObjectsCustomResource');
  });

  it('passes once a reviewer acknowledges it with a reason', () => {
    expect(reviewed.thrown).toBeUndefined();
    expect(reviewed.suppressed.map((s) => s.ruleName)).toEqual(['UNMODELLED-RESOURCE']);
  });
});
