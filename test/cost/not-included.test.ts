/**
 * What every estimate says it does not contain, and what depends on the configuration: where the internet
 * tier goes out through the prefecture (its security cloud, or the hub this package builds for it), that is
 * the prefecture's bill and is listed as not included — never silently left out.
 */
import { NOT_INCLUDED, notIncludedFor } from '../../lib/cost/reference-points';

describe('not included', () => {
  it('always lists devices, carrier lines, Direct Connect, support and staff time', () => {
    const en = NOT_INCLUDED.map((x) => x.en).join('\n');
    for (const word of ['devices', 'carrier', 'Direct Connect', 'Support plan', 'Staff time']) expect(en).toContain(word);
  });

  it.each([
    ['network-firewall', 0, ''],
    ['security-cloud', 1, '自治体情報セキュリティクラウド'],
    ['prefecture-hub', 1, '県のハブ'],
  ] as const)('internet egress %s adds %d item(s)', (kind, extra, ja) => {
    const items = notIncludedFor(kind);
    expect(items.length).toBe(NOT_INCLUDED.length + extra);
    if (extra > 0) expect(items.at(-1)!.ja).toContain(ja);
  });
});
