/** UNTAGGED-VPC: a VPC without a valid `mic:tier` tag cannot be proven separated from anything. */
import { TIERS, TIER_TAG_KEY } from '../../tiers/tier';
import type { Rule } from '../rule';
import { resourceFinding } from './helpers';

export const untaggedVpc: Rule = {
  id: 'UNTAGGED-VPC',
  severity: 'error',
  acknowledgeable: true,
  title: 'VPC has no tier tag / VPCに系のタグがない',
  citation: 'declaredTiers',
  summary: 'a VPC without a valid `mic:tier` tag',
  check({ model }) {
    return [...model.vpcs.values()]
      .filter((v) => !v.tier)
      .map((v) =>
        resourceFinding(this.id, this.severity, v.ref, this.citation, this.title,
          `VPC ${v.ref.logicalId} ${v.tierTag === undefined ? 'has no' : `has an invalid (${JSON.stringify(v.tierTag)})`} ${TIER_TAG_KEY} tag, so the engine cannot tell which tier it belongs to and cannot prove it separated. Fix: tag it ${TIER_TAG_KEY} = ${TIERS.join(' | ')}. VPCに ${TIER_TAG_KEY} タグ(${TIERS.join(' / ')})を付けてください。`),
      );
  },
};
