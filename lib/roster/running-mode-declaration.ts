/**
 * The ONE rule for a desktop's running mode, shared by `roster apply` (which sets it), `roster plan`
 * (which compares it) and `audit` (which judges it), so the two commands can never contradict each other.
 *
 * AUTO_STOP is the hardening baseline (lib/desktops/hardening-baseline.ts, WSH-DESKTOP-AUTO-STOP). The
 * roster may ask for 常時稼働 (ALWAYS_ON) for a person who needs it — that is a decision the municipality
 * makes per person, so it must be visible on the desktop itself: `roster apply` records the roster's
 * running mode as the tag `mic:running-mode`. `audit` then accepts ALWAYS_ON exactly where that tag
 * declares it, and reports an ALWAYS_ON desktop WITHOUT the declaration (someone switched it in the
 * console) as drift, with both fixes: back to AUTO_STOP, or declare it through the roster.
 * (AutoStop's timeout applies only to AUTO_STOP desktops; it is not checked on a declared ALWAYS_ON one.)
 */
import type { RunningMode } from './roster-entry';

export const RUNNING_MODE_TAG_KEY = 'mic:running-mode';

/** Baseline settings an accepted (declared) ALWAYS_ON desktop does not have to meet. */
export const SETTINGS_WAIVED_BY_DECLARED_ALWAYS_ON = new Set(['WSH-DESKTOP-AUTO-STOP', 'WSH-DESKTOP-AUTO-STOP-TIMEOUT']);

/** True when the desktop runs ALWAYS_ON and its tags declare that the roster asked for it. */
export function isDeclaredAlwaysOn(runningMode: string | undefined, tags: Record<string, string> | undefined): boolean {
  return runningMode === 'ALWAYS_ON' && tags?.[RUNNING_MODE_TAG_KEY] === 'ALWAYS_ON';
}

/** The tags `roster apply` puts on a desktop for a roster line's running mode. */
export function runningModeTag(mode: RunningMode): Record<string, string> {
  return { [RUNNING_MODE_TAG_KEY]: mode };
}

export const UNDECLARED_ALWAYS_ON_FIX = {
  en: 'Set WorkspaceProperties.RunningMode back to AUTO_STOP — or, if this person needs an always-on desktop, enter 常時稼働 (ALWAYS_ON) for them in the roster and run `closed-telework roster apply`, which records the decision as the tag mic:running-mode=ALWAYS_ON.',
  ja: 'RunningMode を AUTO_STOP に戻してください。常時稼働が必要な利用者であれば、名簿の実行モードを「常時稼働」にして roster apply を実行してください（判断がタグ mic:running-mode=ALWAYS_ON として記録されます）。',
};
