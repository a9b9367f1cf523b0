/**
 * Where a test run's temporary files go, and what may be left there. Every `jest` run gets its own directory
 * in the machine's temporary directory (global-setup.ts), each worker a folder inside it, and TMPDIR points
 * there (environment.ts) — for the tests, for the libraries they call (aws-cdk-lib's scratch assemblies),
 * and for every process they start (the CDK CLI, npx, node), which inherit it. After each test file the
 * worker's folder is emptied and anything unexpected fails that file; after the run the directory is
 * removed (global-teardown.ts). So a run leaves nothing behind, and a test that forgets to clean up is named.
 */
import * as fs from 'fs';
import * as path from 'path';

/** A run's directory: `<tmp>/closed-telework-jest-<pid of the jest process>-XXXXXX`. */
export const RUN_PREFIX = 'closed-telework-jest-';
/** The run's directory, for the workers (set by global-setup.ts). */
export const RUN_DIR_ENV = 'CLOSED_TELEWORK_TEST_RUN_DIR';

/**
 * What code under test leaves in the temporary directory by design, removed after each file without
 * complaint. Anything else a test file leaves behind is its own leak.
 */
export const EXPECTED_LEFTOVERS: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /^cdk\.out/, why: "aws-cdk-lib's scratch cloud assembly of an App made without an outdir (the CDK never removes it)" },
  {
    pattern: /^closed-telework-(directory-settings|ad-connector)-[0-9a-f]{16}$/,
    why: 'a custom-resource handler transpiled for its asset, kept by content for the next synth (lib/desktops/custom-resource/handler-asset.ts)',
  },
];

/** The folder of one jest worker inside the run's directory. */
export function workerDir(runDir: string, workerId: string | undefined): string {
  return path.join(runDir, `worker-${workerId ?? '1'}`);
}

/** Removes `dir`'s entries; returns the names of those no rule above expects. */
export function emptyDir(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const unexpected = names.filter((n) => !EXPECTED_LEFTOVERS.some((e) => e.pattern.test(n)));
  for (const n of names) fs.rmSync(path.join(dir, n), { recursive: true, force: true });
  return unexpected.sort();
}

/** True when a process with this id is running (then its run's directory is in use). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
