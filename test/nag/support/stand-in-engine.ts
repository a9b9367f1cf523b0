/**
 * A deliberately tiny engine for testing the pack's plumbing (which templates reach the engine, how
 * findings become violations) independently of the real engine: every VPC peering connection anywhere is
 * reported as a crossing, every VPC without a mic:tier tag as a hygiene error. It records each call.
 */
import type { Finding } from '../../../lib/checks/finding';
import type { EngineInput, EngineRun, TierEngine } from '../../../lib/report/engine-run';
import { endKey, MATRIX_ENDS, type MatrixCell } from '../../../lib/report/report-input';
import { TIER_TAG_KEY } from '../../../lib/tiers/tier';

export interface RecordingEngine {
  engine: TierEngine;
  calls: EngineInput[];
}

export function standInEngine(): RecordingEngine {
  const calls: EngineInput[] = [];
  const engine: TierEngine = (input): EngineRun => {
    calls.push(input);
    const findings: Finding[] = [];
    for (const t of input.templates) {
      for (const [logicalId, r] of Object.entries(t.template.Resources)) {
        // Construct paths come with the loaded template (lib/model/load `constructPathOf`), as the real model reads them.
        const at = (id: string) => {
          const constructPath = t.constructPathOf?.(id);
          return constructPath ? { constructPath } : {};
        };
        const ref = { stack: t.stack, logicalId, type: r.Type, ...at(logicalId) };
        if (r.Type === 'AWS::EC2::VPCPeeringConnection') {
          findings.push({
            rule: 'TIER-CROSSING',
            severity: 'error',
            title: 'LGWAN tier reaches the internet tier',
            message: 'Remove the peering connection.',
            from: { kind: 'tier', tier: 'lgwan' },
            to: { kind: 'tier', tier: 'internet' },
            direction: 'both',
            path: [
              { layer: 'route', resource: { stack: t.stack, logicalId: 'LgwanRoute', type: 'AWS::EC2::Route', ...at('LgwanRoute') }, step: { kind: 'route', table: 'vpc', matched: { ranges: '10.1.0.0/16', cidrs: ['10.1.0.0/16'], more: 0 }, dest: { kind: 'cidr', cidr: '10.1.0.0/16' }, target: { kind: 'resource', type: 'peering', id: 'Peering' } } },
              { layer: 'peering', resource: ref, step: { kind: 'peering-into', vpc: 'InternetVpc' } },
            ],
            stillBlockedBy: [],
            resource: ref,
            citation: 'lgwanSeparation',
          });
        }
        const tags = (r.Properties?.Tags ?? []) as { Key: string; Value: string }[];
        if (r.Type === 'AWS::EC2::VPC' && !tags.some((tag) => tag.Key === TIER_TAG_KEY)) {
          findings.push({
            rule: 'UNTAGGED-VPC',
            severity: 'error',
            title: 'VPC without a tier tag',
            message: 'Tag the VPC with mic:tier.',
            from: { kind: 'resource', resource: ref },
            to: { kind: 'resource', resource: ref },
            direction: 'one-way',
            path: [],
            stillBlockedBy: [],
            resource: ref,
          });
        }
      }
    }
    // Every pair isolated except the one a peering opens: enough for the report to have a full matrix.
    const crossed = findings.some((f) => f.rule === 'TIER-CROSSING');
    const matrix: MatrixCell[] = [];
    for (const from of MATRIX_ENDS) {
      for (const to of MATRIX_ENDS) {
        if (endKey(from) === endKey(to)) continue;
        const violation = crossed && ((endKey(from) === 'tier:lgwan' && endKey(to) === 'tier:internet') || (endKey(from) === 'tier:internet' && endKey(to) === 'tier:lgwan'));
        matrix.push(violation ? { from, to, verdict: 'violation', witness: findings[0]!.path, routeConnected: true, blockedBy: [], findings: [0] } : { from, to, verdict: 'isolated', witness: [], routeConnected: false, blockedBy: [], findings: [] });
      }
    }
    return { findings, report: { matrix, coverage: [], diagram: { nodes: [], links: [] } } };
  };
  return { engine, calls };
}
