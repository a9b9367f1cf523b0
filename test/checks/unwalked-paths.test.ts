/**
 * Modelled paths that the engine's own tests never walked (a line-coverage run of test/model, test/checks and
 * test/cidr found them unexecuted), each with a breach and its clean twin. A regression in any of them would
 * have turned a finding into a silent pass without failing a test.
 */
import type { Finding } from '../../lib/checks';
import { ref, rules, run, type Resources } from './helpers';

const byRule = (fs: Finding[], id: string): Finding[] => fs.filter((f) => f.rule === id);
const getAtt = (id: string, attr: string): { 'Fn::GetAtt': [string, string] } => ({ 'Fn::GetAtt': [id, attr] });
const inSubnets = (...ids: string[]): Record<string, unknown> => ({ SubnetIds: ids.map(ref), SecurityGroupIds: [] });
const fn = (vpc?: Record<string, unknown>): Resources[string] => ({
  Type: 'AWS::Lambda::Function',
  Properties: { Handler: 'index.handler', Runtime: 'nodejs22.x', Role: 'arn:aws:iam::111122223333:role/x', Code: { ZipFile: 'x' }, ...(vpc ? { VpcConfig: vpc } : {}) },
});
const endpoint = (service: string, vpc = 'Lgwan'): Resources[string] => ({
  Type: 'AWS::EC2::VPCEndpoint',
  Properties: { VpcId: ref(`Vpc${vpc}`), VpcEndpointType: 'Interface', ServiceName: { 'Fn::Sub': `com.amazonaws.\${AWS::Region}.${service}` }, SubnetIds: [ref(`Subnet${vpc}AppA`)], SecurityGroupIds: [ref(`Sg${vpc}`)], PrivateDnsEnabled: true },
});

describe('VPC Lattice target groups of instances and of functions in a VPC: their subnets are the provider side', () => {
  const lattice = (tg: Resources[string], extra?: (R: Resources) => void) => (R: Resources): void => {
    R.Sn = { Type: 'AWS::VpcLattice::ServiceNetwork', Properties: { Name: 'sn', AuthType: 'AWS_IAM' } };
    R.SnVpc = { Type: 'AWS::VpcLattice::ServiceNetworkVpcAssociation', Properties: { ServiceNetworkIdentifier: ref('Sn'), VpcIdentifier: ref('VpcLgwan') } };
    R.Svc = { Type: 'AWS::VpcLattice::Service', Properties: { Name: 'svc' } };
    R.SnSvc = { Type: 'AWS::VpcLattice::ServiceNetworkServiceAssociation', Properties: { ServiceNetworkIdentifier: ref('Sn'), ServiceIdentifier: ref('Svc') } };
    R.Tg = tg;
    R.Listener = { Type: 'AWS::VpcLattice::Listener', Properties: { ServiceIdentifier: ref('Svc'), Protocol: 'HTTPS', DefaultAction: { Forward: { TargetGroups: [{ TargetGroupIdentifier: ref('Tg'), Weight: 100 }] } } } };
    extra?.(R);
  };
  const instanceIn = (subnet: string) => (R: Resources): void => {
    R.Box = { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-0123456789abcdef0', InstanceType: 't3.micro', SubnetId: ref(subnet) } };
  };
  const instances = (vpc: string): Resources[string] => ({ Type: 'AWS::VpcLattice::TargetGroup', Properties: { Type: 'INSTANCE', Config: { VpcIdentifier: ref(vpc), Port: 443, Protocol: 'HTTPS' }, Targets: [{ Id: ref('Box') }] } });
  // Lattice itself refuses an instance outside the group's VPC; the engine does not rely on that and takes
  // the tier of every placed target's subnet as well as the group's VPC.
  test('breach: an instance target in a personal-number subnet (its group names the LGWAN VPC) — TIER-JOIN-LATTICE', () => {
    const r = run(lattice(instances('VpcLgwan'), instanceIn('SubnetPnAppA')));
    expect(byRule(r.findings, 'TIER-JOIN-LATTICE').map((f) => [f.from, f.to])).toContainEqual([{ kind: 'tier', tier: 'lgwan' }, { kind: 'tier', tier: 'personal-number' }]);
  });
  test('clean: the instance target in the LGWAN tier', () => {
    expect(rules(run(lattice(instances('VpcLgwan'), instanceIn('SubnetLgwanAppA'))))).toEqual([]);
  });
  const functions = (): Resources[string] => ({ Type: 'AWS::VpcLattice::TargetGroup', Properties: { Type: 'LAMBDA', Targets: [{ Id: getAtt('Fn', 'Arn') }] } });
  test('breach: a Lambda target running in personal-number subnets, reached from the LGWAN tier — TIER-JOIN-LATTICE', () => {
    const r = run(lattice(functions(), (R) => { R.Fn = fn(inSubnets('SubnetPnAppA', 'SubnetPnAppB')); }));
    expect(rules(r)).toContain('TIER-JOIN-LATTICE');
    expect(byRule(r.findings, 'TIER-JOIN-LATTICE').map((f) => f.to)).toContainEqual({ kind: 'tier', tier: 'personal-number' });
  });
  test('clean: the Lambda target running in LGWAN subnets', () => {
    expect(rules(run(lattice(functions(), (R) => { R.Fn = fn(inSubnets('SubnetLgwanAppA', 'SubnetLgwanAppB')); })))).toEqual([]);
  });
});

describe('services that relay to code outside every VPC, reached through an endpoint in a closed tier', () => {
  test('an EventBridge rule whose target is a function outside any VPC, from the LGWAN tier: SERVICE-RELAY; clean when the function runs in the tier', () => {
    const rule = (vpc?: Record<string, unknown>) => (R: Resources): void => {
      R.EventsEndpoint = endpoint('events');
      R.Fn = fn(vpc);
      R.Rule = { Type: 'AWS::Events::Rule', Properties: { EventPattern: { source: ['city.app'] }, Targets: [{ Id: 'fn', Arn: getAtt('Fn', 'Arn') }] } };
    };
    const r = run(rule());
    expect(rules(r)).toEqual(['SERVICE-RELAY']);
    expect(r.findings[0]).toMatchObject({ from: { kind: 'tier', tier: 'lgwan' }, to: { kind: 'internet' } });
    expect(rules(run(rule(inSubnets('SubnetLgwanAppA', 'SubnetLgwanAppB'))))).toEqual([]);
  });
  test('an SNS subscription delivering to a function outside any VPC: SERVICE-RELAY; clean in the tier', () => {
    const sub = (vpc?: Record<string, unknown>) => (R: Resources): void => {
      R.SnsEndpoint = endpoint('sns');
      R.Fn = fn(vpc);
      R.Topic = { Type: 'AWS::SNS::Topic', Properties: {} };
      R.Sub = { Type: 'AWS::SNS::Subscription', Properties: { TopicArn: ref('Topic'), Protocol: 'lambda', Endpoint: getAtt('Fn', 'Arn') } };
    };
    expect(rules(run(sub()))).toEqual(['SERVICE-RELAY']);
    expect(rules(run(sub(inSubnets('SubnetLgwanAppA', 'SubnetLgwanAppB'))))).toEqual([]);
  });
  test('an AppSync private API with a Lambda data source outside any VPC: SERVICE-RELAY; clean in the tier', () => {
    const api = (vpc?: Record<string, unknown>) => (R: Resources): void => {
      R.AppSyncEndpoint = endpoint('appsync-api');
      R.Fn = fn(vpc);
      R.Gql = { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: 'x', AuthenticationType: 'AWS_IAM', Visibility: 'PRIVATE' } };
      R.GqlDs = { Type: 'AWS::AppSync::DataSource', Properties: { ApiId: getAtt('Gql', 'ApiId'), Name: 'fn', Type: 'AWS_LAMBDA', LambdaConfig: { LambdaFunctionArn: getAtt('Fn', 'Arn') } } };
    };
    expect(rules(run(api()))).toEqual(['SERVICE-RELAY']);
    expect(rules(run(api(inSubnets('SubnetLgwanAppA', 'SubnetLgwanAppB'))))).toEqual([]);
  });
});
