/**
 * The citations table (issue 12): every rule is pinned to a citation, every MIC citation to the one named
 * edition (or the telework requirements by their real title), and this tool's own criteria are shown under
 * their own heading, never as MIC's words.
 */
import { CITATIONS, GUIDELINE_EDITION, RULES, citationText, isCitationKey, type Citation, type CitationKey } from '../../lib/checks';
import { TOOL_CRITERIA_HEADING } from '../../lib/checks/citations';
import { MANUAL_CONTROLS } from '../../lib/report/manual-controls';

const ENTRIES = Object.entries(CITATIONS) as Array<[CitationKey, Citation]>;
const TELEWORK_TITLE = '新型コロナウイルスへの対応等を踏まえた地方公共団体における LGWAN 接続系のテレワークセキュリティ要件について';

test('the edition is named once, and it is 令和7年3月版', () => {
  expect(GUIDELINE_EDITION.ja).toContain('令和7年3月版');
  expect(GUIDELINE_EDITION.en).toContain('March 2025');
});

test('every rule is pinned to a citation of the table', () => {
  for (const r of RULES) expect(`${r.id}: ${isCitationKey(r.citation)}`).toBe(`${r.id}: true`);
  for (const c of MANUAL_CONTROLS) expect(`${c.id}: ${isCitationKey(c.citation)}`).toBe(`${c.id}: true`);
});

test('every MIC guideline entry names the edition and part 3 chapter 2 section 3 as that edition numbers it', () => {
  for (const [key, c] of ENTRIES.filter(([, c]) => c.kind === 'mic-guideline')) {
    expect(`${key}: ${c.ja}`).toContain('（令和7年3月版）第3編第2章「情報セキュリティ対策基準（解説）」3.「情報システム全体の強靭性の向上」');
    expect(`${key}: ${c.en}`).toContain('(令和7年3月版), Part 3, Chapter 2 "Information security standards (commentary)", section 3');
  }
});

test('the telework requirements are cited by their real title, in both languages', () => {
  const telework = ENTRIES.filter(([, c]) => c.kind === 'mic-telework');
  expect(telework.length).toBeGreaterThan(0);
  for (const [, c] of telework) {
    expect(c.ja).toContain(`「${TELEWORK_TITLE}」（令和2年）`);
    expect(c.en).toContain(TELEWORK_TITLE);
  }
});

test("this tool's criteria are never attributed to MIC, and each names the MIC clause it serves", () => {
  const tool = ENTRIES.filter(([, c]) => c.kind === 'tool');
  expect(tool.map(([k]) => k).sort()).toEqual(['declaredTiers', 'defenceInDepth', 'failClosed', 'municipalitySeparation', 'postDeployDrift', 'sanctionedExchange', 'tgwSegmentation']);
  for (const [key, c] of tool) {
    expect(c.ja).not.toMatch(/総務省|ガイドライン/);
    expect(c.en).not.toMatch(/\bMIC\b|[Gg]uideline/);
    expect(c.basis && isCitationKey(c.basis) && CITATIONS[c.basis].kind).toBe('mic-guideline');
    // Shown after the basis, under the tool's own heading.
    const ja = citationText(key, 'ja')!;
    expect(ja.startsWith(CITATIONS[c.basis as CitationKey].ja)).toBe(true);
    expect(ja).toContain(`${TOOL_CRITERIA_HEADING.ja}：${c.ja}`);
    expect(citationText(key, 'en')).toContain(`${TOOL_CRITERIA_HEADING.en}: ${c.en}`);
  }
});

test('interpretations say that they are interpretations', () => {
  for (const [, c] of ENTRIES.filter(([, c]) => c.interpretation)) {
    expect(c.ja).toContain('解釈');
    expect(c.en).toContain('interpretation');
  }
  expect(CITATIONS.personalNumberNoTelework.interpretation).toBe(true);
});

test('the α′ model is in the table', () => {
  expect(CITATIONS.teleworkModel.ja).toContain('α′モデル');
  expect(CITATIONS.teleworkModel.en).toContain('α′ model');
});

test('none of the old, wrong attributions remain', () => {
  const all = ENTRIES.map(([k]) => `${citationText(k, 'ja')}\n${citationText(k, 'en')}`).join('\n');
  expect(all).not.toContain('地方公共団体におけるテレワークの推進');
  expect(all).not.toContain('閉域の通信経路');
  expect(all).not.toContain('第3編第2章「情報システム全体の強靭性の向上」');
  expect(all).not.toMatch(/総務省ガイドライン 三層の対策（多層防御）/);
});

test('free text from a custom rule is shown as given', () => {
  expect(citationText('our own standard 4.2', 'ja')).toBe('our own standard 4.2');
  expect(citationText(undefined, 'en')).toBeUndefined();
});

test('an empty citation is no citation, in either language', () => {
  expect(citationText('', 'ja')).toBeUndefined();
  expect(citationText('', 'en')).toBeUndefined();
});

test('a MIC citation is shown exactly as the table words it, in the reader\'s language', () => {
  for (const [key, c] of ENTRIES.filter(([, c]) => c.kind !== 'tool')) {
    expect(citationText(key, 'ja')).toBe(c.ja);
    expect(citationText(key, 'en')).toBe(c.en);
  }
});

test('a tool criterion reads: the MIC clause, a separator, then the tool\'s own heading and words — exactly', () => {
  for (const [key, c] of ENTRIES.filter(([, c]) => c.kind === 'tool')) {
    const basis = CITATIONS[c.basis as CitationKey];
    expect(citationText(key, 'ja')).toBe(`${basis.ja}／${TOOL_CRITERIA_HEADING.ja}：${c.ja}`);
    expect(citationText(key, 'en')).toBe(`${basis.en} / ${TOOL_CRITERIA_HEADING.en}: ${c.en}`);
  }
});
