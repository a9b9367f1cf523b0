/**
 * A retry strategy for tests: the same decisions as the SDK's standard/adaptive strategies (retry
 * throttling, transient and server errors; never client errors) with millisecond delays, so hundreds of
 * fault schedules run in seconds. Pass it as `retryStrategy` to the roster tool's client options.
 */
interface Token {
  getRetryCount(): number;
  getRetryDelay(): number;
}

export class FastRetryStrategy {
  readonly mode = 'standard';
  constructor(private readonly maxAttempts = 8, private readonly delayMs = 2) {}

  async acquireInitialRetryToken(): Promise<Token> {
    return { getRetryCount: () => 0, getRetryDelay: () => 0 };
  }

  async refreshRetryTokenForRetry(token: Token, errorInfo: { errorType: string }): Promise<Token> {
    const count = token.getRetryCount() + 1;
    if (errorInfo.errorType === 'CLIENT_ERROR' || count >= this.maxAttempts) {
      throw new Error('No retry token available');
    }
    // The SDK's retry middleware sleeps getRetryDelay() ms before the next attempt.
    return { getRetryCount: () => count, getRetryDelay: () => this.delayMs * count };
  }

  recordSuccess(): void {}
}
