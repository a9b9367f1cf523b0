/**
 * What a person must do when one user has more than one WorkSpace in a directory. Said only for
 * DISTINCT WorkspaceIds (listings are de-duplicated first): telling an operator to "terminate the
 * others" when the same desktop was merely listed twice would delete the user's only desktop.
 */
export function duplicateAdvice(workspaceIds: string[]): string {
  const ids = [...new Set(workspaceIds)];
  return (
    `${ids.length} distinct WorkSpaces for one user (${ids.join(', ')}); ask the user which one they use, keep it, and terminate the others by hand` +
    ` / 同じ利用者に別々の WorkSpace が ${ids.length} 台あります（${ids.join('、')}）。利用者に使用中の 1 台を確認して残し、ほかは手作業で削除してください`
  );
}
