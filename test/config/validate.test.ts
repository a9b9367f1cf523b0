import { parseConfig } from '../../lib/config';
import { exampleInput, problemsAfter } from './helpers';

/** Every problem must name a field, say what is wrong, and give a fix in English and Japanese. */
function expectWellFormed(problems: readonly { path: string; message: string; fix: string; ja: string }[]): void {
  for (const p of problems) {
    expect(p.message.length).toBeGreaterThan(5);
    expect(p.fix.length).toBeGreaterThan(5);
    expect(p.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  }
}

describe('the example municipality', () => {
  it('is valid and gets its defaults applied', () => {
    const config = parseConfig(exampleInput(), 'test');
    expect(config.region).toBe('ap-northeast-1');
    expect(config.tiers.lgwan.subnetPrefixes).toEqual({ desktops: 24, directory: 28, endpoints: 27 });
    expect(config.tiers['personal-number'].endpointServices).toContain('ssm');
    expect(config.telework.tiers).toEqual(['lgwan']);
  });

  it('defaults the availability zones to the region\'s first two', () => {
    const input = exampleInput();
    delete input.availabilityZones;
    input.region = 'ap-northeast-3';
    expect(parseConfig(input, 'test').availabilityZones).toEqual(['ap-northeast-3a', 'ap-northeast-3b']);
  });

  it('defaults telework to the LGWAN tier when the section is absent (no client pool means the check asks for one)', () => {
    const problems = problemsAfter((c) => delete c.telework);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('telework.clientCidrs.lgwan');
  });
});

describe('configuration errors (one test per error)', () => {
  it('overlapping VPC ranges of two tiers', () => {
    const problems = problemsAfter((c) => (c.tiers.lgwan.vpcCidr = '10.10.8.0/21'));
    expectWellFormed(problems);
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'tiers.lgwan.vpcCidr',
        message: expect.stringMatching(/lgwan tier's VPC range 10\.10\.8\.0\/21 .*overlaps the internet tier's VPC range 10\.10\.0\.0\/20.*disjoint/),
      }),
    );
  });

  it('an on-prem segment overlapping another tier\'s on-prem segment', () => {
    const problems = problemsAfter((c) => (c.tiers['personal-number'].onPremCidrs = ['172.16.20.0/24']));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('tiers.personal-number.onPremCidrs.0');
    expect(problems[0].message).toMatch(/on-prem segment 172\.16\.20\.0\/24.*overlaps the lgwan tier's on-prem segment 172\.16\.20\.0\/22/);
    expect(problems[0].ja).toContain('重なっています');
  });

  it('an on-prem segment overlapping its own tier\'s VPC', () => {
    const problems = problemsAfter((c) => c.tiers.lgwan.onPremCidrs.push('10.20.4.0/24'));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('tiers.lgwan.onPremCidrs.1');
    expect(problems[0].message).toMatch(/overlaps the lgwan tier's VPC range/);
    expect(problems[0].message).not.toMatch(/disjoint/);
  });

  it('a telework client pool overlapping another tier\'s VPC', () => {
    const problems = problemsAfter((c) => (c.telework.clientCidrs.lgwan = '10.30.0.0/22'));
    expect(problems).toHaveLength(1);
    // Reported once, at the later-declared range, naming both.
    expect(problems[0].path).toBe('tiers.personal-number.vpcCidr');
    expect(problems[0].message).toMatch(/personal-number tier's VPC range 10\.30\.0\.0\/20 .*overlaps the lgwan tier's telework client pool 10\.30\.0\.0\/22 \(telework\.clientCidrs\.lgwan\)/);
  });

  it('a range overlapping 198.19.0.0/16 (WorkSpaces Pools management) is reported for both reserved ranges', () => {
    const problems = problemsAfter((c) => (c.tiers.internet.vpcCidr = '198.19.0.0/20'));
    expectWellFormed(problems);
    const paths = problems.filter((p) => p.path === 'tiers.internet.vpcCidr').map((p) => p.message);
    expect(paths).toEqual([
      expect.stringMatching(/overlaps 198\.19\.0\.0\/16, reserved for the WorkSpaces Pools management network/),
      expect.stringMatching(/overlaps 198\.18\.0\.0\/15, reserved for the AWS Directory Service/),
    ]);
  });

  it('an on-prem range overlapping 198.18.0.0/15 (Directory Service management) only', () => {
    const problems = problemsAfter((c) => (c.tiers.lgwan.onPremCidrs = ['198.18.4.0/24']));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('tiers.lgwan.onPremCidrs.0');
    expect(problems[0].message).toMatch(/198\.18\.0\.0\/15.*Directory Service/);
    expect(problems[0].fix).toBe('choose a range outside 198.18.0.0/15');
  });

  it('a desktop subnet too small for the seats (counting the 5 AWS-reserved addresses)', () => {
    // 2 AZs × /26 = 2 × (64 − 5) = 118 desktops; 120 seats need 60 per subnet, 59 fit.
    const problems = problemsAfter((c) => {
      c.tiers.lgwan.seats = 120;
      c.tiers.lgwan.subnetPrefixes = { desktops: 26 };
    });
    expectWellFormed(problems);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('tiers.lgwan.subnetPrefixes.desktops');
    expect(problems[0].message).toBe(
      'a /26 subnet has 59 usable addresses (AWS reserves 5 per subnet) but needs 60: 120 seats over 2 AZs = 60 desktop ENIs per subnet',
    );
    expect(problems[0].fix).toMatch(/set tiers\.lgwan\.subnetPrefixes\.desktops to 25 or lower, or reduce seats/);
  });

  it('the boundary: exactly as many seats as usable addresses is accepted', () => {
    const input = exampleInput();
    input.tiers.lgwan.seats = 118;
    input.tiers.lgwan.subnetPrefixes = { desktops: 26 };
    expect(() => parseConfig(input, 'test')).not.toThrow();
  });

  it('a directory subnet too small for the directory ENIs', () => {
    // A /30 is not even allowed by AWS; /28 is the smallest, so shrink the purpose limit via the endpoints instead.
    const problems = problemsAfter((c) => {
      c.tiers['personal-number'].subnetPrefixes = { endpoints: 28 };
      c.tiers['personal-number'].endpointServices = ['ssm', 'ssmmessages', 'ec2messages', 'logs', 'kms', 'sts', 'monitoring', 'secretsmanager', 'ec2', 'ecr.api', 'ecr.dkr', 'sns'];
    });
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('tiers.personal-number.subnetPrefixes.endpoints');
    expect(problems[0].message).toMatch(/a \/28 subnet has 11 usable addresses .* needs 12: 12 interface endpoints per subnet/);
  });

  it('telework tiers count the Client VPN ENIs in the endpoints subnet', () => {
    const problems = problemsAfter((c) => {
      c.tiers.lgwan.subnetPrefixes = { endpoints: 28 };
      c.tiers.lgwan.endpointServices = ['ssm', 'ssmmessages', 'ec2messages', 'logs', 'kms', 'sts', 'monitoring', 'secretsmanager', 'ec2', 'sns'];
    });
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/needs 12: 10 interface endpoints \+ 2 Client VPN ENIs/);
  });

  it('subnets that do not fit in the VPC range', () => {
    // 2 × /24 desktops + 2 × /27 endpoints + 2 × /28 directory = 512 + 64 + 32.
    const problems = problemsAfter((c) => (c.tiers['personal-number'].vpcCidr = '10.30.0.0/24'));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('tiers.personal-number.vpcCidr');
    expect(problems[0].message).toMatch(/the tier's subnets need 608 addresses but 10\.30\.0\.0\/24 has 256/);
  });

  it('a VPC range wider than /16', () => {
    const problems = problemsAfter((c) => (c.tiers.lgwan.vpcCidr = '10.0.0.0/15'));
    expect(problems.map((p) => p.path)).toContain('tiers.lgwan.vpcCidr');
    expect(problems.find((p) => p.message.includes('/15'))!.message).toMatch(/between \/16 and \/28/);
  });

  it('a region outside Japan', () => {
    const problems = problemsAfter((c) => (c.region = 'us-east-1'));
    expectWellFormed(problems);
    expect(problems).toEqual([
      expect.objectContaining({ path: 'region', message: 'region "us-east-1" is not allowed', fix: expect.stringContaining('ap-northeast-1 (Tokyo) or ap-northeast-3 (Osaka)') }),
    ]);
  });

  it('an availability zone of another region', () => {
    const problems = problemsAfter((c) => (c.availabilityZones = ['ap-northeast-1a', 'ap-northeast-3b']));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('availabilityZones.1');
    expect(problems[0].message).toMatch(/not an Availability Zone of ap-northeast-1/);
  });

  it('a single availability zone', () => {
    const problems = problemsAfter((c) => (c.availabilityZones = ['ap-northeast-1a']));
    expect(problems).toEqual([expect.objectContaining({ path: 'availabilityZones', fix: 'use at least 2 entries' })]);
  });

  it('an unknown tier name', () => {
    const problems = problemsAfter((c) => (c.tiers.mynumber = c.tiers['personal-number']));
    expectWellFormed(problems);
    expect(problems).toEqual([
      expect.objectContaining({ path: 'tiers.mynumber', message: 'unknown tier name "mynumber"', fix: 'use one of the tier names internet, lgwan, personal-number' }),
    ]);
  });

  it('an unknown tier name in telework.tiers', () => {
    const problems = problemsAfter((c) => (c.telework.tiers = ['LGWAN']));
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.tiers.0', message: 'unknown tier name' })]);
  });

  it('a missing tier', () => {
    const problems = problemsAfter((c) => delete c.tiers['personal-number']);
    expect(problems).toEqual([expect.objectContaining({ path: 'tiers.personal-number', message: 'missing value (expected object)' })]);
  });

  it('missing values are all reported at once', () => {
    const problems = problemsAfter((c) => {
      delete c.account;
      delete c.tiers.lgwan.seats;
      delete c.flowLogRetentionDays;
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['account', 'flowLogRetentionDays', 'tiers.lgwan.seats']);
    expect(problems.every((p) => p.message.startsWith('missing value'))).toBe(true);
  });

  it('a bad CIDR names the reason', () => {
    const problems = problemsAfter((c) => {
      c.tiers.lgwan.vpcCidr = '10.20.0.0/33';
      c.tiers.lgwan.onPremCidrs = ['172.16.300.0/24', 'lgwan-segment'];
    });
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['tiers.lgwan.vpcCidr', '"10.20.0.0/33" has a prefix length above /32'],
      ['tiers.lgwan.onPremCidrs.0', '"172.16.300.0/24" has an octet above 255'],
      ['tiers.lgwan.onPremCidrs.1', '"lgwan-segment" is not an IPv4 CIDR block like 10.1.0.0/16'],
    ]);
  });

  it('an unknown field', () => {
    const problems = problemsAfter((c) => (c.tiers.lgwan.vpcCIDR = '10.20.0.0/20'));
    expect(problems).toEqual([expect.objectContaining({ path: 'tiers.lgwan.vpcCIDR', message: 'unknown field "vpcCIDR"' })]);
  });

  it('a flow-log retention CloudWatch does not accept', () => {
    const problems = problemsAfter((c) => (c.flowLogRetentionDays = 100));
    expect(problems).toEqual([expect.objectContaining({ path: 'flowLogRetentionDays', message: '100 days is not a CloudWatch Logs retention value' })]);
  });

  it('an unknown MIC model', () => {
    const problems = problemsAfter((c) => (c.micModel = 'gamma'));
    expect(problems).toEqual([expect.objectContaining({ path: 'micModel', fix: 'use one of "alpha", "alpha-prime", "beta", "beta-prime"' })]);
  });

  it('an unknown egress kind', () => {
    const problems = problemsAfter((c) => (c.internetEgress = { kind: 'proxy' }));
    expect(problems).toEqual([expect.objectContaining({ path: 'internetEgress.kind', fix: 'set "internetEgress.kind" to one of "network-firewall", "security-cloud", "prefecture-hub"' })]);
  });

  it('a Network Firewall egress with no allowed domain', () => {
    const problems = problemsAfter((c) => (c.internetEgress.allowedDomains = []));
    expect(problems).toEqual([expect.objectContaining({ path: 'internetEgress.allowedDomains', fix: 'use at least 1 entries' })]);
  });

  it('an allowed domain that is not a domain name', () => {
    const problems = problemsAfter((c) => (c.internetEgress.allowedDomains = ['https://example.lg.jp/']));
    expect(problems).toEqual([expect.objectContaining({ path: 'internetEgress.allowedDomains.0' })]);
  });

  it('security-cloud egress without an internet-tier on-prem link', () => {
    const problems = problemsAfter((c) => {
      c.internetEgress = { kind: 'security-cloud' };
      delete c.tiers.internet.onPremLink;
    });
    expect(problems).toEqual([expect.objectContaining({ path: 'tiers.internet.onPremLink', message: expect.stringContaining('security cloud') })]);
  });

  it('an on-prem link with nothing to route', () => {
    const problems = problemsAfter((c) => (c.tiers.lgwan.onPremCidrs = []));
    expect(problems).toEqual([expect.objectContaining({ path: 'tiers.lgwan.onPremCidrs', message: expect.stringContaining('no on-prem segments') })]);
  });

  it('one customer gateway shared by two tiers', () => {
    const problems = problemsAfter((c) => (c.tiers.lgwan.onPremLink.customerGatewayIp = '203.0.113.10'));
    expect(problems).toEqual([
      expect.objectContaining({ path: 'tiers.lgwan.onPremLink', message: expect.stringMatching(/customer gateway 203\.0\.113\.10 is also the internet tier's on-prem link/) }),
    ]);
  });

  it('one Direct Connect gateway shared by two tiers', () => {
    const problems = problemsAfter((c) => (c.tiers.lgwan.onPremLink = { ...c.tiers['personal-number'].onPremLink }));
    expect(problems).toEqual([expect.objectContaining({ path: 'tiers.personal-number.onPremLink', message: expect.stringContaining('Direct Connect gateway') })]);
  });

  it('a malformed customer gateway IP and Direct Connect gateway id', () => {
    const problems = problemsAfter((c) => {
      c.tiers.lgwan.onPremLink.customerGatewayIp = '203.0.113';
      c.tiers['personal-number'].onPremLink.directConnectGatewayId = 'dxgw-1';
    });
    expect(problems.map((p) => p.path)).toEqual(['tiers.lgwan.onPremLink.customerGatewayIp', 'tiers.personal-number.onPremLink.directConnectGatewayId']);
  });

  it('telework into the personal-number tier', () => {
    const problems = problemsAfter((c) => {
      c.telework.tiers = ['lgwan', 'personal-number'];
      c.telework.clientCidrs['personal-number'] = '10.201.0.0/22';
    });
    expectWellFormed(problems);
    expect(problems.map((p) => p.path)).toEqual(['telework.tiers.1', 'telework.clientCidrs.personal-number']);
    expect(problems[0].message).toMatch(/forbidden: it must have no entry point at all/);
    expect(problems[0].ja).toContain('マイナンバー利用事務系へのテレワークは禁止です');
  });

  it('a telework tier without a client pool', () => {
    const problems = problemsAfter((c) => (c.telework.tiers = ['lgwan', 'internet']));
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.clientCidrs.internet' })]);
  });

  it('a client pool outside Client VPN\'s /12–/22', () => {
    const problems = problemsAfter((c) => (c.telework.clientCidrs.lgwan = '10.200.0.0/24'));
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.clientCidrs.lgwan', message: expect.stringContaining('between /12 and /22') })]);
  });

  it('an on-prem-link client range overlapping another tier', () => {
    const problems = problemsAfter((c) => (c.telework.linkClientCidrs = { lgwan: ['10.30.1.0/24'] }));
    // Reported once, at the later-declared range, naming both.
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'tiers.personal-number.vpcCidr',
        message: expect.stringMatching(/overlaps the lgwan tier's on-prem-link client range 10\.30\.1\.0\/24 \(telework\.linkClientCidrs\.lgwan\.0\)/),
      }),
    ]);
  });

  it('on-prem-link clients for a tier without an on-prem link', () => {
    const problems = problemsAfter((c) => {
      delete c.tiers.lgwan.onPremLink;
      c.telework.linkClientCidrs = { lgwan: ['10.210.0.0/24'] };
    });
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.linkClientCidrs.lgwan.0', message: expect.stringContaining('that tier has none') })]);
  });

  it('a duplicated endpoint service', () => {
    const problems = problemsAfter((c) => (c.tiers.lgwan.endpointServices = ['ssm', 'logs', 'ssm']));
    expect(problems).toEqual([expect.objectContaining({ path: 'tiers.lgwan.endpointServices.2' })]);
  });

  it('reports range overlaps even when the document also has shape errors', () => {
    const problems = problemsAfter((c) => {
      c.region = 'us-east-1'; // a shape error: the cross-field phase does not run
      delete c.tiers.internet.seats; // another one
      c.tiers.lgwan.vpcCidr = '10.10.0.0/20'; // overlaps the internet tier: still reported
      c.tiers['personal-number'].onPremCidrs = ['198.18.1.0/24', 'not-a-cidr']; // reserved: reported; bad text: shape
    });
    expect(problems.map((p) => p.path)).toEqual([
      'region',
      'tiers.internet.seats',
      'tiers.personal-number.onPremCidrs.1',
      'tiers.lgwan.vpcCidr',
      'tiers.personal-number.onPremCidrs.0',
    ]);
    expect(problems[3].message).toMatch(/overlaps the internet tier's VPC range/);
    expect(problems[4].message).toMatch(/198\.18\.0\.0\/15/);
  });

  it('collects problems from different rules in one error', () => {
    const problems = problemsAfter((c) => {
      c.tiers.lgwan.vpcCidr = '10.10.0.0/20';
      c.tiers.internet.onPremCidrs = ['198.19.1.0/24'];
      c.telework.tiers = ['personal-number'];
    });
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['tiers.lgwan.vpcCidr', 'tiers.internet.onPremCidrs.0', 'telework.tiers.0']));
    expect(problems.length).toBeGreaterThanOrEqual(4);
  });
});
