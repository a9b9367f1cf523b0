/**
 * Acknowledgement reasons in both languages.
 *
 * aws-cdk-lib's `Validations.of(x).acknowledge({ id, reason })` takes ONE string, and that string is what
 * cdk-nag and validation-report.json record. This package's own reasons are written in English and in
 * Japanese, so both are packed into that one string in a fixed, parseable form:
 *
 *     <English reason> [ja] <Japanese reason>
 *
 * i.e. the English text, the separator ` [ja] ` (space, `[ja]`, space), then the Japanese text. Someone
 * reading the raw string (cdk-nag's console output, the JSON) sees both; the reviewer's report shows the
 * reader's language only (see `reasonIn`). A user's own reason in one language has no separator and is
 * shown exactly as given, in either report.
 *
 * Pure: imports nothing, so both the build side (which writes reasons) and the prove side's report (which
 * reads them) may use it.
 */

/** The separator between the English and the Japanese reason. */
export const REASON_LANGUAGE_SEPARATOR = ' [ja] ';

/** One reason, in both languages. */
export interface BilingualReason {
  readonly en: string;
  readonly ja: string;
}

/** Packs a reason in both languages into the one string `acknowledge()` accepts. */
export function bilingualReason(reason: BilingualReason): string {
  const en = reason.en.trim();
  const ja = reason.ja.trim();
  if (en === '' || ja === '') throw new Error('bilingualReason: both en and ja must be given (a reason nobody can read is no reason)');
  if (en.includes(REASON_LANGUAGE_SEPARATOR.trim()) || ja.includes(REASON_LANGUAGE_SEPARATOR.trim())) {
    throw new Error(`bilingualReason: neither text may contain "${REASON_LANGUAGE_SEPARATOR.trim()}", which separates the two languages`);
  }
  return `${en}${REASON_LANGUAGE_SEPARATOR}${ja}`;
}

/** The two languages of a packed reason, or undefined when the string is not in the packed form (a user's own reason). */
export function parseBilingualReason(reason: string): BilingualReason | undefined {
  const at = reason.indexOf(REASON_LANGUAGE_SEPARATOR);
  if (at < 0 || reason.indexOf(REASON_LANGUAGE_SEPARATOR, at + 1) >= 0) return undefined;
  const en = reason.slice(0, at).trim();
  const ja = reason.slice(at + REASON_LANGUAGE_SEPARATOR.length).trim();
  return en !== '' && ja !== '' ? { en, ja } : undefined;
}

/**
 * aws-cdk-lib's own acknowledgements (it acknowledges cfn-lint rules on the constructs it generates, in
 * English, word for word the same in every app): their Japanese, so the Japanese report lists no English
 * sentence for them either. Matched exactly; a changed wording in a later aws-cdk-lib falls back to the
 * string as given.
 */
const CDK_OWN_REASONS: Readonly<Record<string, string>> = {
  'Literal AZs in template are the result of accessing stack.availabilityZones, this is expected and safe':
    'テンプレートに AZ 名がそのまま書かれているのは stack.availabilityZones を参照した結果であり、想定どおりで問題ありません（aws-cdk-lib 自身による適用除外）。',
  'AWS::EC2::FlowLog DestinationOptions accepts properties in camelCase, even they are listed as PascalCase in the spec':
    'AWS::EC2::FlowLog の DestinationOptions は、仕様上は PascalCase と記載されていても camelCase のプロパティを受け付けます（aws-cdk-lib 自身による適用除外）。',
};

/** The reason as a reader of `lang` should see it: their language for a packed reason (or one of aws-cdk-lib's own), otherwise the whole string as given. */
export function reasonIn(reason: string, lang: 'en' | 'ja'): string {
  const parsed = parseBilingualReason(reason);
  if (parsed) return parsed[lang];
  const cdkOwn = CDK_OWN_REASONS[reason];
  return lang === 'ja' && cdkOwn !== undefined ? cdkOwn : reason;
}
