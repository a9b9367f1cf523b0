/** Reading templates and cloud assemblies; unusable input is an InputError saying what and where. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InputError, loadPaths, parseTemplateText } from '../../lib/model/load';

let dir: string;
beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'load-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (rel: string, content: unknown): string => {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

describe('YAML short-form intrinsics become long form', () => {
  const t = parseTemplateText(
    [
      'Resources:',
      '  A:',
      '    Type: AWS::EC2::Route',
      '    Properties:',
      '      RouteTableId: !Ref Rt',
      '      GatewayId: !GetAtt Igw.InternetGatewayId',
      '      DestinationCidrBlock: !Select [0, !Split [",", !Sub "${X},y"]]',
      '      Other: !If [Cond, !Join ["", [a, b]], !Ref AWS::NoValue]',
      '      Imp: !ImportValue { "Fn::Sub": "name" }',
      '      B64: !Base64 abc',
    ].join('\n'),
    'x.yaml',
  );
  const p = t.Resources.A.Properties!;
  test.each([
    ['RouteTableId', { Ref: 'Rt' }],
    ['GatewayId', { 'Fn::GetAtt': ['Igw', 'InternetGatewayId'] }],
    ['DestinationCidrBlock', { 'Fn::Select': [0, { 'Fn::Split': [',', { 'Fn::Sub': '${X},y' }] }] }],
    ['Other', { 'Fn::If': ['Cond', { 'Fn::Join': ['', ['a', 'b']] }, { Ref: 'AWS::NoValue' }] }],
    ['Imp', { 'Fn::ImportValue': { 'Fn::Sub': 'name' } }],
    ['B64', { 'Fn::Base64': 'abc' }],
  ])('%s', (k, v) => expect(p[k]).toEqual(v));
});

describe('unusable input', () => {
  test.each([
    ['not-json.json', '{ "Resources": ', /not valid JSON/],
    ['bad.yaml', 'Resources:\n  A: [unclosed', /not valid YAML/],
    ['no-resources.json', { Outputs: {} }, /"Resources" is missing/],
    ['no-type.json', { Resources: { A: { Properties: {} } } }, /resource "A" has no "Type"/],
    ['list.json', [1, 2], /not a CloudFormation template/],
  ])('%s', (file, content, msg) => {
    const p = write(file, content);
    expect(() => loadPaths([p])).toThrow(InputError);
    expect(() => loadPaths([p])).toThrow(msg);
    try {
      loadPaths([p]);
    } catch (e) {
      expect((e as InputError).where).toBe(p);
    }
  });
  test('a directory without manifest.json', () => {
    fs.mkdirSync(path.join(dir, 'empty'), { recursive: true });
    expect(() => loadPaths([path.join(dir, 'empty')])).toThrow(/manifest\.json/);
  });
  test('no path at all', () => expect(() => loadPaths([])).toThrow(/no PATH/));
  test('two templates with the same stack name', () => {
    const a = write('x/City.json', { Resources: {} });
    const b = write('y/City.json', { Resources: {} });
    expect(() => loadPaths([a, b])).toThrow(/also used by/);
  });
});

describe('cloud assemblies', () => {
  test('stacks, a nested Stage assembly and a nested stack via aws:asset:path', () => {
    write('asm/manifest.json', {
      artifacts: {
        Top: { type: 'aws:cloudformation:stack', displayName: 'Top', properties: { templateFile: 'Top.template.json' } },
        Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
        st: { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Stage' } },
      },
    });
    write('asm/Top.template.json', { Resources: { Child: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3/x' }, Metadata: { 'aws:asset:path': 'TopChild.nested.template.json' } }, Lost: { Type: 'AWS::CloudFormation::Stack', Properties: { TemplateURL: 'https://s3/y' } } } });
    write('asm/TopChild.nested.template.json', { Resources: { V: { Type: 'AWS::EC2::VPC', Properties: {} } } });
    write('asm/assembly-Stage/manifest.json', { artifacts: { S: { type: 'aws:cloudformation:stack', displayName: 'Stage/S', properties: { templateFile: 'S.template.json' } } } });
    write('asm/assembly-Stage/S.template.json', { Resources: {} });
    const r = loadPaths([path.join(dir, 'asm')]);
    expect(r.templates.map((t) => t.stack).sort()).toEqual(['Stage/S', 'Top', 'Top/Child']);
    expect(r.templates.find((t) => t.stack === 'Top/Child')!.parent).toEqual({ stack: 'Top', logicalId: 'Child' });
    expect(r.missingNested).toEqual([expect.objectContaining({ stack: 'Top', logicalId: 'Lost' })]);
  });
  test('a stack artifact whose template is missing is unusable input naming the file', () => {
    write('asm2/manifest.json', { artifacts: { A: { type: 'aws:cloudformation:stack', properties: { templateFile: 'A.template.json' } } } });
    expect(() => loadPaths([path.join(dir, 'asm2')])).toThrow(/A\.template\.json: cannot read/);
  });
});
