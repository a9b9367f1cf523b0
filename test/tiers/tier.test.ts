import { isTier, TIER_LABELS, TIERS } from '../../lib/tiers/tier';

describe('tier vocabulary', () => {
  test('accepts exactly the three tier tag values', () => {
    expect(TIERS).toEqual(['internet', 'lgwan', 'personal-number']);
    for (const t of TIERS) expect(isTier(t)).toBe(true);
    for (const bad of ['Internet', 'lgwan ', 'mynumber', '', undefined, 3]) expect(isTier(bad)).toBe(false);
  });

  test('every tier has an English and a Japanese label', () => {
    expect(TIER_LABELS['personal-number'].ja).toBe('マイナンバー利用事務系');
    for (const t of TIERS) {
      expect(TIER_LABELS[t].en).not.toHaveLength(0);
      expect(TIER_LABELS[t].ja).not.toHaveLength(0);
    }
  });
});
