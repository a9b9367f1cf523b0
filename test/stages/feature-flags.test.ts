/**
 * cdk.json configures every feature flag `cdk init` sets for this aws-cdk-lib, so a clean synth no longer
 * ends with "N feature flags are not configured". Each flag has the recommended value except the ones
 * docs/feature-flags.md explains; these tests break when a flag is dropped, when an exception is added
 * without its reason, or when an exception's reason stops holding. policy-packs.test.ts runs the app with
 * this context (test/stages/run-app.ts), so every pack and the proof are judged with these flags on.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { loadEmbeddedConfig } from '../../lib/config';
import { MunicipalityStage } from '../../lib/stages/municipality-stage';
import { tierPolicyFromConfigs } from '../../lib/stages/tier-policy-from-config';
import { loadPaths, verify } from '../../lib/checks';
import { cdkJsonContext, ROOT } from './run-app';
import { said } from '../support/finding-words';

/** The flags `cdk init` writes for this CDK: the CLI's list, which equals aws-cdk-lib 2.276.0's recommendations. */
function recommendedFlags(): Record<string, unknown> {
  const file = path.join(ROOT, 'node_modules', 'aws-cdk', 'lib', 'init-templates', '.recommended-feature-flags.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** Flags set against the recommendation, each explained in docs/feature-flags.md. */
const EXCEPTIONS: Record<string, unknown> = {
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
  '@aws-cdk/core:explicitStackTags': false,
  '@aws-cdk/core:enableAdditionalMetadataCollection': false,
  '@aws-cdk/core:annotationsInValidationReport': false,
};

describe('cdk.json feature flags', () => {
  const context = cdkJsonContext();
  const recommended = recommendedFlags();

  it('configures every flag cdk init sets (the CLI reports none unconfigured)', () => {
    expect(Object.keys(recommended).length).toBeGreaterThan(80);
    expect(Object.keys(recommended).filter((flag) => !(flag in context))).toEqual([]);
  });

  it('uses the recommended value for every flag except the documented exceptions', () => {
    const differing = Object.keys(recommended).filter((flag) => JSON.stringify(context[flag]) !== JSON.stringify(recommended[flag]));
    expect(differing.sort()).toEqual(Object.keys(EXCEPTIONS).sort());
    for (const [flag, value] of Object.entries(EXCEPTIONS)) expect(context[flag]).toEqual(value);
  });

  it('explains every exception in docs/feature-flags.md', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'feature-flags.md'), 'utf8');
    for (const flag of Object.keys(EXCEPTIONS)) expect(doc).toContain(`\`${flag}\``);
  });
});

describe('the example app synthesised with cdk.json\'s flags', () => {
  const config = loadEmbeddedConfig('example-city');
  let outdir: string;
  let templateText: string;
  let stackTags: Record<string, Record<string, string>>;
  beforeAll(() => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-flags-'));
    // The packs and aws-cdk-lib's validation run in policy-packs.test.ts; here only the templates matter.
    const app = new App({ outdir, context: cdkJsonContext(), builtinCloudFormationValidation: false });
    new MunicipalityStage(app, config.name, { config });
    const assembly = app.synth();
    const stacks = assembly.stacksRecursively;
    templateText = stacks.map((s) => JSON.stringify(s.template)).join('\n');
    stackTags = Object.fromEntries(stacks.map((s) => [s.stackName, s.tags]));
  });
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  it('references other stacks with Fn::ImportValue, which the proof resolves (never Fn::GetStackOutput)', () => {
    expect(templateText).toContain('"Fn::ImportValue"');
    expect(templateText).not.toContain('Fn::GetStackOutput');
  });

  it('keeps the mic:tier stack tag that CloudFormation copies to every resource of a tier stack', () => {
    const network = Object.entries(stackTags).filter(([name]) => /network-lgwan$/.test(name));
    expect(network).toHaveLength(1);
    expect(network[0]![1]).toMatchObject({ 'mic:tier': 'lgwan', 'mic:municipality': config.name });
  });

  it('still proves the tiers separate (the cloud assembly read as `closed-telework verify` reads it)', () => {
    const result = verify(loadPaths([outdir]), tierPolicyFromConfigs([config]), { asOf: '2026-12-06' });
    expect(result.stats.resources).toBeGreaterThan(100);
    expect(result.findings.map((f) => `${f.rule}: ${said(f).title}`)).toEqual([]);
  });
});
