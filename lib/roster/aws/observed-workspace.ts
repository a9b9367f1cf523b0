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
