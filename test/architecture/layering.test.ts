/**
 * The README's one-way rule, as a test: the prove side (templates → model → checks → findings → reports)
 * imports nothing from the build side, so it can judge any template; its pure core imports nothing from
 * aws-cdk-lib, constructs or cdk-nag; the configuration is validated before any construct exists, so it
 * never reaches a construct library either; and no two folders of lib/ depend on each other.
 * Imports are read from the source text (static `import`/`export … from` and `require('…')`).
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '../..');
const LIB = path.join(ROOT, 'lib');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The module specifiers a file imports, exports from or requires (type-only imports included). */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    out.push((m[1] ?? m[2] ?? m[3])!);
  }
  return out;
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** `lib/model/facts/vpc.ts` → `model`; a file directly in lib/ is its own unit (`input-error.ts`). */
function unitOf(file: string): string {
  const rel = path.relative(LIB, file).split(path.sep);
  return rel[0];
}

const FILES = sourceFiles(LIB);
const IMPORTS = new Map(FILES.map((f) => [f, specifiers(f)]));

/** Every file `start` reaches through local imports, itself included. */
function closure(start: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...start];
  while (todo.length > 0) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const s of IMPORTS.get(f) ?? []) {
      const r = resolveLocal(f, s);
      if (r) todo.push(r);
    }
  }
  return seen;
}

const CONSTRUCT_LIBRARIES = /^(aws-cdk-lib|constructs|cdk-nag|@cdklabs\/)/;

/**
 * The build side: configuration-driven constructs, stacks, stages, the synth gate, the Control Tower pack,
 * aws-cdk-lib's own CloudFormation validation with its verdict cache (cfn-validate), the reuse of cdk-nag's
 * verdicts (nag-verdict), the prefecture's hub and the pipeline.
 */
const BUILD = ['config', 'network', 'access', 'desktops', 'audit', 'encryption', 'stacks', 'stages', 'gate', 'control-tower', 'cfn-validate', 'nag-verdict', 'prefecture', 'pipeline'];
/**
 * Shared by both sides: where every verdict cache lives and how a key is written (cache), node only — it
 * imports no other folder of lib/ and no construct library (checked below), so either side may use it.
 */
const SHARED = ['cache'];
/** The prove side's pure core: it must run on any template, in any process, without the CDK. */
const PROVE_CORE = ['model', 'snapshot', 'checks', 'policy', 'report', 'cidr', 'tiers', 'bilingual', 'input-error.ts'];
/** The prove side's adapters to the CDK (the cdk-nag pack, the policy-test API): the CDK yes, the build side no. */
const PROVE_ADAPTERS = ['nag', 'testing'];

function filesOf(units: readonly string[]): string[] {
  return FILES.filter((f) => units.includes(unitOf(f)));
}

function offenders(files: readonly string[], bad: (importer: string, spec: string, target: string | undefined) => boolean): string[] {
  return files.flatMap((f) =>
    (IMPORTS.get(f) ?? []).filter((s) => bad(f, s, resolveLocal(f, s))).map((s) => `${path.relative(ROOT, f)} imports ${s}`),
  );
}

describe('layering (README: how it is organised)', () => {
  test('the README\'s layout names every lib/ folder and names no folder that is gone', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const named = [...readme.matchAll(/^lib\/([a-z-]+)\/ /gm)].map((m) => m[1]!).sort();
    const folders = fs.readdirSync(LIB, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(named).toEqual(folders);
  });

  test('every lib/ folder is classified as build, prove or shared, so a new folder is a decision', () => {
    // cost: reads a configuration and prices it (like roster, a tool beside the two pipelines, never imported by the prove side).
    const known = new Set([...BUILD, ...PROVE_CORE, ...PROVE_ADAPTERS, ...SHARED, 'roster', 'cost', 'cli', 'index.ts', 'package-files.ts']);
    expect([...new Set(FILES.map(unitOf))].filter((u) => !known.has(u)).sort()).toEqual([]);
  });

  test('the prove side imports nothing from the build side', () => {
    const prove = filesOf([...PROVE_CORE, ...PROVE_ADAPTERS]);
    expect(offenders(prove, (_f, _s, target) => target !== undefined && BUILD.includes(unitOf(target)))).toEqual([]);
  });

  test('the shared folders import no other folder of lib/ and no construct library', () => {
    const shared = filesOf(SHARED);
    expect(shared.length).toBeGreaterThan(0);
    expect(offenders(shared, (_f, s, target) => (target !== undefined && !SHARED.includes(unitOf(target))) || CONSTRUCT_LIBRARIES.test(s))).toEqual([]);
  });

  test('the prove core reaches no aws-cdk-lib, constructs or cdk-nag, even through another file', () => {
    const reach = [...closure(filesOf(PROVE_CORE))];
    expect(offenders(reach, (_f, s) => CONSTRUCT_LIBRARIES.test(s))).toEqual([]);
  });

  test('the configuration reaches no construct library: it is validated before any construct exists', () => {
    const reach = [...closure(filesOf(['config']))];
    expect(offenders(reach, (_f, s) => CONSTRUCT_LIBRARIES.test(s))).toEqual([]);
  });

  test('no two folders of lib/ depend on each other, directly or through others', () => {
    const edges = new Map<string, Set<string>>();
    for (const f of FILES) {
      for (const s of IMPORTS.get(f) ?? []) {
        const t = resolveLocal(f, s);
        if (!t || unitOf(t) === unitOf(f)) continue;
        edges.set(unitOf(f), (edges.get(unitOf(f)) ?? new Set()).add(unitOf(t)));
      }
    }
    // Tarjan's strongly connected components: any component of more than one unit is a cycle.
    let index = 0;
    const idx = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const cycles: string[][] = [];
    const visit = (v: string): void => {
      idx.set(v, index);
      low.set(v, index++);
      stack.push(v);
      for (const w of edges.get(v) ?? []) {
        if (!idx.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
      }
      if (low.get(v) === idx.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          component.push(w);
        } while (w !== v);
        if (component.length > 1) cycles.push(component.sort());
      }
    };
    for (const u of new Set(FILES.map(unitOf))) if (!idx.has(u)) visit(u);
    expect(cycles).toEqual([]);
  });

  test('the checker sees imports: a known edge is found (the test cannot pass by reading nothing)', () => {
    expect(offenders(filesOf(['checks']), (_f, _s, target) => target !== undefined && unitOf(target) === 'model').length).toBeGreaterThan(0);
    expect(offenders(filesOf(['nag']), (_f, s) => CONSTRUCT_LIBRARIES.test(s)).length).toBeGreaterThan(0);
  });
});
