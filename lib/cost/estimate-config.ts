/**
 * One call from a validated configuration (and an optional overrides file's settings) to an estimate: the
 * configuration's `cost` section, then the overrides, over the defaults. What the CLI and the report use.
 */
import type { MunicipalityConfig } from '../config/schema';
import { estimateCost, type CostEstimate } from './estimate';
import { resolveCostSettings, type CostSettings, type ResolvedCostSettings } from './settings';

export interface EstimateConfigOptions {
  /** Settings from an overrides file; win over the configuration's `cost` section. */
  overrides?: CostSettings;
  /** YYYY-MM-DD; defaults to the current UTC date. */
  today?: string;
}

export function costSettingsFor(config: MunicipalityConfig, overrides?: CostSettings): ResolvedCostSettings {
  const layers: Parameters<typeof resolveCostSettings>[0] = [];
  if (config.cost !== undefined) layers.push({ settings: config.cost, origin: 'configuration' });
  if (overrides !== undefined) layers.push({ settings: overrides, origin: 'overrides-file' });
  return resolveCostSettings(layers);
}

export function estimateForConfig(config: MunicipalityConfig, options: EstimateConfigOptions = {}): CostEstimate {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  return estimateCost(config, costSettingsFor(config, options.overrides), { today });
}
