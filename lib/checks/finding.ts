/**
 * The contract between the tier-separation engine and everything that shows its results
 * (the `verify` command, the cdk-nag pack, the reviewer's report, SARIF/JUnit outputs).
 * A finding is made of the model's path vocabulary (lib/model/path.ts). Pure TypeScript: no aws-cdk-lib import.
 */
import type { Endpoint, Hop, Layer, ResourceRef } from '../model/path';

export type { Endpoint, Hop, Layer, ResourceRef } from '../model/path';
import type { FindingText } from './finding-text';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Stable rule id, e.g. `TIER-CROSSING`. Never reused for another meaning. */
  rule: string;
  severity: Severity;
  /**
   * What the finding says, as data (a catalogue key and its values): this package's rules set it, and the
   * reports word it in the reader's language (lib/report/describe.ts findingWords).
   */
  text?: FindingText;
  /**
   * Free English text, for findings made outside this package's rules (the live-account drift, custom rules):
   * one line a reviewer reads first, and the full explanation (what, why it matters, how to fix).
   */
  title?: string;
  message?: string;
  /**
   * Every route that opens this path (stack/logicalId; one per route table / Availability Zone), where a
   * witness names only one of several: an engineer must remove them all (lib/checks/opening-routes.ts).
   */
  openingRoutes?: string[];
  from: Endpoint;
  to: Endpoint;
  direction: 'one-way' | 'both';
  /** IP protocol ('tcp', 'udp', 'icmp', '-1' for all) and port range, where the rule is about traffic. */
  protocol?: string;
  ports?: { from: number; to: number };
  /** The witness path, hop by hop, from `from` to `to`. Empty for findings about a single resource. */
  path: Hop[];
  /** Layers that would still block this path (defence in depth); empty when nothing blocks. */
  stillBlockedBy: Layer[];
  /** The resource the finding is attached to (for cdk-nag and SARIF locations). */
  resource?: ResourceRef;
  /**
   * The MIC guideline clause or telework requirement the rule enforces: a key of CITATIONS
   * (lib/checks/citations.ts, English and Japanese text), or free text from a custom rule.
   */
  citation?: string;
}
