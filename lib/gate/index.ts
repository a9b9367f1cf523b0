/**
 * The synth gate: the app refuses to finish synthesis (exit 1, findings printed, assembly marked refused)
 * when any pack registered on the App fails over any stack — whatever stacks the CDK CLI selected.
 */
export { synthOrRefuse, type SynthGateOptions, type GateRun } from './synth-or-refuse';
export { judgeValidationReport, TIER_PACK_NAME, type SynthVerdict, type PackVerdict, type BlockingViolation, type RegisteredPack } from './verdict';
export { formatRefusal, CROSSING_POLICY_EN, CROSSING_POLICY_JA } from './refusal-text';
export { readValidationReport, VALIDATION_REPORT_FILE, type ValidationReport, type PluginReport } from './validation-report';
export { markAssemblyRefused, REFUSED_MARK } from './mark-assembly-refused';
export { GATE_NAME, GATE_RULE, VERDICT_STEM, type VerdictRecord } from './write-verdict';
