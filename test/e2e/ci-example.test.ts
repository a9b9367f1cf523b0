/**
 * docs/ci-example.md's workflow, run as the runner would run it: the YAML is read from the doc itself, and
 * every `run:` step after `npm ci` / `npm test` (which are this suite) is executed with bash -eo pipefail in
 * a copy of the project, with the job's environment, the steps' `if:` conditions and `$GITHUB_OUTPUT`.
 * Once with the issue's crossing (an LGWAN ↔ internet peering in a second stack): the synth step fails, the
 * `if: always()` steps still leave SARIF, JUnit and the reviewer's report, and the job fails. Once clean:
 * every step passes. This is also the e2e test of `npx cdk synth --quiet`. The README's CI excerpt must use
 * only commands of this workflow.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { cliEnv, copyProject, ROOT, runLimited, type ProjectCopy } from './support/project-copy';

jest.setTimeout(1_800_000);

interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>;
}

function workflowIn(markdown: string): Workflow {
  const block = /```yaml\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!block) throw new Error('no yaml block');
  return parse(block) as Workflow;
}

const doc = workflowIn(fs.readFileSync(path.join(ROOT, 'docs', 'ci-example.md'), 'utf8'));
const job = doc.jobs.prove!;
/** `npm ci` and `npm test` are what runs this test; everything after them runs here. */
const SUITE = ['npm ci', 'npm test'];

interface StepResult {
  step: Step;
  ran: boolean;
  status?: number;
  output: string;
}
interface JobResult {
  steps: StepResult[];
  failed: boolean;
  outputs: Record<string, Record<string, string>>;
}

function bash(dir: string, script: string, env: NodeJS.ProcessEnv): Promise<{ status: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: dir, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? 1, output }));
  });
}

/** The `if:` forms the workflow uses: none (success so far), always(), `&& hashFiles('x') != ''`, `&& steps.<id>.outputs.<k> != '<v>'`. */
function shouldRun(step: Step, dir: string, failed: boolean, outputs: JobResult['outputs']): boolean {
  if (!step.if) return !failed;
  const parts = step.if.split('&&').map((p) => p.trim());
  return parts.every((p) => {
    if (p === 'always()') return true;
    const hash = /^hashFiles\('([^']+)'\) != ''$/.exec(p);
    if (hash) return fs.existsSync(path.join(dir, hash[1]!));
    const out = /^steps\.(\w+)\.outputs\.(\w+) != '([^']*)'$/.exec(p);
    if (out) return outputs[out[1]!]?.[out[2]!] !== out[3];
    throw new Error(`the test does not understand the condition "${p}": extend shouldRun`);
  });
}

async function runJob(copy: ProjectCopy): Promise<JobResult> {
  const steps = job.steps.slice(job.steps.findIndex((s) => s.run === 'npm test') + 1);
  const results: StepResult[] = [];
  const outputs: JobResult['outputs'] = {};
  let failed = false;
  for (const step of steps) {
    if (!shouldRun(step, copy.dir, failed, outputs)) {
      results.push({ step, ran: false, output: '' });
      continue;
    }
    if (step.uses) {
      results.push({ step, ran: true, status: 0, output: '' }); // an action: its input files are asserted below
      continue;
    }
    const outputFile = path.join(copy.dir, `.github-output-${results.length}`);
    fs.writeFileSync(outputFile, '');
    const r = await bash(copy.dir, step.run!, { ...job.env, GITHUB_OUTPUT: outputFile });
    if (step.id) {
      outputs[step.id] = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    }
    results.push({ step, ran: true, status: r.status, output: r.output });
    if (r.status !== 0) failed = true;
  }
  return { steps: results, failed, outputs };
}

let broken: ProjectCopy;
let clean: ProjectCopy;
let brokenJob: JobResult;
let cleanJob: JobResult;

beforeAll(async () => {
  broken = copyProject('ci-broken', 'second-stack');
  clean = copyProject('ci-clean');
  [brokenJob, cleanJob] = await runLimited([() => runJob(broken), () => runJob(clean)]);
});
afterAll(() => {
  broken?.remove();
  clean?.remove();
});

const byName = (j: JobResult, name: string): StepResult => {
  const s = j.steps.find((x) => x.step.name === name || x.step.run?.startsWith(name));
  if (!s) throw new Error(`no step ${name}`);
  return s;
};

describe('docs/ci-example.md', () => {
  it('runs the suite (npm ci, npm test) before the steps this test runs', () => {
    const runs = job.steps.filter((s) => s.run).map((s) => s.run!.trim());
    expect(runs.slice(0, 2)).toEqual(SUITE);
    expect(byName(cleanJob, 'cdk synth (all policy packs)').step.run).toBe('npx cdk synth --quiet');
  });

  it('with a tier crossing: the synth step fails and prints the crossing; verify, the report and SARIF still run; the job fails', () => {
    const synth = byName(brokenJob, 'cdk synth (all policy packs)');
    expect(synth.status).not.toBe(0);
    expect(synth.output).toContain('synthesis REFUSED');
    expect(synth.output).toContain('[TIER-JOIN-PEERING]');
    expect(synth.output).toContain('resource: example-city/Shortcut/Peering');
    expect(brokenJob.outputs.verify).toEqual({ code: '1' });
    expect(fs.readFileSync(path.join(broken.dir, 'verify.sarif'), 'utf8')).toContain('TIER-JOIN-PEERING');
    expect(byName(brokenJob, 'upload SARIF to code scanning').ran).toBe(true);
    expect(byName(brokenJob, 'publish JUnit (tier matrix and findings)').ran).toBe(true);
    expect(byName(brokenJob, 'keep the reviewer\'s report').ran).toBe(true);
    expect(fs.existsSync(path.join(broken.dir, 'reports', 'synth-verdict.md'))).toBe(true);
    const last = byName(brokenJob, 'fail when verify found something');
    expect(last.ran).toBe(true);
    expect(last.status).toBe(1);
    expect(brokenJob.failed).toBe(true);
  });

  it('clean: every step passes, SARIF and JUnit are there, the last step is skipped', () => {
    const ran = cleanJob.steps.filter((s) => s.ran && s.step.run);
    expect(ran.map((s) => [s.step.name ?? s.step.run, s.status])).toEqual(ran.map((s) => [s.step.name ?? s.step.run, 0]));
    expect(cleanJob.outputs.verify).toEqual({ code: '0' });
    expect(JSON.parse(fs.readFileSync(path.join(clean.dir, 'verify.sarif'), 'utf8')).runs[0].results).toEqual([]);
    expect(fs.existsSync(path.join(clean.dir, 'reports', 'tier-separation.junit.xml'))).toBe(true);
    expect(byName(cleanJob, 'fail when verify found something').ran).toBe(false);
    expect(cleanJob.failed).toBe(false);
  });

  it("the README's CI excerpt uses only this workflow's commands", () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const excerpt = workflowIn(readme.slice(readme.indexOf('## Example CI workflow')));
    const docRuns = job.steps.filter((s) => s.run).map((s) => s.run!);
    const excerptRuns = excerpt.jobs.prove!.steps.filter((s) => s.run).map((s) => s.run!.trim());
    expect(excerptRuns.length).toBeGreaterThan(0);
    for (const r of excerptRuns) expect(docRuns.some((d) => d.includes(r))).toBe(true);
    expect(excerpt.jobs.prove!.env).toEqual(job.env);
  });
});
