/**
 * A tier crossing added to bin/app.ts stops EVERY command a user types, run by the real CDK CLI on a copy of
 * the project: synth with and without a selector, diff, deploy (the CDK's own and the README's
 * `closed-telework deploy`), and commands on the refused cloud assembly with `--app cdk.out`.
 * Each run adds the crossing in one of the four ways (a second stack in the Stage, a nested stack, an
 * escape-hatch override "acknowledged", a stack of the user's own outside the Stage), so the ways and the
 * command forms are covered with as few synths as the assertions need. `cdk synth --quiet` (the CI
 * example's step) is run by test/e2e/ci-example.test.ts.
 *
 * Deploys point every AWS call at a local endpoint that counts requests (dummy credentials,
 * AWS_ENDPOINT_URL): `closed-telework deploy` of a broken app sends none at all; the CDK CLI's own
 * commands send only the STS GetCallerIdentity it makes before running any app — never a CloudFormation,
 * S3 or SSM call.
 */
import * as fs from 'fs';
import * as path from 'path';
import { startCountingEndpoint, dummyAwsEnvironment, type CountingEndpoint, type RecordedRequest } from '../support/counting-aws-endpoint';
import { copyProject, npxCdk, npxClosedTelework, runLimited, type CliRun, type ProjectCopy } from './support/project-copy';

jest.setTimeout(1_800_000);

interface Case {
  /** How the crossing is added (test/e2e/fixtures/crossing-additions.ts). */
  way: string;
  run: (dir: string, env: NodeJS.ProcessEnv) => Promise<CliRun>;
  /** Send AWS calls to a counting local endpoint (dummy credentials). */
  endpoint?: boolean;
}
interface Outcome {
  copy: ProjectCopy;
  run: CliRun;
  requests: RecordedRequest[];
}

const endpoints: CountingEndpoint[] = [];
async function withEndpoint(use: boolean, go: (env: NodeJS.ProcessEnv) => Promise<CliRun>): Promise<{ run: CliRun; requests: RecordedRequest[] }> {
  if (!use) return { run: await go({}), requests: [] };
  const endpoint = await startCountingEndpoint();
  endpoints.push(endpoint);
  const run = await go(dummyAwsEnvironment(endpoint.endpoint));
  return { run, requests: [...endpoint.requests] };
}

const CASES: Record<string, Case> = {
  'synth': { way: 'second-stack', run: (d) => npxCdk(d, ['synth']) },
  "synth 'example-city/*'": { way: 'escape-hatch', run: (d) => npxCdk(d, ['synth', 'example-city/*']) },
  'synth example-city/Network-lgwan': { way: 'nested-stack', run: (d) => npxCdk(d, ['synth', 'example-city/Network-lgwan']) },
  'synth example-city/Audit': { way: 'outside-stage', run: (d) => npxCdk(d, ['synth', 'example-city/Audit']) },
  'diff': { way: 'second-stack', run: (d) => npxCdk(d, ['diff']) },
  'deploy --all': { way: 'second-stack', endpoint: true, run: (d, e) => npxCdk(d, ['deploy', '--all', '--require-approval', 'never'], e) },
  "deploy 'example-city/*'": { way: 'second-stack', endpoint: true, run: (d, e) => npxCdk(d, ['deploy', 'example-city/*', '--require-approval', 'never'], e) },
  'closed-telework deploy': { way: 'second-stack', endpoint: true, run: (d, e) => npxClosedTelework(d, ['deploy', '--require-approval', 'never'], e) },
};

const outcomes: Record<string, Outcome> = {};
let fromAssembly: Record<string, { run: CliRun; requests: RecordedRequest[] }> = {};

beforeAll(async () => {
  await runLimited(
    Object.entries(CASES).map(([name, c]) => async () => {
      const copy = copyProject(name.replace(/[^a-z]+/gi, '-'), c.way);
      const { run, requests } = await withEndpoint(c.endpoint === true, (env) => c.run(copy.dir, env));
      outcomes[name] = { copy, run, requests };
    }),
  );
  // The refused assembly `cdk synth` left behind, used directly with --app (no app run, so no gate run).
  const dir = outcomes.synth!.copy.dir;
  const deploy = await withEndpoint(true, (env) => npxCdk(dir, ['deploy', '--app', 'cdk.out', 'example-city/*', '--require-approval', 'never'], env));
  const synth = await withEndpoint(false, (env) => npxCdk(dir, ['synth', '--app', 'cdk.out', 'example-city/Audit'], env));
  fromAssembly = { deploy, synth };
});

afterAll(async () => {
  for (const e of endpoints) await e.close();
  for (const o of Object.values(outcomes)) o.copy.remove();
});

const onlyCallerIdentity = (requests: RecordedRequest[]): string[] => requests.map((r) => r.action ?? `${r.method} ${r.path}`).filter((a) => a !== 'GetCallerIdentity');

describe.each(Object.keys(CASES))('npx %s with a tier crossing', (name) => {
  it('exits non-zero, prints the refusal with the crossing, and never offers to acknowledge it', () => {
    const { run } = outcomes[name]!;
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('synthesis REFUSED');
    expect(run.output).toContain('Tier crossings / 系をまたぐ経路');
    expect(run.output).toMatch(/resource: example-city\/|resource: OurExtras\//);
    expect(run.output).not.toMatch(/Acknowledge with '?ThreeTierSeparation::/);
    expect(run.output).not.toContain('Successfully synthesized');
    expect(run.output).not.toMatch(/Deployment time|✅/);
  });
});

describe('what each way of adding a crossing prints', () => {
  it('a second stack in the Stage: the LGWAN ↔ internet peering, its tiers and construct path', () => {
    const out = outcomes.synth!.run.output;
    expect(out).toContain('[TIER-JOIN-PEERING]');
    expect(out).toContain('LGWAN tier → Internet tier');
    expect(out).toMatch(/resource: example-city\/Shortcut\/Peering \(assembly-example-city\/examplecityShortcut[0-9A-F]+\.template\.json, logical id Peering\)/);
    expect(out).toMatch(/\[TIER-CROSSING\]\n\s+LGWAN tier reaches Internet tier/);
  });

  it('an escape-hatch override "acknowledged": the telework entry into the personal-number tier, and the refused acknowledgement', () => {
    const out = outcomes["synth 'example-city/*'"]!.run.output;
    expect(out).toContain('[TELEWORK-ENTRY-PERSONAL-NUMBER]');
    expect(out).toContain('[TIER-ACK-REFUSED]');
    expect(out).toMatch(/resource: example-city\/Telework-lgwan\/ClientVpn/);
  });

  it('a nested stack: the peering named by its path inside the nested stack', () => {
    expect(outcomes['synth example-city/Network-lgwan']!.run.output).toContain('resource: example-city/Network-lgwan/Links/Peering');
  });

  it('a stack of the user\'s own outside the Stage, while only an unrelated stack of the Stage is selected', () => {
    const out = outcomes['synth example-city/Audit']!.run.output;
    expect(out).toContain('[TIER-JOIN-PEERING]');
    expect(out).toContain('resource: OurExtras/Peering');
  });
});

describe('deploying a broken app', () => {
  it('closed-telework deploy (the README\'s deploy command) sends ZERO requests to AWS', () => {
    const o = outcomes['closed-telework deploy']!;
    expect(o.run.status).toBe(1);
    expect(o.run.output).toContain('Nothing was deployed and no AWS call was made');
    expect(o.requests).toEqual([]);
  });

  it.each(["deploy 'example-city/*'", 'deploy --all'])('npx cdk %s: refused by the gate; the only AWS call is the CLI\'s own STS GetCallerIdentity', (name) => {
    expect(onlyCallerIdentity(outcomes[name]!.requests)).toEqual([]);
  });

  it('records the refusal and the command in reports/synth-verdict.json', () => {
    const verdict = JSON.parse(fs.readFileSync(path.join(outcomes['closed-telework deploy']!.copy.dir, 'reports', 'synth-verdict.json'), 'utf8'));
    expect(verdict.verdict).toBe('refused');
    expect(verdict.invocation.cdkCommand).toBe('cdk synth --quiet --output cdk.out');
    expect(verdict.invocation.viaCommand).toBe('npx closed-telework deploy --require-approval never');
    expect(verdict.blocking.filter((b: { crossing: boolean }) => b.crossing).map((b: { rule: string }) => b.rule)).toContain('TIER-JOIN-PEERING');
  });
});

describe('the refused cloud assembly, used with --app cdk.out (the app does not run)', () => {
  it('cdk deploy --app cdk.out refuses every stack as marked by the gate; no CloudFormation call', () => {
    const { run, requests } = fromAssembly.deploy!;
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('REFUSED by the closed-telework synth gate');
    expect(onlyCallerIdentity(requests)).toEqual([]);
  });

  it('cdk synth --app cdk.out of a stack the crossing does not touch is refused too', () => {
    const { run } = fromAssembly.synth!;
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('REFUSED by the closed-telework synth gate');
  });
});
