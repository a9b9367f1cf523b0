/** A refused assembly carries an error annotation on every stack, nested assemblies included. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { markAssemblyRefused, REFUSED_MARK } from '../../lib/gate/mark-assembly-refused';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ct-mark-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('marks every stack of the root and nested assemblies once, and leaves other artifacts alone', () => {
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
    version: '55.0.0',
    artifacts: {
      'assembly-city': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-city', displayName: 'city' } },
      Extra: { type: 'aws:cloudformation:stack', displayName: 'Extra' },
      Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
    },
  }));
  fs.mkdirSync(path.join(dir, 'assembly-city'));
  fs.writeFileSync(path.join(dir, 'assembly-city', 'manifest.json'), JSON.stringify({
    version: '55.0.0',
    artifacts: { cityNet: { type: 'aws:cloudformation:stack', displayName: 'city/Net', metadata: { '/city/Net': [{ type: 'aws:cdk:logicalId', data: 'X' }] } } },
  }));
  expect(markAssemblyRefused(dir).sort()).toEqual(['Extra', 'city/Net']);
  markAssemblyRefused(dir); // idempotent
  const root = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const nested = JSON.parse(fs.readFileSync(path.join(dir, 'assembly-city', 'manifest.json'), 'utf8'));
  expect(root.artifacts.Extra.metadata['/Extra']).toEqual([{ type: 'aws:cdk:error', data: REFUSED_MARK }]);
  expect(root.artifacts.Tree.metadata).toBeUndefined();
  expect(nested.artifacts.cityNet.metadata['/city/Net']).toEqual([{ type: 'aws:cdk:logicalId', data: 'X' }, { type: 'aws:cdk:error', data: REFUSED_MARK }]);
});

it('does nothing where there is no assembly', () => {
  expect(markAssemblyRefused(path.join(dir, 'nowhere'))).toEqual([]);
});
