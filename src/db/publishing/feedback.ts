/* "You said, We did" and compliments: reads for the programme office and the public page. */
import { and, asc, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../changes.ts';
import type { Db } from '../client.ts';
import { feedback, organisations } from '../schema.ts';
import { areaNamesOf, type CheckContext } from '../../domain/publishing/wording-check.ts';

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

/**
 * Published items a person approved the wording of; the consent rules in
 * src/domain/publishing/consent.ts decide what of each is shown.
 */
export async function listPublishedFeedback(db: Db, organisationId: number): Promise<FeedbackRow[]> {
  return db
    .select()
    .from(feedback)
    .where(
      and(
        eq(feedback.organisationId, organisationId),
        eq(feedback.status, 'published'),
        isNotNull(feedback.approvedAt),
      ),
    )
    .orderBy(desc(feedback.receivedOn), asc(feedback.id));
}

/** What the wording check knows of an item: its signature, and the council's own area names. */
export async function feedbackCheckContext(
  db: DbOrTx,
  item: Pick<FeedbackRow, 'organisationId' | 'attribution'>,
): Promise<CheckContext> {
  const [organisation] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, item.organisationId));
  return { attribution: item.attribution, placeNames: areaNamesOf(organisation?.name ?? '') };
}
