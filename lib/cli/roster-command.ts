import type { Command } from 'commander';
import type { ExitCode } from './main';

/** Placeholder until the `roster` command lands: it refuses to run rather than pretend. */
export function registerRosterCommand(program: Command, exit: ExitCode): void {
  program
    .command('roster')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('closed-telework roster: not yet implemented in this version\n');
      exit.code = 2;
    });
}
