/** How many network resources a model holds: `verify` says NOTHING TO VERIFY when there are none. */
import type { NetworkModel } from '../../model/facts/types';

export function networkResourceCount(model: NetworkModel): number {
  return model.vpcs.size + model.links.size + model.tgws.size + model.clientVpns.size;
}
