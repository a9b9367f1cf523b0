/**
 * aws-cdk-lib's CloudFormation validation, unmodified, run on a worker thread while the main thread runs the
 * other validation plugins.
 *
 * Why: on a synth whose templates it has not judged before, the validation is the longest step of the synth
 * (ten municipalities: ~2.4 s to build the WebAssembly engine, ~3 s to judge 50 templates) and it ran on the
 * main thread after every pack, while the machine's second core idled. The CDK calls plugins one after
 * another, each synchronously; but the validation needs nothing but the templates on disk, which are all
 * written before the first plugin is called. So when validation starts (the first pack's validate(),
 * policy-plugins.ts), the validation is started here on a worker thread, and the plugin's own validate(), called
 * last, waits for its report (Atomics.wait on shared memory, which Node allows on the main thread) instead of
 * starting from nothing.
 *
 * The worker builds `new CloudFormationValidatePlugin(props)` — the class aws-cdk-lib exports, loaded from the
 * same file — and calls its `validate()` with the same template paths, stack paths, accounts and regions. The
 * report is a plain object (rule names, descriptions, severities, locations) and crosses the thread boundary
 * unchanged (structured clone). Anything that goes wrong on the worker (it cannot start, the engine throws,
 * the report cannot be cloned) means "no report": the caller then runs the validation on the main thread as
 * before, so an error surfaces exactly as the CDK would show it. Turn it off with
 * `CLOSED_TELEWORK_CFN_VALIDATE_WORKER=off`.
 */
import * as path from 'path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'worker_threads';
import { CloudFormationValidatePlugin } from 'aws-cdk-lib';
import type { CloudFormationValidatePluginProps, IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';

export const CFN_VALIDATE_WORKER_ENV = 'CLOSED_TELEWORK_CFN_VALIDATE_WORKER';

const OFF = /^(off|false|0|no)$/i;

/** A worker that never reports: after this long the main thread validates itself rather than wait on. */
const WORKER_LIMIT_MS = 10 * 60 * 1000;

/** Whether the validation may run on a worker thread (on unless CLOSED_TELEWORK_CFN_VALIDATE_WORKER=off). */
export function validationWorkerEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !OFF.test(env[CFN_VALIDATE_WORKER_ENV] ?? '');
}

/** The file of aws-cdk-lib that defines CloudFormationValidatePlugin, if it is the class this process uses. */
let pluginModule: string | null | undefined;
function pluginModuleFile(): string | undefined {
  if (pluginModule === undefined) {
    pluginModule = null;
    try {
      const file = path.join(path.dirname(require.resolve('aws-cdk-lib/package.json')), 'core', 'lib', 'validation', 'cloudformation-validate-plugin.js');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      if ((require(file) as { CloudFormationValidatePlugin?: unknown }).CloudFormationValidatePlugin === CloudFormationValidatePlugin) pluginModule = file;
    } catch {
      // Another layout of aws-cdk-lib: the validation runs on the main thread.
    }
  }
  return pluginModule ?? undefined;
}

/**
 * The worker's whole program: plain JavaScript evaluated from a string, so it runs the same under
 * bin/register-ts.js, jest and the compiled package.
 */
const WORKER_PROGRAM = `
const { workerData, receiveMessageOnPort } = require('worker_threads');
const { pluginModule, props, port, flags, waitForTemplatesMs } = workerData;
let message;
try {
  const { CloudFormationValidatePlugin } = require(pluginModule);
  const plugin = new CloudFormationValidatePlugin(props);
  try {
    let context = workerData.context;
    if (context === undefined) {
      // Started before the templates exist: build the engine now, judging no template (the WebAssembly module
      // compiled and instantiated); validate() below builds it again for the templates' resource types, as it
      // always does when they are not a subset of the last ones.
      plugin.validate({ templatePaths: [], stackTemplates: [] });
      Atomics.wait(flags, 1, 0, waitForTemplatesMs);
      context = receiveMessageOnPort(port)?.message.context;
    }
    message = context === undefined ? { error: 'no templates to judge were sent' } : { report: plugin.validate(context) };
  } finally {
    plugin._dispose();
  }
} catch (e) {
  message = { error: e instanceof Error ? e.message : String(e) };
}
try {
  port.postMessage(message);
} catch (e) {
  port.postMessage({ error: 'the report could not be sent: ' + (e instanceof Error ? e.message : String(e)) });
}
port.close();
Atomics.store(flags, 0, 1);
Atomics.notify(flags, 0);
`;

/** Only what the plugin reads: the templates by path, each with its stack path, account and region. */
function plainContext(context: IPolicyValidationContext): object {
  return {
    templatePaths: [...context.templatePaths],
    stackTemplates: context.stackTemplates.map(({ stackConstructPath, templatePath, accountId, region }) => ({ stackConstructPath, templatePath, accountId, region })),
    accountId: context.accountId,
    region: context.region,
  };
}

/** A warmed worker not handed templates within this long ends (a plugin registered but never validated). */
const WAIT_FOR_TEMPLATES_MS = 2 * 60 * 1000;

/** A validation running on a worker thread. */
export class ValidationOnWorker {
  private settled: { report?: PolicyValidationPluginReport } | undefined;
  private sent: boolean;

  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    /** [0]: the worker has posted its report; [1]: the templates were sent to a worker started early. */
    private readonly flags: Int32Array,
    withTemplates: boolean,
  ) {
    this.sent = withTemplates;
  }

  /**
   * Starts the unmodified validation of `context`'s templates on a worker thread; undefined when it cannot
   * (turned off, props that cannot be copied to another thread, an unknown aws-cdk-lib layout).
   */
  public static start(props: CloudFormationValidatePluginProps, context: IPolicyValidationContext): ValidationOnWorker | undefined {
    return ValidationOnWorker.spawn(props, plainContext(context));
  }

  /**
   * Starts a worker that builds the validation engine before any template exists, and then waits (at most two
   * minutes) for the templates: `judge()` hands them over. For a synth whose verdict cannot be stored already
   * (see CachedCloudFormationValidate.warmUp), so the engine is never built for nothing on a repeat.
   */
  public static warm(props: CloudFormationValidatePluginProps): ValidationOnWorker | undefined {
    return ValidationOnWorker.spawn(props, undefined);
  }

  private static spawn(props: CloudFormationValidatePluginProps, context: object | undefined): ValidationOnWorker | undefined {
    if (!validationWorkerEnabled()) return undefined;
    const file = pluginModuleFile();
    if (file === undefined) return undefined;
    const flags = new Int32Array(new SharedArrayBuffer(8));
    const { port1, port2 } = new MessageChannel();
    let worker: Worker;
    try {
      const workerData = { pluginModule: file, props, port: port2, flags, waitForTemplatesMs: WAIT_FOR_TEMPLATES_MS, ...(context !== undefined ? { context } : {}) };
      worker = new Worker(WORKER_PROGRAM, { eval: true, workerData, transferList: [port2] });
    } catch {
      port1.close();
      return undefined; // e.g. props holding something that cannot be copied to another thread
    }
    worker.unref(); // never keeps the process alive
    worker.on('error', () => undefined); // reported through result(): no report, so the main thread validates
    return new ValidationOnWorker(worker, port1, flags, context !== undefined);
  }

  /** Hands a worker started by warm() the templates to judge; false if it was started with them or has ended. */
  public judge(context: IPolicyValidationContext): boolean {
    if (this.sent || this.settled !== undefined || Atomics.load(this.flags, 0) !== 0) return false;
    this.sent = true;
    this.port.postMessage({ context: plainContext(context) });
    Atomics.store(this.flags, 1, 1);
    Atomics.notify(this.flags, 1);
    return true;
  }

  /**
   * The worker's report, waiting for it; undefined when the worker failed (the caller then validates on the
   * main thread, so the CDK sees the same error it would have).
   */
  public result(): PolicyValidationPluginReport | undefined {
    if (this.settled === undefined) {
      // The worker posts its message before it raises the flag. This thread's event loop is held while it
      // waits, so a worker that died without posting (its program catches every error; only the engine
      // running out of memory ends it otherwise) is noticed by the deadline only.
      const deadline = Date.now() + WORKER_LIMIT_MS;
      for (;;) {
        const received = receiveMessageOnPort(this.port);
        if (received) {
          const message = received.message as { report?: PolicyValidationPluginReport; error?: string };
          this.settled = message.report !== undefined ? { report: message.report } : {};
          break;
        }
        const left = deadline - Date.now();
        if (left <= 0) {
          this.cancel();
          break;
        }
        Atomics.wait(this.flags, 0, 0, Math.min(left, 1000));
      }
      this.port.close();
    }
    return this.settled!.report;
  }

  /** Drops a validation whose report is no longer wanted (the templates changed since it started). */
  public cancel(): void {
    this.settled ??= {};
    this.port.close();
    void this.worker.terminate();
  }
}
