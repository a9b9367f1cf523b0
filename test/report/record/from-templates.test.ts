/**
 * The record sections are read from the templates: the example city gives the values its configuration
 * builds, and a one-line mutation of a template changes exactly the line of the record that says it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import type { LoadedTemplate } from '../../../lib/model/load/template';
import { recordFromTemplates } from '../../../lib/report/record/from-templates';
import { configurationRefs, environmentsFromManifests, provenanceFor } from '../../../lib/report/record/provenance';
import { clone, first, synthExampleTemplates } from './example-templates';

jest.setTimeout(120_000);

let templates: LoadedTemplate[];
let dir: string;
beforeAll(() => {
  ({ templates, dir } = synthExampleTemplates());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('logging and retention, from the templates', () => {
  it('records a flow log for every tier VPC, the Client VPN connection log, the trail and its Object Lock', () => {
    const { logs } = recordFromTemplates(templates);
    const flow = logs.filter((l) => l.kind === 'vpc-flow-logs');
    expect(flow.map((l) => [l.tier, l.enabled, l.retentionDays, l.trafficType]).sort()).toEqual([
      ['internet', true, 365, 'ALL'],
      ['lgwan', true, 365, 'ALL'],
      ['personal-number', true, 365, 'ALL'],
    ]);
    expect(flow.find((l) => l.tier === 'lgwan')?.destination).toBe('/closed-telework/example-city/lgwan/vpc-flow-logs');
    expect(logs.filter((l) => l.kind === 'client-vpn-connection-logs').map((l) => [l.tier, l.enabled, l.retentionDays])).toEqual([['lgwan', true, 365]]);
    const trail = logs.find((l) => l.kind === 'cloudtrail')!;
    expect(trail).toMatchObject({ enabled: true, multiRegion: true, logFileValidation: true, retentionDays: 365 });
    expect(logs.find((l) => l.kind === 'object-lock')).toMatchObject({ enabled: true, lockMode: 'GOVERNANCE', retentionDays: 365, destination: trail.destination });
  });

  it('a tier VPC whose flow log is removed is recorded as off (not left out)', () => {
    const broken = clone(templates);
    const f = first(broken, 'AWS::EC2::FlowLog', (r) => JSON.stringify(r.Properties).includes('"mic:tier","Value":"lgwan"'));
    delete f.t.template.Resources[f.id];
    const flow = recordFromTemplates(broken).logs.filter((l) => l.kind === 'vpc-flow-logs');
    expect(flow.filter((l) => !l.enabled).map((l) => [l.tier, l.source.logicalId])).toEqual([['lgwan', 'TierNetworkVpc71753D33']]);
  });

  it('Object Lock mode and period are the bucket\'s, and a trail bucket without Object Lock is recorded as off', () => {
    const compliance = clone(templates);
    const b = first(compliance, 'AWS::S3::Bucket', (r) => r.Properties?.ObjectLockConfiguration !== undefined);
    (b.r.Properties!.ObjectLockConfiguration as { Rule: { DefaultRetention: Record<string, unknown> } }).Rule.DefaultRetention = { Mode: 'COMPLIANCE', Years: 7 };
    expect(recordFromTemplates(compliance).logs.find((l) => l.kind === 'object-lock')).toMatchObject({ lockMode: 'COMPLIANCE', retentionDays: 7 * 365 });
    delete b.r.Properties!.ObjectLockConfiguration;
    delete b.r.Properties!.ObjectLockEnabled;
    expect(recordFromTemplates(compliance).logs.find((l) => l.kind === 'object-lock')).toMatchObject({ enabled: false, destination: b.id });
  });

  it('a Client VPN endpoint with connection logs off says so', () => {
    const off = clone(templates);
    const e = first(off, 'AWS::EC2::ClientVpnEndpoint');
    e.r.Properties!.ConnectionLogOptions = { Enabled: false };
    expect(recordFromTemplates(off).logs.find((l) => l.kind === 'client-vpn-connection-logs')).toMatchObject({ enabled: false });
    expect(recordFromTemplates(off).telework[0]!.clientVpn.connectionLogs).toBe(false);
  });
});

describe('internet egress decision', () => {
  it('the example breaks out locally through its Network Firewall, with the allow-list it enforces', () => {
    const { egress } = recordFromTemplates(templates);
    expect(egress).toHaveLength(1);
    expect(egress[0]).toMatchObject({ kind: 'local-firewall', firewall: { name: 'example-city-internet-egress' } });
    expect(egress[0]!.firewall!.allowedDomains).toEqual(['.windowsupdate.com', '.update.microsoft.com', '.lg.jp', '.go.jp']);
  });

  it('without the firewall, the default route decides: to the tier\'s link = security cloud, to a TGW = the hub, to an IGW = uninspected', () => {
    const mutate = (target: Record<string, unknown>) => {
      const t = clone(templates);
      for (const x of t) {
        for (const [id, r] of Object.entries(x.template.Resources)) {
          if (r.Type === 'AWS::NetworkFirewall::Firewall') delete x.template.Resources[id];
          if (r.Type === 'AWS::EC2::Route' && r.Properties?.DestinationCidrBlock === '0.0.0.0/0') {
            for (const k of ['GatewayId', 'NatGatewayId', 'VpcEndpointId', 'TransitGatewayId']) delete r.Properties[k];
            Object.assign(r.Properties, target);
          }
        }
      }
      return recordFromTemplates(t).egress.map((e) => e.kind);
    };
    expect(mutate({ GatewayId: { Ref: 'TierNetworkOnPremLinkVpnGatewayF190A33E' } })).toEqual(['security-cloud-link']);
    expect(mutate({ TransitGatewayId: 'tgw-0123456789abcdef0' })).toEqual(['security-cloud-hub']);
    expect(mutate({ GatewayId: { Ref: 'TierNetworkInspectedEgressInternetGateway9DEBD7EF' } })).toEqual(['uninspected']);
  });
});

describe('on-prem links', () => {
  it('names each link\'s type and the ranges it carries', () => {
    const links = recordFromTemplates(templates).links.map((l) => ({ tier: l.tier, kind: l.kind, carried: l.carriedRanges, advertised: l.advertisedRanges, peer: l.peerAddress, staticOnly: l.staticRoutesOnly }));
    expect(links).toEqual([
      { tier: 'internet', kind: 'ipsec-internet', carried: ['192.168.10.0/24'], advertised: undefined, peer: '203.0.113.10', staticOnly: true },
      { tier: 'lgwan', kind: 'ipsec-internet', carried: ['172.16.20.0/22'], advertised: undefined, peer: '203.0.113.20', staticOnly: true },
      { tier: 'personal-number', kind: 'direct-connect', carried: ['172.16.32.0/22'], advertised: ['10.30.0.0/20'], peer: undefined, staticOnly: undefined },
    ]);
  });

  it('a closed-SIM pool declared in the tier policy is a link of its own', () => {
    const links = recordFromTemplates(templates, {
      version: 1,
      model: 'alpha',
      onPremNetworks: [],
      teleworkClients: [{ name: 'sim', tier: 'lgwan', cidrs: ['100.64.0.0/16'], via: 'closed-sim' }],
      sanctionedChannels: [],
    }).links;
    expect(links.filter((l) => l.kind === 'closed-sim')).toEqual([{ tier: 'lgwan', kind: 'closed-sim', source: { stack: 'tier policy', logicalId: 'sim' }, carriedRanges: ['100.64.0.0/16'] }]);
  });
});

describe('the telework path', () => {
  it('device → Client VPN (mutual TLS, UDP 443, full tunnel) → streaming endpoint → directory and desktops', () => {
    const [path0, ...rest] = recordFromTemplates(templates).telework;
    expect(rest).toEqual([]);
    expect(path0!.tier).toBe('lgwan');
    expect(path0!.clientVpn).toMatchObject({ clientCidr: '10.200.0.0/22', port: 443, transport: 'udp', authentication: ['certificate-authentication'], splitTunnel: false, sessionTimeoutHours: 8, connectionLogs: true, selfServicePortal: 'disabled' });
    expect(path0!.clientVpn.authorizedCidrs).toEqual(['10.20.2.0/27', '10.20.2.32/27', '10.20.0.2/32']);
    expect(path0!.streamingEndpoint?.service).toBe('com.amazonaws.ap-northeast-1.highlander');
    expect(path0!.directory).toMatchObject({ type: 'AWS::DirectoryService::MicrosoftAD', name: 'lgwan.example-city.internal' });
    expect(path0!.desktops).toEqual({ personal: 0, pools: 0, registeredDirectory: true });
  });
});

describe('automated controls', () => {
  it('reads the values the custom resource sets (clipboard, printing, web access, device types) and the VPN\'s', () => {
    const controls = new Map(recordFromTemplates(templates).controls.map((c) => [`${c.tier}:${c.id}`, c.value]));
    expect(controls.get('lgwan:clipboard-from-device')).toBe('DISABLED');
    expect(controls.get('lgwan:clipboard-to-device')).toBe('DISABLED');
    expect(controls.get('lgwan:printing-to-device')).toBe('DISABLED');
    expect(controls.get('lgwan:web-access')).toBe('false');
    expect(controls.get('lgwan:device-type:DeviceTypeWindows')).toBe('ALLOW');
    expect(controls.get('lgwan:device-type:DeviceTypeWeb')).toBe('DENY');
    expect(controls.get('lgwan:private-streaming')).toBe('STREAMING_WSP');
    expect(controls.get('lgwan:vpn-split-tunnel')).toBe('false');
    expect(controls.get('lgwan:vpn-session-timeout')).toBe('8');
  });

  it('a changed setting in the template is the value the report shows; unreadable settings are unresolved, not dropped', () => {
    const t = clone(templates);
    const h = first(t, 'Custom::WorkSpacesDirectoryHardening');
    const join = (h.r.Properties!.Settings as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
    const i = join.findIndex((p) => typeof p === 'string' && p.includes('CLIPBOARD_COPY_TO_LOCAL_DEVICE'));
    join[i] = (join[i] as string).replace('"CLIPBOARD_COPY_TO_LOCAL_DEVICE","Permission":"DISABLED"', '"CLIPBOARD_COPY_TO_LOCAL_DEVICE","Permission":"ENABLED"');
    expect(recordFromTemplates(t).controls.find((c) => c.id === 'clipboard-to-device')?.value).toBe('ENABLED');
    h.r.Properties!.Settings = { 'Fn::GetAtt': ['Somewhere', 'Json'] };
    expect(recordFromTemplates(t).controls.filter((c) => c.source.logicalId === h.id)).toEqual([expect.objectContaining({ id: 'directory-hardening', value: '?' })]);
  });
});

describe('provenance', () => {
  it('names municipality, account/region, model, the templates\' SHA-256 and the command', () => {
    const p = provenanceFor({ templates, command: 'cdk synth', generatedAt: '2026-12-06T05:28:00Z', configurations: [{ embedded: 'example-city' }] });
    expect(p.municipalities).toEqual(['example-city']);
    expect(p.models).toEqual(['alpha']);
    expect(p.environments).toEqual([{ account: '111122223333', region: 'ap-northeast-1' }]);
    expect(p.templates).toHaveLength(templates.length);
    const one = templates[0]!;
    expect(p.templates.map((t) => t.sha256)).toContain(createHash('sha256').update(fs.readFileSync(one.file)).digest('hex'));
    expect(p.packageVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(p.configurations).toEqual([{ file: 'municipality=example-city', sha256: 'embedded' }]);
    expect(p.command).toBe('cdk synth');
  });

  it('configuration files named by the CDK context are hashed (config, configDir, prefecture with its list)', () => {
    const configs = path.join(dir, 'configs');
    fs.mkdirSync(configs);
    const cfg = path.join(configs, 'city.yaml');
    fs.writeFileSync(cfg, 'name: x\n');
    const ctx = (values: Record<string, string>) => (k: string) => values[k];
    expect(configurationRefs(ctx({ config: cfg }))).toEqual([{ file: cfg }]);
    const pref = path.join(configs, 'prefecture.yaml');
    fs.writeFileSync(pref, 'municipalities:\n  - city.yaml\n');
    expect(configurationRefs(ctx({ prefecture: pref }))).toEqual([{ file: pref }, { file: cfg }]);
    expect(configurationRefs(ctx({ configDir: configs }))).toEqual([{ file: cfg }, { file: pref }]);
    expect(configurationRefs(ctx({ municipality: 'example-city' }))).toEqual([{ embedded: 'example-city' }]);
    const p = provenanceFor({ templates: [], command: 'x', generatedAt: 'now', configurations: [{ file: cfg }], cwd: configs });
    expect(p.configurations).toEqual([{ file: 'city.yaml', sha256: createHash('sha256').update('name: x\n').digest('hex') }]);
  });

  it('reads account and region from the cloud assembly manifests beside the templates', () => {
    expect(environmentsFromManifests(templates)).toEqual([{ account: '111122223333', region: 'ap-northeast-1' }]);
  });
});
