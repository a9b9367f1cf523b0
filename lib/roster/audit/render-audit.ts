/** The audit result for a reviewer: every drift with its fix, then the controls no API can check. */
import { renderTable } from '../text-table';
import { AuditResult } from './audit-account';

export function renderAudit(result: AuditResult): string {
  const rows = result.drifts.map((d) => [d.settingId, d.resourceId + (d.userName ? ` (${d.userName})` : ''), d.path, d.reason, `${d.fix.en} / ${d.fix.ja}`]);
  const head = result.drifts.length
    ? renderTable(['setting', 'resource', 'field', 'drift', 'fix'], rows)
    : 'No drift from the hardening baseline (ハードニング基準からの逸脱はありません).\n';
  const manual = result.manual.map((m) => `  - ${m.id}: ${m.title.en} / ${m.title.ja} (${m.where})`).join('\n');
  return (
    head +
    `\n${result.drifts.length} drift(s) in ${result.directories.length} directory(ies) and ${result.workspacesChecked} WorkSpace(s); ${result.settingsChecked} settings checked` +
    ` / 逸脱 ${result.drifts.length} 件\n` +
    `Not checkable through the API — verify by hand (APIでは確認できない項目。手作業で確認):\n${manual}\n`
  );
}
