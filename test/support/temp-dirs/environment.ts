/**
 * The tests' environment: jest's node environment with TMPDIR set to this worker's folder of the run's
 * temporary directory (run-directory.ts), and a check after each test file: whatever the file left there
 * is removed, and anything but what the code under test leaves by design (EXPECTED_LEFTOVERS) fails the
 * file, naming it — a test removes what it makes (see ./index.ts).
 */
import * as fs from 'fs';
import NodeEnvironment from 'jest-environment-node';
import { emptyDir, RUN_DIR_ENV, workerDir } from './run-directory';

export default class TempDirEnvironment extends NodeEnvironment {
  private readonly dir: string | undefined;
  private readonly testPath: string;

  constructor(...[config, context]: ConstructorParameters<typeof NodeEnvironment>) {
    // Set before the node environment copies process.env into the test's `process`: the tests' own
    // `{ ...process.env }` for the processes they start carries it too.
    const runDir = process.env[RUN_DIR_ENV];
    const dir = runDir ? workerDir(runDir, process.env.JEST_WORKER_ID) : undefined;
    if (dir) {
      fs.mkdirSync(dir, { recursive: true });
      for (const v of ['TMPDIR', 'TMP', 'TEMP']) process.env[v] = dir;
    }
    super(config, context);
    this.dir = dir;
    this.testPath = context.testPath;
  }

  public override async teardown(): Promise<void> {
    await super.teardown();
    if (this.dir === undefined) return;
    const left = emptyDir(this.dir);
    if (left.length > 0) {
      const shown = left.slice(0, 10).join(', ') + (left.length > 10 ? `, … (${left.length} in all)` : '');
      throw new Error(`${this.testPath} left temporary files behind: ${shown}. Remove what a test makes (test/support/temp-dirs: tempRoot).`);
    }
  }
}
