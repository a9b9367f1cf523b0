/**
 * `closed-telework snapshot --out DIR [--profile NAME]… [--region R]… [--endpoint-url URL]`
 * Collects the live network state of every profile (account) × Region into DIR, in the layout and
 * shapes `verify --snapshot DIR` reads (aws_configs/<account>/<region>/*.json, as the AWS CLI writes them).
 * Exit 0: written; 2: unusable input or a failed AWS call (the message names the call and the IAM action).
 */
import type { Command } from 'commander';
import { EC2Client } from '@aws-sdk/client-ec2';
import type { ExitCode } from './main';
import { CollectError, collectSnapshot, type CollectTarget } from '../snapshot/collect/collect-snapshot';
import { collect } from '../roster/cli-options';

export function registerSnapshotCommand(program: Command, exit: ExitCode): void {
  program
    .command('snapshot')
    .description('Collect the live network state (EC2, Network Firewall, WorkSpaces, Directory Service) for verify --snapshot (稼働環境のスナップショット取得).')
    .requiredOption('--out <dir>', 'a new folder to write aws_configs/<account>/<region>/*.json into')
    .option('--profile <name>', 'AWS profile (an account); repeat for several accounts (default: the standard credential chain)', collect, [])
    .option('--region <region>', 'AWS Region; repeat for several (default: the profile\'s / AWS_REGION)', collect, [])
    .option('--endpoint-url <url>', 'send every API call to this endpoint (as in the AWS CLI)')
    .addHelpText('after', '\nNeeds read-only access (the AWS managed policy ReadOnlyAccess is enough). Then: closed-telework verify --snapshot DIR [--against cdk.out]\nRunbook and the equivalent AWS CLI script: docs/post-deploy.md')
    .action(async (opts: { out: string; profile: string[]; region: string[]; endpointUrl?: string }) => {
      try {
        const profiles = opts.profile.length ? opts.profile : [undefined];
        const targets: CollectTarget[] = [];
        for (const profile of profiles) {
          let regions = opts.region;
          if (regions.length === 0) {
            const region = await new EC2Client(profile ? { profile } : {}).config.region().catch(() => undefined);
            if (!region) throw new CollectError(`no AWS Region for ${profile ? `profile ${profile}` : 'the default credentials'}: pass --region or set AWS_REGION. / リージョンを指定してください。`);
            regions = [region];
          }
          for (const region of regions) targets.push({ ...(profile ? { profile } : {}), region });
        }
        const tty = process.stderr.isTTY === true;
        const result = await collectSnapshot({
          out: opts.out, targets, ...(opts.endpointUrl ? { endpointUrl: opts.endpointUrl } : {}),
          progress: (line) => process.stderr.write(tty ? `\r\u001b[2K${line}` : `${line}\n`),
        });
        if (tty) process.stderr.write('\n');
        process.stdout.write(`Snapshot written to ${opts.out}: ${result.folders.length} account/Region folder(s) (${result.folders.join(', ') || 'none'}), ${result.files} files, ${result.calls} API calls.\nNext: closed-telework verify --snapshot ${opts.out} [--against cdk.out] / 次に verify --snapshot で検証してください。\n`);
        exit.code = 0;
      } catch (err) {
        if (err instanceof CollectError) {
          process.stderr.write(`\nclosed-telework snapshot: ${err.message}\n`);
          exit.code = 2;
          return;
        }
        throw err;
      }
    });
}
