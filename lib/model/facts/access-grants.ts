/**
 * Grants that let principals outside this account into a tier without any route in the templates:
 * - `AWS::EC2::VPCEndpointServicePermissions`: accounts allowed to create an endpoint to a PrivateLink
 *   service; with "*" or another account, and acceptance off, anyone so allowed connects straight into the
 *   load balancers' tier (TIER-JOIN-PRIVATELINK only sees consumers present in the templates).
 * - `AWS::EC2::NetworkInterfacePermission`: another account may attach its instance to (or associate an
 *   address with) an interface in a tier.
 * The deploying account is written `${AWS::AccountId}` (Ref or Sub); a literal account id cannot be told
 * apart from it, so it counts as another account (fail closed) and the finding says how to write it.
 */
import { isOpaqueString } from '../resolve/values';
import type { ResourceEntry } from '../resolve/resolver';
import type { ExtractContext } from './context';
import type { Extractor } from './extractor';

function isThisAccount(principal: string): boolean {
  return /\$\{AWS::AccountId\}/.test(principal) && !principal.includes('*');
}

function outsiders(entry: ResourceEntry, ctx: ExtractContext, property: string, list: boolean): string[] {
  const out: string[] = [];
  const values = list ? ctx.resolver.propList(entry, property) : ctx.resolver.prop(entry, property);
  for (const v of values) {
    for (const p of ctx.strings(entry, property, [v])) {
      if (isThisAccount(p)) continue;
      // A computed principal that is not this account's id is as good as unknown: count it.
      out.push(isOpaqueString(p) && !p.includes('${AWS::AccountId}') ? `${p} (computed at deploy time)` : p);
    }
  }
  return [...new Set(out)];
}

export const endpointServicePermissionsExtractor: Extractor = {
  types: ['AWS::EC2::VPCEndpointServicePermissions'],
  phase: 2,
  extract(entry, ctx) {
    const who = outsiders(entry, ctx, 'AllowedPrincipals', true);
    if (who.length === 0) return;
    for (const svc of ctx.refKeys(entry, 'ServiceId', undefined, ['AWS::EC2::VPCEndpointService'])) {
      const svcEntry = ctx.resolver.resources.get(svc);
      // AcceptanceRequired is optional and off unless set: an undecidable value counts as off (fail closed).
      const acceptance = svcEntry ? ctx.bool(svcEntry, 'AcceptanceRequired', false) : [false];
      ctx.model.services.accessGrants.push({ ref: ctx.ref(entry), kind: 'endpoint-service', target: svc, outsiders: who, acceptanceRequired: acceptance.every((a) => a) });
    }
  },
};

export const networkInterfacePermissionExtractor: Extractor = {
  types: ['AWS::EC2::NetworkInterfacePermission'],
  phase: 2,
  extract(entry, ctx) {
    const who = outsiders(entry, ctx, 'AwsAccountId', false);
    if (who.length === 0) return;
    for (const eni of ctx.refKeys(entry, 'NetworkInterfaceId', undefined, ['AWS::EC2::NetworkInterface'])) {
      ctx.model.services.accessGrants.push({ ref: ctx.ref(entry), kind: 'network-interface', target: eni, outsiders: who, acceptanceRequired: false });
    }
  },
};

export const ACCESS_GRANT_EXTRACTORS: readonly Extractor[] = [endpointServicePermissionsExtractor, networkInterfacePermissionExtractor];
