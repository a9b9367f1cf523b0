/** The public policy-test API. */
export { expectTierSeparation, TierSeparationError, type ExpectTierSeparationOptions } from './expect-tier-separation';
