/** jest globalTeardown: the run's temporary directory removed (each file's leftovers were judged after that file). */
import * as fs from 'fs';
import { RUN_DIR_ENV } from './run-directory';

export default function globalTeardown(): void {
  const runDir = process.env[RUN_DIR_ENV];
  if (runDir) fs.rmSync(runDir, { recursive: true, force: true });
}
