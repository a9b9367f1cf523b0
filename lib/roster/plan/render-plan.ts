/** The plan as a table a municipal administrator can review before `apply`. */
import { TIER_LABELS } from '../../tiers/tier';
import { renderTable } from '../text-table';
import { RosterPlan, UnmentionedDirectory, countByKind } from './roster-plan';

/** Said wherever a plan is shown: the directory is left alone, and how to empty it on purpose. */
export function unmentionedDirectoryNotice(u: UnmentionedDirectory): string {
  return (
    `directory ${u.directoryId} (${u.tier}) was given with --directory, but no roster line is in the ${u.tier} tier: its ${u.workspaces} WorkSpace(s) are left alone. ` +
    `If the roster deliberately has nobody in this tier, pass --empty-tier ${u.tier} to plan terminating all of them` +
    ` / ディレクトリ ${u.directoryId}（${TIER_LABELS[u.tier].ja}）は指定されていますが、名簿にこの系の利用者が 1 人もいないため、その WorkSpace ${u.workspaces} 台には手を付けません。` +
    `この系を意図して空にする場合に限り --empty-tier ${u.tier} を指定してください（全台が削除対象になります）`
  );
}

const KIND_LABEL = { create: 'create (作成)', keep: 'keep (維持)', modify: 'modify (変更)', terminate: 'terminate (削除)', conflict: 'CONFLICT (要対応)' };

export function renderPlan(plan: RosterPlan): string {
  const rows = plan.actions.map((a) => {
    switch (a.kind) {
      case 'create':
        return [KIND_LABEL.create, a.entry.userName, TIER_LABELS[a.entry.tier].ja, a.entry.directoryId, '-', `${a.entry.bundleId} ${a.entry.runningMode}`];
      case 'keep':
        return [KIND_LABEL.keep, a.entry.userName, TIER_LABELS[a.entry.tier].ja, a.entry.directoryId, a.workspace.workspaceId, a.workspace.state];
      case 'modify':
        return [
          KIND_LABEL.modify,
          a.entry.userName,
          TIER_LABELS[a.entry.tier].ja,
          a.entry.directoryId,
          a.workspace.workspaceId,
          a.changes.map((c) => `${c.field}: ${c.from} → ${c.to}${c.applied ? '' : ' (not applied: migrate or rebuild by hand)'}`).join('; '),
        ];
      case 'terminate':
        return [KIND_LABEL.terminate, a.workspace.userName, a.tier ? TIER_LABELS[a.tier].ja : '?', a.directoryId, a.workspace.workspaceId, 'not on the roster (名簿にない)'];
      case 'conflict':
        return [KIND_LABEL.conflict, a.entry.userName, TIER_LABELS[a.entry.tier].ja, a.entry.directoryId, a.workspaces.map((w) => w.workspaceId).join(','), a.reason];
    }
  });
  const c = countByKind(plan);
  return (
    renderTable(['action', 'user', 'tier', 'directory', 'workspace', 'detail'], rows) +
    plan.unmentioned.map((u) => `\nnotice (注意): ${unmentionedDirectoryNotice(u)}`).join('') +
    `\n${c.create} to create, ${c.keep} to keep, ${c.modify} to modify, ${c.terminate} to terminate, ${c.conflict} conflict(s)` +
    ` / 作成 ${c.create}・維持 ${c.keep}・変更 ${c.modify}・削除 ${c.terminate}・要対応 ${c.conflict}\n`
  );
}
