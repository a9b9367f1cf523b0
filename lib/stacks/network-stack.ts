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
import { TierTransitGateway } from '../network/transit-gateway';
import { TIER_LABELS, TIER_TAG_KEY, Tier } from '../tiers/tier';

export interface TierNetworkStackProps extends StackProps {
  config: MunicipalityConfig;
  tier: Tier;
  /** The prefecture hub the internet tier egresses through (`internetEgress.kind: prefecture-hub`). */
  prefectureHub?: PrefectureHubLink;
}

export class TierNetworkStack extends Stack {
  public readonly network: TierNetwork;
  private readonly zones: string[];

  constructor(scope: Construct, id: string, props: TierNetworkStackProps) {
    super(scope, id, {
      description: `${props.config.displayName.en}: ${TIER_LABELS[props.tier].en} network (${TIER_LABELS[props.tier].ja})`,
      ...props,
    });
    this.zones = [...props.config.availabilityZones];
    Tags.of(this).add(TIER_TAG_KEY, props.tier);
    this.network = new TierNetwork(this, 'TierNetwork', { config: props.config, tier: props.tier, ...(props.prefectureHub ? { prefectureHub: props.prefectureHub } : {}) });
  }

  /**
   * The configuration's zones (validated against the region before anything is built). Without this, a VPC
   * given explicit zones in a stack with a concrete account still asks the CDK CLI to look the account's zones
   * up, and offline — no credentials, as in CI — every command that selects the stack fails with "Need to
   * perform AWS calls for account …".
   */
  public override get availabilityZones(): string[] {
    if (!this.zones) return super.availabilityZones;
    // What the base getter does for looked-up zones: literal zones that came from reflecting on the stack's
    // zones are not "hard-coded" (silences the CDK's CloudFormation validation warning W3010).
    (this as unknown as { _silenceLiteralAzWarning?: () => void })._silenceLiteralAzWarning?.();
    return [...this.zones];
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
