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
  /** The CDK CLI command line, e.g. `cdk synth --quiet`, when the app was run by the CDK CLI. */
  cdkCommand?: string;
  /** The closed-telework command that ran the CDK CLI, e.g. `closed-telework deploy`. */
  viaCommand?: string;
  /** The CDK CLI version the CLI announced to the app. */
  cdkCliVersion?: string;
  /** How the app process itself was started (node + script). */
  appCommand: string;
  nodeVersion: string;
  cwd: string;
}

export function describeInvocation(env: NodeJS.ProcessEnv = process.env): Invocation {
  const cdkCommand = findAncestorCommand(CDK_CLI, 'cdk');
  const viaCommand = findAncestorCommand(OWN_CLI, 'closed-telework');
  return {
    ...(cdkCommand ? { cdkCommand } : {}),
    ...(viaCommand ? { viaCommand } : {}),
    ...(env.CDK_CLI_VERSION ? { cdkCliVersion: env.CDK_CLI_VERSION } : {}),
    appCommand: process.argv.map((a) => path.relative(process.cwd(), a) || a).map(quote).join(' '),
    nodeVersion: process.version,
    cwd: process.cwd(),
  };
}

const CDK_CLI = /(^|[/\\])(aws-cdk[/\\]bin[/\\]cdk(\.js)?|cdk)$/;
const OWN_CLI = /(^|[/\\])closed-telework(\.js)?$/;

/** Walks up to eight ancestors looking for a command whose script (argv 0 or 1) matches `script`. */
function findAncestorCommand(script: RegExp, name: string): string | undefined {
  let pid = process.ppid;
  for (let depth = 0; depth < 8 && pid > 1; depth++) {
    const argv = readCmdline(pid);
    if (!argv) return undefined;
    const index = argv.findIndex((a, i) => i <= 1 && script.test(a));
    if (index >= 0) return [name, ...argv.slice(index + 1)].map(quote).join(' ');
    pid = parentOf(pid) ?? 0;
  }
  return undefined;
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
