/*
 * Committee reports: the record (cover fields, quarter, recipients) and everything its numbered
 * sections are drawn from: the plan, that quarter's approved highlight reports and the scorecard.
 */
import { and, asc, between, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { figuresFor, listMeasureRows, toPriorityMeasure } from '../measures/queries.ts';
import { listPriorities } from '../plan/queries.ts';
import { listThemes, summaryByTheme } from './consultations.ts';
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
import type { CabinetReport } from '../../reports/cabinet-report/types.ts';

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

/** Gathers the report's content for the quarter it covers. */
export async function assembleCabinetReport(
  db: Db,
  report: CommitteeReportRow,
  publicUrl: string,
  today: Date,
): Promise<CabinetReport> {
  const [plan] = await db.select().from(plans).where(eq(plans.id, report.planId));
  const [council] = await db.select().from(organisations).where(eq(organisations.id, report.organisationId));
  const priorityRows = await listPriorities(db, report.planId);
  const ids = priorityRows.map((p) => p.id);
  const commitmentRows = ids.length
    ? await db.select().from(commitments).where(inArray(commitments.priorityId, ids))
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
          ),
        )
        .orderBy(asc(outcomes.achievedOn), asc(outcomes.id))
    : [];

  const reports = ids.length
    ? await db
        .select({ report: highlightReports, meetingOn: boardMeetings.meetingOn })
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
  const items = reports.length
    ? await db
        .select()
        .from(highlightReportItems)
        .where(
          and(
            inArray(
              highlightReportItems.reportId,
              reports.map((r) => r.report.id),
            ),
            eq(highlightReportItems.section, 'progress'),
            eq(highlightReportItems.depth, 0),
          ),
        )
        .orderBy(asc(highlightReportItems.position), asc(highlightReportItems.id))
    : [];

  const measureRows = await listMeasureRows(db, report.organisationId);
  const measures = (await figuresFor(db, measureRows, today)).map(toPriorityMeasure);

  let consultation: CabinetReport['consultation'] = null;
  if (report.consultationId) {
    const [row] = await db.select().from(consultations).where(eq(consultations.id, report.consultationId));
    const summary = await summaryByTheme(db, report.consultationId);
    const themes = await listThemes(db, report.consultationId);
    consultation = row
      ? {
          title: row.title,
          responses: summary.total,
          themes: themes.map((t) => ({
            name: t.name,
            summary: t.summary,
            responses: summary.themes.find((s) => s.theme.id === t.id)?.responses ?? 0,
          })),
        }
      : null;
  }

  return {
    council: council?.name ?? '',
    planTitle: plan?.title ?? '',
    quarter: { label: report.quarterLabel, start: report.quarterStart, end: report.quarterEnd },
    cover: {
      reportTo: report.reportTo,
      meetingOn: report.meetingOn,
      reportingOfficer: report.reportingOfficer,
      subject: report.subject,
      reportSummary: report.reportSummary,
      recommendations: report.recommendations,
      communityStrategyLinks: report.communityStrategyLinks,
      financialImplications: report.financialImplications,
      legalImplications: report.legalImplications,
      backgroundPapersContact: report.backgroundPapersContact,
    },
    priorities: priorityRows.map((p) => {
      const mine = commitmentRows.filter((c) => c.priorityId === p.id);
      const mineIds = new Set(mine.map((c) => c.id));
      return {
        number: p.number,
        title: p.title,
        total: mine.length,
        done: mine.filter((c) => c.status === 'done').length,
        inProgress: mine.filter((c) => c.status === 'in-progress').length,
        notStarted: mine.filter((c) => c.status === 'not-started').length,
        achievedThisQuarter: achieved.filter((o) => mineIds.has(o.commitmentId)).map((o) => o.text),
      };
    }),
    highlights: reports.map(({ report: r, meetingOn }) => {
      const priority = priorityRows.find((p) => p.id === r.priorityId)!;
      return {
        priorityNumber: priority.number,
        priorityTitle: priority.title,
        meetingOn,
        status: [r.currentRag, r.currentRagDefinition].filter(Boolean).join(' '),
        reason: r.reason,
        progress: items.filter((i) => i.reportId === r.id).map((i) => i.text),
      };
    }),
    measures: measures.map((m) => ({
      name: m.name,
      latest: m.latest,
      period: m.latestPeriod ?? '',
      target: m.target ?? '',
      direction: m.direction,
    })),
    consultation,
    recipients: (await listRecipients(db, report.id)).map((r) => ({
      meeting: r.meeting,
      receivedOn: r.receivedOn,
    })),
    publicUrl,
  };
}
