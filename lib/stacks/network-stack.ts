/**
 * Thin stacks for the tier networks.
 *
 * One stack PER TIER (not one network stack): a deployment or rollback of one tier's network can never
 * touch another tier's resources, each tier's change set is reviewed on its own, and the stack-level
 * `mic:tier` tag reaches every resource of the tier (keys, log groups, custom-resource providers too).
 * The optional Transit Gateway is shared by definition, so it lives in its own stack.
 */
import { Stack, StackProps, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { MunicipalityConfig } from '../config';
import { TierNetwork } from '../network/tier-network';
import type { PrefectureHubLink } from '../config/hub-names';
import { ConfiguredZonesStack } from './configured-zones-stack';
import { TierTransitGateway } from '../network/transit-gateway';
import { TIER_LABELS, TIER_TAG_KEY, Tier } from '../tiers/tier';

export interface TierNetworkStackProps extends StackProps {
  config: MunicipalityConfig;
  tier: Tier;
  /** The prefecture hub the internet tier egresses through (`internetEgress.kind: prefecture-hub`). */
  prefectureHub?: PrefectureHubLink;
}

export class TierNetworkStack extends ConfiguredZonesStack {
  public readonly network: TierNetwork;

  constructor(scope: Construct, id: string, props: TierNetworkStackProps) {
    super(
      scope,
      id,
      {
        description: `${props.config.displayName.en}: ${TIER_LABELS[props.tier].en} network (${TIER_LABELS[props.tier].ja})`,
        ...props,
      },
      props.config.availabilityZones,
    );
    Tags.of(this).add(TIER_TAG_KEY, props.tier);
    this.network = new TierNetwork(this, 'TierNetwork', { config: props.config, tier: props.tier, ...(props.prefectureHub ? { prefectureHub: props.prefectureHub } : {}) });
  }
}

export interface TransitGatewayStackProps extends StackProps {
  config: MunicipalityConfig;
  networks: Record<Tier, TierNetwork>;
}

export class TransitGatewayStack extends Stack {
  public readonly transitGateway: TierTransitGateway;

  constructor(scope: Construct, id: string, props: TransitGatewayStackProps) {
    super(scope, id, {
      description: `${props.config.displayName.en}: shared Transit Gateway as isolated per-tier route domains`,
      ...props,
    });
    const tgwConfig = props.config.transitGateway;
    if (tgwConfig === undefined) throw new Error('TransitGatewayStack needs config.transitGateway');
    this.transitGateway = new TierTransitGateway(this, 'TransitGateway', {
      municipality: props.config.name,
      amazonSideAsn: tgwConfig.amazonSideAsn,
      domains: Object.values(props.networks).map((n) => ({
        tier: n.tier,
        vpcId: n.vpc.vpcId,
        subnetIds: n.subnets.endpoints.map((s) => s.subnetId),
        otherTierRanges: n.otherTierRanges,
      })),
    });
  }
}
