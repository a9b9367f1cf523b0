/**
 * Runs side by side: worker threads report exactly what the main thread reports for the same jobs, in job
 * order, and a run that fails in a worker fails the whole call (fail closed).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CONTROL_TOWER_RULES_DIR, readRuleFiles } from '../../lib/control-tower/control-tower-guard-rules';
import { defaultGuardParallelism, runGuardJobs, type GuardJob } from '../../lib/control-tower/guard-runs-side-by-side';
import { tempRoot } from '../support/temp-dirs';

const tmp = tempRoot('guard-runs-side-by-side-');

const ruleFile = (name: string): string => {
  const found = readRuleFiles(CONTROL_TOWER_RULES_DIR).find((rule) => rule.name === name);
  if (!found) throw new Error(`no shipped rule file ${name}`);
  return found.path;
};

const dir = tmp.dir('guard-side-by-side-');
const write = (name: string, body: unknown): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
  return file;
};
const buckets = write('buckets.json', { Resources: { Open: { Type: 'AWS::S3::Bucket', Properties: {} }, Versioned: { Type: 'AWS::S3::Bucket', Properties: { VersioningConfiguration: { Status: 'Enabled' } } } } });
const groups = write('groups.json', { Resources: { Ssh: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'g', SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' }] } } } });
const keys = write('keys.json', { Resources: { Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: false, KeyPolicy: {} } } } });

const jobs: GuardJob[] = [
  { rules: [ruleFile('ct-s3-pr-1'), ruleFile('ct-s3-pr-2')], data: [buckets] },
  { rules: [ruleFile('ct-ec2-pr-3')], data: [groups] },
  { rules: [ruleFile('ct-kms-pr-1')], data: [keys, buckets] },
];

/** Each violating resource with its rule, per job. */
const shape = (reports: ReturnType<typeof runGuardJobs>) =>
  reports.map((report) => ({
    success: report.success,
    found: report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${path.basename(r.templatePath)} ${r.resourceLogicalId} ${[...r.locations].sort().join(',')}`)).sort(),
  }));

describe('runGuardJobs', () => {
  test('the main thread alone reports a violation for each job (the comparison below is not vacuous)', () => {
    const alone = shape(runGuardJobs(jobs, 1));
    expect(alone.map((r) => r.success)).toEqual([false, false, false]);
    expect(alone[0]?.found.some((line) => line.includes('buckets.json Open'))).toBe(true);
    expect(alone[1]?.found.some((line) => line.includes('groups.json Ssh'))).toBe(true);
    expect(alone[2]?.found.some((line) => line.includes('keys.json Key'))).toBe(true);
  });

  test('worker threads report the same, in job order', () => {
    expect(shape(runGuardJobs(jobs, 3, { mainThreadTakesJobs: false }))).toEqual(shape(runGuardJobs(jobs, 1)));
  });

  test('the main thread and a worker together report the same', () => {
    expect(shape(runGuardJobs([...jobs, ...jobs], 2))).toEqual(shape(runGuardJobs([...jobs, ...jobs], 1)));
  });

  test('a run that fails in a worker fails the call, naming the run', () => {
    const missing = path.join(dir, 'missing.guard');
    expect(() => runGuardJobs([jobs[0] as GuardJob, { rules: [missing], data: [buckets] }], 2, { mainThreadTakesJobs: false })).toThrow(
      new RegExp(`cfn-guard run 2 of 2 failed: .*${missing}`),
    );
  });

  test('no jobs, no runs', () => {
    expect(runGuardJobs([], 4)).toEqual([]);
  });

  test('by default as many runs at once as the cores Node may use, at most four', () => {
    expect(defaultGuardParallelism()).toBe(Math.min(4, os.availableParallelism()));
  });
});
