/**
 * Hands the VPC construct the subnet CIDRs planned (and validated) by lib/config/subnet-plan.ts, instead of
 * letting CDK allocate its own: the synthesised subnets are then exactly the ones the validator sized,
 * and routes/NACLs/SGs can use the same literal CIDRs.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { TierSubnetPlan } from '../config';

export class PlannedIpAddresses implements ec2.IIpAddresses {
  constructor(private readonly plan: TierSubnetPlan) {}

  allocateVpcCidr(): ec2.VpcIpamOptions {
    return { cidrBlock: this.plan.vpcCidr };
  }

  allocateSubnetsCidr(input: ec2.AllocateCidrRequest): ec2.SubnetIpamOptions {
    return {
      allocatedSubnets: input.requestedSubnets.map((requested) => {
        const planned = this.plan.subnets.find(
          (s) => s.purpose === requested.configuration.name && s.az === requested.availabilityZone,
        );
        if (planned === undefined) {
          // Fail closed: a subnet nobody planned (and so nobody sized or checked) must not be created.
          throw new Error(
            `No planned CIDR for subnet "${requested.configuration.name}" in ${requested.availabilityZone} of the ${this.plan.tier} tier`,
          );
        }
        return { cidr: planned.cidr };
      }),
    };
  }
}
