/**
 * The record sections read from the templates, in one call (the header's provenance is added by the caller,
 * which alone knows the command and the configuration). Pure TypeScript: no aws-cdk-lib import.
 */
import type { LoadedTemplate } from '../../model/load/template';
import type { TierPolicy } from '../../policy/schema';
import { controlRecords } from './controls';
import { egressRecords } from './egress';
import { linkRecords } from './links';
import { loggingRecords } from './logging';
import { provenanceFor, type ProvenanceFacts, type ProvenanceInput } from './provenance';
import type { ReportRecord } from './record';
import { teleworkRecords } from './telework';

export function recordFromTemplates(templates: readonly LoadedTemplate[], policy?: TierPolicy): Omit<ReportRecord, 'provenance'> {
  return {
    logs: loggingRecords(templates),
    egress: egressRecords(templates),
    links: linkRecords(templates, policy),
    telework: teleworkRecords(templates),
    controls: controlRecords(templates),
  };
}

/**
 * Provenance and every section, for a caller that has the templates (the synth pack, `closed-telework report`);
 * `facts`: the provenance facts when the caller has already worked them out (provenanceFacts).
 */
export function buildRecord(input: ProvenanceInput & { policy?: TierPolicy }, facts?: ProvenanceFacts): ReportRecord {
  return { provenance: provenanceFor(input, facts), ...recordFromTemplates(input.templates, input.policy) };
}
