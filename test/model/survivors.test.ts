/**
 * Direct tests for the three bugs that survived the whole suite in the mutation run (one each), so
 * re-introducing any of them now fails a test named for it:
 * 1. contains() skipping the last address of a range — a /32 rule would never match;
 * 2. secondary-interface attachments extracted in the same phase as instances (lost when declared first) —
 *    see also test/checks/declaration-order.test.ts;
 * 3. Fn::ImportValue taking the first of two duplicate exports instead of failing closed.
 */
import { contains, parseCidr, setOf } from '../../lib/cidr/address-sets';
import { evaluateFilters } from '../../lib/model/reachability/filters';
import type { SgFact, NaclFact } from '../../lib/model/facts/types';
import { buildModel } from '../../lib/model/facts';
import type { LoadedTemplate } from '../../lib/model/load/template';
import { rules, runTemplates } from '../checks/helpers';
import { coverageEn } from '../../lib/report/i18n/coverage.en';
import { said } from '../support/finding-words';

const c = (s: string) => parseCidr(s)!;
const ref = { stack: 'S', logicalId: 'X', type: 'AWS::EC2::SecurityGroup' };

describe('1. contains(): every address of a range, the last one too', () => {
  test('a /32 contains its one address; a /24 its first and last', () => {
    expect(contains(setOf([c('10.0.0.7/32')]), c('10.0.0.7/32').lo)).toBe(true);
    expect(contains(setOf([c('10.0.0.0/24')]), c('10.0.0.0/24').hi)).toBe(true);
    expect(contains(setOf([c('10.0.0.0/24')]), c('10.0.0.0/24').lo)).toBe(true);
    expect(contains(setOf([c('10.0.0.0/24')]), c('10.0.1.0/32').lo)).toBe(false);
    expect(contains(setOf([c('10.0.0.0/24'), c('10.0.2.0/24')]), c('10.0.2.255/32').lo)).toBe(true);
  });
  test('a security group admitting exactly one /32 source lets that source through', () => {
    const sg = (rule: string): SgFact => ({ key: 'S::G', ref, presence: 'present', vpc: 'S::V', isDefault: false, ingress: [{ ref, protocol: 6, ports: { from: 443, to: 443 }, cidr: setOf([c(rule)]), peerText: rule }], egress: [{ ref, protocol: -1, cidr: setOf([c('0.0.0.0/0')]), peerText: 'all' }] });
    const r = evaluateFilters({ srcAddrs: setOf([c('10.1.2.3/32')]), dstAddrs: setOf([c('10.9.0.0/24')]), src: { sgs: [sg('0.0.0.0/0')] }, dst: { sgs: [sg('10.1.2.3/32')] } });
    expect(r.pass).toBe(true);
    expect(r.packet).toMatchObject({ protocol: 6, port: 443 });
  });
  test('a NACL deny of the last address of the source range blocks exactly that packet', () => {
    const nacl: NaclFact = { key: 'S::N', ref, presence: 'present', vpc: 'S::V', isDefault: false, entries: [
      { ref, ruleNumber: 10, egress: false, allow: false, protocol: -1, cidr: setOf([c('10.1.2.255/32')]), cidrText: '10.1.2.255/32' },
      { ref, ruleNumber: 20, egress: false, allow: true, protocol: -1, cidr: setOf([c('0.0.0.0/0')]), cidrText: '0.0.0.0/0' },
    ] };
    const open: SgFact = { key: 'S::G', ref, presence: 'present', vpc: 'S::V', isDefault: false, ingress: [{ ref, protocol: -1, cidr: setOf([c('0.0.0.0/0')]), peerText: 'all' }], egress: [] };
    const only = evaluateFilters({ srcAddrs: setOf([c('10.1.2.255/32')]), dstAddrs: setOf([c('10.9.0.0/24')]), dst: { nacl, sgs: [open] } });
    expect(only.pass).toBe(false);
    expect(only.blockedBy).toEqual(['nacl']);
    const more = evaluateFilters({ srcAddrs: setOf([c('10.1.2.254/31')]), dstAddrs: setOf([c('10.9.0.0/24')]), dst: { nacl, sgs: [open] } });
    expect(more.pass).toBe(true);
    expect(more.packet!.src).toBe(c('10.1.2.254/32').lo);
  });
});

describe('2. secondary interfaces whatever the declaration order', () => {
  const t = (order: string[]): LoadedTemplate => {
    const all: Record<string, { Type: string; Properties: Record<string, unknown> }> = {
      VpcA: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16', Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] } },
      VpcB: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.2.0.0/16', Tags: [{ Key: 'mic:tier', Value: 'personal-number' }] } },
      SubA: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'VpcA' }, CidrBlock: '10.1.0.0/24' } },
      SubB: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { Ref: 'VpcB' }, CidrBlock: '10.2.0.0/24' } },
      AAttach: { Type: 'AWS::EC2::NetworkInterfaceAttachment', Properties: { InstanceId: { Ref: 'BBox' }, NetworkInterfaceId: { Ref: 'CEni' }, DeviceIndex: '1' } },
      BBox: { Type: 'AWS::EC2::Instance', Properties: { ImageId: 'ami-1', SubnetId: { Ref: 'SubA' } } },
      CEni: { Type: 'AWS::EC2::NetworkInterface', Properties: { SubnetId: { Ref: 'SubB' } } },
    };
    return { stack: 'S', file: 'S.json', template: { Resources: Object.fromEntries(order.map((k) => [k, all[k]])) } };
  };
  test('the attachment (declared and sorted first) still adds the interface subnet to the instance', () => {
    for (const order of [['VpcA', 'VpcB', 'SubA', 'SubB', 'AAttach', 'BBox', 'CEni'], ['CEni', 'BBox', 'AAttach', 'SubB', 'SubA', 'VpcB', 'VpcA']]) {
      expect(buildModel([t(order)]).model.compute.get('S::BBox')!.subnets.sort()).toEqual(['S::SubA', 'S::SubB']);
      expect(rules(runTemplates([t(order)]))).toEqual(['TIER-JOIN-MULTIHOMED']);
    }
  });
});

describe('3. duplicate exports fail closed', () => {
  const exporter = (stack: string, vpc: string): LoadedTemplate => ({
    stack, file: `${stack}.json`,
    template: { Resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: vpc, Tags: [{ Key: 'mic:tier', Value: 'lgwan' }] } } }, Outputs: { V: { Value: { Ref: 'Vpc' }, Export: { Name: 'shared-vpc' } } } },
  });
  const importer: LoadedTemplate = { stack: 'Imp', file: 'Imp.json', template: { Resources: { Sub: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: { 'Fn::ImportValue': 'shared-vpc' }, CidrBlock: '10.1.0.0/24' } } } } };
  test('two templates exporting one name: the import is UNRESOLVED-VALUE, never the first of them', () => {
    const r = runTemplates([exporter('A', '10.1.0.0/16'), exporter('B', '10.2.0.0/16'), importer]);
    expect(rules(r)).toEqual(['UNRESOLVED-VALUE']);
    expect(said(r.findings[0]).message).toMatch(/exported by more than one template/);
    expect(r.model.subnets.has('Imp::Sub')).toBe(false);
    expect(r.coverage.map(coverageEn).join('\n')).toMatch(/"shared-vpc" is defined by more than one template/);
  });
  test('one exporter: the import resolves', () => {
    const r = runTemplates([exporter('A', '10.1.0.0/16'), importer]);
    expect(rules(r)).toEqual([]);
    expect(r.model.subnets.get('Imp::Sub')!.vpc).toBe('A::Vpc');
  });
});
