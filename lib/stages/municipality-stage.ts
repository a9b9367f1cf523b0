/**
 * One Stage per municipality: its account and region come from the validated configuration, and it
 * composes the municipality's stacks. Later parts (telework access, desktops, audit) add their stacks
 * here, taking `networks[tier]` as their seam.
 */
import { Stage, StageProps, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { MunicipalityConfig } from '../config';
import type { TierNetwork } from '../network/tier-network';
import { TierNetworkStack, TransitGatewayStack } from '../stacks/network-stack';
import { TeleworkStack } from '../stacks/telework-stack';
import { AuditStack } from '../stacks/audit-stack';
import { resolveTelework, teleworkTiers } from '../config/telework';
import { TIERS, Tier } from '../tiers/tier';
import { MUNICIPALITY_TAG_KEY } from '../tiers/municipality';
import type { PrefectureHubLink } from '../config/hub-names';

export interface MunicipalityStageProps extends StageProps {
  /** A configuration that has passed `parseConfig` (the loader guarantees it). */
  config: MunicipalityConfig;
  /** The prefecture hub the internet tier egresses through (`internetEgress.kind: prefecture-hub`). */
  prefectureHub?: PrefectureHubLink;
}

export class MunicipalityStage extends Stage {
  public readonly config: MunicipalityConfig;
  public readonly networkStacks: Record<Tier, TierNetworkStack>;
  public readonly networks: Record<Tier, TierNetwork>;
  public readonly transitGatewayStack?: TransitGatewayStack;
  /** One telework stack per telework tier (never the personal-number tier). */
  public readonly teleworkStacks: Partial<Record<Tier, TeleworkStack>> = {};
  public readonly auditStack: AuditStack;

  constructor(scope: Construct, id: string, props: MunicipalityStageProps) {
    super(scope, id, {
      ...props,
      env: { account: props.config.account, region: props.config.region },
    });
    this.config = props.config;
    // Declares the municipality for the separation BETWEEN municipalities (lib/tiers/municipality.ts).
    Tags.of(this).add(MUNICIPALITY_TAG_KEY, props.config.name);
    Tags.of(this).add('mic:model', props.config.micModel);

    const stacks = {} as Record<Tier, TierNetworkStack>;
    for (const tier of TIERS) {
      stacks[tier] = new TierNetworkStack(this, `Network-${tier}`, {
        stackName: `${props.config.name}-network-${tier}`,
        config: props.config,
        tier,
        ...(tier === 'internet' && props.prefectureHub ? { prefectureHub: props.prefectureHub } : {}),
      });
    }
    this.networkStacks = stacks;
    this.networks = Object.fromEntries(TIERS.map((t) => [t, stacks[t].network])) as Record<Tier, TierNetwork>;

    if (props.config.transitGateway !== undefined) {
      this.transitGatewayStack = new TransitGatewayStack(this, 'TransitGateway', {
        stackName: `${props.config.name}-transit-gateway`,
        config: props.config,
        networks: this.networks,
      });
    }

    for (const tier of teleworkTiers(resolveTelework(props.config.telework))) {
      this.teleworkStacks[tier] = new TeleworkStack(this, `Telework-${tier}`, {
        stackName: `${props.config.name}-telework-${tier}`,
        config: props.config,
        tier,
        network: this.networks[tier],
      });
    }
    this.auditStack = new AuditStack(this, 'Audit', {
      stackName: `${props.config.name}-audit`,
      config: props.config,
      networks: this.networks,
    });
  }
}
