/*
 * Consultations: questions, responses sent through the public form, and themes a person assigns to
 * responses so the feedback can be summarised by theme (as in the Cabinet report's "feedback on the
 * development of the improvement plan").
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { countOf } from '../counts.ts';
import {
  consultationQuestions,
  consultationResponses,
  consultationThemes,
  consultations,
  responseThemes,
} from '../schema.ts';

export type ConsultationRow = typeof consultations.$inferSelect;
export type QuestionRow = typeof consultationQuestions.$inferSelect;
export type ResponseRow = typeof consultationResponses.$inferSelect;
export type ThemeRow = typeof consultationThemes.$inferSelect;

export async function listConsultations(db: Db, organisationId: number) {
  return db
    .select({
      consultation: consultations,
      responses: countOf(consultationResponses.consultationId, consultations.id),
    })
    .from(consultations)
    .where(eq(consultations.organisationId, organisationId))
    .orderBy(asc(consultations.closesOn), asc(consultations.id));
}

export async function getConsultation(
  db: Db,
  organisationId: number,
  id: number,
): Promise<ConsultationRow | null> {
  const [row] = await db
    .select()
    .from(consultations)
    .where(and(eq(consultations.id, id), eq(consultations.organisationId, organisationId)));
  return row ?? null;
}

/** For the public form: any council's open consultation, by id. */
export async function getOpenConsultation(db: Db, id: number): Promise<ConsultationRow | null> {
  const [row] = await db
    .select()
    .from(consultations)
    .where(and(eq(consultations.id, id), eq(consultations.status, 'open')));
  return row ?? null;
}

export async function listOpenConsultations(
  db: Db,
  organisationId: number,
  today: string,
): Promise<ConsultationRow[]> {
  return db
    .select()
    .from(consultations)
    .where(
      and(
        eq(consultations.organisationId, organisationId),
        eq(consultations.status, 'open'),
        gte(consultations.closesOn, today),
      ),
    )
    .orderBy(asc(consultations.closesOn));
}

export async function listQuestions(db: Db, consultationId: number): Promise<QuestionRow[]> {
  return db
    .select()
    .from(consultationQuestions)
    .where(eq(consultationQuestions.consultationId, consultationId))
    .orderBy(asc(consultationQuestions.position), asc(consultationQuestions.id));
}

export async function listThemes(db: Db, consultationId: number): Promise<ThemeRow[]> {
  return db
    .select()
    .from(consultationThemes)
    .where(eq(consultationThemes.consultationId, consultationId))
    .orderBy(asc(consultationThemes.position), asc(consultationThemes.id));
}

export async function listResponses(
  db: Db,
  consultationId: number,
): Promise<(ResponseRow & { themeIds: number[] })[]> {
  const rows = await db
    .select()
    .from(consultationResponses)
    .where(eq(consultationResponses.consultationId, consultationId))
    .orderBy(asc(consultationResponses.id));
  if (rows.length === 0) return [];
  const links = await db
    .select()
    .from(responseThemes)
    .where(
      inArray(
        responseThemes.responseId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((r) => ({
    ...r,
    themeIds: links.filter((l) => l.responseId === r.id).map((l) => l.themeId),
  }));
}

export interface ThemeSummary {
  theme: ThemeRow;
  responses: number;
}

/** Each theme with how many responses were given it, most first; and how many have no theme yet. */
export async function summaryByTheme(
  db: Db,
  consultationId: number,
): Promise<{ themes: ThemeSummary[]; total: number; unthemed: number }> {
  const [themes, responses] = await Promise.all([
    listThemes(db, consultationId),
    listResponses(db, consultationId),
  ]);
  const summaries = themes
    .map((theme) => ({ theme, responses: responses.filter((r) => r.themeIds.includes(theme.id)).length }))
    .sort((a, b) => b.responses - a.responses || a.theme.position - b.theme.position);
  return {
    themes: summaries,
    total: responses.length,
    unthemed: responses.filter((r) => r.themeIds.length === 0).length,
  };
}
