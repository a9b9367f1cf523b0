/**
 * The header of record and the auditor's sections in English (see record.ja.ts for the Japanese).
 * Pure TypeScript: no aws-cdk-lib import.
 */
import { TIER_LABELS } from '../../tiers/tier';
import type { RecordMessages } from './record-messages';

const MODELS: Record<string, string> = { 'alpha': 'α model', 'alpha-prime': 'α′ model', 'beta': 'β model', 'beta-prime': 'β′ model' };

const DEVICE_TYPES: Record<string, string> = {
  DeviceTypeWindows: 'Windows',
  DeviceTypeOsx: 'macOS',
  DeviceTypeWeb: 'web browser',
  DeviceTypeIos: 'iOS',
  DeviceTypeAndroid: 'Android',
  DeviceTypeChromeOs: 'ChromeOS',
  DeviceTypeZeroClient: 'zero client',
  DeviceTypeLinux: 'Linux',
  DeviceTypeWorkSpacesThinClient: 'WorkSpaces Thin Client',
};

const CONTROLS: Record<string, string> = {
  'clipboard-from-device': 'Clipboard (device → desktop)',
  'clipboard-to-device': 'Clipboard (desktop → device)',
  'printing-to-device': 'Printing to the device\'s printer',
  'web-access': 'Internet access from the desktop',
  'local-administrator': 'Local administrator rights for users',
  'private-streaming': 'Streaming path',
  'self-service:IncreaseVolumeSize': 'User may increase the volume size',
  'self-service:ChangeComputeType': 'User may change the compute type',
  'self-service:SwitchRunningMode': 'User may switch the running mode',
  'self-service:RebuildWorkspace': 'User may rebuild the desktop',
  'client:ReconnectEnabled': 'Reconnect with credentials cached on the device',
  'client:LogUploadEnabled': 'Client log upload to AWS',
  'vpn-login-banner': 'Terms shown at VPN connection (banner)',
  'vpn-route-enforcement': 'Client route enforcement',
  'vpn-split-tunnel': 'Split tunnel (traffic outside the VPN)',
  'vpn-self-service-portal': 'VPN self-service portal',
  'vpn-session-timeout': 'Maximum VPN session',
  'directory-hardening': 'Directory hardening settings',
};

const VALUES: Record<string, string> = {
  DISABLED: 'off',
  ENABLED: 'on',
  disabled: 'off',
  enabled: 'on',
  ALLOW: 'allowed',
  DENY: 'denied',
  true: 'on',
  false: 'off',
  STREAMING_WSP: 'closed (VPC endpoint, DCV)',
  internet: 'over the internet',
  '?': 'unresolved (cannot be read from the template)',
};

const AUTH: Record<string, string> = {
  'certificate-authentication': 'mutual TLS (client certificate)',
  'directory-service-authentication': 'Active Directory',
  'federated-authentication': 'SAML federation',
};

export const recordEn: RecordMessages = {
  provenanceHeading: 'Record of this report',
  municipality: 'Municipality',
  accountRegion: 'AWS account / region',
  micModel: 'MIC model',
  modelName: (m) => MODELS[m] ?? m,
  tool: 'Verification tool',
  toolVersion: (v, c) => `closed-telework ${v ?? '(version unknown)'}${c ? ` (commit ${c}${c.endsWith('-dirty') ? ': uncommitted changes' : ''})` : ' (commit unknown: not a git checkout)'}`,
  configurations: 'Configuration files (SHA-256)',
  noConfiguration: 'none (templates judged directly)',
  embeddedConfiguration: (n) => `embedded configuration -c municipality=${n} (part of the tool's version; no file)`,
  templates: 'Templates judged (SHA-256)',
  basis: 'Judged against',
  command: 'Command',
  createdAt: 'Produced',
  unknown: 'unknown',
  environmentAgnostic: 'not set (environment-agnostic stacks)',

  signatureHeading: 'Sign-off',
  signatureIntro: 'To be filled in by those who reviewed this report. Acceptance of the cautions in the record sections goes in Remarks.',
  signatureRoles: ['Prepared by', 'Checked by', 'Approved by'],
  signatureColumns: ['Role', 'Section', 'Name', 'Date', 'Seal / signature', 'Remarks'],

  caution: 'Caution',
  source: 'Set in',
  tierWord: (t) => (t ? TIER_LABELS[t].en : 'no tier declared'),

  loggingHeading: 'Logging and retention',
  loggingIntro: 'Where the templates send each log and how long it is kept (read from the templates\' settings, not from prose).',
  logColumns: ['Log', 'Tier', 'Destination', 'Retention', 'Setting', 'Set in'],
  logKind: {
    'vpc-flow-logs': 'VPC flow logs',
    'client-vpn-connection-logs': 'Client VPN connection logs',
    'cloudtrail': 'CloudTrail (API activity)',
    'object-lock': 'S3 Object Lock (tamper protection)',
  },
  logDetail: (l) => {
    if (!l.enabled) return 'off';
    switch (l.kind) {
      case 'vpc-flow-logs':
        return `records: ${l.trafficType === 'ALL' ? 'all traffic (accepted and rejected)' : (l.trafficType ?? 'unknown')}`;
      case 'client-vpn-connection-logs':
        return 'connections, disconnections and authentication results';
      case 'cloudtrail':
        return [l.multiRegion ? 'all regions' : 'one region', l.logFileValidation ? 'log file validation on' : 'log file validation off'].join(', ');
      case 'object-lock':
        return `mode: ${l.lockMode ?? 'no default retention'}`;
    }
  },
  retention: (d) => (d === undefined ? 'forever (no retention set)' : `${d} days`),
  logOff: (l) =>
    `${l.kind === 'vpc-flow-logs' ? `The ${TIER_LABELS[l.tier!]?.en ?? 'undeclared'} VPC (${l.source.logicalId}) has no VPC flow log` : `${l.kind === 'object-lock' ? 'Object Lock' : 'The log'} of ${l.source.logicalId} is off`}: traffic between tiers could not be checked afterwards. Turn it on.`,
  noLog: (k) =>
    `The templates have no ${k === 'cloudtrail' ? 'CloudTrail trail' : k === 'object-lock' ? 'S3 bucket with Object Lock' : k === 'client-vpn-connection-logs' ? 'Client VPN endpoint' : 'VPC flow log'}.${k === 'client-vpn-connection-logs' ? '' : ' If another mechanism in the account records it, note its evidence in Remarks of the sign-off block.'}`,
  governanceWhy:
    'Why GOVERNANCE mode: an administrator given the special permission s3:BypassGovernanceRetention can delete within the retention period (to remove a trial environment or revise the period), and that action is itself in CloudTrail. To let nobody — not even the root user — delete in production, set audit.objectLockMode to COMPLIANCE. If GOVERNANCE stays, limit who holds that permission and record in Remarks of the sign-off block that the information security officer accepts it.',
  complianceWhy: 'COMPLIANCE mode: nobody, not even the root user, can delete or shorten the retention within the period.',

  egressHeading: 'Internet egress',
  egressIntro: 'Where the internet tier leaves for the internet (from the templates\' routes and firewall).',
  egressKind: {
    'local-firewall': 'directly from this environment\'s AWS Network Firewall (not through the 自治体情報セキュリティクラウド)',
    'security-cloud-link': 'through the prefecture\'s security cloud (自治体情報セキュリティクラウド; default route to the internet tier\'s link)',
    'security-cloud-hub': 'through the prefecture\'s security cloud (自治体情報セキュリティクラウド; default route to the prefecture hub\'s Transit Gateway)',
    'security-cloud-hub-inspection': 'the security cloud hub itself (inspection VPC)',
    'uninspected': 'uninspected (default route to an internet or NAT gateway)',
    'none': 'no way to the internet',
  },
  egressDetail: (e) =>
    e.firewall
      ? `Firewall ${e.firewall.name ?? e.firewall.source.logicalId}: allowed domains ${e.firewall.allowedDomains.length > 0 ? e.firewall.allowedDomains.join(', ') : 'none'} (everything else is dropped)`
      : '',
  egressNotSecurityCloud:
    'The internet tier does not go through the prefecture\'s security cloud (自治体情報セキュリティクラウド): it leaves from this environment\'s AWS Network Firewall, which passes only the allowed domains.',
  egressAccept:
    'If this design is kept, the information security officer checks why the security cloud is not used and what monitoring replaces it (who reviews the firewall\'s logs), and records the acceptance in Remarks of the sign-off block. This tool does not make that decision.',
  egressUninspected: 'The internet tier reaches the internet without inspection. Concentrate its egress at one inspected point (the security cloud or a firewall).',
  noInternetTier: 'The templates have no internet-tier VPC.',
  withBasis: (text, basis) => `${text} (Basis: ${basis}.)`,
  cautionsSummary: (n, headings) => `The record sections below also hold ${n} caution${n === 1 ? '' : 's'} (${headings.join(', ')}). The information security officer reads them and records the acceptance in Remarks of the sign-off block.`,

  linksHeading: 'Links to the on-premises networks',
  linksIntro: 'The kind of each link between a tier and its on-premises network, and what it carries.',
  linkColumns: ['Tier', 'Link', 'Ranges sent on-premises', 'Notes', 'Set in'],
  linkKind: {
    'ipsec-internet': 'IPsec VPN (encrypted, over the internet)',
    'direct-connect': 'Direct Connect (dedicated line)',
    'closed-sim': 'closed SIM (carrier\'s closed network)',
  },
  linkDetail: (l) =>
    [
      l.peerAddress ? `peer ${l.peerAddress}` : '',
      l.staticRoutesOnly === true ? 'static routing only (the far end\'s BGP cannot add routes)' : l.staticRoutesOnly === false ? 'dynamic routing (BGP)' : '',
      l.advertisedRanges ? `AWS advertises ${l.advertisedRanges.join(', ')}` : '',
      l.kind === 'closed-sim' ? 'declared in the tier policy (no CloudFormation resource)' : '',
    ]
      .filter((s) => s !== '')
      .join('. '),
  noLinks: 'The templates have no link to an on-premises network.',

  teleworkHeading: 'The telework path',
  teleworkIntro: 'From the device to the desktop, step by step. Only the screen is sent to the device; the work data stays with the desktop by design (the copy and print limits are under Automated controls).',
  stepDevice: (c) => `Device (lent): addresses given while connected ${c ?? 'unknown'}`,
  stepVpn: (p) =>
    `Client VPN: ${(p.transport ?? 'udp').toUpperCase()} ${p.port ?? 443}, authentication ${p.authentication.map((a) => AUTH[a] ?? a).join(' + ') || 'none'}, ${p.splitTunnel ? 'split tunnel (some traffic bypasses the VPN)' : 'full tunnel (nothing else while connected)'}` +
    `${p.sessionTimeoutHours !== undefined ? `, at most ${p.sessionTimeoutHours} hours` : ''}, connection logs ${p.connectionLogs ? 'on' : 'off'}. Authorised destinations ${p.authorizedCidrs.join(', ') || 'none'}`,
  stepEndpoint: (s) => (s ? `Streaming VPC endpoint (${s}): TCP 443, TCP/UDP 4195 (DCV)` : 'No streaming VPC endpoint (streaming crosses the internet)'),
  stepDesktop: (p) =>
    `Desktop (WorkSpaces): ${p.directory ? `directory ${p.directory} (${p.directoryType === 'AWS::DirectoryService::MicrosoftAD' ? 'AWS Managed Microsoft AD' : p.directoryType === 'Custom::AdConnector' ? 'AD Connector' : p.directoryType})` : 'no directory'}` +
    `${p.registered ? ', registered and hardened by the custom resource' : ''}` +
    `, ${p.personal + p.pools > 0 ? `${p.personal} desktops and ${p.pools} pools in the templates` : 'desktops outside the templates (created with closed-telework roster)'}`,
  verdict: 'Verdict',
  signIn: 'Sign-in',
  signInDecision: (p) =>
    `${p.privateStreaming ? 'Streaming is closed, but ' : ''}WorkSpaces sign-in (TCP/UDP 443) goes from the device to AWS over the internet (never from a tier VPC).` +
    (p.splitTunnel
      ? ''
      : ' With the full tunnel it cannot be reached while the VPN is up. The municipality decides between (a) the carrier\'s breakout limited to the sign-in domains, (b) signing in before the VPN connects, (c) a split tunnel to the streaming endpoint only, and records it under the checklist item "What still crosses the internet".'),
  noTelework: 'The templates have no telework entry (Client VPN endpoint).',

  controlsHeading: 'Automated controls',
  controlsIntro: 'Values CloudFormation or the custom resource sets at deployment (read from the templates).',
  controlColumns: ['Tier', 'Control', 'Value', 'Set in'],
  controlLabel: (id) => (id.startsWith('device-type:') ? `Device type allowed to connect: ${DEVICE_TYPES[id.slice(12)] ?? id.slice(12)}` : (CONTROLS[id] ?? id)),
  controlValue: (id, v) => (id === 'vpn-session-timeout' ? `${v} hours` : (VALUES[v] ?? v)),
  noControls: 'The templates set no automated control.',

  diagramDesktops: 'Desktops (WorkSpaces)',
  diagramDirectory: (n) => `Directory: ${n}`,
  diagramStreaming: (closed) => (closed ? 'Streaming: closed (VPC endpoint)' : 'Streaming: over the internet'),
  diagramEgress: (k) =>
    ({
      'local-firewall': 'Egress: Network Firewall (local breakout)',
      'security-cloud-link': 'Egress: security cloud (over the link)',
      'security-cloud-hub': 'Egress: security cloud (prefecture hub)',
      'security-cloud-hub-inspection': 'Egress: the security cloud hub',
      'uninspected': 'Egress: uninspected (fix it)',
      'none': 'Egress: none',
    })[k],
  diagramLink: (k) => ({ 'ipsec-internet': 'IPsec VPN (over the internet)', 'direct-connect': 'Direct Connect (dedicated)', 'closed-sim': 'closed SIM (carrier network)' })[k],
  diagramClientVpn: (p) => `Client VPN ${(p.transport ?? 'udp').toUpperCase()} ${p.port ?? 443}${p.mutualTls ? ', mutual TLS' : ''}${p.clientCidr ? ` ${p.clientCidr}` : ''}`,
  diagramLegendFiltered: 'crossing route (filtered today; remove the route itself)',

  exceptionColumns: ['Owner', 'Recorded on', 'Review by'],

  checklistHeading: 'Manual checks',
  checklistIntro: 'What CloudFormation cannot set or show. Whoever checks an item fills in checked by, date, result and evidence.',
  checklistColumns: ['No.', 'Item', 'How to check', 'Basis', 'Checked by', 'Date', 'Result', 'Evidence'],
  resultChoices: 'conforms / does not conform',
};
