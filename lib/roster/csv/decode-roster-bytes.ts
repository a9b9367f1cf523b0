/**
 * Turns the bytes of a roster file into text. Municipal staff save rosters from Excel, which writes
 * "CSV UTF-8" with a BOM or plain "CSV" in Shift_JIS (CP932) on Japanese Windows. Detection order:
 * an explicit encoding wins; a UTF-8 BOM means UTF-8; bytes that are valid UTF-8 are UTF-8; anything
 * else is decoded as CP932 (Microsoft's Shift_JIS, which also covers ① and the NEC/IBM extensions) —
 * unless encoding-japanese (a maintained detector for exactly these encodings) recognises UTF-16
 * (Excel's "Unicode テキスト") or EUC-JP (files from older Unix systems): those are refused with a message
 * naming the encoding and how to save the file from Excel, instead of being read as mojibake and
 * reported as "unknown column" errors.
 */
import * as Encoding from 'encoding-japanese';
import * as iconv from 'iconv-lite';

export type RosterEncoding = 'utf-8' | 'shift_jis';

export interface DecodedRoster {
  text: string;
  encoding: RosterEncoding;
  hadBom: boolean;
}

export function normaliseEncodingName(name: string): RosterEncoding {
  const n = name.trim().toLowerCase().replace(/[-_]/g, '');
  if (n === 'utf8') return 'utf-8';
  if (['shiftjis', 'sjis', 'cp932', 'windows31j', 'ms932'].includes(n)) return 'shift_jis';
  throw new Error(`--encoding ${name}: unsupported encoding; use utf-8 or shift_jis (--encoding は utf-8 か shift_jis を指定してください)`);
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const HOW_TO_SAVE =
  'open it in Excel and save it again: File → Save As → "CSV UTF-8 (comma delimited) (*.csv)" or "CSV (comma delimited) (*.csv)" (Shift_JIS)' +
  ' / Excel で開き、「名前を付けて保存」で「CSV UTF-8 (コンマ区切り) (*.csv)」または「CSV (コンマ区切り) (*.csv)」（Shift_JIS）を選んで保存し直してください';

/** UTF-16 (with or without a BOM) and EUC-JP: encodings Excel users meet but this tool does not read. */
export function unsupportedEncoding(bytes: Buffer): string | undefined {
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.length >= 2 && ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))) {
    return `the roster is UTF-16 ("Unicode text"), which this tool does not read; ${HOW_TO_SAVE}`;
  }
  const detected = Encoding.detect(sample);
  if (detected === 'UTF16' || detected === 'UTF16BE' || detected === 'UTF16LE' || detected === 'UTF32') {
    return `the roster is ${detected === 'UTF32' ? 'UTF-32' : 'UTF-16 ("Unicode text")'}, which this tool does not read; ${HOW_TO_SAVE}`;
  }
  if (detected === 'EUCJP') {
    return `the roster is EUC-JP, which this tool does not read (or force it with --encoding if you are sure it is not); ${HOW_TO_SAVE}`;
  }
  if (detected === 'JIS') {
    return `the roster is ISO-2022-JP (JIS), which this tool does not read; ${HOW_TO_SAVE}`;
  }
  return undefined;
}

export function decodeRosterBytes(bytes: Buffer, explicit?: RosterEncoding): DecodedRoster {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (!explicit && !hasBom) {
    const unsupported = unsupportedEncoding(bytes);
    if (unsupported) throw new Error(unsupported);
  }
  const encoding: RosterEncoding = explicit ?? (hasBom || isValidUtf8(bytes) ? 'utf-8' : 'shift_jis');
  if (encoding === 'utf-8') {
    const body = hasBom ? bytes.subarray(3) : bytes;
    if (!isValidUtf8(body)) {
      throw new Error('the roster is not valid UTF-8; save it again as "CSV UTF-8" or pass --encoding shift_jis (名簿が UTF-8 として読めません。「CSV UTF-8」で保存し直すか --encoding shift_jis を指定してください)');
    }
    return { text: body.toString('utf8'), encoding, hadBom: hasBom };
  }
  return { text: iconv.decode(bytes, 'cp932'), encoding, hadBom: false };
}
