/**
 * The embedded example municipality. An SE copies this (or `closed-telework`'s docs/configuration.md
 * YAML version) and edits it. Addresses use documentation ranges (203.0.113.0/24 for on-prem routers) and
 * an obviously fake account id, so nothing here points at a real network.
 */
import type { MunicipalityConfigInput } from '../schema';

export const exampleCity: MunicipalityConfigInput = {
  name: 'example-city',
  displayName: { en: 'Example City', ja: '例示市' },
  account: '111122223333',
  region: 'ap-northeast-1',
  availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c'],
  micModel: 'alpha',
  flowLogRetentionDays: 365,
  tiers: {
    'internet': {
      vpcCidr: '10.10.0.0/20',
      seats: 100,
      onPremCidrs: ['192.168.10.0/24'],
      onPremLink: { kind: 'site-to-site-vpn', customerGatewayIp: '203.0.113.10', customerGatewayAsn: 65010 },
    },
    'lgwan': {
      vpcCidr: '10.20.0.0/20',
      seats: 100,
      onPremCidrs: ['172.16.20.0/22'],
      onPremLink: { kind: 'site-to-site-vpn', customerGatewayIp: '203.0.113.20', customerGatewayAsn: 65020 },
    },
    'personal-number': {
      vpcCidr: '10.30.0.0/20',
      seats: 40,
      onPremCidrs: ['172.16.32.0/22'],
      onPremLink: { kind: 'direct-connect', directConnectGatewayId: '5f294f92-bafb-4011-916d-9b0b12345678' },
    },
  },
  internetEgress: {
    kind: 'network-firewall',
    allowedDomains: ['.windowsupdate.com', '.update.microsoft.com', '.lg.jp', '.go.jp'],
  },
  telework: {
    tiers: ['lgwan'],
    clientCidrs: { lgwan: '10.200.0.0/22' },
    desktops: 'personal',
  },
};
