/**
 * Each desktop/access construct refuses props that would build something unsafe or undeployable, with a
 * message naming the fix. Built on a bare VPC (props-based constructs need no configuration).
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LinkClientAdmission } from '../../lib/access/link-client-admission';
import { HardenedWorkspacesDirectory, type HardenedWorkspacesDirectoryProps } from '../../lib/desktops/hardened-directory';
import { DEFAULT_HARDENING_OPTIONS } from '../../lib/desktops/hardening-baseline';
import { TeleworkIpAccessGroup } from '../../lib/desktops/ip-access-group';
import { StreamingEndpoint } from '../../lib/desktops/streaming-endpoint';
import { TierDirectory } from '../../lib/desktops/tier-directory';
import { TierAccessScopes } from '../../lib/audit/tier-access-scopes';

function scaffold() {
  const stack = new Stack(new App(), 'S', { env: { account: '111122223333', region: 'ap-northeast-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr('10.20.0.0/16'),
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [{ name: 'x', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 24 }],
  });
  return { stack, vpc, key: new kms.Key(stack, 'K') };
}

describe('construct rejections', () => {
  test('the streaming endpoint without client ranges', () => {
    const { stack, vpc } = scaffold();
    expect(() => new StreamingEndpoint(stack, 'E', { tier: 'lgwan', vpc, subnets: vpc.isolatedSubnets, clientCidrs: [] })).toThrow(/no telework client ranges; nothing could stream/);
  });

  test('a Managed AD on one subnet', () => {
    const { stack, vpc, key } = scaffold();
    expect(
      () => new TierDirectory(stack, 'D', { tier: 'lgwan', vpc, directorySubnets: vpc.isolatedSubnets.slice(0, 1), spec: { kind: 'managed-ad', domainName: 'lgwan.x.internal', edition: 'Standard' }, secretKey: key }),
    ).toThrow(/needs two subnets in different AZs; got 1/);
  });

  /** Valid registration props on the scaffold, with one prop broken per test. */
  function register(stack: Stack, props: Partial<HardenedWorkspacesDirectoryProps>): HardenedWorkspacesDirectory {
    const vpc = stack.node.findChild('Vpc') as ec2.Vpc;
    return new HardenedWorkspacesDirectory(stack, 'H', {
      tier: 'lgwan',
      directoryId: 'd-0123456789',
      desktopSubnets: vpc.isolatedSubnets,
      deregisterOnDelete: false,
      hardening: DEFAULT_HARDENING_OPTIONS,
      streamingVpcEndpointId: 'vpce-1',
      logKey: stack.node.findChild('K') as kms.Key,
      logRetention: logs.RetentionDays.ONE_YEAR,
      ...props,
    });
  }

  test('WorkSpaces registration on one subnet', () => {
    const { stack, vpc } = scaffold();
    expect(() => register(stack, { desktopSubnets: vpc.isolatedSubnets.slice(0, 1) })).toThrow(/needs desktop subnets in two Availability Zones; got 1/);
  });

  test('closed streaming without the endpoint id', () => {
    const { stack } = scaffold();
    expect(() => register(stack, { streamingVpcEndpointId: undefined })).toThrow(/closed streaming is on but no highlander VPC endpoint id was given/);
  });

  test('internet streaming without an IP group', () => {
    const { stack } = scaffold();
    expect(() => register(stack, { hardening: { ...DEFAULT_HARDENING_OPTIONS, closedStreaming: false }, streamingVpcEndpointId: undefined })).toThrow(
      /streaming crosses the internet but no IP access control group was given/,
    );
  });

  test('an IP access group without ranges', () => {
    const { stack } = scaffold();
    expect(() => new TeleworkIpAccessGroup(stack, 'G', { tier: 'lgwan', sourceCidrs: [] })).toThrow(/declare telework.ipAccessCidrs/);
  });

  test('more closed-SIM ranges than the NACL rule block holds', () => {
    const { stack } = scaffold();
    const many = Array.from({ length: 101 }, (_, i) => `100.64.${i}.0/24`);
    expect(() => new LinkClientAdmission(stack, 'L', { tier: 'lgwan', networkAclId: 'acl-1', clientCidrs: many })).toThrow(/aggregate them/);
  });

  test('access scopes need at least two tiers', () => {
    const { stack } = scaffold();
    expect(() => new TierAccessScopes(stack, 'A', { tiers: { lgwan: { vpcId: 'vpc-1', offVpcCidrs: [] } } })).toThrow(/at least two tiers/);
  });
});
