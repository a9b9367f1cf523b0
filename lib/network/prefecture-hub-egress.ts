/**
 * A municipality's internet tier on its prefecture's security cloud hub (`internetEgress.kind:
 * prefecture-hub`), in the municipality's account:
 * - a VPC attachment to the hub's Transit Gateway, whose id is read from the hub's SSM parameter shared
 *   through AWS RAM (a template parameter defaulting to the parameter's ARN: the one way CloudFormation
 *   reads another account's parameter);
 * - every workload subnet's default route to that Transit Gateway — the tier's only way out; it has no
 *   internet gateway, NAT gateway or firewall of its own;
 * - the attachment's id published as an SSM parameter shared with the prefecture's account, where the
 *   hub-routing stage associates it (until then the attachment carries nothing: fail closed).
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ram from 'aws-cdk-lib/aws-ram';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { hubAttachmentParameter, hubTransitGatewayParameter, ssmParameterArn, type PrefectureHubLink } from '../config/hub-names';

export interface PrefectureHubAttachmentProps {
  municipality: string;
  hub: PrefectureHubLink;
  vpc: ec2.IVpc;
  /** One subnet per AZ for the attachment's ENIs (the tier's endpoints subnets). */
  attachmentSubnets: ec2.ISubnet[];
  /** The tier's workload subnets: their default route goes to the hub. */
  protectedSubnets: ec2.ISubnet[];
}

export class PrefectureHubAttachment extends Construct {
  public readonly attachment: ec2.CfnTransitGatewayVpcAttachment;

  constructor(scope: Construct, id: string, props: PrefectureHubAttachmentProps) {
    super(scope, id);
    const tgwId = ssm.StringParameter.fromStringParameterArn(
      this, 'HubTransitGatewayId',
      ssmParameterArn(props.hub.region, props.hub.account, hubTransitGatewayParameter(props.hub.prefecture)),
    ).stringValue;
    this.attachment = new ec2.CfnTransitGatewayVpcAttachment(this, 'Attachment', {
      transitGatewayId: tgwId,
      vpcId: props.vpc.vpcId,
      subnetIds: props.attachmentSubnets.map((s) => s.subnetId),
    });
    props.protectedSubnets.forEach((subnet, i) => {
      const route = new ec2.CfnRoute(this, `DefaultRoute${i}`, {
        routeTableId: subnet.routeTable.routeTableId,
        destinationCidrBlock: '0.0.0.0/0',
        transitGatewayId: tgwId,
      });
      route.addResourceDependency(this.attachment);
    });
    const parameter = new ssm.StringParameter(this, 'AttachmentIdParameter', {
      parameterName: hubAttachmentParameter(props.hub.prefecture, props.municipality),
      stringValue: this.attachment.ref,
      tier: ssm.ParameterTier.ADVANCED,
      description: `${props.municipality}: internet-tier attachment to the ${props.hub.prefecture} security cloud hub`,
    });
    new ram.CfnResourceShare(this, 'Share', {
      name: `${props.municipality}-hub-attachment-id`,
      principals: [props.hub.account],
      resourceArns: [parameter.parameterArn],
      allowExternalPrincipals: true,
    });
  }
}
