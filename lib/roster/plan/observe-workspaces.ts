/**
 * Reads what exists before planning: every WorkSpace in each managed directory, and the tags of those
 * that belong to rostered users (to see a missing or wrong `mic:tier` / `mic:running-mode` tag) — in bulk
 * (Resource Groups Tagging API, 100 per call), never one call per WorkSpace. Tags of WorkSpaces about to
 * be terminated are not read: nothing is decided from them.
 */
import { ObservedWorkspace, GONE_STATES } from '../aws/observed-workspace';
import { WorkSpacesGateway } from '../aws/workspaces-gateway';
import { RosterEntry, userKey } from '../roster-entry';

export async function observeWorkspaces(gateway: WorkSpacesGateway, entries: RosterEntry[], directories: string[]): Promise<ObservedWorkspace[]> {
  // Tags in bulk need no ids: read them while the directories are listed.
  const stopTags = new AbortController();
  const bulk = directories.length ? gateway.allWorkspaceTags(stopTags.signal) : Promise.resolve(undefined);
  bulk.catch(() => undefined); // awaited below; an abort while listing must not surface as unhandled
  let all: ObservedWorkspace[];
  try {
    all = (await Promise.all(directories.map((d) => gateway.listDirectory(d)))).flat();
  } catch (err) {
    // The run ends here: stop the tag read and let it settle first, so nothing it says (a fallback warning)
    // is printed after the command's own error.
    stopTags.abort();
    await bulk.catch(() => undefined);
    throw err;
  }
  const rostered = new Set(entries.map((e) => userKey(e.directoryId, e.userName)));
  const needTags = all.filter((w) => !GONE_STATES.has(w.state) && rostered.has(userKey(w.directoryId, w.userName)));
  const tags = await gateway.tagsOf(needTags.map((w) => w.workspaceId), bulk);
  for (const w of needTags) w.tags = tags.get(w.workspaceId) ?? {};
  return all;
}
