/**
 * How one language words the findings of this package's rules (lib/checks/finding-text.ts): findings.en.ts
 * and findings.ja.ts implement it, and the compiler checks every kind of finding is worded in both.
 * Pure TypeScript: no aws-cdk-lib import.
 */
import type { FindingText } from '../../checks/finding-text';

export interface Worded {
  title: string;
  message: string;
}

export interface FindingWords {
  word(text: FindingText): Worded;
  /** The sentence listing every route that opens a path (one per route table / Availability Zone). */
  openingRoutes(routes: string[]): string;
}
