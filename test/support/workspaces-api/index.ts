/**
 * A local WorkSpaces API for tests: a real HTTP server on 127.0.0.1 (random port) speaking the AWS JSON 1.1
 * protocol exactly as @aws-sdk/client-workspaces sends it, over an in-memory account. Use it with the REAL
 * SDK client; nothing is mocked in-process.
 *
 *   import { start } from '../support/workspaces-api';
 *   const api = await start({ directories: ['d-1234567890'], faults: { seed: 7, throttleRate: 0.1 } });
 *   const client = new WorkSpacesClient({
 *     endpoint: api.endpoint, region: 'ap-northeast-1',
 *     credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
 *   });
 *   ... await client.send(new ModifyWorkspaceAccessPropertiesCommand({...}));
 *   expect(api.state.directories.get('d-1234567890')!.WorkspaceAccessProperties.DeviceTypeWeb).toBe('DENY');
 *   await api.close();
 *
 * What it implements (see operations.ts): CreateWorkspaces (≤ 25, PendingRequests/FailedRequests,
 * PENDING → AVAILABLE after `provisionDelayMs`, no idempotency: duplicates are possible as in AWS),
 * DescribeWorkspaces (DirectoryId [+ UserName] / WorkspaceIds / BundleId filters, Limit ≤ 25, NextToken),
 * TerminateWorkspaces, ModifyWorkspaceProperties, CreateTags/DeleteTags/DescribeTags (WorkSpaces and
 * directories), DescribeWorkspaceDirectories, DescribeClientProperties/ModifyClientProperties,
 * ModifyWorkspaceAccessProperties, ModifyWorkspaceCreationProperties, ModifyStreamingProperties,
 * ModifySelfservicePermissions, RegisterWorkspaceDirectory/DeregisterWorkspaceDirectory,
 * DescribeWorkspaceBundles; and, on the same endpoint, the Resource Groups Tagging API's GetResources for
 * WorkSpaces (tagging-operations.ts). Anything else → 400 UnknownOperationException.
 *
 * Errors: `{"__type": "<Code>", "message": "..."}`. ThrottlingException is HTTP 400 (the SDK classifies
 * throttling by the error code; WorkSpaces does not model it as a shape), InternalFailure 500,
 * ServiceUnavailable 503, validation/client errors 400.
 *
 * Rate limits: `rateLimits: { CreateWorkspaces: { perSecond: 5 }, '*': { perSecond: 20, burst: 5 } }`
 * (token buckets → ThrottlingException).
 *
 * Faults (seeded, reproducible; see faults.ts): throttling, 500/503 before or AFTER processing, timeouts
 * (socket held) before or after processing, partial FailedRequests, eventual consistency (a created
 * WorkSpace invisible to its next N matching Describe calls), provisioning ending in ERROR, and a client
 * "crash": the K-th CreateWorkspaces is processed, its socket destroyed, and `onCrash` fires so the test
 * can abort the client mid-run and then re-run it against the same server.
 *
 * Default directories are NOT hardened (WorkSpaces-like defaults: most device types
 * ALLOW, local admin on, reconnect on), so an audit against a fresh directory reports drift.
 */
export { start } from './server';
export type { RunningServer, ServerOptions } from './server';
export type { FaultSchedule } from './faults';
export { RETRYABLE_PARTIAL_FAILURE_CODES } from './faults';
export { DEFAULT_BUNDLES, defaultDirectory } from './state';
export type { DirectoryState, WorkspaceRecord, BundleState, Tag } from './state';
export type { RateLimit } from './token-bucket';
export { FastRetryStrategy } from './fast-retry-strategy';
export { TEST_KEY_ARN, TEST_STREAMING_VPCE, hardenedDirectory, seedHardenedDesktop } from './hardened-account';
export { TEST_ACCOUNT, TEST_REGION } from './tagging-operations';
