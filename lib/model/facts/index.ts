/**
 * Builds the network model once: every resource goes to the extractors of its family, in phases, then
 * the model is finalised (tier inheritance, tag conflicts, CloudFormation defaults, coverage notes).
 */
import type { LoadedTemplate } from '../load/template';
import type { MissingNestedTemplate } from '../load';
import { Resolver, type ResourceEntry } from '../resolve/resolver';
import { ResRef } from '../resolve/values';
import { ALL_ADDRESSES } from '../../cidr/address-sets';
import { ExtractContext } from './context';
import type { Extractor } from './extractor';
import { clientVpnEndpointExtractor, clientVpnPartsExtractor } from './client-vpn';
import { extractGenericCompute, instanceExtractor, interfaceAttachmentExtractor, networkInterfaceExtractor } from './compute';
import { endpointExtractor, endpointServiceExtractor } from './endpoints';
import { firewallExtractor } from './firewall';
import { egressOnlyGatewayExtractor, gatewayAttachmentExtractor, internetGatewayExtractor, natGatewayExtractor } from './gateways';
import { dxAssociationExtractor, vgwExtractor, vpnConnectionExtractor } from './links';
import { membershipExtractor } from './membership';
import { resourceShareExtractor } from './resource-shares';
import { naclAssociationExtractor, naclEntryExtractor, naclExtractor } from './nacl';
import { extractCustomResources, isCustomResource, MODELLED_CUSTOM_RESOURCE } from './custom-resources';
import { STANDING_LIMITS, type CoverageNote } from '../coverage-note';
import { reviewedCoverage } from './resource-coverage';
import { addWorkspacesMembersGroups, tierTagConflictsOfAnyType } from './after-finalise';
import { classify } from './network-types';
import { peeringExtractor } from './peering';
import { prefixListExtractor } from './prefix-lists';
import { routeAssociationExtractor, routeExtractor, routeTableExtractor, vgwPropagationExtractor } from './routing';
import { securityGroupExtractor, securityGroupRuleExtractor } from './security-groups';
import { directoryServiceExtractor, streamingEndpointAndLbExtractor, workspacesExtractor } from './telework';
import { tgwAssociationExtractor, tgwAttachmentExtractor, tgwExtractor, tgwRouteExtractor, tgwRouteTableExtractor } from './transit-gateway';
import { emptyModel, type NetworkModel } from './types';
import type { InsertionOrder } from './insertion-order';
import { declareTiers } from './tier-declarations';
import { ACCESS_GRANT_EXTRACTORS } from './access-grants';
import { INVOCATION_EXTRACTORS } from './invocation';
import { SERVICE_RELAY_EXTRACTORS } from './service-relays';
import { REMOTE_ENTRY_EXTRACTORS } from './remote-entries';
import { tgwPeeringExtractor } from './tgw-peering';
import { latticeExtractor } from './vpc-lattice';
import { packageDesktopsExtractor } from './package-desktops';
import { carrierGatewayExtractor } from './carrier-gateways';
import { TGW_CONNECT_EXTRACTORS } from './tgw-connect';
import { CLOUD_WAN_EXTRACTORS } from './cloud-wan';
import { apiGatewayV2IntegrationExtractor } from './api-gateway-v2';
import { STREAMING_SERVICE_EXTRACTORS } from './streaming-services';
import { subnetCidrBlockExtractor, subnetExtractor, vpcCidrBlockExtractor, vpcExtractor } from './vpc';
import { reason } from '../reason';

export * from './types';

export const EXTRACTORS: readonly Extractor[] = [
  vpcExtractor, vpcCidrBlockExtractor, subnetExtractor, subnetCidrBlockExtractor,
  routeTableExtractor, routeExtractor, routeAssociationExtractor, vgwPropagationExtractor,
  internetGatewayExtractor, egressOnlyGatewayExtractor, natGatewayExtractor, gatewayAttachmentExtractor,
  vgwExtractor, vpnConnectionExtractor, dxAssociationExtractor,
  tgwExtractor, tgwAttachmentExtractor, tgwRouteTableExtractor, tgwAssociationExtractor, tgwRouteExtractor,
  peeringExtractor, endpointServiceExtractor, endpointExtractor, firewallExtractor,
  naclExtractor, naclEntryExtractor, naclAssociationExtractor,
  securityGroupExtractor, securityGroupRuleExtractor, prefixListExtractor,
  clientVpnEndpointExtractor, clientVpnPartsExtractor,
  workspacesExtractor, directoryServiceExtractor, streamingEndpointAndLbExtractor,
  networkInterfaceExtractor, instanceExtractor, interfaceAttachmentExtractor, membershipExtractor, resourceShareExtractor,
  ...INVOCATION_EXTRACTORS, ...ACCESS_GRANT_EXTRACTORS, ...SERVICE_RELAY_EXTRACTORS,
  ...REMOTE_ENTRY_EXTRACTORS, tgwPeeringExtractor, latticeExtractor, packageDesktopsExtractor,
  carrierGatewayExtractor, ...TGW_CONNECT_EXTRACTORS, ...CLOUD_WAN_EXTRACTORS, apiGatewayV2IntegrationExtractor, ...STREAMING_SERVICE_EXTRACTORS,
];

/** Phase in which the catch-all subnet walker runs for non-EC2 types (before LB entry detection). */
const GENERIC_COMPUTE_PHASE = 3;
/** The catch-all subnet walker, run for the resources that pass the test in buildModel. */
const GENERIC_COMPUTE: Extractor = { types: [], phase: GENERIC_COMPUTE_PHASE, extract: extractGenericCompute };

export interface BuiltModel {
  model: NetworkModel;
  resolver: Resolver;
}

/**
 * `order`, when given, records when each walk source and telework entry was made (insertion-order.ts): only
 * `verify`'s side-by-side parts ask for it, to merge their results in one model's order.
 */
export function buildModel(templates: readonly LoadedTemplate[], missingNested: readonly MissingNestedTemplate[] = [], order?: (model: NetworkModel) => InsertionOrder): BuiltModel {
  const resolver = new Resolver(templates);
  const model = emptyModel();
  const recorder = order?.(model);
  const ctx = new ExtractContext(resolver, model);
  const byType = new Map<string, Extractor[]>();
  for (const x of EXTRACTORS) for (const t of x.types) byType.set(t, [...(byType.get(t) ?? []), x]);
  const phases = [...new Set([...EXTRACTORS.map((x) => x.phase), GENERIC_COMPUTE_PHASE])].sort((a, b) => a - b);
  // Canonical order (stack, then logical id): facts, and so witnesses and findings, never depend on the
  // order resources are declared in a template.
  const entries = canonicalOrder(resolver.entryList);
  model.resourceCount = entries.length;

  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const c = classify(e.resource.Type);
    if (c === 'unmodelled') ctx.unmodelled(e, reason('unmodelled-type', { type: e.resource.Type }));
    // Every other type no extractor reads: its reviewed treatment, or a finding when it names a network (fail closed).
    else if (c === 'other' && !byType.has(e.resource.Type) && !isCustomResource(e.resource.Type)) {
      const r = reviewedCoverage(e.resource.Type, e.resource.Properties);
      if (r?.kind === 'unmodelled') ctx.unmodelled(e, r.reason);
    }
  }
  // Each phase's work, listed once in canonical order (each resource's extractors in registry order, then
  // the generic subnet walker in its phase), rather than every resource's type looked up in every phase.
  const work = new Map<number, Array<{ entry: ResourceEntry; extractor: Extractor }>>(phases.map((p) => [p, []]));
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const extractors = byType.get(e.resource.Type);
    if (extractors) for (let j = 0; j < extractors.length; j++) work.get(extractors[j].phase)!.push({ entry: e, extractor: extractors[j] });
    // Launch templates are the one EC2 type whose subnets matter without being a resource of their own:
    // every instance launched from one with interfaces in two tiers would bridge them.
    if ((!e.resource.Type.startsWith('AWS::EC2::') || e.resource.Type === 'AWS::EC2::LaunchTemplate') && classify(e.resource.Type) !== 'unmodelled') {
      // Reviewed-inert types name networks without being placed in them (nested-stack parameters, DNS zones…).
      if (!e.resource.Type.startsWith('AWS::DirectoryService::') && reviewedCoverage(e.resource.Type, e.resource.Properties)?.kind !== 'inert') work.get(GENERIC_COMPUTE_PHASE)!.push({ entry: e, extractor: GENERIC_COMPUTE });
    }
  }
  for (const phase of phases) {
    const list = work.get(phase)!;
    if (recorder) {
      // The same loop, noting after each call what it made: [phase, resource key, place among its extractors].
      for (let i = 0, j = 0; i < list.length; i++) {
        j = i > 0 && list[i - 1].entry === list[i].entry ? j + 1 : 0;
        list[i].extractor.extract(list[i].entry, ctx);
        recorder.after(phase, list[i].entry.key, j);
      }
      continue;
    }
    for (let i = 0; i < list.length; i++) list[i].extractor.extract(list[i].entry, ctx);
  }
  for (const t of templates) {
    if (t.template.Transform === undefined) continue;
    const names = ([] as unknown[]).concat(t.template.Transform).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
    // A macro rewrites the template at deploy time: what it adds is invisible here (fail closed).
    model.unmodelled.push({ ref: { stack: t.stack, logicalId: '(Transform)', type: 'AWS::CloudFormation::Macro' }, reason: reason('transform', { names }) });
  }
  for (const m of missingNested) {
    model.unmodelled.push({ ref: { stack: m.stack, logicalId: m.logicalId, type: 'AWS::CloudFormation::Stack' }, reason: reason('nested-stack', { problem: m.problem }) });
  }
  for (const name of resolver.duplicateExports()) {
    model.coverage.push({ key: 'duplicate-export', name });
  }
  finalise(model, ctx);
  tierTagConflictsOfAnyType(ctx);
  addWorkspacesMembersGroups(ctx);
  recorder?.finish();
  return { model, resolver };
}

/**
 * Resources in the order of their keys (`stack::logicalId`, compared as strings), sorted per stack: a
 * country's 190,000 keys sorted as one list cost more than the rest of the ordering. Keys of two stacks
 * compare as their `stack::` prefixes do whenever no stack name holds a ':' (then neither prefix can begin
 * the other); otherwise the whole list is sorted by key, as before.
 */
function canonicalOrder(all: readonly ResourceEntry[]): ResourceEntry[] {
  const byKey = (a: ResourceEntry, b: ResourceEntry): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const byStack = new Map<string, ResourceEntry[]>();
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    const list = byStack.get(e.stack);
    if (list) list.push(e);
    else byStack.set(e.stack, [e]);
  }
  const stacks = [...byStack.keys()];
  if (stacks.some((s) => s.includes(':'))) return [...byStack.values()].flat().sort(byKey);
  const prefixes = new Map(stacks.map((s) => [s, `${s}::`]));
  stacks.sort((a, b) => (prefixes.get(a)! < prefixes.get(b)! ? -1 : 1));
  // Within one stack every key is the same `stack::` prefix and the logical id: they compare as the logical
  // ids do, without reading the prefix again in each of the sort's comparisons.
  const byLogicalId = (a: ResourceEntry, b: ResourceEntry): number => (a.logicalId < b.logicalId ? -1 : a.logicalId > b.logicalId ? 1 : 0);
  const out: ResourceEntry[] = [];
  for (const s of stacks) for (const e of byStack.get(s)!.sort(byLogicalId)) out.push(e);
  return out;
}

function finalise(model: NetworkModel, ctx: ExtractContext): void {
  const restricted = new Set<string>();
  declareTiers(model);
  // CDK's restrictDefaultSecurityGroup custom resource revokes every rule of the VPC's default group at
  // deploy time. It is the one custom resource whose effect the engine models, because it only removes.
  const all = ctx.resolver.entryList;
  for (let i = 0; i < all.length; i++) {
    const e = all[i];
    if (e.resource.Type !== MODELLED_CUSTOM_RESOURCE || e.presence !== 'present') continue;
    for (const v of ctx.resolver.prop(e, 'DefaultSecurityGroupId')) {
      const sg = v instanceof ResRef ? model.securityGroups.get(v.key) : undefined;
      if (sg?.isDefault) {
        sg.ingress = [];
        sg.egress = [];
        restricted.add(sg.key);
      }
    }
  }
  // CloudFormation's default egress rule applies to groups with no certain egress rule of their own, and the
  // VPC's default group keeps its allow-all egress whatever is added to it. Egress rules that only may exist
  // (a condition the engine cannot decide) do not remove it: in the deployment where they do not exist the
  // group allows everything, so the default is added beside them.
  for (const sg of model.securityGroups.values()) {
    if (restricted.has(sg.key)) continue;
    if (sg.isDefault || !sg.explicitEgress) {
      sg.egress.push({ ref: sg.ref, protocol: -1, cidr: ALL_ADDRESSES, peerText: 'everywhere (default egress)' });
    }
  }
  // Transit gateway defaults: attachments with no explicit association join the default table; all propagate to it.
  const explicitlyAssociated = new Set<string>();
  for (const rt of model.tgwRouteTables.values()) for (const a of rt.associations) explicitlyAssociated.add(a.attachment);
  for (const a of model.tgwAttachments.values()) {
    const tgw = model.tgws.get(a.tgw);
    if (!tgw) continue;
    const def = model.tgwRouteTables.get(tgw.defaultRouteTable)!;
    if (tgw.defaultAssociation && !explicitlyAssociated.has(a.key)) def.associations.push({ attachment: a.key, ref: tgw.ref });
    if (tgw.defaultPropagation) def.propagations.push({ attachment: a.key, ref: tgw.ref });
  }
  model.coverage.push(...STANDING_LIMITS.map((limit): CoverageNote => ({ key: 'standing', limit })));
  extractCustomResources(ctx.resolver.entryList, ctx);
}
