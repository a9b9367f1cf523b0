/**
 * A hand-built record for the renderer tests (the readers are tested on the real example templates in
 * test/report/record/from-templates.test.ts): the example city's facts, a local-firewall egress, GOVERNANCE
 * Object Lock, one IPsec and one Direct Connect link, the LGWAN telework path, a few controls.
 */
import type { ReportRecord } from '../../../lib/report/record/record';

const src = (stack: string, logicalId: string, constructPath?: string) => ({ stack, logicalId, ...(constructPath ? { constructPath } : {}) });

export function exampleRecord(): ReportRecord {
  return {
    provenance: {
      municipalities: ['example-city'],
      environments: [{ account: '111122223333', region: 'ap-northeast-1' }],
      models: ['alpha'],
      packageVersion: '0.1.0',
      gitCommit: '0123456789abcdef0123456789abcdef01234567',
      configurations: [{ file: 'config/example-city.yaml', sha256: 'a'.repeat(64) }],
      templates: [{ file: 'cdk.out/assembly-example-city/examplecityNetworklgwan2F685A44.template.json', sha256: 'b'.repeat(64) }],
      command: 'cdk synth -c config=config/example-city.yaml',
      generatedAt: '2026-12-06T05:28:00Z',
    },
    logs: [
      { kind: 'vpc-flow-logs', tier: 'lgwan', source: src('example-city/Network-lgwan', 'FlowLog'), enabled: true, destination: '/closed-telework/example-city/lgwan/vpc-flow-logs', retentionDays: 365, trafficType: 'ALL' },
      { kind: 'vpc-flow-logs', tier: 'personal-number', source: src('example-city/Network-personal-number', 'Vpc'), enabled: false },
      { kind: 'client-vpn-connection-logs', tier: 'lgwan', source: src('example-city/Telework-lgwan', 'ClientVpnEndpoint'), enabled: true, destination: 'ClientVpnConnectionLogs', retentionDays: 365 },
      { kind: 'cloudtrail', source: src('example-city/Audit', 'AuditTrail'), enabled: true, destination: 'TrailBucket', retentionDays: 365, multiRegion: true, logFileValidation: true },
      { kind: 'object-lock', source: src('example-city/Audit', 'TrailBucket'), enabled: true, destination: 'TrailBucket', lockMode: 'GOVERNANCE', retentionDays: 365 },
    ],
    egress: [{ vpc: src('example-city/Network-internet', 'Vpc'), kind: 'local-firewall', firewall: { name: 'example-city-internet-egress', source: src('example-city/Network-internet', 'Firewall'), allowedDomains: ['.lg.jp', '.go.jp'] } }],
    links: [
      { tier: 'lgwan', kind: 'ipsec-internet', source: src('example-city/Network-lgwan', 'VpnConnection'), carriedRanges: ['172.16.20.0/22'], staticRoutesOnly: true, peerAddress: '203.0.113.20' },
      { tier: 'personal-number', kind: 'direct-connect', source: src('example-city/Network-personal-number', 'DirectConnectAssociation'), carriedRanges: ['172.16.32.0/22'], advertisedRanges: ['10.30.0.0/20'] },
    ],
    telework: [
      {
        tier: 'lgwan',
        clientVpn: {
          source: src('example-city/Telework-lgwan', 'ClientVpnEndpoint', 'example-city/Telework-lgwan/ClientVpn/Endpoint'),
          clientCidr: '10.200.0.0/22',
          port: 443,
          transport: 'udp',
          authentication: ['certificate-authentication'],
          splitTunnel: false,
          sessionTimeoutHours: 8,
          connectionLogs: true,
          authorizedCidrs: ['10.20.2.0/27', '10.20.2.32/27'],
        },
        streamingEndpoint: { source: src('example-city/Telework-lgwan', 'StreamingEndpoint'), service: 'com.amazonaws.ap-northeast-1.highlander' },
        directory: { source: src('example-city/Telework-lgwan', 'Directory'), type: 'AWS::DirectoryService::MicrosoftAD', name: 'lgwan.example-city.internal' },
        desktops: { personal: 0, pools: 0, registeredDirectory: true },
      },
    ],
    controls: [
      { tier: 'lgwan', id: 'clipboard-to-device', value: 'DISABLED', source: src('example-city/Telework-lgwan', 'DirectoryHardening') },
      { tier: 'lgwan', id: 'printing-to-device', value: 'DISABLED', source: src('example-city/Telework-lgwan', 'DirectoryHardening') },
      { tier: 'lgwan', id: 'web-access', value: 'false', source: src('example-city/Telework-lgwan', 'DirectoryHardening') },
      { tier: 'lgwan', id: 'device-type:DeviceTypeWindows', value: 'ALLOW', source: src('example-city/Telework-lgwan', 'DirectoryHardening') },
      { tier: 'lgwan', id: 'device-type:DeviceTypeWeb', value: 'DENY', source: src('example-city/Telework-lgwan', 'DirectoryHardening') },
      { tier: 'lgwan', id: 'vpn-session-timeout', value: '8', source: src('example-city/Telework-lgwan', 'ClientVpnEndpoint') },
    ],
  };
}
