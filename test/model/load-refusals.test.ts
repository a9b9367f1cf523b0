/**
 * Input the loader must refuse before any verdict, one case each: the InputError names the file at fault and
 * says what to do. Until now only the CLI tests (child processes) reached these, where the engine's own test
 * set and its mutation runs cannot see them; a refusal loosened here would let `verify` judge a half-read
 * input.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError, loadPaths, parseTemplateText } from '../../lib/model/load';
import { applyParameterValues, readParameterValues } from '../../lib/model/load/parameter-values';
import type { LoadedTemplate } from '../../lib/model/load/template';
import { tempRoot } from '../support/temp-dirs';

const dir = tempRoot('load-refusals-').path;

const write = (rel: string, content: unknown): string => {
  const p = path.join(dir, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};
const TEMPLATE = { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } } } };

/** The InputError `f` throws: where it points and what it says. */
function refusal(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError, but the input was accepted');
}

describe('templates and cloud assemblies', () => {
  test('--stack NAME=FILE: a name CloudFormation would not accept', () => {
    const file = write('named.json', TEMPLATE);
    const e = refusal(() => loadPaths([], [{ name: '1st-city', file }]));
    expect(e.where).toBe(file);
    expect(e.what).toMatch(/stack name "1st-city" is not a CloudFormation stack name/);
  });
  test('--stack NAME=FILE: a file that is not there, or a directory', () => {
    expect(refusal(() => loadPaths([], [{ name: 'City', file: path.join(dir, 'absent.json') }])).what).toMatch(/no such template file/);
    expect(refusal(() => loadPaths([], [{ name: 'City', file: dir }])).what).toMatch(/no such template file/);
  });
  test('a path that is not there', () => {
    const p = path.join(dir, 'nowhere.json');
    expect(refusal(() => loadPaths([p]))).toMatchObject({ where: p, what: 'no such file or directory.' });
  });
  test('a cloud assembly whose manifest is not JSON', () => {
    const manifest = write('bad-json/manifest.json', '{ "artifacts": ');
    expect(refusal(() => loadPaths([path.dirname(manifest)]))).toMatchObject({ where: manifest, what: expect.stringMatching(/^not valid JSON/) });
  });
  test('a stack artifact without its template file', () => {
    const manifest = write('no-template/manifest.json', { artifacts: { City: { type: 'aws:cloudformation:stack', properties: {} } } });
    expect(refusal(() => loadPaths([path.dirname(manifest)])).what).toBe('artifact "City" has no properties.templateFile.');
  });
  test('a nested assembly (a Stage) without its directory', () => {
    const manifest = write('no-dir/manifest.json', { artifacts: { Stage: { type: 'cdk:cloud-assembly', properties: {} } } });
    expect(refusal(() => loadPaths([path.dirname(manifest)])).what).toBe('nested assembly "Stage" has no properties.directoryName.');
  });
  test('a cloud assembly with no stack at all', () => {
    const manifest = write('empty/manifest.json', { artifacts: { Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } } } });
    const e = refusal(() => loadPaths([path.dirname(manifest)]));
    expect(e.where).toBe(path.dirname(manifest));
    expect(e.what).toMatch(/contains no stack/);
  });
  test('a resource whose Properties is not a mapping (a list, a string, null)', () => {
    for (const props of [[], 'x', null]) {
      const text = JSON.stringify({ Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: props } } });
      expect(refusal(() => parseTemplateText(text, 'city.json')).what).toBe('resource "Vpc": "Properties" must be a mapping.');
    }
  });
  test('their well-formed twins load', () => {
    const file = write('good.json', TEMPLATE);
    expect(loadPaths([], [{ name: 'City-1', file }]).templates.map((t) => t.stack)).toEqual(['City-1']);
    expect(parseTemplateText(JSON.stringify({ Resources: { Vpc: { Type: 'AWS::EC2::VPC' } } }), 'city.json').Resources.Vpc.Type).toBe('AWS::EC2::VPC');
  });
});

describe('--parameters files', () => {
  test('a file that cannot be read, and one that is not JSON or YAML', () => {
    expect(refusal(() => readParameterValues(path.join(dir, 'absent-params.json'))).what).toBe('cannot read the parameters file (ENOENT).');
    const broken = write('broken-params.json', '{ "Parameters": [ ');
    expect(refusal(() => readParameterValues(broken)).what).toMatch(/^not valid JSON\/YAML/);
  });
  test('a file of neither shape names the shapes it accepts', () => {
    const scalar = write('scalar-params.json', '"Env=prod"');
    expect(refusal(() => readParameterValues(scalar)).what).toMatch(/neither a list nor a map\. Expected \[\{"ParameterKey"/);
  });
  const plain = (): LoadedTemplate => ({
    stack: 'City', file: 'city.json',
    template: { Parameters: { Env: { Type: 'String', AllowedValues: ['prod', 'dev'] }, Note: { Type: 'String' } }, Resources: {} } as LoadedTemplate['template'],
  });
  test('values for a stack that is not loaded', () => {
    expect(refusal(() => applyParameterValues([plain()], { Env: 'prod' }, 'p.json', 'Town')).what).toMatch(/no template is loaded as stack "Town" \(stacks: City\)/);
  });
  test('a value for a parameter no template declares', () => {
    expect(refusal(() => applyParameterValues([plain()], { Tier: 'lgwan' }, 'p.json')).what).toMatch(/parameter Tier is declared by no template it applies to/);
  });
  test('a value outside AllowedValues', () => {
    expect(refusal(() => applyParameterValues([plain()], { Env: 'staging' }, 'p.json')).what).toBe('parameter Env="staging" is not one of its AllowedValues in City (prod, dev); CloudFormation would refuse it.');
  });
  test('their well-formed twins are given to the template', () => {
    const t = plain();
    applyParameterValues([t], { Env: 'dev', Note: 'free text' }, 'p.json', 'City');
    expect(t.parameters).toEqual({ Env: 'dev', Note: 'free text' });
  });
});
