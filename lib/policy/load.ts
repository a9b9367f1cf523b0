/** Reads and validates a tier policy file (YAML or JSON); errors name the field and the fix. */
import * as fs from 'fs';
import { parse } from 'yaml';
import { InputError } from '../input-error';
import { packageFile } from '../package-files';
import { policySchema, type TierPolicy } from './schema';

/** The default policy shipped with the package (matches the example city). */
export const DEFAULT_POLICY_FILE = packageFile('policies', 'tier-policy.yaml');

export function parsePolicy(text: string, file: string): TierPolicy {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    throw new InputError(file, `the policy is not valid YAML/JSON: ${(err as Error).message}`);
  }
  const r = policySchema.safeParse(doc);
  if (!r.success) {
    const lines = r.error.issues.map((i) => {
      const where = i.path.length ? i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(top level)';
      return `  ${where}: ${i.message}`;
    });
    throw new InputError(file, `the tier policy is invalid (ポリシーファイルの誤り):\n${lines.join('\n')}\nSee docs/verify.md for the policy format.`);
  }
  return r.data;
}

export function loadPolicy(file: string = DEFAULT_POLICY_FILE): TierPolicy {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(file, `cannot read the policy file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  return parsePolicy(text, file);
}

/** Today's date as YYYY-MM-DD (UTC), for expiry checks; tests pass their own. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
