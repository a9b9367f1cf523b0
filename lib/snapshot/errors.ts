/**
 * Unusable snapshots. Both are InputError, so every command maps them to exit 2 with the message as
 * written: a file that cannot be read names the file; a missing file names the exact command to run.
 */
import { InputError } from '../input-error';

export { InputError };

/** One file the model needs and does not have, with the command that produces it. */
export interface MissingFile {
  /** `<account>/<region>` or `<region>` folder the file belongs in. */
  folder: string;
  /** What is missing, in words (e.g. "routes of transit gateway route table tgw-rtb-0abc"). */
  what: string;
  /** The complete command line, ready to paste. */
  command: string;
}

export class MissingSnapshotFilesError extends InputError {
  constructor(
    where: string,
    readonly missing: readonly MissingFile[],
  ) {
    super(
      where,
      `the snapshot lacks ${missing.length} file(s) the network model needs; nothing was verified. Run, then verify again:\n` +
        missing.map((m) => `  # ${m.what}\n  ${m.command}`).join('\n') +
        '\n(スナップショットに必要なファイルがありません。上のコマンドで取得してから再度実行してください。)',
    );
    this.name = 'MissingSnapshotFilesError';
  }
}
