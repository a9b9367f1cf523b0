/** A WorkSpace as Describe reported it, reduced to what the roster and audit compare. */
export interface ObservedWorkspace {
  workspaceId: string;
  directoryId: string;
  userName: string;
  bundleId: string;
  state: string;
  runningMode?: string;
  autoStopMinutes?: number;
  rootVolumeEncrypted?: boolean;
  userVolumeEncrypted?: boolean;
  volumeEncryptionKey?: string;
  errorCode?: string;
  errorMessage?: string;
  /** Filled only where tags were read (DescribeTags is one call per WorkSpace). */
  tags?: Record<string, string>;
}

/** States in which a WorkSpace no longer counts as the user's desktop. */
export const GONE_STATES = new Set(['TERMINATING', 'TERMINATED']);

/**
 * Each WorkSpace once, by WorkspaceId. DescribeWorkspaces pages with offset-like tokens: a WorkSpace that
 * becomes visible (or disappears) while we page shifts the later pages, so one desktop can come back on
 * two pages. Counted twice it would look like a user's second WorkSpace, and the advice "terminate the
 * others" would delete the user's only desktop.
 */
export function uniqueById<T>(items: T[], idOf: (item: T) => string | undefined): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = idOf(item);
    if (id === undefined || id === '') return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
