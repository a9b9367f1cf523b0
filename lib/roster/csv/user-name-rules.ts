/**
 * Which user names WorkSpaces can give a desktop to — the rule docs/roster.md states, checked here and
 * nowhere else. WorkSpaces identifies the user by the directory's logon name (sAMAccountName). The roster
 * accepts what a municipal AD actually uses and what every tool along the way (AD Connector, Windows
 * logon, the WorkSpaces client) handles without surprises:
 *  - 1–20 characters (Microsoft SAM-Account-Name / USER_INFO_0 limit; the API allows 63, AD is binding);
 *  - HALF-WIDTH printable ASCII only: no kanji (田中), no full-width or half-width katakana (ｻﾄｳ), no
 *    full-width letters (ｔａｎａｋａ) — a logon name typed in Japanese is almost always the display name;
 *  - no invisible characters (zero-width space, BOM, no-break space, soft hyphen, …): `tana\u200Bka`
 *    would be a second user next to `tanaka` that nobody can see;
 *  - none of " / \ [ ] : ; | = , + * ? < > @ and no spaces (Microsoft's forbidden set; @ means a UPN);
 *  - not starting with `-` (read as an option by command-line tools) and not ending with `.`;
 *  - not a Windows reserved device name (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9): the user profile
 *    folder C:\Users\<name> could not be created.
 * Values are echoed shortened (a 10 MB cell must not become a 10 MB message).
 * Returns the problem in English and Japanese, or undefined when the name is acceptable.
 */
import { shown } from './echo';

const FORBIDDEN = /["/\\[\]:;|=,+*?<>]/;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
/** Characters that render as nothing (or as an ordinary space) but make a different name. */
// eslint-disable-next-line no-misleading-character-class -- the class lists combining and invisible characters on purpose, each to be refused alone
const INVISIBLE = /[\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/u;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function userNameProblem(name: string): { en: string; ja: string } | undefined {
  const v = shown(name);
  if (name.length === 0) {
    return { en: 'is empty; enter the logon name', ja: '空です。ログオン名を入力してください' };
  }
  const invisible = INVISIBLE.exec(name);
  if (invisible) {
    return {
      en: `"${v}" contains an invisible character (${codePoint(invisible[0])}) at position ${[...name.slice(0, invisible.index)].length + 1}; retype the logon name (it would be a different user from the one you see)`,
      ja: `「${v}」の ${[...name.slice(0, invisible.index)].length + 1} 文字目に見えない文字（${codePoint(invisible[0])}）が含まれています。別の利用者として扱われるため、ログオン名を打ち直してください`,
    };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    return { en: `"${v}" contains control characters; retype the logon name`, ja: `「${v}」に制御文字が含まれています。ログオン名を打ち直してください` };
  }
  if (name.includes('@')) {
    return {
      en: `"${v}" looks like an e-mail address or UPN; use the logon name (sAMAccountName), e.g. the part before @`,
      ja: `「${v}」はメールアドレス形式です。ログオン名（sAMAccountName、@ より前の部分など）を入力してください`,
    };
  }
  const wide = /[^\u0020-\u007e]/u.exec(name);
  if (wide) {
    const ch = wide[0];
    const kind = /[\uff61-\uff9f]/.test(ch)
      ? { en: 'half-width katakana', ja: '半角カナ' }
      : /[\uff01-\uff5e\u3000]/.test(ch)
        ? { en: 'full-width characters', ja: '全角文字' }
        : { en: 'characters other than half-width letters, digits and symbols', ja: '半角英数字・記号以外の文字' };
    return {
      en: `"${v}" contains ${kind.en} ("${ch}"); a logon name is half-width letters, digits and . - _ only — enter the AD logon name (e.g. tanaka), not the person's name`,
      ja: `「${v}」に${kind.ja}（「${ch}」）が含まれています。ログオン名は半角英数字（と . - _）です。氏名ではなく AD のログオン名（例: tanaka）を入力してください`,
    };
  }
  if (name.length > 20) {
    return { en: `"${v}" is longer than 20 characters (Active Directory logon name limit)`, ja: `「${v}」は 20 文字を超えています（AD のログオン名は 20 文字以内）` };
  }
  const bad = FORBIDDEN.exec(name);
  if (bad) {
    return {
      en: `"${v}" contains "${bad[0]}", which a logon name may not contain (" / \\ [ ] : ; | = , + * ? < > @)`,
      ja: `「${v}」に使用できない文字「${bad[0]}」が含まれています`,
    };
  }
  if (/\s/.test(name)) {
    return { en: `"${v}" contains a space; logon names used for WorkSpaces must not`, ja: `「${v}」に空白が含まれています` };
  }
  if (name.startsWith('-')) {
    return { en: `"${v}" starts with "-"; command-line tools would read it as an option — use a logon name that starts with a letter or digit`, ja: `「${v}」は「-」で始まっています。英字または数字で始まるログオン名にしてください` };
  }
  if (name.endsWith('.')) {
    return { en: `"${v}" may not end with a period`, ja: `「${v}」はピリオドで終わることはできません` };
  }
  if (RESERVED.test(name)) {
    return {
      en: `"${v}" is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM1–9, LPT1–9); the user's profile folder could not be created — choose another logon name`,
      ja: `「${v}」は Windows の予約名（CON・PRN・AUX・NUL・COM1～9・LPT1～9）のため、ユーザープロファイルを作成できません。別のログオン名にしてください`,
    };
  }
  return undefined;
}
