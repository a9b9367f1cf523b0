/**
 * The reviewer's report's 費用試算 section, from the same estimate `closed-telework cost` prints (both
 * languages at once: the report renders ja and en from one input).
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadConfigFile, loadEmbeddedConfig } from '../config/load';
import type { MunicipalityConfig } from '../config/schema';
import type { CostSection, CostSectionText } from '../report/cost-section';
import { CostInputError } from './cost-error';
import type { CostEstimate } from './estimate';
import { estimateForConfig } from './estimate-config';
import { loadCostSettingsFile } from './load-settings';
import { costDocument } from './render/cost-document';
import { yen, type Lang } from './render/format';

function sectionText(estimate: CostEstimate, lang: Lang): CostSectionText {
  const d = costDocument(estimate, lang);
  const ja = lang === 'ja';
  return {
    heading: ja ? '費用試算' : 'Cost estimate',
    municipality: ja ? estimate.municipality.displayName.ja : estimate.municipality.displayName.en,
    subtitle: d.subtitle,
    disclaimer: d.disclaimer,
    warnings: d.warnings,
    totalsHeader: d.totalsHeader,
    totals: d.totals.map((r) => ({ label: r.label, monthly: yen(r.monthlyJpy, lang), yearly: yen(r.yearlyJpy, lang), monthlyJpy: r.monthlyJpy, yearlyJpy: r.yearlyJpy })),
    perSeatHeading: d.headings.perSeat.replace(/^\d+\.\s*/, ''),
    perSeat: d.perSeat,
    scaleHeading: d.headings.scale.replace(/^\d+\.\s*/, ''),
    scaleHeader: d.scaleHeader,
    scale: d.scale.map((r) => [r.seats, yen(r.monthlyJpy, lang), yen(r.perSeatMonthlyJpy, lang)]),
    scaleJpy: estimate.scale.map((p): [number, number, number] => [p.seats, p.monthlyJpyIncTax, p.perSeatMonthlyJpyIncTax]),
    breakEvenHeading: d.headings.breakEven.replace(/^\d+\.\s*/, ''),
    breakEven: d.breakEven,
    referenceHeading: d.headings.reference.replace(/^\d+\.\s*/, ''),
    reference: d.reference,
    notIncludedHeading: d.headings.notIncluded.replace(/^\d+\.\s*/, ''),
    notIncluded: d.notIncluded,
    moreDetail: ja
      ? '項目別の内訳・前提・単価表（出典と確認日）は closed-telework cost で出力できます（Excel ブックは --format xlsx、説明は docs/cost.md）。'
      : 'The line-by-line breakdown, the assumptions and the price table (sources and dates) come from closed-telework cost (--format xlsx for a workbook); see docs/cost.md.',
  };
}

export function costReportSection(estimate: CostEstimate): CostSection {
  return { ja: sectionText(estimate, 'ja'), en: sectionText(estimate, 'en') };
}

/**
 * The section for `closed-telework report --cost CONFIG [--cost-overrides FILE]`: CONFIG is a configuration
 * file (JSON/YAML) or the name of an embedded municipality. Throws ConfigError / CostInputError on bad input.
 */
export function costReportSectionFor(configSpec: string, overridesFile?: string, today?: string): CostSection {
  const config = fs.existsSync(configSpec) ? loadConfigFile(path.resolve(configSpec)) : loadEmbeddedConfig(configSpec);
  const overrides = overridesFile !== undefined ? loadCostSettingsFile(overridesFile) : undefined;
  return costReportSection(estimateForConfig(config, { overrides, today }));
}

/**
 * The sections the report written on every `cdk synth` carries: one per municipality the app builds, each from
 * its configuration's own `cost` settings. A configuration the estimator cannot price (e.g. WorkSpaces Pools)
 * still deploys and is still judged: its section says why there is no estimate, and the synth goes on — the
 * cost estimate is a budget aid, and the tier proof must never be blocked by it.
 */
export function costReportSectionsForConfigs(configs: readonly MunicipalityConfig[], today?: string): CostSection[] {
  return configs.map((config) => {
    try {
      return costReportSection(estimateForConfig(config, { today }));
    } catch (err) {
      if (err instanceof CostInputError) return unavailableSection(config, err);
      throw err;
    }
  });
}

function unavailableSection(config: MunicipalityConfig, err: CostInputError): CostSection {
  const text = (lang: Lang): CostSectionText => {
    const ja = lang === 'ja';
    return {
      heading: ja ? '費用試算' : 'Cost estimate',
      municipality: ja ? config.displayName.ja : config.displayName.en,
      subtitle: ja ? `${config.displayName.ja}（${config.name}）\u3000リージョン：${config.region}` : `${config.displayName.en} (${config.name}), region ${config.region}`,
      disclaimer: ja
        ? 'この構成の費用は試算できませんでした（下記の理由）。テンプレートと三層分離の判定には影響しません。'
        : 'No estimate could be made for this configuration (reasons below). The templates and the tier-separation verdict are not affected.',
      warnings: err.problems.map((p) => (ja ? `${p.path}: ${p.ja}` : `${p.path}: ${p.message}; fix: ${p.fix}`)),
      totalsHeader: [],
      totals: [],
      perSeatHeading: '',
      perSeat: [],
      scaleHeading: '',
      scaleHeader: [],
      scale: [],
      scaleJpy: [],
      breakEvenHeading: '',
      breakEven: [],
      referenceHeading: '',
      reference: [],
      notIncludedHeading: '',
      notIncluded: [],
      moreDetail: ja ? '単価や前提を補えば closed-telework cost で試算できます（docs/cost.md）。' : 'With the missing prices or settings supplied, closed-telework cost can estimate it (docs/cost.md).',
    };
  };
  return { ja: text('ja'), en: text('en') };
}
