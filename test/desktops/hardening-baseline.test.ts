import {
  DEFAULT_HARDENING_OPTIONS,
  DEVICE_TYPES,
  evaluateSetting,
  hardeningBaseline,
  HardeningSetting,
  settingsFor,
  validateHardeningOptions,
} from '../../lib/desktops/hardening-baseline';

/** A directory as DescribeWorkspaceDirectories returns it when hardened to the default baseline. */
function hardenedDirectory(): Record<string, unknown> {
  const access: Record<string, unknown> = {};
  for (const t of DEVICE_TYPES) access[t] = t === 'DeviceTypeWindows' ? 'ALLOW' : 'DENY';
  access.AccessEndpointConfig = { AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: 'vpce-0123' }] };
  return {
    DirectoryId: 'd-1234567890',
    WorkspaceAccessProperties: access,
    WorkspaceCreationProperties: { EnableInternetAccess: false, UserEnabledAsLocalAdministrator: false },
    SelfservicePermissions: {
      RestartWorkspace: 'ENABLED',
      IncreaseVolumeSize: 'DISABLED',
      ChangeComputeType: 'DISABLED',
      SwitchRunningMode: 'DISABLED',
      RebuildWorkspace: 'DISABLED',
    },
    StreamingProperties: {
      UserSettings: [
        { Action: 'CLIPBOARD_COPY_FROM_LOCAL_DEVICE', Permission: 'DISABLED' },
        { Action: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE', Permission: 'DISABLED' },
        { Action: 'PRINTING_TO_LOCAL_DEVICE', Permission: 'DISABLED' },
      ],
    },
  };
}

function byId(settings: HardeningSetting[], id: string): HardeningSetting {
  const s = settings.find((x) => x.id === id);
  if (!s) throw new Error(`no setting ${id}`);
  return s;
}

describe('WorkSpaces hardening baseline', () => {
  const baseline = hardeningBaseline();
  const directorySettings = settingsFor(baseline, 'directory', 'personal');

  test('a hardened directory passes every directory setting', () => {
    const dir = hardenedDirectory();
    const failures = directorySettings.map((s) => evaluateSetting(s, dir)).filter((e) => !e.compliant);
    expect(failures.map((f) => `${f.setting.id}: ${f.reason}`)).toEqual([]);
  });

  test('ids are unique and every setting explains why and how to fix, in both languages', () => {
    expect(new Set(baseline.map((s) => s.id)).size).toBe(baseline.length);
    for (const s of baseline) {
      expect(s.why.en.length).toBeGreaterThan(10);
      expect(s.why.ja.length).toBeGreaterThan(5);
      expect(s.fix.en.length).toBeGreaterThan(10);
      expect(s.fix.ja.length).toBeGreaterThan(5);
    }
  });

  test.each([
    ['WSH-ACCESS-WEB', ['WorkspaceAccessProperties', 'DeviceTypeWeb'], 'ALLOW'],
    ['WSH-ACCESS-ANDROID', ['WorkspaceAccessProperties', 'DeviceTypeAndroid'], 'ALLOW'],
    ['WSH-CREATE-INTERNET-ACCESS', ['WorkspaceCreationProperties', 'EnableInternetAccess'], true],
    ['WSH-CREATE-LOCAL-ADMIN', ['WorkspaceCreationProperties', 'UserEnabledAsLocalAdministrator'], true],
    ['WSH-SELFSERVICE-REBUILD-WORKSPACE', ['SelfservicePermissions', 'RebuildWorkspace'], 'ENABLED'],
  ])('%s detects a one-field mutation', (id, path, bad) => {
    const dir = hardenedDirectory();
    let node = dir as Record<string, unknown>;
    for (const k of path.slice(0, -1)) node = node[k] as Record<string, unknown>;
    node[path[path.length - 1]] = bad;
    const failing = directorySettings.filter((s) => !evaluateSetting(s, dir).compliant).map((s) => s.id);
    expect(failing).toEqual([id]);
  });

  test('clipboard and printing: a missing user setting is drift (the AWS default is enabled)', () => {
    const dir = hardenedDirectory();
    (dir.StreamingProperties as { UserSettings: unknown[] }).UserSettings.splice(2, 1);
    const e = evaluateSetting(byId(baseline, 'WSH-STREAM-PRINTING-TO-LOCAL-DEVICE'), dir);
    expect(e.compliant).toBe(false);
    expect(e.reason).toContain('not set');
  });

  test('closed streaming requires a STREAMING_WSP endpoint and no internet fallback', () => {
    const dir = hardenedDirectory();
    const access = dir.WorkspaceAccessProperties as Record<string, unknown>;
    access.AccessEndpointConfig = { AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: 'vpce-1' }], InternetFallbackProtocols: ['PCOIP'] };
    expect(evaluateSetting(byId(baseline, 'WSH-STREAM-NO-INTERNET-FALLBACK'), dir).compliant).toBe(false);
    delete access.AccessEndpointConfig;
    expect(evaluateSetting(byId(baseline, 'WSH-STREAM-PRIVATE-ENDPOINT'), dir).compliant).toBe(false);
    expect(evaluateSetting(byId(baseline, 'WSH-STREAM-NO-INTERNET-FALLBACK'), dir).compliant).toBe(true);
  });

  test('a known endpoint id is pinned', () => {
    const pinned = hardeningBaseline({ ...DEFAULT_HARDENING_OPTIONS, streamingVpcEndpointId: 'vpce-other' });
    expect(evaluateSetting(byId(pinned, 'WSH-STREAM-PRIVATE-ENDPOINT'), hardenedDirectory()).compliant).toBe(false);
  });

  test('internet streaming swaps the private endpoint settings for an IP access group requirement', () => {
    const open = hardeningBaseline({ ...DEFAULT_HARDENING_OPTIONS, closedStreaming: false });
    const ids = open.map((s) => s.id);
    expect(ids).toContain('WSH-IP-ACCESS-GROUP');
    expect(ids).not.toContain('WSH-STREAM-PRIVATE-ENDPOINT');
    const ip = byId(open, 'WSH-IP-ACCESS-GROUP');
    expect(evaluateSetting(ip, { ipGroupIds: [] }).compliant).toBe(false);
    expect(evaluateSetting(ip, { ipGroupIds: ['wsipg-1'] }).compliant).toBe(true);
  });

  test('client properties follow the credential caching choice', () => {
    const s = byId(baseline, 'WSH-CLIENT-CREDENTIAL-CACHING');
    expect(s.enforcedBy).toBe('custom-resource');
    expect(evaluateSetting(s, { ReconnectEnabled: 'DISABLED' }).compliant).toBe(true);
    expect(evaluateSetting(s, { ReconnectEnabled: 'ENABLED' }).compliant).toBe(false);
    expect(evaluateSetting(s, {}).compliant).toBe(false);
    const caching = hardeningBaseline({ ...DEFAULT_HARDENING_OPTIONS, credentialCaching: true });
    expect(evaluateSetting(byId(caching, 'WSH-CLIENT-CREDENTIAL-CACHING'), { ReconnectEnabled: 'ENABLED' }).compliant).toBe(true);
  });

  test('personal desktops: AutoStop, encryption and a customer-managed key', () => {
    const ws = {
      WorkspaceProperties: { RunningMode: 'AUTO_STOP', RunningModeAutoStopTimeoutInMinutes: 60, Protocols: ['WSP'] },
      RootVolumeEncryptionEnabled: true,
      UserVolumeEncryptionEnabled: true,
      VolumeEncryptionKey: 'arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    };
    const personal = settingsFor(baseline, 'personal-workspace');
    expect(personal.filter((s) => !evaluateSetting(s, ws).compliant).map((s) => s.id)).toEqual([]);
    const aliased = { ...ws, VolumeEncryptionKey: 'alias/aws/workspaces' };
    expect(personal.filter((s) => !evaluateSetting(s, aliased).compliant).map((s) => s.id)).toEqual(['WSH-DESKTOP-CUSTOMER-KEY']);
    const pcoip = { ...ws, WorkspaceProperties: { ...ws.WorkspaceProperties, Protocols: ['PCOIP'] } };
    expect(personal.filter((s) => !evaluateSetting(s, pcoip).compliant).map((s) => s.id)).toEqual(['WSH-DESKTOP-PROTOCOL-DCV']);
  });

  test('pools: idle timeout as configured', () => {
    const pool = settingsFor(baseline, 'pool');
    expect(pool.every((s) => evaluateSetting(s, { RunningMode: 'AUTO_STOP', TimeoutSettings: { IdleDisconnectTimeoutInSeconds: 900 } }).compliant)).toBe(true);
    expect(evaluateSetting(byId(baseline, 'WSH-POOL-IDLE-TIMEOUT'), { TimeoutSettings: { IdleDisconnectTimeoutInSeconds: 0 } }).compliant).toBe(false);
  });

  test.each([
    [{ approvedDeviceTypes: ['DeviceTypeWeb'] }, /DeviceTypeWeb" may never be approved/],
    [{ approvedDeviceTypes: [] }, /approvedDeviceTypes: empty/],
    [{ autoStopTimeoutMinutes: 5 }, /60-minute intervals/],
    [{ autoStopTimeoutMinutes: 90 }, /60-minute intervals/],
    [{ poolIdleDisconnectTimeoutSeconds: 120 }, /from 300 to 36000/],
  ])('rejects unsafe options %j', (patch, message) => {
    expect(() => validateHardeningOptions({ ...DEFAULT_HARDENING_OPTIONS, ...(patch as object) })).toThrow(message);
  });
});
