/**
 * English wording of the model's reasons (lib/model/reason.ts) and of the fact details quoted in findings
 * and hops (public invocation, remote entries, service relays). `verify --format json` quotes this wording
 * inside its messages, so it is the engine's historical English, word for word (tools/parity proves it
 * unchanged). Keep in step with reasons.ja.ts (both implement DetailWords; the compiler checks every key).
 */
import type { MalformedIntrinsic, NestedTemplateProblem, ReasonKey, ReasonParams, ReviewedReason, SnapshotThing } from '../../model/reason';
import { refusalText } from '../../model/resolve/parameter-constraints';
import type { DetailWords, ReasonTable } from './detail-words';

const MALFORMED: Record<MalformedIntrinsic, string> = {
  'ref-name': 'Ref needs a name',
  'getatt-id': 'Fn::GetAtt needs a logical id',
  'getatt-attribute': 'Fn::GetAtt attribute must be a string',
  'join-delimiter': 'Fn::Join delimiter must be a string',
  'join-list': 'Fn::Join needs a list',
  'split-strings': 'Fn::Split needs strings',
  'length-list': 'Fn::Length needs a list',
  'sub-string': 'Fn::Sub needs a string',
};

export const REVIEWED_EN: Record<ReviewedReason, string> = {
  placed: 'its network interfaces live in the subnets it names (or its subnet group names); modelled as a presence in those subnets',
  'placed-target': 'runs its targets (ECS tasks, rotation functions, connectors) in the subnets it names; modelled as a presence in those subnets',
  'connect-peer': 'the BGP session of a Connect attachment, which is itself modelled as the path (cloud-wan.ts); the peer adds none',
  classic: 'EC2-Classic security group (no VPC): cannot carry VPC traffic',
  dns: 'DNS only: associates names or DNS filtering with a VPC; carries no packets between networks',
  restricts: 'names a VPC only to restrict who may use it (access limited to that VPC); it opens nothing',
  describes: 'names network fields only as data (filters, log parsing, telemetry rules, vehicle buses): no network presence',
  'nested-stack': 'a nested stack: its template is loaded and analysed as a stack of its own; a template that cannot be found is UNMODELLED-RESOURCE',
  'config-only': 'configuration consumed by a resource that is itself placed (target group, launch configuration, layer, option group): the placed resource is what the model reads',
  entry: 'a managed service reachable from outside the tier (browser, streaming, public endpoint or API) with interfaces inside it: an entry into the tier the engine does not model',
  joins: 'connects networks (peering, transit, cross-VPC or cross-account connectivity, on-premises links): not modelled',
  relays: 'forwards traffic or requests between the tier and other networks: not modelled',
  'new-service': 'a recent service whose network behaviour the engine does not model',
  transform: 'a SAM type: only exists before the AWS::Serverless transform, which is already a finding (verify the processed template)',
};

function nested(p: NestedTemplateProblem): string {
  switch (p.kind) {
    case 'not-found':
      return `nested template ${p.file} not found`;
    case 'not-local':
      return 'TemplateURL points to S3 or is computed; the nested template is not available locally';
    case 'unreadable':
      return `nested template ${p.file} unreadable: ${p.error}`;
  }
}

const SNAPSHOT_THING: Record<SnapshotThing, string> = { vpc: 'VPC', 'transit-gateway': 'transit gateway', subnet: 'subnet', gateway: 'gateway', 'prefix-list': 'prefix list' };

const REASONS: ReasonTable = {
  'expected-list': (p) => `expected a list, got ${p.got}`,
  'nests-too-deeply': () => 'expression nests too deeply (circular reference?)',
  'unsupported-value': (p) => `unsupported value ${p.value}`,
  'malformed-intrinsic': (p) => MALFORMED[p.problem],
  'select-out-of-range': (p) => `Fn::Select index ${p.index} out of range`,
  'find-in-map-no-entry': (p) => `Fn::FindInMap ${p.keys} has no entry (or a key is only known at deploy time)`,
  'cidr-not-computable': (p) => `Fn::Cidr over ${p.value} cannot be computed`,
  'unsupported-function': (p) => `${p.fn} is not supported by the engine`,
  'unknown-stack': (p) => `unknown stack ${p.stack}`,
  'ssm-parameter-ambiguous': (p) => `parameter ${p.name} reads SSM parameter ${p.ssm}, which more than one template defines`,
  'ssm-parameter': (p) => `parameter ${p.name} is read from SSM at deploy time`,
  'parameter-refuses-all': (p) => `parameter ${p.name}: CloudFormation would refuse every one of its AllowedValues (${refusalText(p.refusal)})`,
  'parameter-no-default': (p) => `parameter ${p.name} has no default value and is set only at deploy time`,
  'ref-condition-false': (p) => `Ref to ${p.name}, a resource whose condition is false`,
  'ref-unknown': (p) => `Ref to ${p.name}: no such parameter or resource in ${p.stack}`,
  'getatt-unknown': (p) => `Fn::GetAtt to ${p.id}: no such resource in ${p.stack}`,
  'nested-template-unavailable': (p) => `nested stack ${p.id}'s template is not available`,
  'nested-no-output': (p) => `nested stack ${p.id} has no output ${p.output}`,
  'ipv6-block-unknown': (p) => `IPv6 block of ${p.id} is not known`,
  'attribute-after-deploy': (p) => `attribute ${p.attribute} of ${p.type} (${p.id}) is only known after deployment`,
  'import-unmatched': (p) => `Fn::ImportValue of ${p.name ?? 'a computed name'} cannot be matched to an export`,
  'import-no-export': (p) => `Fn::ImportValue "${p.name}": no template given exports this name`,
  'import-many-exports': (p) => `Fn::ImportValue "${p.name}": exported by more than one template`,
  'cannot-join-object': () => 'cannot join a list or object into a string',
  'too-many-alternatives': (p) => `more than ${p.max} possible values (conditions/parameters)`,
  'wrong-reference-type': (p) => `refers to ${p.ref} (${p.type}), expected ${p.expected.join(' or ')}`,
  'outside-templates': (p) => `"${p.value}" names a resource outside the templates given; include the template that defines it`,
  'unexpected-value': (p) => `unexpected value ${p.value}`,
  'not-a-cidr': (p) => `"${p.value}" is not a CIDR block`,
  'expected-string': (p) => `expected a string, got ${p.value}`,
  'tag-not-literal': (p) => (p.tag === undefined ? 'the tier tag value is not a literal' : `the ${p.tag} tag value is not a literal`),
  'unmodelled-type': (p) => `${p.type} can carry or admit traffic and is not modelled by the engine`,
  'reviewed-type': (p) => `${p.type} ${REVIEWED_EN[p.reviewed]}`,
  'names-network': (p) => `${p.type} names a network (${p.property}) and is not on the engine's reviewed list of types`,
  'reaches-no-vpc': (p) => `${p.type}: without ${p.without.join(' / ')} it reaches no VPC`,
  transform: (p) => `the template uses ${p.names.join(', ')}, which rewrites it at deploy time; verify the processed template instead (aws cloudformation get-template --template-stage Processed)`,
  'nested-stack': (p) => `nested stack not analysed: ${nested(p.problem)}`,
  'tgw-peering-needs-tag': () => 'a transit gateway peering needs a mic:tier tag naming the tier of the peered route domain (the far side is not in the templates given)',
  'regional-nat': () => 'a regional NAT gateway (no SubnetId) is not modelled',
  'lattice-target-vpc-outside': () => 'the target group\'s VPC is not in the templates given; which tier its targets are in cannot be told',
  'endpoint-service-unknown': () => 'the service the endpoint connects to cannot be determined',
  'lattice-endpoint': () => 'VPC Lattice service-network / resource endpoints are not modelled',
  'privatelink-service-outside': (p) => `PrivateLink service ${p.service} is not defined in the templates given; its provider's tier cannot be checked`,
  'sg-rule-not-object': (p) => `rule ${p.rule} is not an object`,
  'unknown-protocol': (p) => `unknown protocol ${p.value}`,
  'not-port-numbers': (p) => `ports ${p.from}–${p.to} are not port numbers`,
  'sg-outside': (p) => `${p.value} names a security group outside the templates given`,
  'sg-group-name': () => 'group names (EC2-Classic / default VPC) are not modelled',
  'not-prefix-list': (p) => `${p.ref} is not a prefix list in the templates given`,
  'prefix-list-unresolvable': (p) => `prefix list ${p.value} cannot be resolved`,
  'sg-no-peer': () => 'the rule names no peer (CidrIp, CidrIpv6, security group or prefix list)',
  'sg-default-vpc': () => 'a security group without VpcId lands in the default VPC, which the templates do not describe',
  'not-security-group': (p) => `${p.ref} is not a security group in the templates given`,
  'vpn-no-gateway': () => 'the VPN connection lands on neither a VGW nor a TGW defined in the templates',
  'invoke-wrong-reference': (p) => `refers to ${p.ref} (${p.type ?? 'unknown type'}), expected a Lambda function, alias or version`,
  'core-policy-alternatives': () => 'the core network policy has several possible values (conditions/parameters); verify each deployment with --parameters',
  'core-policy-not-json': () => 'the core network policy is not a readable JSON document; its segments cannot be known',
  'core-policy-unmodelled': (p) => `core network policy uses ${p.features.join(', ')}, which the engine does not model (service insertion, routing policies): the paths they add or change are not known`,
  'cloud-wan-no-core-network': () => 'the attachment names no core network',
  'cloud-wan-needs-tag': () => 'a Cloud WAN VPN / Direct Connect / Connect attachment needs a mic:tier tag (or a tagged link or transport) naming the tier of the network behind it',
  'segment-undecidable': (p) => `which segment the attachment joins cannot be told: an attachment-policy condition of type ${p.condition} (account, Region, resource id) depends on the deployment, not the template`,
  'segment-undeclared': (p) => `the core network policy puts the attachment in segment "${p.segment}", which the policy does not declare`,
  'route-destination-not-cidr': (p) => `create-route destination "${p.value}" is not a CIDR block`,
  'streaming-subnets-unknown': () => 'the subnets the streaming instances run in cannot be determined',
  'secure-browser-settings-outside': () => 'the network settings (and so the subnets the browser sessions run in) are not in the templates given',
  'directory-no-vpc-settings': () => 'the directory has no resolvable VpcSettings',
  'not-a-directory': (p) => `${p.ref} (${p.type}) is not a directory the engine knows`,
  'desktop-subnets-unknown': () => 'the subnets where these desktops run cannot be determined; the engine cannot tell which tier they enter',
  'desktop-subnet-unknown': () => 'the subnet this desktop runs in cannot be determined',
  'nacl-entry-unevaluable': () => 'the entry cannot be evaluated',
  'not-port-range': (p) => `${p.value} is not a port range`,
  'connect-transport-outside': () => 'the transport attachment is not in the templates given: which transit gateway and tier the Connect attachment joins cannot be told',
  'connect-needs-tag': () => 'a TGW Connect attachment needs a mic:tier tag (or a tagged transport VPC) naming the tier of the network behind its appliance',
  'desktop-settings-not-json': () => 'the settings are not a JSON document; the subnets the desktops are registered in cannot be read',
  'desktop-settings-no-subnets': () => 'the settings name no SubnetIds; which tier the desktops enter cannot be told',
  'firewall-on-tgw': () => 'a Network Firewall attached directly to a transit gateway is not modelled (its inspection sits inside the TGW route domain)',
  'vpc-link-outside': () => 'the VPC link of this integration (and so the tier the public HTTP API enters) is not in the templates given',
  'instance-default-vpc': () => 'an instance without SubnetId or NetworkInterfaces lands in the default VPC, which the templates do not describe',
  'custom-resource': (p) => `${p.type} is a custom resource: its handler runs at deploy time with its own role, and what it changes in the network is not in the template. Review the handler and its role; if it cannot create routes, gateways, peering, attachments or security-group rules, acknowledge UNMODELLED-RESOURCE on it with that reason`,
  'prefix-list-entry-not-literal': () => 'a prefix-list entry has no literal Cidr',
  'share-tgw-defaults': (p) => `shares Transit Gateway ${p.tgw}, whose default route table association or propagation is enabled: an attachment from another account, invisible here, would join its default route domain. Disable both defaults`,
  'share-unmodelled': (p) => `shares ${p.shared !== undefined ? (p.shared || 'a resource') : 'a value the engine cannot read'} with other accounts: only SSM parameters and Transit Gateways with default association and propagation disabled are modelled (what other accounts attach is invisible here)`,
  'verified-access-target-outside': () => 'the Verified Access endpoint\'s target (load balancer, interface or subnets) is not in the templates given; which tier it enters cannot be told',
  'route-target-unmodelled': (p) => `route target ${p.property}${p.id !== undefined ? ` ${p.id}` : ''} is not modelled by the engine`,
  'route-target-wrong': (p) => `route target ${p.ref} (${p.type ?? 'unknown'}) is not a modelled ${p.property} target`,
  'subnet-two-tables': (p) => `subnet ${p.subnet} is associated with two route tables (${p.first} and ${p.second}); only one can apply`,
  'vpc-ipam': () => 'the VPC CIDR comes from IPAM (Ipv4IpamPoolId) and is only known at deploy time; give a literal CidrBlock',
  'ipv6-pool': () => 'the block comes from a pool and is only known at deploy time',
  'subnet-no-cidr': () => 'the subnet has no literal CIDR block (IPAM?)',
  'tag-peering-tgw': (p) => `peering attachment is tagged ${p.tag} but the peer transit gateway is ${p.peer}`,
  'tag-connect-transport': (p) =>
    p.transport === undefined
      ? `Connect attachment is tagged ${p.tag} but rides a transport attachment of the ${p.transportTier} tier: the SD-WAN appliance there would carry ${p.tag} traffic through the ${p.transportTier} tier`
      : `TGW Connect attachment is tagged ${p.tag} but rides ${p.transport} of the ${p.transportTier} tier: the SD-WAN appliance there would carry ${p.tag} traffic through the ${p.transportTier} tier`,
  'tag-subnet-vpc': (p) => `subnet is tagged ${p.tag} but its VPC is ${p.vpcTier}`,
  'tag-attachment-vpc': (p) => `attachment is tagged ${p.tag} but its VPC is ${p.vpcTier}`,
  'tag-link-other': (p) => `${p.type} is tagged ${p.tag} but ${p.other} is ${p.otherTag}`,
  'tag-vgw-vpc': (p) => `virtual private gateway is tagged ${p.tag} but is attached to a ${p.vpcTier} VPC`,
  'tag-client-vpn-vpc': (p) => `Client VPN endpoint is tagged ${p.tag} but its VPC is ${p.vpcTier}`,
  'tag-resource-vpc': (p) => `${p.type} is tagged ${p.tag} but sits in ${p.vpc}, a ${p.vpcTier} VPC${p.notTier ? ` ("${p.tag}" is not a tier)` : ''}`,
  'not-in-snapshot': (p) => `${SNAPSHOT_THING[p.thing]} ${p.id} is not in the snapshot`,
  'vpn-gateway-not-in-snapshot': (p) => `the VPN connection lands on ${p.gateway ?? 'no gateway'}, which is not in the snapshot`,
  'peering-not-in-snapshot': () => 'neither side of the peering is in the snapshot',
  'peer-vpc-not-in-snapshot': (p) => `the peer VPC ${p.vpc} is not in the snapshot; add that account's outputs so its tier can be checked`,
  'tgw-owner-not-in-snapshot': (p) => `transit gateway ${p.tgw} (owner ${p.owner}) is not in the snapshot; add the owner account's outputs`,
  'attachment-vpc-not-in-snapshot': (p) => `VPC ${p.vpc} (account ${p.account}) is not in the snapshot; traffic the attachment delivers there cannot be followed — add that account's outputs`,
  'attachment-into-missing-vpc': (p) => `transit gateway attachment into VPC ${p.vpc}, which is not in the snapshot`,
  'attachment-type-unmodelled': (p) => `transit gateway attachment of type "${p.type}" (${p.resource}) is not modelled by the engine`,
  'endpoint-type-unmodelled': (p) => `VPC endpoint of type ${p.type} (VPC Lattice service network / resource) is not modelled`,
  'privatelink-not-in-snapshot': (p) => `PrivateLink service ${p.service} is not in the snapshot (describe-vpc-endpoint-service-configurations of its provider account); its provider's tier cannot be checked`,
  'snapshot-nacl-entry': (p) => `entry ${p.rule} ${p.egress ? 'egress' : 'ingress'}: protocol ${p.protocol} / rule number cannot be evaluated`,
  'sg-not-in-snapshot': (p) => `security group ${p.group} is not in the snapshot (another account?); add that account's outputs`,
  'sg-rule-unknown-protocol': (p) => `rule ${p.rule}: unknown protocol ${p.value}`,
  'route-target-not-in-snapshot': (p) => `route target ${p.target} is not in the snapshot (or not a ${p.field} target the engine models); the packets it receives go to an unknown network`,
  'route-no-target': (p) => `a route names no target the engine knows (${p.route})`,
  'tgw-attachment-not-in-snapshot': (p) => `attachment ${p.attachment} (${p.type} ${p.resource}) is not in the snapshot`,
};

export const detailWordsEn: DetailWords = {
  reason: (r) => (REASONS[r.key] as (p: ReasonParams[ReasonKey]) => string)(r as never),
  publicInvoke: (s) =>
    s.kind === 'function-url'
      ? 'a function URL with AuthType NONE (anyone on the internet can call it)'
      : s.kind === 'public-url-permission'
        ? 'a resource policy for principal "*" with FunctionUrlAuthType NONE (the function URL is public)'
        : `a resource policy that lets principal "*" (any AWS account) invoke it (${s.action})`,
  remoteEntry: (k) => REMOTE_ENTRY[k],
  teleworkEntry: (k) => TELEWORK_ENTRY[k],
  relayWhat: (w) => {
    switch (w.kind) {
      case 'lambda-integration':
        return `Lambda integration ${w.uri}`;
      case 'lambda-outside':
        return `a Lambda function outside the templates given (${w.uri}): where it runs is unknown`;
      case 'vpc-link-integration':
        return `${w.type} integration through VPC link to ${w.uri}`;
      case 'http-integration':
        return `${w.type} integration to ${w.uri}`;
      case 'openapi-in-s3':
        return 'integrations defined in an OpenAPI document in S3 (BodyS3Location), which the engine cannot read: inline the Body or verify the integrations by hand';
      case 'appsync-http':
        return `HTTP data source to ${w.endpoint}`;
      case 'appsync-lambda':
        return 'Lambda data source';
      case 'api-destination':
        return `API destination to ${w.endpoints.join(' or ') || '?'}`;
      case 'rule-target':
        return 'rule target';
      case 'sns-subscription':
        return `${w.protocols.join('/')} subscription to ${w.endpoints.join(' or ') || '?'}`;
      case 'sns-lambda':
        return 'lambda subscription';
      case 'lambda-api':
        return 'invoked through the Lambda API';
    }
  },
};

const REMOTE_ENTRY: Record<Parameters<DetailWords['remoteEntry']>[0], string> = {
  'instance-connect-endpoint': 'EC2 Instance Connect Endpoint: SSH / RDP from the internet through the AWS API to any instance its security groups allow',
  'verified-access-endpoint': 'Verified Access endpoint: users on the internet reach the application in the VPC after a policy check',
  'api-gateway-vpc-link': 'API Gateway HTTP API integration through a VPC link: callers on the internet reach the load balancer or service behind the link',
  'appstream-internet-access': 'AppStream 2.0 instance with default internet access: it gets an interface on the internet outside the tier\'s routes, so the internet is reached from the tier and the instance from the internet',
};

/** The English wording of a reason (the JSON's and the English reports'). */
export const reasonEn = detailWordsEn.reason;

const TELEWORK_ENTRY: Record<Parameters<DetailWords['teleworkEntry']>[0], string> = {
  'client-vpn': 'Client VPN endpoint',
  'workspaces-directory': 'WorkSpaces directory',
  workspace: 'WorkSpace',
  'workspaces-pool': 'WorkSpaces pool',
  'directory-service': 'directory for WorkSpaces',
  'streaming-endpoint': 'WorkSpaces streaming endpoint',
  'internet-facing-load-balancer': 'internet-facing load balancer',
  appstream: 'AppStream 2.0 instances (fleet or builder)',
  'secure-browser': 'WorkSpaces Secure Browser portal',
};
