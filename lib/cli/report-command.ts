import type { Command } from 'commander';
import type { ExitCode } from './main';

/** Placeholder until the `report` command lands: it refuses to run rather than pretend. */
export function registerReportCommand(program: Command, exit: ExitCode): void {
  program
    .command('report')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('closed-telework report: not yet implemented in this version\n');
      exit.code = 2;
    });
}
