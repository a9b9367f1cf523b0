/**
 * aws-cdk-lib's CloudFormation validation begun on a worker thread when validation starts
 * (lib/cfn-validate/validate-on-worker.ts): the report is the unmodified plugin's, it is taken only for the
 * inputs the worker read, a failed worker leaves the work to the main thread, it can be turned off, and the
 * app registered by registerPolicyPlugins starts it from the first pack's validate().
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, CloudFormationValidatePlugin, Stack, aws_sqs as sqs, type IPolicyValidationContext, type PolicyValidationPluginReport } from 'aws-cdk-lib';
import { CachedCloudFormationValidate } from '../../lib/cfn-validate/cached-cloudformation-validate';
import { CFN_VALIDATE_WORKER_ENV, ValidationOnWorker, validationWorkerEnabled } from '../../lib/cfn-validate/validate-on-worker';
import { registerPolicyPlugins } from '../../lib/stages/policy-plugins';
import * as verdictStore from '../../lib/cache/verdict-store';
import { tempRoot } from '../support/temp-dirs';

const tmp = tempRoot('validate-on-worker-');

/** Two stacks: one with schema errors the engine reports, one clean. */
function templates(dir: string, delay: unknown = 'soon'): IPolicyValidationContext {
  const write = (name: string, template: object): string => {
    const file = path.join(dir, `${name}.template.json`);
    fs.writeFileSync(file, JSON.stringify(template, undefined, 1));
    return file;
  };
  const broken = write('Broken', {
    Resources: {
      Bucket: { Type: 'AWS::S3::Bucket', Properties: { NotAProperty: true, VersioningConfiguration: { Status: 42 } } },
      Queue: { Type: 'AWS::SQS::Queue', Properties: { DelaySeconds: delay } },
    },
  });
  const clean = write('Clean', { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } });
  const stackTemplates = [
    { stackConstructPath: 'Broken', templatePath: broken, accountId: '111122223333', region: 'ap-northeast-1' },
    { stackConstructPath: 'Clean', templatePath: clean, accountId: '111122223333', region: 'ap-northeast-1' },
  ];
  return { templatePaths: stackTemplates.map((s) => s.templatePath), stackTemplates } as unknown as IPolicyValidationContext;
}

const rules = (report: PolicyValidationPluginReport): string[] => report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.resourceLogicalId).join(',')}`).sort();

describe('ValidationOnWorker', () => {
  const dir = tmp.dir('worker-');
  const context = templates(dir);
  let unmodified: PolicyValidationPluginReport;
  beforeAll(() => {
    unmodified = new CloudFormationValidatePlugin().validate(context);
  });

  it('reports exactly what the unmodified plugin reports on this thread', () => {
    expect(unmodified.violations.length).toBeGreaterThan(0);
    const worker = ValidationOnWorker.start({}, context);
    expect(worker).toBeDefined();
    expect(worker!.result()).toEqual(unmodified);
  });

  it('warmed before the templates exist, then handed them: the same report', () => {
    const worker = ValidationOnWorker.warm({});
    expect(worker).toBeDefined();
    expect(worker!.judge(context)).toBe(true);
    expect(worker!.judge(context)).toBe(false); // templates are handed over once
    expect(worker!.result()).toEqual(unmodified);
    expect(ValidationOnWorker.start({}, context)!.judge(context)).toBe(false); // started with its templates
  });

  it('an engine error on the worker is no report (the main thread then validates and throws as the CDK expects)', () => {
    const worker = ValidationOnWorker.start({ regoRules: [{ name: 'broken.rego', content: 'this is not rego {' }] }, context);
    expect(worker).toBeDefined();
    expect(worker!.result()).toBeUndefined();
    expect(() => new CloudFormationValidatePlugin({ regoRules: [{ name: 'broken.rego', content: 'this is not rego {' }] }).validate(context)).toThrow();
  });

  it('is off with CLOSED_TELEWORK_CFN_VALIDATE_WORKER=off', () => {
    expect(validationWorkerEnabled({})).toBe(true);
    expect(validationWorkerEnabled({ [CFN_VALIDATE_WORKER_ENV]: 'off' })).toBe(false);
    const saved = process.env[CFN_VALIDATE_WORKER_ENV];
    process.env[CFN_VALIDATE_WORKER_ENV] = 'off';
    try {
      expect(ValidationOnWorker.start({}, context)).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env[CFN_VALIDATE_WORKER_ENV];
      else process.env[CFN_VALIDATE_WORKER_ENV] = saved;
    }
  });
});

describe('CachedCloudFormationValidate.startEarly', () => {
  afterEach(() => jest.restoreAllMocks());

  it('validate() takes the report of the validation begun early, and this thread never runs the engine', () => {
    const dir = tmp.dir('early-');
    const context = templates(dir);
    const onThisThread = jest.spyOn(CloudFormationValidatePlugin.prototype, 'validate');
    const expected = new CloudFormationValidatePlugin().validate(context);
    onThisThread.mockClear();

    const plugin = new CachedCloudFormationValidate({}, { cacheDir: tmp.dir('early-cache-') });
    const digests = jest.spyOn(verdictStore, 'digestOf');
    plugin.startEarly(context);
    expect(rules(plugin.validate(context))).toEqual(rules(expected));
    expect(onThisThread).not.toHaveBeenCalled();
    // The key startEarly worked out is taken again for the same bytes (compared, not digested twice).
    expect(digests).toHaveBeenCalledTimes(1);
  });

  it('a template written after the early start: the early report is dropped and the templates are judged as they are now', () => {
    const dir = tmp.dir('changed-');
    const context = templates(dir);
    const before = new CloudFormationValidatePlugin().validate(context);
    const plugin = new CachedCloudFormationValidate({}, { cacheDir: undefined });
    plugin.startEarly(context);
    templates(dir, 5); // DelaySeconds now valid: the queue's finding goes away
    const onThisThread = jest.spyOn(CloudFormationValidatePlugin.prototype, 'validate');
    const report = plugin.validate(context);
    expect(onThisThread).toHaveBeenCalledTimes(1);
    expect(rules(report)).not.toEqual(rules(before));
    expect(rules(report)).toEqual(rules(new CloudFormationValidatePlugin().validate(context)));
    expect(rules(before).some((r) => r.endsWith(' Queue'))).toBe(true);
    expect(rules(report).some((r) => r.endsWith(' Queue'))).toBe(false);
  });

  it('warmUp with nothing stored builds the engine on a worker, and validate() takes that worker\'s report', () => {
    const dir = tmp.dir('warm-');
    const context = templates(dir);
    const expected = new CloudFormationValidatePlugin().validate(context);
    const warm = jest.spyOn(ValidationOnWorker, 'warm');
    const start = jest.spyOn(ValidationOnWorker, 'start');
    const onThisThread = jest.spyOn(CloudFormationValidatePlugin.prototype, 'validate');
    const plugin = new CachedCloudFormationValidate({}, { cacheDir: tmp.dir('warm-cache-') });
    plugin.warmUp();
    expect(warm).toHaveBeenCalledTimes(1);
    plugin.startEarly(context);
    expect(start).not.toHaveBeenCalled(); // the warmed worker judges
    expect(rules(plugin.validate(context))).toEqual(rules(expected));
    expect(onThisThread).not.toHaveBeenCalled();

    // Without startEarly: validate() hands the warmed worker the templates itself.
    onThisThread.mockClear();
    const direct = new CachedCloudFormationValidate({}, { cacheDir: undefined });
    direct.warmUp();
    expect(rules(direct.validate(context))).toEqual(rules(expected));
    expect(onThisThread).not.toHaveBeenCalled();
  });

  it('warmUp with a verdict stored does nothing (the synth may be a repeat: no engine built for nothing)', () => {
    const dir = tmp.dir('warm-stored-');
    const cacheDir = tmp.dir('warm-stored-cache-');
    new CachedCloudFormationValidate({}, { cacheDir }).validate(templates(dir));
    const warm = jest.spyOn(ValidationOnWorker, 'warm');
    new CachedCloudFormationValidate({}, { cacheDir }).warmUp();
    expect(warm).not.toHaveBeenCalled();
  });

  it('a stored verdict: nothing is started (the hit is replayed on this thread without an engine)', () => {
    const dir = tmp.dir('stored-');
    const context = templates(dir);
    const cacheDir = tmp.dir('stored-cache-');
    const expected = new CachedCloudFormationValidate({}, { cacheDir }).validate(context);
    const start = jest.spyOn(ValidationOnWorker, 'start');
    const plugin = new CachedCloudFormationValidate({}, { cacheDir });
    plugin.startEarly(context);
    expect(start).not.toHaveBeenCalled();
    expect(rules(plugin.validate(context))).toEqual(rules(expected));
  });

  it('registerPolicyPlugins warms it up when nothing is stored and hands it the templates from the first pack', () => {
    const saved = process.env.CLOSED_TELEWORK_CFN_VALIDATE_CACHE;
    process.env.CLOSED_TELEWORK_CFN_VALIDATE_CACHE = 'off'; // no stored verdict: the validation must begin early
    const app = new App({ outdir: tmp.dir('app-') });
    const stack = new Stack(app, 'Queues', { env: { account: '111122223333', region: 'ap-northeast-1' } });
    new sqs.Queue(stack, 'Queue', { enforceSSL: true });
    const warm = jest.spyOn(ValidationOnWorker, 'warm');
    registerPolicyPlugins(app);
    expect(warm).toHaveBeenCalledTimes(1); // nothing stored: the engine is built while the app is synthesised
    if (saved === undefined) delete process.env.CLOSED_TELEWORK_CFN_VALIDATE_CACHE;
    else process.env.CLOSED_TELEWORK_CFN_VALIDATE_CACHE = saved;
    const early = jest.spyOn(CachedCloudFormationValidate.prototype, 'startEarly');
    const validate = jest.spyOn(CachedCloudFormationValidate.prototype, 'validate');
    const start = jest.spyOn(ValidationOnWorker, 'start');
    const onThisThread = jest.spyOn(CloudFormationValidatePlugin.prototype, 'validate');
    try {
      app.synth();
    } catch {
      // The packs may refuse this bare queue; what matters here is the order of the calls.
    }
    expect(early).toHaveBeenCalledTimes(1);
    expect(validate).toHaveBeenCalledTimes(1);
    expect(early.mock.invocationCallOrder[0]!).toBeLessThan(validate.mock.invocationCallOrder[0]!);
    const begun = early.mock.calls[0]![0];
    expect(begun.stackTemplates.map((s) => s.templatePath)).toEqual(validate.mock.calls[0]![0].stackTemplates.map((s) => s.templatePath));
    expect(start).not.toHaveBeenCalled(); // the warmed worker was handed the templates
    // ...and validate() took the worker's report: this thread never ran the engine.
    expect(onThisThread).not.toHaveBeenCalled();
  });
});
