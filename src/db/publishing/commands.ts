/*
 * Every write of publishing and the public site, one named command each. A command writes the
 * change and its change_history row in one transaction, and refuses what the publication rules
 * (src/domain/workflows/publication.ts) do not allow with a PublishingError.
 */
import { and, eq, sql } from 'drizzle-orm';
import { insertRecord, recordChange, updateRecord, type Actor, type SaveResult } from '../changes.ts';
import type { Db } from '../client.ts';
import { commitments, outcomes, plans, priorities } from '../plan/schema.ts';
import {
  committeeReportRecipients,
  committeeReports,
  consultationQuestions,
  consultationResponses,
  consultationThemes,
  consultations,
  feedback,
  glossaryEntries,
  publications,
  publishingSettings,
  responseThemes,
} from './schema.ts';
import type { Quarter } from '../../domain/publishing/quarters.ts';
import { buildPublishedPlan } from '../../domain/publishing/snapshot.ts';
import {
  checkFeedbackMove,
  quarterState,
  takesResponses,
  type FeedbackStatus,
} from '../../domain/workflows/publication.ts';
import type { CommitteeCover } from '../../domain/publishing/committee-cover.ts';
import type { Respondent } from '../../domain/publishing/feedback.ts';
import { listQuestions, listThemes, type ConsultationRow } from './consultations.ts';
import { listRecipients, type CommitteeReportRow } from './committee.ts';
import type { FeedbackRow } from './feedback.ts';
import { toPublication, type Publication } from './publications.ts';
import { getSettings, listGlossary, toGlossary, type GlossaryRow } from './settings.ts';
import { snapshotRows } from './snapshot.ts';

export type { Actor, SaveResult };
export { systemActor } from '../changes.ts';

export type PublishingErrorCode =
  | 'quarter-already-published'
  | 'transition-not-allowed'
  | 'no-consent'
  | 'consultation-closed'
  | 'duplicate-acronym'
  | 'unknown-theme'
  | 'not-found';

/** A publishing rule refused the write; `field` names the form field it is about, when there is one. */
export class PublishingError extends Error {
  constructor(
    readonly code: PublishingErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'PublishingError';
  }
}

/* Quarterly publications */

/**
 * Freezes the public part of the plan for a quarter. A quarter of a plan is published once: what
 * was published on a date never changes.
 */
export async function publishQuarter(
  db: Db,
  input: {
    organisationId: number;
    planId: number;
    quarter: Quarter;
    measureIds: number[];
    actor: Actor;
    /** When it is published: the figures are those known then. */
    publishedAt: Date;
  },
): Promise<Publication> {
  const settings = await getSettings(db, input.organisationId);
  const glossary = toGlossary(await listGlossary(db, input.organisationId));
  const snapshot = buildPublishedPlan(
    await snapshotRows(db, {
      organisationId: input.organisationId,
      planId: input.planId,
      quarter: { label: input.quarter.label, start: input.quarter.start, end: input.quarter.end },
      measureIds: input.measureIds,
      glossary,
      targetReadingAge: settings.targetReadingAge,
      asOf: input.publishedAt,
    }),
  );
  return db.transaction(async (tx) => {
    // The plan's row is locked, so two people publishing the same quarter at once cannot both succeed.
    await tx.select({ id: plans.id }).from(plans).where(eq(plans.id, input.planId)).for('update');
    const existing = await tx
      .select({ planId: publications.planId, quarterStart: publications.quarterStart })
      .from(publications)
      .where(eq(publications.planId, input.planId));
    if (quarterState(existing, input.planId, input.quarter.start) === 'published')
      throw new PublishingError(
        'quarter-already-published',
        `${input.quarter.label} has already been published. Choose another quarter`,
        'quarter',
      );
    const [row] = await tx
      .insert(publications)
      .values({
        organisationId: input.organisationId,
        planId: input.planId,
        quarterLabel: input.quarter.label,
        quarterStart: input.quarter.start,
        quarterEnd: input.quarter.end,
        snapshot: snapshot as unknown as Record<string, unknown>,
        publishedBy: input.actor.userId,
        publishedByName: input.actor.name,
        publishedAt: input.publishedAt,
      })
      .returning();
    // The chosen measures become the default for the next quarter.
    await tx
      .update(publishingSettings)
      .set({ publicMeasureIds: input.measureIds })
      .where(eq(publishingSettings.organisationId, input.organisationId));
    await recordChange(tx, {
      organisationId: input.organisationId,
      recordType: 'publication',
      recordId: row!.id,
      action: 'create',
      actor: input.actor,
      before: null,
      after: { planId: input.planId, quarterLabel: input.quarter.label },
    });
    return toPublication(row!);
  });
}

/* "You said, We did" */

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

/* Consultations */

export type ConsultationData = Pick<ConsultationRow, 'title' | 'description' | 'closesOn' | 'status'>;

export function createConsultation(
  db: Db,
  organisationId: number,
  data: ConsultationData & { planId?: number | null },
  actor: Actor,
): Promise<ConsultationRow> {
  return insertRecord(db, consultations, 'consultation', organisationId, { ...data, organisationId }, actor);
}

export function updateConsultation(
  db: Db,
  row: Pick<ConsultationRow, 'id' | 'organisationId'>,
  version: number,
  data: Partial<ConsultationData>,
  actor: Actor,
): Promise<SaveResult<ConsultationRow>> {
  return updateRecord(db, consultations, 'consultation', row.organisationId, row.id, version, data, actor);
}

/** Adds a question after the others. */
export async function addQuestion(
  db: Db,
  consultation: Pick<ConsultationRow, 'id' | 'organisationId'>,
  data: { text: string; hint: string; required: boolean },
  actor: Actor,
) {
  const position = (await listQuestions(db, consultation.id)).length;
  return insertRecord(
    db,
    consultationQuestions,
    'consultation-question',
    consultation.organisationId,
    { ...data, consultationId: consultation.id, position },
    actor,
  );
}

/** Adds a theme after the others. */
export async function addTheme(
  db: Db,
  consultation: Pick<ConsultationRow, 'id' | 'organisationId'>,
  data: { name: string; summary?: string },
  actor: Actor,
) {
  const position = (await listThemes(db, consultation.id)).length;
  return insertRecord(
    db,
    consultationThemes,
    'consultation-theme',
    consultation.organisationId,
    { ...data, consultationId: consultation.id, position },
    actor,
  );
}

/** Who sends a response through the public form: nobody signed in. */
export const publicFormActor: Actor = { userId: null, name: 'Public consultation form' };

export type SaveResponseResult = { saved: true; id: number } | { saved: false; duplicate: true };

/**
 * Stores a response once per form: sending the same form again (a double click, a refresh) is a
 * duplicate. Refused once the consultation has closed (at the end of its closing day) or if it is
 * not open. The history row records that a response came, never what it says.
 */
export async function submitResponse(
  db: Db,
  consultation: Pick<ConsultationRow, 'id' | 'organisationId' | 'status' | 'closesOn'>,
  input: {
    respondent: Respondent;
    answers: Record<string, string>;
    formNonce: string;
    senderKey: string;
  },
  today: string,
): Promise<SaveResponseResult> {
  if (!takesResponses(consultation, today))
    throw new PublishingError('consultation-closed', 'This consultation has closed');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consultationResponses)
      .values({ ...input, consultationId: consultation.id })
      .onConflictDoNothing()
      .returning({ id: consultationResponses.id });
    if (!row) return { saved: false, duplicate: true };
    await recordChange(tx, {
      organisationId: consultation.organisationId,
      recordType: 'consultation-response',
      recordId: row.id,
      action: 'create',
      actor: publicFormActor,
      before: null,
      after: { consultationId: consultation.id, respondent: input.respondent },
    });
    return { saved: true, id: row.id };
  });
}

/** Gives a response its themes (replacing any it had); every theme must be the consultation's own. */
export async function setResponseThemes(
  db: Db,
  consultation: Pick<ConsultationRow, 'id' | 'organisationId'>,
  responseId: number,
  themeIds: number[],
  actor: Actor,
): Promise<void> {
  const known = new Set((await listThemes(db, consultation.id)).map((t) => t.id));
  if (themeIds.some((id) => !known.has(id)))
    throw new PublishingError('unknown-theme', 'Select themes from the list', 'themeIds');
  await db.transaction(async (tx) => {
    const [response] = await tx
      .select({ id: consultationResponses.id })
      .from(consultationResponses)
      .where(
        and(
          eq(consultationResponses.id, responseId),
          eq(consultationResponses.consultationId, consultation.id),
        ),
      );
    if (!response) throw new PublishingError('not-found', 'Response not found');
    const before = await tx
      .delete(responseThemes)
      .where(eq(responseThemes.responseId, responseId))
      .returning({ themeId: responseThemes.themeId });
    if (themeIds.length)
      await tx.insert(responseThemes).values(themeIds.map((themeId) => ({ responseId, themeId })));
    await recordChange(tx, {
      organisationId: consultation.organisationId,
      recordType: 'consultation-response',
      recordId: responseId,
      action: 'update',
      actor,
      before: { themeIds: before.map((b) => b.themeId) },
      after: { themeIds },
    });
  });
}

/* Committee reports */

export type CommitteeReportData = CommitteeCover & {
  planId: number;
  quarter: Quarter;
  consultationId: number | null;
};

const reportColumns = ({ quarter, ...rest }: CommitteeReportData) => ({
  ...rest,
  quarterLabel: quarter.label,
  quarterStart: quarter.start,
  quarterEnd: quarter.end,
});

export function createCommitteeReport(
  db: Db,
  organisationId: number,
  data: CommitteeReportData,
  actor: Actor,
): Promise<CommitteeReportRow> {
  return insertRecord(
    db,
    committeeReports,
    'committee-report',
    organisationId,
    { ...reportColumns(data), organisationId },
    actor,
  );
}

export function updateCommitteeReport(
  db: Db,
  row: Pick<CommitteeReportRow, 'id' | 'organisationId'>,
  version: number,
  data: CommitteeReportData,
  actor: Actor,
): Promise<SaveResult<CommitteeReportRow>> {
  return updateRecord(
    db,
    committeeReports,
    'committee-report',
    row.organisationId,
    row.id,
    version,
    reportColumns(data),
    actor,
  );
}

/** Adds a meeting the report goes to, after the others. */
export async function addRecipient(
  db: Db,
  report: Pick<CommitteeReportRow, 'id' | 'organisationId'>,
  data: { meeting: string },
  actor: Actor,
) {
  const position = (await listRecipients(db, report.id)).length;
  return insertRecord(
    db,
    committeeReportRecipients,
    'committee-report-recipient',
    report.organisationId,
    { ...data, reportId: report.id, position },
    actor,
  );
}

/** Marks a meeting as having received the report on a date; null clears it. */
export async function markRecipientReceived(
  db: Db,
  report: Pick<CommitteeReportRow, 'id' | 'organisationId'>,
  recipientId: number,
  version: number,
  receivedOn: string | null,
  actor: Actor,
) {
  const recipient = (await listRecipients(db, report.id)).find((r) => r.id === recipientId);
  if (!recipient) throw new PublishingError('not-found', 'Meeting not found');
  return updateRecord(
    db,
    committeeReportRecipients,
    'committee-report-recipient',
    report.organisationId,
    recipient.id,
    version,
    { receivedOn },
    actor,
  );
}

/* The glossary and settings */

export type GlossaryData = Pick<
  GlossaryRow,
  'acronym' | 'expansion' | 'plural' | 'explain' | 'confirmed' | 'note'
>;

const duplicateAcronym = (error: unknown): unknown => {
  const cause = (error as { cause?: unknown }).cause ?? error;
  return (cause as { code?: string }).code === '23505'
    ? new PublishingError('duplicate-acronym', 'The glossary already has that acronym', 'acronym')
    : error;
};

export async function createGlossaryEntry(
  db: Db,
  organisationId: number,
  data: GlossaryData & { variants?: string[] },
  actor: Actor,
): Promise<GlossaryRow> {
  // Seeds the glossary first, so a new entry cannot be overwritten by the seed acronyms.
  await listGlossary(db, organisationId);
  try {
    return await insertRecord(
      db,
      glossaryEntries,
      'glossary-entry',
      organisationId,
      { ...data, organisationId },
      actor,
    );
  } catch (error) {
    throw duplicateAcronym(error);
  }
}

export async function updateGlossaryEntry(
  db: Db,
  entry: Pick<GlossaryRow, 'id' | 'organisationId'>,
  version: number,
  data: Partial<GlossaryData>,
  actor: Actor,
): Promise<SaveResult<GlossaryRow>> {
  try {
    return await updateRecord(
      db,
      glossaryEntries,
      'glossary-entry',
      entry.organisationId,
      entry.id,
      version,
      data,
      actor,
    );
  } catch (error) {
    throw duplicateAcronym(error);
  }
}

export async function deleteGlossaryEntry(
  db: Db,
  entry: Pick<GlossaryRow, 'id' | 'organisationId'>,
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .delete(glossaryEntries)
      .where(and(eq(glossaryEntries.id, entry.id), eq(glossaryEntries.organisationId, entry.organisationId)))
      .returning();
    if (before)
      await recordChange(tx, {
        organisationId: entry.organisationId,
        recordType: 'glossary-entry',
        recordId: entry.id,
        action: 'delete',
        actor,
        before,
        after: null,
      });
  });
}

/** The reading age public text is pitched at. One settings row per council. */
export async function setTargetReadingAge(
  db: Db,
  organisationId: number,
  targetReadingAge: number,
  actor: Actor,
): Promise<void> {
  await getSettings(db, organisationId);
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(publishingSettings)
      .where(eq(publishingSettings.organisationId, organisationId))
      .for('update');
    const [after] = await tx
      .update(publishingSettings)
      .set({
        targetReadingAge,
        version: sql`${publishingSettings.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(publishingSettings.organisationId, organisationId))
      .returning();
    await recordChange(tx, {
      organisationId,
      recordType: 'publishing-settings',
      recordId: organisationId,
      action: 'update',
      actor,
      before: before ?? null,
      after: after ?? null,
    });
  });
}

/* Plain-language versions of the plan's public text */

export type PlainTextTarget = 'priority' | 'commitment' | 'outcome';

/** Saves the plain-language version of a priority's title, a "We said" or a "We did". */
export async function savePlainText(
  db: Db,
  target: { recordType: PlainTextTarget; id: number; organisationId: number },
  plain: string,
  version: number,
  actor: Actor,
): Promise<SaveResult<{ plain: string; version: number; updatedAt: Date }>> {
  const { recordType, id, organisationId } = target;
  const saved =
    recordType === 'priority'
      ? await updateRecord(
          db,
          priorities,
          'priority',
          organisationId,
          id,
          version,
          { plainTitle: plain },
          actor,
        )
      : recordType === 'commitment'
        ? await updateRecord(
            db,
            commitments,
            'commitment',
            organisationId,
            id,
            version,
            { plainText: plain },
            actor,
          )
        : await updateRecord(
            db,
            outcomes,
            'outcome',
            organisationId,
            id,
            version,
            { plainText: plain },
            actor,
          );
  const plainOf = (
    r: { version: number; updatedAt: Date } & ({ plainTitle: string } | { plainText: string }),
  ) => ({
    plain: 'plainTitle' in r ? r.plainTitle : r.plainText,
    version: r.version,
    updatedAt: r.updatedAt,
  });
  if (saved.ok) return { ok: true, record: plainOf(saved.record) };
  if (saved.conflict) return { ok: false, conflict: true, current: plainOf(saved.current) };
  return saved;
}
