/**
 * The `closed-telework` command line: one sub-command per file in this folder, each owning its options.
 * Exit codes are each command's own (documented in the README); 2 always means unusable input.
 */
import { Command, CommanderError } from 'commander';
import { registerAuditCommand } from './audit-command';
import { registerCostCommand } from './cost-command';
import { registerReportCommand } from './report-command';
import { registerRosterCommand } from './roster-command';
import { registerSnapshotCommand } from './snapshot-command';
import { registerVerifyCommand } from './verify-command';

/** The exit code a command asks for; set by the command's action. */
export interface ExitCode {
  code: number;
}

export function buildProgram(exit: ExitCode): Command {
  const program = new Command('closed-telework')
    .description('Build and prove a closed-network telework environment for Japanese municipalities (三層分離).')
    .exitOverride()
    .showHelpAfterError();
  registerVerifyCommand(program, exit);
  registerReportCommand(program, exit);
  registerRosterCommand(program, exit);
  registerAuditCommand(program, exit);
  registerCostCommand(program, exit);
  registerSnapshotCommand(program, exit);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const exit: ExitCode = { code: 0 };
  const program = buildProgram(exit);
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
