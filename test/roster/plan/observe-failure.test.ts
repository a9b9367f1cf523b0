/**
 * When listing the directories fails, the run ends with that error — and the bulk tag read started beside it
 * is stopped and settled first, so nothing it would say (its fallback warning) is printed after the command's
 * own error. Found in CI: a roster run against a closed endpoint printed its tag warning into a later test.
 */
import { observeWorkspaces } from '../../../lib/roster/plan/observe-workspaces';
import { WorkSpacesGateway } from '../../../lib/roster/aws/workspaces-gateway';

it('a failed listing stops the bulk tag read and waits for it before failing', async () => {
  const events: string[] = [];
  let stop: AbortSignal | undefined;
  const gateway = {
    allWorkspaceTags: (signal?: AbortSignal) => {
      stop = signal;
      return new Promise((_resolve, reject) => {
        signal?.addEventListener('abort', () => {
          // Settles a tick later, as a real request does when it is aborted.
          setTimeout(() => {
            events.push('tag read settled');
            reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
          }, 5);
        });
      });
    },
    listDirectory: async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:1');
    },
  } as unknown as WorkSpacesGateway;
  await expect(observeWorkspaces(gateway, [], ['d-1111111111']).finally(() => events.push('observe failed'))).rejects.toThrow('ECONNREFUSED');
  expect(stop?.aborted).toBe(true);
  expect(events).toEqual(['tag read settled', 'observe failed']);
});

it('a bulk tag read stopped by its caller ends without the fallback warning, even if the request fails otherwise', async () => {
  const warnings: string[] = [];
  const Gateway = WorkSpacesGateway;
  // The request fails with a connection error once the caller has stopped it (the order a closed endpoint gives).
  const refused = (): Error => new Error('connect ECONNREFUSED 127.0.0.1:1');
  const tagging = { send: (_c: unknown, o: { abortSignal?: AbortSignal }) => new Promise((_r, reject) => (o.abortSignal?.aborted ? reject(refused()) : o.abortSignal?.addEventListener('abort', () => reject(refused())))) };
  const gateway = new Gateway({ tagging } as never, { onWarning: (w: string) => warnings.push(w) });
  const stop = new AbortController();
  const read = gateway.allWorkspaceTags(stop.signal);
  stop.abort();
  await expect(read).rejects.toThrow('ECONNREFUSED');
  expect(warnings).toEqual([]);
  // Not stopped, the same failure falls back to one-by-one reads and says so once.
  const failing = { send: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1')) };
  const unstopped = new Gateway({ tagging: failing } as never, { onWarning: (w: string) => warnings.push(w) });
  await expect(unstopped.allWorkspaceTags()).resolves.toBeUndefined();
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/cannot read tags in bulk/);
});
