/**
 * Ships handler.ts as a Lambda asset WITHOUT a bundler: the handler imports only Node built-ins and
 * @aws-sdk/client-workspaces (which the Lambda Node.js runtime provides), so transpiling the one file with
 * TypeScript's transpileModule is enough. No esbuild, no Docker, deterministic output: the asset hash only
 * changes when the handler's source does.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { packageFile } from '../../package-files';

// The TypeScript source ships in the package (`files` includes lib/), also when this module runs from dist/.
export const HANDLER_SOURCE = packageFile('lib', 'desktops', 'directory-settings', 'handler.ts');

/** Transpiles the handler into `<tmp>/closed-telework-directory-settings-<hash>/index.js`; returns the directory. */
export function directorySettingsAssetDir(source: string = HANDLER_SOURCE): string {
  return transpiledHandlerDir(source, 'closed-telework-directory-settings');
}

/**
 * Transpiles ONE self-contained handler file into `<tmp>/<prefix>-<hash>/index.js`; returns the directory.
 * Shared by every custom resource of lib/desktops/ (same rules: Node built-ins and runtime-provided SDK clients only).
 */
export function transpiledHandlerDir(source: string, prefix: string): string {
  const text = fs.readFileSync(source, 'utf8');
  const out = ts.transpileModule(text, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, removeComments: false },
    fileName: path.basename(source),
    reportDiagnostics: true,
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new Error(`cannot transpile ${source}: ${errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
  }
  const hash = crypto.createHash('sha256').update(out.outputText).digest('hex').slice(0, 16);
  const dir = path.join(os.tmpdir(), `${prefix}-${hash}`);
  const file = path.join(dir, 'index.js');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    // Write then rename: parallel synths (tests) never see a half-written file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, out.outputText);
    fs.renameSync(tmp, file);
  }
  return dir;
}
