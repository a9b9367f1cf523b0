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
import { GetResourcesCommand } from '@aws-sdk/client-resource-groups-tagging-api';
import { setMaxListeners } from 'events';
import { Pacer } from '../apply/pacer';
import { WorkSpacesClients } from './workspaces-clients';
import { ObservedWorkspace, uniqueById } from './observed-workspace';

export interface RateLimits {
  /**
   * All WorkSpaces API calls together, per second. Default 10. WorkSpaces publishes no per-operation
   * figures; one budget for every call keeps the run under an account-wide limit of that size and
   * lets whichever work is due (creating, re-checking, waiting, listing) use all of it.
   */
  apiPerSecond?: number;
  /** Optional cap on CreateWorkspaces calls per second (within the budget). */
  createPerSecond?: number;
  /** Optional cap on Describe* calls per second (within the budget). */
  describePerSecond?: number;
  /** Optional cap on other calls (Modify*, CreateTags, Terminate) per second (within the budget). */
  otherPerSecond?: number;
  /** Resource Groups Tagging API (GetResources) calls per second — another service, its own budget. Default 5. */
  taggingPerSecond?: number;
  /** Requests in flight at once. Default 8: enough to overlap latency, few enough that none waits
   * so long behind the others for a socket or CPU that its own timeout fires. */
  maxInFlight?: number;
  /** Told when a bulk read had to fall back to one call per WorkSpace (e.g. tag:GetResources denied). */
  onWarning?: (message: string) => void;
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
  /** Every WorkSpaces call takes a slot here first. */
  readonly budget: Pacer;
  private readonly createCap?: Pacer;
  private readonly describeCap?: Pacer;
  private readonly otherCap?: Pacer;
  private readonly taggingPacer: Pacer;
  private readonly inFlight: Semaphore;
  private warnedTagFallback = false;

  constructor(private readonly clients: WorkSpacesClients, private readonly limits: RateLimits = {}, private readonly signal?: AbortSignal) {
    // Every paced call waiting on the same signal adds a listener; hundreds in flight are expected.
    if (signal) setMaxListeners(10_000, signal);
    this.budget = new Pacer(limits.apiPerSecond ?? 10);
    if (limits.createPerSecond) this.createCap = new Pacer(limits.createPerSecond);
    if (limits.describePerSecond) this.describeCap = new Pacer(limits.describePerSecond);
    if (limits.otherPerSecond) this.otherCap = new Pacer(limits.otherPerSecond);
    this.taggingPacer = new Pacer(limits.taggingPerSecond ?? 5);
    this.inFlight = new Semaphore(limits.maxInFlight ?? 8);
  }

  /** CreateWorkspaces calls per second this gateway sends at most. */
  get createPerSecond(): number {
    return Math.min(this.budget.perSecond, this.createCap?.perSecond ?? Infinity);
  }

  /** After a throttled CreateWorkspaces: push the next create slot out (the service said we were too fast). */
  penaliseCreate(ms: number): void {
    (this.createCap ?? this.budget).penalise(ms);
  }

  private async paced(cap: Pacer | undefined): Promise<void> {
    await this.budget.acquire(this.signal);
    if (cap) await cap.acquire(this.signal);
  }

  /** Pacing first, then a place among the requests in flight, then the call. */
  private call<T>(cap: Pacer | undefined, fn: () => Promise<T>): Promise<T> {
    return this.inFlight.run(async () => {
      await this.paced(cap);
      return fn();
    });
  }

  private async describe(input: DescribeWorkspacesCommandInput): Promise<{ workspaces: ObservedWorkspace[]; next?: string }> {
    const out = await this.call(this.describeCap, () => this.clients.reads.send(new DescribeWorkspacesCommand(input), { abortSignal: this.signal }));
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
      const out = await this.call(this.describeCap, () => this.clients.reads.send(new DescribeWorkspacesCommand({ DirectoryId: directoryId, Limit: 25, NextToken: token }), { abortSignal: this.signal }));
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
      const out = await this.call(this.describeCap, () =>
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
      const out = await this.call(this.describeCap, () => this.clients.reads.send(new DescribeClientPropertiesCommand({ ResourceIds: chunk }), { abortSignal: this.signal }));
      all.push(...(out.ClientPropertiesList ?? []));
    }
    return all;
  }

  /** WorkSpaces by id (≤ 25). */
  async byIds(ids: string[]): Promise<ObservedWorkspace[]> {
    if (ids.length === 0) return [];
    return uniqueById((await this.describe({ WorkspaceIds: ids })).workspaces, (w) => w.workspaceId);
  }

  /**
   * Tags of many WorkSpaces without one call per WorkSpace: the Resource Groups Tagging API returns up to
   * 100 tagged WorkSpaces per GetResources call. A WorkSpace it does not return has never been tagged —
   * or the tagging index has not caught up yet — so those few are read one by one with DescribeTags, as
   * is everything when GetResources itself is unavailable (e.g. tag:GetResources not allowed): slower,
   * never wrong.
   */
  async tagsOf(workspaceIds: string[], bulk?: Promise<Map<string, Record<string, string>> | undefined>): Promise<Map<string, Record<string, string>>> {
    const wanted = new Set(workspaceIds);
    const out = new Map<string, Record<string, string>>();
    if (wanted.size === 0) return out;
    const all = await (bulk ?? this.allWorkspaceTags());
    for (const id of wanted) {
      const t = all?.get(id);
      if (t) out.set(id, t);
    }
    const missing = [...wanted].filter((id) => !out.has(id));
    await Promise.all(missing.map(async (id) => out.set(id, await this.tags(id))));
    return out;
  }

  /**
   * The tags of every tagged WorkSpace in the Region (GetResources, 100 per page), or undefined when the
   * Tagging API cannot be used (the caller then reads tags one by one; the operator is told once). Needs
   * no WorkSpace ids, so it can run while the directories are being listed. `stop` ends it early (an
   * AbortError, no warning): the caller's listing failed and nothing will use the tags.
   */
  async allWorkspaceTags(stop?: AbortSignal): Promise<Map<string, Record<string, string>> | undefined> {
    const out = new Map<string, Record<string, string>>();
    const signal = stop && this.signal ? AbortSignal.any([this.signal, stop]) : (stop ?? this.signal);
    try {
      let token: string | undefined;
      do {
        await this.taggingPacer.acquire(signal);
        const page = await this.inFlight.run(() =>
          this.clients.tagging.send(new GetResourcesCommand({ ResourceTypeFilters: ['workspaces:workspace'], ResourcesPerPage: 100, PaginationToken: token }), { abortSignal: signal }),
        );
        for (const m of page.ResourceTagMappingList ?? []) {
          const id = /:workspace\/(ws-[0-9a-z]+)$/.exec(m.ResourceARN ?? '')?.[1];
          if (id) out.set(id, Object.fromEntries((m.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])));
        }
        token = page.PaginationToken || undefined; // the last page says "" (not absent)
      } while (token);
      return out;
    } catch (err) {
      if ((err as Error).name === 'AbortError' || stop?.aborted) throw err;
      if (!this.warnedTagFallback) {
        this.warnedTagFallback = true;
        this.limits.onWarning?.(
          `cannot read tags in bulk with the Resource Groups Tagging API (${(err as Error).name}: ${(err as Error).message}); reading them one WorkSpace at a time (slower). Allow tag:GetResources, or pass --tagging-endpoint-url, to avoid this` +
            ` / タグの一括取得ができないため 1 台ずつ取得します（低速）。tag:GetResources の許可を確認してください`,
        );
      }
      return undefined;
    }
  }

  async tags(workspaceId: string): Promise<Record<string, string>> {
    const out = await this.call(this.describeCap, () => this.clients.reads.send(new DescribeTagsCommand({ ResourceId: workspaceId }), { abortSignal: this.signal }));
    return Object.fromEntries((out.TagList ?? []).map((t) => [t.Key ?? '', t.Value ?? '']));
  }

  /** One CreateWorkspaces call (≤ 25), one attempt: errors propagate for the engine to classify. */
  async create(requests: WorkspaceRequest[]): Promise<{ pending: Workspace[]; failed: FailedCreateWorkspaceRequest[] }> {
    if (requests.length < 1 || requests.length > 25) throw new Error(`CreateWorkspaces takes 1–25 requests, got ${requests.length}`);
    // Not behind the in-flight limit: CreateWorkspaces is the binding rate, one call at a time, and must
    // not wait for a socket behind the Describe calls of the re-checks it overlaps with.
    await this.paced(this.createCap);
    const out = await this.clients.creates.send(new CreateWorkspacesCommand({ Workspaces: requests }), { abortSignal: this.signal });
    return { pending: out.PendingRequests ?? [], failed: out.FailedRequests ?? [] };
  }

  async setRunningMode(workspaceId: string, runningMode: string): Promise<void> {
    await this.call(this.otherCap, () =>
      this.clients.reads.send(new ModifyWorkspacePropertiesCommand({ WorkspaceId: workspaceId, WorkspaceProperties: { RunningMode: runningMode as 'AUTO_STOP' } }), { abortSignal: this.signal }),
    );
  }

  async tag(workspaceId: string, tags: Record<string, string>): Promise<void> {
    await this.call(this.otherCap, () =>
      this.clients.reads.send(new CreateTagsCommand({ ResourceId: workspaceId, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }), { abortSignal: this.signal }),
    );
  }

  /** TerminateWorkspaces (≤ 25): idempotent, so SDK retries are safe. Returns the ids that failed. */
  async terminate(ids: string[]): Promise<Array<{ workspaceId: string; code?: string; message?: string }>> {
    const out = await this.call(this.otherCap, () =>
      this.clients.reads.send(new TerminateWorkspacesCommand({ TerminateWorkspaceRequests: ids.map((WorkspaceId) => ({ WorkspaceId })) }), { abortSignal: this.signal }),
    );
    return (out.FailedRequests ?? []).map((f) => ({ workspaceId: f.WorkspaceId ?? '', code: f.ErrorCode, message: f.ErrorMessage }));
  }
}
