/**
 * UNTAGGED-MUNICIPALITY: in a model of several municipalities (or with a prefecture hub), a VPC that
 * declares neither its municipality (`mic:municipality`) nor a hub (`mic:hub`), or declares both.
 * Municipalities are declared, never guessed: an undeclared VPC cannot be proven separate from the others
 * (fail closed). A single-municipality app has nothing to separate and is not judged.
 */
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
import { isMultiMunicipality, membershipOf } from '../../model/facts/membership';

export const untaggedMunicipality: Rule = {
  id: 'UNTAGGED-MUNICIPALITY',
  severity: 'error',
  acknowledgeable: true,
  title: 'A VPC declares no municipality / 所属団体の宣言がない VPC',
  citation: 'municipalitySeparation',
  summary: 'in a model of several municipalities or with a hub, a VPC declaring neither `mic:municipality` nor `mic:hub` (or both)',
  check({ model }) {
    if (!isMultiMunicipality(model)) return [];
    const out: Finding[] = [];
    for (const v of model.vpcs.values()) {
      const m = membershipOf(model, v.key);
      if (m.municipality !== undefined && m.hub !== undefined) {
        out.push(resourceFindingOf(this.id, this.severity, v.ref, this.citation, { key: 'municipality-and-hub', vpc: v.ref.logicalId, municipality: m.municipality, hub: m.hub }));
      } else if (m.municipality === undefined && m.hub === undefined) {
        out.push(resourceFindingOf(this.id, this.severity, v.ref, this.citation, { key: 'untagged-municipality', vpc: v.ref.logicalId }));
      }
    }
    return out;
  },
};
