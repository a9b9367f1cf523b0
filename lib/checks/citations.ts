/**
 * What each rule enforces, in the words of its source: MIC's 地方公共団体における情報セキュリティポリシー
 * に関するガイドライン (三層の対策) and MIC's 2020 requirements for LGWAN-tier telework. Reports print
 * these next to findings so a reviewer can check the rule against its source.
 */
export const CITATIONS = {
  threeTierSeparation:
    'MIC 情報セキュリティポリシーガイドライン (令和7年3月版) 三層の対策: マイナンバー利用事務系・LGWAN接続系・インターネット接続系は通信経路を分離し、他の系と通信できないようにする (tiers must not communicate).',
  closedTierInternet:
    'MIC ガイドライン 三層の対策: LGWAN接続系とマイナンバー利用事務系はインターネットと通信できないようにする; インターネットからの受け入れは無害化通信のみ (closed tiers never reach the internet; inbound only sanitised).',
  personalNumberNoTelework:
    'MIC ガイドライン マイナンバー利用事務系: 外部からのリモートアクセスは原則禁止 — no telework entry into the personal-number tier.',
  teleworkScreenTransfer:
    'MIC「地方公共団体におけるテレワークの推進」(2020) LGWAN接続系テレワーク: 画面転送方式で、業務端末・業務システムへの到達は仮想デスクトップに限定する (telework clients reach only the desktop service).',
  defenceInDepth:
    'MIC ガイドライン 三層の対策 (多層防御): 系間を接続する経路そのものを設けない — a construct joining two tiers is a crossing even where a filter blocks it today.',
  declaredTiers:
    'closed-telework tier model: every VPC and external link declares its tier with the tag mic:tier (宣言された系のみ検証可能); an undeclared network cannot be proven separated.',
  failClosed:
    'closed-telework proof obligation: anything the engine cannot resolve or does not model could carry traffic, so it is reported rather than assumed safe (fail closed).',
  tgwSegmentation:
    'AWS Transit Gateway: DefaultRouteTableAssociation/Propagation default to enable and put every attachment in one route domain; segmentation needs one route table per tier with defaults disabled.',
  clientVpnAuthorization:
    'MIC テレワーク要件: 接続先の制限 — Client VPN authorization must name the desktop subnets, not the whole VPC.',
  sanctionedExchange:
    'MIC ガイドライン 無害化通信: a sanctioned exchange channel must be declared with its owner, reason and expiry and reviewed before it expires.',
  teleworkModel:
    'MIC ガイドライン (令和2年 βモデル): telework into internet-tier desktops belongs to the β/β\' models; an α-model city keeps telework in the LGWAN tier.',
} as const;

export type CitationKey = keyof typeof CITATIONS;
