/**
 * Files the package ships beside its code (the default tier policy, the Lambda handler source).
 * Resolved from the package root, not from `__dirname`, because the same module runs from `lib/` in the
 * repository (bin/register-ts.js, jest) and from `dist/lib/` in the published package.
 */
import * as fs from 'fs';
import * as path from 'path';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'closed-telework') {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      throw new Error(`closed-telework: cannot find the package root above ${start} (no package.json named closed-telework)`);
    }
  }
}

/** The absolute path of a file shipped in the package, e.g. `packageFile('policies', 'tier-policy.yaml')`. */
export function packageFile(...segments: string[]): string {
  return path.join(findPackageRoot(__dirname), ...segments);
}
