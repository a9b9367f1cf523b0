/**
 * The audit stack of a municipality: the CloudTrail trail with its locked bucket, and the Network Access
 * Analyzer scopes that prove (after deployment) no path crosses tiers or leaves a closed tier for the internet.
 * Thin: maps configuration and the tier networks onto lib/audit.
 */
import { CfnOutput, Stack, StackProps } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { MunicipalityConfig } from '../config';
import { resolveTelework } from '../config/telework';
import type { TierNetwork } from '../network/tier-network';
import { TIERS, type Tier } from '../tiers/tier';
import { AuditTrail } from '../audit/audit-trail';
import { TierAccessScopes, SCOPE_TAG_KEY } from '../audit/tier-access-scopes';

export interface AuditStackProps extends StackProps {
  config: MunicipalityConfig;
  networks: Record<Tier, TierNetwork>;
}

export class AuditStack extends Stack {
  readonly trail: AuditTrail;
  readonly scopes: TierAccessScopes;

  constructor(scope: Construct, id: string, props: AuditStackProps) {
    const { config, networks } = props;
    super(scope, id, {
      description: `${config.displayName.en}: audit trail (Object Lock) and tier-separation reachability scopes`,
      ...props,
    });
    const telework = resolveTelework(config.telework);
    this.trail = new AuditTrail(this, 'AuditTrail', {
      municipality: config.name,
      objectLockMode: telework.audit.objectLockMode,
      trailRetentionDays: telework.audit.trailRetentionDays,
      cloudWatchRetention: config.flowLogRetentionDays as logs.RetentionDays,
    });
    this.scopes = new TierAccessScopes(this, 'TierSeparationScopes', {
      tiers: Object.fromEntries(
        TIERS.map((t) => [
          t,
          {
            vpcId: networks[t].vpc.vpcId,
            // On-prem segments, the Client VPN pool and closed-SIM / Direct Connect client ranges of the tier.
            offVpcCidrs: [...new Set([...networks[t].ranges.all.filter((c) => c !== networks[t].ranges.vpc), ...(telework.linkClientCidrs[t] ?? [])])],
          },
        ]),
      ),
    });
    new CfnOutput(this, 'TrailBucketName', { value: this.trail.bucket.bucketName, description: 'CloudTrail bucket (Object Lock)' });
    new CfnOutput(this, 'ScopeTagKey', { value: SCOPE_TAG_KEY, description: 'Tag key selecting the tier-separation Network Access Analyzer scopes (docs/telework.md)' });
  }
}
