/**
 * The e2e tests run the real `cdk` CLI the way a user does — `npx cdk synth` in a project directory whose
 * cdk.json says how to run the app — but in a temporary copy of the project, so they never write into
 * the repository's cdk.out/ or reports/ while other tests or a developer use them. The copy holds the app
 * sources (bin, lib, policies), cdk.json, tsconfig and package.json exactly as in the repository, plus
 * node_modules as a symlink.
 *
 * A broken copy gets ONE line added to its bin/app.ts just before the gate (`synthOrRefuse(app)`): a call
 * to test/e2e/fixtures/crossing-additions.ts, which joins two tiers in the way the test names.
 */
import { spawn } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const COPIED = ['bin', 'lib', 'policies', 'cdk.json', 'tsconfig.json', 'package.json', path.join('test', 'e2e', 'fixtures')];
/** The line of bin/app.ts the crossing is added before. */
export const GATE_CALL = /^(\s*)synthOrRefuse\(app\);/m;

export interface ProjectCopy {
  dir: string;
  remove(): void;
}

export function copyProject(prefix: string, crossing?: string): ProjectCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `ct-e2e-${prefix}-`));
  for (const entry of COPIED) {
    fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  if (crossing) {
    const appFile = path.join(dir, 'bin', 'app.ts');
    const source = fs.readFileSync(appFile, 'utf8');
    if (!GATE_CALL.test(source)) throw new Error('bin/app.ts no longer ends with synthOrRefuse(app): update test/e2e/support/project-copy.ts');
    fs.writeFileSync(
      appFile,
      source.replace(GATE_CALL, (line, indent: string) => `${indent}require('../test/e2e/fixtures/crossing-additions').addCrossing(app, ${JSON.stringify(crossing)});\n${line}`),
    );
  }
  return {
    dir,
    remove: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(npxCacheEntry(dir), { recursive: true, force: true });
    },
  };
}

/**
 * Where `npx closed-telework` in a copy installed it: npm (libnpmexec) installs a project that has a bin of
 * that name into its npx cache under the first 16 hex digits of the SHA-512 of the project's directory — one
 * entry per copy, which nothing else would ever remove.
 */
function npxCacheEntry(dir: string): string {
  const npmCache = process.env.npm_config_cache ?? path.join(os.homedir(), '.npm');
  return path.join(npmCache, '_npx', createHash('sha512').update(dir).digest('hex').slice(0, 16));
}

export interface CliRun {
  command: string;
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as a user sees them. */
  output: string;
}

/** The environment every CLI run gets: no version check, no notices; never the developer's AWS profile. */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CDK_DISABLE_VERSION_CHECK: '1', FORCE_COLOR: '0', NO_COLOR: '1', CI: 'true' };
  for (const key of Object.keys(env)) if (key.startsWith('AWS_') || key === 'CDK_DEFAULT_ACCOUNT' || key === 'CDK_DEFAULT_REGION') delete env[key];
  delete env.NODE_ENV; // jest sets "test", which makes the CDK throw in-process instead of reporting like a CLI run
  // No shared credentials or config file of the developer's either (these paths do not exist).
  const none = path.join(os.tmpdir(), 'closed-telework-e2e-no-aws');
  return { ...env, AWS_EC2_METADATA_DISABLED: 'true', AWS_SHARED_CREDENTIALS_FILE: path.join(none, 'credentials'), AWS_CONFIG_FILE: path.join(none, 'config'), ...extra };
}

/** Runs `npx <args>` in `dir` and waits (several can run side by side: each is its own process). */
function npx(dir: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', args, { cwd: dir, env: cliEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), (output += d.toString())));
    child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), (output += d.toString())));
    child.on('error', reject);
    child.on('close', (status) => resolve({ command: `npx ${args.join(' ')}`, status, stdout, stderr, output }));
  });
}

/** `npx cdk <args>` in `dir`: the CDK CLI from the lockfile, reading the copy's cdk.json. */
export function npxCdk(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return npx(dir, ['cdk', ...args], env);
}

/** Runs the tasks at most `limit` at a time (each CLI run synthesises the whole app: the machine's cores are few). */
export async function runLimited<T>(tasks: Array<() => Promise<T>>, limit = 2): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** `npx closed-telework <args>` in `dir` (the copy's own bin/closed-telework.js, as `npx` finds it in the repository). */
export function npxClosedTelework(dir: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return npx(dir, ['closed-telework', ...args], env);
}
