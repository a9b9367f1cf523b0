/**
 * Picks the municipality configuration from CDK context, without importing aws-cdk-lib (the caller passes
 * a context getter): `-c config=PATH` (a JSON or YAML file an SE copied from the example) wins over
 * `-c municipality=NAME` (an embedded one; cdk.json defaults it to example-city).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from './config-error';
import { EMBEDDED_MUNICIPALITIES } from './municipalities';
import type { MunicipalityConfig } from './schema';
import { parseConfig } from './validate';

export type ContextGetter = (key: string) => unknown;

export function loadConfigFromContext(getContext: ContextGetter, cwd: string = process.cwd()): MunicipalityConfig {
  const configPath = getContext('config');
  if (configPath !== undefined && configPath !== '') {
    if (typeof configPath !== 'string') {
      throw new ConfigError('-c config', [
        { path: 'config', message: 'the config context value must be a file path', fix: 'pass -c config=path/to/city.yaml', ja: '-c config= には設定ファイルのパスを指定してください' },
      ]);
    }
    return loadConfigFile(path.resolve(cwd, configPath));
  }
  const name = getContext('municipality');
  if (typeof name !== 'string' || name === '') {
    throw new ConfigError('-c municipality', [
      {
        path: 'municipality',
        message: 'no municipality chosen',
        fix: `pass -c municipality=NAME (embedded: ${Object.keys(EMBEDDED_MUNICIPALITIES).join(', ')}) or -c config=path/to/city.yaml`,
        ja: '自治体が指定されていません。-c municipality=名前 または -c config=設定ファイル を指定してください',
      },
    ]);
  }
  return loadEmbeddedConfig(name);
}

export function loadEmbeddedConfig(name: string): MunicipalityConfig {
  const source = `municipality=${name}`;
  const input = Object.prototype.hasOwnProperty.call(EMBEDDED_MUNICIPALITIES, name) ? EMBEDDED_MUNICIPALITIES[name] : undefined;
  if (input === undefined) {
    const known = Object.keys(EMBEDDED_MUNICIPALITIES).join(', ');
    throw new ConfigError(source, [
      {
        path: 'municipality',
        message: `no embedded municipality is called "${name}"`,
        fix: `use one of ${known}, or copy docs/configuration.md's example to a file and pass -c config=PATH`,
        ja: `組み込みの自治体「${name}」はありません（${known}）。設定ファイルを作成して -c config=パス で指定してください`,
      },
    ]);
  }
  return parseConfig(input, source);
}

/** Reads a JSON (.json) or YAML (.yaml/.yml) file and validates it. */
export function loadConfigFile(filePath: string): MunicipalityConfig {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (err) {
    throw new ConfigError(filePath, [
      {
        path: '',
        message: `cannot read the configuration file: ${(err as Error).message}`,
        fix: 'check the path given with -c config=PATH (relative paths are resolved from the current directory)',
        ja: `設定ファイルを読めません。-c config= のパスを確認してください`,
      },
    ]);
  }
  const ext = path.extname(filePath).toLowerCase();
  let input: unknown;
  try {
    if (ext === '.json') {
      input = JSON.parse(text);
    } else if (ext === '.yaml' || ext === '.yml') {
      input = parseYaml(text);
    } else {
      throw new Error(`unsupported file extension "${ext}"`);
    }
  } catch (err) {
    throw new ConfigError(filePath, [
      {
        path: '',
        message: `cannot parse the configuration file: ${(err as Error).message}`,
        fix: 'write the file as JSON (.json) or YAML (.yaml / .yml), following docs/configuration.md',
        ja: '設定ファイルを解析できません。JSON (.json) または YAML (.yaml/.yml) で記述してください',
      },
    ]);
  }
  return parseConfig(input, filePath);
}
