/**
 * Which municipality a network belongs to — the vocabulary of the separation BETWEEN municipalities
 * (団体間の分離), next to the tiers' `mic:tier`. Declared, never guessed: a VPC carries
 * `mic:municipality` = the municipality's name (the municipality stage tags every resource), or
 * `mic:hub` = the prefecture's name for the prefecture's shared security-cloud hub (its Transit Gateway
 * and inspection VPC), which serves every member municipality and belongs to none.
 * Pure TypeScript — imported by the build side and the prove side.
 */

/** The tag key that declares a resource's municipality. */
export const MUNICIPALITY_TAG_KEY = 'mic:municipality';

/** The tag key that declares a prefecture's shared hub (value: the prefecture's name). */
export const HUB_TAG_KEY = 'mic:hub';
