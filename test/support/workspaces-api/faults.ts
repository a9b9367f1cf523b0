/**
 * Seeded fault schedules for the local WorkSpaces server. Each request draws from ONE seeded PRNG in
 * arrival order, so a schedule is reproducible from its seed (the roster tool sends requests one at a
 * time, so arrival order is deterministic too).
 *
 * The "after processing" faults are the dangerous ones for a client without idempotency tokens: the
 * server changed state (e.g. created WorkSpaces) but the client sees a 500 or a timeout and cannot know.
 */
import { SeededRandom } from './seeded-random';

export interface FaultSchedule {
  seed: number;
  /** Operations the random faults apply to (default: all). Crash and partial failures have their own scope. */
  operations?: string[];
  /** Probability of a ThrottlingException (HTTP 400) on top of the real token buckets. */
  throttleRate?: number;
  /** Probability of a 500 InternalFailure or 503 ServiceUnavailable BEFORE the request is processed. */
  serverErrorRate?: number;
  /** Probability of processing the request and then answering 500 (the client cannot tell it happened). */
  serverErrorAfterProcessingRate?: number;
  /** Probability of holding the socket without answering, request NOT processed. */
  timeoutRate?: number;
  /** Probability of processing the request and then holding the socket without answering. */
  timeoutAfterProcessingRate?: number;
  /** Per CreateWorkspaces item: probability that it comes back in FailedRequests. */
  partialFailureRate?: number;
  /** Error codes used for those FailedRequests (default: retryable capacity/throttling codes). */
  partialFailureCodes?: string[];
  /** Per created WorkSpace: probability that it is invisible to the next N matching Describe calls. */
  invisibleRate?: number;
  /** Range of N for invisibleRate. */
  invisibleDescribes?: { min: number; max: number };
  /** Per created WorkSpace: probability that provisioning ends in ERROR. */
  provisionFailureRate?: number;
  /**
   * Simulated crash of the CLIENT: the `calls`-th request to `operation` (default CreateWorkspaces) is
   * processed, its response is never sent, and `onCrash` fires (the test aborts the apply there).
   */
  crash?: { operation?: string; calls: number };
}

export const RETRYABLE_PARTIAL_FAILURE_CODES = ['ThrottlingException', 'InternalFailure', 'ResourceUnavailable.Capacity'];

export type RequestFault =
  | { kind: 'none' }
  | { kind: 'throttle' }
  | { kind: 'server-error'; status: 500 | 503; afterProcessing: boolean }
  | { kind: 'timeout'; afterProcessing: boolean };

export class FaultInjector {
  readonly random: SeededRandom;
  private readonly callsPerOperation = new Map<string, number>();
  crashed = false;

  constructor(readonly schedule: FaultSchedule | undefined) {
    this.random = new SeededRandom(schedule?.seed ?? 1);
  }

  /** True when this call is the configured crash point. */
  isCrashPoint(operation: string): boolean {
    const crash = this.schedule?.crash;
    if (!crash || this.crashed) {
      return false;
    }
    const target = crash.operation ?? 'CreateWorkspaces';
    if (operation !== target) {
      return false;
    }
    const n = (this.callsPerOperation.get(operation) ?? 0) + 1;
    this.callsPerOperation.set(operation, n);
    if (n === crash.calls) {
      this.crashed = true;
      return true;
    }
    return false;
  }

  drawRequestFault(operation: string): RequestFault {
    const s = this.schedule;
    if (!s || (s.operations && !s.operations.includes(operation))) {
      return { kind: 'none' };
    }
    const r = this.random;
    if (r.chance(s.throttleRate)) return { kind: 'throttle' };
    if (r.chance(s.serverErrorRate)) return { kind: 'server-error', status: r.chance(0.5) ? 500 : 503, afterProcessing: false };
    if (r.chance(s.serverErrorAfterProcessingRate)) return { kind: 'server-error', status: 500, afterProcessing: true };
    if (r.chance(s.timeoutRate)) return { kind: 'timeout', afterProcessing: false };
    if (r.chance(s.timeoutAfterProcessingRate)) return { kind: 'timeout', afterProcessing: true };
    return { kind: 'none' };
  }

  /** For one CreateWorkspaces item: the FailedRequests error code, or undefined when it succeeds. */
  drawPartialFailure(): string | undefined {
    const s = this.schedule;
    if (!s || !this.random.chance(s.partialFailureRate)) {
      return undefined;
    }
    return this.random.pick(s.partialFailureCodes ?? RETRYABLE_PARTIAL_FAILURE_CODES);
  }

  drawInvisibility(): number {
    const s = this.schedule;
    if (!s || !this.random.chance(s.invisibleRate)) {
      return 0;
    }
    const range = s.invisibleDescribes ?? { min: 1, max: 3 };
    return this.random.int(range.min, range.max);
  }

  drawProvisionFailure(): boolean {
    return this.random.chance(this.schedule?.provisionFailureRate);
  }
}
