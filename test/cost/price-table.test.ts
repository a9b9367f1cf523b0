/**
 * The shipped price table: every price has a unit, the AWS pricing page it comes from and the date it was
 * read, and says when it is not confirmed. Staleness is a warning in the estimate, tested with an injected
 * "today" — never a test that fails because the calendar moved on.
 */
import { loadEmbeddedConfig } from '../../lib/config/load';
import { estimateForConfig } from '../../lib/cost/estimate-config';
import { PRICE_TABLE } from '../../lib/cost/prices';
import { DEFAULT_STALE_AFTER_DAYS, PRICE_KEYS, PRICED_REGIONS, type PriceEntry } from '../../lib/cost/prices/price-entry';
import { renderCostText } from '../../lib/cost/render/text';
import { ALLOWED_REGIONS } from '../../lib/config/schema';

const entries = PRICED_REGIONS.flatMap((region) => Object.entries(PRICE_TABLE[region]).map(([key, entry]) => ({ region, key, entry: entry as PriceEntry })));

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe('price table', () => {
  it('prices exactly the regions a configuration may use', () => {
    expect([...PRICED_REGIONS].sort()).toEqual([...ALLOWED_REGIONS].sort());
  });

  it('uses only known keys', () => {
    for (const { key } of entries) expect(PRICE_KEYS).toContain(key);
  });

  it.each(entries.map((e) => [`${e.region} ${e.key}`, e.entry] as const))('%s has a source page, a read date and a unit', (_name, entry) => {
    expect(entry.source).toMatch(/^https:\/\/aws\.amazon\.com\/[a-z0-9-]+\/pricing\/$/);
    expect(entry.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(`${entry.read}T00:00:00Z`).toISOString().slice(0, 10)).toBe(entry.read);
    expect(entry.unit.en).toMatch(/^USD/);
    expect(entry.unit.ja).toMatch(/^USD/);
    if (entry.usd !== null) expect(entry.usd).toBeGreaterThanOrEqual(0);
  });

  it.each(entries.filter((e) => !e.entry.confirmed || e.entry.usd === null).map((e) => [`${e.region} ${e.key}`, e.entry] as const))(
    '%s is unconfirmed and says why in its note',
    (_name, entry) => {
      expect(entry.note ?? '').toMatch(/NOT (CONFIRMED|FOUND)/);
    },
  );

  it('marks every Osaka price unconfirmed, except what AWS states for every region (only Tokyo figures could be sourced)', () => {
    const osaka = Object.entries(PRICE_TABLE['ap-northeast-3']) as Array<[string, PriceEntry]>;
    const confirmed = osaka.filter(([, p]) => p.confirmed).map(([k]) => k);
    const everyRegion = (Object.entries(PRICE_TABLE['ap-northeast-1']) as Array<[string, PriceEntry]>).filter(([, p]) => p.confirmed && p.evidence?.scope === 'every-region').map(([k]) => k);
    expect(confirmed.sort()).toEqual(everyRegion.sort());
    expect(confirmed.sort()).toEqual(['directory.adConnector.Large.hour', 'directory.adConnector.Small.hour']);
    // A page that shows a Tokyo number is not evidence for Osaka.
    for (const [, p] of osaka.filter(([, e]) => !e.confirmed)) expect(p.evidence).toBeUndefined();
  });

  it.each(entries.filter((e) => e.entry.evidence !== undefined).map((e) => [`${e.region} ${e.key}`, e.entry] as const))(
    '%s names the stored page its number rests on, the day it was read and what it says',
    (_name, entry) => {
      expect(entry.evidence!.url).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
      expect(entry.evidence!.read).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(entry.evidence!.says.length).toBeGreaterThan(40);
    },
  );

  it('prices AD Connector at nothing only because AWS says it is free with WorkSpaces, and says when it is not', () => {
    for (const size of ['Small', 'Large'] as const) {
      const p = PRICE_TABLE['ap-northeast-1'][`directory.adConnector.${size}.hour`]!;
      expect(p.usd).toBe(0);
      expect(p.evidence?.says).toContain('free of charge to use with WorkSpaces');
      expect(p.note).toContain('30 consecutive days');
    }
  });
});

describe('stale prices', () => {
  const config = loadEmbeddedConfig('example-city');
  const newestRead = entries.map((e) => e.entry.read).sort().at(-1) as string;
  const oldestRead = entries.map((e) => e.entry.read).sort()[0];

  it('warns nothing about age on the day the table was read', () => {
    const e = estimateForConfig(config, { today: newestRead });
    expect(e.warnings.map((w) => w.kind)).not.toContain('stale-price');
  });

  it(`warns in the output once a used price is more than ${DEFAULT_STALE_AFTER_DAYS} days old`, () => {
    const today = addDays(oldestRead, DEFAULT_STALE_AFTER_DAYS + 1);
    const e = estimateForConfig(config, { today });
    const stale = e.warnings.find((w) => w.kind === 'stale-price');
    expect(stale?.en).toContain(`more than ${DEFAULT_STALE_AFTER_DAYS} days`);
    expect(renderCostText(e, 'ja')).toContain(`${DEFAULT_STALE_AFTER_DAYS} 日以上前`);
    expect(renderCostText(e, 'en')).toContain('check them against the AWS pricing pages');
  });

  it('does not warn on the last day within the stated age', () => {
    const e = estimateForConfig(config, { today: addDays(oldestRead, DEFAULT_STALE_AFTER_DAYS) });
    expect(e.warnings.map((w) => w.kind)).not.toContain('stale-price');
  });

  it('takes the stated age from cost.staleAfterDays', () => {
    const e = estimateForConfig(config, { today: addDays(oldestRead, 31), overrides: { staleAfterDays: 30 } });
    expect(e.warnings.map((w) => w.kind)).toContain('stale-price');
  });
});
