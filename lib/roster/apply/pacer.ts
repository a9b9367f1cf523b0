/**
 * Client-side rate limiting: hands out send slots no closer together than 1/rate seconds, so a run stays
 * under the service's limit instead of bouncing off it (every ThrottlingException costs a backoff that
 * is far longer than the slot it tried to save). A small safety margin absorbs network jitter between
 * our clock and the service's token bucket.
 */
import { sleep } from './backoff';

export class Pacer {
  private nextSlot = 0;
  private readonly spacingMs: number;

  constructor(readonly perSecond: number, safetyMargin = 0.03, private readonly now: () => number = () => performance.now()) {
    if (!(perSecond > 0)) throw new Error(`rate must be > 0 requests/s, got ${perSecond}`);
    this.spacingMs = (1000 / perSecond) * (1 + safetyMargin);
  }

  /** Resolves when the caller may send; slots are reserved in call order. */
  async acquire(signal?: AbortSignal): Promise<void> {
    const t = this.now();
    const slot = Math.max(t, this.nextSlot);
    this.nextSlot = slot + this.spacingMs;
    if (slot > t) await sleep(slot - t, signal);
  }

  /** After a throttle, push the next slot out: the service said we were too fast. */
  penalise(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.now() + ms);
  }
}
