/**
 * Turns the command line's PATHs into templates: a template file (JSON/YAML), or a cloud assembly
 * directory (`cdk.out`): every stack artifact, nested Stages' sub-assemblies, and nested stacks found
 * through their asset metadata or a local TemplateURL. Each template is tagged with its stack name.
 */
import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../input-error';
import { readTemplateFile } from './read-template';
import type { CfnTemplate, LoadedTemplate } from './template';
import type { NestedTemplateProblem } from '../reason';

export { InputError } from '../../input-error';
export type { LoadedTemplate } from './template';
export { parseTemplateText } from './read-template';

/** A nested stack whose template could not be found: the model reports it (fail closed), not the loader. */
export interface MissingNestedTemplate {
  stack: string;
  logicalId: string;
  /** Why, as data (worded by the reports: lib/report/i18n/reasons.{en,ja}.ts). */
  problem: NestedTemplateProblem;
}

export interface LoadResult {
  templates: LoadedTemplate[];
  missingNested: MissingNestedTemplate[];
}

/** Where a nested stack's template is, when the template alone does not say (see NestedTemplateLocator). */
export interface NestedTemplateSource {
  file: string;
  constructPathOf?: (logicalId: string) => string | undefined;
}

/**
 * Locates a nested stack's template for the one loader below when its parent template has neither
 * `aws:asset:path` metadata nor a local TemplateURL: `new App()` (tests, policy tests) writes no asset
 * metadata, so the cdk-nag pack answers from the construct tree.
 */
export type NestedTemplateLocator = (parent: LoadedTemplate, logicalId: string) => NestedTemplateSource | undefined;

/** A plain template given the stack name it is deployed as (`--stack NAME=FILE`): `AWS::StackName` resolves to it. */
export interface NamedTemplateFile {
  name: string;
  file: string;
}

export function loadPaths(paths: readonly string[], named: readonly NamedTemplateFile[] = []): LoadResult {
  if (paths.length === 0 && named.length === 0) throw new InputError('(command line)', 'no PATH given: name a template file or a cloud assembly directory (cdk.out).');
  const result: LoadResult = { templates: [], missingNested: [] };
  for (const n of named) {
    if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(n.name)) throw new InputError(n.file, `stack name "${n.name}" is not a CloudFormation stack name (letters, digits and hyphens, starting with a letter).`);
    if (!fs.existsSync(n.file) || fs.statSync(n.file).isDirectory()) throw new InputError(n.file, 'no such template file (--stack NAME=FILE names one template file).');
    addTemplateTree(result, { stack: n.name, stackName: n.name, file: n.file, template: readTemplateFile(n.file) });
  }
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new InputError(p, 'no such file or directory.');
    }
    if (stat.isDirectory()) loadAssembly(p, result, new Set());
    else addTemplateTree(result, { stack: path.basename(p).replace(/\.(template\.)?(json|ya?ml)$/i, ''), file: p, template: readTemplateFile(p) });
  }
  const seen = new Map<string, string>();
  for (const t of result.templates) {
    const prev = seen.get(t.stack);
    if (prev !== undefined) {
      throw new InputError(t.file, `stack name "${t.stack}" is also used by ${prev}: give each template a distinct file or stack name.`);
    }
    seen.set(t.stack, t.file);
  }
  return result;
}

/**
 * Adds a template and, depth first, every nested stack below it: the one walker of nested stacks, used by
 * the command line (cloud assemblies, template files) and the cdk-nag pack (with `locate`). A nested
 * template that is absent is recorded in `missingNested` (the model reports it: fail closed). One that
 * exists but cannot be read is unusable input on the command line (InputError, exit 2); with a locator —
 * inside `cdk synth` — it is recorded as missing too, so the synth reports it instead of crashing.
 */
export function addTemplateTree(result: LoadResult, t: LoadedTemplate, locate?: NestedTemplateLocator): void {
  result.templates.push(t);
  loadNested(t, result, locate);
}

interface ManifestArtifact {
  type?: string;
  displayName?: string;
  properties?: { templateFile?: string; stackName?: string; directoryName?: string };
}

function loadAssembly(dir: string, result: LoadResult, visiting: Set<string>): void {
  const real = fs.realpathSync(dir);
  if (visiting.has(real)) return;
  visiting.add(real);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    throw new InputError(dir, 'a directory must be a cloud assembly with a manifest.json (run `cdk synth` first), or pass template files instead.');
  }
  let manifest: { artifacts?: Record<string, ManifestArtifact> };
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch (err) {
    throw new InputError(manifestFile, `not valid JSON (${(err as Error).message}).`);
  }
  const artifacts = manifest.artifacts ?? {};
  let found = 0;
  for (const [id, a] of Object.entries(artifacts)) {
    if (a.type === 'aws:cloudformation:stack') {
      const templateFile = a.properties?.templateFile;
      if (!templateFile) throw new InputError(manifestFile, `artifact "${id}" has no properties.templateFile.`);
      const file = path.join(dir, templateFile);
      // displayName keeps Stage paths (Stage/Stack) unique; the deployed stackName may repeat across Stages.
      const stack = a.displayName ?? a.properties?.stackName ?? id;
      addTemplateTree(result, { stack, file, template: readTemplateFile(file) });
      found++;
    } else if (a.type === 'cdk:cloud-assembly') {
      const sub = a.properties?.directoryName;
      if (!sub) throw new InputError(manifestFile, `nested assembly "${id}" has no properties.directoryName.`);
      loadAssembly(path.join(dir, sub), result, visiting);
      found++;
    }
  }
  if (found === 0) throw new InputError(dir, 'the cloud assembly contains no stack: check that the app defines at least one Stack.');
}

function loadNested(parent: LoadedTemplate, result: LoadResult, locate: NestedTemplateLocator | undefined): void {
  const dir = path.dirname(parent.file);
  for (const [logicalId, r] of Object.entries(parent.template.Resources)) {
    if (r.Type !== 'AWS::CloudFormation::Stack') continue;
    const assetPath = r.Metadata?.['aws:asset:path'];
    const url = r.Properties?.TemplateURL;
    const located = locate?.(parent, logicalId);
    let file: string | undefined;
    if (typeof assetPath === 'string') file = path.join(dir, assetPath);
    else if (typeof url === 'string' && !/^(https?|s3):/i.test(url)) file = path.join(dir, url);
    else file = located?.file;
    const stack = `${parent.stack}/${logicalId}`;
    if (!file || !fs.existsSync(file)) {
      result.missingNested.push({
        stack: parent.stack,
        logicalId,
        problem: file ? { kind: 'not-found', file } : { kind: 'not-local' },
      });
      continue;
    }
    let template: CfnTemplate;
    try {
      template = readTemplateFile(file);
    } catch (err) {
      if (!locate) throw err;
      result.missingNested.push({ stack: parent.stack, logicalId, problem: { kind: 'unreadable', file, error: (err as Error).message } });
      continue;
    }
    const constructPathOf = located?.constructPathOf;
    addTemplateTree(result, { stack, file, template, parent: { stack: parent.stack, logicalId }, ...(constructPathOf ? { constructPathOf } : {}) }, locate);
  }
}
