/**
 * The roster's columns and the header spellings staff actually use, in English and Japanese.
 * Headers are matched after normalisation (NFKC, lower case, spaces/underscores/hyphens removed), so
 * "User Name", "user_name", "ユーザー名" and full-width "ＵｓｅｒＮａｍｅ" all name the same column.
 */
export const COLUMNS = ['user', 'tier', 'bundle', 'size', 'runningMode', 'directory'] as const;
export type Column = (typeof COLUMNS)[number];

const ALIASES: Record<Column, string[]> = {
  user: ['user', 'username', 'userid', 'login', 'samaccountname', 'ユーザー名', 'ユーザ名', 'ユーザー', 'ユーザ', 'ユーザーid', 'ユーザid', '利用者', '利用者名', 'ログイン名', 'アカウント名'],
  tier: ['tier', 'network', 'segment', '系', '層', '接続系', 'ネットワーク', '区分'],
  bundle: ['bundle', 'bundleid', 'バンドル', 'バンドルid'],
  size: ['size', 'computetype', 'サイズ', '性能', 'スペック', 'コンピューティングタイプ'],
  runningMode: ['runningmode', 'mode', '実行モード', '稼働モード', 'モード'],
  directory: ['directory', 'directoryid', 'ディレクトリ', 'ディレクトリid'],
};

export function normaliseLabel(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/[\s_\-・]/g, '');
}

const LOOKUP = new Map<string, Column>();
for (const c of COLUMNS) for (const a of ALIASES[c]) LOOKUP.set(normaliseLabel(a), c);

export function columnForHeader(header: string): Column | undefined {
  return LOOKUP.get(normaliseLabel(header));
}

/** How a column is named in messages: English first, Japanese for the municipal reader. */
export const COLUMN_LABELS: Record<Column, string> = {
  user: 'user (ユーザー名)',
  tier: 'tier (系)',
  bundle: 'bundle (バンドル)',
  size: 'size (サイズ)',
  runningMode: 'running mode (実行モード)',
  directory: 'directory (ディレクトリ)',
};
