/** Municipalities embedded in the package, chosen with `-c municipality=NAME`. */
import type { MunicipalityConfigInput } from '../schema';
import { exampleCity } from './example-city';

export const EMBEDDED_MUNICIPALITIES: Readonly<Record<string, MunicipalityConfigInput>> = {
  'example-city': exampleCity,
};
