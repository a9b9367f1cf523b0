/** The tier networks: one construct per concern, composed by TierNetwork. */
export * from './flow-logs';
export * from './inspected-egress';
export * from './interface-endpoints';
export * from './on-prem-link';
export * from './planned-ip-addresses';
export * from './tier-nacl';
export * from './tier-network';
export * from './tier-vpc';
export * from './transit-gateway';
