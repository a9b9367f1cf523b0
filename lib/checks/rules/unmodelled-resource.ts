/** UNMODELLED-RESOURCE: a resource that can carry or admit traffic but is not modelled by the engine (fail closed). */
import type { Rule } from '../rule';
import { resourceFinding } from './helpers';

export const unmodelledResource: Rule = {
  id: 'UNMODELLED-RESOURCE',
  severity: 'error',
  title: 'Network resource not modelled / 検証対象外のネットワークリソース',
  citation: 'failClosed',
  check({ model }) {
    return model.unmodelled.map((u) =>
      resourceFinding(this.id, this.severity, u.ref, this.citation, `${this.title}: ${u.ref.type}`,
        `${u.ref.logicalId}: ${u.reason}. It could join tiers in ways the proof does not see. Fix: remove it, or replace it with a modelled construct (see docs/verify.md for the list).`),
    );
  },
};
