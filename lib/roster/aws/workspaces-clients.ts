/**
 * The WorkSpaces clients the roster and audit commands use. Region, credentials and profile come from
 * the standard AWS chain (env, shared config/credentials files, SSO, IMDS); `--region`/`--profile` and
 * `--endpoint-url` (as in the AWS CLI) override it.
 *
 * Two clients, on purpose:
 *  - `reads` (and idempotent writes: Describe*, Modify*, CreateTags, TerminateWorkspaces) uses the SDK's
 *    adaptive retry mode: client-side rate limiting that slows down on throttling, plus retries on
 *    throttling and transient errors.
 *  - `creates` (CreateWorkspaces only) makes exactly ONE attempt per call. CreateWorkspaces has no
 *    idempotency token: an automatic retry after a timeout or a 500 could create a second WorkSpace for
 *    the same user. The apply engine retries it itself, after checking what exists.
 */
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { WorkSpacesClient, WorkSpacesClientConfig } from '@aws-sdk/client-workspaces';

export interface WorkSpacesConnection {
  region?: string;
  profile?: string;
  endpointUrl?: string;
  /**
   * Endpoint of the Resource Groups Tagging API (tags of many WorkSpaces in one call). Default: the
   * `endpointUrl` when one is given (the local test server speaks both), else the Region's public one.
   */
  taggingEndpointUrl?: string;
  /** Attempts per read/idempotent call (SDK adaptive retries). Default 8. */
  maxAttempts?: number;
  /** Per-request timeout in ms (an unanswered request is abandoned). Default 30 000. */
  requestTimeoutMs?: number;
  /** Tests: a retry strategy with short delays instead of the SDK's adaptive one. */
  retryStrategy?: WorkSpacesClientConfig['retryStrategy'];
  /** Tests: static credentials instead of the default chain. */
  credentials?: WorkSpacesClientConfig['credentials'];
}

export interface WorkSpacesClients {
  reads: WorkSpacesClient;
  creates: WorkSpacesClient;
  /** Resource Groups Tagging API: GetResources reads the tags of up to 100 WorkSpaces per call. */
  tagging: ResourceGroupsTaggingAPIClient;
  destroy(): void;
}

export function validateEndpointUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--endpoint-url ${url}: not a URL; give e.g. https://workspaces.ap-northeast-1.amazonaws.com`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`--endpoint-url ${url}: must be http(s)://`);
  }
  return url;
}

export function createWorkSpacesClients(conn: WorkSpacesConnection = {}): WorkSpacesClients {
  const base: WorkSpacesClientConfig = {
    ...(conn.region ? { region: conn.region } : {}),
    ...(conn.profile ? { profile: conn.profile } : {}),
    ...(conn.endpointUrl ? { endpoint: validateEndpointUrl(conn.endpointUrl) } : {}),
    ...(conn.credentials ? { credentials: conn.credentials } : {}),
    // throwOnRequestTimeout: without it the SDK only logs a warning and keeps waiting on a dead socket.
    requestHandler: { requestTimeout: conn.requestTimeoutMs ?? 30_000, throwOnRequestTimeout: true },
  };
  const reads = new WorkSpacesClient({
    ...base,
    ...(conn.retryStrategy ? { retryStrategy: conn.retryStrategy } : { retryMode: 'adaptive', maxAttempts: conn.maxAttempts ?? 8 }),
  });
  const creates = new WorkSpacesClient({ ...base, maxAttempts: 1 });
  const taggingEndpoint = conn.taggingEndpointUrl ?? conn.endpointUrl;
  const tagging = new ResourceGroupsTaggingAPIClient({
    ...base,
    ...(taggingEndpoint ? { endpoint: validateEndpointUrl(taggingEndpoint) } : {}),
    ...(conn.retryStrategy ? { retryStrategy: conn.retryStrategy } : { retryMode: 'adaptive', maxAttempts: conn.maxAttempts ?? 8 }),
  });
  return {
    reads,
    creates,
    tagging,
    destroy: () => {
      reads.destroy();
      creates.destroy();
      tagging.destroy();
    },
  };
}
