/**
 * How the roster tool classifies what went wrong, because CreateWorkspaces has no idempotency token:
 *  - "throttled": the request was refused before processing → resend the same batch after a backoff.
 *  - "ambiguous": 5xx, timeouts, dropped connections → the WorkSpaces MAY have been created; the users
 *    become "uncertain" and are re-created only after Describe has missed them long enough.
 *  - "rejected": any other client error → the batch failed, nothing was created.
 * Per-item FailedRequests are definitive (that item was not created); their error codes decide whether
 * the item is retried. Unknown codes are NOT retried: fail closed, report them.
 */
export type CallFailure = 'throttled' | 'ambiguous' | 'rejected' | 'aborted';

const THROTTLING_CODES = new Set([
  'ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'RequestThrottled', 'RequestThrottledException', 'SlowDown', 'ThrottledException',
]);

export function classifyCallError(err: unknown): CallFailure {
  const e = err as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  if (e?.name === 'AbortError') return 'aborted';
  const status = e?.$metadata?.httpStatusCode;
  if ((e?.name && THROTTLING_CODES.has(e.name)) || status === 429) return 'throttled';
  if (status !== undefined && status >= 500) return 'ambiguous';
  if (status !== undefined && status >= 400) return 'rejected';
  // No HTTP status: timeouts, resets, refused connections, parse errors — we cannot know what happened.
  return 'ambiguous';
}

const RETRYABLE_ITEM_CODE = /throttl|ratelimit|requestlimitexceeded|internalfailure|internalerror|internalserver|serviceunavailable|unavailable|capacity|timeout|tryagain/i;

export function isRetryableItemError(code: string | undefined): boolean {
  return code !== undefined && RETRYABLE_ITEM_CODE.test(code);
}
