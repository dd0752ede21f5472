/* The rows behind the plain-language list (src/domain/publishing/plain-language.ts works it out). */
import type { Db } from '../client.ts';
import { planContents } from '../plan/queries.ts';
import type { PlainLanguageRows } from '../../domain/publishing/plain-language.ts';
import { getSettings, listGlossary, toGlossary } from './settings.ts';

export async function plainLanguageRows(
  db: Db,
  organisationId: number,
  planId: number,
): Promise<PlainLanguageRows> {
  const settings = await getSettings(db, organisationId);
  const { priorities, commitments: cs, outcomes: os } = await planContents(db, planId);
  return {
    planId,
    targetReadingAge: settings.targetReadingAge,
    priorities,
    commitments: cs,
    outcomes: os,
    glossary: toGlossary(await listGlossary(db, organisationId)),
  };
}
