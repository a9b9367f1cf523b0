/**
 * The prefecture's two stages, both in its own account and region: the security cloud hub (deployed
 * before the members) and the hub routing of the members' attachments (deployed after them). Split in two
 * because the attachment ids exist only once the members are deployed.
 */
import { Stage, StageProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { LoadedMunicipality, PrefectureConfig } from '../config';
import type { PrefectureHubLink } from '../config/hub-names';
import type { HubMember } from '../prefecture/security-cloud-hub';
import { HubRoutingStack, SecurityCloudHubStack } from '../stacks/prefecture-stacks';

export interface PrefectureStageProps extends StageProps {
  prefecture: PrefectureConfig;
  /** Every municipality of the app; those with `internetEgress.kind: prefecture-hub` become hub members. */
  municipalities: readonly LoadedMunicipality[];
}

export function hubMembers(municipalities: readonly LoadedMunicipality[]): HubMember[] {
  return municipalities
    .filter((m) => m.config.internetEgress.kind === 'prefecture-hub')
    .map((m) => ({ name: m.config.name, account: m.config.account, internetVpcCidr: m.config.tiers.internet.vpcCidr }));
}

export function hubLink(prefecture: PrefectureConfig): PrefectureHubLink {
  return { prefecture: prefecture.name, account: prefecture.account, region: prefecture.region };
}

export class SecurityCloudHubStage extends Stage {
  public readonly hubStack: SecurityCloudHubStack;

  constructor(scope: Construct, id: string, props: PrefectureStageProps) {
    super(scope, id, { ...props, env: { account: props.prefecture.account, region: props.prefecture.region } });
    this.hubStack = new SecurityCloudHubStack(this, 'SecurityCloudHub', {
      stackName: `${props.prefecture.name}-security-cloud-hub`,
      prefecture: props.prefecture,
      members: hubMembers(props.municipalities),
    });
  }
}

export class HubRoutingStage extends Stage {
  constructor(scope: Construct, id: string, props: PrefectureStageProps) {
    super(scope, id, { ...props, env: { account: props.prefecture.account, region: props.prefecture.region } });
    new HubRoutingStack(this, 'HubRouting', {
      stackName: `${props.prefecture.name}-hub-routing`,
      prefecture: props.prefecture,
      members: hubMembers(props.municipalities),
    });
  }
}
