/** UNTAGGED-VPC: a VPC without a valid `mic:tier` tag cannot be proven separated from anything. */
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';

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
        resourceFindingOf(this.id, this.severity, v.ref, this.citation, { key: 'untagged-vpc', vpc: v.ref.logicalId, ...(v.tierTag === undefined ? {} : { invalid: JSON.stringify(v.tierTag) }) }),
      );
  },
};
