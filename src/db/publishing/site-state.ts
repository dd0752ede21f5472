/*
 * A fingerprint of everything the public site shows: kept public pages are served again only while
 * it is unchanged. One small query, so every instance behind a load balancer can ask it often.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { councilBranding, organisations } from '../people/schema.ts';
import { consultations, feedback, publications } from './schema.ts';

/**
 * Changes whenever a quarter is published, corrected or withdrawn, feedback is edited, approved or
 * published, a consultation opens or closes (which council the site speaks for), or a council's
 * name or branding changes. Counts beside sums of versions, so a deletion changes it too.
 */
export async function publicSiteState(db: Db): Promise<string> {
  const tally = (table: typeof feedback | typeof councilBranding | typeof consultations) =>
    sql`(select count(*) || '.' || coalesce(sum(${table.version}), 0) from ${table})`;
  // Any one row will do to carry the value; with no council there is nothing public either.
  const [row] = await db
    .select({
      state: sql<string>`concat_ws(' ',
        (select count(*) || '.' || coalesce(max(${publications.id}), 0) || '.' || count(${publications.withdrawnAt}) from ${publications}),
        ${tally(feedback)}, ${tally(councilBranding)}, ${tally(consultations)},
        (select count(*) || '.' || coalesce(max(${organisations.id}), 0) from ${organisations}))`,
    })
    .from(organisations)
    .limit(1);
  return row?.state ?? '';
}
