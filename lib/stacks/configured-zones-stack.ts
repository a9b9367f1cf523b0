/**
 * A stack that builds VPCs in zones the configuration already names.
 *
 * A VPC given explicit zones still checks them against its stack's zone list, and for a stack with a concrete
 * account that list is a context lookup the CDK CLI can answer only with AWS credentials. Offline (CI, a
 * reviewer's laptop) the lookup fails: every command that selects the stack stops with "Need to perform AWS
 * calls for account …", and a plain `cdk synth` records an error annotation and runs the whole app a second
 * time. The zones a configuration may use are validated against the region's list before anything is built,
 * so the stack answers its own zone list and the synth never needs an AWS call, whatever accounts a
 * prefecture names.
 *
 * This is the one place the package answers the lookup (it used to be answered three times: here, in the
 * municipality stage and in the app builder).
 */
import { Stack, StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';

export class ConfiguredZonesStack extends Stack {
  private readonly configuredZones: readonly string[];

  constructor(scope: Construct, id: string, props: StackProps, zones: readonly string[]) {
    super(scope, id, props);
    this.configuredZones = [...zones];
  }

  public override get availabilityZones(): string[] {
    // The base constructor may ask before the zones are set: fall back to the CDK's own answer then.
    if (!this.configuredZones) return super.availabilityZones;
    // What the base getter does for looked-up zones: literal zones that came from reflecting on the stack's
    // zones are not "hard-coded" (silences the CDK's CloudFormation validation warning W3010).
    (this as unknown as { _silenceLiteralAzWarning?: () => void })._silenceLiteralAzWarning?.();
    return [...this.configuredZones];
  }
}
