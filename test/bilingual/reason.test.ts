/**
 * Acknowledgement reasons in both languages (issue 12): the packed form round-trips, a user's own reason in
 * one language is never mistaken for a packed one, and malformed input is refused where it is written.
 */
import { bilingualReason, parseBilingualReason, reasonIn, REASON_LANGUAGE_SEPARATOR } from '../../lib/bilingual/reason';

describe('bilingualReason / parseBilingualReason', () => {
  const both = { en: 'Deployment-time function; no tier data.', ja: 'デプロイ時にだけ動く関数で、系のデータには触れません。' };

  it('round-trips: what is packed is parsed back, each language whole', () => {
    const packed = bilingualReason(both);
    expect(packed).toBe(`${both.en}${REASON_LANGUAGE_SEPARATOR}${both.ja}`);
    expect(parseBilingualReason(packed)).toEqual(both);
    expect(reasonIn(packed, 'en')).toBe(both.en);
    expect(reasonIn(packed, 'ja')).toBe(both.ja);
  });

  it("shows a user's own single-language reason exactly as given, in either language", () => {
    for (const plain of ['temporary migration link, ticket SEC-123', '移行期間中の暫定措置（チケット SEC-123）', 'see [ja]docs', '']) {
      expect(parseBilingualReason(plain)).toBeUndefined();
      expect(reasonIn(plain, 'en')).toBe(plain);
      expect(reasonIn(plain, 'ja')).toBe(plain);
    }
  });

  it('does not split a string with an empty side or two separators', () => {
    for (const odd of [`${REASON_LANGUAGE_SEPARATOR}日本語だけ`, `English only${REASON_LANGUAGE_SEPARATOR}`, `a${REASON_LANGUAGE_SEPARATOR}b${REASON_LANGUAGE_SEPARATOR}c`]) {
      expect(parseBilingualReason(odd)).toBeUndefined();
      expect(reasonIn(odd, 'ja')).toBe(odd);
    }
  });

  it('refuses a reason missing a language, or containing the separator', () => {
    expect(() => bilingualReason({ en: 'why', ja: ' ' })).toThrow(/both en and ja/);
    expect(() => bilingualReason({ en: '', ja: '理由' })).toThrow(/both en and ja/);
    expect(() => bilingualReason({ en: 'a [ja] b', ja: '理由' })).toThrow(/\[ja\]/);
  });
});

describe("aws-cdk-lib's own acknowledgement reasons", () => {
  it('are shown in Japanese to a Japanese reader and as given to an English one', () => {
    const cdk = 'Literal AZs in template are the result of accessing stack.availabilityZones, this is expected and safe';
    expect(reasonIn(cdk, 'en')).toBe(cdk);
    expect(reasonIn(cdk, 'ja')).toMatch(/stack\.availabilityZones を参照した結果/);
  });
});
