/**
 * The telework section of the configuration (lib/config/telework.ts): defaults, and one test per rejection
 * with its message checked. Goes through the municipality validator (parseConfig) like a real file does.
 */
import { ConfigError, parseConfig } from '../../lib/config';
import { exampleCity } from '../../lib/config/municipalities/example-city';
import { resolveTelework, validateTeleworkAgainstConfig, hardeningOptionsOf } from '../../lib/config/telework';

function example(): any {
  return JSON.parse(JSON.stringify(exampleCity));
}

function problemsAfter(mutate: (c: any) => void) {
  const input = example();
  mutate(input);
  try {
    parseConfig(input, 'test');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('telework configuration', () => {
  test('defaults: private streaming, private CA, 8 h sessions, bilingual banner, hardened desktops, governance lock', () => {
    const t = resolveTelework(parseConfig(example(), 'test').telework);
    expect(t.streaming).toBe('private');
    expect(t.clientVpn.certificates).toBe('private-ca');
    expect(t.clientVpn.sessionTimeoutHours).toBe(8);
    expect(t.clientVpn.banner.ja).toContain('画面転送のみ');
    expect(t.clientVpn.banner.en).toContain('Screen transfer only');
    expect(t.hardening).toEqual({ approvedDeviceTypes: ['DeviceTypeWindows'], credentialCaching: false, clientLogUpload: false, autoStopTimeoutMinutes: 60, poolIdleDisconnectTimeoutSeconds: 900 });
    expect(t.audit).toEqual({ objectLockMode: 'GOVERNANCE', trailRetentionDays: 365 });
    expect(hardeningOptionsOf(t).closedStreaming).toBe(true);
  });

  test('resolving is idempotent and keeps what was written', () => {
    const input = example();
    input.telework.hardening = { credentialCaching: true };
    const t = resolveTelework(parseConfig(input, 'test').telework);
    expect(t.hardening.credentialCaching).toBe(true);
    expect(resolveTelework(t)).toEqual(t);
  });

  test('personal-number telework is refused, with the reason in English and Japanese', () => {
    const problems = problemsAfter((c) => (c.telework.tiers = ['lgwan', 'personal-number']));
    const p = problems.find((x) => x.path === 'telework.tiers.1')!;
    expect(p.message).toMatch(/personal-number tier is forbidden: it must have no entry point at all/);
    expect(p.ja).toContain('マイナンバー利用事務系へのテレワークは禁止です');
  });

  test('closed-SIM clients into the personal-number tier are refused', () => {
    const problems = problemsAfter((c) => (c.telework.linkClientCidrs = { 'personal-number': ['100.64.8.0/24'] }));
    expect(problems.map((p) => p.path)).toContain('telework.linkClientCidrs.personal-number');
    expect(problems.find((p) => p.path === 'telework.linkClientCidrs.personal-number')!.message).toMatch(/entry point into it/);
  });

  test('a client CIDR overlapping another tier is refused (through the municipality validator)', () => {
    const problems = problemsAfter((c) => (c.telework.clientCidrs.lgwan = '10.10.0.0/22'));
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.clientCidrs.lgwan', message: expect.stringMatching(/telework client pool 10\.10\.0\.0\/22 .*overlaps the internet tier's VPC range 10\.10\.0\.0\/20/) })]);
  });

  test('a closed-SIM client range overlapping another tier is refused (municipality validator)', () => {
    const problems = problemsAfter((c) => (c.telework.linkClientCidrs = { lgwan: ['172.16.32.0/24'] }));
    expect(problems.map((p) => p.message).join('\n')).toMatch(/172\.16\.32\.0\/22.*overlaps.*172\.16\.32\.0\/24/);
  });

  test('a closed-SIM client range overlapping another tier is refused (the stack-side re-check)', () => {
    const config = parseConfig(example(), 'test');
    // Injected after validation, as an unvalidated configuration would reach the stack.
    const view = { ...config, telework: { ...config.telework, linkClientCidrs: { lgwan: ['172.16.32.0/24'] } } };
    expect(validateTeleworkAgainstConfig(view)).toEqual([
      expect.objectContaining({
        path: 'telework.linkClientCidrs.lgwan.0',
        message: "172.16.32.0/24 overlaps the personal-number tier's on-prem segment 172.16.32.0/22: telework clients must be distinguishable from every tier's hosts",
      }),
    ]);
  });

  test('closed-SIM clients need the tier to have an on-prem link', () => {
    const problems = problemsAfter((c) => {
      delete c.tiers.lgwan.onPremLink;
      c.telework.linkClientCidrs = { lgwan: ['100.64.20.0/24'] };
    });
    expect(problems.map((p) => p.path)).toContain('telework.linkClientCidrs.lgwan.0');
    const input = example();
    delete input.tiers.lgwan.onPremLink;
    const config = parseConfig(input, 'test');
    const view = { ...config, telework: { ...config.telework, linkClientCidrs: { lgwan: ['100.64.20.0/24'] } } };
    expect(validateTeleworkAgainstConfig(view)).toEqual([expect.objectContaining({ path: 'telework.linkClientCidrs.lgwan', message: expect.stringMatching(/has no on-prem link to carry them/) })]);
  });

  test('closed-SIM clients alone satisfy the client-pool requirement', () => {
    const input = example();
    input.telework.clientCidrs = {};
    input.telework.linkClientCidrs = { lgwan: ['100.64.20.0/24'] };
    const config = parseConfig(input, 'test');
    expect(validateTeleworkAgainstConfig(config)).toEqual([]);
  });

  test('private streaming with Pools is refused (highlander is Personal only)', () => {
    const problems = problemsAfter((c) => (c.telework.desktops = 'pools'));
    expect(problems.find((p) => p.path === 'telework.streaming')!.message).toMatch(/works only with WorkSpaces Personal/);
  });

  test('internet streaming without an IP access group is refused', () => {
    const problems = problemsAfter((c) => {
      c.telework.streaming = 'internet';
      c.telework.clientCidrs = {};
      c.telework.linkClientCidrs = { lgwan: ['100.64.20.0/24'] };
    });
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.ipAccessCidrs', message: expect.stringMatching(/needs an IP access control group/) })]);
  });

  test('a Client VPN pool with internet streaming is refused as an unused entry point', () => {
    const problems = problemsAfter((c) => {
      c.telework.streaming = 'internet';
      c.telework.ipAccessCidrs = ['203.0.113.0/24'];
    });
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.clientCidrs.lgwan', message: expect.stringMatching(/would build an unused entry point/) })]);
  });

  test('IP access ranges with private streaming are refused as a false sense of control', () => {
    const problems = problemsAfter((c) => (c.telework.ipAccessCidrs = ['203.0.113.0/24']));
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.ipAccessCidrs', message: expect.stringMatching(/do not apply to streaming through a VPC endpoint/) })]);
  });

  test('an unsupported Client VPN session length is refused', () => {
    const problems = problemsAfter((c) => (c.telework.clientVpn = { sessionTimeoutHours: 6 }));
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.clientVpn.sessionTimeoutHours', fix: 'use one of 8, 10, 12, 24' })]);
  });

  test('a banner without Japanese is refused', () => {
    const problems = problemsAfter((c) => (c.telework.clientVpn = { banner: { ja: ' ', en: 'Staff only' } }));
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.clientVpn.banner', message: 'the login banner needs both Japanese and English text' })]);
  });

  test('a VPN log retention CloudWatch does not accept is refused', () => {
    const problems = problemsAfter((c) => (c.telework.clientVpn = { logRetentionDays: 100 }));
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.clientVpn.logRetentionDays' })]);
  });

  test('SAML without a group for a telework tier is refused (every federated user would be authorised)', () => {
    const problems = problemsAfter((c) => (c.telework.clientVpn = { saml: { samlProviderArn: 'arn:aws:iam::111122223333:saml-provider/idp', accessGroupIds: {} } }));
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.clientVpn.saml.accessGroupIds.lgwan' })]);
  });

  test('a malformed certificate ARN is refused with the expected shape', () => {
    const problems = problemsAfter((c) => (c.telework.clientVpn = { certificates: { serverCertificateArn: 'server', clientRootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:111122223333:certificate/abc' } }));
    expect(problems.map((p) => p.path)).toEqual(['telework.clientVpn.certificates.serverCertificateArn']);
    expect(problems[0].message).toMatch(/must be an ACM certificate ARN/);
  });

  test('web access cannot be approved', () => {
    const problems = problemsAfter((c) => (c.telework.hardening = { approvedDeviceTypes: ['DeviceTypeWindows', 'DeviceTypeWeb'] }));
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.hardening.approvedDeviceTypes', message: expect.stringMatching(/DeviceTypeWeb" may never be approved/) })]);
  });

  test('an AutoStop timeout off the 60-minute grid is refused', () => {
    const problems = problemsAfter((c) => (c.telework.hardening = { autoStopTimeoutMinutes: 5 }));
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.hardening.autoStopTimeoutMinutes', message: expect.stringMatching(/60-minute intervals/) })]);
  });

  test('a directory for a tier without telework is refused', () => {
    const problems = problemsAfter((c) => (c.telework.directories = { internet: { kind: 'managed-ad' } }));
    expect(problems).toEqual([expect.objectContaining({ path: 'telework.directories.internet' })]);
  });

  test('an existing directory id must look like one', () => {
    const problems = problemsAfter((c) => (c.telework.directories = { lgwan: { kind: 'existing', directoryId: 'corp' } }));
    expect(problems.map((p) => p.path)).toContain('telework.directories.lgwan.directoryId');
  });
});

describe('telework directories: ad-connector', () => {
  const SECRET = 'arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:lgwan-ad-connector-AbCdEf';
  const connector = (over: Record<string, unknown> = {}) => ({
    kind: 'ad-connector',
    domainName: 'lgwan.example-city.lg.jp',
    customerDnsIps: ['172.16.20.10', '172.16.21.10'],
    serviceAccountSecretArn: SECRET,
    ...over,
  });

  test('a valid AD Connector inside the tier\'s on-prem range is accepted, size defaults to Small', () => {
    const input = example();
    input.telework.directories = { lgwan: connector({ shortName: 'LGWAN' }) };
    const config = parseConfig(input, 'test');
    expect(resolveTelework(config.telework).directories.lgwan).toMatchObject({ kind: 'ad-connector', size: 'Small', shortName: 'LGWAN' });
    expect(validateTeleworkAgainstConfig(config)).toEqual([]);
  });

  test('fewer than two DNS servers is refused, in English and Japanese', () => {
    const problems = problemsAfter((c) => (c.telework.directories = { lgwan: connector({ customerDnsIps: ['172.16.20.10'] }) }));
    const p = problems.find((x) => x.path === 'telework.directories.lgwan.customerDnsIps')!;
    expect(p.message).toMatch(/at least two on-prem DNS servers/);
    expect(p.fix).toMatch(/at least two/);
    expect(p.ja).toContain('2台以上');
  });

  test('a DNS server that is not an IPv4 address is refused', () => {
    const problems = problemsAfter((c) => (c.telework.directories = { lgwan: connector({ customerDnsIps: ['172.16.20.10', 'dc1.lgwan.local'] }) }));
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'telework.directories.lgwan.customerDnsIps.1', message: expect.stringMatching(/not an IPv4 address/) })]));
  });

  test('a DNS server outside the tier\'s on-prem ranges is refused (fail closed), also in another tier\'s range', () => {
    // Reported by parseConfig with every other configuration problem, before any construct is built.
    for (const ip of ['10.99.0.10', '192.168.10.10', '172.16.32.10']) {
      const problems = problemsAfter((c) => (c.telework.directories = { lgwan: connector({ customerDnsIps: ['172.16.20.10', ip] }) }));
      expect(problems).toHaveLength(1);
      const p = problems[0];
      expect(p.path).toBe('telework.directories.lgwan.customerDnsIps.1');
      expect(p.message).toBe(`DNS server ${ip} is not inside the lgwan tier's on-prem ranges (172.16.20.0/22): the AD Connector would reach outside its tier`);
      expect(p.fix).toMatch(/tiers\.lgwan\.onPremCidrs/);
      expect(p.ja).toContain('オンプレミス範囲');
    }
  });

  test('a tier without declared on-prem ranges cannot have an AD Connector (stack-side re-check)', () => {
    const config = parseConfig(example(), 'test');
    const view = {
      ...config,
      tiers: { ...config.tiers, lgwan: { ...config.tiers.lgwan, onPremCidrs: [] } },
      telework: { ...config.telework, directories: { lgwan: connector() as any } },
    };
    const problems = validateTeleworkAgainstConfig(view);
    expect(problems.map((p) => p.path)).toEqual(['telework.directories.lgwan.customerDnsIps.0', 'telework.directories.lgwan.customerDnsIps.1']);
    expect(problems[0].message).toMatch(/none declared/);
  });

  test('the service account must be given as a Secrets Manager ARN, never as a password', () => {
    const problems = problemsAfter((c) => (c.telework.directories = { lgwan: connector({ serviceAccountSecretArn: 'P@ssw0rd!' }) }));
    const p = problems.find((x) => x.path === 'telework.directories.lgwan.serviceAccountSecretArn')!;
    expect(p.message).toMatch(/is not a Secrets Manager secret ARN/);
    expect(p.fix).toMatch(/arn:aws:secretsmanager:/);
    expect(p.ja).toContain('ARN');
  });

  test('a malformed NetBIOS name, an unknown size, a password field and a missing domain are refused', () => {
    expect(problemsAfter((c) => (c.telework.directories = { lgwan: connector({ shortName: 'THIS-NAME-IS-TOO-LONG' }) })).map((p) => p.path)).toContain('telework.directories.lgwan.shortName');
    expect(problemsAfter((c) => (c.telework.directories = { lgwan: connector({ size: 'Medium' }) })).map((p) => p.path)).toContain('telework.directories.lgwan.size');
    expect(problemsAfter((c) => (c.telework.directories = { lgwan: connector({ password: 'x' }) })).length).toBeGreaterThan(0);
    expect(problemsAfter((c) => (c.telework.directories = { lgwan: connector({ domainName: undefined }) })).map((p) => p.path)).toContain('telework.directories.lgwan.domainName');
  });
});
