/**
 * `closed-telework audit`: reads what the account really has — each directory's access, creation,
 * self-service and streaming properties, its client properties, and each WorkSpace's properties and
 * tags — and compares it with the hardening baseline (lib/desktops/hardening-baseline.ts, the same data
 * the constructs deploy from), so a setting switched back on in the console after the deploy is seen.
 *
 * Fail closed: a value the API did not return is drift (the baseline's evaluator treats "not set" as
 * non-compliant); a WorkSpace without a `mic:tier` tag, or with a tag that disagrees with its
 * directory's tier, is drift; a directory named on the command line that does not exist is an error.
 */
import {
  DesktopKind,
  HardeningOptions,
  MANUAL_CONTROLS,
  evaluateSetting,
  hardeningBaseline,
  settingsFor,
} from '../../desktops/hardening-baseline';
import { TIER_TAG_KEY, Tier, isTier } from '../../tiers/tier';
import { GONE_STATES } from '../aws/observed-workspace';
import { SETTINGS_WAIVED_BY_DECLARED_ALWAYS_ON, UNDECLARED_ALWAYS_ON_FIX, isDeclaredAlwaysOn } from '../running-mode-declaration';
import { WorkSpacesGateway } from '../aws/workspaces-gateway';

export interface Drift {
  /** Directory id or WorkSpace id. */
  resourceId: string;
  resourceKind: 'directory' | 'client-properties' | 'workspace';
  /** Baseline setting id, or WSH-DESKTOP-TIER-TAG for the tier tag. */
  settingId: string;
  path: string;
  actual: unknown;
  reason: string;
  fix: { en: string; ja: string };
  /** For WorkSpaces: whose desktop it is. */
  userName?: string;
}

export interface AuditResult {
  directories: string[];
  workspacesChecked: number;
  settingsChecked: number;
  drifts: Drift[];
  /** Controls no API can read: listed so nobody mistakes them for checked. */
  manual: typeof MANUAL_CONTROLS;
}

export interface AuditOptions {
  hardening: HardeningOptions;
  /** Directories to audit; default: every registered directory. */
  directoryIds?: string[];
  /** Known tier of each directory (e.g. from --directory lgwan=d-…), to check WorkSpace tier tags. */
  directoryTiers?: Map<string, Tier>;
  kind?: DesktopKind;
}

export async function auditAccount(gateway: WorkSpacesGateway, options: AuditOptions): Promise<AuditResult> {
  const baseline = hardeningBaseline(options.hardening);
  const kind = options.kind ?? 'personal';
  const directories = await gateway.directories(options.directoryIds);
  const found = new Set(directories.map((d) => d.DirectoryId));
  const missing = (options.directoryIds ?? []).filter((id) => !found.has(id));
  if (missing.length) {
    throw new Error(`directory ${missing.join(', ')} is not registered with WorkSpaces in this Region (指定したディレクトリが見つかりません)`);
  }
  const drifts: Drift[] = [];
  let settingsChecked = 0;
  let workspacesChecked = 0;

  const check = (resourceId: string, resourceKind: Drift['resourceKind'], source: unknown, settings: ReturnType<typeof settingsFor>, userName?: string) => {
    for (const s of settings) {
      settingsChecked++;
      const e = evaluateSetting(s, source);
      if (!e.compliant) drifts.push({ resourceId, resourceKind, settingId: s.id, path: s.path.join('.'), actual: e.actual, reason: e.reason, fix: s.fix, userName });
    }
  };

  const ids = directories.map((d) => d.DirectoryId ?? '');
  for (const d of directories) check(d.DirectoryId ?? '', 'directory', d, settingsFor(baseline, 'directory', kind));
  const clientProps = new Map((ids.length ? await gateway.clientProperties(ids) : []).map((c) => [c.ResourceId, c.ClientProperties]));
  for (const id of ids) check(id, 'client-properties', clientProps.get(id), settingsFor(baseline, 'client-properties', kind));

  if (kind === 'personal') {
    const wsSettings = settingsFor(baseline, 'personal-workspace', 'personal');
    const listed: Array<{ directoryId: string; ws: Awaited<ReturnType<WorkSpacesGateway['listDirectoryRaw']>>[number] }> = [];
    for (const d of directories) {
      const directoryId = d.DirectoryId ?? '';
      for (const ws of await gateway.listDirectoryRaw(directoryId)) if (!GONE_STATES.has(ws.State ?? '')) listed.push({ directoryId, ws });
    }
    // Tags in bulk (100 WorkSpaces per call), not one DescribeTags per desktop.
    const tagsById = await gateway.tagsOf(listed.map((l) => l.ws.WorkspaceId ?? ''));
    {
      for (const { directoryId, ws } of listed) {
        const expectedTier = options.directoryTiers?.get(directoryId);
        workspacesChecked++;
        const id = ws.WorkspaceId ?? '';
        const tags = tagsById.get(id) ?? {};
        // One rule with the roster (running-mode-declaration.ts): 常時稼働 the roster declared is accepted;
        // ALWAYS_ON without that declaration is drift, and its fix names both ways out.
        const declaredAlwaysOn = isDeclaredAlwaysOn(ws.WorkspaceProperties?.RunningMode, tags);
        const before = drifts.length;
        check(id, 'workspace', ws, declaredAlwaysOn ? wsSettings.filter((x) => !SETTINGS_WAIVED_BY_DECLARED_ALWAYS_ON.has(x.id)) : wsSettings, ws.UserName);
        if (declaredAlwaysOn) settingsChecked += wsSettings.length - wsSettings.filter((x) => !SETTINGS_WAIVED_BY_DECLARED_ALWAYS_ON.has(x.id)).length;
        for (const d of drifts.slice(before)) {
          if (d.settingId === 'WSH-DESKTOP-AUTO-STOP' && d.actual === 'ALWAYS_ON') d.fix = UNDECLARED_ALWAYS_ON_FIX;
        }
        settingsChecked++;
        const tag = tags[TIER_TAG_KEY];
        const tagProblem =
          tag === undefined
            ? `no ${TIER_TAG_KEY} tag: the desktop's tier is undeclared`
            : !isTier(tag)
              ? `${TIER_TAG_KEY}=${tag} is not a tier`
              : tag === 'personal-number'
                ? `${TIER_TAG_KEY}=personal-number: no telework desktop may exist in the personal-number tier`
                : expectedTier && tag !== expectedTier
                  ? `${TIER_TAG_KEY}=${tag} but directory ${directoryId} belongs to the ${expectedTier} tier`
                  : '';
        if (tagProblem) {
          drifts.push({
            resourceId: id,
            resourceKind: 'workspace',
            settingId: 'WSH-DESKTOP-TIER-TAG',
            path: `Tags.${TIER_TAG_KEY}`,
            actual: tag,
            reason: tagProblem,
            userName: ws.UserName,
            fix: {
              en: tag === 'personal-number' ? 'Terminate this WorkSpace: the personal-number tier has no telework entry point.' : `Tag the WorkSpace ${TIER_TAG_KEY}=${expectedTier ?? '<its tier>'} (closed-telework roster apply does this).`,
              ja: tag === 'personal-number' ? 'このWorkSpaceを削除してください（マイナンバー利用事務系にテレワーク端末は置けません）。' : `WorkSpace に ${TIER_TAG_KEY}=${expectedTier ?? '<層>'} のタグを付けてください（roster apply で付与されます）。`,
            },
          });
        }
      }
    }
  }
  return { directories: ids, workspacesChecked, settingsChecked, drifts, manual: MANUAL_CONTROLS };
}
