/** The cdk-nag 3 tier-separation pack: register with `Validations.of(app).addPlugins(new ThreeTierSeparationChecks())`. */
export {
  ThreeTierSeparationChecks,
  PACK_NAME,
  ACK_REFUSED_RULE,
  REPORT_DIR_CONTEXT,
  POLICY_FILE_CONTEXT,
  defaultReportDir,
  type ThreeTierSeparationChecksProps,
  type PackRun,
} from './three-tier-separation-checks';
export { CROSSING_RULE_IDS, HYGIENE_RULE_IDS, isCrossing, isCrossingRule } from './crossing';
export type { EngineRun, EngineInput, TierEngine } from '../report/engine-run';
