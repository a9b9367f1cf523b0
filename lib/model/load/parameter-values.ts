/**
 * Parameter values for a deployment (`verify --parameters [STACK=]FILE`), in the shapes the AWS CLI uses:
 * - `aws cloudformation create-stack --parameters file://…`: `[{"ParameterKey": "K", "ParameterValue": "V"}]`
 * - `aws cloudformation deploy --parameter-overrides file://…`: `["K=V", …]` or `{"Parameters": {"K": "V"}}`
 * - a plain map `{"K": "V"}` (JSON or YAML).
 * Values are strings (List parameters comma-separated), as CloudFormation receives them. A value outside the
 * parameter's AllowedValues or its other constraints (Type, AllowedPattern, lengths, bounds), or a key no
 * template declares, is refused as CloudFormation would refuse it.
 */
import * as fs from 'fs';
import { parse } from 'yaml';
import { InputError } from '../../input-error';
import type { LoadedTemplate } from './template';
import { parameterRefusal } from '../resolve/parameter-constraints';

export function readParameterValues(file: string): Record<string, string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(file, `cannot read the parameters file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    // Read apart from the parse: the YAML parser's errors carry a `code` too (BAD_INDENT…), which once made a
    // malformed file read as "cannot read the parameters file (BAD_INDENT)".
    throw new InputError(file, `not valid JSON/YAML (${(err as Error).message}).`);
  }
  const bad = (what: string): never => {
    throw new InputError(file, `${what}. Expected [{"ParameterKey": "K", "ParameterValue": "V"}], ["K=V"], {"Parameters": {"K": "V"}} or {"K": "V"} (the shapes aws cloudformation create-stack / deploy read).`);
  };
  const out: Record<string, string> = {};
  const put = (k: unknown, v: unknown, where: string): void => {
    if (typeof k !== 'string' || k === '') bad(`${where}: the parameter name must be a non-empty string`);
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') bad(`${where} (${String(k)}): the value must be a string`);
    out[k as string] = String(v);
  };
  if (Array.isArray(doc)) {
    doc.forEach((x, i) => {
      if (typeof x === 'string') {
        const eq = x.indexOf('=');
        if (eq <= 0) bad(`[${i}] "${x}" is not KEY=VALUE`);
        put(x.slice(0, eq), x.slice(eq + 1), `[${i}]`);
      } else if (x && typeof x === 'object' && 'ParameterKey' in x) {
        const o = x as Record<string, unknown>;
        if (o.UsePreviousValue === true) bad(`[${i}] (${String(o.ParameterKey)}): UsePreviousValue cannot be known offline; give the value`);
        put(o.ParameterKey, o.ParameterValue, `[${i}]`);
      } else bad(`[${i}] is neither "KEY=VALUE" nor {"ParameterKey", "ParameterValue"}`);
    });
    return out;
  }
  if (doc && typeof doc === 'object') {
    const o = doc as Record<string, unknown>;
    const map = o.Parameters && typeof o.Parameters === 'object' && !Array.isArray(o.Parameters) ? (o.Parameters as Record<string, unknown>) : o;
    for (const [k, v] of Object.entries(map)) put(k, v, k);
    return out;
  }
  return bad('the file holds neither a list nor a map');
}

/**
 * Gives `values` to the templates they are for (`stack` = one stack by name; otherwise every top-level
 * template that declares the key). Refuses values CloudFormation would refuse, naming the fix.
 */
export function applyParameterValues(templates: readonly LoadedTemplate[], values: Record<string, string>, file: string, stack?: string): void {
  const targets = stack === undefined ? templates.filter((t) => !t.parent) : templates.filter((t) => t.stack === stack);
  if (stack !== undefined && targets.length === 0) {
    throw new InputError(file, `--parameters ${stack}=…: no template is loaded as stack "${stack}" (stacks: ${templates.map((t) => t.stack).join(', ')}).`);
  }
  for (const [key, value] of Object.entries(values)) {
    const takers = targets.filter((t) => t.template.Parameters?.[key] !== undefined);
    if (takers.length === 0) throw new InputError(file, `parameter ${key} is declared by no template it applies to${stack ? ` (stack ${stack})` : ''}; CloudFormation would refuse it. Remove it or name the stack (--parameters STACK=FILE).`);
    for (const t of takers) {
      const allowed = t.template.Parameters![key].AllowedValues;
      if (Array.isArray(allowed) && allowed.length > 0 && !allowed.map(String).includes(value)) {
        throw new InputError(file, `parameter ${key}="${value}" is not one of its AllowedValues in ${t.stack} (${allowed.join(', ')}); CloudFormation would refuse it.`);
      }
      const refusal = parameterRefusal(t.template.Parameters![key], value);
      if (refusal !== undefined) throw new InputError(file, `parameter ${key} in ${t.stack}: ${refusal}; CloudFormation would refuse it. Give a value the parameter's declaration accepts.`);
      t.parameters = { ...(t.parameters ?? {}), [key]: value };
    }
  }
}
