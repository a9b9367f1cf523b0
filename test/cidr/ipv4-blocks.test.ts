import { cidrsOverlap, mustParseIpv4Block, parseIpv4Block, usableAddresses } from '../../lib/cidr/ipv4-blocks';
import { isSubnetPlan, parseConfig, planTierSubnets } from '../../lib/config';
import { exampleInput } from '../config/helpers';

describe('CIDR arithmetic', () => {
  it('parses and rejects', () => {
    expect(parseIpv4Block('10.0.0.0/8')).toEqual({ text: '10.0.0.0/8', start: 167772160, prefix: 8 });
    expect(parseIpv4Block('255.255.255.255/32')).toMatchObject({ start: 4294967295 });
    expect(parseIpv4Block('10.0.0.1/16')).toBe('"10.0.0.1/16" has host bits set; the network is 10.0.0.0/16');
    expect(parseIpv4Block('10.0.0.0')).toMatch(/not an IPv4 CIDR/);
  });

  it('detects overlap, nesting and adjacency', () => {
    const a = mustParseIpv4Block('10.0.0.0/16');
    expect(cidrsOverlap(a, mustParseIpv4Block('10.0.255.0/24'))).toBe(true);
    expect(cidrsOverlap(mustParseIpv4Block('10.0.255.0/24'), a)).toBe(true);
    expect(cidrsOverlap(a, mustParseIpv4Block('10.1.0.0/16'))).toBe(false);
    expect(cidrsOverlap(mustParseIpv4Block('0.0.0.0/0'), a)).toBe(true);
  });

  it('counts the 5 addresses AWS reserves', () => {
    expect(usableAddresses(28)).toBe(11);
    expect(usableAddresses(24)).toBe(251);
  });
});

describe('subnet plan', () => {
  const config = parseConfig(exampleInput(), 'test');

  it('gives every purpose one subnet per AZ in a closed tier, all inside the VPC and disjoint', () => {
    const plan = planTierSubnets('lgwan', config.tiers.lgwan, config.availabilityZones, config.internetEgress);
    if (!isSubnetPlan(plan)) throw new Error('expected a plan');
    expect(plan.subnets.map((s) => `${s.purpose}@${s.az}`)).toEqual([
      'desktops@ap-northeast-1a', 'desktops@ap-northeast-1c',
      'directory@ap-northeast-1a', 'directory@ap-northeast-1c',
      'endpoints@ap-northeast-1a', 'endpoints@ap-northeast-1c',
    ]);
    const vpc = mustParseIpv4Block('10.20.0.0/20');
    const cidrs = plan.subnets.map((s) => mustParseIpv4Block(s.cidr));
    for (const c of cidrs) expect(c.start >= vpc.start && c.start < vpc.start + 4096).toBe(true);
    for (let i = 0; i < cidrs.length; i++) for (let j = 0; j < i; j++) expect(cidrsOverlap(cidrs[i], cidrs[j])).toBe(false);
  });

  it('adds one NAT and one firewall subnet in the first AZ for Network Firewall egress, only in the internet tier', () => {
    const plan = planTierSubnets('internet', config.tiers.internet, config.availabilityZones, config.internetEgress);
    if (!isSubnetPlan(plan)) throw new Error('expected a plan');
    expect(plan.subnets.filter((s) => s.purpose === 'nat' || s.purpose === 'firewall')).toEqual([
      { purpose: 'nat', az: 'ap-northeast-1a', cidr: '10.10.2.96/28', prefix: 28 },
      { purpose: 'firewall', az: 'ap-northeast-1a', cidr: '10.10.2.112/28', prefix: 28 },
    ]);
  });
});
