/** The record catalogue by language (the main catalogue is index.ts). */
import type { Lang } from './messages';
import { recordEn } from './record.en';
import { recordJa } from './record.ja';
import type { RecordMessages } from './record-messages';

export type { RecordMessages } from './record-messages';

export function recordMessagesFor(lang: Lang): RecordMessages {
  return lang === 'ja' ? recordJa : recordEn;
}
