/**
 * Reads and validates a roster CSV completely before anything touches AWS: an invalid roster applies
 * nothing. Every problem is collected (not just the first) with its line and field.
 */
import { parse } from 'csv-parse/sync';
import { NO_TELEWORK_TIER, TIER_LABELS } from '../../tiers/tier';
import { RosterEntry, RunningMode, SIZES, Size, userKey } from '../roster-entry';
import { DecodedRoster, RosterEncoding, decodeRosterBytes } from './decode-roster-bytes';
import { COLUMN_LABELS, Column, columnForHeader, normaliseLabel } from './roster-columns';
import { RosterIssue, RosterValidationError } from './roster-validation-error';
import { BUNDLE_ID_PATTERN, DIRECTORY_ID_PATTERN, parseRunningMode, parseSize, parseTier } from './roster-values';
import { userNameProblem } from './user-name-rules';
import { shown } from './echo';

export type TeleworkTier = 'internet' | 'lgwan';

export interface RosterOptions {
  /** The WorkSpaces directory of each tier, used when the roster has no directory column (or a blank cell). */
  directories?: Partial<Record<TeleworkTier, string>>;
  /** Bundle id for each size a roster may name instead of a bundle. */
  sizeBundles?: Partial<Record<Size, string>>;
  /** Force an encoding instead of detecting it. */
  encoding?: RosterEncoding;
  /** Running mode for a blank cell or a roster without the column (default AUTO_STOP: it stops when idle). */
  defaultRunningMode?: RunningMode;
}

export interface ParsedRoster {
  entries: RosterEntry[];
  encoding: DecodedRoster['encoding'];
  hadBom: boolean;
}

/** Columns that carry information for people (names, notes) and are deliberately not used. */
const INFORMATIONAL_HEADERS = new Set(
  ['name', 'fullname', 'displayname', 'email', 'mail', 'department', 'section', 'note', 'notes', 'comment', 'comments', 'remarks',
    '氏名', '名前', '所属', '部署', '課', '課名', '備考', 'メモ', 'メール', 'メールアドレス', 'no', '番号', '#'].map(normaliseLabel),
);

/** 0 → A, 25 → Z, 26 → AA: how Excel names a column, so staff find the cell. */
function excelColumn(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function parseRoster(bytes: Buffer, file: string, options: RosterOptions = {}): ParsedRoster {
  const issues: RosterIssue[] = [];
  const optionIssue = (field: string, en: string, ja: string) => issues.push({ line: 0, field, en, ja });

  // The options themselves: a directory may belong to one tier only (one directory = one tier's AD).
  const dirs = options.directories ?? {};
  for (const [tier, id] of Object.entries(dirs)) {
    if (tier === NO_TELEWORK_TIER) {
      optionIssue('--directory', 'the personal-number tier may never have WorkSpaces (MIC: no telework entry point)', 'マイナンバー利用事務系にはテレワーク端末を割り当てられません');
    } else if (id !== undefined && !DIRECTORY_ID_PATTERN.test(id)) {
      optionIssue('--directory', `${tier}=${id} is not a directory id (d-xxxxxxxxxx)`, `${tier}=${id} はディレクトリ ID（d-xxxxxxxxxx）ではありません`);
    }
  }
  if (dirs.internet && dirs.lgwan && dirs.internet === dirs.lgwan) {
    optionIssue('--directory', `internet and lgwan share directory ${dirs.lgwan}; each tier needs its own directory`, `インターネット接続系と LGWAN 接続系で同じディレクトリ ${dirs.lgwan} が指定されています。系ごとに別のディレクトリが必要です`);
  }
  for (const [size, bundle] of Object.entries(options.sizeBundles ?? {})) {
    if (!(SIZES as readonly string[]).includes(size)) {
      optionIssue('--size-bundle', `unknown size ${size}; sizes are ${SIZES.join(', ')}`, `サイズ ${size} は不明です`);
    }
    if (bundle !== undefined && !BUNDLE_ID_PATTERN.test(bundle)) {
      optionIssue('--size-bundle', `${size}=${bundle} is not a bundle id (wsb-xxxxxxxxx)`, `${size}=${bundle} はバンドル ID ではありません`);
    }
  }

  let decoded: DecodedRoster;
  try {
    decoded = decodeRosterBytes(bytes, options.encoding);
  } catch (err) {
    const [en, ja] = (err as Error).message.split(' / ');
    throw new RosterValidationError(file, [...issues, { line: 0, field: 'encoding (文字コード)', en, ja: ja ?? '' }]);
  }

  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(decoded.text, { info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new RosterValidationError(file, [
      ...issues,
      { line: e.lines ?? 0, field: 'CSV', en: `the file is not valid CSV: ${shown(e.message, 200)}`, ja: 'CSV として読み取れません（引用符の閉じ忘れなど）' },
    ]);
  }
  if (records.length === 0) {
    throw new RosterValidationError(file, [...issues, { line: 1, field: 'header (見出し行)', en: 'the roster is empty', ja: '名簿が空です' }]);
  }

  // Header row → column positions.
  const header = records[0];
  const positions = new Map<Column, number>();
  header.record.forEach((label, index) => {
    const column = columnForHeader(label);
    if (column) {
      if (positions.has(column)) {
        issues.push({ line: header.info.lines, field: shown(label), en: `column ${COLUMN_LABELS[column]} appears twice`, ja: `列「${shown(label)}」が重複しています` });
      }
      positions.set(column, index);
    } else if (label !== '' && !INFORMATIONAL_HEADERS.has(normaliseLabel(label))) {
      issues.push({
        line: header.info.lines,
        field: shown(label),
        en: `unknown column "${shown(label)}"; rename it to one of user, tier, bundle, size, running mode, directory (or remove it)`,
        ja: `列「${shown(label)}」は不明です。ユーザー名・系・バンドル・サイズ・実行モード・ディレクトリのいずれかに名前を変えるか、削除してください`,
      });
    }
  });
  for (const required of ['user', 'tier'] as const) {
    if (!positions.has(required)) {
      issues.push({ line: header.info.lines, field: COLUMN_LABELS[required], en: `the header has no ${COLUMN_LABELS[required]} column`, ja: `見出し行に ${COLUMN_LABELS[required]} 列がありません` });
    }
  }
  if (!positions.has('bundle') && !positions.has('size')) {
    issues.push({ line: header.info.lines, field: 'bundle / size', en: 'the header needs a bundle (バンドル) or size (サイズ) column', ja: '見出し行にバンドル列またはサイズ列が必要です' });
  }
  if (issues.some((i) => i.line === header.info.lines)) {
    throw new RosterValidationError(file, issues);
  }

  const entries: RosterEntry[] = [];
  const seen = new Map<string, number>();
  const directoryTier = new Map<string, string>();
  for (const [tier, id] of Object.entries(dirs)) if (id) directoryTier.set(id, tier);

  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const cell = (c: Column): string => (positions.has(c) ? (record[positions.get(c)!] ?? '').trim() : '');
    if (record.every((v) => v.trim() === '')) continue; // a row of empty cells (Excel's trailing commas)
    const issue = (c: Column, en: string, ja: string) => issues.push({ line, field: COLUMN_LABELS[c], en, ja });
    const before = issues.length;

    // A value to the right of the last header would be silently dropped: an error, naming the column as
    // Excel letters it. (Empty trailing cells — Excel's trailing commas — are fine.)
    const beyond = record.slice(header.record.length).findIndex((v) => v.trim() !== '');
    if (beyond >= 0) {
      const col = header.record.length + beyond;
      issues.push({
        line,
        field: `column ${excelColumn(col)} (${excelColumn(col)} 列)`,
        en: `"${shown(record[col].trim())}" is in a cell beyond the header's ${header.record.length} columns and would be ignored; give that column a header or move the value`,
        ja: `見出し行（${header.record.length} 列）より右のセルに「${shown(record[col].trim())}」があり、読み取られません。列に見出しを付けるか、値を正しい列に移してください`,
      });
    }

    const userName = cell('user');
    const nameProblem = userNameProblem(userName);
    if (nameProblem) issue('user', nameProblem.en, nameProblem.ja);

    const tierText = cell('tier');
    const tier = parseTier(tierText);
    if (tierText === '') {
      issue('tier', 'is empty; enter internet or lgwan', '空です。インターネット接続系 または LGWAN接続系 を入力してください');
    } else if (!tier) {
      issue('tier', `unknown tier "${shown(tierText)}"; use internet (インターネット接続系) or lgwan (LGWAN接続系)`, `系「${shown(tierText)}」は不明です。インターネット接続系 または LGWAN接続系 を入力してください`);
    } else if (tier === NO_TELEWORK_TIER) {
      issue(
        'tier',
        `${TIER_LABELS[tier].en}: WorkSpaces are never provisioned into the personal-number tier — MIC's guideline allows no telework entry point into it; remove this line`,
        `${TIER_LABELS[tier].ja}にはテレワーク端末を一切割り当てません（総務省ガイドライン：個人番号利用事務系への外部からの接続点を設けない）。この行を削除してください`,
      );
    }

    let bundleId = cell('bundle');
    const sizeText = cell('size');
    if (bundleId !== '') {
      if (!BUNDLE_ID_PATTERN.test(bundleId)) {
        const asSize = parseSize(bundleId);
        if (asSize) bundleId = options.sizeBundles?.[asSize] ?? `size:${asSize}`;
        else issue('bundle', `"${shown(bundleId)}" is not a bundle id (wsb-xxxxxxxxx) or a size`, `「${shown(bundleId)}」はバンドル ID（wsb-…）でもサイズでもありません`);
      }
    } else if (sizeText !== '') {
      const size = parseSize(sizeText);
      if (!size) {
        issue('size', `unknown size "${shown(sizeText)}"; use one of ${SIZES.join(', ')}`, `サイズ「${shown(sizeText)}」は不明です`);
      } else {
        bundleId = options.sizeBundles?.[size] ?? `size:${size}`;
      }
    } else {
      issue(positions.has('bundle') ? 'bundle' : 'size', 'is empty; enter a bundle id or a size', '空です。バンドル ID またはサイズを入力してください');
    }
    if (bundleId.startsWith('size:')) {
      const size = bundleId.slice(5);
      issue('size', `size ${size} has no bundle; pass --size-bundle ${size}=wsb-xxxxxxxxx`, `サイズ ${size} に対応するバンドルがありません。--size-bundle ${size}=wsb-… を指定してください`);
    }

    const modeText = cell('runningMode');
    let runningMode: RunningMode = options.defaultRunningMode ?? 'AUTO_STOP';
    if (modeText !== '') {
      const m = parseRunningMode(modeText);
      if (!m) issue('runningMode', `unknown running mode "${shown(modeText)}"; use AUTO_STOP (自動停止) or ALWAYS_ON (常時稼働)`, `実行モード「${shown(modeText)}」は不明です。自動停止 または 常時稼働 を入力してください`);
      else runningMode = m;
    }

    let directoryId = cell('directory');
    if (tier && tier !== 'personal-number') {
      if (directoryId === '') {
        directoryId = dirs[tier] ?? '';
        if (directoryId === '') {
          issue('directory', `no directory for the ${tier} tier; add a directory column or pass --directory ${tier}=d-xxxxxxxxxx`, `${TIER_LABELS[tier].ja}のディレクトリが指定されていません。--directory ${tier}=d-… を指定してください`);
        }
      } else if (!DIRECTORY_ID_PATTERN.test(directoryId)) {
        issue('directory', `"${shown(directoryId)}" is not a directory id (d-xxxxxxxxxx)`, `「${shown(directoryId)}」はディレクトリ ID ではありません`);
      } else if (directoryTier.has(directoryId) && directoryTier.get(directoryId) !== tier) {
        issue('directory', `directory ${directoryId} belongs to the ${directoryTier.get(directoryId)} tier, but this line says ${tier}`, `ディレクトリ ${directoryId} は別の系（${directoryTier.get(directoryId)}）のものです`);
      } else {
        directoryTier.set(directoryId, tier);
      }
    }

    if (!nameProblem && directoryId !== '') {
      const key = userKey(directoryId, userName);
      const first = seen.get(key);
      if (first !== undefined) {
        issue('user', `"${shown(userName)}" is already on line ${first}; a user gets exactly one WorkSpace per directory`, `「${shown(userName)}」は ${first} 行目と重複しています`);
      } else {
        seen.set(key, line);
      }
    }

    if (issues.length === before && tier && tier !== 'personal-number') {
      entries.push({ line, userName, tier, directoryId, bundleId, runningMode });
    }
  }

  if (issues.length > 0) throw new RosterValidationError(file, issues);
  if (entries.length === 0) {
    throw new RosterValidationError(file, [{ line: 2, field: 'rows (データ行)', en: 'the roster has a header but no users', ja: '名簿にユーザーの行がありません' }]);
  }
  return { entries, encoding: decoded.encoding, hadBom: decoded.hadBom };
}
