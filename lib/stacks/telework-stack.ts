/**
 * The telework stack of ONE telework tier: closed VPN, streaming endpoint, directory, hardening, volume key.
 * Thin: it maps the validated configuration and the tier's network (lib/network) onto the constructs in
 * lib/access and lib/desktops. One stack per tier, like the networks: a change to one tier's telework entry
 * can never touch another tier's.
 *
 * It re-runs the telework validators itself (fail closed): a configuration that did not go through
 * parseConfig still cannot build an entry point into the personal-number tier or an overlapping client range.
 */
import { CfnOutput, Stack, StackProps, Tags } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { mustParseIpv4Block, formatIpv4Address } from '../cidr/ipv4-blocks';
import { ConfigError, type MunicipalityConfig } from '../config';
import {
  hardeningOptionsOf,
  resolveTelework,
  teleworkTiers,
  validateTelework,
  validateTeleworkAgainstConfig,
} from '../config/telework';
import type { TierNetwork } from '../network/tier-network';
import { TIER_LABELS, TIER_TAG_KEY, type Tier } from '../tiers/tier';
import { ClosedClientVpn, allowLogsToUseKey } from '../access/closed-client-vpn';
import { LinkClientAdmission } from '../access/link-client-admission';
import { TierCertificateAuthority } from '../access/tier-certificate-authority';
import type { ClientVpnSessionTimeoutHours } from '../access/desktop-service-ports';
import { HardenedWorkspacesDirectory } from '../desktops/hardened-directory';
import { TeleworkIpAccessGroup } from '../desktops/ip-access-group';
import { StreamingEndpoint } from '../desktops/streaming-endpoint';
import { TierDirectory, type TierDirectorySpec } from '../desktops/tier-directory';
import { DesktopVolumeKey } from '../desktops/volume-key';

/** The Amazon-provided DNS resolver of a VPC: its primary CIDR's base address + 2. */
export function vpcResolverIp(vpcCidr: string): string {
  const c = mustParseIpv4Block(vpcCidr);
  return formatIpv4Address(c.start + 2);
}

export interface TeleworkStackProps extends StackProps {
  config: MunicipalityConfig;
  tier: Tier;
  /** The tier's network (from the tier's network stack). */
  network: TierNetwork;
}

export class TeleworkStack extends Stack {
  readonly directory: TierDirectory;
  readonly hardenedDirectory: HardenedWorkspacesDirectory;
  readonly volumeKey: DesktopVolumeKey;
  readonly streamingEndpoint?: StreamingEndpoint;
  readonly clientVpn?: ClosedClientVpn;
  readonly linkClients?: LinkClientAdmission;

  constructor(scope: Construct, id: string, props: TeleworkStackProps) {
    const { config, tier, network } = props;
    super(scope, id, {
      description: `${config.displayName.en}: closed telework into the ${TIER_LABELS[tier].en} (${TIER_LABELS[tier].ja})`,
      ...props,
    });
    const telework = resolveTelework(config.telework);
    const problems = [...validateTelework(telework), ...validateTeleworkAgainstConfig(config)];
    if (problems.length > 0) throw new ConfigError(`telework stack for the ${tier} tier`, problems);
    if (!teleworkTiers(telework).includes(tier)) {
      throw new Error(`TeleworkStack: the ${tier} tier has no telework in this configuration (telework.tiers); do not build a stack for it`);
    }
    Tags.of(this).add(TIER_TAG_KEY, tier);
    const hardening = hardeningOptionsOf(telework);

    const logKey = new kms.Key(this, 'TeleworkLogKey', {
      description: `Telework logs and directory secrets, ${TIER_LABELS[tier].en}`,
      enableKeyRotation: true,
    });
    allowLogsToUseKey(logKey);
    const retention = telework.clientVpn.logRetentionDays as logs.RetentionDays;

    this.volumeKey = new DesktopVolumeKey(this, 'VolumeKey', { tier });

    const configured = telework.directories[tier] ?? { kind: 'managed-ad' as const, edition: 'Standard' as const };
    const spec: TierDirectorySpec =
      configured.kind === 'managed-ad'
        ? { kind: 'managed-ad', edition: configured.edition, domainName: configured.domainName ?? `${tier}.${config.name}.internal` }
        : configured.kind === 'ad-connector'
          ? {
              kind: 'ad-connector',
              domainName: configured.domainName,
              shortName: configured.shortName,
              customerDnsIps: configured.customerDnsIps,
              size: configured.size,
              serviceAccountSecretArn: configured.serviceAccountSecretArn,
            }
          : { kind: 'existing', directoryId: configured.directoryId };
    this.directory = new TierDirectory(this, 'Directory', {
      tier,
      vpc: network.vpc,
      directorySubnets: network.subnets.directory,
      spec,
      secretKey: logKey,
      logRetention: telework.clientVpn.logRetentionDays as logs.RetentionDays,
    });

    const vpnPool = telework.clientCidrs[tier];
    const linkClients = telework.linkClientCidrs[tier] ?? [];
    const clientRanges = [...(vpnPool ? [vpnPool] : []), ...linkClients];

    let ipGroupIds: string[] | undefined;
    if (hardening.closedStreaming) {
      this.streamingEndpoint = new StreamingEndpoint(this, 'StreamingEndpoint', {
        tier,
        vpc: network.vpc,
        subnets: network.subnets.endpoints,
        clientCidrs: clientRanges,
      });
    } else {
      const group = new TeleworkIpAccessGroup(this, 'IpAccessGroup', { tier, sourceCidrs: telework.ipAccessCidrs });
      ipGroupIds = [group.group.attrGroupId];
    }

    this.hardenedDirectory = new HardenedWorkspacesDirectory(this, 'DirectoryHardening', {
      tier,
      directoryId: this.directory.directoryId,
      desktopSubnets: network.subnets.desktops,
      deregisterOnDelete: this.directory.createdHere,
      hardening,
      streamingVpcEndpointId: this.streamingEndpoint?.endpoint.vpcEndpointId,
      ipGroupIds,
      logKey,
      logRetention: retention,
    });

    if (vpnPool !== undefined && this.streamingEndpoint !== undefined) {
      const certificates =
        telework.clientVpn.certificates === 'private-ca'
          ? new TierCertificateAuthority(this, 'CertificateAuthority', { tier, municipality: config.name, serverName: `vpn.${tier}.${config.name}.internal` })
          : telework.clientVpn.certificates;
      const endpointSubnetCidrs = network.subnetPlan.subnets.filter((s) => s.purpose === 'endpoints').map((s) => s.cidr);
      const saml = telework.clientVpn.saml;
      this.clientVpn = new ClosedClientVpn(this, 'ClientVpn', {
        tier,
        vpc: network.vpc,
        associationSubnets: network.subnets.endpoints,
        clientCidr: vpnPool,
        serverCertificateArn: certificates.serverCertificateArn,
        clientRootCertificateChainArn: certificates.clientRootCertificateChainArn,
        saml: saml ? { samlProviderArn: saml.samlProviderArn, accessGroupId: saml.accessGroupIds[tier] as string } : undefined,
        authorizedCidrs: endpointSubnetCidrs,
        vpcCidr: network.ranges.vpc,
        sessionTimeoutHours: telework.clientVpn.sessionTimeoutHours as ClientVpnSessionTimeoutHours,
        banner: telework.clientVpn.banner,
        logRetention: retention,
        logKey,
        dnsResolverIp: vpcResolverIp(network.ranges.vpc),
      });
    }

    if (linkClients.length > 0) {
      this.linkClients = new LinkClientAdmission(this, 'LinkClients', { tier, networkAclId: network.nacl.acl.networkAclId, clientCidrs: linkClients });
    }

    // What the roster tool (closed-telework roster) and operators need.
    new CfnOutput(this, 'DirectoryId', { value: this.directory.directoryId, description: `WorkSpaces directory of the ${tier} tier` });
    new CfnOutput(this, 'VolumeKeyArn', { value: this.volumeKey.key.keyArn, description: 'KMS key for WorkSpaces volume encryption (roster: VolumeEncryptionKey)' });
    if (this.streamingEndpoint) {
      new CfnOutput(this, 'StreamingEndpointId', { value: this.streamingEndpoint.endpoint.vpcEndpointId, description: 'highlander (DCV) interface endpoint' });
    }
    if (this.clientVpn) {
      new CfnOutput(this, 'ClientVpnEndpointId', { value: this.clientVpn.endpoint.ref, description: 'Client VPN endpoint (export the client configuration from here)' });
    }
  }
}
