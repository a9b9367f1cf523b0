// A Stryker "checker" for sample runs (tools/mutation/sample.mjs): it lets through only the mutants drawn into
// the sample named by MUTATION_SAMPLE and sets every other mutant aside before any test runs (Stryker reports
// those as compile errors "outside the sample"; score.mjs --sample counts only the drawn mutants). Stryker can
// select mutants only by source range, and a range also holds the mutants nested inside it — this is what makes
// the draw exact.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const ROOT = resolve(import.meta.dirname, '../..');
const key = (file, mutatorName, replacement, line, column) => `${file}|${mutatorName}|${replacement}|${line}:${column}`;

class SampleChecker {
  async init() {
    const file = process.env.MUTATION_SAMPLE;
    if (!file) throw new Error('sample-checker: set MUTATION_SAMPLE to a sample file written by tools/mutation/sample.mjs');
    const sample = JSON.parse(readFileSync(file, 'utf8'));
    this.drawn = new Set(sample.mutants.map((m) => key(m.file, m.mutatorName, m.replacement, m.start.line, m.start.column)));
  }

  async check(mutants) {
    const out = {};
    for (const m of mutants) {
      // The mutant's file as the repository names it, whether Stryker gives it from the project or its sandbox.
      const file = relative(ROOT, resolve(m.fileName)).replace(/^\.stryker-tmp\/[^/]+\//, '');
      // Stryker's mutant positions are 0-based; the sample's are the report's 1-based ones.
      const drawn = this.drawn.has(key(file, m.mutatorName, m.replacement, m.location.start.line + 1, m.location.start.column + 1));
      out[m.id] = drawn ? { status: 'passed' } : { status: 'compileError', reason: 'outside the sample' };
    }
    return out;
  }

  async group(mutants) {
    return [mutants.map((m) => m.id)];
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Checker, 'sample', SampleChecker)];
