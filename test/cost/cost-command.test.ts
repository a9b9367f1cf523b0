/**
 * `closed-telework cost` as users run it. Bad inputs go through the real bin (`npx closed-telework cost`,
 * a child process each, several seconds of start-up on a busy machine, so only the error cases the issue names
 * and one good run with overrides); the remaining option checks call the same commander program in-process.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { main } from '../../lib/cli/main';
import { exampleCity } from '../../lib/config/municipalities/example-city';

const REPO = path.join(__dirname, '..', '..');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cost-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : stringify(content));
  return file;
}

function npx(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('npx', ['--no-install', 'closed-telework', 'cost', ...args], { cwd: REPO, encoding: 'utf8', timeout: 180000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((stdout += String(c)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((stderr += String(c)), true));
  try {
    const code = await main(['node', 'closed-telework', 'cost', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('closed-telework cost (real CLI): bad inputs exit 2, name the field in both languages, write nothing', () => {
  it('refuses a negative seat count', () => {
    const out = path.join(dir, 'negative.txt');
    const r = npx('--overrides', write('negative.yaml', { desktops: { lgwan: { seats: -5 } } }), '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('desktops.lgwan.seats: a seat count cannot be negative (got -5)');
    expect(r.stderr).toContain('席数に負の値（-5）は指定できません');
    expect(r.stderr).toContain('何も出力していません');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses an unknown bundle', () => {
    const out = path.join(dir, 'bundle.xlsx');
    const r = npx('--overrides', write('bundle.yaml', { desktops: { lgwan: { bundle: 'ULTRA' } } }), '--format', 'xlsx', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('desktops.lgwan.bundle: unknown WorkSpaces bundle "ULTRA"');
    expect(r.stderr).toContain('WorkSpaces のバンドル「ULTRA」は価格表にありません');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a bundle whose price is missing for the region, naming the price key to add', () => {
    const out = path.join(dir, 'missing.json');
    const r = npx('--overrides', write('missing.yaml', { desktops: { lgwan: { bundle: 'PERFORMANCE', runningMode: 'AUTO_STOP' } } }), '--format', 'json', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cost.prices.ap-northeast-1.workspaces.PERFORMANCE.autoStopMonthly');
    expect(r.stderr).toContain('ap-northeast-1 の価格表に「workspaces.PERFORMANCE.autoStopHourly」');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('applies an overrides file: exchange rate, discount, a new price with its own source', () => {
    const overrides = write('overrides.yaml', {
      exchangeRate: { jpyPerUsd: 140, asOf: '2026-11-30', basis: '令和9年度予算積算レート' },
      discountPercent: 10,
      prices: { 'ap-northeast-1': { 'networkFirewall.endpointHour': { usd: 0.5, source: 'https://aws.amazon.com/network-firewall/pricing/', read: '2026-12-01' } } },
    });
    const r = npx('--overrides', overrides, '--format', 'json', '--today', '2026-12-06');
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout);
    const line = (id: string) => e.lines.find((l: { id: string }) => l.id === id);
    // 100 seats × $11 × 0.9 × ¥140
    expect(line('lgwan.workspaces.auto-stop-monthly').monthlyJpy).toBe(Math.round(100 * 11 * 0.9 * 140));
    // 730 h × $0.50 × 0.9 × ¥140, now counted, with the override's source and date
    expect(line('internet.egress.firewall-endpoint').monthlyJpy).toBe(Math.round(730 * 0.5 * 0.9 * 140));
    expect(line('internet.egress.firewall-endpoint').price).toMatchObject({ read: '2026-12-01', origin: 'overrides-file', confirmed: true });
    expect(e.settings.exchangeRate).toMatchObject({ jpyPerUsd: 140, asOf: '2026-11-30' });
  });
});

describe('closed-telework cost (in-process)', () => {
  it('prints the Japanese budget document by default for the embedded example city', async () => {
    const r = await cli('--today', '2026-12-06');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('予算要求資料');
    expect(r.stdout).toContain('税抜');
    expect(r.stdout).toContain('消費税（10%）');
    expect(r.stdout).toContain('税込');
    expect(r.stdout).toContain('含まれない費用');
    expect(r.stdout).toContain('閉域SIM');
    expect(r.stdout).toContain('端末費用を含みません');
  });

  it('reads a configuration file with -c config=FILE, its cost section included', async () => {
    const config = write('city.yaml', { ...exampleCity, cost: { usage: { teleworkShare: 0.5 }, desktops: { lgwan: { seats: 20 } } } });
    const r = await cli('-c', `config=${config}`, '--format', 'json', '--today', '2026-12-06');
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.perSeat.seats).toBe(20);
    // 20 seats × 20 days × 8.75 h × 50 %
    expect(e.lines.find((l: { id: string }) => l.id === 'lgwan.workspaces.auto-stop-hours').quantity).toBe(1750);
  });

  it('refuses a negative seat count in the configuration itself (exit 2, the field named)', async () => {
    const config = write('neg-city.yaml', { ...exampleCity, tiers: { ...exampleCity.tiers, lgwan: { ...exampleCity.tiers.lgwan, seats: -1 } } });
    const r = await cli('-c', `config=${config}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tiers.lgwan.seats');
  });

  it('refuses an unknown price key and a bad date in an overrides file', async () => {
    const file = write('bad-prices.json', JSON.stringify({ prices: { 'ap-northeast-1': { 'workspaces.ULTRA.monthly': { usd: 1, source: 'x', read: '2026-13-01' } } } }));
    const r = await cli('--overrides', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('prices.ap-northeast-1.workspaces.ULTRA.monthly: unknown price key');
    expect(r.stderr).toContain('is not a date (YYYY-MM-DD)');
  });

  it('refuses xlsx without --out, an unknown format and an unknown language', async () => {
    expect((await cli('--format', 'xlsx')).code).toBe(2);
    expect((await cli('--format', 'pdf')).code).toBe(2);
    expect((await cli('--lang', 'fr')).code).toBe(2);
  });

  it('writes CSV with a BOM for Excel, atomically to --out', async () => {
    const out = path.join(dir, 'estimate.csv');
    const r = await cli('--format', 'csv', '--out', out, '--today', '2026-12-06');
    expect(r.code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('月額（円・税抜）');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Warnings reach the terminal when the estimate goes to a file.
    expect(r.stderr).toContain('警告');
  });

  it('lists the price table with --prices', async () => {
    const r = await cli('--prices', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('clientVpn.associationHour');
    expect(r.stdout).toContain('https://aws.amazon.com/vpn/pricing/');
  });
});
