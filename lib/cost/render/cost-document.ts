/**
 * The estimate laid out as a budget document (予算要求資料), independent of the output format: every
 * renderer — text, CSV, spreadsheet, and the 費用試算 section of the reviewer's report — prints these same
 * sections and numbers, so the figures a finance section reads are the same everywhere.
 */
import { TIER_LABELS, type Tier } from '../../tiers/tier';
import { HOURS_PER_MONTH } from '../cost-drivers';
import { lineScope, type CostEstimate } from '../estimate';
import { PRICE_KEYS, type PriceEntry, type PriceKey } from '../prices/price-entry';
import { desktopBillingOf } from '../settings';
import { num, percent, usd, yen, type Lang } from './format';
import { GROUP_LABELS, REGION_LABELS, RUNNING_MODE_LABELS, t } from './labels';

export interface KeyValue {
  key: string;
  value: string;
}

export interface BreakdownRow {
  scope: string;
  group: string;
  item: string;
  basis: string;
  unitPrice: string;
  monthlyJpy: number | null;
  yearlyJpy: number | null;
  /** Marks shown next to the line: not counted, unconfirmed price. */
  flags: string;
}

export interface TotalsRow {
  label: string;
  monthlyJpy: number;
  yearlyJpy: number;
}

export interface PriceRow {
  key: PriceKey;
  usd: string;
  unit: string;
  source: string;
  read: string;
  status: string;
  note: string;
}

export interface CostDocument {
  lang: Lang;
  title: string;
  subtitle: string;
  disclaimer: string;
  warnings: string[];
  assumptions: KeyValue[];
  breakdownHeader: string[];
  breakdown: BreakdownRow[];
  totalsHeader: string[];
  totals: TotalsRow[];
  perSeat: KeyValue[];
  scaleHeader: string[];
  scale: Array<{ seats: string; monthlyJpy: number; perSeatMonthlyJpy: number }>;
  breakEven: string[];
  reference: string[];
  notIncluded: string[];
  notModelled: string[];
  priceHeader: string[];
  prices: PriceRow[];
  headings: {
    assumptions: string;
    breakdown: string;
    totals: string;
    perSeat: string;
    scale: string;
    breakEven: string;
    reference: string;
    notIncluded: string;
    notModelled: string;
    prices: string;
    warnings: string;
  };
}

export function costDocument(e: CostEstimate, lang: Lang): CostDocument {
  const ja = lang === 'ja';
  const s = e.settings;
  const region = REGION_LABELS[e.region] ?? { en: e.region, ja: e.region };
  const seatsText = [...new Set(e.lines.filter((l) => l.group === 'desktops' && l.tier !== undefined).map((l) => l.tier as Tier))]
    .map((tier) => {
      const b = desktopBillingOf(s, tier);
      const seats = e.lines.find((l) => l.tier === tier && l.group === 'desktops')?.quantity ?? 0;
      return ja
        ? `${TIER_LABELS[tier].ja} ${num(seats, 0)}席（WorkSpaces ${b.bundle}、${RUNNING_MODE_LABELS[b.runningMode].ja}）`
        : `${TIER_LABELS[tier].en}: ${num(seats, 0)} seats (WorkSpaces ${b.bundle}, ${RUNNING_MODE_LABELS[b.runningMode].en})`;
    });
  const v = s.volumes;

  const assumptions: KeyValue[] = ja
    ? [
        { key: '為替レート', value: `1米ドル = ${num(s.exchangeRate.jpyPerUsd)}円（${s.exchangeRate.asOf} 時点、${s.exchangeRate.basis.ja}）` },
        { key: '消費税率', value: `${percent(s.consumptionTaxRate)}（別掲）` },
        { key: '割引率', value: `${num(s.discountPercent)}%（AWS 利用料に適用、税抜）` },
        { key: '月間勤務日数', value: `${s.usage.workingDaysPerMonth}日` },
        { key: '1日のテレワーク時間', value: `${num(s.usage.teleworkHoursPerDay)}時間` },
        { key: '在宅勤務率（1日あたり）', value: `${percent(s.usage.teleworkShare)}（席数のうち、ある勤務日にテレワークする割合）` },
        { key: 'テレワーク席数', value: seatsText.join('、') || 'なし' },
        { key: '常時稼働の時間', value: `${HOURS_PER_MONTH}時間/月（AWS の月間時間の慣行）` },
        { key: 'ログ量（想定）', value: `フローログ 層ごと月${num(v.flowLogGbPerTierMonth)}GB、テレワークのログ 層ごと月${num(v.teleworkLogGbPerTierMonth)}GB、監査証跡 月${num(v.trailGbPerMonth)}GB` },
        { key: '通信量（想定）', value: `インターネット接続系の外部通信 月${num(v.internetEgressGbPerMonth)}GB、Transit Gateway 月${num(v.transitGatewayGbPerMonth)}GB` },
        { key: '単価の古さの警告', value: `確認日から${s.staleAfterDays}日超` },
      ]
    : [
        { key: 'Exchange rate', value: `USD 1 = JPY ${num(s.exchangeRate.jpyPerUsd)} (as of ${s.exchangeRate.asOf}; ${s.exchangeRate.basis.en})` },
        { key: 'Consumption tax', value: `${percent(s.consumptionTaxRate)} (shown separately)` },
        { key: 'Discount', value: `${num(s.discountPercent)} % (on AWS usage, before tax)` },
        { key: 'Working days a month', value: `${s.usage.workingDaysPerMonth}` },
        { key: 'Telework hours a day', value: `${num(s.usage.teleworkHoursPerDay)}` },
        { key: 'Share teleworking on a given day', value: `${percent(s.usage.teleworkShare)} of the seats` },
        { key: 'Telework seats', value: seatsText.join('; ') || 'none' },
        { key: 'Always-running hours', value: `${HOURS_PER_MONTH} a month (AWS convention)` },
        { key: 'Log volumes (assumed)', value: `flow logs ${num(v.flowLogGbPerTierMonth)} GB per tier a month; telework logs ${num(v.teleworkLogGbPerTierMonth)} GB per tier a month; audit trail ${num(v.trailGbPerMonth)} GB a month` },
        { key: 'Traffic (assumed)', value: `internet tier egress ${num(v.internetEgressGbPerMonth)} GB a month; Transit Gateway ${num(v.transitGatewayGbPerMonth)} GB a month` },
        { key: 'Stale-price warning', value: `prices read more than ${s.staleAfterDays} days ago` },
      ];

  const breakdown: BreakdownRow[] = e.lines.map((l) => {
    const flags: string[] = [];
    if (!l.counted) flags.push(ja ? '未計上（単価なし）' : 'NOT COUNTED (no price)');
    else if (!l.price.confirmed) flags.push(ja ? '単価未確認' : 'price unconfirmed');
    const unit = l.price.usd === null ? (ja ? '未確認' : 'unknown') : ja ? `${usd(l.price.usd)}${l.price.unit.ja.replace(/^USD/, '')}` : `${usd(l.price.usd)} ${l.price.unit.en.replace(/^USD /, '')}`;
    return {
      scope: t(lang, lineScope(l)),
      group: t(lang, GROUP_LABELS[l.group]),
      item: t(lang, l.label),
      basis: t(lang, l.basis),
      unitPrice: unit,
      monthlyJpy: l.counted ? l.monthlyJpy : null,
      yearlyJpy: l.counted ? l.yearlyJpy : null,
      flags: flags.join(' '),
    };
  });

  const taxLabel = ja ? `消費税（${percent(s.consumptionTaxRate)}）` : `Consumption tax (${percent(s.consumptionTaxRate)})`;
  const totals: TotalsRow[] = [
    { label: ja ? '税抜' : 'Before tax', monthlyJpy: e.totals.monthlyJpyExTax, yearlyJpy: e.totals.yearlyJpyExTax },
    { label: taxLabel, monthlyJpy: e.totals.monthlyTaxJpy, yearlyJpy: e.totals.yearlyTaxJpy },
    { label: ja ? '税込' : 'With tax', monthlyJpy: e.totals.monthlyJpyIncTax, yearlyJpy: e.totals.yearlyJpyIncTax },
  ];

  const p = e.perSeat;
  const perSeat: KeyValue[] = p
    ? ja
      ? [
          { key: '対象席数', value: `${num(p.seats, 0)}席` },
          { key: '1席あたり月額（税抜）', value: yen(p.monthlyJpyExTax, lang) },
          { key: '1席あたり月額（税込）', value: yen(p.monthlyJpyIncTax, lang) },
          { key: '1席あたり年額（税込）', value: yen(p.yearlyJpyIncTax, lang) },
          { key: 'うち席数に比例する費用（税抜・月額）', value: yen(p.monthlySeatDependentJpy, lang) },
          { key: 'うち共通基盤の按分（税抜・月額）', value: yen(p.monthlySharedJpy, lang) },
        ]
      : [
          { key: 'Seats', value: num(p.seats, 0) },
          { key: 'Per seat per month, before tax', value: yen(p.monthlyJpyExTax, lang) },
          { key: 'Per seat per month, with tax', value: yen(p.monthlyJpyIncTax, lang) },
          { key: 'Per seat per year, with tax', value: yen(p.yearlyJpyIncTax, lang) },
          { key: 'of which grows with seats (before tax, monthly)', value: yen(p.monthlySeatDependentJpy, lang) },
          { key: 'of which shared infrastructure (before tax, monthly)', value: yen(p.monthlySharedJpy, lang) },
        ]
    : [{ key: ja ? '1席あたり' : 'Per seat', value: ja ? 'テレワーク席数が0のため算出していません' : 'not computed: no telework seats' }];

  const breakEven = e.breakEven.map((b) => {
    const tier = TIER_LABELS[b.tier];
    if (b.hoursPerMonth === undefined) return ja ? `${tier.ja}（${b.bundle}）: ${b.reason?.ja ?? ''}` : `${tier.en} (${b.bundle}): ${b.reason?.en ?? ''}`;
    const cheaper = b.cheaperAtAssumedUsage === 'AUTO_STOP' ? RUNNING_MODE_LABELS.AUTO_STOP : RUNNING_MODE_LABELS.ALWAYS_ON;
    return ja
      ? `${tier.ja}（${b.bundle}）：1台あたり月${num(b.hoursPerMonth, 1)}時間を超えて稼働すると AlwaysOn の方が安くなります（在宅勤務率に換算して約${percent(b.teleworkShare ?? 0)}）。前提の稼働は月${num(b.assumedHoursPerSeat, 1)}時間で、${cheaper.ja}が有利です。`
      : `${tier.en} (${b.bundle}): AlwaysOn is cheaper once a desktop runs more than ${num(b.hoursPerMonth, 1)} hours a month (about ${percent(b.teleworkShare ?? 0)} of working days at the assumed hours). The assumed use is ${num(b.assumedHoursPerSeat, 1)} hours a month: ${cheaper.en} is cheaper.`;
  });

  const r = e.reference;
  const reference: string[] = [];
  if (p && r.differenceJpy !== undefined && r.ratio !== undefined) {
    reference.push(
      ja
        ? `本試算 1席あたり月額（税込）${yen(p.monthlyJpyIncTax, lang)} ／ 参考：${r.label.ja} 1席あたり月額 約${yen(r.jpyPerSeatMonth, lang)}（差額 ${r.differenceJpy >= 0 ? '+' : '−'}${yen(Math.abs(r.differenceJpy), lang)}、参考値の${percent(r.ratio)}）`
        : `This estimate: ${yen(p.monthlyJpyIncTax, lang)} per seat per month with tax / reference: ${r.label.en}: about ${yen(r.jpyPerSeatMonth, lang)} per seat per month (difference ${r.differenceJpy >= 0 ? '+' : '−'}${yen(Math.abs(r.differenceJpy), lang)}, ${percent(r.ratio)} of the reference)`,
    );
  } else {
    reference.push(ja ? `参考：${r.label.ja} 1席あたり月額 約${yen(r.jpyPerSeatMonth, lang)}` : `Reference: ${r.label.en}: about ${yen(r.jpyPerSeatMonth, lang)} per seat per month`);
  }
  reference.push(t(lang, r.includes));
  reference.push(
    ja
      ? '参考値は自治体の予算額（税込として比較）です。本試算はクラウド利用料のみで、構築・運用・端末の費用を含みません。'
      : 'The reference is a municipality\'s budget figure (compared as tax-inclusive); this estimate is cloud usage only, without construction, operation or devices.',
  );

  const prices: PriceRow[] = PRICE_KEYS.filter((k) => e.prices[k] !== undefined).map((k) => {
    const pe = e.prices[k] as PriceEntry;
    return {
      key: k,
      usd: pe.usd === null ? (ja ? '未確認' : 'unknown') : usd(pe.usd),
      unit: t(lang, pe.unit),
      source: pe.source,
      read: pe.read,
      status: pe.usd === null ? (ja ? '単価なし（未計上）' : 'no price (not counted)') : pe.confirmed ? (ja ? '確認済み' : 'confirmed') : ja ? '未確認' : 'UNCONFIRMED',
      // The stored page a confirmed number rests on, where there is one: a reader can open it.
      note: [pe.note, pe.evidence ? (ja ? `根拠: ${pe.evidence.url}（${pe.evidence.read} 確認）` : `evidence: ${pe.evidence.url} (read ${pe.evidence.read})`) : undefined].filter((x) => x).join(' '),
    };
  });

  return {
    lang,
    title: ja ? `閉域テレワーク環境 クラウド利用料 概算（予算要求資料）` : 'Closed telework environment: cloud usage estimate (for the budget request)',
    subtitle: ja
      ? `${e.municipality.displayName.ja}（${e.municipality.name}）\u3000リージョン：${e.region}（${region.ja}）\u3000試算日：${e.today}`
      : `${e.municipality.displayName.en} (${e.municipality.name}), region ${e.region} (${region.en}), estimated on ${e.today}`,
    disclaimer: ja
      ? '本資料は AWS の公開単価と下記の前提による概算であり、見積書ではありません。端末・回線・サポート・人件費などは含みません（「含まれない費用」参照）。'
      : 'An estimate from AWS public prices and the assumptions below, not a quote. Devices, carrier lines, support and staff time are not included (see "Not included").',
    warnings: e.warnings.map((w) => t(lang, w)),
    assumptions,
    breakdownHeader: ja ? ['区分', '分類', '項目', '数量・算定根拠', '単価（USD）', '月額（円・税抜）', '年額（円・税抜）', '注記'] : ['Scope', 'Group', 'Item', 'Quantity / basis', 'Unit price (USD)', 'Monthly (JPY, before tax)', 'Yearly (JPY, before tax)', 'Notes'],
    breakdown,
    totalsHeader: ja ? ['', '月額（円）', '年額（円）'] : ['', 'Monthly (JPY)', 'Yearly (JPY)'],
    totals,
    perSeat,
    scaleHeader: ja ? ['席数', '月額（円・税込）', '1席あたり月額（円・税込）'] : ['Seats', 'Monthly (JPY, with tax)', 'Per seat per month (JPY, with tax)'],
    scale: e.scale.map((sp) => ({ seats: num(sp.seats, 0), monthlyJpy: sp.monthlyJpyIncTax, perSeatMonthlyJpy: sp.perSeatMonthlyJpyIncTax })),
    breakEven,
    reference,
    notIncluded: e.notIncluded.map((x) => t(lang, x)),
    notModelled: e.notModelled.map((x) => t(lang, x)),
    priceHeader: ja ? ['価格キー', '単価（USD）', '単位', '出典（AWS 料金ページ）', '確認日', '状態', '注記'] : ['Price key', 'USD', 'Unit', 'Source (AWS pricing page)', 'Read on', 'Status', 'Note'],
    prices,
    headings: ja
      ? {
          warnings: '【注意】',
          assumptions: '1. 試算の前提',
          breakdown: '2. 費用内訳（税抜）',
          totals: '3. 合計（税抜・消費税・税込）',
          perSeat: '4. 1席あたりの費用',
          scale: '5. 規模別の1席あたり費用（試行20席から全庁1,000席まで）',
          breakEven: '6. AutoStop（時間課金）と AlwaysOn（月額固定）の分岐点',
          reference: '7. 参考比較（サービス型閉域テレワーク）',
          notIncluded: '8. 含まれない費用',
          notModelled: '9. 試算に含めていない課金',
          prices: '10. 単価表（出典・確認日）',
        }
      : {
          warnings: 'WARNINGS',
          assumptions: '1. Assumptions',
          breakdown: '2. Breakdown (before tax)',
          totals: '3. Totals (before tax, consumption tax, with tax)',
          perSeat: '4. Per seat',
          scale: '5. Per seat by scale (from a 20-seat trial to 1,000 seats)',
          breakEven: '6. AutoStop (hourly) vs AlwaysOn (monthly): break-even',
          reference: '7. Comparison (service-type closed telework)',
          notIncluded: '8. Not included',
          notModelled: '9. Charges not modelled',
          prices: '10. Price table (source and date read)',
        },
  };
}
