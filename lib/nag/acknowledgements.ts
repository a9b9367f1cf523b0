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
import { CROSSING_RULE_IDS, isCrossingRule } from './crossing';

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

/** Rule ids the engine (or this pack) can emit, so an acknowledgement of a made-up id is listed, not refused. */
function knownRule(ruleId: string): boolean {
  return CROSSING_RULE_IDS.includes(ruleId);
}

export function collectAcknowledgements(app: IConstruct, findings: readonly Finding[], packName: string): Acknowledgement[] {
  // Every rule that is not hygiene is a crossing rule, whether or not it fired this time: acknowledging it
  // today would silently cover the crossing it finds tomorrow.
  const crossingRules = { has: (ruleId: string): boolean => isCrossingRule(ruleId) && (findings.some((f) => f.rule === ruleId) || knownRule(ruleId)) };
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
