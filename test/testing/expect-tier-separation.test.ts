/**
 * The policy-test API with the stand-in engine (the real engine is exercised in test/nag/pack-engine.test.ts):
 * a good app passes, a broken app throws the readable findings, acknowledgements count as in `cdk synth`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { expectTierSeparation, TierSeparationError } from '../../lib/testing';
import { standInEngine } from '../nag/support/stand-in-engine';
import { tierApp } from '../nag/support/tier-app';

describe('expectTierSeparation', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'expect-tiers-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('returns the run for an app whose tiers are apart', () => {
    const { app } = tierApp(path.join(tmp, 'good'));
    const { engine, calls } = standInEngine();
    const run = expectTierSeparation(app, { engine, policyFile: 'policies/our-city.yaml' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.policyFile).toBe('policies/our-city.yaml');
    expect(run.engine.findings).toEqual([]);
    expect(run.collected.templates.map((t) => t.stack)).toEqual(['CityNetwork']);
  });

  it('throws the readable findings, witness path included, when a second stack adds a crossing; acknowledging it does not help', () => {
    const { app, network } = tierApp(path.join(tmp, 'broken'));
    const links = new Stack(app, 'Links', { env: { account: '111111111111', region: 'ap-northeast-1' } });
    new ec2.CfnVPCPeeringConnection(links, 'Peering', { vpcId: 'vpc-lgwan', peerVpcId: 'vpc-internet' });
    Validations.of(links).acknowledge({ id: 'ThreeTierSeparation::TIER-CROSSING', reason: 'we promise' });
    let error: unknown;
    try {
      expectTierSeparation(network, { engine: standInEngine().engine });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TierSeparationError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Tier separation does not hold: 2 finding\(s\)\./);
    expect(message).toContain('#1 [fatal] ThreeTierSeparation::TIER-CROSSING');
    expect(message).toContain('2. peering — VPC peering into InternetVpc [Links/Peering (AWS::EC2::VPCPeeringConnection)]');
    expect(message).toContain('Fix: Remove the peering connection.');
    expect(message).toContain('#2 [fatal] ThreeTierSeparation::TIER-ACK-REFUSED');
  });

  it('lets an acknowledged hygiene error pass, as synth does, but not an unacknowledged one', () => {
    const { app } = tierApp(path.join(tmp, 'hygiene'));
    const extra = new Stack(app, 'Extra');
    const spare = new ec2.CfnVPC(extra, 'Spare', { cidrBlock: '10.9.0.0/16' });
    expect(() => expectTierSeparation(app, { engine: standInEngine().engine })).toThrow(/\[error\] ThreeTierSeparation::UNTAGGED-VPC/);
    Validations.of(spare).acknowledge({ id: 'ThreeTierSeparation::UNTAGGED-VPC', reason: 'spare range' });
    const run = expectTierSeparation(app, { engine: standInEngine().engine });
    expect(run.acknowledgements).toContainEqual(expect.objectContaining({ pack: 'ThreeTierSeparation', ruleId: 'UNTAGGED-VPC', reason: 'spare range', acknowledgedAt: 'Extra/Spare' }));
  });
});
