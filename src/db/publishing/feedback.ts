/* "You said, We did" and compliments: reads for the programme office and the public page. */
import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { feedback } from '../schema.ts';

export type FeedbackRow = typeof feedback.$inferSelect;

export async function listFeedback(
  db: Db,
  organisationId: number,
  filter: { status?: FeedbackRow['status']; kind?: FeedbackRow['kind'] } = {},
): Promise<FeedbackRow[]> {
  const conditions: SQL[] = [eq(feedback.organisationId, organisationId)];
  if (filter.status) conditions.push(eq(feedback.status, filter.status));
  if (filter.kind) conditions.push(eq(feedback.kind, filter.kind));
  return db
    .select()
    .from(feedback)
    .where(and(...conditions))
    .orderBy(asc(feedback.id));
}

export async function getFeedback(db: Db, organisationId: number, id: number): Promise<FeedbackRow | null> {
  const [row] = await db
    .select()
    .from(feedback)
    .where(and(eq(feedback.id, id), eq(feedback.organisationId, organisationId)));
  return row ?? null;
}

/** Published items only; the consent rules in src/web/public/consent.ts decide what of each is shown. */
export async function listPublishedFeedback(db: Db, organisationId: number): Promise<FeedbackRow[]> {
  return db
    .select()
    .from(feedback)
    .where(and(eq(feedback.organisationId, organisationId), eq(feedback.status, 'published')))
    .orderBy(desc(feedback.receivedOn), asc(feedback.id));
}
