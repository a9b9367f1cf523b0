/**
 * Fail closed for every resource type: the CloudFormation resource specification shipped in aws-cdk-lib is
 * enumerated, and every type that can name a VPC, subnet, security group or network interface must be
 * modelled by an extractor or listed, reviewed, with a reason (lib/model/facts/resource-coverage.ts).
 * Upgrading aws-cdk-lib brings new types; this test names them until someone has decided about each.
 */
import { buildModel, EXTRACTORS } from '../../lib/model/facts';
import { classify } from '../../lib/model/facts/network-types';
import { REVIEWED_TYPES, reviewedCoverage } from '../../lib/model/facts/resource-coverage';
import type { LoadedTemplate } from '../../lib/model/load/template';
import { cfnResourceSpec, NAMES_A_NETWORK } from '../support/cfn-spec';
import { REVIEWED_EN, reasonEn } from '../../lib/report/i18n/reasons.en';
import { REVIEWED_JA, reasonJa } from '../../lib/report/i18n/reasons.ja';

const spec = cfnResourceSpec();
const extracted = new Set(EXTRACTORS.flatMap((x) => x.types));

function decided(type: string): string | undefined {
  if (extracted.has(type)) return 'extractor';
  const c = classify(type);
  if (c !== 'other') return c; // modelled / inert (reviewed EC2 list) / unmodelled (prefix list; any other AWS::EC2::* fails closed)
  return REVIEWED_TYPES[type] ? REVIEWED_TYPES[type].kind : undefined;
}

test('the specification is read: well over a thousand types, including the ones this engine models', () => {
  expect(spec.length).toBeGreaterThan(1000);
  const vpc = spec.find((t) => t.type === 'AWS::EC2::VPC');
  expect(vpc?.properties).toEqual(expect.arrayContaining(['CidrBlock', 'Tags']));
  expect(spec.find((t) => t.type === 'AWS::Lambda::Function')?.properties).toEqual(expect.arrayContaining(['VpcConfig', 'SubnetIds', 'SecurityGroupIds']));
});

test('every type that names a VPC, subnet, security group or interface is modelled or listed with a reason', () => {
  const undecided = spec.filter((t) => t.properties.some((p) => NAMES_A_NETWORK.test(p))).map((t) => t.type).filter((t) => decided(t) === undefined);
  expect(undecided).toEqual([]);
});

test('the reviewed list names only real types, each with a reason', () => {
  const known = new Set(spec.map((t) => t.type));
  expect(Object.keys(REVIEWED_TYPES).filter((t) => !known.has(t))).toEqual([]);
  for (const e of Object.values(REVIEWED_TYPES)) {
    expect(REVIEWED_EN[e.reason].length).toBeGreaterThan(20);
    expect(REVIEWED_JA[e.reason].length).toBeGreaterThan(20);
  }
});

const one = (type: string, properties: Record<string, unknown>): LoadedTemplate[] => [{ stack: 'S', file: 'S.json', template: { Resources: { R: { Type: type, Properties: properties } } } }];

test('a type on no list that names a network is UNMODELLED-RESOURCE; one that names none is ignored', () => {
  const m1 = buildModel(one('AWS::NewService::Thing', { VpcConfig: { SubnetIds: ['subnet-1'] } })).model;
  expect(m1.unmodelled.map((u) => u.ref.logicalId)).toEqual(['R']);
  expect(reasonEn(m1.unmodelled[0].reason)).toMatch(/VpcConfig/);
  expect(reasonJa(m1.unmodelled[0].reason)).toMatch(/VpcConfig/);
  expect(buildModel(one('AWS::NewService::Thing', { Name: 'x' })).model.unmodelled).toEqual([]);
  expect(reviewedCoverage('AWS::S3::Bucket', { BucketName: 'x' })).toBeUndefined();
});

test('reviewed entries decide: placed and inert types are not findings, entries into the tier are', () => {
  expect(buildModel(one('AWS::RDS::DBSubnetGroup', { SubnetIds: [] })).model.unmodelled).toEqual([]);
  expect(buildModel(one('AWS::Route53::HostedZone', { VPCs: [{ VPCId: 'vpc-1', VPCRegion: 'x' }] })).model.unmodelled).toEqual([]);
  expect(buildModel(one('AWS::SageMaker::NotebookInstance', { SubnetId: 'subnet-1' })).model.unmodelled.map((u) => u.ref.type)).toEqual(['AWS::SageMaker::NotebookInstance']);
  // CloudFront reaches into a VPC only through a VPC origin.
  expect(buildModel(one('AWS::CloudFront::Distribution', { DistributionConfig: { Origins: [{ DomainName: 'example.com' }] } })).model.unmodelled).toEqual([]);
  expect(buildModel(one('AWS::CloudFront::Distribution', { DistributionConfig: { Origins: [{ VpcOriginConfig: { VpcOriginId: 'x' } }] } })).model.unmodelled).toHaveLength(1);
});
