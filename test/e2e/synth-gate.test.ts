/**
 * The README's main command, `npx cdk synth`, run by the real CDK CLI on a copy of the project:
 * a tier crossing added to bin/app.ts makes it exit non-zero and print the crossing, and the clean example
 * municipality passes with reports/synth-verdict.* saying which gate produced the verdict.
 * (Before the gate, `cdk synth` with no stack argument selected no stack inside the Stage, the CLI judged
 * nothing, and a crossing printed "Successfully synthesized".)
 */
import * as fs from 'fs';
import * as path from 'path';
import { copyProject, npxCdk, type CliRun, type ProjectCopy } from './support/project-copy';

jest.setTimeout(900_000);

let broken: ProjectCopy;
let clean: ProjectCopy;
let brokenRun: CliRun;
let cleanRun: CliRun;

beforeAll(async () => {
  broken = copyProject('broken', 'second-stack');
  clean = copyProject('clean');
  [brokenRun, cleanRun] = await Promise.all([npxCdk(broken.dir, ['synth']), npxCdk(clean.dir, ['synth'])]);
});
afterAll(() => {
  broken?.remove();
  clean?.remove();
});

const readJson = (file: string): any => JSON.parse(fs.readFileSync(file, 'utf8'));

describe('npx cdk synth with an LGWAN ↔ internet peering (routes both ways, TCP 445 open) in a second stack', () => {
  it('exits non-zero and never says it succeeded', () => {
    expect(brokenRun.status).not.toBe(0);
    expect(brokenRun.output).not.toContain('Successfully synthesized');
  });

  it('prints the crossing with its tiers, rule, resource and construct path', () => {
    expect(brokenRun.output).toContain('synthesis REFUSED');
    expect(brokenRun.output).toContain('[TIER-JOIN-PEERING]');
    expect(brokenRun.output).toContain('LGWAN tier → Internet tier');
    expect(brokenRun.output).toMatch(/resource: example-city\/Shortcut\/Peering \(assembly-example-city\/examplecityShortcut[0-9A-F]+\.template\.json, logical id Peering\)/);
    expect(brokenRun.output).toMatch(/\[TIER-CROSSING\][^\n]*\n\s+LGWAN tier \(LGWAN接続系\) reaches Internet tier/);
  });

  it('never offers to acknowledge the crossing', () => {
    expect(brokenRun.output).not.toMatch(/Acknowledge with '?ThreeTierSeparation::/);
    expect(brokenRun.output).toContain('sanitised exchange (無害化)');
  });

  it('records the refusal and the command in reports/synth-verdict.json', () => {
    const verdict = readJson(path.join(broken.dir, 'reports', 'synth-verdict.json'));
    expect(verdict.verdict).toBe('refused');
    expect(verdict.invocation.cdkCommand).toBe('cdk synth');
    expect(verdict.blocking.filter((b: { crossing: boolean }) => b.crossing).map((b: { rule: string }) => b.rule)).toContain('TIER-JOIN-PEERING');
  });
});

describe('npx cdk synth of the clean example municipality', () => {
  it('exits 0', () => {
    expect(cleanRun.status).toBe(0);
    expect(cleanRun.output).not.toContain('REFUSED');
  });

  it('reports/synth-verdict.* say which gate produced the verdict: command, packs, versions', () => {
    const verdict = readJson(path.join(clean.dir, 'reports', 'synth-verdict.json'));
    expect(verdict.verdict).toBe('pass');
    expect(verdict.gate).toBe('closed-telework synth gate');
    expect(verdict.invocation.cdkCommand).toBe('cdk synth');
    expect(verdict.invocation.cdkCliVersion).toMatch(/^2\.1148\./);
    const pkg = readJson(path.join(clean.dir, 'package.json'));
    expect(verdict.versions['aws-cdk-lib']).toBe(pkg.dependencies['aws-cdk-lib']);
    expect(verdict.versions['cdk-nag']).toBe(pkg.dependencies['cdk-nag']);
    // aws-cdk-lib's own CloudFormation validation is registered too (its verdict cached: lib/cfn-validate).
    expect(verdict.packs.map((p: { name: string }) => p.name)).toEqual(['AwsSolutions', 'NIST.800.53.R5', 'cdk-validator-cfnguard', 'ThreeTierSeparation', 'CloudFormation Validate']);
    for (const p of verdict.packs) expect(p.conclusion === 'success' || p.conclusion === 'not-reported').toBe(true);
    const md = fs.readFileSync(path.join(clean.dir, 'reports', 'synth-verdict.md'), 'utf8');
    expect(md).toContain('PASS / 合格');
    expect(md).toContain('`cdk synth`');
    expect(md).toMatch(/\| ThreeTierSeparation \| 0\.1\.0 \| closed-telework \|/);
  });
});
