/**
 * Issue 14 §3: every exit code docs/roster.md documents, one case per row of its table, through the
 * command line against the local WorkSpaces server. The table is read from the docs, so a row without a
 * case (or a case the docs do not mention) fails here.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../../lib/cli/main';
import { RunningServer, ServerOptions, TEST_KEY_ARN, TEST_STREAMING_VPCE, hardenedDirectory, seedHardenedDesktop, start } from '../../support/workspaces-api';
import { captureOutput, useTestAwsEnvironment } from '../../support/cli-harness';
import { tempRoot } from '../../support/temp-dirs';

const tmp = tempRoot('exit-codes-');

const LGWAN = 'd-1111111111';
const INTERNET = 'd-2222222222';
useTestAwsEnvironment();
const captured = captureOutput();

interface ExitCase {
  command: 'roster plan' | 'roster apply' | 'audit';
  code: number;
  /** The "when" cell of the docs row, verbatim. */
  when: string;
  server?: ServerOptions;
  seed?: (api: RunningServer) => void;
  roster?: string;
  args?: (dir: string) => string[];
  /** Expected on stdout or stderr. */
  says: RegExp;
  /** What the API may have received: nothing at all, or reads only. */
  calls?: 'none' | 'reads-only';
  /** Called on every API request; may interrupt the run. */
  onRequest?: (op: string, n: number, api: RunningServer) => void;
  closedEndpoint?: boolean;
}

const OK_ROSTER = 'user,tier,size\ntanaka,lgwan,STANDARD\n';
const interrupt = () => process.emit('SIGINT', 'SIGINT');

const CASES: ExitCase[] = [
  { command: 'roster plan', code: 0, when: 'the plan was printed', says: /1 to create/ },
  { command: 'roster plan', code: 2, when: 'invalid input: roster, options or encoding (no API call)', roster: 'user,tier,size\n田中,lgwan,STANDARD\n', says: /line 2 \(2 行目\), user/, calls: 'none' },
  { command: 'roster plan', code: 2, when: 'the account could not be read', closedEndpoint: true, args: () => ['--max-attempts', '1'], says: /ECONNREFUSED|connect/ },
  { command: 'roster plan', code: 130, when: 'interrupted (Ctrl-C; 143 for SIGTERM)', onRequest: (op, n) => op === 'DescribeWorkspaces' && n === 1 && interrupt(), says: /interrupted \/ 中断しました/ },

  { command: 'roster apply', code: 0, when: 'everything on the roster is in place, and a listing after the run shows nobody with two WorkSpaces', says: /complete \(完了\): 1 created/ },
  {
    command: 'roster apply', code: 1, when: 'some changes failed, others succeeded',
    roster: 'user,tier,bundle\ntanaka,lgwan,wsb-stand0001\nsato,lgwan,wsb-missing01\n', says: /PARTIAL.*1 created.*1 failed/,
  },
  {
    command: 'roster apply', code: 1, when: 'a bundle change: a person migrates the WorkSpace or corrects the roster',
    seed: (api) => seedHardenedDesktop(api, LGWAN, 'tanaka', 'lgwan'), roster: 'user,tier,bundle\ntanaka,lgwan,wsb-value0001\n',
    says: /needs-person .*bundle wsb-stand0001 → wsb-value0001 is not changed by this tool: migrate the WorkSpace/,
  },
  {
    command: 'roster apply', code: 1, when: 'desktops accepted but not AVAILABLE by --wait-timeout (they exist and are never created again; run apply later)',
    server: { provisionDelayMs: 60_000 }, args: () => ['--wait-timeout', '0.3'], says: /unconfirmed .*accepted by AWS but not AVAILABLE after 0 s/,
  },
  {
    command: 'roster apply', code: 1, when: 'a conflict: a user with two WorkSpaces (also when found after the run) or one in ERROR',
    seed: (api) => { seedHardenedDesktop(api, LGWAN, 'tanaka', 'lgwan'); seedHardenedDesktop(api, LGWAN, 'TANAKA', 'lgwan'); }, says: /conflict .*2 distinct WorkSpaces for one user/,
  },
  { command: 'roster apply', code: 2, when: 'invalid input: roster, options or encoding (no API call)', roster: 'user,tier,size\ntanaka,lgwan,STANDARD,extra\n', says: /in a cell beyond the header/, calls: 'none' },
  { command: 'roster apply', code: 2, when: '--report-json or --state-dir cannot be written (no API call)', args: (dir) => ['--report-json', path.join(dir, 'missing-folder', 'r.json')], says: /--report-json .*cannot be written/, calls: 'none' },
  {
    command: 'roster apply', code: 2, when: "another apply holds a directory's lock (no API call)",
    args: (dir) => {
      const lock = path.join(dir, 'state', 'apply-journals', 'ap-northeast-1', `${LGWAN}.jsonl.lock`);
      fs.mkdirSync(path.dirname(lock), { recursive: true });
      fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), since: '2026-12-06T00:00:00.000Z' }));
      return [];
    },
    says: /別の roster apply が実行中です/, calls: 'none',
  },
  {
    command: 'roster apply', code: 2, when: "--terminate without --yes-terminate equal to the plan's count (nothing applied)",
    seed: (api) => seedHardenedDesktop(api, LGWAN, 'leaver', 'lgwan'), args: () => ['--terminate', '--yes-terminate=2'], says: /does not match the 1/, calls: 'reads-only',
  },
  { command: 'roster apply', code: 2, when: 'the account could not be read before anything was applied', closedEndpoint: true, args: () => ['--max-attempts', '1'], says: /ECONNREFUSED|connect/ },
  {
    command: 'roster apply', code: 3, when: 'total failure: changes were needed and every one failed (nothing in flight)',
    roster: 'user,tier,bundle\ntanaka,lgwan,wsb-missing01\n', says: /FAILED \(失敗\): 0 created/,
  },
  {
    command: 'roster apply', code: 130, when: 'interrupted (Ctrl-C; 143 for SIGTERM); the journal keeps what was in flight',
    server: { provisionDelayMs: 60_000 }, onRequest: (op, _n, api) => op === 'DescribeWorkspaces' && (api.state.calls.get('CreateWorkspaces') ?? 0) > 0 && interrupt(),
    says: /interrupted; nothing further was sent/,
  },

  { command: 'audit', code: 0, when: 'no drift', seed: (api) => seedHardenedDesktop(api, LGWAN, 'tanaka', 'lgwan'), says: /No drift from the hardening baseline/ },
  { command: 'audit', code: 1, when: 'drift found', seed: (api) => (api.state.directories.get(LGWAN)!.WorkspaceAccessProperties.DeviceTypeWeb = 'ALLOW'), says: /WSH-ACCESS-WEB/ },
  { command: 'audit', code: 2, when: 'invalid input (no API call)', args: () => ['--approved-devices', 'Toaster'], says: /unknown device type/, calls: 'none' },
  { command: 'audit', code: 2, when: '--json cannot be written (no API call)', args: (dir) => ['--json', path.join(dir, 'missing-folder', 'a.json')], says: /--json .*cannot be written/, calls: 'none' },
  { command: 'audit', code: 2, when: 'the account could not be read (never "no drift")', closedEndpoint: true, says: /could not read the account, nothing concluded/ },
];

/** The rows of the exit-code table in docs/roster.md: `| command | exit | when |`. */
function documentedRows(): string[] {
  const docs = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'roster.md'), 'utf8');
  const table = docs.slice(docs.indexOf('<!-- exit-codes -->'), docs.indexOf('<!-- /exit-codes -->'));
  return table
    .split('\n')
    .filter((l) => /^\| (roster plan|roster apply|audit) \|/.test(l))
    .map((l) => l.split('|').slice(1, 4).map((c) => c.trim().replace(/^`|`$/g, '')).join(' | '));
}

const key = (c: ExitCase) => `${c.command} | ${c.code} | ${c.when}`;

it('the docs table and these cases are the same list', () => {
  expect(CASES.map(key).sort()).toEqual(documentedRows().sort());
});

describe.each(CASES.map((c) => [key(c), c] as const))('%s', (_name, c) => {
  it('exits with the documented code and says why', async () => {
    const api = await start({ directories: c.command === 'audit' ? [hardenedDirectory(LGWAN)] : [LGWAN, INTERNET], ...c.server });
    const listeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
    try {
      c.seed?.(api);
      const set = api.state.calls.set.bind(api.state.calls);
      api.state.calls.set = (op: string, n: number) => {
        const r = set(op, n);
        c.onRequest?.(op, n, api);
        return r;
      };
      const dir = tmp.dir('exit-codes-');
      const roster = path.join(dir, 'roster.csv');
      fs.writeFileSync(roster, c.roster ?? OK_ROSTER);
      const endpoint = api.endpoint;
      if (c.closedEndpoint) await api.close();
      const argv =
        c.command === 'audit'
          ? ['audit', '--endpoint-url', endpoint, '--directory', `lgwan=${LGWAN}`, '--streaming-endpoint', TEST_STREAMING_VPCE, '--volume-key', TEST_KEY_ARN, '--describe-rate', '1000', '--api-rate', '5000']
          : [
              ...c.command.split(' '), roster, '--endpoint-url', endpoint, '--directory', `lgwan=${LGWAN}`, '--size-bundle', 'STANDARD=wsb-stand0001', '--describe-rate', '500', '--api-rate', '5000', '--create-rate', '100',
              ...(c.command === 'roster apply' ? ['--state-dir', path.join(dir, 'state'), '--poll-interval', '0.02', '--consistency-window', '0.05', '--wait-timeout', '5', '--volume-key', TEST_KEY_ARN] : []),
            ];
      const code = await main(['node', 'closed-telework', ...argv, ...(c.args?.(dir) ?? [])]);
      expect(`${captured.out.join('')}${captured.err.join('')}`).toMatch(c.says);
      expect(code).toBe(c.code);
      if (c.calls === 'none') expect(api.log).toEqual([]);
      if (c.calls === 'reads-only') expect(api.log.filter((op) => !op.startsWith('Describe') && op !== 'GetResources')).toEqual([]);
    } finally {
      // An interrupted run keeps its signal listener until the process exits (see roster-command): drop it here.
      for (const sig of ['SIGINT', 'SIGTERM'] as const) {
        for (const l of process.listeners(sig)) if (!listeners[sig].includes(l)) process.removeListener(sig, l);
      }
      await api.close().catch(() => undefined);
    }
  });
});
