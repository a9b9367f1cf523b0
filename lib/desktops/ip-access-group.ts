/**
 * The WorkSpaces IP access control group used when streaming crosses the internet (`streaming: internet`):
 * only the municipality's declared public source ranges may open a session. Not used with private streaming,
 * where IP groups stop applying (the streaming endpoint's security group is the control instead).
 */
import * as workspaces from 'aws-cdk-lib/aws-workspaces';
import { Construct } from 'constructs';
import type { Tier } from '../tiers/tier';

export class TeleworkIpAccessGroup extends Construct {
  readonly group: workspaces.CfnWorkspaceIpGroup;

  constructor(scope: Construct, id: string, props: { tier: Tier; sourceCidrs: string[] }) {
    super(scope, id);
    if (props.sourceCidrs.length === 0) {
      throw new Error(`TeleworkIpAccessGroup (${props.tier}): no source ranges — streaming over the internet needs the municipality's public source ranges; declare telework.ipAccessCidrs`);
    }
    this.group = new workspaces.CfnWorkspaceIpGroup(this, 'Group', {
      groupName: `closed-telework-${props.tier}`,
      groupDesc: `Telework client source ranges for the ${props.tier} tier`,
      userRules: props.sourceCidrs.map((ipRule) => ({ ipRule, ruleDesc: 'declared telework source range' })),
    });
  }
}
