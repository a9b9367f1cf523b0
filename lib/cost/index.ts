/**
 * What a municipality's configuration costs: the price table (with sources and dates), the usage
 * assumptions, the estimator and its renderers (text, JSON, CSV, spreadsheet). Pure TypeScript — no
 * aws-cdk-lib; exceljs only for the spreadsheet.
 */
export * from './cost-drivers';
export * from './cost-error';
export * from './estimate';
export * from './estimate-config';
export * from './load-settings';
export * from './prices';
export * from './reference-points';
export * from './resolve-prices';
export * from './settings';
export { costDocument, type CostDocument } from './render/cost-document';
export { renderCostCsv } from './render/csv';
export { renderCostJson, COST_JSON_SCHEMA_VERSION } from './render/json';
export { renderCostText } from './render/text';
export { renderCostXlsx, XLSX_SHEET_NAMES } from './render/xlsx';
export { costReportSection, costReportSectionFor, costReportSectionsForConfigs } from './report-section';
