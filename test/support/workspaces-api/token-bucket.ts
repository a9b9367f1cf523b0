/**
 * The server side of a rate limit: a token bucket per operation, refilled continuously. A request that
 * finds the bucket empty is answered with ThrottlingException, as WorkSpaces does ("Rate exceeded").
 */
export interface RateLimit {
  /** Sustained requests per second. */
  perSecond: number;
  /** Bucket size (requests that may arrive at once). Defaults to 1: no bursts beyond the rate. */
  burst?: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;

  constructor(private readonly limit: RateLimit, private readonly now: () => number = () => performance.now()) {
    this.capacity = Math.max(1, limit.burst ?? 1);
    this.tokens = this.capacity;
    this.last = this.now();
  }

  /** Takes a token if one is available; false means "throttle this request". */
  tryTake(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.limit.perSecond);
    this.last = t;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    return false;
  }
}
