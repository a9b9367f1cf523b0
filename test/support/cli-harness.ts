/**
 * Shared set-up for tests that run a `closed-telework` sub-command in-process against the local
 * WorkSpaces server: credentials and Region come from the environment, as in CI (the standard AWS chain),
 * and everything the command prints is captured.
 */

/** Feeds the standard AWS chain test credentials for the file's tests, and restores the environment after. */
export function useTestAwsEnvironment(): void {
  const saved = { ...process.env };
  beforeAll(() =>
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'ap-northeast-1',
      AWS_EC2_METADATA_DISABLED: 'true',
    }),
  );
  afterAll(() => {
    process.env = saved;
  });
}

/** What a command wrote to stdout and stderr in the current test (emptied before each test). */
export interface CapturedOutput {
  out: string[];
  err: string[];
}

export function captureOutput(): CapturedOutput {
  const captured: CapturedOutput = { out: [], err: [] };
  beforeEach(() => {
    captured.out.length = 0;
    captured.err.length = 0;
    jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (captured.out.push(String(s)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (captured.err.push(String(s)), true));
  });
  afterEach(() => jest.restoreAllMocks());
  return captured;
}
