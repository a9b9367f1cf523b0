/**
 * EC2 Query protocol responses: an output (in the shape the AWS CLI prints as JSON) written as the XML the
 * EC2 service sends. Element names come from the SDK's own schema for the operation's output (the
 * `xmlName` trait of every member, `<item>` for list members), so the wire format is the one
 * @aws-sdk/client-ec2 parses, not a guess at it.
 */
// The SDK's generated schemas: [3 = structure, namespace, name, traits, memberNames, memberSchemas],
// [1 = list, namespace, name, traits, memberSchema]; a member schema is [type or () => schema, traits].
// eslint-disable-next-line @typescript-eslint/no-require-imports
const schemas = require('@aws-sdk/client-ec2/dist-cjs/schemas/schemas_0') as Record<string, unknown>;

type Schema = unknown;
type Traits = { xmlName?: string };

function resolve(s: Schema): Schema {
  return typeof s === 'function' ? (s as () => Schema)() : s;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function lcfirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function value(v: unknown, schema: Schema): string {
  const s = resolve(schema);
  if (Array.isArray(s) && s[0] === 3) return struct(v as Record<string, unknown>, s);
  if (Array.isArray(s) && s[0] === 1) {
    const [memberType, memberTraits] = s[4] as [Schema, Traits];
    const tag = memberTraits?.xmlName ?? 'item';
    return (v as unknown[]).map((x) => `<${tag}>${value(x, memberType)}</${tag}>`).join('');
  }
  if (v instanceof Date) return v.toISOString();
  return escapeXml(String(v));
}

function struct(obj: Record<string, unknown>, s: unknown[]): string {
  const names = s[4] as string[];
  const members = s[5] as Array<[Schema, Traits]>;
  let out = '';
  names.forEach((name, i) => {
    const v = obj[name];
    if (v === undefined || v === null) return;
    const tag = members[i][1]?.xmlName ?? lcfirst(name);
    out += `<${tag}>${value(v, members[i][0])}</${tag}>`;
  });
  return out;
}

/** The full response body for `action` (e.g. DescribeVpcs) with `output` (e.g. { Vpcs: [...], NextToken }). */
export function ec2Response(action: string, output: Record<string, unknown>, requestId: string): string {
  const schema = schemas[`${action}Result$`];
  if (!Array.isArray(schema)) throw new Error(`no EC2 output schema for ${action}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>${requestId}</requestId>${struct(output, schema)}</${action}Response>`;
}

/** An EC2 error body (the SDK reads Errors.Error.Code / Message). */
export function ec2Error(code: string, message: string, requestId: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
}
