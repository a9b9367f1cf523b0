/**
 * Offline synth needs no availability-zone lookup: every stack that builds a VPC answers its zones from the
 * validated configuration (lib/stacks/configured-zones-stack.ts). Built here WITHOUT bin/app.ts or buildApp,
 * as a library user builds them, so nothing else can have answered the lookup for them.
 * A lookup the CLI must make shows as a `missing` context entry in the assembly and an error annotation
 * ("Need to perform AWS calls"), and the CLI then runs the app a second time.
 */
import * as path from 'path';
import { App, Stage } from 'aws-cdk-lib';
import { loadEmbeddedConfig, loadPrefectureFile, REGION_AZS } from '../../lib/config';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';
import { SecurityCloudHubStack } from '../../lib/stacks/prefecture-stacks';
import { hubMembers } from '../../lib/stages/prefecture-stages';

function lookupsAsked(app: App): { missing: unknown[]; errors: string[] } {
  const assembly = app.synth();
  const missing: unknown[] = [...(assembly.manifest.missing ?? [])];
  const errors: string[] = [];
  for (const stack of assembly.stacksRecursively) {
    for (const message of stack.messages) if (message.level === 'error') errors.push(String(message.entry.data));
  }
  for (const nested of assembly.nestedAssemblies) missing.push(...(nested.nestedAssembly.manifest.missing ?? []));
  return { missing, errors };
}

test('a municipality stage built on its own asks the CLI for no zone lookup, and its VPCs use the configured zones', () => {
  const app = new App();
  const config = loadEmbeddedConfig('example-city');
  const stage = new MunicipalityStage(app, config.name, { config });
  expect(stage.networkStacks.lgwan.availabilityZones).toEqual(config.availabilityZones);
  expect(stage.networks.lgwan.vpc.availabilityZones).toEqual(config.availabilityZones);
  expect(lookupsAsked(app)).toEqual({ missing: [], errors: [] });
});

test("the prefecture's security cloud hub stack built on its own asks for no zone lookup", () => {
  const app = new App();
  const configuration = loadPrefectureFile(path.join(__dirname, '..', '..', 'examples', 'prefecture', 'prefecture.yaml'));
  const prefecture = configuration.prefecture!;
  const stage = new Stage(app, 'Hub', { env: { account: prefecture.account, region: prefecture.region } });
  const hub = new SecurityCloudHubStack(stage, 'SecurityCloudHub', { prefecture, members: hubMembers(configuration.municipalities) });
  expect(hub.availabilityZones).toEqual(REGION_AZS[prefecture.region]);
  expect(lookupsAsked(app)).toEqual({ missing: [], errors: [] });
});
