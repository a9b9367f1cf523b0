/**
 * Rosters as municipal staff produce them: Excel's Shift_JIS and UTF-8 (with BOM) files, Japanese or
 * English headers and values — and every validation error citing its line and field.
 */
import * as iconv from 'iconv-lite';
import { decodeRosterBytes, normaliseEncodingName } from '../../../lib/roster/csv/decode-roster-bytes';
import { RosterOptions, parseRoster } from '../../../lib/roster/csv/parse-roster';
import { RosterValidationError } from '../../../lib/roster/csv/roster-validation-error';
import { userNameProblem } from '../../../lib/roster/csv/user-name-rules';

const OPTS: RosterOptions = {
  directories: { lgwan: 'd-1111111111', internet: 'd-2222222222' },
  sizeBundles: { STANDARD: 'wsb-stand0001', VALUE: 'wsb-value0001' },
};

const JA = ['ユーザー名,系,サイズ,実行モード,氏名', 'tanaka,LGWAN接続系,スタンダード,自動停止,田中 太郎', 'sato,インターネット接続系,バリュー,常時稼働,佐藤 花子'].join('\r\n') + '\r\n';

function issuesOf(text: string | Buffer, opts: RosterOptions = OPTS): string[] {
  try {
    parseRoster(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, 'roster.csv', opts);
  } catch (err) {
    expect(err).toBeInstanceOf(RosterValidationError);
    return (err as RosterValidationError).issues.map((i) => `${i.line}|${i.field}|${i.en}`);
  }
  throw new Error('expected the roster to be rejected');
}

describe('roster encodings', () => {
  it('reads Shift_JIS as Excel writes it (CRLF, no BOM), with Japanese headers and values', () => {
    const bytes = iconv.encode(JA, 'Shift_JIS');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const r = parseRoster(bytes, 'r.csv', OPTS);
    expect(r.encoding).toBe('shift_jis');
    expect(r.entries).toEqual([
      { line: 2, userName: 'tanaka', tier: 'lgwan', directoryId: 'd-1111111111', bundleId: 'wsb-stand0001', runningMode: 'AUTO_STOP' },
      { line: 3, userName: 'sato', tier: 'internet', directoryId: 'd-2222222222', bundleId: 'wsb-value0001', runningMode: 'ALWAYS_ON' },
    ]);
  });

  it('reads UTF-8 with a BOM ("CSV UTF-8") and without', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JA, 'utf8')]);
    const a = parseRoster(withBom, 'r.csv', OPTS);
    expect(a).toMatchObject({ encoding: 'utf-8', hadBom: true });
    expect(a.entries[0].userName).toBe('tanaka'); // the BOM did not stick to the first header
    const b = parseRoster(Buffer.from(JA, 'utf8'), 'r.csv', OPTS);
    expect(b).toMatchObject({ encoding: 'utf-8', hadBom: false });
    expect(b.entries).toEqual(a.entries);
  });

  it('honours an explicit encoding and rejects UTF-8 claimed for Shift_JIS bytes', () => {
    const bytes = iconv.encode(JA, 'Shift_JIS');
    expect(decodeRosterBytes(bytes, 'shift_jis').text).toContain('ユーザー名');
    expect(() => decodeRosterBytes(bytes, 'utf-8')).toThrow(/not valid UTF-8.*--encoding shift_jis/);
    expect(normaliseEncodingName('CP932')).toBe('shift_jis');
    expect(normaliseEncodingName('UTF8')).toBe('utf-8');
    expect(() => normaliseEncodingName('latin1')).toThrow(/--encoding latin1: unsupported/);
  });

  it('accepts English headers in any case/spacing, bundle ids, a directory column and ALWAYS_ON', () => {
    const text = 'User Name,TIER,Bundle ID,Running Mode,Directory ID\nkato,lgwan,wsb-abcdefgh1,always_on,d-3333333333\n';
    const r = parseRoster(Buffer.from(text), 'r.csv', {});
    expect(r.entries).toEqual([{ line: 2, userName: 'kato', tier: 'lgwan', directoryId: 'd-3333333333', bundleId: 'wsb-abcdefgh1', runningMode: 'ALWAYS_ON' }]);
  });

  it('defaults a blank running mode to AUTO_STOP and skips blank rows (Excel trailing commas)', () => {
    const r = parseRoster(Buffer.from('user,tier,size,mode\nito,lgwan,STANDARD,\n,,,\n\nabe,層,STANDARD,AUTO_STOP\n'.replace('層', 'lgwan')), 'r.csv', OPTS);
    expect(r.entries.map((e) => [e.userName, e.line, e.runningMode])).toEqual([
      ['ito', 2, 'AUTO_STOP'],
      ['abe', 5, 'AUTO_STOP'],
    ]);
  });
});

describe('roster validation: every problem with its line and field; an invalid roster yields nothing', () => {
  it('refuses the personal-number tier, with the reason', () => {
    const issues = issuesOf('user,tier,size\nyamada,マイナンバー利用事務系,STANDARD\nmori,個人番号利用事務系,STANDARD\n');
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(/^2\|tier \(系\)\|Personal-number tier: WorkSpaces are never provisioned into the personal-number tier — MIC/);
    expect(issues[1]).toMatch(/^3\|tier/);
  });

  it('rejects duplicate users (case-insensitive, as AD is) citing the first line', () => {
    expect(issuesOf('user,tier,size\ntanaka,lgwan,STANDARD\nsato,lgwan,STANDARD\nTANAKA,lgwan,STANDARD\n')).toEqual([
      '4|user (ユーザー名)|"TANAKA" is already on line 2; a user gets exactly one WorkSpace per directory',
    ]);
  });

  it('allows the same person in the two tiers (separate directories)', () => {
    const r = parseRoster(Buffer.from('user,tier,size\ntanaka,lgwan,STANDARD\ntanaka,internet,STANDARD\n'), 'r.csv', OPTS);
    expect(r.entries.map((e) => e.directoryId)).toEqual(['d-1111111111', 'd-2222222222']);
  });

  it('rejects unknown tiers, sizes, running modes, bundles and empty cells', () => {
    const issues = issuesOf('user,tier,size,mode\na1,DMZ,STANDARD,\na2,lgwan,HUGE,\na3,lgwan,STANDARD,sometimes\na4,,STANDARD,\na5,lgwan,,\n');
    expect(issues).toEqual([
      '2|tier (系)|unknown tier "DMZ"; use internet (インターネット接続系) or lgwan (LGWAN接続系)',
      expect.stringMatching(/^3\|size \(サイズ\)\|unknown size "HUGE"/),
      expect.stringMatching(/^4\|running mode \(実行モード\)\|unknown running mode "sometimes"/),
      '5|tier (系)|is empty; enter internet or lgwan',
      '6|size (サイズ)|is empty; enter a bundle id or a size',
    ]);
    expect(issuesOf('user,tier,bundle\nb1,lgwan,my-bundle\n')).toEqual([expect.stringMatching(/^2\|bundle \(バンドル\)\|"my-bundle" is not a bundle id/)]);
  });

  it('names the option to pass when a size has no bundle or a tier has no directory', () => {
    expect(issuesOf('user,tier,size\nc1,lgwan,POWER\n')).toEqual([expect.stringMatching(/^2\|size \(サイズ\)\|size POWER has no bundle; pass --size-bundle POWER=wsb-/)]);
    expect(issuesOf('user,tier,size\nc2,internet,STANDARD\n', { ...OPTS, directories: { lgwan: 'd-1111111111' } })).toEqual([
      expect.stringMatching(/^2\|directory \(ディレクトリ\)\|no directory for the internet tier; add a directory column or pass --directory internet=d-/),
    ]);
  });

  it('rejects a directory column that contradicts the tier mapping, and one directory for two tiers', () => {
    expect(issuesOf('user,tier,size,directory\nd1,internet,STANDARD,d-1111111111\n')).toEqual([
      expect.stringMatching(/^2\|directory.*belongs to the lgwan tier, but this line says internet/),
    ]);
    expect(issuesOf('user,tier,size\nd2,lgwan,STANDARD\n', { ...OPTS, directories: { lgwan: 'd-1111111111', internet: 'd-1111111111' } })).toEqual([
      expect.stringMatching(/^0\|--directory\|internet and lgwan share directory d-1111111111/),
    ]);
  });

  it('rejects headers it does not know, missing required columns, and a roster without users', () => {
    expect(issuesOf('user,tier,size,favourite colour\ne1,lgwan,STANDARD,blue\n')).toEqual([expect.stringMatching(/^1\|favourite colour\|unknown column "favourite colour"; rename it/)]);
    expect(issuesOf('name,size\nx,STANDARD\n')).toEqual([
      expect.stringMatching(/^1\|user \(ユーザー名\)\|the header has no user/),
      expect.stringMatching(/^1\|tier \(系\)\|the header has no tier/),
    ]);
    expect(issuesOf('user,tier\nx,lgwan\n')).toEqual([expect.stringMatching(/^1\|bundle \/ size\|the header needs a bundle/)]);
    expect(issuesOf('user,tier,size\n')).toEqual([expect.stringMatching(/^2\|rows \(データ行\)\|the roster has a header but no users/)]);
    expect(issuesOf('')).toEqual([expect.stringMatching(/the roster is empty/)]);
  });

  it('reports a broken CSV (unclosed quote) as such', () => {
    expect(issuesOf('user,tier,size\n"f1,lgwan,STANDARD\n')).toEqual([expect.stringMatching(/\|CSV\|the file is not valid CSV/)]);
  });

  it('collects all problems at once, with the Japanese text in the message', () => {
    try {
      parseRoster(Buffer.from('user,tier,size\nbad@x.jp,lgwan,STANDARD\nok1,personal-number,STANDARD\nok1,lgwan,STANDARD\nok1,lgwan,STANDARD\n'), 'r.csv', OPTS);
      throw new Error('not rejected');
    } catch (err) {
      const e = err as RosterValidationError;
      expect(e.issues.map((i) => i.line)).toEqual([2, 3, 5]);
      expect(e.message).toContain('nothing was applied (名簿に誤りがあるため、何も反映していません)');
      expect(e.message).toContain('line 2 (2 行目), user (ユーザー名)');
      expect(e.message).toContain('メールアドレス形式');
    }
  });
});

describe('user name rules (AD logon name as WorkSpaces uses it)', () => {
  it.each([
    ['tanaka.taro', undefined],
    ['t-suzuki_01', undefined],
    ['', /is empty/],
    ['taro@city.example.lg.jp', /e-mail address or UPN/],
    ['ｔａｎａｋａ', /full-width/],
    ['abcdefghijklmnopqrstu', /longer than 20/],
    ['tan"aka', /contains """/],
    ['tan/aka', /contains "\/"/],
    ['tan[aka', /contains "\["/],
    ['tanaka.', /end with a period/],
    ['tan aka', /contains a space/],
    ['tan\u0007aka', /control characters/],
    // Issue 14 §6: what the docs call invalid is refused.
    ['田中', /characters other than half-width letters.*"田"/],
    ['ｻﾄｳ', /half-width katakana \("ｻ"\)/],
    ['tana\u200Bka', /invisible character \(U\+200B\) at position 5/],
    ['\uFEFFtanaka', /invisible character \(U\+FEFF\) at position 1/],
    ['tanaka\u00A0', /invisible character \(U\+00A0\)/],
    ['con', /Windows reserves for a device/],
    ['NUL', /Windows reserves/],
    ['Com1', /Windows reserves/],
    ['lpt9', /Windows reserves/],
    ['console', undefined],
    ['-tanaka', /starts with "-"/],
    ['tana-ka', undefined],
    ['café', /characters other than half-width/],
  ])('%j → %s', (name, problem) => {
    const p = userNameProblem(name);
    if (problem === undefined) expect(p).toBeUndefined();
    else expect(p?.en).toMatch(problem);
  });
});

describe('issue 14 §6: rosters as they really arrive', () => {
  it('a zero-width space never makes a second user next to the visible one', () => {
    expect(issuesOf('user,tier,size\ntanaka,lgwan,STANDARD\ntana\u200Bka,lgwan,STANDARD\n')).toEqual([expect.stringMatching(/^3\|user \(ユーザー名\)\|.*invisible character \(U\+200B\)/)]);
  });

  it('a value beyond the header is an error naming the Excel column, not silently dropped; trailing empty cells are fine', () => {
    expect(issuesOf('user,tier,size\ntanaka,lgwan,STANDARD,,\nsato,lgwan,STANDARD,,常時稼働\n')).toEqual([expect.stringMatching(/^3\|column E \(E 列\)\|"常時稼働" is in a cell beyond the header's 3 columns/)]);
  });

  it.each([
    ['EUC-JP', (t: string) => iconv.encode(t, 'EUC-JP'), /the roster is EUC-JP/],
    ['UTF-16LE with a BOM (Excel "Unicode テキスト")', (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf16le')]), /UTF-16 \("Unicode text"\)/],
    ['UTF-16LE without a BOM', (t: string) => iconv.encode(t, 'utf16le'), /UTF-16/],
    ['UTF-16BE with a BOM', (t: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf16be')]), /UTF-16/],
  ])('%s: refused with the encoding named and how to save from Excel, in both languages', (_name, encode, names) => {
    let error: RosterValidationError | undefined;
    try {
      parseRoster(encode(JA), 'roster.csv', OPTS);
    } catch (err) {
      error = err as RosterValidationError;
    }
    expect(error).toBeInstanceOf(RosterValidationError);
    expect(error!.issues).toHaveLength(1); // not a cascade of "unknown column" mojibake
    expect(error!.message).toMatch(names);
    expect(error!.message).toMatch(/"CSV UTF-8 \(comma delimited\) \(\*\.csv\)" or "CSV \(comma delimited\) \(\*\.csv\)"/);
    expect(error!.message).toMatch(/「CSV UTF-8 \(コンマ区切り\) \(\*\.csv\)」/);
  });

  it('a short EUC-JP roster with one kanji name is still recognised', () => {
    expect(() => parseRoster(iconv.encode('user,tier,size,氏名\ntanaka,lgwan,STANDARD,田中\n', 'EUC-JP'), 'r.csv', OPTS)).toThrow(/EUC-JP/);
  });

  it('Shift_JIS with half-width katakana and NEC extensions is still read as Shift_JIS', () => {
    const r = parseRoster(iconv.encode('user,tier,size,氏名\r\nsato,lgwan,STANDARD,ｻﾄｳ ①\r\n', 'cp932'), 'r.csv', OPTS);
    expect(r.encoding).toBe('shift_jis');
  });

  it('a 10 MB single cell gives a short error, the value echoed once and shortened', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    let message = '';
    try {
      parseRoster(Buffer.from(`user,tier,size\n${huge},lgwan,STANDARD\n`), 'r.csv', OPTS);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/xxxxxxxx…\(10485760 characters \/ 10485760 文字\)/);
    expect(message.length).toBeLessThan(2000);
  });

  it('a roster with 150,000 bad lines lists the first 100 problems and counts the rest', () => {
    const text = 'user,tier,size\n' + Array.from({ length: 150_000 }, (_, i) => `u${i},dmz,STANDARD`).join('\n') + '\n';
    let error: RosterValidationError | undefined;
    try {
      parseRoster(Buffer.from(text), 'r.csv', OPTS);
    } catch (err) {
      error = err as RosterValidationError;
    }
    expect(error!.issues).toHaveLength(150_000);
    expect(error!.message.split('\n')).toHaveLength(102);
    expect(error!.message).toMatch(/… and 149900 more problem\(s\)/);
  });
});
