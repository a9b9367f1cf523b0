/**
 * The prefecture's security cloud (自治体情報セキュリティクラウド) as a shared inspection hub, in the
 * prefecture's own account:
 *
 *   municipality internet tier ─TGW─► municipalities' route table ─0.0.0.0/0─► inspection attachment
 *     ─► inspection VPC: attachment subnets ─► Network Firewall (domain allow-list) ─► NAT ─► internet gateway
 *   replies: NAT subnet ─► firewall ─► firewall subnet ─(private ranges)─► TGW ─► inspection route table
 *     ─(each municipality's propagated range)─► that municipality
 *
 * - ONE Transit Gateway, default association and propagation disabled (attachments join no domain by
 *   themselves), shared through AWS RAM with the member municipalities' accounts only; shared attachments
 *   are accepted automatically because RAM names exactly those accounts, and an accepted attachment still
 *   carries nothing until the hub-routing stage associates it (hub-routing.ts).
 * - The municipalities' route table holds a default route to the inspection attachment and blackholes for
 *   the private address space: a municipality reaches the internet through the hub and never another
 *   municipality (the proof's MUNICIPALITY-CROSSING judges exactly this). The inspection route table holds
 *   each municipality's propagated range, for replies only.
 * - The inspection VPC is tagged mic:tier=internet (it carries internet-tier traffic only) and mic:hub
 *   (it serves every member and belongs to none); its egress is the same NetworkFirewallEgress a single
 *   municipality uses, so one allow-list implementation serves both.
 */
import { Stack, Tags, Validations } from 'aws-cdk-lib';
import { bilingualReason } from '../bilingual/reason';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ram from 'aws-cdk-lib/aws-ram';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { ipv4BlockContains as cidrContains, mustParseIpv4Block as mustParseCidr } from '../cidr/ipv4-blocks';
import { planHubSubnets, type PrefectureConfig } from '../config';
import { NetworkFirewallEgress } from '../network/inspected-egress';
import { TierFlowLogs } from '../network/flow-logs';
import { HUB_TAG_KEY } from '../tiers/municipality';
import { TIER_TAG_KEY } from '../tiers/tier';
import { hubRouteTableParameter, hubTransitGatewayParameter, PRIVATE_RANGES } from '../config/hub-names';

export interface HubMember {
  name: string;
  account: string;
  /** The member's internet-tier VPC range (the only range the hub carries for it). */
  internetVpcCidr: string;
}

export interface SecurityCloudHubProps {
  prefecture: PrefectureConfig;
  /** The municipalities whose internet tiers attach to the hub. */
  members: readonly HubMember[];
}

export class SecurityCloudHub extends Construct {
  public readonly transitGateway: ec2.CfnTransitGateway;
  public readonly vpc: ec2.Vpc;
  public readonly inspectionAttachment: ec2.CfnTransitGatewayVpcAttachment;
  public readonly municipalitiesRouteTable: ec2.CfnTransitGatewayRouteTable;
  public readonly inspectionRouteTable: ec2.CfnTransitGatewayRouteTable;
  public readonly egress: NetworkFirewallEgress;
  public readonly share: ram.CfnResourceShare;

  constructor(scope: Construct, id: string, props: SecurityCloudHubProps) {
    super(scope, id);
    const pref = props.prefecture;
    const hub = pref.securityCloud;
    if (hub === undefined) throw new Error(`prefecture ${pref.name} has no securityCloud; validate the configuration first`);
    Tags.of(this).add(HUB_TAG_KEY, pref.name);
    const plan = planHubSubnets(pref);

    this.transitGateway = new ec2.CfnTransitGateway(this, 'TransitGateway', {
      description: `${pref.name}: security cloud hub (自治体情報セキュリティクラウド); municipalities isolated from one another`,
      amazonSideAsn: hub.amazonSideAsn,
      defaultRouteTableAssociation: 'disable',
      defaultRouteTablePropagation: 'disable',
      autoAcceptSharedAttachments: 'enable',
      dnsSupport: 'enable',
      vpnEcmpSupport: 'disable',
    });

    // The inspection VPC: internet-tier traffic only.
    const network = new Construct(this, 'Inspection');
    Tags.of(network).add(TIER_TAG_KEY, 'internet');
    this.vpc = new ec2.Vpc(network, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(hub.vpcCidr),
      availabilityZones: plan.attachment.map((s) => s.az),
      natGateways: 0,
      createInternetGateway: false,
      subnetConfiguration: [],
      restrictDefaultSecurityGroup: true,
      enableDnsHostnames: true,
      enableDnsSupport: true,
    });
    // The VPC's restrictDefaultSecurityGroup custom resource: the same reasoning as in every tier VPC.
    const provider = Stack.of(this).node.tryFindChild('Custom::VpcRestrictDefaultSGCustomResourceProvider');
    const handler = provider?.node.tryFindChild('Handler');
    if (handler !== undefined) {
      Validations.of(handler).acknowledge({
        id: 'cdk-validator-cfnguard::lambda_inside_vpc_check',
        reason: bilingualReason({
          en:
            'CDK-provided deployment-time function that only revokes the rules of the inspection VPC\'s default ' +
          'security group through the EC2 API. Inside the VPC it would need an ENI and an EC2 API path there for ' +
          'no benefit; outside any VPC it cannot carry traffic.',
          ja:
            'CDK が提供する、デプロイ時にだけ動く関数です。検査用 VPC の既定のセキュリティグループのルールを EC2 API で取り消すだけです。VPC 内に置くと ENI と EC2 API への経路が必要になるうえ、得るものがありません。どの VPC にも属さない関数は通信を運ぶことができません。',
        }),
      });
    }
    const attachmentSubnets = plan.attachment.map((s, i) => new ec2.Subnet(network, `AttachmentSubnet${i}`, { vpcId: this.vpc.vpcId, availabilityZone: s.az, cidrBlock: s.cidr, mapPublicIpOnLaunch: false }));
    new TierFlowLogs(network, 'FlowLogs', { tier: 'internet', municipality: `${pref.name}-hub`, vpc: this.vpc, retentionDays: hub.flowLogRetentionDays });

    // Destinations the hub returns traffic to: the private space, and any member range outside it.
    const returnRanges = [...PRIVATE_RANGES, ...props.members.map((m) => m.internetVpcCidr).filter((c) => !PRIVATE_RANGES.some((p) => cidrContains(mustParseCidr(p), mustParseCidr(c))))];
    this.egress = new NetworkFirewallEgress(network, 'Egress', {
      municipality: `${pref.name}-hub`,
      vpc: this.vpc,
      protectedSubnets: attachmentSubnets,
      protectedSubnetCidrs: returnRanges,
      natSubnet: { purpose: 'nat', az: plan.nat.az, cidr: plan.nat.cidr, prefix: 28 },
      firewallSubnet: { purpose: 'firewall', az: plan.firewall.az, cidr: plan.firewall.cidr, prefix: 28 },
      allowedDomains: hub.allowedDomains,
    });

    this.inspectionAttachment = new ec2.CfnTransitGatewayVpcAttachment(network, 'Attachment', {
      transitGatewayId: this.transitGateway.ref,
      vpcId: this.vpc.vpcId,
      subnetIds: attachmentSubnets.map((s) => s.subnetId),
      // Replies of one flow come back through the same firewall endpoint whatever AZ they arrive in.
      options: { ApplianceModeSupport: 'enable' },
    });
    // Replies leave the firewall subnet towards the municipalities through the TGW.
    returnRanges.forEach((cidr, i) => {
      const r = new ec2.CfnRoute(network, `FirewallReturnRoute${i}`, {
        routeTableId: this.egress.firewallSubnet.routeTable.routeTableId,
        destinationCidrBlock: cidr,
        transitGatewayId: this.transitGateway.ref,
      });
      r.addResourceDependency(this.inspectionAttachment);
    });

    this.inspectionRouteTable = new ec2.CfnTransitGatewayRouteTable(this, 'InspectionRouteTable', { transitGatewayId: this.transitGateway.ref });
    new ec2.CfnTransitGatewayRouteTableAssociation(this, 'InspectionAssociation', {
      transitGatewayRouteTableId: this.inspectionRouteTable.ref,
      transitGatewayAttachmentId: this.inspectionAttachment.ref,
    });
    this.municipalitiesRouteTable = new ec2.CfnTransitGatewayRouteTable(this, 'MunicipalitiesRouteTable', { transitGatewayId: this.transitGateway.ref });
    new ec2.CfnTransitGatewayRoute(this, 'MunicipalitiesDefaultRoute', {
      transitGatewayRouteTableId: this.municipalitiesRouteTable.ref,
      destinationCidrBlock: '0.0.0.0/0',
      transitGatewayAttachmentId: this.inspectionAttachment.ref,
    });
    returnRanges.forEach((cidr, i) => {
      new ec2.CfnTransitGatewayRoute(this, `MunicipalitiesBlackhole${i}`, {
        transitGatewayRouteTableId: this.municipalitiesRouteTable.ref,
        destinationCidrBlock: cidr,
        blackhole: true,
      });
    });

    // Published for the members (TGW id, shared) and for the hub-routing stage (route tables, same account).
    const tgwParameter = new ssm.StringParameter(this, 'TransitGatewayIdParameter', {
      parameterName: hubTransitGatewayParameter(pref.name),
      stringValue: this.transitGateway.ref,
      tier: ssm.ParameterTier.ADVANCED,
      description: `${pref.name} security cloud hub: Transit Gateway id, shared with the member municipalities`,
    });
    for (const [table, rt] of [['municipalities', this.municipalitiesRouteTable], ['inspection', this.inspectionRouteTable]] as const) {
      new ssm.StringParameter(this, `${table === 'municipalities' ? 'Municipalities' : 'Inspection'}RouteTableParameter`, {
        parameterName: hubRouteTableParameter(pref.name, table),
        stringValue: rt.ref,
        description: `${pref.name} security cloud hub: the ${table} route table id`,
      });
    }
    const stack = this.transitGateway.stack;
    this.share = new ram.CfnResourceShare(this, 'Share', {
      name: `${pref.name}-security-cloud-hub`,
      principals: props.members.map((m) => m.account),
      resourceArns: [
        stack.formatArn({ service: 'ec2', resource: 'transit-gateway', resourceName: this.transitGateway.ref }),
        tgwParameter.parameterArn,
      ],
      // Members outside the prefecture's AWS Organization need an invitation each; inside it, none.
      allowExternalPrincipals: hub.shareOutsideOrganization,
    });
    Validations.of(this.transitGateway).acknowledge({
      id: 'cdk-validator-cfnguard::ec2_transit_gateway_auto_vpc_attach_disabled_check',
      reason: bilingualReason({
        en:
          'Shared attachments are accepted automatically because the RAM share names exactly the member ' +
        'municipalities\' accounts; an accepted attachment joins no route domain (default association and ' +
        'propagation are disabled) until the hub-routing stage associates it with the municipalities\' route ' +
        'table, and the tier proof (HUB-ATTACHMENT-TIER) fails the synth if anything but an internet-tier VPC attaches.',
        ja:
          '共有アタッチメントを自動承認するのは、RAM 共有の相手を構成市町村のアカウントに限っているためです。承認されたアタッチメントは、既定の関連付け・伝播を無効にしているため、ハブ経路設定の段階で市町村用のルートテーブルに関連付けられるまで、どの経路ドメインにも属しません。また、インターネット接続系以外の VPC が接続されれば、系の検証（HUB-ATTACHMENT-TIER）により synth が失敗します。',
      }),
    });
  }
}
