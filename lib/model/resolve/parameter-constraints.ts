/**
 * Which values CloudFormation accepts for a parameter. A stack is created or updated with a value only if
 * it meets every constraint the parameter declares — its Type (Number, List<Number>, the AWS-specific id
 * types), AllowedPattern, MinLength / MaxLength, MinValue / MaxValue — besides AllowedValues. An entry of
 * AllowedValues that breaks another constraint can therefore never be deployed: the resolver does not
 * enumerate it as a branch, and `--parameters` refuses it as CloudFormation would.
 * (The AWS-specific types are also checked against the account at deploy time; only their id format can be
 * checked here.)
 */
import type { Value } from './values';
import type { ParameterRefusal } from '../reason';

export interface ParameterDeclaration {
  Type?: unknown;
  AllowedPattern?: unknown;
  MinLength?: unknown;
  MaxLength?: unknown;
  MinValue?: unknown;
  MaxValue?: unknown;
}

/** Id formats of the AWS-specific parameter types that name a network resource or an image. */
const ID_FORMATS: Readonly<Record<string, RegExp>> = {
  'AWS::EC2::VPC::Id': /^vpc-[0-9a-f]{8,17}$/,
  'AWS::EC2::Subnet::Id': /^subnet-[0-9a-f]{8,17}$/,
  'AWS::EC2::SecurityGroup::Id': /^sg-[0-9a-f]{8,17}$/,
  'AWS::EC2::Image::Id': /^ami-[0-9a-f]{8,17}$/,
  'AWS::EC2::Instance::Id': /^i-[0-9a-f]{8,17}$/,
  'AWS::EC2::Volume::Id': /^vol-[0-9a-f]{8,17}$/,
};

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  return typeof v === 'string' && NUMBER.test(v.trim()) ? Number(v) : undefined;
}

/** Why CloudFormation refuses `value` for one (non-list) element of the parameter, or undefined when it accepts it. */
function refuseElement(param: ParameterDeclaration, type: string, value: string): ParameterRefusal | undefined {
  if (type === 'Number') {
    const n = num(value);
    if (n === undefined) return { kind: 'not-number', value };
    const min = num(param.MinValue);
    const max = num(param.MaxValue);
    if (min !== undefined && n < min) return { kind: 'below-min', value, limit: min };
    if (max !== undefined && n > max) return { kind: 'above-max', value, limit: max };
    return undefined;
  }
  const idFormat = ID_FORMATS[type];
  if (idFormat && !idFormat.test(value)) return { kind: 'not-id', value, type };
  const minLen = num(param.MinLength);
  const maxLen = num(param.MaxLength);
  if (minLen !== undefined && value.length < minLen) return { kind: 'too-short', value, limit: minLen };
  if (maxLen !== undefined && value.length > maxLen) return { kind: 'too-long', value, limit: maxLen };
  if (typeof param.AllowedPattern === 'string') {
    let re: RegExp | undefined;
    try {
      // CloudFormation matches the whole value (Java's matches()).
      re = new RegExp(`^(?:${param.AllowedPattern})$`, 'u');
    } catch {
      re = undefined; // a pattern JavaScript cannot read decides nothing here
    }
    if (re && !re.test(value)) return { kind: 'pattern', value, pattern: param.AllowedPattern };
  }
  return undefined;
}

/**
 * The CLI's English for a refusal (`--parameters` errors are English, like every CLI error); the reports word
 * a refusal from the catalogue (lib/report/i18n/reasons.{en,ja}.ts; the English there reuses this).
 */
export function refusalText(r: ParameterRefusal): string {
  switch (r.kind) {
    case 'not-number':
      return `"${r.value}" is not a number (Type: Number)`;
    case 'below-min':
      return `${r.value} is below MinValue ${r.limit}`;
    case 'above-max':
      return `${r.value} is above MaxValue ${r.limit}`;
    case 'not-id':
      return `"${r.value}" is not an id of type ${r.type}`;
    case 'too-short':
      return `"${r.value}" is shorter than MinLength ${r.limit}`;
    case 'too-long':
      return `"${r.value}" is longer than MaxLength ${r.limit}`;
    case 'pattern':
      return `"${r.value}" does not match AllowedPattern ${r.pattern}`;
  }
}

/**
 * Why CloudFormation refuses `value` for this parameter (besides AllowedValues), or undefined when it accepts
 * it. List types check each element against the element type and the string constraints.
 */
export function parameterRefusal(param: ParameterDeclaration, value: Value): string | undefined {
  const r = parameterRefusalOf(param, value);
  return r && refusalText(r);
}

/** The same, as data (lib/model/reason.ts ParameterRefusal). */
export function parameterRefusalOf(param: ParameterDeclaration, value: Value): ParameterRefusal | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const type = typeof param.Type === 'string' ? param.Type : 'String';
  const text = String(value);
  const list = /^List<(.+)>$/.exec(type);
  if (list || type === 'CommaDelimitedList') {
    const elementType = list ? list[1] : 'String';
    for (const el of text.split(',').map((x) => x.trim())) {
      const why = refuseElement(param, elementType, el);
      if (why) return why;
    }
    return undefined;
  }
  return refuseElement(param, type, text);
}
