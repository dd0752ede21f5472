/* The rows behind the plain-language list (src/domain/publishing/plain-language.ts works it out). */
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { listPriorities } from '../plan/queries.ts';
import { commitments, outcomes } from '../schema.ts';
import type { PlainLanguageRows } from '../../domain/publishing/plain-language.ts';
import { getSettings, listGlossary, toGlossary } from './settings.ts';

export async function plainLanguageRows(
  db: Db,
  organisationId: number,
  planId: number,
): Promise<PlainLanguageRows> {
  const settings = await getSettings(db, organisationId);
  const priorities = await listPriorities(db, planId);
  const cs = priorities.length
    ? await db
        .select()
        .from(commitments)
        .where(
          inArray(
            commitments.priorityId,
            priorities.map((p) => p.id),
          ),
        )
        .orderBy(asc(commitments.position), asc(commitments.id))
    : [];
  const os = cs.length
    ? await db
        .select()
        .from(outcomes)
        .where(
          inArray(
            outcomes.commitmentId,
            cs.map((c) => c.id),
          ),
        )
        .orderBy(asc(outcomes.position), asc(outcomes.id))
    : [];
  return {
    planId,
    targetReadingAge: settings.targetReadingAge,
    priorities,
    commitments: cs,
    outcomes: os,
    glossary: toGlossary(await listGlossary(db, organisationId)),
  };
}
