/**
 * Turns zod's issues into ConfigProblems an SE can act on: the field path, what is wrong, and the fix in
 * English and Japanese. Zod's own wording ("Invalid input: expected string, received undefined") is
 * kept as the message only where we have nothing clearer.
 */
import type { z } from 'zod';
import { TIERS } from '../tiers/tier';
import { ConfigProblem } from './config-error';
import type { FixParams } from './zod-helpers';

export function pathToString(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

export function problemsFromZod(error: z.ZodError): ConfigProblem[] {
  return error.issues.flatMap((issue) => problemsFromIssue(issue));
}

function problemsFromIssue(issue: z.core.$ZodIssue): ConfigProblem[] {
  const path = pathToString(issue.path);
  switch (issue.code) {
    case 'custom': {
      const params = (issue.params ?? {}) as Partial<FixParams>;
      return [{ path, message: issue.message, fix: params.fix ?? 'see docs/configuration.md', ja: params.ja ?? '設定ガイド docs/configuration.md を参照してください' }];
    }
    case 'invalid_type': {
      if (issue.message.endsWith('received undefined')) {
        return [
          {
            path,
            message: `missing value (expected ${issue.expected})`,
            fix: `add "${path}" (${/^[aeiou]/.test(String(issue.expected)) ? 'an' : 'a'} ${issue.expected}); copy it from the example municipality (lib/config/municipalities/example-city.ts)`,
            ja: `「${path}」が未設定です（${issue.expected}）。例 example-city を参考に追加してください`,
          },
        ];
      }
      return [
        {
          path,
          message: `wrong type: ${issue.message}`,
          fix: `write "${path}" as a ${issue.expected}`,
          ja: `「${path}」の型が違います（${issue.expected} で書いてください）`,
        },
      ];
    }
    case 'unrecognized_keys': {
      if (path === 'tiers' || path === 'telework.clientCidrs') {
        return issue.keys.map((key) => ({
          path: `${path}.${key}`,
          message: `unknown tier name "${key}"`,
          fix: `use one of the tier names ${TIERS.join(', ')}`,
          ja: `「${key}」という層はありません。${TIERS.join(' / ')} のいずれかを使ってください`,
        }));
      }
      return issue.keys.map((key) => ({
        path: path === '' ? key : `${path}.${key}`,
        message: `unknown field "${key}"`,
        fix: 'remove it or correct its spelling (field names are case-sensitive; see docs/configuration.md)',
        ja: `「${key}」という項目はありません。削除するか綴りを直してください`,
      }));
    }
    case 'invalid_value': {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      const isTierList = issue.values.length === TIERS.length && TIERS.every((t) => issue.values.includes(t));
      return [
        {
          path,
          message: isTierList ? 'unknown tier name' : `not an allowed value`,
          fix: `use one of ${allowed}`,
          ja: `使える値は ${allowed} です`,
        },
      ];
    }
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map((o) => JSON.stringify(o)).join(', ') : '';
      return [
        {
          path,
          message: `not one of the supported kinds${options ? ` (${options})` : ''}`,
          fix: options ? `set "${path}" to one of ${options}` : 'see docs/configuration.md for the supported shapes',
          ja: options ? `「${path}」は ${options} のいずれかにしてください` : '対応する形式は docs/configuration.md を参照してください',
        },
      ];
    }
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const word = issue.code === 'too_small' ? 'at least' : 'at most';
      const jaWord = issue.code === 'too_small' ? '以上' : '以下';
      const unit = issue.origin === 'array' ? ' entries' : issue.origin === 'string' ? ' characters' : '';
      return [
        {
          path,
          message: issue.message,
          fix: `use ${word} ${String(bound)}${unit}`,
          ja: `「${path}」は ${String(bound)}${unit === ' entries' ? ' 件' : unit === ' characters' ? ' 文字' : ''}${jaWord}にしてください`,
        },
      ];
    }
    case 'invalid_format':
      return [
        {
          path,
          message: issue.message,
          fix: `correct "${path}": it ${issue.message}`,
          ja: `「${path}」の書式が正しくありません（${issue.message}）`,
        },
      ];
    default:
      return [
        {
          path,
          message: issue.message,
          fix: 'see docs/configuration.md',
          ja: '設定ガイド docs/configuration.md を参照してください',
        },
      ];
  }
}
