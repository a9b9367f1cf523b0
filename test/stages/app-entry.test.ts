import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exampleInput } from '../config/helpers';
import { filesUnder, removeAssembly, runApp } from './run-app';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-bad-config-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('bin/app.ts on a bad configuration', () => {
  it('prints every problem in English and Japanese, exits 2 and writes no template', () => {
    const input = exampleInput();
    input.region = 'us-west-2';
    input.tiers.lgwan.vpcCidr = '10.20.0.0/33';
    const file = path.join(dir, 'bad-city.json');
    fs.writeFileSync(file, JSON.stringify(input));

    const run = runApp({ municipality: 'example-city', config: file });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`Invalid municipality configuration (${file})`);
    expect(run.stderr).toContain('region: region "us-west-2" is not allowed');
    expect(run.stderr).toContain('tiers.lgwan.vpcCidr: "10.20.0.0/33" has a prefix length above /32');
    expect(run.stderr).toContain('2 problem(s)');
    expect(run.stderr).toContain('テンプレートは出力していません');
    expect(filesUnder(run.outdir).filter((f) => f.endsWith('.template.json') || f.endsWith('manifest.json'))).toEqual([]);
    removeAssembly(run.outdir);
  });

  it('refuses an unknown embedded municipality the same way', () => {
    const run = runApp({ municipality: 'atlantis' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no embedded municipality is called "atlantis"');
    expect(filesUnder(run.outdir)).toEqual([]);
    removeAssembly(run.outdir);
  });
});
