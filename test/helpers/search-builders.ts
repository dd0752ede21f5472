/* Builders for search tests: a council with one record of every searchable kind, each about audits. */
import type { Db } from '../../src/db/client.ts';
import { highlightReportItems, highlightReports, risks } from '../../src/db/schema.ts';
import { buildBoard, buildMeeting } from './board-builders.ts';
import {
  buildArea,
  buildCommitment,
  buildOrganisation,
  buildOutcome,
  buildPlan,
  buildPlanWithPeople,
  buildPriority,
  buildUser,
} from './builders.ts';
import { buildMeasure } from './measure-builders.ts';

export async function buildRisk(db: Db, planId: number, overrides: Partial<typeof risks.$inferInsert> = {}) {
  const [risk] = await db
    .insert(risks)
    .values({
      planId,
      title: 'Too few staff to audit case files',
      cause: 'Vacancies in the quality assurance team',
      inherentLikelihood: 4,
      inherentImpact: 4,
      residualLikelihood: 3,
      residualImpact: 3,
      reviewedOn: '2024-09-01',
      ...overrides,
    })
    .returning();
  return risk!;
}

/** A draft report for a priority, found by its reason and by one of its items. */
export async function buildReport(
  db: Db,
  organisationId: number,
  planId: number,
  priorityId: number,
  text: { reason: string; item: string },
) {
  const board = await buildBoard(db, organisationId, planId);
  const meeting = await buildMeeting(db, organisationId, board.id);
  const [report] = await db
    .insert(highlightReports)
    .values({ meetingId: meeting.id, priorityId, reason: text.reason, state: 'draft' })
    .returning();
  await db
    .insert(highlightReportItems)
    .values({ reportId: report!.id, section: 'progress', position: 0, text: text.item });
  return { board, meeting, report: report! };
}

/**
 * Testshire's plan with one record of each kind mentioning an audit, the other sponsor's report
 * among them; and Otherton, another council, with records that mention audits too.
 */
export async function buildSearchWorld(db: Db) {
  const world = await buildPlanWithPeople(db);
  const { organisationId, plan } = world;
  const auditPriority = await buildPriority(db, plan, {
    number: 3,
    title: 'Audits that improve practice',
    ambition: 'Every child’s file is checked.',
    sponsorUserId: world.people.sponsor.id,
  });
  const area = await buildArea(db, organisationId, auditPriority.id, { title: 'Case file audit quality' });
  const commitment = await buildCommitment(db, organisationId, auditPriority.id, {
    text: 'We will audit twenty case files every month.',
    improvementAreaId: area.id,
  });
  const outcome = await buildOutcome(db, organisationId, commitment.id, {
    text: 'We audited 240 case files this year.',
  });
  const report = await buildReport(db, organisationId, plan.id, world.otherPriority.id, {
    reason: 'Leadership drift found by the casework audit.',
    item: 'Auditing of supervision records started',
  });
  const risk = await buildRisk(db, plan.id, { priorityIds: [world.otherPriority.id] });
  const measure = await buildMeasure(
    db,
    organisationId,
    { name: 'Case file audits graded good', definition: 'Share of audited files graded good.' },
    [],
    [world.otherPriority.id],
  );
  const auditPlan = await buildPlan(db, organisationId, { title: 'Audit programme 2025' });

  const otherCouncil = await buildOrganisation(db, 'Otherton Borough Council');
  const otherPerson = await buildUser(db, 'programme-manager', { organisationId: otherCouncil });
  const otherPlan = await buildPlan(db, otherCouncil, { title: 'Otherton audit plan' });
  const otherCouncilPriority = await buildPriority(db, otherPlan, { title: 'Otherton audits' });
  const otherCouncilCommitment = await buildCommitment(db, otherCouncil, otherCouncilPriority.id, {
    text: 'Otherton will audit every file.',
  });
  return {
    ...world,
    auditPriority,
    auditArea: area,
    auditCommitment: commitment,
    auditOutcome: outcome,
    report,
    risk,
    measure,
    auditPlan,
    otherCouncil: {
      organisationId: otherCouncil,
      person: otherPerson,
      plan: otherPlan,
      priority: otherCouncilPriority,
      commitment: otherCouncilCommitment,
    },
  };
}
