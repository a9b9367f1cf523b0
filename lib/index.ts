/**
 * closed-telework's public API. Two one-way pipelines, kept apart:
 *
 *   build:  config → constructs (network, access, desktops, audit) → stacks → MunicipalityStage → cdk.out
 *   prove:  templates → network model → checks → findings → reports
 *
 * The prove side never imports the build side, so it judges any CloudFormation template.
 */

// Shared vocabulary
export * from './tiers/tier';
export * from './tiers/municipality';

// build: configuration and constructs
export * from './config';
export * from './cidr/ipv4-blocks';
export * from './network';
export { ClosedClientVpn, type ClosedClientVpnProps } from './access/closed-client-vpn';
export { LinkClientAdmission, type LinkClientAdmissionProps } from './access/link-client-admission';
export { TierCertificateAuthority, type TierCertificateAuthorityProps } from './access/tier-certificate-authority';
export { HardenedWorkspacesDirectory, type HardenedWorkspacesDirectoryProps } from './desktops/hardened-directory';
export { TierDirectory, type TierDirectoryProps, type TierDirectorySpec } from './desktops/tier-directory';
export { StreamingEndpoint, type StreamingEndpointProps } from './desktops/streaming-endpoint';
export { TeleworkIpAccessGroup } from './desktops/ip-access-group';
export { DesktopVolumeKey } from './desktops/volume-key';
export { hardeningBaseline, evaluateSetting, type HardeningSetting } from './desktops/hardening-baseline';
export { AuditTrail, type AuditTrailProps } from './audit/audit-trail';
export { TierAccessScopes, type TierAccessScopesProps } from './audit/tier-access-scopes';
export { TierNetworkStack, TransitGatewayStack } from './stacks/network-stack';
export { TeleworkStack } from './stacks/telework-stack';
export { AuditStack } from './stacks/audit-stack';
export { MunicipalityStage, type MunicipalityStageProps } from './stages/municipality-stage';
export { registerPolicyPlugins, externalPolicyPlugins, type RegisterPolicyPluginsOptions } from './stages/policy-plugins';
export { tierPolicyFromConfigs } from './stages/tier-policy-from-config';
export { synthOrRefuse, formatRefusal, judgeValidationReport, type SynthGateOptions, type GateRun, type SynthVerdict } from './gate';
export { ControlTowerGuardRules, type ControlTowerGuardRulesProps } from './control-tower/control-tower-guard-rules';
// build: many municipalities, the prefecture's security cloud hub, the pipeline
export { buildApp, type BuildAppOptions, type BuiltApp } from './stages/build-app';
export { SecurityCloudHub, type SecurityCloudHubProps, type HubMember } from './prefecture/security-cloud-hub';
export { PrefectureHubAttachment, type PrefectureHubAttachmentProps } from './network/prefecture-hub-egress';
export { HubMunicipalityRouting, type HubMunicipalityRoutingProps } from './prefecture/hub-routing';
export { SecurityCloudHubStage, HubRoutingStage, type PrefectureStageProps } from './stages/prefecture-stages';
export type { PrefectureHubLink } from './config/hub-names';
export { ClosedTeleworkPipeline, type ClosedTeleworkPipelineProps, type PipelineStageEntry, PIPELINE_POLICY_FILE } from './pipeline/closed-telework-pipeline';
export { ClosedTeleworkPipelineStack, type ClosedTeleworkPipelineStackProps } from './pipeline/pipeline-stack';

// cost: what a configuration costs, for the budget request (docs/cost.md)
export {
  estimateForConfig,
  estimateCost,
  costDrivers,
  costReportSection,
  costReportSectionsForConfigs,
  CostInputError,
  PRICE_TABLE,
  renderCostText,
  renderCostJson,
  renderCostCsv,
  renderCostXlsx,
  type CostEstimate,
  type CostLine,
  type PriceEntry,
  type ResolvedCostSettings,
} from './cost';

// acknowledgement reasons in both languages: the report shows each reader theirs
export { bilingualReason, parseBilingualReason, reasonIn, type BilingualReason } from './bilingual/reason';

// prove: the engine, the cdk-nag pack, policy tests
export * from './checks';
export { ThreeTierSeparationChecks, type ThreeTierSeparationChecksProps } from './nag/three-tier-separation-checks';
export * from './testing';
