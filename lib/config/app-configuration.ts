/**
 * Many municipalities in one app. The CDK context chooses the input:
 *
 *   -c prefecture=path/to/prefecture.yaml   a prefecture file listing municipality files (and the hub)
 *   -c configDir=path/to/dir                 every *.yaml / *.yml / *.json in the folder is a municipality;
 *                                            a file named prefecture.yaml (or .yml / .json) there is the
 *                                            prefecture document
 *   -c config=… / -c municipality=…          one municipality, as before
 *
 * Every file is parsed and validated, then the set is validated together (duplicate names or accounts,
 * overlapping ranges where municipalities share a network, a hub egress with no hub). All problems of all
 * files come back in ONE ConfigError, before any construct is built. No aws-cdk-lib import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { ConfigError, type ConfigProblem } from './config-error';
import { crossProblems } from './cross-validate';
import { loadConfigFromContext, type ContextGetter } from './load';
import { prefectureConfigSchema, prefectureProblems, type PrefectureConfig } from './prefecture';
import { problemsFromZod } from './schema-problems';
import type { AllowedRegion, MunicipalityConfig } from './schema';
import { parseConfig } from './validate';

/** One municipality and the file it came from (for messages). */
export interface LoadedMunicipality {
  config: MunicipalityConfig;
  source: string;
}

/** What the app is built from: zero or one prefecture, one or more municipalities. */
export interface AppConfiguration {
  prefecture?: PrefectureConfig;
  prefectureSource?: string;
  municipalities: LoadedMunicipality[];
}

const CONFIG_EXTENSIONS = ['.yaml', '.yml', '.json'];
const PREFECTURE_FILE = /^prefecture\.(ya?ml|json)$/i;

/** Chooses the input from CDK context; every problem of every file in one ConfigError. */
export function loadAppConfigurationFromContext(getContext: ContextGetter, cwd: string = process.cwd()): AppConfiguration {
  const prefectureFile = nonEmpty(getContext('prefecture'));
  const configDir = nonEmpty(getContext('configDir'));
  if (prefectureFile !== undefined && configDir !== undefined) {
    throw new ConfigError('-c prefecture / -c configDir', [
      {
        path: 'prefecture',
        message: 'both -c prefecture and -c configDir are given; the app is built from one list of municipalities',
        fix: 'pass either -c prefecture=FILE (the file lists the municipalities) or -c configDir=DIR',
        ja: '-c prefecture と -c configDir が両方指定されています。どちらか一方を指定してください',
      },
    ]);
  }
  if (prefectureFile !== undefined) return loadPrefectureFile(path.resolve(cwd, prefectureFile));
  if (configDir !== undefined) return loadConfigDir(path.resolve(cwd, configDir));
  const config = loadConfigFromContext(getContext, cwd);
  return { municipalities: [{ config, source: 'the configuration' }] };
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Loads a prefecture file and the municipality files it lists (paths relative to it). */
export function loadPrefectureFile(file: string): AppConfiguration {
  const problems: ConfigProblem[] = [];
  const prefecture = readPrefecture(file, problems);
  if (prefecture === undefined) throw new ConfigError(file, problems);
  if (prefecture.municipalities === undefined) {
    problems.push({
      path: `${path.basename(file)}: municipalities`,
      message: 'the prefecture file lists no municipality configuration files',
      fix: 'add "municipalities:" with the paths of the municipality files (relative to the prefecture file), or use -c configDir=DIR',
      ja: '都道府県ファイルに市区町村の設定ファイル（municipalities）がありません。ファイルのパスを列挙するか、-c configDir=フォルダ を使ってください',
    });
    throw new ConfigError(file, problems);
  }
  const base = path.dirname(file);
  const files = prefecture.municipalities.map((m) => path.resolve(base, m));
  return finish(file, prefecture, file, files, base, problems);
}

/** Loads every configuration file in a folder; `prefecture.yaml` there (optional) is the prefecture document. */
export function loadConfigDir(dir: string): AppConfiguration {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => CONFIG_EXTENSIONS.includes(path.extname(n).toLowerCase())).sort();
  } catch (err) {
    throw new ConfigError(dir, [
      {
        path: 'configDir',
        message: `cannot read the folder: ${(err as Error).message}`,
        fix: 'pass -c configDir=DIR with a folder of municipality configuration files (relative paths are resolved from the current directory)',
        ja: '設定フォルダを読めません。-c configDir= のパスを確認してください',
      },
    ]);
  }
  const problems: ConfigProblem[] = [];
  const prefectureNames = names.filter((n) => PREFECTURE_FILE.test(n));
  if (prefectureNames.length > 1) {
    problems.push({
      path: 'configDir',
      message: `the folder holds ${prefectureNames.length} prefecture documents (${prefectureNames.join(', ')})`,
      fix: 'keep exactly one prefecture.yaml (or .yml / .json)',
      ja: `フォルダに都道府県ファイルが複数あります（${prefectureNames.join(', ')}）。1つにしてください`,
    });
  }
  const prefectureFile = prefectureNames[0] === undefined ? undefined : path.join(dir, prefectureNames[0]);
  const prefecture = prefectureFile === undefined ? undefined : readPrefecture(prefectureFile, problems);
  if (prefecture?.municipalities !== undefined) {
    problems.push({
      path: `${prefectureNames[0]}: municipalities`,
      message: 'with -c configDir every configuration file in the folder is a municipality; a list in the prefecture file would be a second, competing list',
      fix: 'remove "municipalities" from the prefecture file, or pass -c prefecture=FILE instead of -c configDir',
      ja: '-c configDir ではフォルダ内の全ファイルが市区町村です。都道府県ファイルの municipalities を削除するか、-c prefecture=ファイル を使ってください',
    });
  }
  const files = names.filter((n) => !PREFECTURE_FILE.test(n)).map((n) => path.join(dir, n));
  if (files.length === 0) {
    problems.push({
      path: 'configDir',
      message: `no municipality configuration file (*.yaml, *.yml, *.json) in ${dir}`,
      fix: 'put one configuration file per municipality in the folder (copy docs/configuration.md\'s example)',
      ja: 'フォルダに市区町村の設定ファイル（*.yaml / *.yml / *.json）がありません',
    });
  }
  return finish(`configDir=${dir}`, prefecture, prefectureFile, files, dir, problems);
}

function finish(
  source: string,
  prefecture: PrefectureConfig | undefined,
  prefectureFile: string | undefined,
  files: string[],
  base: string,
  problems: ConfigProblem[],
): AppConfiguration {
  const municipalities: LoadedMunicipality[] = [];
  for (const file of files) {
    const shown = path.relative(base, file) || file;
    try {
      municipalities.push({ config: readMunicipality(file), source: shown });
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      for (const p of err.problems) problems.push({ ...p, path: `${shown}: ${p.path === '' ? '(document)' : p.path}` });
    }
  }
  const app: AppConfiguration = {
    ...(prefecture ? { prefecture, prefectureSource: prefectureFile ? path.relative(base, prefectureFile) || prefectureFile : source } : {}),
    municipalities,
  };
  problems.push(...crossProblems(app));
  if (problems.length > 0) throw new ConfigError(source, problems);
  return app;
}

function readDocument(file: string, problems: ConfigProblem[], shown: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    problems.push({
      path: `${shown}: (document)`,
      message: `cannot read the file: ${(err as Error).message}`,
      fix: 'check the path (paths in a prefecture file are relative to the prefecture file)',
      ja: `ファイル ${shown} を読めません。パスを確認してください（都道府県ファイル内のパスはそのファイルからの相対パスです）`,
    });
    return undefined;
  }
  try {
    return path.extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    problems.push({
      path: `${shown}: (document)`,
      message: `cannot parse the file: ${(err as Error).message}`,
      fix: 'write the file as JSON (.json) or YAML (.yaml / .yml)',
      ja: `ファイル ${shown} を解析できません。JSON または YAML で記述してください`,
    });
    return undefined;
  }
}

function readPrefecture(file: string, problems: ConfigProblem[]): PrefectureConfig | undefined {
  const shown = path.basename(file);
  const input = readDocument(file, problems, shown);
  if (input === undefined) return undefined;
  const result = prefectureConfigSchema.safeParse(input);
  if (!result.success) {
    for (const p of problemsFromZod(result.error)) problems.push({ ...p, path: `${shown}: ${p.path}` });
    return undefined;
  }
  const prefecture: PrefectureConfig = { ...result.data, region: result.data.region as AllowedRegion };
  for (const p of prefectureProblems(prefecture)) problems.push({ ...p, path: `${shown}: ${p.path}` });
  return prefecture;
}

function readMunicipality(file: string): MunicipalityConfig {
  const problems: ConfigProblem[] = [];
  const input = readDocument(file, problems, '');
  if (input === undefined) throw new ConfigError(file, problems.map((p) => ({ ...p, path: '' })));
  return parseConfig(input, file);
}
