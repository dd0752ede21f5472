import type { FastifyInstance } from 'fastify';
import {
  boardsSatOn,
  meetingReadiness,
  nextMeeting,
  reportsAwaitingApproval,
  reportsOwedBy,
  type NextMeeting,
  type OwedReport,
} from '../../db/board/queries.ts';
import { latestCouncilFigures } from '../../db/measures/queries.ts';
import { openActionsOwnedBy, type ActionRow } from '../../db/meetings/queries.ts';
import type { CurrentUser } from '../../db/people/queries.ts';
import { commitmentsDueBefore, listPlans, type DueCommitments } from '../../db/plan/queries.ts';
import { risksDueForReview } from '../../db/risks/queries.ts';
import { dueSoonDays, dueSoonUntil, dueState, sectionsFor, type HomeSection } from '../../domain/home.ts';
import { formatPeriod, staleness } from '../../domain/measures/index.ts';
import { paths } from '../paths.ts';

/*
 * What a person's home page shows, read once for the page and the API alike: the sections their
 * role calls for (src/domain/home.ts), each item with the link to where its work is done. The
 * sections' reads are independent, so they run together; each is one or two queries.
 */

/** A home page lists this many commitments at most, with a link to the rest. */
export const commitmentsShown = 10;

const reportItem = (r: OwedReport, url: string, today: string) => ({
  reportId: r.reportId,
  priority: `${r.priorityNumber}. ${r.priorityTitle}`,
  state: r.state,
  meetingId: r.meetingId,
  meetingOn: r.meetingOn,
  board: r.board,
  papersDueOn: r.papersDueOn,
  dueState: dueState(r.papersDueOn ?? r.meetingOn, today),
  url,
});

const commitmentList = (found: DueCommitments, today: string, overdueOnly: boolean) => {
  const plans = new Map<number, string>();
  for (const c of found.items) plans.set(c.planId, c.planTitle);
  return {
    total: found.total,
    overdue: found.overdue,
    shown: found.items.length,
    items: found.items.map((c) => ({
      commitmentId: c.id,
      text: c.text,
      owner: c.owner,
      dueOn: c.dueOn,
      status: c.status,
      dueState: dueState(c.dueOn, today),
      priority: `${c.priorityNumber}. ${c.priorityTitle}`,
      plan: c.planTitle,
      url: paths.commitment(c.id),
    })),
    // Where the whole list is: each plan's commitments, filtered to the overdue ones when that is the list.
    more: [...plans].map(([planId, title]) => ({
      plan: title,
      url: paths.planCommitments(planId, overdueOnly ? { overdue: 'yes' } : {}),
    })),
  };
};

const actionItem = (a: ActionRow, today: string) => ({
  actionId: a.id,
  description: a.description,
  status: a.status,
  dueOn: a.dueOn,
  dueState: dueState(a.dueOn, today),
  raisedOn: a.raisedOn,
  latestUpdate: a.updates.at(-1)?.text ?? null,
  url: paths.action(a.id),
});

async function meetingSection(
  app: FastifyInstance,
  user: CurrentUser,
  meeting: NextMeeting | null,
  withReadiness: boolean,
) {
  if (!meeting) return null;
  const readiness = await meetingReadiness(app.db, user.organisationId, meeting.meetingId);
  return {
    meetingId: meeting.meetingId,
    meetingOn: meeting.meetingOn,
    board: meeting.board,
    papersDueOn: meeting.papersDueOn,
    status: meeting.status,
    url: paths.meeting(meeting.meetingId),
    agendaUrl: paths.meetingAgenda(meeting.meetingId),
    papers: {
      issued: readiness.issued !== null,
      issuedAt: readiness.issued?.issuedAt.toISOString() ?? null,
      version: readiness.issued?.version ?? null,
      htmlUrl: paths.boardPack(meeting.meetingId, 'html'),
      pdfUrl: paths.boardPack(meeting.meetingId, 'pdf'),
    },
    reports: withReadiness ? { ...readiness.reports, total: readiness.total } : null,
  };
}

export type HomeData = Awaited<ReturnType<typeof loadHome>>;

export async function loadHome(app: FastifyInstance, user: CurrentUser) {
  const db = app.db;
  const org = user.organisationId;
  const today = app.clock.today();
  const through = dueSoonUntil(today);
  const [boardIds, actions] = await Promise.all([
    boardsSatOn(db, org, user.id),
    openActionsOwnedBy(db, org, user.id),
  ]);
  const sections = sectionsFor(user.role, {
    sitsOnABoard: boardIds.length > 0,
    ownsOpenActions: actions.length > 0,
  });
  const wants = (section: HomeSection) => sections.includes(section);
  const when = <T>(section: HomeSection, read: () => Promise<T>): Promise<T | undefined> =>
    wants(section) ? read() : Promise.resolve(undefined);
  const meetingWanted = wants('meeting-readiness') || wants('meeting-papers');

  const [owed, mine, awaiting, overdue, figures, risks, meeting, plans] = await Promise.all([
    when('reports-owed', () => reportsOwedBy(db, org, user.id, today)),
    when('commitments-due', () =>
      commitmentsDueBefore(db, org, { today, through, sponsorUserId: user.id, limit: commitmentsShown }),
    ),
    when('reports-awaiting-approval', () => reportsAwaitingApproval(db, org)),
    when('overdue-commitments', () => commitmentsDueBefore(db, org, { today, limit: commitmentsShown })),
    when('stale-figures', () => latestCouncilFigures(db, org)),
    when('risks-for-review', () => risksDueForReview(db, org, through)),
    meetingWanted
      ? nextMeeting(db, org, today, boardIds).then((m) =>
          meetingSection(app, user, m, wants('meeting-readiness')),
        )
      : Promise.resolve(undefined),
    listPlans(db, org),
  ]);

  return {
    today,
    dueSoonDays,
    sections,
    reportsOwed: owed?.map((r) => reportItem(r, paths.editHighlightReport(r.reportId), today)),
    commitmentsDue: mine && commitmentList(mine, today, false),
    reportsAwaitingApproval: awaiting?.map((r) => ({
      ...reportItem(r, paths.highlightReport(r.reportId), today),
      sponsor: r.sponsor,
    })),
    overdueCommitments: overdue && commitmentList(overdue, today, true),
    staleFigures: figures
      ?.map((m) => ({ ...m, state: staleness(m, today) }))
      .filter((m) => m.state === 'stale' || m.state === 'no-figures')
      .map((m) => ({
        measureId: m.id,
        name: m.name,
        frequency: m.frequency,
        latestPeriod: m.latestPeriod,
        latestPeriodText: m.latestPeriod
          ? formatPeriod({ frequency: m.frequency, yearEnding: m.yearEnding ?? undefined }, m.latestPeriod)
          : null,
        state: m.state as 'stale' | 'no-figures',
        url: paths.measure(m.id),
      })),
    risksForReview: risks?.map((r) => ({
      riskId: r.id,
      title: r.title,
      owner: r.ownerDisplayName,
      nextReviewOn: r.nextReviewOn!,
      dueState: dueState(r.nextReviewOn, today),
      rating: r.residual.band,
      url: paths.risk(r.id),
    })),
    nextMeeting: meeting,
    actions: wants('own-actions') ? actions.map((a) => actionItem(a, today)) : undefined,
    plans: plans.map((p) => ({
      planId: p.id,
      title: p.title,
      period: p.period,
      status: p.status,
      url: paths.plan(p.id),
    })),
  };
}
