import type { Command } from 'commander';
import type { ExitCode } from './main';

/** Placeholder until the `audit` command lands: it refuses to run rather than pretend. */
export function registerAuditCommand(program: Command, exit: ExitCode): void {
  program
    .command('audit')
    .description('(not yet available)')
    .allowUnknownOption()
    .action(() => {
      process.stderr.write('closed-telework audit: not yet implemented in this version\n');
      exit.code = 2;
    });
}
