/**
 * The `closed-telework` command line: one sub-command per file in this folder, each owning its options.
 * Exit codes are each command's own (documented in the README); 2 always means unusable input.
 */
import { Command, CommanderError } from 'commander';

/** The exit code a command asks for; set by the command's action. */
export interface ExitCode {
  code: number;
}

type Register = (program: Command, exit: ExitCode) => void;

/**
 * Each sub-command's module, loaded only when that command runs (all of them for help or an unknown
 * command): `verify` is called many times a day and never needs the AWS SDK, the roster's CSV stack or
 * the cost workbook, which together took most of its start-up.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const COMMANDS: Record<string, () => Register> = {
  verify: () => (require('./verify-command') as typeof import('./verify-command')).registerVerifyCommand,
  report: () => (require('./report-command') as typeof import('./report-command')).registerReportCommand,
  roster: () => (require('./roster-command') as typeof import('./roster-command')).registerRosterCommand,
  audit: () => (require('./audit-command') as typeof import('./audit-command')).registerAuditCommand,
  cost: () => (require('./cost-command') as typeof import('./cost-command')).registerCostCommand,
  snapshot: () => (require('./snapshot-command') as typeof import('./snapshot-command')).registerSnapshotCommand,
  deploy: () => (require('./deploy-command') as typeof import('./deploy-command')).registerDeployCommand,
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The program with every sub-command, or only `only` when it names one. */
export function buildProgram(exit: ExitCode, only?: string): Command {
  const program = new Command('closed-telework')
    .description('Build and prove a closed-network telework environment for Japanese municipalities (三層分離).')
    .exitOverride()
    .showHelpAfterError();
  const names = only !== undefined && Object.hasOwn(COMMANDS, only) ? [only] : Object.keys(COMMANDS);
  for (const name of names) COMMANDS[name]!()(program, exit);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const exit: ExitCode = { code: 0 };
  const program = buildProgram(exit, argv[2]);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; usage errors are unusable input.
      return err.exitCode === 0 ? 0 : 2;
    }
    throw err;
  }
  return exit.code;
}
