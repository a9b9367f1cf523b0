/**
 * What a person must do when a WorkSpace's bundle differs from the roster's. The roster tool never
 * changes a bundle itself: MigrateWorkspace rebuilds the system volume (the user's C: drive contents are
 * lost) and a rebuild-from-scratch loses more, so the choice belongs to a person, every time.
 */
export function bundleChangeAdvice(from: string, to: string): string {
  return (
    `bundle ${from} → ${to} is not changed by this tool: migrate the WorkSpace to ${to} (console "Migrate WorkSpaces" or aws workspaces migrate-workspace; the C: drive is rebuilt), or put ${from} back in the roster` +
    ` / バンドル ${from} → ${to} の変更はこのツールでは行いません。WorkSpace を ${to} へ移行（コンソールの「WorkSpaces の移行」、C: ドライブは再作成されます）するか、名簿のバンドルを ${from} に戻してください`
  );
}
