/**
 * The example city's estimate, checked line by line against values worked out by hand here: the quantities
 * are read off lib/config/municipalities/example-city.ts by a person (not by the estimator), the unit prices
 * are the shipped Tokyo table's constants, and the yen are computed the way docs/cost.md states (each line
 * rounded to the yen at the default ¥150/USD, tax 10 % rounded down, yearly = 12 × monthly).
 */
import { loadEmbeddedConfig } from '../../lib/config/load';
import { estimateForConfig } from '../../lib/cost/estimate-config';
import { AP_NORTHEAST_1 } from '../../lib/cost/prices/ap-northeast-1';
import type { PriceKey } from '../../lib/cost/prices/price-entry';

const TODAY = '2026-12-06';
const RATE = 150;
const usd = (k: PriceKey): number => {
  const p = AP_NORTHEAST_1[k];
  if (p?.usd == null) throw new Error(`no price for ${k}`);
  return p.usd;
};
const jpy = (monthlyUsd: number): number => Math.round(monthlyUsd * RATE);

// Read off example-city by hand:
// - 2 AZs (ap-northeast-1a, 1c); every tier keeps the 5 default interface endpoints (ssm, ssmmessages, ec2messages, logs, kms);
// - internet and LGWAN tiers: a site-to-site VPN each; personal-number: Direct Connect (no AWS line: port/carrier excluded);
// - internet egress: Network Firewall (1 endpoint at the table's lower bound; its per-GB price has no source: not counted)
//   + 1 NAT gateway + its public IPv4 address;
// - no Transit Gateway; flow-log retention 365 days; trail retention 365 days (default);
// - telework: LGWAN only, 100 seats, default STANDARD / AUTO_STOP, AutoStop idle 60 min (default), private streaming,
//   a Client VPN pool (private-ca certificates by default), a Managed AD Standard directory (default).
// Default assumptions: 20 days, 7.75 h, 25 %; 5 GB flow logs per tier, 1 GB telework logs, 2 GB trail, 100 GB egress.
const MONTHS_KEPT = 365 / (365 / 12); // 365 days of logs at a steady state = 12 months' worth
const RUN_HOURS = 100 * 20 * (7.75 + 1) * 0.25; // 4,375 desktop running hours
const VPN_HOURS = 100 * 20 * 7.75 * 0.25; // 3,875 connection hours

const perTier = (tier: string): Record<string, number> => ({
  [`${tier}.interface-endpoints`]: jpy(5 * 2 * 730 * usd('privateLink.endpointAzHour')),
  [`${tier}.flow-logs.ingest`]: jpy(5 * usd('cloudWatchLogs.ingestGb')),
  [`${tier}.flow-logs.storage`]: jpy(5 * MONTHS_KEPT * usd('cloudWatchLogs.storageGbMonth')),
  [`${tier}.flow-logs.key`]: jpy(1 * usd('kms.keyMonth')),
});

const EXPECTED: Record<string, number> = {
  ...perTier('internet'),
  'internet.site-to-site-vpn': jpy(730 * usd('siteToSiteVpn.connectionHour')),
  'internet.egress.firewall-endpoint': jpy(730 * usd('networkFirewall.endpointHour')),
  'internet.egress.firewall-data': 0,
  'internet.egress.nat-gateway': jpy(730 * usd('natGateway.hour')),
  'internet.egress.nat-data': jpy(100 * usd('natGateway.dataGb')),
  'internet.egress.public-ipv4': jpy(730 * usd('publicIpv4.hour')),
  ...perTier('lgwan'),
  'lgwan.site-to-site-vpn': jpy(730 * usd('siteToSiteVpn.connectionHour')),
  'lgwan.workspaces.auto-stop-monthly': jpy(100 * usd('workspaces.STANDARD.autoStopMonthly')),
  'lgwan.workspaces.auto-stop-hours': jpy(RUN_HOURS * usd('workspaces.STANDARD.autoStopHourly')),
  'lgwan.directory.managed-ad': jpy(2 * 730 * usd('directory.managedAd.Standard.dcHour')),
  'lgwan.directory.admin-secret': jpy(1 * usd('secretsManager.secretMonth')),
  'lgwan.keys.telework': jpy(2 * usd('kms.keyMonth')),
  'lgwan.telework-logs.ingest': jpy(1 * usd('cloudWatchLogs.ingestGb')),
  'lgwan.telework-logs.storage': jpy(1 * MONTHS_KEPT * usd('cloudWatchLogs.storageGbMonth')),
  'lgwan.streaming-endpoint': jpy(1 * 2 * 730 * usd('privateLink.endpointAzHour')),
  'lgwan.client-vpn.associations': jpy(2 * 730 * usd('clientVpn.associationHour')),
  'lgwan.client-vpn.connections': jpy(VPN_HOURS * usd('clientVpn.connectionHour')),
  'lgwan.private-ca': jpy(1 * usd('privateCa.generalPurposeMonth')),
  ...perTier('personal-number'),
  'shared.cloudtrail.management-events': 0,
  'shared.cloudtrail.bucket': jpy(2 * MONTHS_KEPT * usd('s3.standardGbMonth')),
  'shared.cloudtrail.logs.ingest': jpy(2 * usd('cloudWatchLogs.ingestGb')),
  'shared.cloudtrail.logs.storage': jpy(2 * MONTHS_KEPT * usd('cloudWatchLogs.storageGbMonth')),
  'shared.cloudtrail.key': jpy(1 * usd('kms.keyMonth')),
};

describe('example-city estimate, by hand', () => {
  const estimate = estimateForConfig(loadEmbeddedConfig('example-city'), { today: TODAY });

  it('has exactly the hand-listed lines', () => {
    expect(estimate.lines.map((l) => l.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s costs %d yen a month', (id, yenMonthly) => {
    const line = estimate.lines.find((l) => l.id === id);
    expect(line).toBeDefined();
    expect(line!.monthlyJpy).toBe(yenMonthly);
    expect(line!.yearlyJpy).toBe(yenMonthly * 12);
  });

  it('spot-checks a few lines in plain numbers', () => {
    const byId = (id: string) => estimate.lines.find((l) => l.id === id)!;
    // 2 associations × 730 h × $0.15 = $219 → ¥32,850
    expect(byId('lgwan.client-vpn.associations').monthlyJpy).toBe(32_850);
    // 100 × $11 = $1,100 → ¥165,000
    expect(byId('lgwan.workspaces.auto-stop-monthly').monthlyJpy).toBe(165_000);
    // 4,375 h × $0.32 = $1,400 → ¥210,000
    expect(byId('lgwan.workspaces.auto-stop-hours').monthlyJpy).toBe(210_000);
    expect(byId('lgwan.workspaces.auto-stop-hours').quantity).toBe(4375);
    // $400 → ¥60,000
    expect(byId('lgwan.private-ca').monthlyJpy).toBe(60_000);
  });

  it('counts the Network Firewall endpoint at its lower bound, marked unconfirmed, and leaves its per-GB line out, saying both', () => {
    const byId = (id: string) => estimate.lines.find((l) => l.id === id)!;
    // 730 h × $0.3425 (= $250 a month, the lower bound) = $250.025 → ¥37,504
    expect(byId('internet.egress.firewall-endpoint').monthlyJpy).toBe(37_504);
    expect(byId('internet.egress.firewall-endpoint').price.confirmed).toBe(false);
    expect(byId('internet.egress.firewall-endpoint').price.note).toMatch(/LOWER BOUND/);
    expect(byId('internet.egress.firewall-data').counted).toBe(false);
    const unconfirmed = estimate.warnings.find((w) => w.kind === 'unconfirmed-price');
    expect(unconfirmed?.en).toContain('networkFirewall.endpointHour');
    const notCounted = estimate.warnings.find((w) => w.kind === 'not-counted');
    expect(notCounted?.en).toContain('Network Firewall: traffic inspected');
  });

  it('adds up: before tax, consumption tax rounded down, with tax, yearly = 12 × monthly', () => {
    const exTax = Object.values(EXPECTED).reduce((a, b) => a + b, 0);
    const tax = Math.floor(exTax * 0.1);
    expect(estimate.totals.monthlyJpyExTax).toBe(exTax);
    expect(estimate.totals.monthlyTaxJpy).toBe(tax);
    expect(estimate.totals.monthlyJpyIncTax).toBe(exTax + tax);
    expect(estimate.totals.yearlyJpyIncTax).toBe((exTax + tax) * 12);
  });

  it('divides by the 100 LGWAN seats for the per-seat figure', () => {
    const exTax = Object.values(EXPECTED).reduce((a, b) => a + b, 0);
    const incTax = exTax + Math.floor(exTax * 0.1);
    expect(estimate.perSeat?.seats).toBe(100);
    expect(estimate.perSeat?.monthlyJpyExTax).toBe(Math.round(exTax / 100));
    expect(estimate.perSeat?.monthlyJpyIncTax).toBe(Math.round(incTax / 100));
    const seatDependent = EXPECTED['lgwan.workspaces.auto-stop-monthly'] + EXPECTED['lgwan.workspaces.auto-stop-hours'] + EXPECTED['lgwan.client-vpn.connections'];
    expect(estimate.perSeat?.monthlySeatDependentJpy).toBe(Math.round(seatDependent / 100));
  });

  it('shows the small-start path: 20, 100 and 1,000 seats, per seat falling as the shared base spreads', () => {
    const seatLines = ['lgwan.workspaces.auto-stop-monthly', 'lgwan.workspaces.auto-stop-hours', 'lgwan.client-vpn.connections'];
    const fixed = Object.entries(EXPECTED).filter(([id]) => !seatLines.includes(id)).reduce((a, [, v]) => a + v, 0);
    const at = (n: number): number => {
      const exTax = fixed + jpy(n * usd('workspaces.STANDARD.autoStopMonthly')) + jpy(n * 20 * 8.75 * 0.25 * usd('workspaces.STANDARD.autoStopHourly')) + jpy(n * 20 * 7.75 * 0.25 * usd('clientVpn.connectionHour'));
      return exTax + Math.floor(exTax * 0.1);
    };
    expect(estimate.scale.map((s) => s.seats)).toEqual([20, 100, 1000]);
    for (const point of estimate.scale) {
      expect(point.monthlyJpyIncTax).toBe(at(point.seats));
      expect(point.perSeatMonthlyJpyIncTax).toBe(Math.round(at(point.seats) / point.seats));
    }
    expect(estimate.scale[0].perSeatMonthlyJpyIncTax).toBeGreaterThan(estimate.scale[1].perSeatMonthlyJpyIncTax);
    expect(estimate.scale[1].perSeatMonthlyJpyIncTax).toBeGreaterThan(estimate.scale[2].perSeatMonthlyJpyIncTax);
  });

  it('finds where AlwaysOn becomes cheaper: (AlwaysOn − AutoStop base) ÷ hourly', () => {
    const [b] = estimate.breakEven;
    const hours = (usd('workspaces.STANDARD.alwaysOnMonthly') - usd('workspaces.STANDARD.autoStopMonthly')) / usd('workspaces.STANDARD.autoStopHourly');
    expect(b.tier).toBe('lgwan');
    expect(b.hoursPerMonth).toBeCloseTo(hours, 10); // 81.25 h with the shipped prices
    expect(b.teleworkShare).toBeCloseTo(hours / (20 * 8.75), 10);
    expect(b.assumedHoursPerSeat).toBeCloseTo(43.75, 10);
    expect(b.cheaperAtAssumedUsage).toBe('AUTO_STOP');
  });

  it('compares with the service-type reference of about ¥10,800 per seat per month', () => {
    expect(estimate.reference.jpyPerSeatMonth).toBe(10_800);
    expect(estimate.reference.differenceJpy).toBe(estimate.perSeat!.monthlyJpyIncTax - 10_800);
    expect(estimate.reference.includes.ja).toContain('端末');
  });
});
