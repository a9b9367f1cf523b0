/**
 * UNTAGGED-MUNICIPALITY: in a model of several municipalities (or with a prefecture hub), a VPC that
 * declares neither its municipality (`mic:municipality`) nor a hub (`mic:hub`), or declares both.
 * Municipalities are declared, never guessed: an undeclared VPC cannot be proven separate from the others
 * (fail closed). A single-municipality app has nothing to separate and is not judged.
 */
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import { resourceFinding } from './helpers';
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
        out.push(resourceFinding(this.id, this.severity, v.ref, this.citation, this.title,
          `VPC ${v.ref.logicalId} declares both municipality "${m.municipality}" and prefecture hub "${m.hub}". A hub serves every member municipality and belongs to none. Fix: keep only one of the tags mic:municipality / mic:hub.`));
      } else if (m.municipality === undefined && m.hub === undefined) {
        out.push(resourceFinding(this.id, this.severity, v.ref, this.citation, this.title,
          `VPC ${v.ref.logicalId} declares no municipality, in a model of several municipalities: it cannot be proven separate from them. Fix: tag the VPC mic:municipality=<name> (the municipality stage does this for everything it builds), or mic:hub=<prefecture> for the prefecture's shared hub.`));
      }
    }
    return out;
  },
};
