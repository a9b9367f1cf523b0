/**
 * Which command produced a verdict or a report, for the record (reports/synth-verdict.*, the report header): the CDK CLI command the user
 * typed (found by walking up the process tree on Linux, where the CLI is the app's ancestor), the CLI
 * version (the CLI passes it in CDK_CLI_VERSION), the app's own command line, and the versions of the
 * npm packages that ship the packs.
 *
 * Best effort by nature: what cannot be found is recorded as unknown, never guessed.
 * Pure TypeScript (node only): no aws-cdk-lib import.
 */
import * as fs from 'fs';
import * as path from 'path';

export interface Invocation {
  /** The CDK CLI command line, e.g. `cdk synth --quiet` (`npx cdk synth` when npx started it), when the app was run by the CDK CLI. */
  cdkCommand?: string;
  /** The closed-telework command that ran the CDK CLI, e.g. `closed-telework deploy`. */
  viaCommand?: string;
  /** The CDK CLI version the CLI announced to the app. */
  cdkCliVersion?: string;
  /** How the app process itself was started, as typed: `node -r ./bin/register-ts.js bin/app.ts` (appCommandLine). */
  appCommand: string;
  nodeVersion: string;
  cwd: string;
}

export function describeInvocation(env: NodeJS.ProcessEnv = process.env): Invocation {
  const cdk = findAncestorCommand(CDK_CLI, 'cdk');
  const via = findAncestorCommand(OWN_CLI, 'closed-telework');
  const cdkCommand = cdk ? withLauncher(cdk) : undefined;
  const viaCommand = via ? withLauncher(via) : undefined;
  return {
    ...(cdkCommand ? { cdkCommand } : {}),
    ...(viaCommand ? { viaCommand } : {}),
    ...(env.CDK_CLI_VERSION ? { cdkCliVersion: env.CDK_CLI_VERSION } : {}),
    appCommand: appCommandLine(process.execPath, process.execArgv, process.argv.slice(1), process.cwd()),
    nodeVersion: process.version,
    cwd: process.cwd(),
  };
}

/**
 * How the app process was started, as a person would type it (the CDK CLI runs cdk.json's "app" through a
 * shell): `node -r ./bin/register-ts.js bin/app.ts`. The interpreter as `node` when it is a node binary
 * (its full path otherwise), node's own options as given, and each script or file argument relative to the
 * working directory when it lies inside it, absolute otherwise — never a climb like `../../../usr/bin/node`.
 */
export function appCommandLine(execPath: string, execArgv: readonly string[], args: readonly string[], cwd: string): string {
  const inside = (a: string): string => {
    if (!path.isAbsolute(a)) return a;
    const rel = path.relative(cwd, a);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : a;
  };
  const node = /^node(\.exe)?$/i.test(path.basename(execPath)) ? 'node' : execPath;
  return [node, ...execArgv, ...args.map(inside)].map(quote).join(' ');
}

const CDK_CLI = /(^|[/\\])(aws-cdk[/\\]bin[/\\]cdk(\.js)?|cdk)$/;
const OWN_CLI = /(^|[/\\])closed-telework(\.js)?$/;

/** A command found among the ancestors, and the process it was found in. */
interface FoundCommand {
  command: string;
  pid: number;
}

/** Walks up to eight ancestors looking for a command whose script (argv 0 or 1) matches `script`. */
function findAncestorCommand(script: RegExp, name: string): FoundCommand | undefined {
  let pid = process.ppid;
  for (let depth = 0; depth < 8 && pid > 1; depth++) {
    const argv = readCmdline(pid);
    if (!argv) return undefined;
    const index = argv.findIndex((a, i) => i <= 1 && script.test(a));
    if (index >= 0) return { command: [name, ...argv.slice(index + 1)].map(quote).join(' '), pid };
    pid = parentOf(pid) ?? 0;
  }
  return undefined;
}

/**
 * The command as the user typed it: `npx cdk synth` when npx started the CLI. npx is `npm exec`, and npm
 * renames its process to `npm exec <command…>` (that is what /proc shows for both spellings), so a parent or
 * grandparent whose command line is exactly `npm exec` + this command means it was run through npx.
 */
export function withLauncher(found: FoundCommand, cmdlineOf: (pid: number) => string[] | undefined = readCmdline, parent: (pid: number) => number | undefined = parentOf): string {
  let pid = parent(found.pid);
  for (let depth = 0; depth < 3 && pid !== undefined && pid > 1; depth++) {
    const line = (cmdlineOf(pid) ?? []).join(' ');
    if (line === `npm exec ${found.command}`) return `npx ${found.command}`;
    pid = parent(pid);
  }
  return found.command;
}

function readCmdline(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter((a) => a.length > 0);
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …" — comm may contain spaces and parentheses.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

/** The version of an installed npm package, read from its package.json (undefined when not installed). */
export function packageVersion(name: string, from: string = __dirname): string | undefined {
  try {
    // This package itself is not resolvable by name from its own sources: walk up from here instead.
    let dir = name === 'closed-telework' ? from : path.dirname(require.resolve(name, { paths: [from] }));
    for (let i = 0; i < 6; i++) {
      const file = path.join(dir, 'package.json');
      if (fs.existsSync(file)) {
        const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version;
      }
      dir = path.dirname(dir);
    }
  } catch {
    // not installed: unknown
  }
  return undefined;
}
