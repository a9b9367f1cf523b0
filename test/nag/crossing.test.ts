import { RULES } from '../../lib/checks';
import { CROSSING_RULE_IDS, HYGIENE_RULE_IDS, isCrossingRule } from '../../lib/nag/crossing';

describe('classification of engine rules into crossings (fatal) and hygiene (acknowledgeable)', () => {
  it('classifies every rule the engine has, exactly once', () => {
    for (const rule of RULES) {
      const inCrossing = CROSSING_RULE_IDS.includes(rule.id);
      const inHygiene = HYGIENE_RULE_IDS.includes(rule.id);
      expect(`${rule.id}: ${inCrossing !== inHygiene ? 'classified' : 'NOT classified exactly once'}`).toBe(`${rule.id}: classified`);
    }
  });

  it('names no rule the engine does not have', () => {
    const ids = RULES.map((r) => r.id);
    expect([...CROSSING_RULE_IDS, ...HYGIENE_RULE_IDS].filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('reads the classification from the rules: exactly these are crossings (fatal), the rest hygiene', () => {
    expect([...CROSSING_RULE_IDS].sort()).toEqual(
      ['TIER-CROSSING', 'CLOSED-TIER-INTERNET', 'TELEWORK-ENTRY-PERSONAL-NUMBER', 'TELEWORK-BEYOND-DESKTOP', 'TIER-JOIN-PEERING', 'TIER-JOIN-TGW', 'TIER-JOIN-MULTIHOMED', 'TIER-JOIN-PRIVATELINK', 'TIER-JOIN-LINK', 'TIER-JOIN-EDGE', 'PUBLIC-INVOKE-INTO-TIER', 'ACCESS-GRANT-INTO-TIER', 'SERVICE-RELAY', 'MUNICIPALITY-CROSSING', 'HUB-ATTACHMENT-TIER', 'REMOTE-ENTRY-INTO-TIER', 'TIER-JOIN-LATTICE'].sort(),
    );
    for (const rule of RULES) expect(`${rule.id}: ${isCrossingRule(rule.id)}`).toBe(`${rule.id}: ${!rule.acknowledgeable}`);
  });

  it('treats an unclassified rule as a crossing (fail closed)', () => {
    expect(isCrossingRule('SOME-FUTURE-RULE')).toBe(true);
    expect(isCrossingRule('TIER-CROSSING')).toBe(true);
    expect(isCrossingRule('UNTAGGED-VPC')).toBe(false);
  });
});
