/**
 * English wording of what the model does not cover (lib/model/coverage-note.ts); `verify --format json`
 * writes it in `coverage`. A plain-string note is another producer's own English and is kept as it is.
 */
import type { CoverageItem, StandingLimit } from '../../model/coverage-note';

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
  }
}
