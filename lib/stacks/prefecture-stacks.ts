/**
 * Thin stacks of the prefecture's account: the security cloud hub, and the routing of the members'
 * attachments (deployed after the members, see lib/prefecture/hub-routing.ts).
 */
import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { REGION_AZS, type PrefectureConfig } from '../config';
import { HubMunicipalityRouting } from '../prefecture/hub-routing';
import { SecurityCloudHub, type HubMember } from '../prefecture/security-cloud-hub';
import { ConfiguredZonesStack } from './configured-zones-stack';

export interface SecurityCloudHubStackProps extends StackProps {
  prefecture: PrefectureConfig;
  members: readonly HubMember[];
}

export class SecurityCloudHubStack extends ConfiguredZonesStack {
  public readonly hub: SecurityCloudHub;

  constructor(scope: Construct, id: string, props: SecurityCloudHubStackProps) {
    super(
      scope,
      id,
      {
        description: `${props.prefecture.displayName.en}: security cloud hub (${props.prefecture.displayName.ja} 自治体情報セキュリティクラウド)`,
        ...props,
      },
      // The inspection VPC's zones are the first two of the region's list (planHubSubnets).
      REGION_AZS[props.prefecture.region],
    );
    this.hub = new SecurityCloudHub(this, 'Hub', { prefecture: props.prefecture, members: props.members });
  }
}

export class HubRoutingStack extends Stack {
  constructor(scope: Construct, id: string, props: SecurityCloudHubStackProps) {
    super(scope, id, {
      description: `${props.prefecture.displayName.en}: security cloud hub routing of the member municipalities' attachments`,
      ...props,
    });
    new HubMunicipalityRouting(this, 'Routing', { prefecture: props.prefecture.name, region: props.prefecture.region, members: props.members });
  }
}
