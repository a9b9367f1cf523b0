/**
 * `closed-telework audit` against the local WorkSpaces server: a hardened account passes (exit 0); each
 * console change that breaks one baseline setting is reported as exactly that drift with its fix (exit 1);
 * an unreadable account is never "no drift" (exit 2). The account starts as the hardened constructs and
 * `roster apply` leave it (test/support/workspaces-api/hardened-account.ts, shared with the roster tests).
 */
import { main } from '../../lib/cli/main';
import { hardenedDirectory, RunningServer, seedHardenedDesktop, start, TEST_KEY_ARN, TEST_STREAMING_VPCE } from '../support/workspaces-api';
import { captureOutput, useTestAwsEnvironment } from '../support/cli-harness';

const LGWAN = 'd-1111111111';
const INTERNET = 'd-2222222222';
useTestAwsEnvironment();
const { out, err } = captureOutput();

describe('closed-telework audit', () => {
  let api: RunningServer;
  const audit = (...extra: string[]) =>
    main(['node', 'ct', 'audit', '--endpoint-url', api.endpoint, '--directory', `lgwan=${LGWAN}`, '--directory', `internet=${INTERNET}`, '--streaming-endpoint', TEST_STREAMING_VPCE, '--volume-key', TEST_KEY_ARN, '--describe-rate', '1000', ...extra]);
  const drifts = () => out.join('').split('\n').filter((l) => /^WSH-/.test(l)).map((l) => l.split(/\s{2,}/).slice(0, 2).join(' | '));

  beforeEach(async () => {
    api = await start({ directories: [hardenedDirectory(LGWAN), hardenedDirectory(INTERNET)] });
    seedHardenedDesktop(api, LGWAN, 'tanaka', 'lgwan');
    seedHardenedDesktop(api, INTERNET, 'sato', 'internet');
  });
  afterEach(() => api.close());

  it('passes a hardened account (exit 0) and lists the controls no API can check', async () => {
    expect(await audit()).toBe(0);
    const text = out.join('');
    expect(text).toContain('No drift from the hardening baseline');
    expect(text).toMatch(/0 drift\(s\) in 2 directory\(ies\) and 2 WorkSpace\(s\)/);
    expect(text).toContain('WSH-MANUAL-TRUSTED-DEVICES');
  });

  const mutations: Array<[string, (api: RunningServer) => void, string, RegExp]> = [
    ['web access switched on in the console', (a) => (a.state.directories.get(LGWAN)!.WorkspaceAccessProperties.DeviceTypeWeb = 'ALLOW'), `WSH-ACCESS-WEB | ${LGWAN}`, /expected "DENY", found "ALLOW"/],
    ['an unapproved device type allowed', (a) => (a.state.directories.get(INTERNET)!.WorkspaceAccessProperties.DeviceTypeAndroid = 'ALLOW'), `WSH-ACCESS-ANDROID | ${INTERNET}`, /DENY/],
    ['internet access for new desktops', (a) => (a.state.directories.get(LGWAN)!.WorkspaceCreationProperties.EnableInternetAccess = true), `WSH-CREATE-INTERNET-ACCESS | ${LGWAN}`, /expected false, found true/],
    ['local administrator', (a) => (a.state.directories.get(LGWAN)!.WorkspaceCreationProperties.UserEnabledAsLocalAdministrator = true), `WSH-CREATE-LOCAL-ADMIN | ${LGWAN}`, /found true/],
    ['credential caching on', (a) => (a.state.directories.get(LGWAN)!.ClientProperties.ReconnectEnabled = 'ENABLED'), `WSH-CLIENT-CREDENTIAL-CACHING | ${LGWAN}`, /expected "DISABLED", found "ENABLED"/],
    ['clipboard to the home device allowed', (a) => ((a.state.directories.get(LGWAN)!.StreamingProperties.UserSettings as Array<{ Permission: string }>)[1].Permission = 'ENABLED'), `WSH-STREAM-CLIPBOARD-COPY-TO-LOCAL-DEVICE | ${LGWAN}`, /found ENABLED/],
    ['self-service rebuild allowed', (a) => (a.state.directories.get(INTERNET)!.SelfservicePermissions.RebuildWorkspace = 'ENABLED'), `WSH-SELFSERVICE-REBUILD-WORKSPACE | ${INTERNET}`, /DISABLED/],
    ['a desktop switched to ALWAYS_ON', (a) => (a.state.liveWorkspaces()[0].WorkspaceProperties.RunningMode = 'ALWAYS_ON'), 'WSH-DESKTOP-AUTO-STOP | ws-', /found "ALWAYS_ON"/],
    ['an unencrypted desktop', (a) => (a.state.liveWorkspaces()[1].UserVolumeEncryptionEnabled = false), 'WSH-DESKTOP-USER-VOLUME-ENCRYPTED | ws-', /expected true, found false/],
    ['a desktop without its tier tag', (a) => (a.state.liveWorkspaces()[0].tags = []), 'WSH-DESKTOP-TIER-TAG | ws-', /no mic:tier tag/],
    ['a desktop tagged with another tier', (a) => (a.state.liveWorkspaces()[0].tags = [{ Key: 'mic:tier', Value: 'internet' }]), 'WSH-DESKTOP-TIER-TAG | ws-', /belongs to the lgwan tier/],
  ];

  it.each(mutations)('reports exactly one drift with its fix when %s (exit 1)', async (_name, mutate, expected, reason) => {
    mutate(api);
    expect(await audit()).toBe(1);
    const found = drifts();
    expect(found).toHaveLength(1);
    expect(found[0].startsWith(expected)).toBe(true);
    const line = out.join('').split('\n').find((l) => l.startsWith(expected.split(' |')[0]))!;
    expect(line).toMatch(reason);
    expect(line).toMatch(/ \/ /); // the fix, in English and Japanese
  });

  it('fails closed when a setting is missing from the API answer', async () => {
    delete api.state.directories.get(LGWAN)!.WorkspaceCreationProperties.UserEnabledAsLocalAdministrator;
    expect(await audit()).toBe(1);
    expect(out.join('')).toMatch(/WSH-CREATE-LOCAL-ADMIN.*not set/);
  });

  it('honours the configuration: credential caching allowed → ENABLED is expected', async () => {
    expect(await audit('--credential-caching')).toBe(1);
    expect(drifts()).toEqual([`WSH-CLIENT-CREDENTIAL-CACHING | ${LGWAN}`, `WSH-CLIENT-CREDENTIAL-CACHING | ${INTERNET}`]);
  });

  it('exits 2 when a named directory is not registered or the account cannot be read', async () => {
    expect(await main(['node', 'ct', 'audit', '--endpoint-url', api.endpoint, '--directory', 'lgwan=d-9999999999'])).toBe(2);
    expect(err.join('')).toMatch(/d-9999999999 is not registered/);
    expect(await main(['node', 'ct', 'audit', '--endpoint-url', api.endpoint, '--approved-devices', 'Web,Toaster'])).toBe(2);
    expect(err.join('')).toMatch(/--approved-devices Toaster: unknown device type/);
  });
});
