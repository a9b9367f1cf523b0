/**
 * Which user names WorkSpaces can give a desktop to. WorkSpaces identifies the user by the directory's
 * logon name (sAMAccountName): at most 20 characters, none of " / \ [ ] : ; | = , + * ? < >, no control
 * characters, not ending in a period (Microsoft's SAM-Account-Name and USER_INFO_0 rules). The API itself
 * allows 1–63 characters, so the AD rule is the binding one.
 * Returns the problem in English and Japanese, or undefined when the name is acceptable.
 */
const FORBIDDEN = /["/\\[\]:;|=,+*?<>]/;

export function userNameProblem(name: string): { en: string; ja: string } | undefined {
  if (name.length === 0) {
    return { en: 'is empty; enter the logon name', ja: '空です。ログオン名を入力してください' };
  }
  if (name.includes('@')) {
    return {
      en: `"${name}" looks like an e-mail address or UPN; use the logon name (sAMAccountName), e.g. the part before @`,
      ja: `「${name}」はメールアドレス形式です。ログオン名（sAMAccountName、@ より前の部分など）を入力してください`,
    };
  }
  if (/[\uff01-\uff5e\u3000]/.test(name)) {
    return {
      en: `"${name}" contains full-width characters; type the logon name in half-width letters and digits`,
      ja: `「${name}」に全角文字が含まれています。ログオン名は半角英数字で入力してください`,
    };
  }
  if ([...name].length > 20) {
    return { en: `"${name}" is longer than 20 characters (Active Directory logon name limit)`, ja: `「${name}」は 20 文字を超えています（AD のログオン名は 20 文字以内）` };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    return { en: 'contains control characters', ja: '制御文字が含まれています' };
  }
  const bad = FORBIDDEN.exec(name);
  if (bad) {
    return {
      en: `"${name}" contains "${bad[0]}", which a logon name may not contain (" / \\ [ ] : ; | = , + * ? < >)`,
      ja: `「${name}」に使用できない文字「${bad[0]}」が含まれています`,
    };
  }
  if (name.endsWith('.') || /^[.\s]+$/.test(name)) {
    return { en: `"${name}" may not end with a period or consist only of periods and spaces`, ja: `「${name}」はピリオドで終わることはできません` };
  }
  if (/\s/.test(name)) {
    return { en: `"${name}" contains a space; logon names used for WorkSpaces must not`, ja: `「${name}」に空白が含まれています` };
  }
  return undefined;
}
