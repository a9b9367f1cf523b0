/**
 * The hub side of each member's attachment, in the prefecture's account, deployed after the members:
 * the attachment (its id read from the member's shared SSM parameter) is associated with the
 * municipalities' route table — default route to the inspection VPC, blackholes for the private space — and
 * propagates its range into the inspection route table, for replies only. Nothing else: a member's range
 * never appears in the table another member is associated with.
 *
 * Why a stage of its own: the attachment ids exist only once the members are deployed, and CloudFormation
 * cannot read another account's stack. The pipeline deploys hub → members → hub routing.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { hubAttachmentParameter, hubRouteTableParameter, ssmParameterArn } from '../config/hub-names';
import type { HubMember } from './security-cloud-hub';

export interface HubMunicipalityRoutingProps {
  prefecture: string;
  region: string;
  members: readonly HubMember[];
}

export class HubMunicipalityRouting extends Construct {
  constructor(scope: Construct, id: string, props: HubMunicipalityRoutingProps) {
    super(scope, id);
    const municipalitiesTable = ssm.StringParameter.valueForStringParameter(this, hubRouteTableParameter(props.prefecture, 'municipalities'));
    const inspectionTable = ssm.StringParameter.valueForStringParameter(this, hubRouteTableParameter(props.prefecture, 'inspection'));
    for (const m of props.members) {
      const member = new Construct(this, m.name);
      const attachmentId = ssm.StringParameter.fromStringParameterArn(
        member, 'AttachmentId',
        ssmParameterArn(props.region, m.account, hubAttachmentParameter(props.prefecture, m.name)),
      ).stringValue;
      new ec2.CfnTransitGatewayRouteTableAssociation(member, 'Association', {
        transitGatewayRouteTableId: municipalitiesTable,
        transitGatewayAttachmentId: attachmentId,
      });
      new ec2.CfnTransitGatewayRouteTablePropagation(member, 'Propagation', {
        transitGatewayRouteTableId: inspectionTable,
        transitGatewayAttachmentId: attachmentId,
      });
    }
  }
}
