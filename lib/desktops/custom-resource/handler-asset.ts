/**
 * Ships a custom-resource handler as a Lambda asset WITHOUT a bundler. A handler imports only Node built-ins,
 * the AWS SDK clients the Lambda Node.js runtime provides, and the shared CloudFormation protocol module
 * beside this file; transpiling those files with TypeScript's transpileModule is enough. No esbuild, no
 * Docker, deterministic output: the asset directory only changes when a shipped source does.
 *
 * Layout mirrors lib/desktops/ so the handler's relative import works unchanged:
 *   <asset>/index.js                                  re-exports the handler (Lambda: index.handler)
 *   <asset>/<handler folder>/handler.js
 *   <asset>/custom-resource/cloudformation-response.js
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as TypeScript from 'typescript';
import { verdictCacheDir } from '../../cache/verdict-store';
import { packageFile } from '../../package-files';

// The TypeScript sources ship in the package (`files` lists them), also when this module runs from dist/.
export const CLOUDFORMATION_RESPONSE_SOURCE = packageFile('lib', 'desktops', 'custom-resource', 'cloudformation-response.ts');

/**
 * The transpiled handlers are kept under the digest of TypeScript's version, these options, the file name and
 * the source's bytes (node_modules/.cache/closed-telework/handlers, or CLOSED_TELEWORK_HANDLER_CACHE=DIR|off;
 * CLOSED_TELEWORK_CACHE=off turns it off with every cache): an unchanged handler is read back, and TypeScript's
 * compiler (9 MB of JavaScript, ~0.5 s of every synth to load and run) is loaded only when a handler changed.
 */
export const HANDLER_CACHE_ENV = 'CLOSED_TELEWORK_HANDLER_CACHE';
const OPTIONS = { module: 'CommonJS', target: 'ES2022', esModuleInterop: true, removeComments: false } as const;

let typescriptVersion: string | undefined;

/**
 * The package ships its handlers' JavaScript as TypeScript emits it (as aws-cdk-lib ships its own handlers
 * built): transpiled-handlers.json beside this file holds, under the same key as the cache below (TypeScript's
 * version, the options, the file name, the source's bytes), the output of transpileModule for today's
 * sources, so a first synth — a clean checkout, CI, an installed package — does not load TypeScript's compiler
 * for them (~0.3 s of CPU to load it, ~0.35 s to transpile three files). An entry is used only for exactly its
 * key: an edited handler or another TypeScript is transpiled at synth as before.
 * test/desktops/handler-asset.test.ts fails when the file is not exactly TypeScript's output for today's
 * sources; `npm run handlers` writes it again. Off with the cache (CLOSED_TELEWORK_HANDLER_CACHE=off).
 */
export const SHIPPED_HANDLERS_FILE = packageFile('lib', 'desktops', 'custom-resource', 'transpiled-handlers.json');
const SHIPPED_FORMAT = 'closed-telework/transpiled-handlers/1';

let shipped: Record<string, string> | undefined;
function shippedHandlers(): Record<string, string> {
  if (shipped === undefined) {
    shipped = {};
    try {
      const table = JSON.parse(fs.readFileSync(SHIPPED_HANDLERS_FILE, 'utf8')) as { format?: unknown; entries?: unknown };
      if (table.format === SHIPPED_FORMAT && table.entries !== null && typeof table.entries === 'object') {
        for (const [key, js] of Object.entries(table.entries as Record<string, unknown>)) if (typeof js === 'string') shipped[key] = js;
      }
    } catch {
      // Not shipped (or unreadable): the handlers are transpiled at synth.
    }
  }
  return shipped;
}

/** The key of a handler's JavaScript: TypeScript's version, the options, the file name and the source's bytes. */
function handlerKey(source: string, text: string): string {
  typescriptVersion ??= (JSON.parse(fs.readFileSync(require.resolve('typescript/package.json'), 'utf8')) as { version: string }).version;
  return crypto.createHash('sha256').update(JSON.stringify({ typescript: typescriptVersion, OPTIONS, file: path.basename(source) })).update('\0').update(text).digest('hex');
}

function transpile(source: string): string {
  const text = fs.readFileSync(source, 'utf8');
  const dir = verdictCacheDir('handlers', HANDLER_CACHE_ENV);
  const key = handlerKey(source, text);
  const cached = dir === undefined ? undefined : path.join(dir, `${key}.js`);
  if (cached !== undefined) {
    try {
      return fs.readFileSync(cached, 'utf8');
    } catch {
      // Not transpiled yet.
    }
    const js = shippedHandlers()[key];
    if (js !== undefined) {
      store(cached, js); // kept like a transpiled one: the next synth reads the cache, not the table
      return js;
    }
  }
  return transpileWithTypeScript(source, text, cached);
}

function store(cached: string | undefined, js: string): void {
  if (cached === undefined) return;
  try {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, js);
    fs.renameSync(tmp, cached);
  } catch {
    // An unwritable cache only costs the next synth the transpile.
  }
}

function transpileWithTypeScript(source: string, text: string, cached: string | undefined): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require('typescript') as typeof TypeScript;
  const out = ts.transpileModule(text, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: OPTIONS.esModuleInterop, removeComments: OPTIONS.removeComments },
    fileName: path.basename(source),
    reportDiagnostics: true,
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new Error(`cannot transpile ${source}: ${errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
  }
  store(cached, out.outputText);
  return out.outputText;
}

/** The handlers the package ships as JavaScript (SHIPPED_HANDLERS_FILE), each with the protocol module they share. */
export const SHIPPED_HANDLER_SOURCES: readonly string[] = [
  packageFile('lib', 'desktops', 'directory-settings', 'handler.ts'),
  packageFile('lib', 'desktops', 'ad-connector', 'handler.ts'),
  CLOUDFORMATION_RESPONSE_SOURCE,
];

/** What SHIPPED_HANDLERS_FILE must hold for today's sources: each one's key and TypeScript's output, never a cache's. */
export function shippedHandlersTable(): { format: string; entries: Record<string, string> } {
  const entries: Record<string, string> = {};
  for (const source of SHIPPED_HANDLER_SOURCES) {
    const text = fs.readFileSync(source, 'utf8');
    entries[handlerKey(source, text)] = transpileWithTypeScript(source, text, undefined);
  }
  return { format: SHIPPED_FORMAT, entries };
}

/** `npm run handlers`: writes SHIPPED_HANDLERS_FILE for today's sources. */
export function writeShippedHandlers(): void {
  fs.writeFileSync(SHIPPED_HANDLERS_FILE, `${JSON.stringify(shippedHandlersTable(), undefined, 2)}\n`);
}

/** Transpiles a handler and the shared protocol module into `<tmp>/<prefix>-<hash>/`; returns the directory. */
export function transpiledHandlerDir(handlerSource: string, prefix: string): string {
  const handlerPath = `${path.basename(path.dirname(handlerSource))}/${path.basename(handlerSource, '.ts')}`;
  const files: Record<string, string> = {
    'index.js': `"use strict";\nmodule.exports = require("./${handlerPath}");\n`,
    [`${handlerPath}.js`]: transpile(handlerSource),
    'custom-resource/cloudformation-response.js': transpile(CLOUDFORMATION_RESPONSE_SOURCE),
  };
  const hash = crypto.createHash('sha256');
  for (const name of Object.keys(files).sort()) hash.update(name).update('\0').update(files[name]).update('\0');
  const dir = path.join(os.tmpdir(), `${prefix}-${hash.digest('hex').slice(0, 16)}`);
  if (!fs.existsSync(path.join(dir, 'index.js'))) {
    // Write then rename, index.js last: parallel synths (tests) never see a half-written file, and the
    // presence of index.js means the directory is complete.
    const names = Object.keys(files).sort((a, b) => Number(a === 'index.js') - Number(b === 'index.js'));
    for (const name of names) {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, files[name]);
      fs.renameSync(tmp, file);
    }
  }
  return dir;
}
