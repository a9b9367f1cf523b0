export { policySchema, ENDPOINT_CLASS_PATTERN, type TierPolicy, type SanctionedChannel } from './schema';
export { loadPolicy, parsePolicy, DEFAULT_POLICY_FILE, today } from './load';
