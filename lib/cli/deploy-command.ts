/**
 * `closed-telework deploy [stack selectors...] [-c key=value]... [--require-approval LEVEL] [--profile NAME] [--out DIR]`
 *
 * Deploys in two steps so that a broken app never reaches AWS, not even to ask who the caller is:
 *   1. `cdk synth --quiet` with every AWS credential source removed from its environment. The app's synth gate
 *      judges every stack (lib/gate); synthesis needs no account, and without credentials the CDK CLI makes
 *      no AWS call at all (with credentials it asks STS for the caller's account before running the app).
 *   2. only if that passed: `cdk deploy --app <cloud assembly> <selectors>` with the user's own environment,
 *      which deploys exactly the assembly the gate judged (no second synth that could differ from it).
 *
 * `npx cdk deploy '<stage>/*'` is refused by the same gate; the difference is that the CDK CLI first makes one
 * STS GetCallerIdentity call (it reads nothing and changes nothing). docs/synth-gate.md explains both.
 *
 * Exit codes: 0 deployed; 1 the gate refused the app (nothing deployed, no AWS call made); 2 unusable input
 * (bad option, the CDK CLI not installed); 3 the gate passed but `cdk deploy` failed (its message is above).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Command } from 'commander';
import type { ExitCode } from './main';

/** Every stack of every municipality Stage (the CDK CLI's `--all` selects only top-level stacks). */
export const ALL_STACKS = '**';

interface DeployOptions {
  context: string[];
  requireApproval: string;
  profile?: string;
  out: string;
}

/** Environment variables through which the AWS SDK can find credentials; none reaches the gated synth. */
const REGION_VARIABLES = new Set(['AWS_REGION', 'AWS_DEFAULT_REGION']);

/** The environment for step 1: the user's, minus every AWS credential source (keys, profiles, SSO, IMDS, containers). */
export function offlineEnvironment(env: NodeJS.ProcessEnv, emptyDir: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('AWS_') && !REGION_VARIABLES.has(key)) continue;
    if (key === 'CDK_DEFAULT_ACCOUNT') continue;
    out[key] = value;
  }
  return {
    ...out,
    // Shared files that do not exist: no profile, SSO session or credential_process can be found.
    AWS_SHARED_CREDENTIALS_FILE: path.join(emptyDir, 'no-credentials'),
    AWS_CONFIG_FILE: path.join(emptyDir, 'no-config'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** The CDK CLI's entry point, from the project being deployed first, else from this package's dependencies. */
export function findCdkCli(cwd: string): string | undefined {
  for (const from of [cwd, __dirname]) {
    try {
      return require.resolve('aws-cdk/bin/cdk', { paths: [from] });
    } catch {
      // try the next place
    }
  }
  return undefined;
}

export function registerDeployCommand(program: Command, exit: ExitCode): void {
  program
    .command('deploy')
    .description('Synthesise offline through the synth gate, then deploy exactly that cloud assembly with `cdk deploy` (a refused app makes no AWS call).')
    .argument('[stacks...]', `CDK stack selectors (default ${ALL_STACKS}: every stack of every municipality, in dependency order)`)
    .option('-c, --context <key=value>', 'context for the synth, e.g. config=./our-city.yaml (repeatable)', (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option('--require-approval <level>', 'passed to cdk deploy: never, any-change or broadening', 'broadening')
    .option('--profile <name>', 'AWS profile for the deploy step (never used by the synth)')
    .option('--out <dir>', 'cloud assembly directory', 'cdk.out')
    .action((stacks: string[], options: DeployOptions) => {
      exit.code = runDeploy(stacks, options);
    });
}

function runDeploy(stacks: string[], options: DeployOptions): number {
  if (!['never', 'any-change', 'broadening'].includes(options.requireApproval)) {
    process.stderr.write(`--require-approval ${options.requireApproval}: expected never, any-change or broadening. / --require-approval には never・any-change・broadening のいずれかを指定してください。\n`);
    return 2;
  }
  const bad = options.context.filter((c) => !/^[^=]+=/.test(c));
  if (bad.length > 0) {
    process.stderr.write(`-c ${bad[0]}: expected key=value, e.g. -c config=./our-city.yaml. / -c には key=value の形で指定してください。\n`);
    return 2;
  }
  const cli = findCdkCli(process.cwd());
  if (!cli) {
    process.stderr.write('The AWS CDK CLI (npm package aws-cdk) is not installed in this project: run npm ci. / AWS CDK CLI（aws-cdk）が見つかりません。npm ci を実行してください。\n');
    return 2;
  }
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'closed-telework-offline-'));
  try {
    process.stderr.write('closed-telework deploy: 1/2 gated synth, offline (no AWS credentials) / 合成ゲート（AWS 認証情報なし）\n');
    const synth = spawnSync(process.execPath, [cli, 'synth', '--quiet', '--output', options.out, ...options.context.flatMap((c) => ['-c', c])], {
      stdio: 'inherit',
      env: offlineEnvironment(process.env, emptyDir),
    });
    if (synth.status !== 0) {
      process.stderr.write(
        'closed-telework deploy: the synth gate refused the app (see above). Nothing was deployed and no AWS call was made.\n' +
          'closed-telework deploy: 合成ゲートで不合格となりました（上記参照）。何もデプロイしておらず、AWS への通信も行っていません。\n',
      );
      return 1;
    }
  } finally {
    fs.rmSync(emptyDir, { recursive: true, force: true });
  }
  const selectors = stacks.length > 0 ? stacks : [ALL_STACKS];
  process.stderr.write(`closed-telework deploy: 2/2 cdk deploy --app ${options.out} ${selectors.join(' ')} / 判定済みのアセンブリをデプロイします\n`);
  const deploy = spawnSync(
    process.execPath,
    [cli, 'deploy', '--app', options.out, ...selectors, '--require-approval', options.requireApproval, ...(options.profile ? ['--profile', options.profile] : [])],
    { stdio: 'inherit', env: process.env },
  );
  return deploy.status === 0 ? 0 : 3;
}
