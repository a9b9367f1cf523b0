/**
 * English wording of what the model does not cover (lib/model/coverage-note.ts); `verify --format json`
 * writes it in `coverage`. A plain-string note is another producer's own English and is kept as it is.
 */
import type { CoverageItem, KnownUnusedOutput, OptionalListing, SnapshotLimit, StandingLimit } from '../../model/coverage-note';

const STANDING: Record<StandingLimit, string> = {
  'main-route-table': 'Subnets without a route table association use the VPC main route table, modelled with its local route only (CloudFormation cannot change it).',
  parameters: 'Template parameters take their AllowedValues (every one CloudFormation would accept under the parameter\'s other constraints) or Default; values supplied at deploy time are not known unless given with --parameters.',
  'one-way-delivery': 'Reachability is one-way packet delivery: a single packet that arrives counts, replies are not required (stricter than TCP).',
  'security-groups-any-attachment': 'Security groups: any group in a VPC may be attached to anything in that VPC, so a path is blocked by security groups only if no pair of groups allows it.',
  'nacl-at-ends': 'NACLs are evaluated at the source and destination subnets; NACLs of transit subnets (NAT, TGW attachments) are not counted as blocking.',
  'internet-reaches-public-vpc': 'Traffic from the internet is assumed to reach every subnet of a VPC with an attached internet gateway (public addresses can be assigned at any time).',
  'aws-prefix-lists': 'AWS-managed prefix lists (pl-…) in security groups and gateway-endpoint routes stand for AWS service addresses, not for a tier.',
  'services-are-destinations': 'AWS services reached through VPC endpoints (S3, KMS, Logs…) are destinations, not paths: data exchanged through a service shared by two tiers is a policy matter outside this proof. Services the templates make forward requests (API Gateway HTTP integrations, AppSync HTTP data sources, EventBridge API destinations, SNS http subscriptions, Lambda functions) are relays and are checked (SERVICE-RELAY).',
  'undecidable-conditions': 'Template parameters with no AllowedValues make the conditions over them undecidable: both branches are modelled.',
  'network-firewall-pass-through': 'AWS Network Firewall is modelled as a pass-through hop: its rule groups (domain allow-lists) are not evaluated and never count as blocking.',
};

const DOES = {
  'workspaces-directory': "registers the tier's WorkSpaces directory in the subnets its Settings name (read as a WorkSpaces directory there: a telework entry, with the security group WorkSpaces creates modelled as AWS documents it)",
  'ad-connector': 'creates an AD Connector (its network interfaces and security group in two subnets of the tier VPC)',
};

const SNAPSHOT: Record<SnapshotLimit, string> = {
  'snapshot-time': 'The snapshot shows the account as it was when the files were written; anything changed since is not seen (take a new snapshot after every change).',
  'bgp-propagation': 'Routes propagated from on-premises (BGP) into VPC and transit gateway route tables are modelled as every address at the lowest priority: the advertised prefixes change without a deploy.',
  'services-are-destinations': 'AWS services reached through VPC endpoints (S3, APIs…) are destinations, not paths: data exchanged through a service shared by two tiers is a policy matter outside this proof.',
  'accounts-apart': 'Each account in the snapshot is its own address space; accounts are joined only by the peering connections and shared transit gateway attachments the files list.',
  'service-facts-not-read': 'Function URLs, resource policies granting other accounts, and service relays are not in the EC2 outputs: the snapshot does not judge them (the templates\' verify does).',
};

/** What the model loses without an optional snapshot output. */
const WITHOUT: Record<OptionalListing, string> = {
  SecurityGroupRules: 'the same rules are read from describe-security-groups (IpPermissions); when both are present the per-rule view is used, never both',
  ServiceConfigurations: 'without it, an endpoint to a PrivateLink service of this account cannot be traced to its provider and is reported as unresolved',
  LoadBalancers: 'without it, internet-facing load balancers are not listed as places where clients enter a tier',
  DirectConnectGatewayAssociations: 'without it, two tiers whose virtual private gateways share one Direct Connect gateway are not detected',
};

/** Why the snapshot reader leaves a recognised output out. */
const UNUSED: Record<KnownUnusedOutput | 'prefix-lists', string> = {
  instances: 'describe-instances: instances are read through their network interfaces',
  addresses: 'describe-addresses: Elastic IPs do not change reachability between tiers',
  'flow-logs': 'describe-flow-logs: logging, not connectivity',
  'dhcp-options': 'describe-dhcp-options: name resolution, not connectivity',
  'prefix-lists': 'describe-prefix-lists (AWS service prefix lists); the reader uses describe-managed-prefix-lists',
};

/** The output key a listing is written under (lib/snapshot/catalogue.ts `key`). */
const OUTPUT_KEY: Record<OptionalListing, string> = {
  SecurityGroupRules: 'SecurityGroupRules',
  ServiceConfigurations: 'ServiceConfigurations',
  LoadBalancers: 'LoadBalancers',
  DirectConnectGatewayAssociations: 'directConnectGatewayAssociations',
};

export function coverageEn(note: CoverageItem): string {
  if (typeof note === 'string') return note;
  switch (note.key) {
    case 'standing':
      return STANDING[note.limit];
    case 'workspaces-security-group':
      return 'The security group WorkSpaces creates for desktops (<directory>_workspacesMembers, in no template) is modelled as AWS documents it: all outbound traffic allowed; inbound from the directory only.';
    case 'package-custom-resource':
      return `${note.type} (closed-telework, identified by its type name) ${DOES[note.does]}; it adds no route, gateway or attachment.`;
    case 'duplicate-export':
      return `export name "${note.name}" is defined by more than one template; imports of it are treated as unresolved`;
    case 'snapshot':
      return SNAPSHOT[note.limit];
    case 'snapshot-output-missing':
      return `${note.folder}: no ${OUTPUT_KEY[note.output]} output (${note.command}): ${WITHOUT[note.output]}.`;
    case 'snapshot-unused-file':
      return `${note.file}: not used (${note.why.kind === 'unknown-keys' ? `top-level key(s) ${note.why.keys.map((k) => `"${k}"`).join(', ') || '(none)'} are not an output the reader knows` : UNUSED[note.why.kind]}).`;
  }
}
