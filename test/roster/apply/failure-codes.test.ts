/** How failures are classified decides whether a batch may be resent: each class, and backoff bounds. */
import { jitteredDelay } from '../../../lib/roster/apply/backoff';
import { classifyCallError, isRetryableItemError } from '../../../lib/roster/apply/failure-codes';

const err = (name: string, status?: number, code?: string) => Object.assign(new Error(name), { name, code, $metadata: status ? { httpStatusCode: status } : {} });

it.each([
  [err('ThrottlingException', 400), 'throttled'],
  [err('TooManyRequestsException', 429), 'throttled'],
  [err('SomethingElse', 429), 'throttled'],
  [err('InternalFailure', 500), 'ambiguous'],
  [err('ServiceUnavailable', 503), 'ambiguous'],
  [err('TimeoutError', undefined, 'ETIMEDOUT'), 'ambiguous'],
  [err('Error', undefined, 'ECONNRESET'), 'ambiguous'],
  [err('ValidationException', 400), 'rejected'],
  [err('AccessDeniedException', 400), 'rejected'],
  [err('AbortError'), 'aborted'],
])('%s → %s', (e, expected) => {
  expect(classifyCallError(e)).toBe(expected);
});

it('retries only FailedRequests codes known to be transient; unknown codes fail closed', () => {
  for (const code of ['ThrottlingException', 'InternalFailure', 'ResourceUnavailable.Capacity', 'ServiceUnavailable']) expect(isRetryableItemError(code)).toBe(true);
  for (const code of ['ResourceNotFound.Bundle', 'ResourceLimitExceeded.WorkspaceLimit', 'InvalidParameterValuesException', 'SomethingNew', undefined]) expect(isRetryableItemError(code)).toBe(false);
});

it('jittered backoff stays within [0, min(cap, base·2^attempt)]', () => {
  expect(jitteredDelay(0, { baseMs: 100, capMs: 1000, random: () => 0.999 })).toBe(99);
  expect(jitteredDelay(3, { baseMs: 100, capMs: 1000, random: () => 0.5 })).toBe(400);
  expect(jitteredDelay(10, { baseMs: 100, capMs: 1000, random: () => 0.999 })).toBe(999);
  expect(jitteredDelay(5, { baseMs: 100, capMs: 1000, random: () => 0 })).toBe(0);
});
