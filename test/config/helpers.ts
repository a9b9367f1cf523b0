import { ConfigError, ConfigProblem, MunicipalityConfigInput, parseConfig } from '../../lib/config';
import { exampleCity } from '../../lib/config/municipalities/example-city';

/** A deep copy of the example city as plain JSON-like data, safe to mutate in one test. */
export function exampleInput(): MunicipalityConfigInput & Record<string, any> {
  return JSON.parse(JSON.stringify(exampleCity));
}

/** Validates `input` and returns the problems; fails the test when the input is accepted. */
export function problemsOf(input: unknown): readonly ConfigProblem[] {
  try {
    parseConfig(input, 'test');
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError, but the configuration was accepted');
}

/** Mutates a copy of the example with `mutate` and returns the problems it causes. */
export function problemsAfter(mutate: (c: any) => void): readonly ConfigProblem[] {
  const input = exampleInput();
  mutate(input);
  return problemsOf(input);
}
