/**
 * Every acknowledgement in the app, from every pack, read from the construct tree where
 * `Validations.of(scope).acknowledge()` records it. Read here (during synth) rather than from
 * validation-report.json because the report is written only after every plugin has run; the `report`
 * command reads the JSON's `suppressedViolations` instead (lib/report/validation-report.ts).
 */
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { Finding } from '../checks/finding';
import type { Acknowledgement } from '../report/report-input';
import { CROSSING_RULE_IDS, isCrossing } from './crossing';

export const ANNOTATION_NAMESPACE = 'Annotation';

/** Split `Pack::Rule` (the only audited form); a bare id is an annotation acknowledgement. */
export function parseAcknowledgedId(id: string): { pack: string; ruleId: string } {
  const at = id.indexOf('::');
  if (at <= 0) return { pack: ANNOTATION_NAMESPACE, ruleId: id };
  return { pack: id.slice(0, at), ruleId: id.slice(at + 2) };
}

function* constructs(root: IConstruct): Generator<IConstruct> {
  yield root;
  for (const child of root.node.children) yield* constructs(child);
}

export function collectAcknowledgements(app: IConstruct, findings: readonly Finding[], packName: string): Acknowledgement[] {
  const crossingRules = new Set([...CROSSING_RULE_IDS, ...findings.filter(isCrossing).map((f) => f.rule)]);
  const acks: Acknowledgement[] = [];
  for (const c of constructs(app)) {
    for (const entry of c.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY || !entry.data) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        const parsed = parseAcknowledgedId(id);
        // The CDK files a bare id under Annotation::, so `acknowledge({ id: 'TIER-CROSSING' })` is refused too:
        // whoever wrote it meant to silence a crossing.
        const aimsAtUs = parsed.pack === packName || (parsed.pack === ANNOTATION_NAMESPACE && crossingRules.has(parsed.ruleId));
        const refused = aimsAtUs && crossingRules.has(parsed.ruleId);
        acks.push({
          pack: parsed.pack,
          ruleId: parsed.ruleId,
          reason: String(reason),
          acknowledgedAt: c.node.path,
          suppressed: [],
          ...(refused ? { refused: true } : {}),
        });
      }
    }
  }
  return acks;
}
