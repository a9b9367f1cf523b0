/** Progress: plain lines for CI (not a TTY, or --no-progress), a bar on a terminal. */
import { PassThrough } from 'stream';
import { createProgressReporter } from '../../../lib/roster/apply/progress-reporter';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const s = new PassThrough() as unknown as NodeJS.WriteStream & PassThrough;
  const chunks: string[] = [];
  s.on('data', (c: Buffer) => chunks.push(c.toString()));
  Object.assign(s, { isTTY, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream: s, text: () => chunks.join('') };
}

it('writes one plain line per event when the stream is not a terminal', () => {
  const { stream, text } = fakeStream(false);
  const p = createProgressReporter(stream);
  p.onProgress({ done: 1, total: 2, message: 'created tanaka (d-1111111111)' });
  p.onProgress({ done: 2, total: 2, message: 'created sato (d-2222222222)' });
  p.stop();
  expect(text()).toBe('[1/2] created tanaka (d-1111111111)\n[2/2] created sato (d-2222222222)\n');
});

it('draws a bar on a terminal, and plain lines there too when forced (--no-progress)', () => {
  const tty = fakeStream(true);
  const bar = createProgressReporter(tty.stream);
  bar.onProgress({ done: 1, total: 4, message: 'created tanaka' });
  bar.stop();
  expect(tty.text()).toMatch(/apply \[.*\] 1\/4 created tanaka/);
  expect(tty.text()).not.toContain('[1/4]');
  const forced = fakeStream(true);
  const plain = createProgressReporter(forced.stream, true);
  plain.onProgress({ done: 1, total: 4, message: 'x' });
  expect(forced.text()).toBe('[1/4] x\n');
});
