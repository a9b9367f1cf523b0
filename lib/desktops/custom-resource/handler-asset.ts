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
import * as ts from 'typescript';
import { packageFile } from '../../package-files';

// The TypeScript sources ship in the package (`files` lists them), also when this module runs from dist/.
export const CLOUDFORMATION_RESPONSE_SOURCE = packageFile('lib', 'desktops', 'custom-resource', 'cloudformation-response.ts');

function transpile(source: string): string {
  const out = ts.transpileModule(fs.readFileSync(source, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, removeComments: false },
    fileName: path.basename(source),
    reportDiagnostics: true,
  });
  const errors = (out.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new Error(`cannot transpile ${source}: ${errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
  }
  return out.outputText;
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
