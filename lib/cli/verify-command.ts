import type { Command } from 'commander';
import type { ExitCode } from './main';

/** Placeholder until the `verify` command lands: it refuses to run rather than pretend. */
export function registerVerifyCommand(program: Command, exit: ExitCode): void {
  program
    .command('verify')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('closed-telework verify: not yet implemented in this version\n');
      exit.code = 2;
    });
}
