import type { Db } from '../db/client.ts';
import { loadInterimPlan } from './interim-plan.ts';

/** Everything a newcomer sees on a demo start. */
export async function loadDemo(db: Db, organisationId: number, sponsorUserId: number | null): Promise<void> {
  await loadInterimPlan(db, organisationId, sponsorUserId);
}
