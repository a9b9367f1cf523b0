/** The rule registry: one rule per file, run in this order. */
import type { Rule } from '../rule';
import { hubAttachmentTier } from './hub-attachment-tier';
import { hubBypass } from './hub-bypass';
import { municipalityCrossing } from './municipality-crossing';
import { untaggedMunicipality } from './untagged-municipality';
import { closedTierInternet } from './closed-tier-internet';
import { clientVpnWholeVpc } from './client-vpn-whole-vpc';
import { sanctionedChannelExpired } from './sanctioned-channel-expired';
import { teleworkBeyondDesktop } from './telework-beyond-desktop';
import { teleworkEntryModel } from './telework-entry-model';
import { teleworkEntryPersonalNumber } from './telework-entry-personal-number';
import { tgwDefaultRouteTable } from './tgw-default-route-table';
import { tierCrossing } from './tier-crossing';
import { tierJoinEdge } from './tier-join-edge';
import { tierJoinLink } from './tier-join-link';
import { tierJoinMultihomed } from './tier-join-multihomed';
import { tierJoinPeering } from './tier-join-peering';
import { tierJoinPrivateLink } from './tier-join-privatelink';
import { tierJoinTgw } from './tier-join-tgw';
import { tierTagConflict } from './tier-tag-conflict';
import { undeclaredOnPremRoute } from './undeclared-onprem-route';
import { unmodelledResource } from './unmodelled-resource';
import { unresolvedValue } from './unresolved-value';
import { untaggedLink } from './untagged-link';
import { untaggedVpc } from './untagged-vpc';
import { publicInvokeIntoTier } from './public-invoke-into-tier';
import { accessGrantIntoTier } from './access-grant-into-tier';
import { serviceRelay } from './service-relay';
import { tierTagVariable } from './tier-tag-variable';
import { remoteEntryIntoTier } from './remote-entry-into-tier';
import { tierJoinLattice } from './tier-join-lattice';

export const RULES: readonly Rule[] = [
  tierCrossing, closedTierInternet, teleworkEntryPersonalNumber, teleworkBeyondDesktop,
  tierJoinPeering, tierJoinTgw, tierJoinMultihomed, tierJoinPrivateLink, tierJoinLink, tierJoinEdge,
  untaggedVpc, untaggedLink, tierTagConflict, unresolvedValue, unmodelledResource,
  tgwDefaultRouteTable, clientVpnWholeVpc, sanctionedChannelExpired, teleworkEntryModel, undeclaredOnPremRoute,
  publicInvokeIntoTier, accessGrantIntoTier, serviceRelay, tierTagVariable, remoteEntryIntoTier, tierJoinLattice,
  // Separation between municipalities (prefecture hub, shared platforms).
  municipalityCrossing, hubAttachmentTier, hubBypass, untaggedMunicipality,
];
