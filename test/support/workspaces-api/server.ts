/**
 * The HTTP side of the local WorkSpaces server: AWS JSON 1.1 over POST /, operation in
 * `X-Amz-Target: WorkspacesService.<Operation>`, errors as `{"__type", "message"}` with an HTTP status the
 * SDK's retry strategy classifies the same way it classifies the real service:
 *   ThrottlingException → 400 (throttling by error code), InternalFailure → 500, ServiceUnavailable → 503
 *   (transient by status), client errors → 400 (not retried).
 */
import * as http from 'http';
import { sendJson, startLoopbackServer } from '../loopback-json-server';
import { FaultInjector, FaultSchedule } from './faults';
import { ApiError, MUTATING_OPERATIONS, OPERATIONS } from './operations';
import { TAGGING_OPERATIONS } from './tagging-operations';
import { BundleState, DEFAULT_BUNDLES, DirectoryState, WorkSpacesState, defaultDirectory } from './state';
import { RateLimit, TokenBucket } from './token-bucket';

export interface ServerOptions {
  /** Directories registered at start: ids, or partial directory states (defaults are WorkSpaces' own, unhardened). */
  directories?: Array<string | (Partial<DirectoryState> & { DirectoryId: string })>;
  /** Bundles available (default: four AMAZON bundles VALUE/STANDARD/PERFORMANCE/POWER). */
  bundles?: BundleState[];
  /** ms a created WorkSpace stays PENDING (default 0: AVAILABLE at the next Describe). */
  provisionDelayMs?: number;
  /** ms a terminated WorkSpace stays TERMINATING before it disappears (default 0). */
  terminateDelayMs?: number;
  /** Token buckets by operation name; '*' applies to operations without their own. */
  rateLimits?: Record<string, RateLimit>;
  /** Seeded random faults; see FaultSchedule. */
  faults?: FaultSchedule;
  /** Called once when the crash point of the fault schedule is reached (abort the client here). */
  onCrash?: () => void;
  /** Reject requests without an Authorization header (SigV4 is not verified, only required). Default true. */
  requireAuthorization?: boolean;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:43121 — pass as the client's `endpoint`. */
  endpoint: string;
  state: WorkSpacesState;
  faults: FaultInjector;
  /** Requests received, in order, by operation name (throttled and faulted ones included). */
  log: string[];
  close(): Promise<void>;
}

const send = sendJson;

function sendError(res: http.ServerResponse, err: ApiError): void {
  send(res, err.status, { __type: err.type, message: err.message });
}

export async function start(options: ServerOptions = {}): Promise<RunningServer> {
  const now = () => performance.now();
  const state = new WorkSpacesState({
    provisionDelayMs: options.provisionDelayMs ?? 0,
    terminateDelayMs: options.terminateDelayMs ?? 0,
    now,
  });
  for (const d of options.directories ?? []) {
    const dir = typeof d === 'string' ? defaultDirectory(d) : defaultDirectory(d.DirectoryId, d);
    state.directories.set(dir.DirectoryId, dir);
  }
  for (const b of options.bundles ?? DEFAULT_BUNDLES) state.bundles.set(b.BundleId, b);

  const faults = new FaultInjector(options.faults);
  const buckets = new Map<string, TokenBucket>();
  const bucketFor = (op: string): TokenBucket | undefined => {
    const limit = options.rateLimits?.[op] ?? options.rateLimits?.['*'];
    if (!limit) return undefined;
    const key = options.rateLimits?.[op] ? op : '*';
    if (!buckets.has(key)) buckets.set(key, new TokenBucket(limit, now));
    return buckets.get(key);
  };
  const log: string[] = [];

  const handle = (req: http.IncomingMessage, res: http.ServerResponse, raw: string): void => {
    const target = String(req.headers['x-amz-target'] ?? '');
    const m = /^(WorkspacesService|ResourceGroupsTaggingAPI_20170126)\.(\w+)$/.exec(target);
    if (req.method !== 'POST' || req.url !== '/' || !m) {
      sendError(res, new ApiError(400, 'UnknownOperationException', `Unknown operation: ${target || '(no X-Amz-Target)'}`));
      return;
    }
    const operation = m[2];
    const operations = m[1] === 'WorkspacesService' ? OPERATIONS : TAGGING_OPERATIONS;
    log.push(operation);
    state.calls.set(operation, (state.calls.get(operation) ?? 0) + 1);
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1')) {
      sendError(res, new ApiError(400, 'SerializationException', 'Content-Type must be application/x-amz-json-1.1'));
      return;
    }
    if (options.requireAuthorization !== false && !req.headers.authorization) {
      sendError(res, new ApiError(400, 'MissingAuthenticationTokenException', 'Missing Authentication Token'));
      return;
    }
    const impl = operations[operation];
    if (!impl) {
      sendError(res, new ApiError(400, 'UnknownOperationException', `Unknown operation ${operation}`));
      return;
    }
    let body: Record<string, unknown>;
    try {
      body = raw.length ? JSON.parse(raw) : {};
    } catch {
      sendError(res, new ApiError(400, 'SerializationException', 'The request body is not valid JSON.'));
      return;
    }
    const run = (): { status: number; out: unknown } => {
      try {
        return { status: 200, out: impl(state, body, faults) };
      } catch (err) {
        if (err instanceof ApiError) return { status: err.status, out: { __type: err.type, message: err.message } };
        return { status: 500, out: { __type: 'InternalFailure', message: String(err) } };
      }
    };

    if (faults.isCrashPoint(operation)) {
      run(); // processed; the client never hears back
      req.socket.destroy();
      options.onCrash?.();
      return;
    }
    const bucket = bucketFor(operation);
    if (bucket && !bucket.tryTake()) {
      state.throttled.set(operation, (state.throttled.get(operation) ?? 0) + 1);
      sendError(res, new ApiError(400, 'ThrottlingException', 'Rate exceeded'));
      return;
    }
    const fault = faults.drawRequestFault(operation);
    const processAnyway = MUTATING_OPERATIONS.has(operation) || operation === 'DescribeWorkspaces';
    switch (fault.kind) {
      case 'throttle':
        sendError(res, new ApiError(400, 'ThrottlingException', 'Rate exceeded'));
        return;
      case 'server-error':
        if (fault.afterProcessing && processAnyway) run();
        sendError(
          res,
          fault.status === 503
            ? new ApiError(503, 'ServiceUnavailable', 'Service is unavailable. Please try again.')
            : new ApiError(500, 'InternalFailure', 'The request processing has failed because of an unknown error.'),
        );
        return;
      case 'timeout':
        if (fault.afterProcessing && processAnyway) run();
        return; // hold the socket: the client's request timeout fires; close() destroys it
      case 'none': {
        const { status, out } = run();
        send(res, status, out);
      }
    }
  };

  const server = await startLoopbackServer(handle);
  return { endpoint: server.endpoint, state, faults, log, close: server.close };
}
