/**
 * Overrides in process: a price the table lacks becomes usable with its own source and date (and the right
 * unit), the configuration's cost section and an overrides file layer in that order, and a discount applies
 * before tax.
 */
import { loadEmbeddedConfig } from '../../lib/config/load';
import { parseConfig } from '../../lib/config/validate';
import { exampleCity } from '../../lib/config/municipalities/example-city';
import { estimateForConfig } from '../../lib/cost/estimate-config';
import { CostInputError } from '../../lib/cost/cost-error';

const TODAY = '2026-12-06';

describe('cost overrides', () => {
  it('prices a bundle the table lacks once the municipality supplies its prices', () => {
    const config = loadEmbeddedConfig('example-city');
    expect(() => estimateForConfig(config, { today: TODAY, overrides: { desktops: { lgwan: { bundle: 'VALUE', runningMode: 'ALWAYS_ON' } } } })).toThrow(CostInputError);
    const source = 'https://aws.amazon.com/workspaces/pricing/';
    const e = estimateForConfig(config, {
      today: TODAY,
      overrides: {
        desktops: { lgwan: { bundle: 'VALUE', runningMode: 'ALWAYS_ON' } },
        prices: { 'ap-northeast-1': { 'workspaces.VALUE.alwaysOnMonthly': { usd: 30, source, read: '2026-12-05' } } },
      },
    });
    const line = e.lines.find((l) => l.id === 'lgwan.workspaces.always-on')!;
    expect(line.monthlyJpy).toBe(100 * 30 * 150);
    expect(line.price).toMatchObject({ usd: 30, source, read: '2026-12-05', origin: 'overrides-file', unit: { en: 'USD per desktop per month', ja: 'USD/台・月' } });
    // Break-even cannot be computed without the AutoStop prices of VALUE, and says so instead of guessing.
    expect(e.breakEven[0].hoursPerMonth).toBeUndefined();
    expect(e.breakEven[0].reason?.ja).toContain('算出できません');
  });

  it('layers the configuration\'s cost section under an overrides file, field by field', () => {
    const config = parseConfig({ ...exampleCity, cost: { discountPercent: 20, usage: { workingDaysPerMonth: 18, teleworkShare: 0.5 } } }, 'test');
    const e = estimateForConfig(config, { today: TODAY, overrides: { usage: { teleworkShare: 0.2 } } });
    expect(e.settings.usage).toEqual({ workingDaysPerMonth: 18, teleworkHoursPerDay: 7.75, teleworkShare: 0.2 });
    expect(e.settings.discountPercent).toBe(20);
    const base = e.lines.find((l) => l.id === 'lgwan.workspaces.auto-stop-monthly')!;
    expect(base.monthlyJpy).toBe(Math.round(100 * 11 * 0.8 * 150));
  });

  it('refuses a bad cost section when the configuration is loaded (so cdk synth refuses it too)', () => {
    expect(() => parseConfig({ ...exampleCity, cost: { usage: { teleworkShare: 1.5 } } }, 'test')).toThrow(/cost\.usage\.teleworkShare/);
  });
});
