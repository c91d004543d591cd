import type { DispositionAsk } from '../../../ports.ts';
import type { DispositionMetadata } from '../../payloads.ts';

/** What a disposition modal acts on, for the core: its one application, or every skipped application of
 * the job still active (found by the core), with the count the confirmation named once there is one. */
export function targetOf(m: DispositionMetadata): Pick<DispositionAsk, 'applicationIds' | 'allSkipped' | 'expectedCount'> {
  if (m.b) return { applicationIds: [], allSkipped: true, ...(m.n ? { expectedCount: m.n } : {}) };
  return { applicationIds: [m.a!] };
}
