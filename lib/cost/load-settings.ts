/**
 * Reads an overrides file (`closed-telework cost --overrides FILE`): the same document as a configuration's
 * `cost` section, in YAML or JSON, validated by the same schema. Problems name the field inside the file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { problemsFromZod } from '../config/schema-problems';
import { CostInputError } from './cost-error';
import { costSettingsSchema, type CostSettings } from './settings';

export function parseCostSettings(input: unknown, source: string): CostSettings {
  const result = costSettingsSchema.safeParse(input ?? {});
  if (!result.success) throw new CostInputError(source, problemsFromZod(result.error));
  return result.data;
}

export function loadCostSettingsFile(filePath: string): CostSettings {
  const source = `overrides file ${filePath}`;
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (err) {
    throw new CostInputError(source, [
      {
        path: '',
        message: `cannot read the overrides file: ${(err as Error).message}`,
        fix: 'check the path given with --overrides (relative paths are resolved from the current directory)',
        ja: '上書き設定ファイルを読めません。--overrides のパスを確認してください',
      },
    ]);
  }
  const ext = path.extname(filePath).toLowerCase();
  let input: unknown;
  try {
    if (ext === '.json') input = JSON.parse(text);
    else if (ext === '.yaml' || ext === '.yml') input = parseYaml(text);
    else throw new Error(`unsupported file extension "${ext}"`);
  } catch (err) {
    throw new CostInputError(source, [
      {
        path: '',
        message: `cannot parse the overrides file: ${(err as Error).message}`,
        fix: 'write it as JSON (.json) or YAML (.yaml / .yml) with the fields of a configuration\'s cost section (docs/cost.md)',
        ja: '上書き設定ファイルを解析できません。JSON または YAML で、設定ファイルの cost 節と同じ項目を記述してください（docs/cost.md）',
      },
    ]);
  }
  return parseCostSettings(input, source);
}
