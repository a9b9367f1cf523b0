/** The estimate as JSON for pipelines and other tools: the full estimate, numbers unrounded in USD, yen as printed. */
import type { CostEstimate } from '../estimate';

export const COST_JSON_SCHEMA_VERSION = 1;

export function renderCostJson(estimate: CostEstimate): string {
  return `${JSON.stringify({ schemaVersion: COST_JSON_SCHEMA_VERSION, kind: 'closed-telework-cost-estimate', ...estimate }, null, 2)}\n`;
}
