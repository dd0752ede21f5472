/*
 * Writes of consultations, behind commands.ts: the consultation, its questions and themes, the
 * responses sent through the public form and the themes given to them.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { insertRecord, recordChange, updateRecord, type Actor, type SaveResult } from '../changes.ts';
import type { Db } from '../client.ts';
import {
  consultationQuestions,
  consultationResponses,
  consultationThemes,
  consultations,
  responseThemes,
} from './schema.ts';
import { takesResponses } from '../../domain/workflows/publication.ts';
import type { Respondent } from '../../domain/publishing/feedback.ts';
import { listQuestions, listThemes, type ConsultationRow } from './consultations.ts';
import { PublishingError } from './publishing-error.ts';

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

export type SaveResponseResult =
  | { saved: true; id: number }
  | { saved: false; duplicate: true }
  | { saved: false; limited: true; retryAfterSeconds: number };

/** The first key of the advisory lock taken while a response is counted and stored; the second is the consultation. */
const responseLockSpace = 1_400_514;

/**
 * Stores a response once per form: sending the same form again (a double click, a refresh) is a
 * duplicate. Refused once the consultation has closed (at the end of its closing day) or if it is
 * not open. The history row records that a response came, never what it says.
 *
 * At most `perHour` responses from one sender to one consultation in an hour: counted and stored
 * under a lock on the consultation held to the end of the transaction, so responses sent at the
 * same moment, to any instance, are counted one after another (on PostgreSQL 58 of 60 once passed
 * a limit of 20 when the count ran before the insert). Counted by the database's clock, which
 * wrote the times it counts.
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
  { perHour }: { perHour: number } = { perHour: Number.MAX_SAFE_INTEGER },
): Promise<SaveResponseResult> {
  if (!takesResponses(consultation, today))
    throw new PublishingError('consultation-closed', 'This consultation has closed');
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${responseLockSpace}::int, ${consultation.id}::int)`);
    const r = consultationResponses;
    const [seen] = await tx
      .select({
        sent: count(),
        // Seconds until the oldest of them is an hour old, when one more may be sent.
        wait: sql<string | null>`ceil(extract(epoch from min(${r.receivedAt}) + interval '1 hour' - now()))`,
        again: sql<boolean>`coalesce(bool_or(${r.formNonce} = ${input.formNonce}), false)`,
      })
      .from(r)
      .where(
        and(
          eq(r.consultationId, consultation.id),
          sql`((${r.senderKey} = ${input.senderKey} and ${r.receivedAt} > now() - interval '1 hour') or ${r.formNonce} = ${input.formNonce})`,
        ),
      );
    if (seen?.again) return { saved: false, duplicate: true };
    if ((seen?.sent ?? 0) >= perHour)
      return { saved: false, limited: true, retryAfterSeconds: Math.max(1, Number(seen?.wait ?? 60)) };
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
