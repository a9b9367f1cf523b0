/**
 * Gathers, once per synth, every template the pack must judge: the stacks the validation framework hands
 * the plugin (every Stage's stacks when the pack is registered on the App) and every nested stack below
 * them, walked by the engine's one loader (lib/model/load `addTemplateTree`). The construct tree answers
 * what the templates of `new App()` (tests, policy tests) do not say: where a nested template is (no
 * `aws:asset:path` metadata) and each resource's construct path (no `aws:cdk:path` metadata), so the
 * model's resource references carry construct paths from the moment they are made.
 * Stack names follow the loader: the stack's construct path (a cloud assembly's displayName), and
 * `<parent>/<logicalId>` for a nested stack.
 */
import * as path from 'path';
import { CfnResource, NestedStack, Stack, type PolicyValidationStack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { addTemplateTree, type LoadResult, type MissingNestedTemplate, type NestedTemplateSource } from '../model/load';
import { readTemplateFile } from '../model/load/read-template';
import type { LoadedTemplate } from '../model/load/template';

export interface CollectedTemplates {
  templates: LoadedTemplate[];
  /**
   * The construct path of a resource, for a finding attached to a resource the model did not name itself
   * (an implicit resource's owner). Built lazily, one stack at a time.
   */
  constructPathOf(stack: string, logicalId: string): string | undefined;
  /** Nested stacks whose template file could not be read; the engine must report them (fail closed). */
  missingNested: MissingNestedTemplate[];
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
  const stackOf = new Map<string, Stack>();
  const paths = new Map<string, Map<string, string>>();
  const constructPathOf = (stackName: string, logicalId: string): string | undefined => {
    let byId = paths.get(stackName);
    if (!byId) {
      byId = new Map();
      const stack = stackOf.get(stackName);
      if (stack) for (const r of ownChildren(stack).resources) byId.set(stack.resolve(r.logicalId) as string, r.node.path);
      paths.set(stackName, byId);
    }
    return byId.get(logicalId);
  };
  const tie = (name: string, stack: Stack): ((logicalId: string) => string | undefined) => {
    stackOf.set(name, stack);
    return (logicalId) => constructPathOf(name, logicalId);
  };
  // The construct tree says where a nested template is: beside its parent's, named by the NestedStack.
  const locate = (parent: LoadedTemplate, logicalId: string): NestedTemplateSource | undefined => {
    const owner = stackOf.get(parent.stack);
    const n = owner ? ownChildren(owner).nested.find((x) => x.nestedStackResource && owner.resolve(x.nestedStackResource.logicalId) === logicalId) : undefined;
    if (!n) return undefined;
    return { file: path.join(path.dirname(parent.file), n.templateFile), constructPathOf: tie(`${parent.stack}/${logicalId}`, n) };
  };
  const loaded: LoadResult = { templates: [], missingNested: [] };
  for (const s of stacks) {
    const construct = findByPath(app, s.stackConstructPath);
    if (!construct || !Stack.isStack(construct)) {
      // Fail closed: a template we cannot tie to its stack is still judged, by file alone.
      addTemplateTree(loaded, { stack: s.stackConstructPath, file: s.templatePath, template: readTemplateFile(s.templatePath) });
      continue;
    }
    const template = readTemplateFile(s.templatePath);
    addTemplateTree(loaded, { stack: s.stackConstructPath, file: s.templatePath, template, constructPathOf: tie(s.stackConstructPath, construct) }, locate);
  }
  return { templates: loaded.templates, missingNested: loaded.missingNested, constructPathOf };
}
