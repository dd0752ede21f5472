/*
 * Committee reports: the record (cover fields, quarter, recipients) and everything its numbered
 * sections are drawn from: the plan, that quarter's approved highlight reports and the scorecard.
 */
import { and, asc, between, eq, inArray } from 'drizzle-orm';
import { noonOf } from '../../domain/clock.ts';
import type { Db } from '../client.ts';
import { figuresFor, listMeasureRows, toPriorityMeasure } from '../measures/queries.ts';
import { listPriorities, liveCommitment, liveOutcome } from '../plan/queries.ts';
import { listThemes, summaryByTheme } from './consultations.ts';
import { listBudgetLines } from '../projects/queries.ts';
import {
  boardMeetings,
  commitments,
  committeeReportRecipients,
  committeeReports,
  consultations,
  highlightReportItems,
  highlightReports,
  organisations,
  outcomes,
  plans,
} from '../schema.ts';

export type CommitteeReportRow = typeof committeeReports.$inferSelect;
export type RecipientRow = typeof committeeReportRecipients.$inferSelect;

export async function listCommitteeReports(db: Db, organisationId: number) {
  return db
    .select({ report: committeeReports, planTitle: plans.title })
    .from(committeeReports)
    .innerJoin(plans, eq(plans.id, committeeReports.planId))
    .where(eq(committeeReports.organisationId, organisationId))
    .orderBy(asc(committeeReports.meetingOn), asc(committeeReports.id));
}

export async function getCommitteeReport(
  db: Db,
  organisationId: number,
  id: number,
): Promise<CommitteeReportRow | null> {
  const [row] = await db
    .select()
    .from(committeeReports)
    .where(and(eq(committeeReports.id, id), eq(committeeReports.organisationId, organisationId)));
  return row ?? null;
}

export async function listRecipients(db: Db, reportId: number): Promise<RecipientRow[]> {
  return db
    .select()
    .from(committeeReportRecipients)
    .where(eq(committeeReportRecipients.reportId, reportId))
    .orderBy(asc(committeeReportRecipients.position), asc(committeeReportRecipients.id));
}

/**
 * The rows a Cabinet report is made from, for the quarter it covers (src/reports/cabinet-report
 * assembles the report from them): the plan, that quarter's approved highlight reports, the
 * scorecard as at the quarter's end (or `today`, for a quarter not yet over), the consultation by
 * theme and the meetings it goes to. A report on a past quarter never shows a later period's figure.
 */
export async function cabinetReportRows(db: Db, report: CommitteeReportRow, today: Date) {
  const quarterEnd = noonOf(report.quarterEnd);
  const asAt = quarterEnd < today ? quarterEnd : today;
  const [plan] = await db.select().from(plans).where(eq(plans.id, report.planId));
  const [council] = await db.select().from(organisations).where(eq(organisations.id, report.organisationId));
  const priorityRows = await listPriorities(db, report.planId);
  const ids = priorityRows.map((p) => p.id);
  const commitmentRows = ids.length
    ? await db
        .select()
        .from(commitments)
        .where(and(inArray(commitments.priorityId, ids), liveCommitment()))
    : [];
  const achieved = commitmentRows.length
    ? await db
        .select({ commitmentId: outcomes.commitmentId, text: outcomes.text })
        .from(outcomes)
        .where(
          and(
            inArray(
              outcomes.commitmentId,
              commitmentRows.map((c) => c.id),
            ),
            between(outcomes.achievedOn, report.quarterStart, report.quarterEnd),
            liveOutcome(),
          ),
        )
        .orderBy(asc(outcomes.achievedOn), asc(outcomes.id))
    : [];

  const highlights = ids.length
    ? await db
        .select({
          id: highlightReports.id,
          priorityId: highlightReports.priorityId,
          meetingOn: boardMeetings.meetingOn,
          currentRag: highlightReports.currentRag,
          currentRagDefinition: highlightReports.currentRagDefinition,
          reason: highlightReports.reason,
        })
        .from(highlightReports)
        .innerJoin(boardMeetings, eq(boardMeetings.id, highlightReports.meetingId))
        .where(
          and(
            inArray(highlightReports.priorityId, ids),
            eq(highlightReports.state, 'approved'),
            between(boardMeetings.meetingOn, report.quarterStart, report.quarterEnd),
          ),
        )
        .orderBy(asc(boardMeetings.meetingOn))
    : [];
  const progressItems = highlights.length
    ? await db
        .select({ reportId: highlightReportItems.reportId, text: highlightReportItems.text })
        .from(highlightReportItems)
        .where(
          and(
            inArray(
              highlightReportItems.reportId,
              highlights.map((r) => r.id),
            ),
            eq(highlightReportItems.section, 'progress'),
            eq(highlightReportItems.depth, 0),
          ),
        )
        .orderBy(asc(highlightReportItems.position), asc(highlightReportItems.id))
    : [];

  const measureRows = await listMeasureRows(db, report.organisationId);
  const measures = (await figuresFor(db, measureRows, asAt)).map(toPriorityMeasure);

  let consultation: {
    title: string;
    responses: number;
    themes: { id: number; name: string; summary: string; responses: number }[];
  } | null = null;
  if (report.consultationId) {
    const [row] = await db.select().from(consultations).where(eq(consultations.id, report.consultationId));
    const summary = await summaryByTheme(db, report.consultationId);
    const themes = await listThemes(db, report.consultationId);
    consultation = row
      ? {
          title: row.title,
          responses: summary.total,
          themes: themes.map((t) => ({
            id: t.id,
            name: t.name,
            summary: t.summary,
            responses: summary.themes.find((s) => s.theme.id === t.id)?.responses ?? 0,
          })),
        }
      : null;
  }

  return {
    report,
    council: council ?? null,
    plan: plan ?? null,
    priorities: priorityRows,
    commitments: commitmentRows,
    achieved,
    highlights,
    progressItems,
    measures,
    consultation,
    recipients: await listRecipients(db, report.id),
    budgetLines: await listBudgetLines(db, report.organisationId, report.planId),
  };
}
