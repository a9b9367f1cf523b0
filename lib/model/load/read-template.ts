/**
 * Reads one CloudFormation template, JSON or YAML. YAML short-form intrinsics (!Ref, !GetAtt a.b,
 * !Sub, !If, …) are turned into their long form so the resolver only ever sees `{ "Fn::X": … }`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument, type ScalarTag, type CollectionTag, YAMLMap, YAMLSeq } from 'yaml';
import { InputError } from '../../input-error';
import type { CfnTemplate } from './template';

const INTRINSICS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
  'And', 'Equals', 'If', 'Not', 'Or', 'Length', 'ToJsonString',
];

function longForm(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

/** Builds scalar + sequence + mapping variants of each short-form tag. */
function cfnTags(): Array<ScalarTag | CollectionTag> {
  const tags: Array<ScalarTag | CollectionTag> = [];
  const names = [...INTRINSICS, 'Ref', 'Condition', 'GetAtt'];
  for (const name of names) {
    const key = longForm(name);
    tags.push({
      tag: `!${name}`,
      resolve: (value: string) => {
        // !GetAtt Resource.Attribute is the one short form whose scalar means a list.
        if (name === 'GetAtt') {
          const i = value.indexOf('.');
          return { [key]: i < 0 ? [value] : [value.slice(0, i), value.slice(i + 1)] };
        }
        return { [key]: value };
      },
    } as ScalarTag);
    tags.push({
      tag: `!${name}`,
      collection: 'seq',
      nodeClass: YAMLSeq,
      resolve: (seq: YAMLSeq) => ({ [key]: seq.toJSON() }),
    } as unknown as CollectionTag);
    tags.push({
      tag: `!${name}`,
      collection: 'map',
      nodeClass: YAMLMap,
      resolve: (map: YAMLMap) => ({ [key]: map.toJSON() }),
    } as unknown as CollectionTag);
  }
  return tags;
}

const CUSTOM_TAGS = cfnTags();

export function parseTemplateText(text: string, file: string): CfnTemplate {
  const trimmed = text.trimStart();
  let doc: unknown;
  if (trimmed.startsWith('{')) {
    try {
      doc = JSON.parse(text);
    } catch (err) {
      throw new InputError(file, `not valid JSON (${(err as Error).message}). Fix the syntax or export the template again.`);
    }
  } else {
    const parsed = parseDocument(text, { customTags: CUSTOM_TAGS, uniqueKeys: false });
    if (parsed.errors.length > 0) {
      const e = parsed.errors[0];
      throw new InputError(file, `not valid YAML: ${e.message}`);
    }
    doc = parsed.toJS({ maxAliasCount: 1000 });
  }
  validateShape(doc, file);
  return doc as CfnTemplate;
}

function validateShape(doc: unknown, file: string): void {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new InputError(file, 'not a CloudFormation template: the document is not an object with a "Resources" section.');
  }
  const resources = (doc as Record<string, unknown>).Resources;
  if (!resources || typeof resources !== 'object' || Array.isArray(resources)) {
    throw new InputError(file, 'not a CloudFormation template: "Resources" is missing or is not a mapping of logical ids to resources.');
  }
  for (const [id, r] of Object.entries(resources as Record<string, unknown>)) {
    if (!r || typeof r !== 'object' || typeof (r as Record<string, unknown>).Type !== 'string') {
      throw new InputError(file, `resource "${id}" has no "Type": every entry under Resources needs a Type such as AWS::EC2::VPC.`);
    }
    const props = (r as Record<string, unknown>).Properties;
    if (props !== undefined && (props === null || typeof props !== 'object' || Array.isArray(props))) {
      throw new InputError(file, `resource "${id}": "Properties" must be a mapping.`);
    }
  }
}

export function readTemplateFile(file: string): CfnTemplate {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(file, `cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
  }
  return parseTemplateText(text, path.normalize(file));
}
