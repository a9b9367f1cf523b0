import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface AppRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outdir: string;
}

/** cdk.json's context (the feature flags among it), which the CDK CLI hands to every app it runs. */
export function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
}

/**
 * Runs bin/app.ts the way `cdk synth` does (cdk.json's app: bin/register-ts.js, cdk.json's context and
 * feature flags), with context passed through CDK_CONTEXT_JSON and the cloud assembly written to a fresh
 * temporary directory (or to `outdir`, e.g. the same one again, as a repeated `cdk synth` does).
 */
export function runApp(context: Record<string, unknown>, env: NodeJS.ProcessEnv = {}, outdir: string = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-app-'))): AppRun {
  const result = spawnSync(process.execPath, ['-r', './bin/register-ts.js', 'bin/app.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      CDK_OUTDIR: outdir,
      CDK_CONTEXT_JSON: JSON.stringify({ ...cdkJsonContext(), '@aws-cdk/core:validationReportJson': true, ...context }),
      CDK_DISABLE_VERSION_CHECK: '1',
    },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outdir };
}

/** Every file under `dir`, relative. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: false }).map(String);
}

/** Removes a cloud assembly directory and anything a pack wrote beside it (e.g. `<outdir>-reports`). */
export function removeAssembly(outdir: string): void {
  const parent = path.dirname(outdir);
  const base = path.basename(outdir);
  for (const entry of fs.readdirSync(parent)) {
    if (entry === base || entry.startsWith(`${base}-`)) {
      fs.rmSync(path.join(parent, entry), { recursive: true, force: true });
    }
  }
}
