/** A finding's title and message in English, as `verify --format json` and the English report word them. */
import type { Finding } from '../../lib/checks/finding';
import { findingWords } from '../../lib/report/describe';
import { en } from '../../lib/report/i18n/en';

export function said(f: Finding): { title: string; message: string } {
  return findingWords(f, en);
}
