/**
 * Test set-up for an account as the hardened constructs leave it: directories with the baseline's
 * settings, and desktops as `roster apply` creates them (DCV, AutoStop 60, encrypted, tier-tagged).
 * Shared by the audit tests and the roster tests that audit what they applied.
 */
import type { RunningServer } from './server';
import type { DirectoryState } from './state';

export const TEST_KEY_ARN = 'arn:aws:kms:ap-northeast-1:123456789012:key/11111111-2222-3333-4444-555555555555';
export const TEST_STREAMING_VPCE = 'vpce-0123456789abcdef0';

/** A directory as the hardened constructs leave it. */
export function hardenedDirectory(id: string, vpce = TEST_STREAMING_VPCE): Partial<DirectoryState> & { DirectoryId: string } {
  return {
    DirectoryId: id,
    WorkspaceAccessProperties: {
      DeviceTypeWindows: 'ALLOW', DeviceTypeOsx: 'DENY', DeviceTypeWeb: 'DENY', DeviceTypeIos: 'DENY', DeviceTypeAndroid: 'DENY',
      DeviceTypeChromeOs: 'DENY', DeviceTypeZeroClient: 'DENY', DeviceTypeLinux: 'DENY', DeviceTypeWorkSpacesThinClient: 'DENY',
      AccessEndpointConfig: { AccessEndpoints: [{ AccessEndpointType: 'STREAMING_WSP', VpcEndpointId: vpce }] },
    },
    WorkspaceCreationProperties: { EnableInternetAccess: false, UserEnabledAsLocalAdministrator: false },
    SelfservicePermissions: { RestartWorkspace: 'ENABLED', IncreaseVolumeSize: 'DISABLED', ChangeComputeType: 'DISABLED', SwitchRunningMode: 'DISABLED', RebuildWorkspace: 'DISABLED' },
    StreamingProperties: {
      StreamingExperiencePreferredProtocol: 'TCP',
      UserSettings: [
        { Action: 'CLIPBOARD_COPY_FROM_LOCAL_DEVICE', Permission: 'DISABLED' },
        { Action: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE', Permission: 'DISABLED' },
        { Action: 'PRINTING_TO_LOCAL_DEVICE', Permission: 'DISABLED' },
      ],
    },
    ClientProperties: { ReconnectEnabled: 'DISABLED', LogUploadEnabled: 'DISABLED' },
  };
}

/** A desktop as `roster apply` creates it (AUTO_STOP, declared by its tags). */
export function seedHardenedDesktop(api: RunningServer, directoryId: string, userName: string, tier: string) {
  return api.state.seedWorkspace({
    DirectoryId: directoryId,
    UserName: userName,
    VolumeEncryptionKey: TEST_KEY_ARN,
    RootVolumeEncryptionEnabled: true,
    UserVolumeEncryptionEnabled: true,
    WorkspaceProperties: { RunningMode: 'AUTO_STOP', RunningModeAutoStopTimeoutInMinutes: 60, Protocols: ['WSP'] },
    tags: [{ Key: 'mic:tier', Value: tier }, { Key: 'mic:running-mode', Value: 'AUTO_STOP' }],
  });
}
