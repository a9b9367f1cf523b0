/**
 * AWS RAM resource shares. A share lets other accounts use a resource; what they do with it lives in
 * their own templates. The engine judges each shared resource:
 * - an SSM parameter: data only (how the prefecture hub and its members exchange ids), carries no traffic;
 * - a Transit Gateway with default association AND propagation disabled: an attachment from an account
 *   whose templates are not given joins no route domain, and every route domain of the gateway is in the
 *   templates (associations and propagations are resources of the owner), so the share adds no path the
 *   proof cannot see;
 * - anything else (subnets — VPC sharing puts other accounts' ENIs in the tier — prefix lists, a gateway with
 *   defaults enabled, an ARN the engine cannot read): unmodelled, a finding (fail closed).
 */
import { refsInString, stripRefs } from '../resolve/values';
import type { Extractor } from './extractor';
import { reason } from '../reason';

export const resourceShareExtractor: Extractor = {
  types: ['AWS::RAM::ResourceShare'],
  // After the Transit Gateways (phase 1), whose default settings decide.
  phase: 5,
  extract(entry, ctx) {
    for (const v of ctx.resolver.propList(entry, 'ResourceArns')) {
      const text = typeof v === 'string' ? v : undefined;
      const refs = text !== undefined ? refsInString(text).filter((k) => !k.startsWith('AWS::')) : [];
      const types = refs.map((k) => ctx.typeOf(k));
      const literal = text !== undefined ? stripRefs(text) : '';
      if (text !== undefined && literal.includes(':ssm:') && literal.includes(':parameter') && types.every((t) => t === 'AWS::SSM::Parameter')) continue;
      if (text !== undefined && literal.includes(':transit-gateway/') && refs.length === 1 && types[0] === 'AWS::EC2::TransitGateway') {
        const tgw = ctx.model.tgws.get(refs[0]);
        if (tgw && !tgw.defaultAssociation && !tgw.defaultPropagation) continue;
        ctx.unmodelled(entry, reason('share-tgw-defaults', { tgw: refs[0].split('::').pop()! }));
        continue;
      }
      ctx.unmodelled(entry, reason('share-unmodelled', text !== undefined ? { shared: literal } : {}));
    }
  },
};
