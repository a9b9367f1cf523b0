/**
 * Dates as a Japanese municipality writes them: in Japan Standard Time (UTC+9, no daylight saving), e.g.
 * 2026年12月6日 14時28分（日本時間）, and in English "6 December 2026, 14:28 JST". An input that is not a
 * date (a test's stand-in) is shown as given rather than as "Invalid Date".
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function jstParts(iso: string): { y: number; mo: number; d: number; h: number; mi: number } | undefined {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return undefined;
  const j = new Date(t + 9 * 3600 * 1000);
  return { y: j.getUTCFullYear(), mo: j.getUTCMonth() + 1, d: j.getUTCDate(), h: j.getUTCHours(), mi: j.getUTCMinutes() };
}

export function jstJa(iso: string): string {
  const p = jstParts(iso);
  return p ? `${p.y}年${p.mo}月${p.d}日 ${p.h}時${String(p.mi).padStart(2, '0')}分（日本時間）` : iso;
}

export function jstEn(iso: string): string {
  const p = jstParts(iso);
  return p ? `${p.d} ${MONTHS[p.mo - 1]} ${p.y}, ${String(p.h).padStart(2, '0')}:${String(p.mi).padStart(2, '0')} JST` : iso;
}
