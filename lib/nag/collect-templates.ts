/**
 * Gathers, once per synth, every template the pack must judge: the stacks the validation framework hands
 * the plugin (every Stage's stacks when the pack is registered on the App) and, found through the
 * construct tree, every nested stack below them. The construct tree is used for nested stacks because
 * `new App()` (tests, policy tests) writes no `aws:asset:path` metadata, so the template alone cannot
 * say where a nested template is. Stack names follow the engine's loader: the stack's construct path
 * (a cloud assembly's displayName), and `<parent>/<logicalId>` for a nested stack.
 */
import * as path from 'path';
import { CfnResource, NestedStack, Stack, type PolicyValidationStack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { readTemplateFile } from '../model/load/read-template';
import type { LoadedTemplate } from '../model/load/template';

export interface CollectedTemplates {
  templates: LoadedTemplate[];
  /**
   * The construct path of a resource, for findings whose template carries no path metadata. Built lazily,
   * one stack at a time, because resolving every logical id costs more than the engine on a clean app,
   * and a clean app has no finding to label.
   */
  constructPathOf(stack: string, logicalId: string): string | undefined;
  /** Nested stacks whose template file could not be read; the engine must report them (fail closed). */
  missingNested: { stack: string; logicalId: string; reason: string }[];
}

export function resourceKey(stack: string, logicalId: string): string {
  return `${stack}\u0000${logicalId}`;
}

function findByPath(root: IConstruct, constructPath: string): IConstruct | undefined {
  if (constructPath === '' || constructPath === root.node.path) return root;
  let current: IConstruct | undefined = root;
  for (const id of constructPath.split('/')) {
    current = current?.node.tryFindChild(id);
    if (!current) return undefined;
  }
  return current;
}

/** The CfnResources and nested stacks that belong to `stack` itself (not to a nested stack below it). */
function ownChildren(stack: Stack): { resources: CfnResource[]; nested: NestedStack[] } {
  const resources: CfnResource[] = [];
  const nested: NestedStack[] = [];
  const visit = (c: IConstruct): void => {
    for (const child of c.node.children) {
      if (child instanceof NestedStack) {
        nested.push(child);
        continue;
      }
      if (Stack.isStack(child)) continue; // a stack defined inside a stack is its own artifact
      if (CfnResource.isCfnResource(child)) resources.push(child);
      visit(child);
    }
  };
  visit(stack);
  return { resources, nested };
}

export function collectTemplates(app: IConstruct, stacks: readonly PolicyValidationStack[]): CollectedTemplates {
  const owners = new Map<string, { stack: Stack; resources: CfnResource[] }>();
  const paths = new Map<string, Map<string, string>>();
  const constructPathOf = (stackName: string, logicalId: string): string | undefined => {
    let byId = paths.get(stackName);
    if (!byId) {
      byId = new Map();
      const owner = owners.get(stackName);
      for (const r of owner?.resources ?? []) byId.set(owner!.stack.resolve(r.logicalId) as string, r.node.path);
      paths.set(stackName, byId);
    }
    return byId.get(logicalId);
  };
  const out: CollectedTemplates = { templates: [], constructPathOf, missingNested: [] };
  const addStack = (stack: Stack, name: string, file: string, parent?: { stack: string; logicalId: string }): void => {
    out.templates.push({ stack: name, file, template: readTemplateFile(file), ...(parent ? { parent } : {}) });
    const { resources, nested } = ownChildren(stack);
    owners.set(name, { stack, resources });
    for (const n of nested) {
      const resource = n.nestedStackResource;
      if (!resource) continue;
      const logicalId = stack.resolve(resource.logicalId) as string;
      const nestedFile = path.join(path.dirname(file), n.templateFile);
      try {
        addStack(n, `${name}/${logicalId}`, nestedFile, { stack: name, logicalId });
      } catch (err) {
        out.missingNested.push({ stack: name, logicalId, reason: `nested template ${nestedFile} unreadable: ${(err as Error).message}` });
      }
    }
  };
  for (const s of stacks) {
    const construct = findByPath(app, s.stackConstructPath);
    if (!construct || !Stack.isStack(construct)) {
      // Fail closed: a template we cannot tie to its stack is still judged, by file alone.
      out.templates.push({ stack: s.stackConstructPath, file: s.templatePath, template: readTemplateFile(s.templatePath) });
      continue;
    }
    addStack(construct, s.stackConstructPath, s.templatePath);
  }
  return out;
}
