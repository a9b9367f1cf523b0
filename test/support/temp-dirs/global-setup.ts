/**
 * jest globalSetup: the run's own temporary directory (run-directory.ts says why). Also removes the
 * directories of earlier runs that ended without their teardown (killed, timed out) — only those whose jest
 * process is gone, so a run going on beside this one keeps its own.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isRunning, RUN_DIR_ENV, RUN_PREFIX } from './run-directory';

export default function globalSetup(): void {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    const pid = new RegExp(`^${RUN_PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
  const runDir = fs.mkdtempSync(path.join(tmp, `${RUN_PREFIX}${process.pid}-`));
  process.env[RUN_DIR_ENV] = runDir;
  // The run's own processes (jest in band, and every worker it forks after this) use it too.
  for (const v of ['TMPDIR', 'TMP', 'TEMP']) process.env[v] = runDir;
}
