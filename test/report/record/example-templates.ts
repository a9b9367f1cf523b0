/**
 * The example city's templates, synthesised once per test file in process (no packs: the record readers
 * need only the CloudFormation), loaded as the engine loads them. Tests clone and mutate them one line at a
 * time to show that each record section follows the template, not prose.
 */
import { App } from 'aws-cdk-lib';
import { loadEmbeddedConfig } from '../../../lib/config';
import { loadPaths } from '../../../lib/model/load';
import type { CfnResource, LoadedTemplate } from '../../../lib/model/load/template';
import { MunicipalityStage } from '../../../lib/stages/municipality-stage';
import { tempRoot } from '../../support/temp-dirs';

const tmp = tempRoot('example-templates-');

export function synthExampleTemplates(): { dir: string; templates: LoadedTemplate[] } {
  const dir = tmp.dir('record-example-');
  const app = new App({ outdir: dir });
  const config = loadEmbeddedConfig('example-city');
  new MunicipalityStage(app, config.name, { config });
  app.synth();
  return { dir, templates: loadPaths([dir]).templates };
}

export function clone(templates: readonly LoadedTemplate[]): LoadedTemplate[] {
  return templates.map((t) => ({ ...t, template: JSON.parse(JSON.stringify(t.template)) }));
}

/** The first resource of a type (with its template), for a one-line mutation. */
export function first(templates: readonly LoadedTemplate[], type: string, where: (r: CfnResource) => boolean = () => true): { t: LoadedTemplate; id: string; r: CfnResource } {
  for (const t of templates) {
    for (const [id, r] of Object.entries(t.template.Resources)) if (r.Type === type && where(r)) return { t, id, r };
  }
  throw new Error(`no ${type} in the example templates`);
}
