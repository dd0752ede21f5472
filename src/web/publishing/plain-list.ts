import type { Db } from '../../db/client.ts';
import { plainLanguageRows } from '../../db/publishing/queries.ts';
import {
  plainLanguageList as fromRows,
  type PlainLanguageList,
} from '../../domain/publishing/plain-language.ts';

export type { PlainText } from '../../domain/publishing/plain-language.ts';

/** A plan's public texts with their plain versions and reading ages. */
export async function plainLanguageList(
  db: Db,
  organisationId: number,
  planId: number,
): Promise<PlainLanguageList> {
  return fromRows(await plainLanguageRows(db, organisationId, planId));
}
