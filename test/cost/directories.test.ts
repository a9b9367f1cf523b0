/**
 * What the telework tier's directory costs, by kind: Managed AD is two domain controllers around the clock;
 * an AD Connector is counted — at nothing, because AWS makes it free while WorkSpaces use it (the page is
 * named in the price table and in the estimate's price list), in Tokyo and in Osaka alike; an existing
 * directory is billed where it was created and listed as not included.
 */
import { parseConfig } from '../../lib/config';
import { estimateForConfig } from '../../lib/cost/estimate-config';
import { costDocument } from '../../lib/cost/render/cost-document';
import { exampleInput } from '../config/helpers';

const SECRET = 'arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:lgwan-ad-connector-AbCdEf';

function withConnector(size: 'Small' | 'Large', region?: 'ap-northeast-3') {
  const input = exampleInput();
  input.telework!.directories = {
    lgwan: { kind: 'ad-connector', domainName: 'lgwan.example-city.lg.jp', customerDnsIps: ['172.16.20.10', '172.16.21.10'], serviceAccountSecretArn: SECRET, size },
  };
  if (region) {
    input.region = region;
    input.availabilityZones = ['ap-northeast-3a', 'ap-northeast-3c'];
  }
  return parseConfig(input, 'test');
}

describe('directory costs', () => {
  it.each(['Small', 'Large'] as const)('an AD Connector (%s) is a counted line at ¥0, confirmed by the AWS page that makes it free with WorkSpaces', (size) => {
    const e = estimateForConfig(withConnector(size), { today: '2026-12-06' });
    const line = e.lines.find((l) => l.id === 'lgwan.directory.ad-connector')!;
    expect(line.priceKey).toBe(`directory.adConnector.${size}.hour`);
    expect(line.counted).toBe(true);
    expect(line.monthlyJpy).toBe(0);
    expect(line.price.confirmed).toBe(true);
    // No Managed AD, and no "not counted" warning for the directory any more.
    expect(e.lines.some((l) => l.id === 'lgwan.directory.managed-ad')).toBe(false);
    expect(e.warnings.find((w) => w.kind === 'not-counted')?.en ?? '').not.toContain('AD Connector');
    const prices = costDocument(e, 'en').prices.find((p) => p.key === `directory.adConnector.${size}.hour`)!;
    expect(prices.status).toBe('confirmed');
    expect(prices.note).toContain('evidence: https://docs.aws.amazon.com/workspaces/latest/api/API_DeregisterWorkspaceDirectory.html (read 2026-12-06)');
    expect(costDocument(e, 'ja').prices.find((p) => p.key === `directory.adConnector.${size}.hour`)!.note).toContain('根拠: https://docs.aws.amazon.com/');
  });

  it('the same in Osaka: what AWS states for every region is not an Osaka stand-in', () => {
    const e = estimateForConfig(withConnector('Small', 'ap-northeast-3'), { today: '2026-12-06' });
    const line = e.lines.find((l) => l.id === 'lgwan.directory.ad-connector')!;
    expect(line.price.confirmed).toBe(true);
    expect(line.monthlyJpy).toBe(0);
    // while every other Osaka line stays a marked stand-in
    expect(e.lines.filter((l) => l.id !== 'lgwan.directory.ad-connector' && l.counted).every((l) => !l.price.confirmed)).toBe(true);
  });

  it('Managed AD stays two domain controllers around the clock (the example city)', () => {
    const e = estimateForConfig(parseConfig(exampleInput(), 'test'), { today: '2026-12-06' });
    const line = e.lines.find((l) => l.id === 'lgwan.directory.managed-ad')!;
    expect(line.quantity).toBe(2 * 730);
    expect(line.monthlyJpy).toBeGreaterThan(0);
  });
});
