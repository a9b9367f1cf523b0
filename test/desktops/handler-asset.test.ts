/**
 * A Lambda asset is the handler and the shared CloudFormation protocol module transpiled on their own (no
 * bundler): it must load in plain Node with only built-ins and the runtime's SDK clients, expose `handler`
 * from index.js, and be deterministic (same sources → same dir).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { directorySettingsAssetDir, HANDLER_SOURCE } from '../../lib/desktops/directory-settings/handler-asset';
import { HANDLER_CACHE_ENV, SHIPPED_HANDLER_SOURCES, SHIPPED_HANDLERS_FILE, shippedHandlersTable } from '../../lib/desktops/custom-resource/handler-asset';
import { adConnectorAssetDir } from '../../lib/desktops/ad-connector/handler-asset';
import { tempRoot } from '../support/temp-dirs';

const tmp = tempRoot('handler-asset-');

/** Every .js file of the asset, relative to its root. */
function assetFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.js')).sort();
}

/** Non-relative requires across the asset; relative ones must name a file inside the asset. */
function externalRequires(dir: string): string[] {
  const external = new Set<string>();
  for (const rel of assetFiles(dir)) {
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    for (const [, target] of text.matchAll(/require\("([^"]+)"\)/g)) {
      if (target.startsWith('.')) {
        const resolved = path.resolve(path.dirname(path.join(dir, rel)), target);
        expect(resolved.startsWith(dir + path.sep)).toBe(true);
        expect(fs.existsSync(`${resolved}.js`)).toBe(true);
      } else {
        external.add(target);
      }
    }
  }
  return [...external].sort();
}

/** Loads index.js the way Lambda does: a plain Node process where the SDK comes from the runtime's path. */
function loadInPlainNode(dir: string, expression: string): string {
  const file = path.join(dir, 'index.js');
  return execFileSync(process.execPath, ['-e', `const m = require(${JSON.stringify(file)}); process.stdout.write(${expression})`], {
    env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../node_modules') },
  }).toString();
}

describe('directory-settings Lambda asset', () => {
  test('transpiles to a loadable CommonJS asset whose index.js exports the handler', () => {
    const dir = directorySettingsAssetDir();
    expect(assetFiles(dir)).toEqual(['custom-resource/cloudformation-response.js', 'directory-settings/handler.js', 'index.js']);
    expect(externalRequires(dir)).toEqual(['@aws-sdk/client-workspaces', 'http', 'https']);
    expect(loadInPlainNode(dir, "typeof m.handler + ' ' + typeof m.convergeDirectory")).toBe('function function');
  });

  test('deterministic: the same source gives the same asset directory', () => {
    expect(directorySettingsAssetDir()).toBe(directorySettingsAssetDir());
  });

  test('a source that does not parse fails the synth with the file named', () => {
    const bad = path.join(tmp.dir('ct-asset-'), 'handler.ts');
    fs.writeFileSync(bad, 'export const = ;');
    expect(() => directorySettingsAssetDir(bad)).toThrow(/cannot transpile .*handler\.ts/);
    expect(fs.existsSync(HANDLER_SOURCE)).toBe(true);
  });
});

describe('ad-connector Lambda asset', () => {
  test('transpiles to a loadable asset requiring only built-ins and the runtime SDK clients', () => {
    const dir = adConnectorAssetDir();
    expect(dir).toMatch(/closed-telework-ad-connector-[0-9a-f]{16}$/);
    expect(assetFiles(dir)).toEqual(['ad-connector/handler.js', 'custom-resource/cloudformation-response.js', 'index.js']);
    expect(externalRequires(dir)).toEqual(['@aws-sdk/client-directory-service', '@aws-sdk/client-secrets-manager', 'http', 'https']);
    expect(loadInPlainNode(dir, 'typeof m.handler')).toBe('function');
    expect(adConnectorAssetDir()).toBe(dir);
  });
});

describe('transpiled handlers are kept by their sources\' bytes (no TypeScript compiler on an unchanged synth)', () => {
  const saved = process.env[HANDLER_CACHE_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[HANDLER_CACHE_ENV];
    else process.env[HANDLER_CACHE_ENV] = saved;
  });

  test('stored, read back, never served for another source; off stores nothing', () => {
    const cache = tmp.dir('ct-handler-cache-');
    process.env[HANDLER_CACHE_ENV] = cache;
    const fresh = directorySettingsAssetDir();
    const entries = fs.readdirSync(cache).sort();
    expect(entries).toHaveLength(2); // the handler and the shared protocol module
    // What is stored is what is shipped, so a replaced entry shows in the asset: proof the entry is read.
    const handlerJs = fs.readFileSync(path.join(fresh, 'directory-settings', 'handler.js'), 'utf8');
    const entry = entries.find((f) => fs.readFileSync(path.join(cache, f), 'utf8') === handlerJs)!;
    fs.writeFileSync(path.join(cache, entry), `${handlerJs}// from the cache\n`);
    const replayed = directorySettingsAssetDir();
    expect(fs.readFileSync(path.join(replayed, 'directory-settings', 'handler.js'), 'utf8')).toMatch(/from the cache\n$/);
    // An edited source is another key: transpiled again, never the stored text.
    const edited = path.join(tmp.dir('ct-asset-'), 'handler.ts');
    fs.writeFileSync(edited, `${fs.readFileSync(HANDLER_SOURCE, 'utf8')}\n// edited\n`);
    const editedDir = directorySettingsAssetDir(edited);
    const editedJs = fs.readdirSync(editedDir, { recursive: true }).map(String).filter((f) => f.endsWith('handler.js'));
    expect(editedJs).toHaveLength(1);
    const editedText = fs.readFileSync(path.join(editedDir, editedJs[0]!), 'utf8');
    expect(editedText).toMatch(/\/\/ edited/);
    expect(editedText).not.toMatch(/from the cache/);
    expect(fs.readdirSync(cache)).toHaveLength(3);
    process.env[HANDLER_CACHE_ENV] = 'off';
    fs.writeFileSync(edited, `${fs.readFileSync(HANDLER_SOURCE, 'utf8')}\n// edited again\n`);
    directorySettingsAssetDir(edited);
    expect(fs.readdirSync(cache)).toHaveLength(3);
  });
});

describe('the handlers\' JavaScript shipped with the package (transpiled-handlers.json)', () => {
  const saved = process.env[HANDLER_CACHE_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[HANDLER_CACHE_ENV];
    else process.env[HANDLER_CACHE_ENV] = saved;
    jest.dontMock('typescript');
  });

  test('is exactly what TypeScript emits for today\'s sources, and nothing else (after editing a handler: npm run handlers)', () => {
    expect(JSON.parse(fs.readFileSync(SHIPPED_HANDLERS_FILE, 'utf8'))).toEqual(shippedHandlersTable());
    expect(Object.keys(shippedHandlersTable().entries)).toHaveLength(SHIPPED_HANDLER_SOURCES.length);
  });

  test('a first synth (empty cache) builds both assets from it without loading TypeScript\'s compiler; with the cache off TypeScript runs', () => {
    process.env[HANDLER_CACHE_ENV] = tmp.dir('ct-handler-empty-cache-');
    const expected = { settings: directorySettingsAssetDir(), connector: adConnectorAssetDir() };
    jest.doMock('typescript', () => {
      throw new Error('TypeScript\'s compiler was loaded');
    });
    process.env[HANDLER_CACHE_ENV] = tmp.dir('ct-handler-empty-cache-');
    jest.isolateModules(() => {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const settings = require('../../lib/desktops/directory-settings/handler-asset') as typeof import('../../lib/desktops/directory-settings/handler-asset');
      const connector = require('../../lib/desktops/ad-connector/handler-asset') as typeof import('../../lib/desktops/ad-connector/handler-asset');
      /* eslint-enable @typescript-eslint/no-require-imports */
      expect({ settings: settings.directorySettingsAssetDir(), connector: connector.adConnectorAssetDir() }).toEqual(expected);
    });
    process.env[HANDLER_CACHE_ENV] = 'off';
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const settings = require('../../lib/desktops/directory-settings/handler-asset') as typeof import('../../lib/desktops/directory-settings/handler-asset');
      expect(() => settings.directorySettingsAssetDir()).toThrow(/TypeScript's compiler was loaded/);
    });
  });
});
