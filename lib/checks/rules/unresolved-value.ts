/** UNRESOLVED-VALUE: a network-relevant value the engine could not resolve (fail closed). */
import type { Rule } from '../rule';
import { resourceFinding } from './helpers';

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
      const k = `${u.ref.stack}::${u.ref.logicalId}::${u.property}::${u.reason}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(resourceFinding(this.id, this.severity, u.ref, this.citation, `${this.title}: ${u.ref.logicalId}.${u.property}`,
        `${u.ref.type} ${u.ref.logicalId}, property ${u.property}: ${u.reason}. The engine cannot prove separation for what it cannot see. Fix: use a literal or a reference to a resource in the templates given (pass every stack, including the one that exports the value).`));
    }
    return out;
  },
};
