/**
 * The Lambda asset is the handler transpiled on its own (no bundler): it must load in plain Node with only
 * built-ins and @aws-sdk/client-workspaces, expose `handler`, and be deterministic (same source → same dir).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { directorySettingsAssetDir, HANDLER_SOURCE } from '../../lib/desktops/directory-settings/handler-asset';
import { adConnectorAssetDir } from '../../lib/desktops/ad-connector/handler-asset';

describe('directory-settings Lambda asset', () => {
  test('transpiles to a loadable CommonJS index.js exporting handler', () => {
    const dir = directorySettingsAssetDir();
    const file = path.join(dir, 'index.js');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('exports.handler');
    const requires = [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).sort();
    expect(requires).toEqual(['@aws-sdk/client-workspaces', 'http', 'https']);
    // Load it the way Lambda does: a plain Node process where the SDK comes from the runtime's global path.
    const out = execFileSync(process.execPath, ['-e', `const m = require(${JSON.stringify(file)}); process.stdout.write(typeof m.handler + ' ' + typeof m.convergeDirectory)`], {
      env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../node_modules') },
    }).toString();
    expect(out).toBe('function function');
  });

  test('deterministic: the same source gives the same asset directory', () => {
    expect(directorySettingsAssetDir()).toBe(directorySettingsAssetDir());
  });

  test('a source that does not parse fails the synth with the file named', () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ct-asset-')), 'handler.ts');
    fs.writeFileSync(bad, 'export const = ;');
    expect(() => directorySettingsAssetDir(bad)).toThrow(/cannot transpile .*handler\.ts/);
    expect(fs.existsSync(HANDLER_SOURCE)).toBe(true);
  });
});

describe('ad-connector Lambda asset', () => {
  test('transpiles to a loadable index.js requiring only built-ins and the runtime SDK clients', () => {
    const dir = adConnectorAssetDir();
    expect(dir).toMatch(/closed-telework-ad-connector-[0-9a-f]{16}$/);
    const file = path.join(dir, 'index.js');
    const text = fs.readFileSync(file, 'utf8');
    const requires = [...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).sort();
    expect(requires).toEqual(['@aws-sdk/client-directory-service', '@aws-sdk/client-secrets-manager', 'http', 'https']);
    const out = execFileSync(process.execPath, ['-e', `const m = require(${JSON.stringify(file)}); process.stdout.write(typeof m.handler)`], {
      env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../node_modules') },
    }).toString();
    expect(out).toBe('function');
    expect(adConnectorAssetDir()).toBe(dir);
  });
});
