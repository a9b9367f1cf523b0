/**
 * How one language words the model's path vocabulary (lib/model/path.ts): the places packets start and
 * end, each hop's step, and address lists. hops.en.ts and hops.ja.ts implement it; the compiler checks that
 * every kind of step is worded in both. Pure TypeScript: no aws-cdk-lib import.
 */
import type { AddressList, HopStep, PlaceName } from '../../model/path';

export interface PathWords {
  place(name: PlaceName): string;
  /** A hop's step as `verify --format json` writes it (address sets in the engine's compact listing). */
  hop(step: HopStep): string;
  /** A hop's step as the reports print it (address sets as CIDR blocks). */
  hopForReport(step: HopStep): string;
  /** An address set as the reports print it. */
  addresses(list: AddressList): string;
}
