/**
 * Unusable snapshots stop the run with exit 2, name the file, and report nothing as clean: malformed,
 * truncated and empty files, one page of a paginated answer, a per-id output without its id, a truncated
 * transit gateway route search, a layout that is not aws_configs/[<account>/]<region>/. A missing file
 * prints the exact command that produces it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { asLoaded, buildCity } from '../fixtures/city';
import { cli, SnapshotDir } from './helpers';

let good: SnapshotDir;
beforeAll(() => {
  good = new SnapshotDir([asLoaded('City', buildCity())]);
});
afterAll(() => good.remove());

async function verifyBroken(edit: (s: SnapshotDir) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  const s = good.copy();
  try {
    edit(s);
    return await cli('verify', '--snapshot', s.root);
  } finally {
    s.remove();
  }
}

describe('a usable snapshot', () => {
  it('verifies clean from the aws_configs folder or the folder holding it', async () => {
    for (const dir of [good.root, path.join(good.root, 'aws_configs')]) {
      const r = await cli('verify', '--snapshot', dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('recognises files by their top-level key, not their name; lists unused files in the coverage notes', async () => {
    const r = await verifyBroken((s) => {
      fs.renameSync(s.file('vpcs.json'), s.file('0001-whatever.json'));
      fs.writeFileSync(s.file('instances.json'), JSON.stringify({ Reservations: [] }));
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('instances.json: not used (describe-instances');
  });

  it('reads a file written by PowerShell (UTF-8 with a byte-order mark)', async () => {
    const r = await verifyBroken((s) => fs.writeFileSync(s.file('vpcs.json'), `\ufeff${fs.readFileSync(s.file('vpcs.json'), 'utf8')}`));
    expect(r.code).toBe(0);
  });
});

describe('an unusable snapshot: exit 2, the file named, nothing reported clean', () => {
  it('a truncated file', async () => {
    const r = await verifyBroken((s) => fs.writeFileSync(s.file('route-tables.json'), fs.readFileSync(s.file('route-tables.json'), 'utf8').slice(0, 500)));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(path.join('ap-northeast-1', 'route-tables.json'));
    expect(r.stderr).toContain('the file is truncated');
  });

  it('a malformed file', async () => {
    const r = await verifyBroken((s) => fs.writeFileSync(s.file('subnets.json'), '{"Subnets": [ {"SubnetId": "subnet-1",, } ]}'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/subnets\.json: is not valid JSON \(/);
  });

  it('an empty file', async () => {
    const r = await verifyBroken((s) => fs.writeFileSync(s.file('network-acls.json'), ''));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('network-acls.json: is empty');
  });

  it('a text or --query output instead of a JSON object', async () => {
    const r = await verifyBroken((s) => fs.writeFileSync(s.file('vpcs.json'), '["vpc-0abc"]'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('vpcs.json: is not an AWS CLI output');
  });

  it('one page of a paginated answer', async () => {
    const r = await verifyBroken((s) => s.edit('route-tables.json', (b) => void (b.NextToken = 'eyJ2IjoxfQ==')));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('route-tables.json: holds one page of a longer answer');
  });

  it('a transit gateway route search that stopped at its limit', async () => {
    const r = await verifyBroken((s) => {
      const name = fs.readdirSync(s.folder()).find((f) => f.startsWith('tgw-routes-'))!;
      s.edit(name, (b) => void (b.AdditionalRoutesAvailable = true));
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('AdditionalRoutesAvailable is true');
  });

  it('a per-id output whose name does not carry the id', async () => {
    const r = await verifyBroken((s) => {
      const name = fs.readdirSync(s.folder()).find((f) => f.startsWith('tgw-associations-'))!;
      fs.renameSync(s.file(name), s.file('associations.json'));
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('associations.json: is the output of `aws ec2 get-transit-gateway-route-table-associations`');
  });

  it('a folder that is neither an account nor a Region', async () => {
    const r = await verifyBroken((s) => fs.mkdirSync(path.join(s.root, 'aws_configs', 'backup')));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"backup" is neither an account id');
  });

  it('a missing listing and a missing per-id file: the exact commands, exit 2', async () => {
    let tableId = '';
    const r = await verifyBroken((s) => {
      fs.rmSync(s.file('network-acls.json'));
      const name = fs.readdirSync(s.folder()).find((f) => f.startsWith('tgw-routes-'))!;
      tableId = /tgw-rtb-[0-9a-f]+/.exec(name)![0];
      fs.rmSync(s.file(name));
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('aws ec2 describe-network-acls --region ap-northeast-1 --output json > aws_configs/ap-northeast-1/network-acls.json');
    expect(r.stderr).toContain(`aws ec2 search-transit-gateway-routes --transit-gateway-route-table-id ${tableId} --filters Name=type,Values=static,propagated --region ap-northeast-1 --output json > aws_configs/ap-northeast-1/tgw-routes-${tableId}.json`);
  });
});
