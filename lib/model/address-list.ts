/**
 * The addresses a hop names, as data (lib/model/path.ts AddressList): the engine's compact listing for
 * `verify --format json` and the CIDR blocks the reports print. Pure TypeScript: no aws-cdk-lib import.
 */
import { cidrBlocks, describeSet, type IntervalSet } from '../cidr/address-sets';
import type { AddressList } from './path';

export function addressList(set: IntervalSet, max: number): AddressList {
  return { ranges: describeSet(set, max), ...cidrBlocks(set, max) };
}
