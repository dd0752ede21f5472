/*
 * Writes of "You said, We did" and compliments, behind commands.ts. Edits and workflow moves are
 * separate so a status changes only through the publication rules.
 */
import { and, eq, sql } from 'drizzle-orm';
import { insertRecord, recordChange, updateRecord, type Actor, type SaveResult } from '../changes.ts';
import type { Db } from '../client.ts';
import { feedback } from './schema.ts';
import {
  checkApproval,
  type ResolvedSuggestion,
  type FieldSuggestion,
  type WordingField,
} from '../../domain/publishing/wording-check.ts';
import { checkFeedbackMove, type FeedbackStatus } from '../../domain/workflows/publication.ts';
import { feedbackCheckContext, type FeedbackRow } from './feedback.ts';
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

/** The approval a change to what was said takes away: it is approved again before it is public. */
const unapproved = {
  approvedWording: null,
  approvedResponse: null,
  approvedBy: null,
  approvedByName: null,
  approvedAt: null,
  resolvedSuggestions: [] as ResolvedSuggestion[],
};

/**
 * Changes what was said and the consent; the status moves only by `moveFeedback`. Changing the
 * words, the signature or the kind un-approves the item (and takes it off the public page), since
 * the approved wording was checked against what was said before.
 */
export async function updateFeedback(
  db: Db,
  row: Pick<FeedbackRow, 'id' | 'organisationId'>,
  version: number,
  data: Partial<FeedbackData>,
  actor: Actor,
): Promise<SaveResult<FeedbackRow>> {
  const [before] = await db
    .select()
    .from(feedback)
    .where(and(eq(feedback.id, row.id), eq(feedback.organisationId, row.organisationId)));
  const changesWords =
    before !== undefined &&
    before.approvedAt !== null &&
    (['kind', 'said', 'response', 'publicWording', 'attribution'] as const).some(
      (key) => data[key] !== undefined && data[key] !== before[key],
    );
  // The version check in updateRecord makes sure the row read here is the one changed.
  const values = changesWords ? { ...data, ...unapproved, status: 'draft' as const } : data;
  return updateRecord(db, feedback, 'feedback', row.organisationId, row.id, version, values, actor);
}

export type ApproveResult =
  | { ok: true; record: FeedbackRow }
  | { ok: false; conflict: true; current: FeedbackRow }
  | { ok: false; conflict: false; unresolved?: FieldSuggestion[] };

/**
 * Records a person's approval of the public wording. The wording is checked again here, as
 * submitted: any suggestion in it that the approver did not keep (with a reason) refuses it.
 */
export async function approveFeedback(
  db: Db,
  row: Pick<FeedbackRow, 'id' | 'organisationId'>,
  version: number,
  wording: Record<WordingField, string>,
  kept: ReadonlyMap<string, string>,
  actor: Actor,
): Promise<ApproveResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(feedback)
      .where(and(eq(feedback.id, row.id), eq(feedback.organisationId, row.organisationId)))
      .for('update');
    if (!before) return { ok: false, conflict: false };
    if (before.version !== version) return { ok: false, conflict: true, current: before };
    const check = checkApproval(wording, kept, await feedbackCheckContext(tx, before));
    if (!check.ok) return { ok: false, conflict: false, unresolved: check.unresolved };
    const [after] = await tx
      .update(feedback)
      .set({
        publicWording: wording.said,
        approvedWording: wording.said,
        approvedResponse: wording.response,
        approvedBy: actor.userId,
        approvedByName: actor.name,
        approvedAt: sql`now()`,
        resolvedSuggestions: check.resolved,
        status: before.status === 'published' ? 'published' : 'approved',
        version: sql`${feedback.version} + 1`,
        updatedAt: sql`now()`,
      })
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
    // Approving goes through approveFeedback, which checks the wording; publishing needs that
    // approval, and saying so is more use than naming the workflow's states.
    if ((move.ok && to === 'approved') || (to === 'published' && before.approvedAt === null))
      throw new PublishingError(
        'not-approved',
        'This cannot be published: nobody has approved its public wording yet. Approve the public wording first.',
      );
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
