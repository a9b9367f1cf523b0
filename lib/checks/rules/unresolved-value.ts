/** UNRESOLVED-VALUE: a network-relevant value the engine could not resolve (fail closed). */
import type { Rule } from '../rule';
import { resourceFindingOf } from './helpers';
import { reasonId } from '../../model/reason';

export const unresolvedValue: Rule = {
  id: 'UNRESOLVED-VALUE',
  severity: 'error',
  acknowledgeable: true,
  title: 'A network value cannot be resolved / 値を解決できない',
  citation: 'failClosed',
  summary: 'a network value the engine cannot resolve (IPAM CIDR, literal `vpc-…` id, parameter without default, missing export…)',
  check({ model }) {
    const seen = new Set<string>();
    const out = [];
    for (const u of model.unresolved) {
      const k = `${u.ref.stack}::${u.ref.logicalId}::${u.property}::${reasonId(u.reason)}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(resourceFindingOf(this.id, this.severity, u.ref, this.citation, { key: 'unresolved-value', type: u.ref.type, id: u.ref.logicalId, property: u.property, reason: u.reason }));
    }
    return out;
  },
};
