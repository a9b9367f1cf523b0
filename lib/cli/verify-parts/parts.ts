/**
 * Independent components of the input and their assignment to workers. Files (each with its nested stacks)
 * that share a linking key (linking-keys.ts) are one component; components are dealt to the workers so that
 * each keeps the files it already read where it can, and the bytes stay balanced.
 */

export interface FileUnit {
  /** Position of the file on the command line. */
  index: number;
  /** Bytes of the file (its share of the work). */
  bytes: number;
  /** The worker that read it first. */
  worker: number;
  keys: readonly string[];
}

/** Components as lists of file indices (each sorted), in order of their first file. */
export function components(units: readonly FileUnit[]): number[][] {
  const parent = units.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const owner = new Map<string, number>();
  units.forEach((u, i) => {
    for (const k of u.keys) {
      const o = owner.get(k);
      if (o === undefined) owner.set(k, i);
      else {
        const a = find(o);
        const b = find(i);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  });
  const groups = new Map<number, number[]>();
  units.forEach((u, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(u.index);
    else groups.set(r, [u.index]);
  });
  return [...groups.values()];
}

/**
 * Each component to one worker: first to the worker holding most of its bytes, then, while one worker has
 * more than its share, its smallest components move to the lightest worker. Returns, per worker, the file
 * indices it judges (sorted), or undefined when the work cannot be split (one component, or one too large
 * for the split to gain).
 */
export function assign(units: readonly FileUnit[], comps: readonly number[][], workers: number): number[][] | undefined {
  if (comps.length < 2 || workers < 2) return undefined;
  const byIndex = new Map(units.map((u) => [u.index, u]));
  const total = units.reduce((a, u) => a + u.bytes, 0);
  const load = new Array<number>(workers).fill(0);
  const owned: Array<Array<{ files: number[]; bytes: number }>> = Array.from({ length: workers }, () => []);
  for (const files of comps) {
    const per = new Array<number>(workers).fill(0);
    let bytes = 0;
    for (const f of files) {
      const u = byIndex.get(f)!;
      per[u.worker] += u.bytes;
      bytes += u.bytes;
    }
    const w = per.indexOf(Math.max(...per));
    owned[w].push({ files, bytes });
    load[w] += bytes;
  }
  const share = total / workers;
  for (let guard = 0; guard < comps.length; guard++) {
    const heavy = load.indexOf(Math.max(...load));
    const light = load.indexOf(Math.min(...load));
    if (load[heavy] <= share * 1.05 || heavy === light) break;
    // The smallest component whose move brings the two closer.
    const movable = owned[heavy].filter((c) => load[light] + c.bytes < load[heavy]).sort((a, b) => a.bytes - b.bytes);
    const c = movable[0];
    if (!c) break;
    owned[heavy].splice(owned[heavy].indexOf(c), 1);
    owned[light].push(c);
    load[heavy] -= c.bytes;
    load[light] += c.bytes;
  }
  // A split where one worker does nearly everything gains less than it costs (each worker starts node's engine).
  if (Math.max(...load) > total * 0.8) return undefined;
  return owned.map((list) => list.flatMap((c) => c.files).sort((a, b) => a - b));
}
