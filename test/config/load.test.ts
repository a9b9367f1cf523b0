import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { ConfigError, loadConfigFile, loadConfigFromContext, loadEmbeddedConfig } from '../../lib/config';
import { exampleInput } from './helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-config-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('choosing the configuration', () => {
  it('loads the embedded example by name', () => {
    expect(loadEmbeddedConfig('example-city').name).toBe('example-city');
  });

  it('refuses an unknown embedded name and lists the known ones', () => {
    const err = errorOf(() => loadEmbeddedConfig('nowhere'));
    expect(err.problems).toEqual([expect.objectContaining({ path: 'municipality', message: 'no embedded municipality is called "nowhere"', fix: expect.stringContaining('example-city') })]);
    expect(err.message).toContain('No template was written');
  });

  it('does not treat Object.prototype keys as municipalities', () => {
    expect(() => loadEmbeddedConfig('constructor')).toThrow(ConfigError);
  });

  it('loads a JSON file an SE copied from the example', () => {
    const input = exampleInput();
    input.name = 'json-town';
    const file = write('json-town.json', JSON.stringify(input));
    expect(loadConfigFile(file).name).toBe('json-town');
  });

  it('loads a YAML file', () => {
    const input = exampleInput();
    input.name = 'yaml-town';
    const file = write('yaml-town.yaml', stringify(input));
    expect(loadConfigFile(file).name).toBe('yaml-town');
  });

  it('reports an unparseable YAML file', () => {
    const file = write('broken.yml', 'tiers: [unclosed\n');
    const err = errorOf(() => loadConfigFile(file));
    expect(err.problems[0].message).toMatch(/^cannot parse the configuration file/);
  });

  it('reports an unsupported extension', () => {
    const file = write('city.toml', 'name = "x"');
    expect(errorOf(() => loadConfigFile(file)).problems[0].message).toContain('unsupported file extension ".toml"');
  });

  it('reports a missing file', () => {
    const err = errorOf(() => loadConfigFile(path.join(dir, 'absent.yaml')));
    expect(err.problems[0].message).toMatch(/^cannot read the configuration file/);
  });

  it('validates the file content (errors carry the file as source)', () => {
    const input = exampleInput();
    input.region = 'eu-west-1';
    const file = write('eu.json', JSON.stringify(input));
    const err = errorOf(() => loadConfigFile(file));
    expect(err.source).toBe(file);
    expect(err.problems.map((p) => p.path)).toEqual(['region']);
  });

  it('-c config=PATH wins over the municipality cdk.json defaults', () => {
    const input = exampleInput();
    input.name = 'file-wins';
    const file = write('file-wins.json', JSON.stringify(input));
    const ctx: Record<string, string> = { municipality: 'example-city', config: path.relative(dir, file) };
    expect(loadConfigFromContext((k) => ctx[k], dir).name).toBe('file-wins');
  });

  it('uses -c municipality=NAME when no file is given', () => {
    const ctx: Record<string, string> = { municipality: 'example-city' };
    expect(loadConfigFromContext((k) => ctx[k]).name).toBe('example-city');
  });

  it('refuses when nothing is chosen', () => {
    const err = errorOf(() => loadConfigFromContext(() => undefined));
    expect(err.problems[0].message).toBe('no municipality chosen');
  });
});
