/**
 * The keys by which the engine can link one template to another, read from a loaded template tree (a file and
 * its nested stacks). Two templates that share a key are judged in the same part; templates that share none
 * are separate networks to the engine and can be judged side by side (docs/performance.md, "Side by side").
 *
 * Every way the engine reads across templates, and how it is keyed here:
 * - the stack name (lib/model/resolve/resolver.ts `byStack`; two templates of one name are an input error the
 *   whole run must report) → `stack:<name>`;
 * - nested stacks (the child reads the parent's Parameters, the parent the child's Outputs): the child is in
 *   the same tree as its parent file, so they are one unit already;
 * - exports and `Fn::ImportValue` (resolver `exports`) → `export:<name>`;
 * - SSM parameters (resolve/ssm-parameters.ts): an `AWS::SSM::Parameter` resource's literal `Name`, and a
 *   template parameter of type `AWS::SSM::Parameter…` whose Default names one (by name or ARN) → `ssm:<name>`;
 * Things the engine does not link by, checked: literal ids (`vpc-…`, `tgw-…`: facts/context.ts refKeys
 * records them as outside the templates), account ids and RAM share principals (facts/resource-shares.ts
 * judges each share inside its own template), TGW peering far sides (facts/tgw-peering.ts: an exit to the
 * tier its tag declares), on-premises ranges, telework pools and the internet (the policy's places: a walk
 * ends when it arrives there, and a new walk starts from each link of the templates; nothing walks through
 * a place from one link to another).
 *
 * What the keys cannot place makes the tree unclassifiable (`keys: null`), and then the whole input is judged
 * as one model, never split:
 * - an export name or an import that is not a literal string (it could resolve to any name);
 * - a string holding the engine's internal reference mark (U+0001: it would name a resource of any template);
 * - `AmazonProvidedIpv6CidrBlock` (the engine numbers Amazon's IPv6 blocks in one sequence across the input).
 */
import type { LoadedTemplate } from '../../model/load/template';
import { ssmParameterNames } from '../../model/resolve/ssm-parameters';

export interface TreeKeys {
  /** The linking keys, or null when something in the tree cannot be classified with certainty. */
  keys: string[] | null;
  /** Why not, when null (for the `--jobs` explanation in the docs and tests). */
  unclassifiable?: string;
}

class Unclassifiable extends Error {}

/**
 * `raw`: the file's text, when the caller has it. A JSON text with no escape (`\u…`) can only hold an import,
 * a reference mark or an Amazon-provided IPv6 block if those words are in it literally, so a text without
 * them needs no walk of every node (a prefecture's 1,835 files: only the 47 hub-routing templates import).
 */
export function linkingKeys(trees: readonly LoadedTemplate[], raw?: (file: string) => string | undefined): TreeKeys {
  const keys = new Set<string>();
  try {
    for (const t of trees) templateKeys(t, keys, raw?.(t.file));
  } catch (err) {
    if (err instanceof Unclassifiable) return { keys: null, unclassifiable: err.message };
    throw err;
  }
  return { keys: [...keys] };
}

function templateKeys(t: LoadedTemplate, keys: Set<string>, raw: string | undefined): void {
  keys.add(`stack:${t.stack}`);
  const doc = t.template;
  for (const out of Object.values(doc.Outputs ?? {})) {
    if (!out || typeof out !== 'object' || out.Export === undefined) continue;
    const name = (out.Export as { Name?: unknown } | null)?.Name;
    if (typeof name !== 'string') throw new Unclassifiable(`${t.stack}: an export name that is not a literal string`);
    keys.add(`export:${name}`);
  }
  for (const p of Object.values(doc.Parameters ?? {})) {
    if (p && typeof p.Type === 'string' && p.Type.startsWith('AWS::SSM::Parameter') && typeof p.Default === 'string') {
      for (const n of ssmParameterNames(p.Default)) keys.add(`ssm:${n}`);
    }
  }
  for (const r of Object.values(doc.Resources ?? {})) {
    if (r && r.Type === 'AWS::SSM::Parameter' && typeof r.Properties?.Name === 'string') keys.add(`ssm:${r.Properties.Name}`);
  }
  if (raw !== undefined && /\.json$/i.test(t.file) && !raw.includes('\u0001') && !/\\u|ImportValue|AmazonProvidedIpv6CidrBlock/.test(raw)) return;
  walk(doc, t.stack, keys);
}

/** Every node of the document: imports, reference marks and Amazon-provided IPv6 blocks. */
function walk(node: unknown, stack: string, keys: Set<string>): void {
  if (typeof node === 'string') {
    if (node.includes('\u0001')) throw new Unclassifiable(`${stack}: a string with the engine's reference mark (U+0001)`);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) walk(node[i], stack, keys);
    return;
  }
  for (const k in node) {
    if (!Object.prototype.hasOwnProperty.call(node, k)) continue;
    const v = (node as Record<string, unknown>)[k];
    if (k.includes('\u0001')) throw new Unclassifiable(`${stack}: a key with the engine's reference mark (U+0001)`);
    if (k === 'AmazonProvidedIpv6CidrBlock') throw new Unclassifiable(`${stack}: an Amazon-provided IPv6 block (numbered across the whole input)`);
    if (k === 'Fn::ImportValue') {
      if (typeof v !== 'string') throw new Unclassifiable(`${stack}: an import whose name is not a literal string`);
      keys.add(`export:${v}`);
      continue;
    }
    walk(v, stack, keys);
  }
}
