/**
 * The internet tier's ONE inspected egress point, chosen in configuration. Nothing else in the package
 * creates an internet gateway, NAT gateway or default route.
 *
 * `NetworkFirewallEgress`: private subnets → AWS Network Firewall (domain allow-list) → NAT gateway →
 * internet gateway, all in the first AZ (one egress point: one place to inspect, log and audit; the
 * trade-off is that an outage of that AZ stops browsing, not internal work). Return traffic from the NAT
 * subnet is routed back through the firewall so inspection is symmetric. The NAT gateway's Elastic IP is
 * the only public address in the tier, and a NAT gateway accepts no unsolicited inbound connections.
 *
 * `SecurityCloudEgress`: every subnet's default route points at the tier's own VGW, so internet traffic
 * leaves over the on-prem link to the prefecture's 自治体情報セキュリティクラウド; no IGW exists at all.
 */
import { Fn, Validations } from 'aws-cdk-lib';
import { bilingualReason } from '../bilingual/reason';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as networkfirewall from 'aws-cdk-lib/aws-networkfirewall';
import { Construct } from 'constructs';
import type { PlannedSubnet } from '../config';
import { OnPremLink } from './on-prem-link';

/** The allow-list rule group's capacity; a domain list uses one unit per domain and target type. */
const DOMAIN_RULE_GROUP_CAPACITY = 1000;
const DEFAULT_ROUTE = '0.0.0.0/0';

export interface NetworkFirewallEgressProps {
  municipality: string;
  vpc: ec2.IVpc;
  /** The tier's workload subnets (desktops, directory, endpoints): their default route goes to the firewall. */
  protectedSubnets: ec2.ISubnet[];
  /** The literal CIDRs of `protectedSubnets`, for the NAT subnet's return routes. */
  protectedSubnetCidrs: string[];
  natSubnet: PlannedSubnet;
  firewallSubnet: PlannedSubnet;
  allowedDomains: readonly string[];
}

export class NetworkFirewallEgress extends Construct {
  public readonly internetGateway: ec2.CfnInternetGateway;
  public readonly natGateway: ec2.CfnNatGateway;
  public readonly firewall: networkfirewall.CfnFirewall;
  public readonly natSubnet: ec2.Subnet;
  public readonly firewallSubnet: ec2.Subnet;
  /** The firewall's VPC endpoint id (the next hop of every protected subnet's default route). */
  public readonly firewallEndpointId: string;

  constructor(scope: Construct, id: string, props: NetworkFirewallEgressProps) {
    super(scope, id);
    this.internetGateway = new ec2.CfnInternetGateway(this, 'InternetGateway');
    const igwAttachment = new ec2.CfnVPCGatewayAttachment(this, 'InternetGatewayAttachment', {
      vpcId: props.vpc.vpcId,
      internetGatewayId: this.internetGateway.ref,
    });

    this.natSubnet = new ec2.Subnet(this, 'NatSubnet', {
      vpcId: props.vpc.vpcId,
      availabilityZone: props.natSubnet.az,
      cidrBlock: props.natSubnet.cidr,
      mapPublicIpOnLaunch: false,
    });
    this.firewallSubnet = new ec2.Subnet(this, 'FirewallSubnet', {
      vpcId: props.vpc.vpcId,
      availabilityZone: props.firewallSubnet.az,
      cidrBlock: props.firewallSubnet.cidr,
      mapPublicIpOnLaunch: false,
    });

    const eip = new ec2.CfnEIP(this, 'NatAddress', { domain: 'vpc' });
    this.natGateway = new ec2.CfnNatGateway(this, 'NatGateway', {
      subnetId: this.natSubnet.subnetId,
      allocationId: eip.attrAllocationId,
      connectivityType: 'public',
    });
    this.natGateway.addResourceDependency(igwAttachment);

    const allowList = new networkfirewall.CfnRuleGroup(this, 'DomainAllowList', {
      ruleGroupName: `${props.municipality}-internet-domain-allow-list`,
      type: 'STATEFUL',
      capacity: DOMAIN_RULE_GROUP_CAPACITY,
      description: 'Domains the internet tier may reach (TLS SNI and HTTP Host); everything else is dropped',
      ruleGroup: {
        rulesSource: {
          rulesSourceList: {
            generatedRulesType: 'ALLOWLIST',
            targetTypes: ['TLS_SNI', 'HTTP_HOST'],
            targets: [...props.allowedDomains],
          },
        },
        statefulRuleOptions: { ruleOrder: 'STRICT_ORDER' },
      },
    });
    const tcpToStateful = new networkfirewall.CfnRuleGroup(this, 'ForwardTcpOnly', {
      ruleGroupName: `${props.municipality}-internet-forward-tcp`,
      type: 'STATELESS',
      capacity: 10,
      description: 'Forwards TCP to the stateful allow-list; the policy drops everything else',
      ruleGroup: {
        rulesSource: {
          statelessRulesAndCustomActions: {
            statelessRules: [
              {
                priority: 10,
                ruleDefinition: {
                  actions: ['aws:forward_to_sfe'],
                  matchAttributes: { protocols: [6] },
                },
              },
            ],
          },
        },
      },
    });
    const policy = new networkfirewall.CfnFirewallPolicy(this, 'Policy', {
      firewallPolicyName: `${props.municipality}-internet-egress`,
      description: 'Internet tier egress: TCP only, to allow-listed domains only',
      firewallPolicy: {
        // Only TCP reaches the stateful engine; UDP/ICMP to the internet are dropped outright (DNS and
        // time come from the VPC's Route 53 Resolver and Amazon Time Sync, which never cross the firewall).
        statelessDefaultActions: ['aws:drop'],
        statelessFragmentDefaultActions: ['aws:drop'],
        statelessRuleGroupReferences: [{ resourceArn: tcpToStateful.attrRuleGroupArn, priority: 10 }],
        statelessCustomActions: [],
        statefulEngineOptions: { ruleOrder: 'STRICT_ORDER' },
        // Let handshakes through so SNI/Host can be read, then drop every established flow the allow-list
        // did not pass.
        statefulDefaultActions: ['aws:drop_established', 'aws:alert_established'],
        statefulRuleGroupReferences: [{ resourceArn: allowList.attrRuleGroupArn, priority: 100 }],
      },
    });
    this.firewall = new networkfirewall.CfnFirewall(this, 'Firewall', {
      firewallName: `${props.municipality}-internet-egress`,
      description: 'The internet tier\'s single inspected egress point',
      vpcId: props.vpc.vpcId,
      firewallPolicyArn: policy.attrFirewallPolicyArn,
      subnetMappings: [{ subnetId: this.firewallSubnet.subnetId }],
      // A change to where or how the tier reaches the internet must be deliberate.
      deleteProtection: true,
      subnetChangeProtection: true,
      firewallPolicyChangeProtection: false,
    });
    Validations.of(this.firewall).acknowledge({
      id: 'cdk-validator-cfnguard::netfw_multi_az_enabled_check',
      reason: bilingualReason({
        en:
          'Deliberately ONE inspected egress point (MIC: internet traffic concentrated at one monitored exit): one ' +
        'firewall endpoint and one NAT gateway in the first AZ, so every flow is inspected and logged in one ' +
        'place and the routes name one endpoint (EndpointIds carries no guaranteed AZ order). An outage of that ' +
        'AZ stops internet browsing only; LGWAN and personal-number work is unaffected. A municipality that ' +
        'needs resilient browsing uses the security-cloud egress (its own redundant exit).',
        ja:
          'インターネット接続口を一か所に集約して監視する考え方に沿い、インターネットへの出口を意図して一か所としています。ファイアウォールのエンドポイントと NAT ゲートウェイは第一 AZ に各一つだけ置き、すべての通信を一か所で検査・記録し、経路も一つのエンドポイントだけを指すようにしています（EndpointIds の AZ の順序は保証されないため）。この AZ が停止した場合に止まるのはインターネット閲覧のみで、LGWAN 接続系・マイナンバー利用事務系の業務には影響しません。閲覧の冗長化が必要な団体は、セキュリティクラウド経由の出口（それ自体が冗長化された出口）を使用してください。',
      }),
    });
    // EndpointIds is a list of "az:vpce-id"; with exactly one firewall subnet it has exactly one entry.
    this.firewallEndpointId = Fn.select(1, Fn.split(':', Fn.select(0, this.firewall.attrEndpointIds)));

    // NAT subnet: out to the IGW; back to each protected subnet through the firewall (symmetric inspection).
    const natDefault = new ec2.CfnRoute(this, 'NatSubnetDefaultRoute', {
      routeTableId: this.natSubnet.routeTable.routeTableId,
      destinationCidrBlock: DEFAULT_ROUTE,
      gatewayId: this.internetGateway.ref,
    });
    natDefault.addResourceDependency(igwAttachment);
    Validations.of(natDefault).acknowledge({
      id: 'NIST.800.53.R5::NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW',
      reason: bilingualReason({
        en:
          'This is the internet tier\'s single, configured egress point: only the NAT subnet routes to the IGW, ' +
        'the NAT gateway accepts no inbound connections, and every packet reaching it has passed the Network ' +
        'Firewall domain allow-list (the return routes below send replies back through the firewall). No ' +
        'other subnet in any tier has an IGW route; the tier-separation check proves it.',
        ja:
          'インターネット接続系の唯一の、設定どおりの出口です。IGW への経路を持つのは NAT サブネットだけで、NAT ゲートウェイは外部からの接続を受け付けず、ここに届く通信はすべて Network Firewall のドメイン許可リストを通過済みです（戻りの経路も応答をファイアウォール経由で返します）。他のどの系のサブネットにも IGW への経路はなく、三層分離の検査がそれを証明します。',
      }),
    });
    props.protectedSubnetCidrs.forEach((cidr, i) => {
      new ec2.CfnRoute(this, `NatSubnetReturnRoute${i}`, {
        routeTableId: this.natSubnet.routeTable.routeTableId,
        destinationCidrBlock: cidr,
        vpcEndpointId: this.firewallEndpointId,
      });
    });
    // Firewall subnet: inspected traffic continues to the NAT gateway.
    new ec2.CfnRoute(this, 'FirewallSubnetDefaultRoute', {
      routeTableId: this.firewallSubnet.routeTable.routeTableId,
      destinationCidrBlock: DEFAULT_ROUTE,
      natGatewayId: this.natGateway.ref,
    });
    // Workload subnets: the only way out is the firewall.
    props.protectedSubnets.forEach((subnet, i) => {
      new ec2.CfnRoute(this, `ProtectedSubnetDefaultRoute${i}`, {
        routeTableId: subnet.routeTable.routeTableId,
        destinationCidrBlock: DEFAULT_ROUTE,
        vpcEndpointId: this.firewallEndpointId,
      });
    });
  }
}

export interface SecurityCloudEgressProps {
  link: OnPremLink;
}

/** Default route of every internet-tier subnet → the tier's VGW → the prefecture's security cloud. */
export class SecurityCloudEgress extends Construct {
  constructor(scope: Construct, id: string, props: SecurityCloudEgressProps) {
    super(scope, id);
    for (const route of props.link.addSubnetRoutes('SecurityCloudDefault', DEFAULT_ROUTE)) {
      Validations.of(route).acknowledge({
        id: 'NIST.800.53.R5::NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW',
        reason: bilingualReason({
          en:
            'False positive: this default route targets the internet tier\'s own virtual private gateway (the ' +
          'rule cannot tell a VGW from an IGW, both are a GatewayId). It is the configured egress to the ' +
          'prefecture\'s security cloud over the tier\'s on-prem link; the tier has no internet gateway at ' +
          'all, and the security cloud inspects and logs everything that leaves.',
          ja:
            '誤検知です。このデフォルトルートの宛先はインターネット接続系自身の仮想プライベートゲートウェイです（このルールは VGW と IGW を区別できず、どちらも GatewayId として扱います）。系の閉域回線を通って都道府県のセキュリティクラウドへ出る、設定どおりの出口であり、この系にはインターネットゲートウェイが一切ありません。外へ出る通信はすべてセキュリティクラウドが検査・記録します。',
        }),
      });
    }
    props.link.addVpnRoute('SecurityCloudDefaultVpnRoute', DEFAULT_ROUTE);
  }
}
