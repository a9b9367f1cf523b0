/**
 * Why the engine could not resolve a value, why it does not model a resource, and why a tier tag
 * contradicts its network — as data: a key per kind of reason and the values it names (logical ids,
 * property names, CIDRs, tag values, an unknown function's name). No sentence is built in the model: the
 * reports word a reason in the reader's language (lib/report/i18n/reasons.{en,ja}.ts), and `verify
 * --format json` quotes the English inside the UNRESOLVED-VALUE / UNMODELLED-RESOURCE / TIER-TAG-CONFLICT
 * message. Pure TypeScript: no aws-cdk-lib import.
 *
 * Values are carried as the template or the account writes them (`value` fields are the engine's readable
 * form of a template value, lib/model/resolve/values.ts show); open-ended text from outside (a file system
 * error, an intrinsic function the engine does not know) stays a value inside a catalogued sentence.
 */

/** Why CloudFormation would refuse a parameter value (lib/model/resolve/parameter-constraints.ts). */
export type ParameterRefusal =
  | { kind: 'not-number'; value: string }
  | { kind: 'below-min'; value: string; limit: number }
  | { kind: 'above-max'; value: string; limit: number }
  | { kind: 'not-id'; value: string; type: string }
  | { kind: 'too-short'; value: string; limit: number }
  | { kind: 'too-long'; value: string; limit: number }
  | { kind: 'pattern'; value: string; pattern: string };

/** An intrinsic function written in a shape CloudFormation would refuse. */
export type MalformedIntrinsic = 'ref-name' | 'getatt-id' | 'getatt-attribute' | 'join-delimiter' | 'join-list' | 'split-strings' | 'length-list' | 'sub-string';

/** Why a reviewed resource type is treated as it is (lib/model/facts/resource-coverage.ts). */
export type ReviewedReason =
  | 'placed'
  | 'placed-target'
  | 'connect-peer'
  | 'classic'
  | 'dns'
  | 'restricts'
  | 'describes'
  | 'nested-stack'
  | 'config-only'
  | 'entry'
  | 'joins'
  | 'relays'
  | 'new-service'
  | 'transform';

/** What a live-account reference names that the snapshot does not hold. */
export type SnapshotThing = 'vpc' | 'transit-gateway' | 'subnet' | 'gateway' | 'prefix-list';

/** Why a nested stack's template could not be read (lib/model/load). */
export type NestedTemplateProblem = { kind: 'not-found'; file: string } | { kind: 'not-local' } | { kind: 'unreadable'; file: string; error: string };

/** Every kind of reason and the values it names. */
export interface ReasonParams {
  // The resolver (lib/model/resolve/resolver.ts).
  'expected-list': { got: string };
  'nests-too-deeply': Record<string, never>;
  'unsupported-value': { value: string };
  'malformed-intrinsic': { problem: MalformedIntrinsic };
  'select-out-of-range': { index: string };
  'find-in-map-no-entry': { keys: string };
  'cidr-not-computable': { value: string };
  /** `fn`: the function's name as written (open-ended). */
  'unsupported-function': { fn: string };
  'unknown-stack': { stack: string };
  'ssm-parameter-ambiguous': { name: string; ssm: string };
  'ssm-parameter': { name: string };
  'parameter-refuses-all': { name: string; refusal: ParameterRefusal };
  'parameter-no-default': { name: string };
  'ref-condition-false': { name: string };
  'ref-unknown': { name: string; stack: string };
  'getatt-unknown': { id: string; stack: string };
  'nested-template-unavailable': { id: string };
  'nested-no-output': { id: string; output: string };
  'ipv6-block-unknown': { id: string };
  'attribute-after-deploy': { attribute: string; type: string; id: string };
  /** `name` absent: the export name is itself computed. */
  'import-unmatched': { name?: string };
  'import-no-export': { name: string };
  'import-many-exports': { name: string };
  'cannot-join-object': Record<string, never>;
  'too-many-alternatives': { max: number };
  // Reading properties (lib/model/facts/context.ts and the extractors).
  'wrong-reference-type': { ref: string; type: string; expected: string[] };
  'outside-templates': { value: string };
  'unexpected-value': { value: string };
  'not-a-cidr': { value: string };
  'expected-string': { value: string };
  /** `tag` absent: the tier tag (mic:tier). */
  'tag-not-literal': { tag?: string };
  'unmodelled-type': { type: string };
  'reviewed-type': { type: string; reviewed: ReviewedReason };
  'names-network': { type: string; property: string };
  /** A reviewed type that reaches a VPC only through `without` (inert here; never a finding). */
  'reaches-no-vpc': { type: string; without: string[] };
  'transform': { names: string[] };
  'nested-stack': { problem: NestedTemplateProblem };
  'tgw-peering-needs-tag': Record<string, never>;
  'regional-nat': Record<string, never>;
  'lattice-target-vpc-outside': Record<string, never>;
  'endpoint-service-unknown': Record<string, never>;
  'lattice-endpoint': Record<string, never>;
  'privatelink-service-outside': { service: string };
  'sg-rule-not-object': { rule: string };
  'unknown-protocol': { value: string };
  'not-port-numbers': { from: string; to: string };
  'sg-outside': { value: string };
  'sg-group-name': Record<string, never>;
  'not-prefix-list': { ref: string };
  'prefix-list-unresolvable': { value: string };
  'sg-no-peer': Record<string, never>;
  'sg-default-vpc': Record<string, never>;
  'not-security-group': { ref: string };
  'vpn-no-gateway': Record<string, never>;
  'invoke-wrong-reference': { ref: string; type?: string };
  'core-policy-alternatives': Record<string, never>;
  'core-policy-not-json': Record<string, never>;
  'core-policy-unmodelled': { features: string[] };
  'cloud-wan-no-core-network': Record<string, never>;
  'cloud-wan-needs-tag': Record<string, never>;
  /** `condition`: the attachment-policy condition type that depends on the deployment. */
  'segment-undecidable': { condition: string };
  'segment-undeclared': { segment: string };
  'route-destination-not-cidr': { value: string };
  'streaming-subnets-unknown': Record<string, never>;
  'secure-browser-settings-outside': Record<string, never>;
  'directory-no-vpc-settings': Record<string, never>;
  'not-a-directory': { ref: string; type: string };
  'desktop-subnets-unknown': Record<string, never>;
  'desktop-subnet-unknown': Record<string, never>;
  'nacl-entry-unevaluable': Record<string, never>;
  'not-port-range': { value: string };
  'connect-transport-outside': Record<string, never>;
  'connect-needs-tag': Record<string, never>;
  'desktop-settings-not-json': Record<string, never>;
  'desktop-settings-no-subnets': Record<string, never>;
  'firewall-on-tgw': Record<string, never>;
  'vpc-link-outside': Record<string, never>;
  'instance-default-vpc': Record<string, never>;
  'custom-resource': { type: string };
  'prefix-list-entry-not-literal': Record<string, never>;
  'share-tgw-defaults': { tgw: string };
  /** `shared`: the ARN as written (without references), empty when it is only references; absent when unreadable. */
  'share-unmodelled': { shared?: string };
  'verified-access-target-outside': Record<string, never>;
  /** `id`: the target's id, when the live account names it. */
  'route-target-unmodelled': { property: string; id?: string };
  'route-target-wrong': { ref: string; type?: string; property: string };
  'subnet-two-tables': { subnet: string; first: string; second: string };
  'vpc-ipam': Record<string, never>;
  'ipv6-pool': Record<string, never>;
  'subnet-no-cidr': Record<string, never>;
  // Tier tags that contradict their network (lib/model/facts/tier-declarations.ts and others).
  'tag-peering-tgw': { tag: string; peer: string };
  'tag-connect-transport': { tag: string; transportTier: string; transport?: string };
  'tag-subnet-vpc': { tag: string; vpcTier: string };
  'tag-attachment-vpc': { tag: string; vpcTier: string };
  'tag-link-other': { type: string; tag: string; other: string; otherTag: string };
  'tag-vgw-vpc': { tag: string; vpcTier: string };
  'tag-client-vpn-vpc': { tag: string; vpcTier: string };
  'tag-resource-vpc': { type: string; tag: string; vpc: string; vpcTier: string; notTier: boolean };
  // The live-account reader (lib/snapshot/build-model.ts).
  'not-in-snapshot': { thing: SnapshotThing; id: string };
  'vpn-gateway-not-in-snapshot': { gateway?: string };
  'peering-not-in-snapshot': Record<string, never>;
  'peer-vpc-not-in-snapshot': { vpc: string };
  'tgw-owner-not-in-snapshot': { tgw: string; owner: string };
  'attachment-vpc-not-in-snapshot': { vpc: string; account: string };
  'attachment-into-missing-vpc': { vpc: string };
  'attachment-type-unmodelled': { type: string; resource: string };
  'endpoint-type-unmodelled': { type: string };
  'privatelink-not-in-snapshot': { service: string };
  'snapshot-nacl-entry': { rule: string; egress: boolean; protocol: string };
  'sg-not-in-snapshot': { group: string };
  'sg-rule-unknown-protocol': { rule: string; value: string };
  'route-target-not-in-snapshot': { target: string; field: string };
  'route-no-target': { route: string };
  'tgw-attachment-not-in-snapshot': { attachment: string; type: string; resource: string };
}

export type ReasonKey = keyof ReasonParams;

/** A reason, as data: `{ key, ...values }`. */
export type Reason = { [K in ReasonKey]: { key: K } & ReasonParams[K] }[ReasonKey];

/** Builds a reason (the key first, then its values), so call sites read as one line. */
export function reason<K extends ReasonKey>(key: K, ...params: ReasonParams[K] extends Record<string, never> ? [] : [ReasonParams[K]]): Reason {
  return { key, ...(params[0] ?? {}) } as Reason;
}

/** A stable text form of a reason, for de-duplicating findings (not for people). */
export function reasonId(r: Reason): string {
  return JSON.stringify(r);
}
