/**
 * The WorkSpaces hardening every telework tier must carry, written in WorkSpaces API terms.
 *
 * PURE DATA (no aws-cdk-lib import): three readers share it —
 *  - the desktop constructs (lib/desktops) build their CloudFormation properties and the custom resource's
 *    desired state from it, so what is deployed is what is audited;
 *  - the `closed-telework audit` command (lib/roster, lib/cli) compares it with what the live account
 *    returns from Describe* calls, to detect drift after someone changed a setting in the console;
 *  - docs and reports quote `why` and `fix` to a municipal reader (Japanese and English).
 *
 * Paths are field names of the WorkSpaces API responses as modelled by @aws-sdk/client-workspaces 3.1048
 * (DescribeWorkspaceDirectories → WorkspaceDirectory, DescribeClientProperties → ClientProperties,
 * DescribeWorkspaces → Workspace, DescribeWorkspacesPools → WorkspacesPool). Where CloudFormation has the
 * same setting, `cfnPath` names the property of AWS::WorkSpaces::Directory / ::Workspace / ::WorkspacesPool,
 * so a template can be checked against the same baseline before anything is deployed.
 *
 * Fail closed: a value the API did not return is NOT assumed to be the safe default (several AWS defaults are
 * the unsafe ones, e.g. clipboard redirection is on unless disabled); `evaluateSetting` reports it as drift,
 * except where the expectation is explicitly "absent".
 */

/** Which Describe* response a setting is read from. */
export type HardenedResource = 'directory' | 'client-properties' | 'personal-workspace' | 'pool';

/** Who applies the setting: CloudFormation, the custom resource (no CFN property), or a human (runbook). */
export type Enforcement = 'cloudformation' | 'custom-resource' | 'manual';

/** Which WorkSpaces flavour the setting applies to. */
export type DesktopKind = 'personal' | 'pools';

/** The client device types of WorkspaceAccessProperties, in API spelling. */
export const DEVICE_TYPES = [
  'DeviceTypeWindows',
  'DeviceTypeOsx',
  'DeviceTypeWeb',
  'DeviceTypeIos',
  'DeviceTypeAndroid',
  'DeviceTypeChromeOs',
  'DeviceTypeZeroClient',
  'DeviceTypeLinux',
  'DeviceTypeWorkSpacesThinClient',
] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Device types that may never be approved: a browser session cannot be pinned to a lent, managed device. */
export const NEVER_APPROVED_DEVICE_TYPES: readonly DeviceType[] = ['DeviceTypeWeb'];

/** Default approval: the municipality's lent Windows PCs only (MIC 2020: 貸与端末 preferred). */
export const DEFAULT_APPROVED_DEVICE_TYPES: readonly DeviceType[] = ['DeviceTypeWindows'];

/** StreamingProperties.UserSettings actions (UserSettingActionEnum) that move data to/from the client device. */
export const DATA_EXFILTRATION_USER_SETTINGS = [
  'CLIPBOARD_COPY_FROM_LOCAL_DEVICE',
  'CLIPBOARD_COPY_TO_LOCAL_DEVICE',
  'PRINTING_TO_LOCAL_DEVICE',
] as const;
export type UserSettingAction = (typeof DATA_EXFILTRATION_USER_SETTINGS)[number];

/** Self-service actions a user could use to change their desktop's shape or cost; all but restart are off. */
export const RESTRICTED_SELF_SERVICE = [
  'IncreaseVolumeSize',
  'ChangeComputeType',
  'SwitchRunningMode',
  'RebuildWorkspace',
] as const;

/** AutoStop for personal WorkSpaces is configured in 60-minute intervals (API: RunningModeAutoStopTimeoutInMinutes). */
export const AUTO_STOP_INTERVAL_MINUTES = 60;
/** J-LIS Thin Telework idle timeout floor; also the floor for a pool's idle disconnect (API range 0–36000). */
export const MIN_IDLE_TIMEOUT_SECONDS = 300;
/** API maximum for a pool's IdleDisconnectTimeoutInSeconds. */
export const MAX_IDLE_TIMEOUT_SECONDS = 36000;

/** What the live (or templated) value must be. */
export type Expectation =
  | { kind: 'equals'; value: string | number | boolean }
  /** An integer in [min, max], optionally a multiple of `step`. */
  | { kind: 'integerRange'; min: number; max: number; step?: number }
  /** A list whose elements are exactly these (order ignored). */
  | { kind: 'setEquals'; values: readonly string[] }
  /** A list of `{Action, Permission}` objects containing this action with this permission. */
  | { kind: 'userSetting'; action: UserSettingAction; permission: 'ENABLED' | 'DISABLED' }
  /** A list of access endpoints containing one of this type, through this VPC endpoint when known. */
  | { kind: 'accessEndpoint'; accessEndpointType: 'STREAMING_WSP'; vpcEndpointId?: string }
  /** A string matching this regular expression (source form, so the data stays JSON-serialisable). */
  | { kind: 'matches'; pattern: string; describe: string }
  /** A non-empty list (e.g. at least one IP access control group). */
  | { kind: 'nonEmptyList' }
  /** Missing, null, or an empty list. */
  | { kind: 'absent' };

export interface Bilingual {
  en: string;
  ja: string;
}

export interface HardeningSetting {
  /** Stable id, e.g. `WSH-ACCESS-WEB`; used in findings, acknowledgements and docs. Never reused. */
  id: string;
  resource: HardenedResource;
  /** Field path in the Describe* response, e.g. ['WorkspaceAccessProperties', 'DeviceTypeWeb']. */
  path: readonly string[];
  /** CloudFormation property path where one exists (resource type in `cfnResourceType`). */
  cfnResourceType?: 'AWS::WorkSpaces::Directory' | 'AWS::WorkSpaces::Workspace' | 'AWS::WorkSpaces::WorkspacesPool';
  cfnPath?: readonly string[];
  expected: Expectation;
  enforcedBy: Enforcement;
  appliesTo: readonly DesktopKind[];
  /** The MIC / J-LIS requirement the setting serves. */
  why: Bilingual;
  /** What an operator does when the live value drifts. */
  fix: Bilingual;
}

/** The per-municipality choices the baseline depends on (mapped from lib/config/telework.ts). */
export interface HardeningOptions {
  /** Device types allowed to connect; everything else is DENY. Never includes DeviceTypeWeb. */
  approvedDeviceTypes: readonly DeviceType[];
  /** ClientProperties.ReconnectEnabled: lets the client cache credentials to reconnect without re-entering them. */
  credentialCaching: boolean;
  /** ClientProperties.LogUploadEnabled: client diagnostic log upload to AWS. */
  clientLogUpload: boolean;
  /** Personal WorkSpaces AutoStop timeout, a multiple of 60 minutes. */
  autoStopTimeoutMinutes: number;
  /** Pools: idle disconnect timeout in seconds (≥ 300). */
  poolIdleDisconnectTimeoutSeconds: number;
  /**
   * Closed streaming: DCV through a `com.amazonaws.<region>.highlander` interface endpoint (Personal only).
   * When on, IP access control groups no longer apply to streaming; when off, an IP group is required.
   */
  closedStreaming: boolean;
  /** The VPC endpoint id when known (live audit); templates only know it as a token. */
  streamingVpcEndpointId?: string;
  /** The customer-managed key ARN for volume encryption, when known (live audit). */
  volumeEncryptionKeyArn?: string;
}

export const DEFAULT_HARDENING_OPTIONS: HardeningOptions = {
  approvedDeviceTypes: DEFAULT_APPROVED_DEVICE_TYPES,
  credentialCaching: false,
  clientLogUpload: false,
  autoStopTimeoutMinutes: 60,
  poolIdleDisconnectTimeoutSeconds: 900,
  closedStreaming: true,
};

/** A customer-managed key is addressed by key ARN (never alias/aws/workspaces, the AWS-managed key). */
const CMK_ARN_PATTERN = '^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/(mrk-[0-9a-f]{32}|[0-9a-fA-F-]{36})$';

const MIC_NO_DATA = 'MIC telework requirement for the LGWAN tier: screen transfer only, no data on the device (画面転送のみ・端末にデータを残さない).';

/**
 * Rejects options that would make the baseline itself unsafe. Throws with the field and the fix.
 * lib/config/telework.ts validates the configuration earlier with the same rules; this guards direct callers.
 */
export function validateHardeningOptions(options: HardeningOptions): void {
  const problems: string[] = [];
  for (const t of options.approvedDeviceTypes) {
    if (!(DEVICE_TYPES as readonly string[]).includes(t)) {
      problems.push(`approvedDeviceTypes: unknown device type "${t}"; use one of ${DEVICE_TYPES.join(', ')}`);
    }
    if (NEVER_APPROVED_DEVICE_TYPES.includes(t)) {
      problems.push(`approvedDeviceTypes: "${t}" may never be approved (web access cannot be tied to a lent device); remove it`);
    }
  }
  if (options.approvedDeviceTypes.length === 0) {
    problems.push('approvedDeviceTypes: empty — no device could connect; approve at least DeviceTypeWindows');
  }
  const m = options.autoStopTimeoutMinutes;
  if (!Number.isInteger(m) || m < AUTO_STOP_INTERVAL_MINUTES || m % AUTO_STOP_INTERVAL_MINUTES !== 0) {
    problems.push(`autoStopTimeoutMinutes: ${m} — WorkSpaces AutoStop is set in ${AUTO_STOP_INTERVAL_MINUTES}-minute intervals; use 60, 120, …`);
  }
  const s = options.poolIdleDisconnectTimeoutSeconds;
  if (!Number.isInteger(s) || s < MIN_IDLE_TIMEOUT_SECONDS || s > MAX_IDLE_TIMEOUT_SECONDS) {
    problems.push(`poolIdleDisconnectTimeoutSeconds: ${s} — use an integer from ${MIN_IDLE_TIMEOUT_SECONDS} to ${MAX_IDLE_TIMEOUT_SECONDS}`);
  }
  if (problems.length > 0) {
    throw new Error(`Invalid WorkSpaces hardening options:\n  - ${problems.join('\n  - ')}`);
  }
}

/** The full baseline for the given choices. Ordered: access, creation, self-service, streaming, client, desktops. */
export function hardeningBaseline(options: HardeningOptions = DEFAULT_HARDENING_OPTIONS): HardeningSetting[] {
  validateHardeningOptions(options);
  const settings: HardeningSetting[] = [];
  const both: DesktopKind[] = ['personal', 'pools'];
  const dir = 'AWS::WorkSpaces::Directory' as const;

  for (const deviceType of DEVICE_TYPES) {
    const allow = options.approvedDeviceTypes.includes(deviceType);
    settings.push({
      id: deviceType === 'DeviceTypeWeb' ? 'WSH-ACCESS-WEB' : `WSH-ACCESS-${deviceType.slice('DeviceType'.length).toUpperCase()}`,
      resource: 'directory',
      path: ['WorkspaceAccessProperties', deviceType],
      cfnResourceType: dir,
      cfnPath: ['WorkspaceAccessProperties', deviceType],
      expected: { kind: 'equals', value: allow ? 'ALLOW' : 'DENY' },
      enforcedBy: 'cloudformation',
      appliesTo: both,
      why: allow
        ? { en: `${deviceType} is an approved client device type for this municipality.`, ja: `${deviceType} はこの自治体で承認された接続端末種別です。` }
        : deviceType === 'DeviceTypeWeb'
          ? { en: 'Web access lets any browser on any device open the desktop; MIC telework requires managed (lent) devices and J-LIS checks the device.', ja: 'Webアクセスは任意の端末のブラウザから接続できてしまうため、貸与端末・端末認証を求める総務省/J-LISの要件に反します。' }
          : { en: `${deviceType} is not an approved device type; only approved, managed devices may connect (MIC: 貸与端末).`, ja: `${deviceType} は承認されていない端末種別です。承認済みの管理端末のみ接続を許可します。` },
      fix: {
        en: `Set WorkspaceAccessProperties.${deviceType} to ${allow ? 'ALLOW' : 'DENY'} (aws workspaces modify-workspace-access-properties), or redeploy the telework stack.`,
        ja: `WorkspaceAccessProperties.${deviceType} を ${allow ? 'ALLOW' : 'DENY'} に戻してください（modify-workspace-access-properties またはテレワークスタックの再デプロイ）。`,
      },
    });
  }

  settings.push(
    {
      id: 'WSH-CREATE-INTERNET-ACCESS',
      resource: 'directory',
      path: ['WorkspaceCreationProperties', 'EnableInternetAccess'],
      cfnResourceType: dir,
      cfnPath: ['WorkspaceCreationProperties', 'EnableInternetAccess'],
      expected: { kind: 'equals', value: false },
      enforcedBy: 'cloudformation',
      appliesTo: both,
      why: { en: 'EnableInternetAccess gives every new desktop a public IP: the LGWAN tier must have no path to the internet (MIC 三層分離).', ja: 'EnableInternetAccess は新規デスクトップにパブリックIPを付与します。LGWAN接続系はインターネットへの経路を持ってはなりません。' },
      fix: { en: 'Set WorkspaceCreationProperties.EnableInternetAccess to false (modify-workspace-creation-properties) and remove any Elastic IP already attached to desktops.', ja: 'EnableInternetAccess を false にし、既に付与されたElastic IPを外してください。' },
    },
    {
      id: 'WSH-CREATE-LOCAL-ADMIN',
      resource: 'directory',
      path: ['WorkspaceCreationProperties', 'UserEnabledAsLocalAdministrator'],
      cfnResourceType: dir,
      cfnPath: ['WorkspaceCreationProperties', 'UserEnabledAsLocalAdministrator'],
      expected: { kind: 'equals', value: false },
      enforcedBy: 'cloudformation',
      appliesTo: both,
      why: { en: 'A local administrator can undo Group Policy redirection controls and install tools that move data out.', ja: 'ローカル管理者はグループポリシーのリダイレクト制御を解除し、データ持ち出しツールを導入できてしまいます。' },
      fix: { en: 'Set WorkspaceCreationProperties.UserEnabledAsLocalAdministrator to false; remove users from the local Administrators group of existing desktops.', ja: 'UserEnabledAsLocalAdministrator を false にし、既存デスクトップのローカル管理者グループから利用者を外してください。' },
    },
  );

  for (const action of RESTRICTED_SELF_SERVICE) {
    settings.push({
      id: `WSH-SELFSERVICE-${action.replace(/([a-z])([A-Z])/g, '$1-$2').toUpperCase()}`,
      resource: 'directory',
      path: ['SelfservicePermissions', action],
      cfnResourceType: dir,
      cfnPath: ['SelfservicePermissions', action],
      expected: { kind: 'equals', value: 'DISABLED' },
      enforcedBy: 'cloudformation',
      appliesTo: ['personal'],
      why: { en: `Self-service ${action} lets a user change their desktop outside the municipality's change control.`, ja: `利用者によるセルフサービス(${action})は自治体の変更管理を経ずにデスクトップを変更できてしまいます。` },
      fix: { en: `Set SelfservicePermissions.${action} to DISABLED (modify-selfservice-permissions).`, ja: `SelfservicePermissions.${action} を DISABLED にしてください。` },
    });
  }

  const userSettingText: Record<UserSettingAction, Bilingual> = {
    CLIPBOARD_COPY_FROM_LOCAL_DEVICE: { en: 'clipboard copy from the home device into the desktop', ja: '自宅端末からデスクトップへのクリップボード貼り付け' },
    CLIPBOARD_COPY_TO_LOCAL_DEVICE: { en: 'clipboard copy from the desktop to the home device', ja: 'デスクトップから自宅端末へのクリップボードコピー' },
    PRINTING_TO_LOCAL_DEVICE: { en: 'printing to a printer attached to the home device', ja: '自宅端末側プリンタへの印刷' },
  };
  for (const action of DATA_EXFILTRATION_USER_SETTINGS) {
    settings.push({
      id: `WSH-STREAM-${action.replace(/_/g, '-')}`,
      resource: 'directory',
      path: ['StreamingProperties', 'UserSettings'],
      cfnResourceType: dir,
      cfnPath: ['StreamingProperties', 'UserSettings'],
      expected: { kind: 'userSetting', action, permission: 'DISABLED' },
      enforcedBy: 'cloudformation',
      appliesTo: both,
      why: { en: `${MIC_NO_DATA} Disables ${userSettingText[action].en}.`, ja: `総務省テレワーク要件（クリップボード共有・プリンタリダイレクト禁止）。${userSettingText[action].ja}を禁止します。` },
      fix: {
        en: `Add {Action: ${action}, Permission: DISABLED} to StreamingProperties.UserSettings (modify-streaming-properties); for PCoIP desktops also apply the Group Policy baseline in docs/telework.md.`,
        ja: `StreamingProperties.UserSettings に ${action}=DISABLED を設定し、PCoIPの場合は docs/telework.md のグループポリシー基準も適用してください。`,
      },
    });
  }

  if (options.closedStreaming) {
    settings.push(
      {
        id: 'WSH-STREAM-PRIVATE-ENDPOINT',
        resource: 'directory',
        path: ['WorkspaceAccessProperties', 'AccessEndpointConfig', 'AccessEndpoints'],
        cfnResourceType: dir,
        cfnPath: ['WorkspaceAccessProperties', 'AccessEndpointConfig', 'AccessEndpoints'],
        expected: { kind: 'accessEndpoint', accessEndpointType: 'STREAMING_WSP', ...(options.streamingVpcEndpointId ? { vpcEndpointId: options.streamingVpcEndpointId } : {}) },
        enforcedBy: 'cloudformation',
        appliesTo: ['personal'],
        why: { en: 'Screen streaming stays on the closed network through the tier\'s highlander (DCV) interface endpoint instead of the internet (閉域).', ja: '画面転送を highlander (DCV) インターフェイスエンドポイント経由に限定し、インターネットを通さない（閉域）。' },
        fix: { en: 'Set WorkspaceAccessProperties.AccessEndpointConfig.AccessEndpoints to the STREAMING_WSP endpoint of the tier\'s com.amazonaws.<region>.highlander VPC endpoint.', ja: 'AccessEndpointConfig に当該層の highlander VPCエンドポイント (STREAMING_WSP) を設定してください。' },
      },
      {
        id: 'WSH-STREAM-NO-INTERNET-FALLBACK',
        resource: 'directory',
        path: ['WorkspaceAccessProperties', 'AccessEndpointConfig', 'InternetFallbackProtocols'],
        cfnResourceType: dir,
        cfnPath: ['WorkspaceAccessProperties', 'AccessEndpointConfig', 'InternetFallbackProtocols'],
        expected: { kind: 'absent' },
        enforcedBy: 'cloudformation',
        appliesTo: ['personal'],
        why: { en: 'An internet fallback protocol (PCoIP) would stream the screen over the internet when the private endpoint is unreachable.', ja: 'インターネットフォールバック(PCoIP)は閉域経路が使えない時に画面をインターネット経由で転送してしまいます。' },
        fix: { en: 'Remove InternetFallbackProtocols from WorkspaceAccessProperties.AccessEndpointConfig.', ja: 'AccessEndpointConfig から InternetFallbackProtocols を削除してください。' },
      },
      {
        id: 'WSH-DESKTOP-PROTOCOL-DCV',
        resource: 'personal-workspace',
        path: ['WorkspaceProperties', 'Protocols'],
        expected: { kind: 'setEquals', values: ['WSP'] },
        enforcedBy: 'custom-resource',
        appliesTo: ['personal'],
        why: { en: 'Private streaming through the highlander endpoint works only with the DCV (API name WSP) protocol.', ja: '閉域の画面転送(highlander)は DCV（API名 WSP）プロトコルのみ対応です。' },
        fix: { en: 'Create desktops from a DCV bundle (closed-telework roster) or migrate them to DCV.', ja: 'DCVバンドルでデスクトップを作成（closed-telework roster）するか、DCVへ移行してください。' },
      },
    );
  } else {
    settings.push({
      id: 'WSH-IP-ACCESS-GROUP',
      resource: 'directory',
      path: ['ipGroupIds'],
      cfnResourceType: dir,
      cfnPath: ['IpGroupIds'],
      expected: { kind: 'nonEmptyList' },
      enforcedBy: 'cloudformation',
      appliesTo: both,
      why: { en: 'When streaming over the internet, only the municipality\'s declared client ranges (closed SIM, VPN egress) may connect.', ja: 'インターネット経由で画面転送する場合、自治体が申告した接続元アドレス（閉域SIM・VPN出口）以外からの接続を拒否します。' },
      fix: { en: 'Associate the telework IP access control group with the directory (associate-ip-groups).', ja: 'テレワーク用IPアクセスコントロールグループをディレクトリに関連付けてください。' },
    });
  }

  settings.push(
    {
      id: 'WSH-CLIENT-CREDENTIAL-CACHING',
      resource: 'client-properties',
      path: ['ReconnectEnabled'],
      expected: { kind: 'equals', value: options.credentialCaching ? 'ENABLED' : 'DISABLED' },
      enforcedBy: 'custom-resource',
      appliesTo: both,
      why: options.credentialCaching
        ? { en: 'The municipality chose to let lent devices cache credentials for reconnection (configuration).', ja: '設定により、貸与端末での再接続用資格情報キャッシュを許可しています。' }
        : { en: 'Cached credentials on a home device let anyone with the device reconnect without authenticating (J-LIS: authenticate every session, lockout).', ja: '端末に資格情報を保存すると、端末を持つ誰もが認証なしで再接続できてしまいます（J-LIS: 毎回の認証）。' },
      fix: { en: `Set ClientProperties.ReconnectEnabled to ${options.credentialCaching ? 'ENABLED' : 'DISABLED'} (modify-client-properties); it has no CloudFormation property.`, ja: `ReconnectEnabled を ${options.credentialCaching ? 'ENABLED' : 'DISABLED'} にしてください（modify-client-properties。CloudFormationでは設定不可）。` },
    },
    {
      id: 'WSH-CLIENT-LOG-UPLOAD',
      resource: 'client-properties',
      path: ['LogUploadEnabled'],
      expected: { kind: 'equals', value: options.clientLogUpload ? 'ENABLED' : 'DISABLED' },
      enforcedBy: 'custom-resource',
      appliesTo: both,
      why: { en: 'Client diagnostic logs leave the home device for AWS over the internet; the municipality decides whether that is allowed.', ja: 'クライアント診断ログは自宅端末からインターネット経由でAWSへ送られるため、自治体の判断で可否を決めます。' },
      fix: { en: `Set ClientProperties.LogUploadEnabled to ${options.clientLogUpload ? 'ENABLED' : 'DISABLED'} (modify-client-properties).`, ja: `LogUploadEnabled を ${options.clientLogUpload ? 'ENABLED' : 'DISABLED'} にしてください。` },
    },
    {
      id: 'WSH-DESKTOP-AUTO-STOP',
      resource: 'personal-workspace',
      path: ['WorkspaceProperties', 'RunningMode'],
      cfnResourceType: 'AWS::WorkSpaces::Workspace',
      cfnPath: ['WorkspaceProperties', 'RunningMode'],
      expected: { kind: 'equals', value: 'AUTO_STOP' },
      enforcedBy: 'custom-resource',
      appliesTo: ['personal'],
      why: { en: 'Desktops stop when unused, so an abandoned session does not stay reachable (J-LIS idle timeout).', ja: '未使用のデスクトップを停止し、放置されたセッションが接続可能なまま残らないようにします（J-LIS 無操作タイムアウト）。' },
      fix: { en: 'Set WorkspaceProperties.RunningMode to AUTO_STOP (modify-workspace-properties or closed-telework roster).', ja: 'RunningMode を AUTO_STOP にしてください。' },
    },
    {
      id: 'WSH-DESKTOP-AUTO-STOP-TIMEOUT',
      resource: 'personal-workspace',
      path: ['WorkspaceProperties', 'RunningModeAutoStopTimeoutInMinutes'],
      cfnResourceType: 'AWS::WorkSpaces::Workspace',
      cfnPath: ['WorkspaceProperties', 'RunningModeAutoStopTimeoutInMinutes'],
      expected: { kind: 'equals', value: options.autoStopTimeoutMinutes },
      enforcedBy: 'custom-resource',
      appliesTo: ['personal'],
      why: { en: `AutoStop after ${options.autoStopTimeoutMinutes} minutes as configured (60-minute intervals; ≥ the 300 s J-LIS floor).`, ja: `設定どおり ${options.autoStopTimeoutMinutes} 分で自動停止（60分単位。J-LISの300秒以上の要件を満たす）。` },
      fix: { en: `Set RunningModeAutoStopTimeoutInMinutes to ${options.autoStopTimeoutMinutes}.`, ja: `RunningModeAutoStopTimeoutInMinutes を ${options.autoStopTimeoutMinutes} にしてください。` },
    },
    {
      id: 'WSH-DESKTOP-ROOT-VOLUME-ENCRYPTED',
      resource: 'personal-workspace',
      path: ['RootVolumeEncryptionEnabled'],
      cfnResourceType: 'AWS::WorkSpaces::Workspace',
      cfnPath: ['RootVolumeEncryptionEnabled'],
      expected: { kind: 'equals', value: true },
      enforcedBy: 'custom-resource',
      appliesTo: ['personal'],
      why: { en: 'Desktop disks hold municipal data; they are encrypted at rest with the municipality\'s key.', ja: 'デスクトップのディスクには業務データが残るため、自治体の鍵で暗号化します。' },
      fix: { en: 'Encryption cannot be turned on for an existing WorkSpace: rebuild it from the roster with encryption on.', ja: '既存WorkSpaceの暗号化は後から有効化できません。名簿ツールで暗号化ありで作り直してください。' },
    },
    {
      id: 'WSH-DESKTOP-USER-VOLUME-ENCRYPTED',
      resource: 'personal-workspace',
      path: ['UserVolumeEncryptionEnabled'],
      cfnResourceType: 'AWS::WorkSpaces::Workspace',
      cfnPath: ['UserVolumeEncryptionEnabled'],
      expected: { kind: 'equals', value: true },
      enforcedBy: 'custom-resource',
      appliesTo: ['personal'],
      why: { en: 'The user volume (D:) holds the user\'s documents; encrypted at rest with the municipality\'s key.', ja: 'ユーザーボリューム(D:)には文書が保存されるため、自治体の鍵で暗号化します。' },
      fix: { en: 'Rebuild the WorkSpace from the roster with user-volume encryption on.', ja: '名簿ツールでユーザーボリューム暗号化ありで作り直してください。' },
    },
    {
      id: 'WSH-DESKTOP-CUSTOMER-KEY',
      resource: 'personal-workspace',
      path: ['VolumeEncryptionKey'],
      cfnResourceType: 'AWS::WorkSpaces::Workspace',
      cfnPath: ['VolumeEncryptionKey'],
      expected: options.volumeEncryptionKeyArn
        ? { kind: 'equals', value: options.volumeEncryptionKeyArn }
        : { kind: 'matches', pattern: CMK_ARN_PATTERN, describe: 'a customer-managed KMS key ARN (not alias/aws/workspaces)' },
      enforcedBy: 'custom-resource',
      appliesTo: ['personal'],
      why: { en: 'A customer-managed key lets the municipality audit and revoke access to desktop volumes (key policy, CloudTrail).', ja: 'カスタマー管理キーにより、自治体がボリュームへのアクセスを監査・失効できます。' },
      fix: { en: 'Rebuild the WorkSpace with the telework stack\'s KMS key (closed-telework roster).', ja: 'テレワークスタックのKMSキーで作り直してください。' },
    },
    {
      id: 'WSH-POOL-AUTO-STOP',
      resource: 'pool',
      path: ['RunningMode'],
      cfnResourceType: 'AWS::WorkSpaces::WorkspacesPool',
      cfnPath: ['RunningMode'],
      expected: { kind: 'equals', value: 'AUTO_STOP' },
      enforcedBy: 'cloudformation',
      appliesTo: ['pools'],
      why: { en: 'Pool instances stop when no session uses them.', ja: 'セッションのないプールインスタンスを停止します。' },
      fix: { en: 'Set the pool RunningMode to AUTO_STOP (update-workspaces-pool).', ja: 'プールの RunningMode を AUTO_STOP にしてください。' },
    },
    {
      id: 'WSH-POOL-IDLE-TIMEOUT',
      resource: 'pool',
      path: ['TimeoutSettings', 'IdleDisconnectTimeoutInSeconds'],
      cfnResourceType: 'AWS::WorkSpaces::WorkspacesPool',
      cfnPath: ['TimeoutSettings', 'IdleDisconnectTimeoutInSeconds'],
      expected: { kind: 'equals', value: options.poolIdleDisconnectTimeoutSeconds },
      enforcedBy: 'cloudformation',
      appliesTo: ['pools'],
      why: { en: `An idle session is disconnected after ${options.poolIdleDisconnectTimeoutSeconds} s (J-LIS idle timeout, ≥ 300 s).`, ja: `無操作セッションを ${options.poolIdleDisconnectTimeoutSeconds} 秒で切断します（J-LIS 無操作タイムアウト、300秒以上）。` },
      fix: { en: `Set TimeoutSettings.IdleDisconnectTimeoutInSeconds to ${options.poolIdleDisconnectTimeoutSeconds} (update-workspaces-pool).`, ja: `IdleDisconnectTimeoutInSeconds を ${options.poolIdleDisconnectTimeoutSeconds} にしてください。` },
    },
  );
  return settings;
}

/**
 * Controls no API can apply or read; listed so reports show them as manual, never as silently passing.
 * Defined with the reviewer's checklist (lib/report/manual-controls.ts), which the prove side owns; kept
 * under this name so the audit command and the report can never disagree about it.
 */
export { DESKTOP_RUNBOOK_CONTROLS as MANUAL_CONTROLS } from '../report/manual-controls';

/** The result of comparing one setting with an observed value. */
export interface SettingEvaluation {
  setting: HardeningSetting;
  compliant: boolean;
  /** The observed value, as read (undefined when the API did not return it). */
  actual: unknown;
  /** Why it is not compliant, in plain English; empty when compliant. */
  reason: string;
}

/** Reads `path` from a Describe* response object; undefined when any step is missing. */
export function readPath(source: unknown, path: readonly string[]): unknown {
  let current: unknown = source;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Compares one setting with the Describe* response it is read from. Missing values fail (fail closed). */
export function evaluateSetting(setting: HardeningSetting, source: unknown): SettingEvaluation {
  const actual = readPath(source, setting.path);
  const reason = mismatch(setting.expected, actual);
  return { setting, compliant: reason === '', actual, reason };
}

function mismatch(expected: Expectation, actual: unknown): string {
  const shown = actual === undefined ? 'not set' : JSON.stringify(actual);
  switch (expected.kind) {
    case 'equals':
      return actual === expected.value ? '' : `expected ${JSON.stringify(expected.value)}, found ${shown}`;
    case 'integerRange': {
      const ok =
        typeof actual === 'number' &&
        Number.isInteger(actual) &&
        actual >= expected.min &&
        actual <= expected.max &&
        (expected.step === undefined || actual % expected.step === 0);
      const step = expected.step === undefined ? '' : ` in steps of ${expected.step}`;
      return ok ? '' : `expected an integer from ${expected.min} to ${expected.max}${step}, found ${shown}`;
    }
    case 'setEquals': {
      if (!Array.isArray(actual)) return `expected exactly [${expected.values.join(', ')}], found ${shown}`;
      const a = new Set(actual.map(String));
      const ok = a.size === expected.values.length && expected.values.every((v) => a.has(v));
      return ok ? '' : `expected exactly [${expected.values.join(', ')}], found ${shown}`;
    }
    case 'userSetting': {
      const entries = Array.isArray(actual) ? (actual as Array<Record<string, unknown>>) : [];
      const entry = entries.find((e) => e !== null && typeof e === 'object' && e.Action === expected.action);
      if (!entry) return `expected ${expected.action} = ${expected.permission}, but the action is not set (the AWS default applies)`;
      return entry.Permission === expected.permission ? '' : `expected ${expected.action} = ${expected.permission}, found ${String(entry.Permission)}`;
    }
    case 'accessEndpoint': {
      const entries = Array.isArray(actual) ? (actual as Array<Record<string, unknown>>) : [];
      const ok = entries.some(
        (e) =>
          e !== null &&
          typeof e === 'object' &&
          e.AccessEndpointType === expected.accessEndpointType &&
          typeof e.VpcEndpointId === 'string' &&
          e.VpcEndpointId !== '' &&
          (expected.vpcEndpointId === undefined || e.VpcEndpointId === expected.vpcEndpointId),
      );
      const through = expected.vpcEndpointId ? ` through ${expected.vpcEndpointId}` : ' through a VPC endpoint';
      return ok ? '' : `expected a ${expected.accessEndpointType} access endpoint${through}, found ${shown}`;
    }
    case 'matches':
      return typeof actual === 'string' && new RegExp(expected.pattern).test(actual) ? '' : `expected ${expected.describe}, found ${shown}`;
    case 'nonEmptyList':
      return Array.isArray(actual) && actual.length > 0 ? '' : `expected at least one entry, found ${shown}`;
    case 'absent':
      return actual === undefined || actual === null || (Array.isArray(actual) && actual.length === 0) ? '' : `expected no value, found ${shown}`;
  }
}

/** The settings that apply to one resource kind and desktop flavour (what a drift audit checks per response). */
export function settingsFor(
  settings: readonly HardeningSetting[],
  resource: HardenedResource,
  kind?: DesktopKind,
): HardeningSetting[] {
  return settings.filter((s) => s.resource === resource && (kind === undefined || s.appliesTo.includes(kind)));
}
