/**
 * Turns the bytes of a roster file into text. Municipal staff save rosters from Excel, which writes
 * "CSV UTF-8" with a BOM or plain "CSV" in Shift_JIS (CP932) on Japanese Windows. Detection order:
 * an explicit encoding wins; a UTF-8 BOM means UTF-8; bytes that are valid UTF-8 are UTF-8; anything
 * else is decoded as CP932 (Microsoft's Shift_JIS, which also covers ① and the NEC/IBM extensions).
 */
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

export function decodeRosterBytes(bytes: Buffer, explicit?: RosterEncoding): DecodedRoster {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
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
