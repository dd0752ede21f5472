/*
 * Writes of "You said, We did" and compliments, behind commands.ts. Edits and workflow moves are
 * separate so a status changes only through the publication rules.
 */
import { and, eq, sql } from 'drizzle-orm';
import { insertRecord, recordChange, updateRecord, type Actor, type SaveResult } from '../changes.ts';
import type { Db } from '../client.ts';
import { feedback } from './schema.ts';
import { checkFeedbackMove, type FeedbackStatus } from '../../domain/workflows/publication.ts';
import type { FeedbackRow } from './feedback.ts';
import { PublishingError } from './publishing-error.ts';

export type FeedbackData = Pick<
  FeedbackRow,
  'kind' | 'source' | 'said' | 'publicWording' | 'response' | 'attribution' | 'receivedOn' | 'consent'
>;

export function createFeedback(
  db: Db,
  organisationId: number,
  data: FeedbackData & { planId?: number | null },
  actor: Actor,
): Promise<FeedbackRow> {
  return insertRecord(db, feedback, 'feedback', organisationId, { ...data, organisationId }, actor);
}

/** Changes what was said and the consent; the status moves only by `moveFeedback`. */
export function updateFeedback(
  db: Db,
  row: Pick<FeedbackRow, 'id' | 'organisationId'>,
  version: number,
  data: Partial<FeedbackData>,
  actor: Actor,
): Promise<SaveResult<FeedbackRow>> {
  return updateRecord(db, feedback, 'feedback', row.organisationId, row.id, version, data, actor);
}

/**
 * Moves an item through the workflow (approve, publish, take off the public page). The rule is
 * checked against the row as it is in the database, so consent withdrawn a moment ago is seen.
 */
export async function moveFeedback(
  db: Db,
  row: Pick<FeedbackRow, 'id' | 'organisationId'>,
  to: FeedbackStatus,
  version: number,
  actor: Actor,
): Promise<SaveResult<FeedbackRow>> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(feedback)
      .where(and(eq(feedback.id, row.id), eq(feedback.organisationId, row.organisationId)))
      .for('update');
    if (!before) return { ok: false, conflict: false };
    if (before.version !== version) return { ok: false, conflict: true, current: before };
    const move = checkFeedbackMove(before, to);
    if (!move.ok)
      throw move.problem === 'no-consent'
        ? new PublishingError(
            'no-consent',
            'This cannot be published: they have not agreed to it being published. Record their consent first.',
          )
        : new PublishingError(
            'transition-not-allowed',
            `This feedback is ${before.status}: it cannot be made ${to} from there.`,
          );
    const [after] = await tx
      .update(feedback)
      .set({ status: to, version: sql`${feedback.version} + 1`, updatedAt: sql`now()` })
      .where(eq(feedback.id, before.id))
      .returning();
    await recordChange(tx, {
      organisationId: before.organisationId,
      recordType: 'feedback',
      recordId: before.id,
      action: 'update',
      actor,
      before,
      after: after!,
    });
    return { ok: true, record: after! };
  });
}
