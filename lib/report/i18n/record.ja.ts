/**
 * 記録事項（作成の記録・決裁欄・ログと保存期間・インターネットへの出口・庁内との接続回線・テレワークの経路・
 * 自動で設定される管理策・手作業の確認項目）の日本語。情報政策課の職員が決裁文書として読む言葉で書く。
 * Pure TypeScript: no aws-cdk-lib import.
 */
import { TIER_LABELS } from '../../tiers/tier';
import type { RecordMessages } from './record-messages';

const MODELS: Record<string, string> = { 'alpha': 'αモデル', 'alpha-prime': 'α′モデル', 'beta': 'βモデル', 'beta-prime': 'β′モデル' };

const DEVICE_TYPES: Record<string, string> = {
  DeviceTypeWindows: 'Windows',
  DeviceTypeOsx: 'macOS',
  DeviceTypeWeb: 'Web ブラウザ',
  DeviceTypeIos: 'iOS',
  DeviceTypeAndroid: 'Android',
  DeviceTypeChromeOs: 'ChromeOS',
  DeviceTypeZeroClient: 'ゼロクライアント',
  DeviceTypeLinux: 'Linux',
  DeviceTypeWorkSpacesThinClient: 'WorkSpaces シンクライアント',
};

const CONTROLS: Record<string, string> = {
  'clipboard-from-device': 'クリップボード共有（端末→仮想デスクトップ）',
  'clipboard-to-device': 'クリップボード共有（仮想デスクトップ→端末）',
  'printing-to-device': '端末側プリンタへの印刷',
  'web-access': '仮想デスクトップからのインターネット接続',
  'local-administrator': '利用者へのローカル管理者権限',
  'private-streaming': '画面転送の経路',
  'self-service:IncreaseVolumeSize': '利用者によるディスク容量の拡張',
  'self-service:ChangeComputeType': '利用者による性能（コンピューティングタイプ）の変更',
  'self-service:SwitchRunningMode': '利用者による実行モードの変更',
  'self-service:RebuildWorkspace': '利用者による仮想デスクトップの再構築',
  'client:ReconnectEnabled': '認証情報を端末に保存した再接続',
  'client:LogUploadEnabled': 'クライアントログの AWS への送信',
  'vpn-login-banner': 'VPN 接続時の利用条件の表示（バナー）',
  'vpn-route-enforcement': '端末の経路設定の強制（Client Route Enforcement）',
  'vpn-split-tunnel': 'スプリットトンネル（VPN を通らない通信）',
  'vpn-self-service-portal': 'VPN 設定のセルフサービスポータル',
  'vpn-session-timeout': 'VPN セッションの最大接続時間',
  'directory-hardening': 'ディレクトリの堅牢化設定',
};

const VALUES: Record<string, string> = {
  DISABLED: '無効',
  ENABLED: '有効',
  disabled: '無効',
  enabled: '有効',
  ALLOW: '許可',
  DENY: '拒否',
  true: '有効',
  false: '無効',
  STREAMING_WSP: '閉域（VPC エンドポイント経由・DCV）',
  internet: 'インターネット経由',
  '?': '未解決（テンプレートから読み取れません）',
};

const AUTH: Record<string, string> = {
  'certificate-authentication': '相互 TLS（クライアント証明書）',
  'directory-service-authentication': 'Active Directory 認証',
  'federated-authentication': 'SAML 連携認証',
};

export const recordJa: RecordMessages = {
  provenanceHeading: '作成の記録',
  municipality: '団体名',
  accountRegion: 'AWS アカウント／リージョン',
  micModel: '総務省のモデル',
  modelName: (m) => MODELS[m] ?? m,
  tool: '判定ツール',
  toolVersion: (v, c) => `closed-telework ${v ?? '（版不明）'}${c ? `（コミット ${c}${c.endsWith('-dirty') ? '：未コミットの変更あり' : ''}）` : '（コミット不明：git の作業ツリーではありません）'}`,
  configurations: '設定ファイル（SHA-256）',
  noConfiguration: 'なし（テンプレートを直接判定）',
  embeddedConfiguration: (n) => `組み込み設定 -c municipality=${n}（判定ツールの版に含まれるためファイルなし）`,
  templates: '判定したテンプレート（SHA-256）',
  basis: '判定の基準',
  command: '実行したコマンド',
  createdAt: '作成日時',
  unknown: '不明',
  environmentAgnostic: '未指定（環境非依存のスタック）',

  signatureHeading: '決裁欄',
  signatureIntro: '本報告書の内容を確認した者が記入してください。記録事項の注意事項を承知した旨は備考に記入してください。',
  signatureRoles: ['作成者', '確認者', '承認者'],
  signatureColumns: ['役割', '所属', '氏名', '日付', '印・署名', '備考'],

  caution: '注意事項',
  source: '設定元',
  tierWord: (t) => (t ? TIER_LABELS[t].ja : '系の宣言なし'),

  loggingHeading: 'ログの取得と保存期間',
  loggingIntro: 'テンプレートに定義されたログの出力先と保存期間です（説明文ではなく、テンプレートの設定値から読み取っています）。',
  logColumns: ['種類', '系', '出力先', '保存期間', '設定', '設定元'],
  logKind: {
    'vpc-flow-logs': 'VPC フローログ',
    'client-vpn-connection-logs': 'Client VPN 接続ログ',
    'cloudtrail': 'CloudTrail（操作履歴）',
    'object-lock': 'S3 オブジェクトロック（改ざん防止）',
  },
  logDetail: (l) => {
    if (!l.enabled) return '無効';
    switch (l.kind) {
      case 'vpc-flow-logs':
        return `記録対象：${l.trafficType === 'ALL' ? 'すべての通信（許可・拒否とも）' : (l.trafficType ?? '不明')}`;
      case 'client-vpn-connection-logs':
        return '接続・切断・認証の結果を記録';
      case 'cloudtrail':
        return [l.multiRegion ? '全リージョン' : '単一リージョン', l.logFileValidation ? 'ログファイルの整合性検証あり' : 'ログファイルの整合性検証なし'].join('、');
      case 'object-lock':
        return `モード：${l.lockMode === 'GOVERNANCE' ? 'ガバナンス（GOVERNANCE）' : l.lockMode === 'COMPLIANCE' ? 'コンプライアンス（COMPLIANCE）' : (l.lockMode ?? '既定の保存期間なし')}`;
    }
  },
  retention: (d) => (d === undefined ? '無期限（期間の設定なし）' : `${d} 日`),
  logOff: (l) => `${l.kind === 'vpc-flow-logs' ? `${TIER_LABELS[l.tier!]?.ja ?? '系の宣言のない'} VPC（${l.source.logicalId}）に VPC フローログがありません` : `${l.source.logicalId} の${l.kind === 'object-lock' ? 'オブジェクトロック' : 'ログ'}が無効です`}。系間の通信の有無を事後に確認できないため、有効にしてください。`,
  noLog: (k) => `テンプレートに${k === 'cloudtrail' ? ' CloudTrail の証跡' : k === 'object-lock' ? 'オブジェクトロックを設定した S3 バケット' : k === 'client-vpn-connection-logs' ? ' Client VPN エンドポイント' : ' VPC フローログ'}がありません。${k === 'client-vpn-connection-logs' ? '' : '同じアカウントの別の仕組みで取得している場合は、その証跡を決裁欄の備考に記入してください。'}`,
  governanceWhy:
    'ガバナンスモードを採用している理由：特別な権限（s3:BypassGovernanceRetention）を与えた管理者に限り保存期間中でも削除できるため、試行環境の撤去や保存期間の見直しに対応できます。その操作も CloudTrail に記録されます。本番運用で誰にも（ルートユーザーにも）削除させない場合は、設定 audit.objectLockMode を COMPLIANCE にしてください。ガバナンスモードのまま運用する場合は、この権限を持つ者を限定し、情報セキュリティ責任者が承知した旨を決裁欄の備考に記入してください。',
  complianceWhy: 'コンプライアンスモード：保存期間中は誰も（ルートユーザーも）削除や期間の短縮ができません。',

  egressHeading: 'インターネットへの出口',
  egressIntro: 'インターネット接続系がインターネットに出る箇所です（テンプレートの経路とファイアウォールの設定から判定しています）。',
  egressKind: {
    'local-firewall': '本環境内の AWS Network Firewall から直接（自治体情報セキュリティクラウドを経由しない）',
    'security-cloud-link': '自治体情報セキュリティクラウド経由（インターネット接続系の回線へ既定経路）',
    'security-cloud-hub': '自治体情報セキュリティクラウド経由（都道府県のハブの Transit Gateway へ既定経路）',
    'security-cloud-hub-inspection': '自治体情報セキュリティクラウドのハブ（検査用 VPC）',
    'uninspected': '検査なしでインターネットへ（インターネットゲートウェイ／NAT ゲートウェイへの既定経路）',
    'none': 'インターネットへの出口なし',
  },
  egressDetail: (e) =>
    e.firewall
      ? `ファイアウォール ${e.firewall.name ?? e.firewall.source.logicalId}：許可するドメイン ${e.firewall.allowedDomains.length > 0 ? e.firewall.allowedDomains.join('、') : 'なし'}（それ以外は遮断）`
      : '',
  egressNotSecurityCloud:
    'インターネット接続系の通信は自治体情報セキュリティクラウドを経由せず、本環境内の AWS Network Firewall（許可したドメインのみ通過）からインターネットに出ます',
  egressAccept:
    'この構成を採る場合は、情報セキュリティ責任者が、セキュリティクラウドを経由しない理由と、これに代わる監視（ファイアウォールのログの確認体制など）を確認し、承知したことを決裁欄の備考に記入してください。本ツールはこの判断を行いません。',
  egressUninspected: 'インターネット接続系が検査を経ずにインターネットに出ます。出口を一つの検査点（自治体情報セキュリティクラウドまたはファイアウォール）にまとめてください',
  noInternetTier: 'テンプレートにインターネット接続系の VPC がありません。',
  withBasis: (text, basis) => `${text}（根拠：${basis}）。`,
  cautionsSummary: (n, headings) => `このほか、記録事項に注意事項が ${n} 件あります（${headings.join('、')}）。情報セキュリティ責任者が内容を確認し、承知したことを決裁欄の備考に記入してください。`,

  linksHeading: '庁内ネットワークとの接続回線',
  linksIntro: '各系と庁内ネットワーク（オンプレミス）を結ぶ回線の種類と、その回線で庁内側へ送る宛先です。',
  linkColumns: ['系', '回線の種類', '庁内側へ送る宛先', '補足', '設定元'],
  linkKind: {
    'ipsec-internet': 'IPsec VPN（インターネット経由の暗号化通信）',
    'direct-connect': 'Direct Connect（専用線）',
    'closed-sim': '閉域SIM（通信事業者の閉域網）',
  },
  linkDetail: (l) =>
    [
      l.peerAddress ? `対向装置 ${l.peerAddress}` : '',
      l.staticRoutesOnly === true ? '静的ルーティングのみ（対向の BGP 広報で経路は増えない）' : l.staticRoutesOnly === false ? 'BGP による動的ルーティング' : '',
      l.advertisedRanges ? `AWS から庁内へ広報する範囲 ${l.advertisedRanges.join('、')}` : '',
      l.kind === 'closed-sim' ? 'ポリシーファイルの宣言による（CloudFormation の資源はない）' : '',
    ]
      .filter((s) => s !== '')
      .join('。'),
  noLinks: 'テンプレートに庁内ネットワークとの接続回線はありません。',

  teleworkHeading: 'テレワークの経路',
  teleworkIntro: '端末から仮想デスクトップまでの経路を順に示します。端末には画面だけを転送し、業務データは仮想デスクトップ側に置く設計です（端末へのコピー・印刷の制限は「自動で設定される管理策」を参照）。',
  stepDevice: (c) => `端末（貸与端末）：VPN 接続時に割り当てるアドレス ${c ?? '不明'}`,
  stepVpn: (p) =>
    `Client VPN：${(p.transport ?? 'udp').toUpperCase()} ${p.port ?? 443} 番、認証は${p.authentication.map((a) => AUTH[a] ?? a).join('＋') || 'なし'}、${p.splitTunnel ? 'スプリットトンネル（VPN を通らない通信あり）' : '全トンネル（接続中は他の通信を遮断）'}` +
    `${p.sessionTimeoutHours !== undefined ? `、最大 ${p.sessionTimeoutHours} 時間` : ''}、接続ログ${p.connectionLogs ? 'あり' : 'なし'}。到達を認可する宛先 ${p.authorizedCidrs.join('、') || 'なし'}`,
  stepEndpoint: (s) => (s ? `画面転送用 VPC エンドポイント（${s}）：TCP 443・TCP/UDP 4195（DCV）` : '画面転送用 VPC エンドポイントなし（画面転送はインターネット経由）'),
  stepDesktop: (p) =>
    `仮想デスクトップ（WorkSpaces）：${p.directory ? `ディレクトリ ${p.directory}（${p.directoryType === 'AWS::DirectoryService::MicrosoftAD' ? 'AWS Managed Microsoft AD' : p.directoryType === 'Custom::AdConnector' ? 'AD Connector' : p.directoryType}）` : 'ディレクトリなし'}` +
    `${p.registered ? '、ディレクトリ登録と堅牢化設定はカスタムリソースが適用' : ''}` +
    `、${p.personal + p.pools > 0 ? `テンプレート内のデスクトップ ${p.personal} 台・プール ${p.pools}` : 'デスクトップはテンプレート外（closed-telework roster で作成）'}`,
  verdict: '判定',
  signIn: 'サインイン',
  signInDecision: (p) =>
    `${p.privateStreaming ? '画面転送は閉域ですが、' : ''}WorkSpaces のサインイン（TCP/UDP 443）は端末からインターネット経由で AWS に接続します（各系の VPC からではありません）。` +
    (p.splitTunnel
      ? ''
      : '全トンネルのため VPN 接続中は到達できません。（a）通信事業者によるサインイン用ドメインに限った折り返し、（b）VPN 接続前のサインイン、（c）画面転送用エンドポイントのみを VPN に通すスプリットトンネル、のいずれを採るかを団体として決定し、手作業の確認項目「インターネットを経由する通信の確認」に記録してください。'),
  noTelework: 'テンプレートにテレワークの入口（Client VPN エンドポイント）はありません。',

  controlsHeading: '自動で設定される管理策',
  controlsIntro: 'デプロイ時に CloudFormation またはカスタムリソースが設定する値です（テンプレートから読み取っています）。',
  controlColumns: ['系', '管理策', '設定値', '設定元'],
  controlLabel: (id) => (id.startsWith('device-type:') ? `接続できる端末の種類：${DEVICE_TYPES[id.slice(12)] ?? id.slice(12)}` : (CONTROLS[id] ?? id)),
  controlValue: (id, v) => (id === 'vpn-session-timeout' ? `${v} 時間` : (VALUES[v] ?? v)),
  noControls: 'テンプレートに自動で設定される管理策はありません。',

  diagramDesktops: '仮想デスクトップ（WorkSpaces）',
  diagramDirectory: (n) => `ディレクトリ：${n}`,
  diagramStreaming: (closed) => (closed ? '画面転送：閉域（VPC エンドポイント）' : '画面転送：インターネット経由'),
  diagramEgress: (k) =>
    ({
      'local-firewall': '出口：Network Firewall（本環境から直接）',
      'security-cloud-link': '出口：セキュリティクラウド（回線経由）',
      'security-cloud-hub': '出口：セキュリティクラウド（ハブ経由）',
      'security-cloud-hub-inspection': '出口：セキュリティクラウドのハブ',
      'uninspected': '出口：検査なし（要是正）',
      'none': '出口：なし',
    })[k],
  diagramLink: (k) => ({ 'ipsec-internet': 'IPsec VPN（インターネット経由）', 'direct-connect': 'Direct Connect（専用線）', 'closed-sim': '閉域SIM（閉域網）' })[k],
  diagramClientVpn: (p) => `Client VPN ${(p.transport ?? 'udp').toUpperCase()} ${p.port ?? 443}${p.mutualTls ? '・相互TLS' : ''}${p.clientCidr ? ` ${p.clientCidr}` : ''}`,
  diagramLegendFiltered: '越境する経路（現在はフィルタで遮断・経路自体を削除）',

  exceptionColumns: ['責任者', '記録日', '見直し期限'],

  checklistHeading: '手作業で確認する項目',
  checklistIntro: 'CloudFormation では設定も確認もできない項目です。確認した者が確認者・確認日・結果・証跡を記入してください。',
  checklistColumns: ['番号', '項目', '確認方法', '根拠', '確認者', '確認日', '結果', '証跡'],
  resultChoices: '適合 ／ 不適合',
};
