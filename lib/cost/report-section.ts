/**
 * The reviewer's report's 費用試算 section, from the same estimate `closed-telework cost` prints (both
 * languages at once: the report renders ja and en from one input).
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadConfigFile, loadEmbeddedConfig } from '../config/load';
import type { CostSection, CostSectionText } from '../report/cost-section';
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
    subtitle: d.subtitle,
    disclaimer: d.disclaimer,
    warnings: d.warnings,
    totalsHeader: d.totalsHeader,
    totals: d.totals.map((r) => ({ label: r.label, monthly: yen(r.monthlyJpy, lang), yearly: yen(r.yearlyJpy, lang) })),
    perSeatHeading: d.headings.perSeat.replace(/^\d+\.\s*/, ''),
    perSeat: d.perSeat,
    scaleHeading: d.headings.scale.replace(/^\d+\.\s*/, ''),
    scaleHeader: d.scaleHeader,
    scale: d.scale.map((r) => [r.seats, yen(r.monthlyJpy, lang), yen(r.perSeatMonthlyJpy, lang)]),
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
