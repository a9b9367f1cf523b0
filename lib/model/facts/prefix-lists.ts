/** Customer-managed prefix lists, used by routes and security groups. */
import { parseCidr } from '../../cidr/address-sets';
import { isPlainObject } from '../resolve/values';
import type { Extractor } from './extractor';
import { reason } from '../reason';

export const prefixListExtractor: Extractor = {
  types: ['AWS::EC2::PrefixList'],
  phase: 1,
  extract(entry, ctx) {
    const cidrs = [];
    for (const e of ctx.resolver.propList(entry, 'Entries')) {
      const c = isPlainObject(e) ? parseCidr(e.Cidr) : undefined;
      if (!c) ctx.unresolved(entry, 'Entries', reason('prefix-list-entry-not-literal'));
      else cidrs.push(c);
    }
    ctx.model.prefixLists.set(entry.key, ctx.fact(entry, { cidrs }));
  },
};
