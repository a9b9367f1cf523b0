/**
 * What a budget reader compares the estimate with, and what it deliberately leaves out. These are this
 * package's statements for the reader, not MIC's: the reference figure is a municipality's published budget
 * for a vendor service, quoted as such.
 */
import type { Bilingual } from './prices/price-entry';

export interface ServiceReference {
  jpyPerSeatMonth: number;
  label: Bilingual;
  /** What the reference includes that this estimate does not. */
  includes: Bilingual;
}

/**
 * Higashimurayama City budgeted about ¥8M for September–March and expects about ¥13M a year for 100 seats of
 * a service-type closed telework solution: about ¥10,800 per seat per month, kitted PCs included.
 */
export const SERVICE_TYPE_REFERENCE: ServiceReference = {
  jpyPerSeatMonth: 10_800,
  label: {
    en: 'Service-type closed telework (Higashimurayama City budget: about ¥13M a year for 100 seats)',
    ja: 'サービス型閉域テレワーク（東村山市の予算：100席で年約1,300万円）',
  },
  includes: {
    en: 'kitted PCs (devices) are included in the reference and are NOT included in this estimate',
    ja: '参考値にはキッティング済みPC（端末）が含まれますが、本試算には端末費用を含みません',
  },
};

/** Costs this estimate never contains: say so on every output so nobody mistakes it for a quote. */
export const NOT_INCLUDED: readonly Bilingual[] = [
  { en: 'End-user devices (lent PCs, thin clients) and their kitting', ja: '利用者端末（貸与PC・シンクライアント）とキッティング' },
  { en: 'Closed SIM / mobile carrier charges', ja: '閉域SIM・携帯回線の通信料' },
  { en: 'Direct Connect port hours, data transfer over Direct Connect, and the carrier circuit', ja: 'Direct Connect のポート料金・転送料と通信事業者の回線費用' },
  { en: 'On-premises routers / VPN devices and the LGWAN-side work', ja: '庁内側のルータ・VPN機器とLGWAN側の作業' },
  { en: 'AWS Support plan', ja: 'AWS サポートプラン' },
  { en: 'Staff time (operation, help desk) and vendor construction / maintenance fees', ja: '職員の運用・ヘルプデスクの人件費、事業者の構築・保守費用' },
  { en: 'Software licences beyond the WorkSpaces bundle (Microsoft Office, antivirus, etc.)', ja: 'WorkSpaces バンドル以外のソフトウェアライセンス（Microsoft Office、ウイルス対策等）' },
  { en: 'Directories that already exist (telework.directories kind "existing") — billed where they were created', ja: '既存のディレクトリ（kind: existing）の費用（作成元で課金）' },
];

/** Charges the estimate does not model, with the reason, so the reader knows the estimate's edges. */
export const NOT_MODELLED: readonly Bilingual[] = [
  { en: 'Data transfer out to telework devices through Client VPN (WorkSpaces includes client traffic in its own price; whether the Client VPN leg is billed as data transfer out is not confirmed)', ja: 'Client VPN 経由の端末向けデータ転送（WorkSpaces の料金に端末との通信は含まれるが、Client VPN 区間の転送料の扱いは未確認）' },
  { en: 'Data processed by interface endpoints (including desktop streaming through the private endpoint)', ja: 'インターフェースエンドポイントのデータ処理料（閉域の画面転送を含む）' },
  { en: 'KMS requests, key-rotation surcharges, S3 requests and the S3 server-access-log bucket', ja: 'KMS リクエスト料金・キーローテーション追加料金、S3 リクエスト料金とアクセスログ用バケット' },
  { en: 'Client certificates issued to lent devices (AWS Private CA charges per certificate issued)', ja: '貸与端末へのクライアント証明書の発行料（AWS Private CA の証明書単位の料金）' },
  { en: 'Lambda functions of the custom resources (deployment-time only, within the free tier in practice)', ja: 'カスタムリソースの Lambda 関数（デプロイ時のみ実行）' },
  { en: 'The 30-day free trial of the first private CA, free tiers, and partial first months (WorkSpaces prorates the first month)', ja: '最初のプライベートCAの30日間無料期間、無料利用枠、初月の日割り' },
  { en: 'The NAT gateway charges AWS waives when it is used behind Network Firewall (counted in full here, to stay on the safe side)', ja: 'Network Firewall と併用した NAT ゲートウェイの料金免除（本試算では安全側に全額計上）' },
];

/**
 * What a configuration leaves to someone else's bill, by how its internet tier goes out: the prefecture's
 * security cloud (自治体情報セキュリティクラウド) or the prefecture's hub in this app is run and billed by the
 * prefecture, not by the municipality whose estimate this is.
 */
export function notIncludedFor(internetEgressKind: 'network-firewall' | 'security-cloud' | 'prefecture-hub'): readonly Bilingual[] {
  if (internetEgressKind === 'prefecture-hub') {
    return [
      ...NOT_INCLUDED,
      {
        en: "The prefecture's hub (its Transit Gateway, inspection VPC, Network Firewall and NAT) that carries this municipality's internet traffic: billed to the prefecture's account, and the municipality's share is set by the prefecture",
        ja: '本自治体のインターネット通信を中継する県のハブ（Transit Gateway・検査用VPC・Network Firewall・NAT）の費用（県のアカウントで課金され、市町村の負担額は県が定めます）',
      },
    ];
  }
  if (internetEgressKind === 'security-cloud') {
    return [
      ...NOT_INCLUDED,
      {
        en: "The prefecture's security cloud (自治体情報セキュリティクラウド) the internet tier goes out through, and the line to it",
        ja: 'インターネット接続系の接続先である自治体情報セキュリティクラウドの利用負担金と、そこまでの回線費用',
      },
    ];
  }
  return NOT_INCLUDED;
}
