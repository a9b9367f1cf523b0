/**
 * A closed AWS Client VPN endpoint into ONE telework tier, with every unsafe default turned off.
 *
 * Built on the L1 resources on purpose: the L2 `ec2.ClientVpnEndpoint` authorises all users to the whole VPC
 * CIDR by default and enables the self-service portal unless told otherwise; here nothing is implicit.
 *  - mutual TLS (server certificate + client root CA from configuration), optional SAML federation on top
 *    (MFA is enforced by the IdP: documented in docs/telework.md);
 *  - full tunnel (split tunnel off) with client route enforcement, so a client cannot reach its home LAN
 *    or the internet while connected (J-LIS: client firewall blocks other traffic during a session);
 *  - authorisation rules ONLY to the streaming endpoint / desktop CIDRs given — never the VPC CIDR, never
 *    0.0.0.0/0; with SAML the rules are bound to the tier's access group;
 *  - self-service portal disabled; session timeout with disconnect on timeout;
 *  - login banner in Japanese and English;
 *  - connection logs to a KMS-encrypted log group with configured retention;
 *  - its security group can reach only the desktop streaming ports on the authorised CIDRs.
 */
import { RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { allowCloudWatchLogs, denyGrantsExceptForAwsServices } from '../encryption/key-policies';
import { TIER_LABELS, TIER_TAG_KEY, NO_TELEWORK_TIER, type Tier } from '../tiers/tier';
import {
  CLIENT_VPN_BANNER_MAX_LENGTH,
  CLIENT_VPN_SESSION_TIMEOUT_HOURS,
  DESKTOP_STREAMING_PORTS,
  loginBannerText,
  type ClientVpnSessionTimeoutHours,
  type ServicePort,
} from './desktop-service-ports';

export interface ClosedClientVpnProps {
  tier: Tier;
  vpc: ec2.IVpc;
  /** Subnets the endpoint is associated with (its ENIs live there): the tier's endpoint subnets, ≥ 1. */
  associationSubnets: ec2.ISubnet[];
  /** Client address pool, a literal /12–/22 CIDR overlapping no tier range (checked by the config). */
  clientCidr: string;
  /** ACM ARN of the server certificate. */
  serverCertificateArn: string;
  /** ACM ARN of the client root CA chain (mutual TLS: only devices holding a client certificate connect). */
  clientRootCertificateChainArn: string;
  /** Optional SAML federation (the IdP enforces MFA). */
  saml?: {
    samlProviderArn: string;
    /** IdP group allowed into this tier; rules are bound to it. */
    accessGroupId: string;
  };
  /** Literal CIDRs the clients may reach: the streaming endpoint / desktop subnets. Never the VPC CIDR. */
  authorizedCidrs: string[];
  /** The VPC's own CIDR (literal), only to refuse an authorisation rule covering all of it. */
  vpcCidr: string;
  /** Ports clients may use towards `authorizedCidrs`. Default: DCV streaming (TCP 443, TCP/UDP 4195). */
  servicePorts?: readonly ServicePort[];
  sessionTimeoutHours: ClientVpnSessionTimeoutHours;
  banner: { ja: string; en: string };
  logRetention: logs.RetentionDays;
  /** Key for the connection log group; created (with rotation) when absent. */
  logKey?: kms.IKey;
  /**
   * The tier VPC's Amazon DNS resolver (VPC base + 2), a literal IP. With a full tunnel the device's home DNS is
   * unreachable, so clients must resolve the streaming endpoint's name through the tier: it is pushed as the DNS
   * server, authorised as a /32, and the SG allows DNS (TCP/UDP 53) to it and nothing else beyond streaming.
   */
  dnsResolverIp?: string;
}

export class ClosedClientVpn extends Construct {
  readonly endpoint: ec2.CfnClientVpnEndpoint;
  readonly securityGroup: ec2.SecurityGroup;
  readonly logGroup: logs.LogGroup;
  readonly logKey: kms.IKey;

  constructor(scope: Construct, id: string, props: ClosedClientVpnProps) {
    super(scope, id);
    validateProps(props);
    const label = TIER_LABELS[props.tier];

    this.logKey =
      props.logKey ??
      new kms.Key(this, 'ConnectionLogKey', {
        description: `Client VPN connection logs, ${label.en} (${label.ja})`,
        enableKeyRotation: true,
        removalPolicy: RemovalPolicy.RETAIN,
      });
    if (!props.logKey) allowLogsToUseKey(this.logKey as kms.Key);

    this.logGroup = new logs.LogGroup(this, 'ConnectionLogs', {
      encryptionKey: this.logKey,
      retention: props.logRetention,
      // Connection logs are audit evidence: keep them when the stack goes.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.securityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: props.vpc,
      allowAllOutbound: false,
      description: `Client VPN ${props.tier}: egress only to the desktop streaming service`,
    });
    for (const cidr of props.authorizedCidrs) {
      for (const p of props.servicePorts ?? DESKTOP_STREAMING_PORTS) {
        const port = p.protocol === 'tcp' ? ec2.Port.tcp(p.port) : ec2.Port.udp(p.port);
        this.securityGroup.addEgressRule(ec2.Peer.ipv4(cidr), port, `${p.purpose} (${cidr})`);
      }
    }
    const resolver = props.dnsResolverIp ? `${props.dnsResolverIp}/32` : undefined;
    if (resolver) {
      this.securityGroup.addEgressRule(ec2.Peer.ipv4(resolver), ec2.Port.udp(53), 'DNS to the tier VPC resolver');
      this.securityGroup.addEgressRule(ec2.Peer.ipv4(resolver), ec2.Port.tcp(53), 'DNS (TCP) to the tier VPC resolver');
    }

    const authenticationOptions: ec2.CfnClientVpnEndpoint.ClientAuthenticationRequestProperty[] = [
      { type: 'certificate-authentication', mutualAuthentication: { clientRootCertificateChainArn: props.clientRootCertificateChainArn } },
    ];
    if (props.saml) {
      authenticationOptions.push({ type: 'federated-authentication', federatedAuthentication: { samlProviderArn: props.saml.samlProviderArn } });
    }

    this.endpoint = new ec2.CfnClientVpnEndpoint(this, 'Endpoint', {
      description: `Closed telework VPN into the ${label.en} (${label.ja})`,
      vpcId: props.vpc.vpcId,
      clientCidrBlock: props.clientCidr,
      serverCertificateArn: props.serverCertificateArn,
      authenticationOptions,
      splitTunnel: false,
      // Client route enforcement re-asserts the VPN routes on the device, so a local route cannot bypass the tunnel.
      clientRouteEnforcementOptions: { enforced: true },
      selfServicePortal: 'disabled',
      sessionTimeoutHours: props.sessionTimeoutHours,
      disconnectOnSessionTimeout: true,
      clientLoginBannerOptions: { enabled: true, bannerText: loginBannerText(props.banner) },
      connectionLogOptions: { enabled: true, cloudwatchLogGroup: this.logGroup.logGroupName },
      securityGroupIds: [this.securityGroup.securityGroupId],
      transportProtocol: 'udp',
      vpnPort: 443,
      dnsServers: props.dnsResolverIp ? [props.dnsResolverIp] : undefined,
      tagSpecifications: [
        {
          resourceType: 'client-vpn-endpoint',
          tags: [
            { key: TIER_TAG_KEY, value: props.tier },
            { key: 'Name', value: `telework-${props.tier}` },
          ],
        },
      ],
    });

    props.associationSubnets.forEach((subnet, i) => {
      const association = new ec2.CfnClientVpnTargetNetworkAssociation(this, `Association${i}`, {
        clientVpnEndpointId: this.endpoint.ref,
        subnetId: subnet.subnetId,
      });
      association.node.addDependency(this.securityGroup);
    });

    [...props.authorizedCidrs, ...(resolver ? [resolver] : [])].forEach((cidr, i) => {
      new ec2.CfnClientVpnAuthorizationRule(this, `Authorization${i}`, {
        clientVpnEndpointId: this.endpoint.ref,
        targetNetworkCidr: cidr,
        description: cidr === resolver ? `telework ${props.tier}: VPC DNS resolver` : `telework ${props.tier}: streaming endpoint ${cidr}`,
        // Certificate-only auth cannot carry groups; with SAML, only the tier's group is authorised.
        ...(props.saml ? { accessGroupId: props.saml.accessGroupId } : { authorizeAllGroups: true }),
      });
    });

    Tags.of(this).add(TIER_TAG_KEY, props.tier);
  }
}

/** Lets CloudWatch Logs use the key for log groups, and refuses direct grants (see lib/audit/key-policies.ts). */
export function allowLogsToUseKey(key: kms.Key): void {
  allowCloudWatchLogs(key);
  denyGrantsExceptForAwsServices(key);
}

function validateProps(props: ClosedClientVpnProps): void {
  const problems: string[] = [];
  if (props.tier === NO_TELEWORK_TIER) {
    problems.push(`tier: "${NO_TELEWORK_TIER}" may never have a telework entry point (MIC); remove it from telework.tiers`);
  }
  if (props.dnsResolverIp !== undefined && !/^\d{1,3}(\.\d{1,3}){3}$/.test(props.dnsResolverIp)) {
    problems.push(`dnsResolverIp: "${props.dnsResolverIp}" must be a literal IPv4 address (the VPC base + 2)`);
  }
  if (props.associationSubnets.length === 0) problems.push('associationSubnets: give at least one subnet of the tier');
  if (props.authorizedCidrs.length === 0) problems.push('authorizedCidrs: give the streaming endpoint / desktop subnet CIDRs');
  for (const cidr of props.authorizedCidrs) {
    if (cidr === '0.0.0.0/0' || cidr === props.vpcCidr) {
      problems.push(`authorizedCidrs: ${cidr} would authorise clients to the whole ${cidr === '0.0.0.0/0' ? 'internet' : 'VPC'}; list only the streaming endpoint / desktop subnets`);
    }
  }
  if (!(CLIENT_VPN_SESSION_TIMEOUT_HOURS as readonly number[]).includes(props.sessionTimeoutHours)) {
    problems.push(`sessionTimeoutHours: ${props.sessionTimeoutHours}; Client VPN accepts ${CLIENT_VPN_SESSION_TIMEOUT_HOURS.join(', ')}`);
  }
  const banner = loginBannerText(props.banner);
  if (props.banner.ja.trim() === '' || props.banner.en.trim() === '') problems.push('banner: both Japanese and English text are required');
  if ([...banner].length > CLIENT_VPN_BANNER_MAX_LENGTH) {
    problems.push(`banner: ${[...banner].length} characters; Client VPN allows ${CLIENT_VPN_BANNER_MAX_LENGTH} (Japanese + English together)`);
  }
  if (problems.length > 0) throw new Error(`ClosedClientVpn (${props.tier}) is unsafe or invalid:\n  - ${problems.join('\n  - ')}`);
}
