/**
 * verify side by side, the pre-pass: every way the engine links two templates puts them in one component (each
 * test fails if that mechanism were ignored), and what the pre-pass cannot classify with certainty makes the
 * input one model. Things the engine never links by (literal ids, account ids, share principals) do not join.
 */
import type { CfnTemplate, LoadedTemplate } from '../../../lib/model/load/template';
import { linkingKeys } from '../../../lib/cli/verify-parts/linking-keys';
import { components, assign, type FileUnit } from '../../../lib/cli/verify-parts/parts';

type Json = Record<string, unknown>;
const topic = (props: Json = {}): Json => ({ Type: 'AWS::SNS::Topic', Properties: props });
const tpl = (resources: Json, extra: Json = {}): CfnTemplate => ({ Resources: resources, ...extra }) as unknown as CfnTemplate;
const loaded = (stack: string, template: CfnTemplate, extra: Partial<LoadedTemplate> = {}): LoadedTemplate => ({ stack, file: `${stack}.json`, template, ...extra });

/** Components of files, each file one tree. */
function groups(...trees: LoadedTemplate[][]): number[][] {
  const units: FileUnit[] = trees.map((t, index) => {
    const k = linkingKeys(t).keys;
    if (k === null) throw new Error('unclassifiable');
    return { index, bytes: 1, worker: 0, keys: k };
  });
  return components(units);
}

const exporter = (name: string): LoadedTemplate => loaded('Exporter', tpl({ Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } }, { Outputs: { VpcId: { Value: { Ref: 'Vpc' }, Export: { Name: name } } } }));
const importer = (name: string, stack = 'Importer'): LoadedTemplate => loaded(stack, tpl({ Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { 'Fn::ImportValue': name }, CidrBlock: '10.0.1.0/24' } } }));
const ssmDefinition = (name: string): LoadedTemplate => loaded('Hub', tpl({ TgwId: { Type: 'AWS::SSM::Parameter', Properties: { Name: name, Type: 'String', Value: { Ref: 'Tgw' } } }, Tgw: { Type: 'AWS::EC2::TransitGateway' } }));
const ssmReader = (dflt: string): LoadedTemplate =>
  loaded('Member', tpl({ Att: { Type: 'AWS::EC2::TransitGatewayAttachment', Properties: { TransitGatewayId: { Ref: 'HubTgw' } } } }, { Parameters: { HubTgw: { Type: 'AWS::SSM::Parameter::Value<String>', Default: dflt } } }));

describe('each linking mechanism joins two templates', () => {
  test('an export and its Fn::ImportValue', () => {
    expect(groups([exporter('net-vpc')], [importer('net-vpc')])).toEqual([[0, 1]]);
    expect(groups([exporter('net-vpc')], [importer('other-vpc')])).toEqual([[0], [1]]);
  });
  test('an SSM parameter defined in one template and read by name in another (AWS::SSM::Parameter::Value)', () => {
    expect(groups([ssmDefinition('/hub/tgw')], [ssmReader('/hub/tgw')])).toEqual([[0, 1]]);
    expect(groups([ssmDefinition('/hub/tgw')], [ssmReader('/hub/other')])).toEqual([[0], [1]]);
  });
  test('an SSM parameter read by ARN, as a shared parameter must be (with or without the leading slash)', () => {
    expect(groups([ssmDefinition('/hub/tgw')], [ssmReader('arn:aws:ssm:ap-northeast-1:111111111111:parameter/hub/tgw')])).toEqual([[0, 1]]);
    expect(groups([ssmDefinition('hub/tgw')], [ssmReader('arn:aws:ssm:ap-northeast-1:111111111111:parameter/hub/tgw')])).toEqual([[0, 1]]);
  });
  test('two templates of one stack name (the whole run must report it)', () => {
    expect(groups([loaded('City', tpl({ A: topic() }))], [loaded('City', tpl({ B: topic() }))])).toEqual([[0, 1]]);
  });
  test('a nested stack travels with its parent file: an import in the child joins the parent\'s file', () => {
    const parent = loaded('App', tpl({ Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'child.json' } } }));
    const child = { ...importer('net-vpc', 'App/Child'), parent: { stack: 'App', logicalId: 'Child' } };
    expect(groups([parent, child], [exporter('net-vpc')])).toEqual([[0, 1]]);
  });
  test('links are transitive: A exports to B, B defines the parameter C reads', () => {
    const b = loaded('B', tpl({ ...importer('x').template.Resources, P: { Type: 'AWS::SSM::Parameter', Properties: { Name: '/b/p', Type: 'String', Value: 'v' } } } as Json));
    expect(groups([exporter('x')], [loaded('Other', tpl({ T: topic() }))], [b], [ssmReader('/b/p')])).toEqual([[0, 2, 3], [1]]);
  });
});

describe('what the pre-pass cannot classify makes the input one model', () => {
  test.each([
    ['an export name that is not a literal string', tpl({ A: topic() }, { Outputs: { O: { Value: 'v', Export: { Name: { 'Fn::Sub': '${AWS::StackName}-vpc' } } } } })],
    ['an import whose name is built', tpl({ A: topic({ TopicName: { 'Fn::ImportValue': { 'Fn::Sub': '${Env}-vpc' } } }) })],
    ['a string holding the engine\'s reference mark', tpl({ A: topic({ TopicName: 'x\u0001R0\u0001' }) })],
    ['an Amazon-provided IPv6 block (numbered across the whole input)', tpl({ V: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16', AmazonProvidedIpv6CidrBlock: true } } })],
  ])('%s', (_, template) => {
    expect(linkingKeys([loaded('S', template)]).keys).toBeNull();
  });
});

describe('what the engine does not link by keeps templates apart', () => {
  test('the same literal resource id, account id and RAM share principal in two templates', () => {
    const t = (stack: string): LoadedTemplate => loaded(stack, tpl({
      Route: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: 'rtb-0123456789abcdef0', DestinationCidrBlock: '0.0.0.0/0', TransitGatewayId: 'tgw-0123456789abcdef0' } },
      Share: { Type: 'AWS::RAM::ResourceShare', Properties: { Name: 's', Principals: ['111111111111'], ResourceArns: ['arn:aws:ec2:ap-northeast-1:111111111111:transit-gateway/tgw-0123456789abcdef0'] } },
    }));
    expect(groups([t('A')], [t('B')])).toEqual([[0], [1]]);
  });
});

describe('assignment to workers', () => {
  const unit = (index: number, worker: number, bytes = 10): FileUnit => ({ index, bytes, worker, keys: [] });
  test('each component goes whole to the worker that read most of it, then the smallest move to balance', () => {
    const units = [unit(0, 0), unit(1, 0), unit(2, 0), unit(3, 1), unit(4, 1), unit(5, 1), unit(6, 1)];
    // [2, 3, 4] straddles the workers and goes to worker 1 (two of its three files); worker 1 then holds five
    // files to worker 0's two, and its smallest component [5] moves.
    expect(assign(units, [[0, 1], [2, 3, 4], [5], [6]], 2)).toEqual([[0, 1, 5], [2, 3, 4, 6]]);
  });
  test('one component, or one far larger than the rest, is not split', () => {
    expect(assign([unit(0, 0), unit(1, 1)], [[0, 1]], 2)).toBeUndefined();
    expect(assign([unit(0, 0, 100), unit(1, 1, 5)], [[0], [1]], 2)).toBeUndefined();
  });
});

describe('the walk over every node is skipped only where the file\'s text proves it needless', () => {
  const tree = (text: string): LoadedTemplate[] => [loaded('S', JSON.parse(text) as CfnTemplate, { file: 'S.template.json' })];
  test('an import written with a JSON escape is still found (the text holds \\u, so every node is walked)', () => {
    const text = '{"Resources":{"A":{"Type":"AWS::SNS::Topic","Properties":{"TopicName":{"Fn::Import\\u0056alue":"net-vpc"}}}}}';
    expect(linkingKeys(tree(text), () => text).keys).toContain('export:net-vpc');
  });
  test('a text without the words needs no walk and gives the same keys', () => {
    const text = JSON.stringify(exporter('net-vpc').template);
    expect(linkingKeys(tree(text), () => text).keys).toEqual(linkingKeys(tree(text)).keys);
  });
  test('a YAML file is always walked', () => {
    const t = { ...importer('net-vpc'), file: 'Importer.yaml' };
    expect(linkingKeys([t], () => 'no words here').keys).toContain('export:net-vpc');
  });
});
