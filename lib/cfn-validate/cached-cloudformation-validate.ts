/**
 * aws-cdk-lib's built-in CloudFormation validation, unchanged, with its verdict reused for byte-identical
 * input.
 *
 * Why: the built-in validation (the @aws/cloudformation-validate WebAssembly engine) is the largest single
 * cost of a synth of this app — about 2 s to compile the module, 4–5 s of CPU to construct the engine and
 * ~1 s per template here — and an infra engineer synthesises the same templates again and again (`cdk
 * diff`, then `cdk deploy`, each a synth). Its report is a function of the engine, the rules, the plugin
 * that maps diagnostics to violations and the templates with their stack, account and region, so it is
 * stored under a digest of exactly those and replayed when every one of them is byte-identical.
 *
 * How this stays the CDK's own check: aws-cdk-lib documents registering "a custom configured instance of
 * CloudFormationValidatePlugin on the app" as the way to configure it. This IS that class (a subclass), so
 * the CDK treats it exactly as the default: same plugin name (its errors become warnings unless
 * `@aws-cdk/core:validateAgainstDefaultRules` is set), same trust, same place in validation-report.json.
 * On a miss it calls the unmodified validate(). `cdk synth --no-validation` / CDK_VALIDATION=false and
 * `new App({ builtinCloudFormationValidation: false })` still turn it off (see registerCachedCloudFormationValidate).
 *
 * Off: `CLOSED_TELEWORK_CFN_VALIDATE_CACHE=off` (or a directory), or `CLOSED_TELEWORK_CACHE=off` for every cache.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, CloudFormationValidatePlugin, Validations } from 'aws-cdk-lib';
import type { CloudFormationValidatePluginProps, IPolicyValidationContext, PolicyValidationPluginReport, PolicyViolation, PolicyViolatingResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { digestOf, VerdictStore, verdictCacheDir } from '../cache/verdict-store';
import { ValidationOnWorker } from './validate-on-worker';

export const CFN_VALIDATE_CACHE_ENV = 'CLOSED_TELEWORK_CFN_VALIDATE_CACHE';

/** Bump when the stored shape or the meaning of a key changes. */
const FORMAT = 'closed-telework/cloudformation-validate-verdict/1';

/** A violation as stored: each resource names the index of the template it was found in, not its path. */
interface StoredVerdict {
  format: string;
  success: boolean;
  violations: Array<Omit<PolicyViolation, 'violatingResources'> & {
    violatingResources: Array<{ resourceLogicalId?: string; constructPath?: string; locations: string[]; input: number }>;
  }>;
}

function isStoredVerdict(value: unknown): value is StoredVerdict {
  const v = value as StoredVerdict | null;
  return (
    v !== null &&
    typeof v === 'object' &&
    v.format === FORMAT &&
    typeof v.success === 'boolean' &&
    Array.isArray(v.violations) &&
    v.violations.every(
      (violation) =>
        typeof violation?.ruleName === 'string' &&
        typeof violation.description === 'string' &&
        Array.isArray(violation.violatingResources) &&
        violation.violatingResources.every((r) => Number.isInteger(r?.input) && r.input >= 0 && Array.isArray(r.locations)),
    )
  );
}

/** Where aws-cdk-lib and its validation engine are installed (the engine is aws-cdk-lib's own dependency). */
function installed(): { cdkLib: string; engine: string } {
  const cdkLib = path.dirname(require.resolve('aws-cdk-lib/package.json'));
  const engine = path.dirname(require.resolve('@aws/cloudformation-validate/package.json', { paths: [cdkLib] }));
  return { cdkLib, engine };
}

let identity: string[] | undefined;
let engineVersion: string | undefined;

/**
 * What the verdict depends on besides the templates: aws-cdk-lib's and the engine's versions, the engine's
 * WebAssembly size, the plugin's own code (its excluded rules and mapping) and every built-in rule file.
 * Read without loading the engine, so a hit costs no WebAssembly compilation.
 */
function engineIdentity(): string[] {
  if (identity) return identity;
  const { cdkLib, engine } = installed();
  const version = (dir: string): string => (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const parts = [FORMAT, `aws-cdk-lib@${version(cdkLib)}`, `@aws/cloudformation-validate@${version(engine)}`];
  for (const f of fs.readdirSync(engine).filter((n) => n.endsWith('.wasm')).sort()) parts.push(f, String(fs.statSync(path.join(engine, f)).size));
  const validation = path.join(cdkLib, 'core', 'lib', 'validation');
  parts.push(fs.readFileSync(path.join(validation, 'cloudformation-validate-plugin.js'), 'utf8'));
  const rules = path.join(validation, 'rules');
  for (const f of fs.readdirSync(rules).sort()) parts.push(f, fs.readFileSync(path.join(rules, f), 'utf8'));
  identity = parts;
  return parts;
}

export interface CachedCloudFormationValidateOptions {
  /**
   * The cache directory; undefined turns caching off.
   * @default from CLOSED_TELEWORK_CFN_VALIDATE_CACHE / CLOSED_TELEWORK_CACHE, else node_modules/.cache/closed-telework/cloudformation-validate
   */
  readonly cacheDir?: string;
}

export class CachedCloudFormationValidate extends CloudFormationValidatePlugin {
  private readonly cache: VerdictStore<StoredVerdict> | undefined;
  private readonly configuration: string;
  private readonly workerProps: CloudFormationValidatePluginProps | undefined;
  /** The validation started on a worker thread when validation began (startEarly), with the key of its inputs. */
  private early: { key: string; worker: ValidationOnWorker } | undefined;
  /** The last key worked out, with the inputs it was worked out from (each template's path, stack, account, region and bytes). */
  private lastKey: { key: string; described: string[]; bytes: Buffer[] } | undefined;
  /** A worker building the engine before the templates exist (warmUp), waiting for startEarly's templates. */
  private warming: ValidationOnWorker | undefined;

  constructor(props: CloudFormationValidatePluginProps = {}, options: CachedCloudFormationValidateOptions = { cacheDir: verdictCacheDir('cloudformation-validate', CFN_VALIDATE_CACHE_ENV) }) {
    super(props);
    // Extra schemas are read from a directory at validation time, not part of the key: never cached.
    const cacheable = options.cacheDir !== undefined && props._additionalSchemasDirectory === undefined;
    this.cache = cacheable ? new VerdictStore(options.cacheDir!, isStoredVerdict) : undefined;
    // The props' rule sources are content, so they are part of the key.
    this.configuration = JSON.stringify(props);
    // Extra schemas are read from a directory the worker would read at another moment: main thread only.
    this.workerProps = props._additionalSchemasDirectory === undefined ? props : undefined;
  }

  /**
   * Called when validation begins, before the other plugins run (registerPolicyPlugins): if the verdict for
   * these templates is not stored, the unmodified validation starts now on a worker thread
   * (validate-on-worker.ts), and validate() — which the CDK calls last — takes its report, provided the
   * templates are still byte-identical to what the worker read (the same key); otherwise it is dropped and
   * the templates are validated afresh.
   */
  public startEarly(context: IPolicyValidationContext): void {
    this.early?.worker.cancel();
    this.early = undefined;
    const warming = this.warming;
    this.warming = undefined;
    if (this.workerProps === undefined || context.stackTemplates === undefined) {
      warming?.cancel();
      return;
    }
    const key = this.inputKey(context);
    if (this.cache?.get(key) !== undefined) {
      warming?.cancel();
      return;
    }
    const worker = warming?.judge(context) ? warming : ValidationOnWorker.start(this.workerProps, context);
    if (worker !== undefined) this.early = { key, worker };
  }

  /**
   * Called when the plugin is registered, before the app's constructs are built (registerPolicyPlugins): when
   * no verdict can be reused — the cache is off, or holds no verdict at all (a clean checkout, CI) — the
   * engine is built on a worker thread now, while this thread builds and synthesises the app, and startEarly
   * hands it the templates. Only then: with a verdict stored, the synth may be a repeat, where building the
   * engine would be work for nothing.
   */
  public warmUp(): void {
    if (this.workerProps === undefined || this.warming !== undefined || this.early !== undefined) return;
    if (this.cache !== undefined && this.cache.holdsAny()) return;
    this.warming = ValidationOnWorker.warm(this.workerProps);
  }

  /** The digest of everything the verdict depends on: the engine, the rules, the props, every template with its stack. */
  private inputKey(context: IPolicyValidationContext): string {
    const inputs = context.stackTemplates;
    const parts: (string | Buffer)[] = [...engineIdentity(), this.configuration, String(inputs.length)];
    const bytes = inputs.map((s) => fs.readFileSync(s.templatePath));
    // startEarly worked the key out moments ago (the first pack's validate()); the same inputs, byte for byte,
    // have the same key, and comparing the bytes is cheaper than digesting them again (a repeated synth).
    const last = this.lastKey;
    this.lastKey = undefined;
    const described = inputs.map((s) => [s.templatePath, s.stackConstructPath, s.accountId ?? '', s.region ?? ''].join('\0'));
    if (last !== undefined && last.described.length === inputs.length && last.described.every((d, i) => d === described[i] && last.bytes[i]!.equals(bytes[i]!))) {
      return last.key;
    }
    inputs.forEach((s, i) => parts.push(s.stackConstructPath, s.accountId ?? '', s.region ?? '', bytes[i]!));
    const key = digestOf(parts);
    this.lastKey = { key, described, bytes };
    return key;
  }

  /** The unmodified validation: the worker's report when it judged exactly these inputs, else on this thread. */
  private validateNow(context: IPolicyValidationContext, key: string | undefined): PolicyValidationPluginReport {
    const early = this.early;
    this.early = undefined;
    const warming = this.warming;
    this.warming = undefined;
    if (warming !== undefined && early === undefined && warming.judge(context)) {
      // Warmed up, but startEarly was not called (validation did not begin with the first pack): judge now.
      const report = warming.result();
      if (report !== undefined) return report;
    }
    warming?.cancel();
    if (early !== undefined) {
      if (early.key === (key ?? this.inputKey(context))) {
        const report = early.worker.result();
        if (report !== undefined) return report;
      } else {
        early.worker.cancel();
      }
    }
    return super.validate(context);
  }

  /**
   * The engine's version, read from its package.json (once per process: the CDK asks for it again for every
   * stage and report, and it cannot change while the process runs) — asked for even when the verdict is reused.
   */
  public override get version(): string | undefined {
    engineVersion ??= (JSON.parse(fs.readFileSync(path.join(installed().engine, 'package.json'), 'utf8')) as { version: string }).version;
    return engineVersion;
  }

  public override get ruleIds(): string[] | undefined {
    const v = this.version;
    return v === undefined ? undefined : [v];
  }

  public override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const cache = this.cache;
    if (cache === undefined) return this.validateNow(context, undefined);
    const inputs = context.stackTemplates;
    const key = this.inputKey(context);
    const stored = cache.get(key);
    if (stored !== undefined && stored.violations.every((v) => v.violatingResources.every((r) => r.input < inputs.length))) {
      return {
        success: stored.success,
        violations: stored.violations.map(({ violatingResources, ...v }) => ({
          ...v,
          violatingResources: violatingResources.map(({ input, ...r }) => ({ ...r, templatePath: inputs[input]!.templatePath }) as PolicyViolatingResource),
        })),
      };
    }
    const report = this.validateNow(context, key);
    const index = new Map(inputs.map((s, i) => [s.templatePath, i]));
    const storable = report.violations.every((v) => v.violatingResources.every((r) => r.templatePath !== undefined && index.has(r.templatePath)));
    if (storable) {
      cache.put(key, {
        format: FORMAT,
        success: report.success,
        violations: report.violations.map((v) => ({
          ...v,
          violatingResources: v.violatingResources.map(({ templatePath, ...r }) => ({ ...r, input: index.get(templatePath!)! })),
        })),
      });
    }
    return report;
  }
}

/**
 * Registers the cached built-in validation on the App in place of the CDK's default instance — only when
 * the CDK would run its default (an App, built-in validation not turned off, no instance registered yet);
 * returns it then.
 */
export function registerCachedCloudFormationValidate(scope: IConstruct): CachedCloudFormationValidate | undefined {
  if (!App.isApp(scope)) return undefined; // the CDK accepts this plugin on the App only
  const app = scope as App & { readonly _builtinCloudFormationValidation?: boolean; readonly _validationPlugins?: readonly unknown[] };
  if (app._builtinCloudFormationValidation === false || process.env.CDK_VALIDATION === 'false') return undefined;
  if ((app._validationPlugins ?? []).some((p) => p instanceof CloudFormationValidatePlugin)) return undefined; // the user configured their own
  const plugin = new CachedCloudFormationValidate();
  Validations.of(app).addPlugins(plugin);
  return plugin;
}
