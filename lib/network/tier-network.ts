/**
 * Everything one tier's network consists of, composed from the one-concern constructs in this folder.
 * This is the seam later parts build on: the VPC, the subnets per purpose, the tier's literal ranges,
 * the endpoints, the on-prem link and the flow logs.
 */
import { Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { CLOSED_TIERS, TIERS, TIER_TAG_KEY, Tier } from '../tiers/tier';
import { isSubnetPlan, MunicipalityConfig, planTierSubnets, tierRanges, TierSubnetPlan } from '../config';
import { TierFlowLogs } from './flow-logs';
import { NetworkFirewallEgress, SecurityCloudEgress } from './inspected-egress';
import { TierInterfaceEndpoints } from './interface-endpoints';
import { OnPremLink } from './on-prem-link';
import { TierNacl } from './tier-nacl';
import { TierSubnetPurpose, TierVpc } from './tier-vpc';
import { PrefectureHubAttachment } from './prefecture-hub-egress';
import type { PrefectureHubLink } from '../config/hub-names';

export interface TierRanges {
  vpc: string;
  onPrem: string[];
  teleworkClients: string[];
  /** Clients arriving over the tier's own on-prem link (closed SIM / Direct Connect). */
  linkClients: string[];
  /** All of the above: everything that belongs to the tier. */
  all: string[];
}

export interface TierNetworkProps {
  config: MunicipalityConfig;
  tier: Tier;
  /** The prefecture hub the internet tier egresses through (`internetEgress.kind: prefecture-hub`). */
  prefectureHub?: PrefectureHubLink;
}

export class TierNetwork extends Construct {
  public readonly tier: Tier;
  public readonly vpc: ec2.Vpc;
  /** Subnets per purpose, in AZ order. */
  public readonly subnets: Record<TierSubnetPurpose, ec2.ISubnet[]>;
  public readonly subnetPlan: TierSubnetPlan;
  /** The tier's literal CIDRs (for SG rules, Client VPN authorisation, policies). */
  public readonly ranges: TierRanges;
  /** Every other tier's literal CIDRs. */
  public readonly otherTierRanges: string[];
  public readonly nacl: TierNacl;
  public readonly flowLogs: TierFlowLogs;
  public readonly endpoints: TierInterfaceEndpoints;
  public readonly onPremLink?: OnPremLink;
  public readonly egress?: NetworkFirewallEgress | SecurityCloudEgress | PrefectureHubAttachment;

  constructor(scope: Construct, id: string, props: TierNetworkProps) {
    super(scope, id);
    const { config, tier } = props;
    const network = config.tiers[tier];
    this.tier = tier;
    Tags.of(this).add(TIER_TAG_KEY, tier);

    const plan = planTierSubnets(tier, network, config.availabilityZones, config.internetEgress);
    if (!isSubnetPlan(plan)) {
      // parseConfig already refuses this; reaching here means an unvalidated configuration was passed in.
      throw new Error(`the ${tier} tier's subnets do not fit in ${network.vpcCidr}; validate the configuration with parseConfig first`);
    }
    this.subnetPlan = plan;

    const own = tierRanges(config, tier);
    this.ranges = {
      vpc: network.vpcCidr,
      onPrem: [...network.onPremCidrs],
      teleworkClients: own.filter((r) => r.kind === 'telework-clients').map((r) => r.cidr),
      linkClients: own.filter((r) => r.kind === 'link-clients').map((r) => r.cidr),
      all: own.map((r) => r.cidr),
    };
    this.otherTierRanges = TIERS.filter((t) => t !== tier).flatMap((t) => tierRanges(config, t).map((r) => r.cidr));

    const tierVpc = new TierVpc(this, 'Network', { tier, plan, availabilityZones: config.availabilityZones });
    this.vpc = tierVpc.vpc;
    this.subnets = tierVpc.subnets;
    const workloadSubnets = [...this.subnets.desktops, ...this.subnets.directory, ...this.subnets.endpoints];
    const workloadCidrs = plan.subnets.filter((s) => s.purpose !== 'nat' && s.purpose !== 'firewall').map((s) => s.cidr);

    this.flowLogs = new TierFlowLogs(this, 'FlowLogs', {
      tier,
      municipality: config.name,
      vpc: this.vpc,
      retentionDays: config.flowLogRetentionDays,
    });

    this.endpoints = new TierInterfaceEndpoints(this, 'Endpoints', {
      tier,
      vpc: this.vpc,
      subnets: this.subnets.endpoints,
      services: network.endpointServices,
      allowedRanges: [this.ranges.vpc, ...this.ranges.onPrem],
    });

    if (network.onPremLink !== undefined) {
      this.onPremLink = new OnPremLink(this, 'OnPremLink', {
        tier,
        vpc: this.vpc,
        vpcCidr: network.vpcCidr,
        subnets: workloadSubnets,
        link: network.onPremLink,
        // Link clients come in over the same link, so replies to them must go back to the VGW too.
        onPremCidrs: [...network.onPremCidrs, ...this.ranges.linkClients],
      });
    }

    const egressSubnets: ec2.ISubnet[] = [];
    if (!CLOSED_TIERS.includes(tier)) {
      const egress = config.internetEgress;
      if (egress.kind === 'network-firewall') {
        const nat = plan.subnets.find((s) => s.purpose === 'nat');
        const firewall = plan.subnets.find((s) => s.purpose === 'firewall');
        if (nat === undefined || firewall === undefined) throw new Error('subnet plan lacks the NAT/firewall subnets');
        const nfw = new NetworkFirewallEgress(this, 'InspectedEgress', {
          municipality: config.name,
          vpc: this.vpc,
          protectedSubnets: workloadSubnets,
          protectedSubnetCidrs: workloadCidrs,
          natSubnet: nat,
          firewallSubnet: firewall,
          allowedDomains: egress.allowedDomains,
        });
        egressSubnets.push(nfw.natSubnet, nfw.firewallSubnet);
        this.egress = nfw;
      } else if (egress.kind === 'prefecture-hub') {
        if (props.prefectureHub === undefined) throw new Error('prefecture-hub egress needs the prefecture hub (load the app with -c prefecture or -c configDir)');
        this.egress = new PrefectureHubAttachment(this, 'InspectedEgress', {
          municipality: config.name,
          hub: props.prefectureHub,
          vpc: this.vpc,
          attachmentSubnets: this.subnets.endpoints,
          protectedSubnets: workloadSubnets,
        });
      } else {
        if (this.onPremLink === undefined) throw new Error('security-cloud egress needs the internet tier\'s on-prem link');
        this.egress = new SecurityCloudEgress(this, 'InspectedEgress', { link: this.onPremLink });
      }
    }

    this.nacl = new TierNacl(this, 'Nacl', {
      tier,
      vpc: this.vpc,
      subnets: [...workloadSubnets, ...egressSubnets],
      // Link clients are NOT admitted wholesale: the telework part admits them to streaming ports only.
      ownRanges: [this.ranges.vpc, ...this.ranges.onPrem, ...this.ranges.teleworkClients],
      otherTierRanges: this.otherTierRanges,
    });
  }

  /** A subnet selection for one purpose (for constructs that take `SubnetSelection`). */
  public selectSubnets(purpose: TierSubnetPurpose): ec2.SubnetSelection {
    return { subnets: this.subnets[purpose] };
  }
}
