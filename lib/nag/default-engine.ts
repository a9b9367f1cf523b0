/**
 * The pack's default engine: the tier-separation engine of lib/checks, adapted to the pack's seam.
 * Until lib/checks exports `verify`, this refuses to run (fail closed): synth fails with this message
 * rather than passing an app nobody checked.
 */
import type { EngineInput, EngineRun } from './engine';

export function runTierEngine(_input: EngineInput): EngineRun {
  throw new Error('closed-telework: the tier-separation engine (lib/checks verify) is not available in this build; the app cannot be proven and synth fails closed.');
}
