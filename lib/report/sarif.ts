/**
 * SARIF 2.1.0 for code-scanning UIs: one result per finding, located at the template file and the
 * resource's logical id, with the witness path as a code flow (one location per hop).
 */
import type { VerifyResult } from '../checks';
import { RULES } from '../checks/rules';
import { citationText } from '../checks/citations';
import type { ResourceRef } from '../checks/finding';
import { pathWordsEn } from './i18n/hops.en';
import { findingWords } from './describe';
import { en } from './i18n/en';

export function toSarif(result: VerifyResult, toolVersion = '0.1.0'): unknown {
  const fileOf = new Map(result.sources.map((s) => [s.stack, s.file]));
  const location = (r: ResourceRef, message?: string) => {
    const uri = fileOf.get(r.stack);
    return {
      ...(uri ? { physicalLocation: { artifactLocation: { uri: uri.replace(/\\/g, '/') } } } : {}),
      logicalLocations: [{ name: r.logicalId, fullyQualifiedName: `${r.stack}/${r.logicalId}`, kind: 'resource' }],
      ...(message ? { message: { text: message } } : {}),
    };
  };
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'closed-telework verify',
            version: toolVersion,
            informationUri: 'https://www.soumu.go.jp/',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.title },
              fullDescription: { text: `${citationText(r.citation, 'en')}\n${citationText(r.citation, 'ja')}` },
              defaultConfiguration: { level: r.severity },
            })),
          },
        },
        results: result.findings.map((f) => ({
          ruleId: f.rule,
          level: f.severity,
          message: { text: `${findingWords(f, en).title}. ${findingWords(f, en).message}` },
          locations: f.resource ? [location(f.resource)] : [],
          ...(f.path.length > 0
            ? { codeFlows: [{ threadFlows: [{ locations: f.path.map((h) => ({ location: location(h.resource, `[${h.layer}] ${pathWordsEn.hop(h.step)}${h.blocks ? ' (blocks)' : ''}`) })) }] }] }
            : {}),
          properties: { from: f.from, to: f.to, stillBlockedBy: f.stillBlockedBy, ...(f.citation ? { citation: f.citation } : {}) },
        })),
      },
    ],
  };
}

export function renderSarif(result: VerifyResult): string {
  return `${JSON.stringify(toSarif(result), null, 2)}\n`;
}
