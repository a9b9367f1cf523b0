/** The message catalogues by language. */
import { en } from './en';
import { ja } from './ja';
import type { Lang, Messages } from './messages';

export { isLang, LANGS } from './messages';
export type { Lang, Messages } from './messages';

export function messagesFor(lang: Lang): Messages {
  return lang === 'ja' ? ja : en;
}
