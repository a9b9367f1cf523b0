/**
 * Where `roster apply` keeps its journal and lock: keyed by what is provisioned — the Region and the
 * WorkSpaces directory — never by the roster's file name.
 *
 * Why: after an interrupted run, staff fix the roster in Excel and save it as a new file
 * (名簿_0402.csv → 名簿_0402_修正.csv), or copy it to another folder. A journal named after the roster is
 * then not found, and every user whose CreateWorkspaces was in flight gets a second WorkSpace. The
 * directory is what a duplicate is created in, so that is what the journal and the lock belong to.
 *
 * The account id is deliberately not part of the key: learning it needs an extra API (STS) and the
 * credential source can change between runs (environment vs SSO profile), which would make the key
 * unstable — exactly the failure this avoids. WorkSpaces directory ids (d-…) are assigned by AWS and do
 * not repeat within a Region, so Region + directory already names one directory.
 *
 * Default state directory (override with --state-dir): $CLOSED_TELEWORK_STATE_DIR, else
 * %LOCALAPPDATA%\closed-telework on Windows, else $XDG_STATE_HOME/closed-telework, else
 * ~/.local/state/closed-telework. In CI, put it on storage that survives the job if a job can be killed.
 */
import * as os from 'os';
import * as path from 'path';

export function defaultStateDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.CLOSED_TELEWORK_STATE_DIR) return env.CLOSED_TELEWORK_STATE_DIR;
  if (platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'closed-telework');
  if (env.XDG_STATE_HOME) return path.join(env.XDG_STATE_HOME, 'closed-telework');
  return path.join(home, '.local', 'state', 'closed-telework');
}

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** `<stateDir>/apply-journals/<region>/<directoryId>.jsonl` (its lock: the same path + `.lock`). */
export function journalPathFor(stateDir: string, region: string, directoryId: string): string {
  for (const [what, v] of [['Region', region], ['directory id', directoryId]] as const) {
    // Both come from validated input, but they become path segments: never let one climb out.
    if (!SAFE_SEGMENT.test(v) || v.includes('..')) throw new Error(`cannot key the apply journal by ${what} "${v}"`);
  }
  return path.join(stateDir, 'apply-journals', region, `${directoryId}.jsonl`);
}
