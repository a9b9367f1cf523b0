/**
 * Facts about AWS services that open a way into a tier or relay traffic out of it without a route of
 * their own: who may invoke code attached to a tier, who may connect to or attach into it, and what a
 * service reached through an interface endpoint forwards to by the templates' own configuration.
 * Also: tier tags whose value a deployment decides. Extracted by invocation.ts, access-grants.ts and
 * service-relays.ts; judged by the rules PUBLIC-INVOKE-INTO-TIER, ACCESS-GRANT-INTO-TIER, SERVICE-RELAY
 * and TIER-TAG-VARIABLE.
 */
import type { ResourceRef } from '../path';

/** A Lambda function and where its code runs: in the subnets of its VpcConfig, or outside any VPC (on the internet). */
export interface FunctionFact {
  key: string;
  ref: ResourceRef;
  /** Subnet keys of VpcConfig.SubnetIds; empty = the function runs outside any VPC, with internet access. */
  subnets: string[];
}

/** A way for anyone on the internet (or any AWS account) to invoke a function. */
export interface PublicInvokeFact {
  ref: ResourceRef;
  /** The function key (aliases and versions followed to their function). */
  function: string;
  how: 'function-url' | 'resource-policy';
  /** How it is opened, as data (worded by lib/report/i18n/reasons.{en,ja}.ts). */
  surface: PublicInvokeSurface;
}

/**
 * How a function is opened: a function URL with AuthType NONE, a permission for "*" with FunctionUrlAuthType
 * NONE (the URL is public), or a permission that lets any AWS account call `action`.
 */
export type PublicInvokeSurface = { kind: 'function-url' } | { kind: 'public-url-permission' } | { kind: 'any-account-permission'; action: string };

/** A grant that lets principals outside this account connect into, or attach into, a resource of a tier. */
export interface AccessGrantFact {
  ref: ResourceRef;
  kind: 'endpoint-service' | 'network-interface';
  /** The endpoint service or network interface key the grant is on. */
  target: string;
  /** The principals beyond this account ("*" or account ids / ARNs). */
  outsiders: string[];
  /** Endpoint services: connections must be accepted by hand (AcceptanceRequired: true for every possible value). */
  acceptanceRequired: boolean;
}

/** AWS services a relay can be reached through (the interface endpoint's short service name). */
export type RelayService = 'execute-api' | 'appsync-api' | 'events' | 'lambda' | 'sns';

/**
 * What a relay's configuration is, as data (worded by lib/report/i18n/reasons.{en,ja}.ts): `uri`,
 * `endpoint(s)` are the template's values as the engine reads them ("?" when absent).
 */
export type RelayWhat =
  | { kind: 'lambda-integration'; uri: string }
  | { kind: 'lambda-outside'; uri: string }
  | { kind: 'vpc-link-integration'; type: string; uri: string }
  | { kind: 'http-integration'; type: string; uri: string }
  | { kind: 'openapi-in-s3' }
  | { kind: 'appsync-http'; endpoint: string }
  | { kind: 'appsync-lambda' }
  | { kind: 'api-destination'; endpoints: string[] }
  | { kind: 'rule-target' }
  | { kind: 'sns-subscription'; protocols: string[]; endpoints: string[] }
  | { kind: 'sns-lambda' }
  | { kind: 'lambda-api' };

/** Where a relay forwards to. */
export type RelayTarget =
  | { kind: 'internet'; what: RelayWhat }
  | { kind: 'function'; function: string; what: RelayWhat }
  | { kind: 'load-balancers'; loadBalancers: string[]; what: RelayWhat };

/** A configuration that makes a service, reached through its endpoint, forward requests elsewhere. */
export interface RelayFact {
  ref: ResourceRef;
  service: RelayService;
  target: RelayTarget;
}

/** A tier tag whose value depends on a parameter or condition. */
export interface VariableTierTagFact {
  ref: ResourceRef;
  /** Every value the tag can take here (AllowedValues, both branches of Fn::If…). */
  values: string[];
  /** The value comes from a parameter with no AllowedValues: the deployer may pass any tier. */
  free: boolean;
}

/** A managed entry from the internet into a VPC (remote-entries.ts). */
export interface RemoteEntryFact {
  ref: ResourceRef;
  kind: RemoteEntryKind;
  subnets: string[];
}

export type RemoteEntryKind = 'instance-connect-endpoint' | 'verified-access-endpoint' | 'api-gateway-vpc-link' | 'appstream-internet-access';

/** VPC Lattice (vpc-lattice.ts): service networks, services and target groups, keyed by resource. */
export interface LatticeFacts {
  networks: Map<string, { key: string; ref: ResourceRef; vpcs: string[]; services: string[] }>;
  services: Map<string, { key: string; ref: ResourceRef; targetGroups: string[] }>;
  targetGroups: Map<string, { key: string; ref: ResourceRef; vpcs: string[]; functions: string[]; placed: string[] }>;
}

export interface ServiceFacts {
  functions: Map<string, FunctionFact>;
  publicInvokes: PublicInvokeFact[];
  accessGrants: AccessGrantFact[];
  relays: RelayFact[];
  variableTierTags: VariableTierTagFact[];
  remoteEntries: RemoteEntryFact[];
  lattice: LatticeFacts;
}

export function emptyServiceFacts(): ServiceFacts {
  return {
    functions: new Map(), publicInvokes: [], accessGrants: [], relays: [], variableTierTags: [], remoteEntries: [],
    lattice: { networks: new Map(), services: new Map(), targetGroups: new Map() },
  };
}

export function recordVariableTierTag(model: { services: ServiceFacts }, fact: VariableTierTagFact): void {
  if (!model.services.variableTierTags.some((f) => f.ref === fact.ref)) model.services.variableTierTags.push(fact);
}
