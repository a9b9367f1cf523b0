/**
 * The WorkSpaces calls the roster tool makes, each paced by a client-side rate limiter and cancellable.
 * Thin on purpose: decisions live in plan/ and apply/, this file only speaks the API.
 */
import {
  CreateTagsCommand,
  CreateWorkspacesCommand,
  DescribeClientPropertiesCommand,
  DescribeTagsCommand,
  DescribeWorkspaceDirectoriesCommand,
  WorkspaceDirectory,
  ClientPropertiesResult,
  DescribeWorkspacesCommand,
  DescribeWorkspacesCommandInput,
  FailedCreateWorkspaceRequest,
  ModifyWorkspacePropertiesCommand,
  TerminateWorkspacesCommand,
  Workspace,
  WorkspaceRequest,
} from '@aws-sdk/client-workspaces';
import { setMaxListeners } from 'events';
import { Pacer } from '../apply/pacer';
import { WorkSpacesClients } from './workspaces-clients';
import { ObservedWorkspace, uniqueById } from './observed-workspace';

export interface RateLimits {
  /** CreateWorkspaces calls per second. Default 1 (AWS documents no figure; old docs say ≈ 2/s). */
  createPerSecond?: number;
  /** Describe* calls per second (all Describe operations share it). Default 5. */
  describePerSecond?: number;
  /** Other calls (Modify*, CreateTags, Terminate) per second. Default 2. */
  otherPerSecond?: number;
  /** Requests in flight at once. Default 8: enough to overlap latency, few enough that none waits
   * so long behind the others for a socket or CPU that its own timeout fires. */
  maxInFlight?: number;
}

/** A counting semaphore: at most `limit` holders at once, granted in arrival order. */
class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

function toObserved(ws: Workspace): ObservedWorkspace {
  return {
    workspaceId: ws.WorkspaceId ?? '',
    directoryId: ws.DirectoryId ?? '',
    userName: ws.UserName ?? '',
    bundleId: ws.BundleId ?? '',
    state: ws.State ?? 'UNKNOWN',
    runningMode: ws.WorkspaceProperties?.RunningMode,
    autoStopMinutes: ws.WorkspaceProperties?.RunningModeAutoStopTimeoutInMinutes,
    rootVolumeEncrypted: ws.RootVolumeEncryptionEnabled,
    userVolumeEncrypted: ws.UserVolumeEncryptionEnabled,
    volumeEncryptionKey: ws.VolumeEncryptionKey,
    errorCode: ws.ErrorCode,
    errorMessage: ws.ErrorMessage,
  };
}

export class WorkSpacesGateway {
  readonly createPacer: Pacer;
  readonly describePacer: Pacer;
  readonly otherPacer: Pacer;
  private readonly inFlight: Semaphore;

  constructor(private readonly clients: WorkSpacesClients, limits: RateLimits = {}, private readonly signal?: AbortSignal) {
    // Every paced call waiting on the same signal adds a listener; hundreds in flight are expected.
    if (signal) setMaxListeners(10_000, signal);
    this.createPacer = new Pacer(limits.createPerSecond ?? 1);
    this.describePacer = new Pacer(limits.describePerSecond ?? 5);
    this.otherPacer = new Pacer(limits.otherPerSecond ?? 2);
    this.inFlight = new Semaphore(limits.maxInFlight ?? 8);
  }

  /** Pacing first, then a place among the requests in flight, then the call. */
  private call<T>(pacer: Pacer, fn: () => Promise<T>): Promise<T> {
    return this.inFlight.run(async () => {
      await pacer.acquire(this.signal);
      return fn();
    });
  }

  private async describe(input: DescribeWorkspacesCommandInput): Promise<{ workspaces: ObservedWorkspace[]; next?: string }> {
    const out = await this.call(this.describePacer, () => this.clients.reads.send(new DescribeWorkspacesCommand(input), { abortSignal: this.signal }));
    return { workspaces: (out.Workspaces ?? []).map(toObserved), next: out.NextToken };
  }

  /** Every WorkSpace of a directory (all pages). */
  async listDirectory(directoryId: string): Promise<ObservedWorkspace[]> {
    const all: ObservedWorkspace[] = [];
    let token: string | undefined;
    do {
      const page = await this.describe({ DirectoryId: directoryId, Limit: 25, NextToken: token });
      all.push(...page.workspaces);
      token = page.next;
    } while (token);
    return uniqueById(all, (w) => w.workspaceId);
  }

  /** The WorkSpaces of one user in one directory. */
  async listUser(directoryId: string, userName: string): Promise<ObservedWorkspace[]> {
    const all: ObservedWorkspace[] = [];
    let token: string | undefined;
    do {
      const page = await this.describe({ DirectoryId: directoryId, UserName: userName, NextToken: token });
      all.push(...page.workspaces);
      token = page.next;
    } while (token);
    return uniqueById(all, (w) => w.workspaceId);
  }

  /** Every WorkSpace of a directory as the API returned it (the audit reads API field paths). */
  async listDirectoryRaw(directoryId: string): Promise<Workspace[]> {
    const all: Workspace[] = [];
    let token: string | undefined;
    do {
      const out = await this.call(this.describePacer, () => this.clients.reads.send(new DescribeWorkspacesCommand({ DirectoryId: directoryId, Limit: 25, NextToken: token }), { abortSignal: this.signal }));
      all.push(...(out.Workspaces ?? []));
      token = out.NextToken;
    } while (token);
    return uniqueById(all, (w) => w.WorkspaceId);
  }

  /** Registered directories (all, or the given ids), all pages. */
  async directories(ids?: string[]): Promise<WorkspaceDirectory[]> {
    const all: WorkspaceDirectory[] = [];
    let token: string | undefined;
    do {
      const out = await this.call(this.describePacer, () =>
        this.clients.reads.send(new DescribeWorkspaceDirectoriesCommand({ ...(ids?.length ? { DirectoryIds: ids } : {}), NextToken: token }), { abortSignal: this.signal }),
      );
      all.push(...(out.Directories ?? []));
      token = out.NextToken;
    } while (token);
    return all;
  }

  /** Client properties of directories (≤ 25 per call). */
  async clientProperties(ids: string[]): Promise<ClientPropertiesResult[]> {
    const all: ClientPropertiesResult[] = [];
    for (let i = 0; i < ids.length; i += 25) {
      const chunk = ids.slice(i, i + 25);
      const out = await this.call(this.describePacer, () => this.clients.reads.send(new DescribeClientPropertiesCommand({ ResourceIds: chunk }), { abortSignal: this.signal }));
      all.push(...(out.ClientPropertiesList ?? []));
    }
    return all;
  }

  /** WorkSpaces by id (≤ 25). */
  async byIds(ids: string[]): Promise<ObservedWorkspace[]> {
    if (ids.length === 0) return [];
    return uniqueById((await this.describe({ WorkspaceIds: ids })).workspaces, (w) => w.workspaceId);
  }

  async tags(workspaceId: string): Promise<Record<string, string>> {
    const out = await this.call(this.describePacer, () => this.clients.reads.send(new DescribeTagsCommand({ ResourceId: workspaceId }), { abortSignal: this.signal }));
    return Object.fromEntries((out.TagList ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  }

  /** One CreateWorkspaces call (≤ 25), one attempt: errors propagate for the engine to classify. */
  async create(requests: WorkspaceRequest[]): Promise<{ pending: Workspace[]; failed: FailedCreateWorkspaceRequest[] }> {
    if (requests.length < 1 || requests.length > 25) throw new Error(`CreateWorkspaces takes 1–25 requests, got ${requests.length}`);
    // Not behind the in-flight limit: CreateWorkspaces is the binding rate, one call at a time, and must
    // not wait for a socket behind the Describe calls of the re-checks it overlaps with.
    await this.createPacer.acquire(this.signal);
    const out = await this.clients.creates.send(new CreateWorkspacesCommand({ Workspaces: requests }), { abortSignal: this.signal });
    return { pending: out.PendingRequests ?? [], failed: out.FailedRequests ?? [] };
  }

  async setRunningMode(workspaceId: string, runningMode: string): Promise<void> {
    await this.call(this.otherPacer, () =>
      this.clients.reads.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: workspaceId, WorkspaceProperties: { RunningMode: runningMode as 'AUTO_STOP' } }), { abortSignal: this.signal }),
    );
  }

  async tag(workspaceId: string, tags: Record<string, string>): Promise<void> {
    await this.call(this.otherPacer, () =>
      this.clients.reads.send(new CreateTagsCommand({ ResourceId: workspaceId, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }), { abortSignal: this.signal }),
    );
  }

  /** TerminateWorkspaces (≤ 25): idempotent, so SDK retries are safe. Returns the ids that failed. */
  async terminate(ids: string[]): Promise<Array<{ workspaceId: string; code?: string; message?: string }>> {
    const out = await this.call(this.otherPacer, () =>
      this.clients.reads.send(new TerminateWorkspacesCommand({ TerminateWorkspaceRequests: ids.map((WorkspaceId) => ({ WorkspaceId })) }), { abortSignal: this.signal }),
    );
    return (out.FailedRequests ?? []).map((f) => ({ workspaceId: f.WorkspaceId ?? '', code: f.ErrorCode, message: f.ErrorMessage }));
  }
}
