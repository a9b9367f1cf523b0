/**
 * Progress for people and for CI: a bar (cli-progress) when stderr is a terminal, one plain line per
 * event otherwise, so CI logs stay readable and greppable.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { ProgressEvent } from './apply-plan';

export interface ProgressReporter {
  onProgress(e: ProgressEvent): void;
  stop(): void;
}

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr, forcePlain = false): ProgressReporter {
  if (stream.isTTY && !forcePlain) {
    const bar = new SingleBar({ stream, format: 'apply [{bar}] {value}/{total} {message}', hideCursor: true, clearOnComplete: false }, Presets.shades_classic);
    let started = false;
    return {
      onProgress: (e) => {
        if (!started) {
          bar.start(e.total, 0, { message: '' });
          started = true;
        }
        bar.update(e.done, { message: e.message.slice(0, 60) });
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  return {
    onProgress: (e) => stream.write(`[${e.done}/${e.total}] ${e.message}\n`),
    stop: () => undefined,
  };
}
