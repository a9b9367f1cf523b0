/** The plan as a table a municipal administrator can review before `apply`. */
import { TIER_LABELS } from '../../tiers/tier';
import { renderTable } from '../text-table';
import { RosterPlan, countByKind } from './roster-plan';

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
    `\n${c.create} to create, ${c.keep} to keep, ${c.modify} to modify, ${c.terminate} to terminate, ${c.conflict} conflict(s)` +
    ` / 作成 ${c.create}・維持 ${c.keep}・変更 ${c.modify}・削除 ${c.terminate}・要対応 ${c.conflict}\n`
  );
}
