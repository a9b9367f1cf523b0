import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { parseConfig, type MunicipalityConfig } from '../../lib/config';
import { exampleCity } from '../../lib/config/municipalities/example-city';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';

export interface Built {
  config: MunicipalityConfig;
  stage: MunicipalityStage;
  telework: Template;
  audit: Template;
}

/** The example municipality, optionally mutated, as a stage WITHOUT policy packs (those run in test/stages). */
export function buildStage(mutate: (c: any) => void = () => undefined): Built {
  const input = JSON.parse(JSON.stringify(exampleCity));
  mutate(input);
  const config = parseConfig(input, 'test');
  const app = new App();
  const stage = new MunicipalityStage(app, config.name, { config });
  const lgwan = stage.teleworkStacks.lgwan;
  if (!lgwan) throw new Error('no lgwan telework stack');
  return { config, stage, telework: Template.fromStack(lgwan), audit: Template.fromStack(stage.auditStack) };
}

/** Renders a CloudFormation string value (plain or Fn::Join) with tokens as <Ref:X> / <GetAtt:X.Y> / <Import:…>. */
export function renderString(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(renderString).join(v['Fn::Join'][0]);
  if (v.Ref) return `<Ref:${v.Ref}>`;
  if (v['Fn::GetAtt']) return `<GetAtt:${(v['Fn::GetAtt'] as string[]).join('.')}>`;
  if (v['Fn::ImportValue']) return `<Import:${renderString(v['Fn::ImportValue'])}>`;
  return `<${Object.keys(v)[0]}>`;
}

export function resourcesOfType(template: Template, type: string): Array<[string, any]> {
  return Object.entries(template.toJSON().Resources as Record<string, any>).filter(([, r]) => r.Type === type);
}
