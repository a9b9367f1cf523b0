/**
 * Fail closed for every resource type. Each CloudFormation type whose schema can name a VPC, subnet,
 * security group or network interface is either modelled by an extractor or listed here, reviewed, with
 * the reason for its treatment:
 * - placed: a managed resource whose network interfaces live in the subnets it names (directly, or through
 *   the subnet group it names). The generic walker (compute.ts) records that presence, so a resource in two
 *   tiers is TIER-JOIN-MULTIHOMED; packets from it are packets from those subnets.
 * - inert: it names a network only to restrict or describe something (DNS zones, filters, log parsing,
 *   access points limited to one VPC, EC2-Classic groups…); it cannot carry traffic, admit a caller or
 *   attach to a VPC.
 * - unmodelled: it can carry traffic between networks, admit callers from outside the tier, or relay; the
 *   engine does not model it, so it is an UNMODELLED-RESOURCE finding.
 * `test/model/resource-coverage.test.ts` enumerates the CloudFormation resource specification shipped in
 * aws-cdk-lib and fails when a type that names a network is neither modelled nor listed here.
 * At run time a type in none of the lists whose properties name a network is UNMODELLED-RESOURCE; a type
 * whose properties name none cannot attach to a VPC and is ignored.
 */
import { reason, type Reason, type ReviewedReason } from '../reason';

export type CoverageKind = 'placed' | 'inert' | 'unmodelled';

export interface CoverageEntry {
  kind: CoverageKind;
  /** Why, as a catalogue key (worded by lib/report/i18n/reasons.{en,ja}.ts REVIEWED_*). */
  reason: ReviewedReason;
  /** Unmodelled only when one of these property names appears (anywhere in the properties); inert otherwise. */
  when?: readonly string[];
}

function all(kind: CoverageKind, reason: ReviewedReason, types: readonly string[], when?: readonly string[]): Record<string, CoverageEntry> {
  return Object.fromEntries(types.map((t) => [t, { kind, reason, ...(when ? { when } : {}) }]));
}

export const REVIEWED_TYPES: Readonly<Record<string, CoverageEntry>> = {
  ...all('placed', 'placed', [
    'AWS::AmazonMQ::Broker', 'AWS::APS::Scraper', 'AWS::AppRunner::VpcConnector', 'AWS::AutoScaling::AutoScalingGroup', 'AWS::Batch::ComputeEnvironment',
    'AWS::CloudHSM::Cluster', 'AWS::CodeBuild::Project', 'AWS::CodeBuild::Fleet', 'AWS::Comprehend::DocumentClassifier', 'AWS::Comprehend::Flywheel',
    'AWS::Comprehend::EntityRecognizer', 'AWS::DataSync::LocationEFS', 'AWS::DataSync::LocationFSxLustre', 'AWS::DataSync::LocationFSxONTAP',
    'AWS::DataSync::LocationFSxOpenZFS', 'AWS::DataSync::LocationFSxWindows', 'AWS::DataZone::Connection', 'AWS::DAX::Cluster', 'AWS::DAX::SubnetGroup',
    'AWS::Deadline::Fleet', 'AWS::Deadline::LicenseEndpoint', 'AWS::DMS::ReplicationConfig', 'AWS::DMS::ReplicationInstance', 'AWS::DMS::ReplicationSubnetGroup',
    'AWS::DMS::InstanceProfile', 'AWS::DocDB::DBCluster', 'AWS::DocDB::DBSubnetGroup', 'AWS::DocDBElastic::Cluster', 'AWS::ECS::CapacityProvider',
    'AWS::ECS::Service', 'AWS::ECS::TaskSet', 'AWS::EFS::MountTarget', 'AWS::EKS::FargateProfile', 'AWS::EKS::Nodegroup', 'AWS::ElastiCache::CacheCluster',
    'AWS::ElastiCache::ReplicationGroup', 'AWS::ElastiCache::SubnetGroup', 'AWS::ElastiCache::ServerlessCache', 'AWS::Elasticsearch::Domain',
    'AWS::EMR::Cluster', 'AWS::EMRServerless::Application', 'AWS::FSx::FileSystem', 'AWS::FSx::FileCache', 'AWS::GameLift::GameServerGroup',
    'AWS::Glue::Connection', 'AWS::Glue::TableOptimizer', 'AWS::Glue::Table', 'AWS::ImageBuilder::InfrastructureConfiguration', 'AWS::KafkaConnect::Connector',
    'AWS::Kendra::DataSource', 'AWS::KinesisAnalyticsV2::Application', 'AWS::KinesisFirehose::DeliveryStream', 'AWS::Lambda::CapacityProvider',
    'AWS::LookoutMetrics::AnomalyDetector', 'AWS::M2::Environment', 'AWS::MemoryDB::Cluster', 'AWS::MemoryDB::SubnetGroup', 'AWS::MemoryDB::Snapshot',
    'AWS::MSK::Cluster', 'AWS::MSK::ServerlessCluster', 'AWS::MWAAServerless::Workflow', 'AWS::Neptune::DBCluster', 'AWS::Neptune::DBInstance',
    'AWS::Neptune::DBSubnetGroup', 'AWS::NeptuneGraph::PrivateGraphEndpoint', 'AWS::Omics::Configuration', 'AWS::OpenSearchServerless::VpcEndpoint',
    'AWS::OpenSearchService::Domain', 'AWS::OpsWorks::Instance', 'AWS::OpsWorks::Stack', 'AWS::OpsWorksCM::Server', 'AWS::OSIS::PipelineEndpoint',
    'AWS::PCAConnectorAD::Connector', 'AWS::PCS::Cluster', 'AWS::PCS::ComputeNodeGroup', 'AWS::QBusiness::DataSource', 'AWS::RDS::DBCluster',
    'AWS::RDS::DBInstance', 'AWS::RDS::DBProxy', 'AWS::RDS::DBProxyEndpoint', 'AWS::RDS::DBSubnetGroup', 'AWS::Redshift::Cluster',
    'AWS::Redshift::ClusterSubnetGroup', 'AWS::RedshiftServerless::Workgroup', 'AWS::S3Files::MountTarget', 'AWS::SageMaker::DataQualityJobDefinition',
    'AWS::SageMaker::Endpoint', 'AWS::SageMaker::EndpointConfig', 'AWS::SageMaker::Model', 'AWS::SageMaker::ModelBiasJobDefinition',
    'AWS::SageMaker::ModelExplainabilityJobDefinition', 'AWS::SageMaker::ModelQualityJobDefinition', 'AWS::SageMaker::MonitoringSchedule',
    'AWS::SageMaker::Cluster', 'AWS::SageMaker::ProcessingJob', 'AWS::Synthetics::Canary', 'AWS::Timestream::InfluxDBCluster', 'AWS::Timestream::InfluxDBInstance',
  ]),
  // The interfaces of a VPC link / Secure Browser network settings; what makes them an entry (an HTTP API
  // integration, a portal) is read by api-gateway-v2.ts / streaming-services.ts.
  ...all('placed', 'placed', ['AWS::ApiGatewayV2::VpcLink', 'AWS::WorkSpacesWeb::NetworkSettings']),
  // The BGP session of a Cloud WAN Connect attachment: the attachment is the path (cloud-wan.ts).
  ...all('inert', 'connect-peer', ['AWS::NetworkManager::ConnectPeer']),
  ...all('placed', 'placed-target', ['AWS::Events::Rule', 'AWS::Scheduler::Schedule', 'AWS::Pipes::Pipe', 'AWS::SecretsManager::RotationSchedule']),
  ...all('inert', 'classic', ['AWS::ElastiCache::SecurityGroup', 'AWS::ElastiCache::SecurityGroupIngress', 'AWS::RDS::DBSecurityGroup', 'AWS::RDS::DBSecurityGroupIngress', 'AWS::Redshift::ClusterSecurityGroup', 'AWS::Redshift::ClusterSecurityGroupIngress']),
  ...all('inert', 'dns', ['AWS::Route53::HostedZone', 'AWS::ServiceDiscovery::PrivateDnsNamespace', 'AWS::Route53Resolver::FirewallRuleGroup', 'AWS::Route53Resolver::FirewallRuleGroupAssociation']),
  ...all('inert', 'restricts', ['AWS::S3::AccessPoint', 'AWS::S3Express::AccessPoint', 'AWS::S3Outposts::AccessPoint', 'AWS::FSx::S3AccessPointAttachment']),
  ...all('inert', 'describes', ['AWS::InspectorV2::Filter', 'AWS::SecurityHub::Insight', 'AWS::Logs::Transformer', 'AWS::ObservabilityAdmin::OrganizationTelemetryRule', 'AWS::ObservabilityAdmin::TelemetryRule', 'AWS::IoTFleetWise::DecoderManifest']),
  // Its parameters may name subnets, but the nested template is read as a stack of its own (a missing one is a finding).
  ...all('inert', 'nested-stack', ['AWS::CloudFormation::Stack']),
  ...all('inert', 'config-only', ['AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::AutoScaling::LaunchConfiguration', 'AWS::OpsWorks::Layer', 'AWS::RDS::OptionGroup']),
  // CloudFront only reaches into a VPC through a VPC origin; an ordinary distribution is an internet service.
  ...all('unmodelled', 'entry', ['AWS::CloudFront::Distribution'], ['VpcOriginConfig']),
  ...all('unmodelled', 'entry', [
    'AWS::AppRunner::Service', 'AWS::AppRunner::VpcIngressConnection', 'AWS::AppStream::AppBlock', 'AWS::Cloud9::EnvironmentEC2', 'AWS::CloudFront::VpcOrigin', 'AWS::DeviceFarm::Project',
    'AWS::DeviceFarm::TestGridProject', 'AWS::DeviceFarm::VPCEConfiguration', 'AWS::ECS::ExpressGatewayService', 'AWS::ECS::Gateway', 'AWS::EKS::Cluster',
    'AWS::EKS::Capability', 'AWS::EMR::Studio', 'AWS::GameLiftStreams::StreamGroup', 'AWS::Glue::DevEndpoint', 'AWS::Grafana::Workspace', 'AWS::MWAA::Environment',
    'AWS::NimbleStudio::LaunchProfile', 'AWS::NimbleStudio::Studio', 'AWS::NimbleStudio::StudioComponent', 'AWS::OSIS::Pipeline', 'AWS::QuickSight::DataSource',
    'AWS::QuickSight::VPCConnection', 'AWS::QuickSight::ActionConnector', 'AWS::QuickSight::OAuthClientApplication', 'AWS::SageMaker::Domain',
    'AWS::SageMaker::UserProfile', 'AWS::SageMaker::NotebookInstance', 'AWS::SageMaker::Workforce', 'AWS::SES::MailManagerIngressPoint', 'AWS::Transfer::Server',
    'AWS::Transfer::WebApp', 'AWS::WorkspacesInstances::WorkspaceInstance', 'AWS::PCAConnectorSCEP::Connector',
    'AWS::DataSync::Agent', 'AWS::StorageGateway::NFSFileShare', 'AWS::StorageGateway::SMBFileShare', 'AWS::StorageGateway::Volume',
  ]),
  ...all('unmodelled', 'joins', [
    'AWS::GameLift::Fleet', 'AWS::MSK::VpcConnection', 'AWS::NetworkFirewall::VpcEndpointAssociation',
    'AWS::NetworkManager::Device', 'AWS::ODB::OdbNetwork', 'AWS::RefactorSpaces::Application', 'AWS::RefactorSpaces::Service',
    'AWS::Redshift::EndpointAccess', 'AWS::Redshift::EndpointAuthorization', 'AWS::RTBFabric::RequesterGateway', 'AWS::RTBFabric::ResponderGateway',
    'AWS::S3Outposts::Endpoint', 'AWS::VpcLattice::ResourceGateway', 'AWS::EVS::Environment', 'AWS::GroundStation::DataflowEndpointGroup',
    'AWS::DRS::SourceNetwork', 'AWS::DRS::ReplicationConfigurationTemplate', 'AWS::MGN::ReplicationConfigurationTemplate',
  ]),
  ...all('unmodelled', 'relays', [
    'AWS::IoT::TopicRule', 'AWS::IoT::TopicRuleDestination', 'AWS::MSK::Replicator', 'AWS::MediaConnect::Bridge', 'AWS::MediaConnect::BridgeSource',
    'AWS::MediaConnect::Flow', 'AWS::MediaConnect::FlowOutput', 'AWS::MediaConnect::FlowSource', 'AWS::MediaConnect::FlowVpcInterface',
    'AWS::MediaConnect::DestinationEndpoint', 'AWS::MediaConnect::RouterInput', 'AWS::MediaConnect::RouterNetworkInterface', 'AWS::MediaConnect::RouterOutput',
    'AWS::MediaConnect::SourceEndpoint', 'AWS::MediaLive::Channel', 'AWS::MediaLive::Input', 'AWS::MediaLive::Node', 'AWS::Route53Resolver::ResolverEndpoint',
    'AWS::Route53Resolver::ResolverRule', 'AWS::Route53Resolver::ResolverRuleAssociation', 'AWS::Transfer::Connector', 'AWS::CodeConnections::Host',
    'AWS::DevOpsAgent::PrivateConnection', 'AWS::SecurityAgent::PrivateConnection',
  ]),
  ...all('unmodelled', 'new-service', [
    'AWS::BedrockAgentCore::BrowserCustom', 'AWS::BedrockAgentCore::CapacityProvider', 'AWS::BedrockAgentCore::CodeInterpreterCustom', 'AWS::BedrockAgentCore::Gateway',
    'AWS::BedrockAgentCore::GatewayTarget', 'AWS::BedrockAgentCore::Harness', 'AWS::BedrockAgentCore::OAuth2CredentialProvider', 'AWS::BedrockAgentCore::Runtime',
    'AWS::Lambda::NetworkConnector', 'AWS::Route53GlobalResolver::DnsView', 'AWS::SecurityAgent::AgentSpace', 'AWS::SecurityAgent::Pentest',
  ]),
  ...all('unmodelled', 'transform', ['AWS::Serverless::Function', 'AWS::Serverless::Api']),
};

/** Property names that attach a resource to a network (matched anywhere in its properties, case-insensitive). */
const NETWORK_PROPERTY = /^(vpc|vpcid|vpcs|vpcconfig|vpcconfiguration|vpcsettings|vpcoptions|vpcproperties|vpcsubnetids|vpcsecuritygroupids|subnet|subnets|subnetid|subnetids|subnetidlist|subnetarn|subnetmappings|subnetgroupname|dbsubnetgroupname|cachesubnetgroupname|securitygroup|securitygroups|securitygroupids|securitygroupidlist|securitygrouparns|vpcsecuritygroups|networkinterfaces|networkinterfaceid|networkconfiguration|awsvpcconfiguration|vpczoneidentifier)$/i;

/** The first network-attaching property name found in a resource's properties (depth-limited walk). */
export function networkPropertyIn(raw: unknown, depth = 0): string | undefined {
  if (depth > 8 || raw === null || typeof raw !== 'object') return undefined;
  if (Array.isArray(raw)) {
    for (const x of raw) {
      const hit = networkPropertyIn(x, depth + 1);
      if (hit) return hit;
    }
    return undefined;
  }
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (NETWORK_PROPERTY.test(k)) return k;
    const hit = networkPropertyIn(v, depth + 1);
    if (hit) return hit;
  }
  return undefined;
}

/** Whether any of `names` appears as a property name anywhere in `raw`. */
function namesAny(raw: unknown, names: readonly string[], depth = 0): boolean {
  if (depth > 8 || raw === null || typeof raw !== 'object') return false;
  if (Array.isArray(raw)) return raw.some((x) => namesAny(x, names, depth + 1));
  return Object.entries(raw as Record<string, unknown>).some(([k, v]) => names.includes(k) || namesAny(v, names, depth + 1));
}

/**
 * The treatment of a non-EC2 type that no extractor reads: its reviewed entry, or — for a type on no list —
 * unmodelled when its properties name a network, inert when they name none.
 */
export function reviewedCoverage(type: string, properties: unknown): { kind: CoverageKind; reason: Reason } | undefined {
  const e = REVIEWED_TYPES[type];
  if (e) {
    if (e.when && !namesAny(properties, e.when)) return { kind: 'inert', reason: reason('reaches-no-vpc', { type, without: [...e.when] }) };
    return { kind: e.kind, reason: reason('reviewed-type', { type, reviewed: e.reason }) };
  }
  const hit = networkPropertyIn(properties);
  if (hit) return { kind: 'unmodelled', reason: reason('names-network', { type, property: hit }) };
  return undefined;
}
