/**
 * A report input as the engine would produce it for a broken app: the LGWAN tier peered with the internet
 * tier (a forbidden path both ways), an untagged VPC (hygiene), one unresolved pair, permitted telework
 * and internet egress, acknowledgements from two packs (one refused). Hand-built so the renderers are
 * tested without the engine; the pack tests exercise the engine end to end.
 */
import type { Finding, Hop } from '../../../lib/checks/finding';
import { MANUAL_CONTROLS } from '../../../lib/report/manual-controls';
import { endKey, MATRIX_ENDS, type MatrixCell, type MatrixEnd, type ReportInput } from '../../../lib/report/report-input';

const rt = (logicalId: string, constructPath: string): Hop['resource'] => ({ stack: 'City-Network', logicalId, type: 'AWS::EC2::RouteTable', constructPath });

export const CROSSING: Finding = {
  rule: 'TIER-CROSSING',
  severity: 'error',
  title: 'LGWAN tier reaches the internet tier through VPC peering',
  message: 'Remove the peering route 10.1.0.0/16 from the LGWAN route table; tiers must not reach one another.',
  from: { kind: 'tier', tier: 'lgwan' },
  to: { kind: 'tier', tier: 'internet' },
  direction: 'both',
  protocol: 'tcp',
  ports: { from: 443, to: 443 },
  path: [
    { layer: 'entry', resource: { stack: 'City-Network', logicalId: 'LgwanSubnet1', type: 'AWS::EC2::Subnet', constructPath: 'City/Network/Lgwan/Subnet1' }, step: { kind: 'leave-subnet', from: { kind: 'subnet', subnet: 'LgwanSubnet1', cidrs: ['10.2.0.0/24'] } } },
    { layer: 'route', resource: rt('LgwanRt', 'City/Network/Lgwan/Rt'), step: { kind: 'route', table: 'vpc', matched: { ranges: '10.1.0.0/16', cidrs: ['10.1.0.0/16'], more: 0 }, dest: { kind: 'cidr', cidr: '10.1.0.0/16' }, target: { kind: 'resource', type: 'peering', id: 'Peering' } } },
    { layer: 'peering', resource: { stack: 'City-Network', logicalId: 'Peering', type: 'AWS::EC2::VPCPeeringConnection', constructPath: 'City/Network/Peering' }, step: { kind: 'peering-into', vpc: 'InternetVpc' } },
    { layer: 'nacl', resource: { stack: 'City-Network', logicalId: 'InternetNacl', type: 'AWS::EC2::NetworkAcl' }, step: { kind: 'nacl', direction: 'inbound', passed: true, reason: { kind: 'rule', rule: 100, allow: true, cidr: '0.0.0.0/0' } }, blocks: false },
    { layer: 'exit', resource: { stack: 'City-Network', logicalId: 'InternetSubnet1', type: 'AWS::EC2::Subnet' }, step: { kind: 'arrive', at: { kind: 'subnet', subnet: 'InternetSubnet1', cidrs: ['10.1.0.0/24'] } } },
  ],
  stillBlockedBy: ['sg'],
  resource: { stack: 'City-Network', logicalId: 'Peering', type: 'AWS::EC2::VPCPeeringConnection', constructPath: 'City/Network/Peering' },
  citation: 'lgwanSeparation',
};

export const UNTAGGED: Finding = {
  rule: 'UNTAGGED-VPC',
  severity: 'error',
  title: 'VPC without a tier tag',
  message: 'Tag the VPC with mic:tier = internet | lgwan | personal-number.',
  from: { kind: 'resource', resource: { stack: 'City-Network', logicalId: 'Spare', type: 'AWS::EC2::VPC' } },
  to: { kind: 'resource', resource: { stack: 'City-Network', logicalId: 'Spare', type: 'AWS::EC2::VPC' } },
  direction: 'one-way',
  path: [],
  stillBlockedBy: [],
  resource: { stack: 'City-Network', logicalId: 'Spare', type: 'AWS::EC2::VPC', constructPath: 'City/Network/Spare' },
  citation: 'declaredTiers',
};

function cell(from: MatrixEnd, to: MatrixEnd): MatrixCell {
  const key = `${endKey(from)}>${endKey(to)}`;
  const base = { from, to, witness: [] as Hop[], routeConnected: false, blockedBy: [] as MatrixCell['blockedBy'], findings: [] as number[] };
  switch (key) {
    case 'tier:lgwan>tier:internet':
    case 'tier:internet>tier:lgwan':
      return { ...base, verdict: 'violation', witness: CROSSING.path, routeConnected: true, findings: [0] };
    case 'tier:internet>internet':
      return { ...base, verdict: 'permitted', via: 'packets', routeConnected: true, witness: [{ layer: 'route', resource: rt('EgressRt', 'City/Network/Internet/Rt'), step: { kind: 'route', table: 'vpc', matched: { ranges: '0.0.0.0/0', cidrs: ['0.0.0.0/0'], more: 0 }, dest: { kind: 'cidr', cidr: '0.0.0.0/0' }, target: { kind: 'resource', type: 'firewall', id: 'EgressFirewall' } } }] };
    case 'telework:lgwan>tier:lgwan':
      return { ...base, verdict: 'permitted', via: 'desktop-streaming' };
    case 'on-prem:personal-number>tier:personal-number':
      return { ...base, verdict: 'permitted', via: 'packets', routeConnected: true };
    case 'tier:personal-number>tier:lgwan':
      return { ...base, verdict: 'isolated', routeConnected: true, blockedBy: ['nacl', 'sg'] };
    case 'tier:personal-number>internet':
      return { ...base, verdict: 'unresolved', reason: 'route target Fn::ImportValue Missing-Export could not be resolved' };
    default:
      return { ...base, verdict: 'isolated' };
  }
}

export function brokenAppReport(): ReportInput {
  const matrix: MatrixCell[] = [];
  for (const from of MATRIX_ENDS) for (const to of MATRIX_ENDS) if (endKey(from) !== endKey(to)) matrix.push(cell(from, to));
  return {
    sources: ['cdk.out/City-Network.template.json'],
    findings: [CROSSING, UNTAGGED],
    matrix,
    coverage: ['Gateway Load Balancer appliances are treated as opaque: traffic they forward is not modelled.'],
    acknowledgements: [
      { pack: 'AwsSolutions', ruleId: 'VPC7', reason: 'Flow logs go to the central log account', acknowledgedAt: 'City/Network/Spare', suppressed: ['City/Network/Spare/Resource'] },
      { pack: 'ThreeTierSeparation', ruleId: 'TIER-CROSSING', reason: 'temporary migration link', acknowledgedAt: 'City/Network', suppressed: [], refused: true },
    ],
    manualControls: [...MANUAL_CONTROLS],
    diagram: {
      nodes: [
        { id: 'InternetVpc', label: 'InternetVpc 10.1.0.0/16', end: { kind: 'tier', tier: 'internet' }, kind: 'vpc' },
        { id: 'LgwanVpc', label: 'LgwanVpc 10.2.0.0/16', end: { kind: 'tier', tier: 'lgwan' }, kind: 'vpc' },
        { id: 'PnVpc', label: 'PnVpc 10.3.0.0/16', end: { kind: 'tier', tier: 'personal-number' }, kind: 'vpc' },
        { id: 'Spare', label: 'Spare 10.9.0.0/16', kind: 'vpc' },
      ],
      links: [{ from: 'LgwanVpc', to: 'InternetVpc', label: 'peering', violation: true }],
    },
    generatedAt: '2026-11-21T12:00:00.000Z',
  };
}

/** The same app fixed: no findings, every forbidden pair isolated, nothing unresolved. */
export function goodAppReport(): ReportInput {
  const broken = brokenAppReport();
  return {
    ...broken,
    findings: [],
    acknowledgements: [broken.acknowledgements[0]!],
    matrix: broken.matrix.map((c) => (c.verdict === 'violation' || c.verdict === 'unresolved' ? { from: c.from, to: c.to, verdict: 'isolated', witness: [], routeConnected: false, findings: [], blockedBy: [] } : c)),
    diagram: { nodes: broken.diagram.nodes.filter((n) => n.id !== 'Spare'), links: [] },
  };
}
