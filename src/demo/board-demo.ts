/*
 * The Improvement Board around the programme: its members, and the meeting after 10 September
 * 2024 with its reporting cycle open, the sponsor's reports for two priorities submitted and two
 * still being written. The seeds give no later meeting, so its date is the demo's: a Tuesday, as
 * the September meeting was, with the papers due two weeks before.
 */
import { systemActor, type Actor } from '../domain/changes.ts';
import type { Db } from '../db/client.ts';
import { findStatus } from '../domain/rag-scale.ts';
import { addMember, createMeeting, moveReport, openCycle, saveReport } from '../db/board/commands.ts';
import { findMeetingsOn, listMeetingReports, loadRagScale } from '../db/board/queries.ts';
import { listAreas, type Plan } from '../db/plan/queries.ts';
import type { DemoAccount } from './accounts.ts';

const actor = systemActor('Demo data');

export const heldMeetingOn = '2024-09-10';
export const nextMeetingOn = '2024-11-12';

/*
 * Who sits on the board, by role: the seeds say the DfE's improvement adviser chaired it in
 * 2022/23 and that the lead member, chief executive and Director of Children's Services sit on it.
 * The demo's people are named for their role; the sponsor is the one the reports name.
 */
function members(accounts: DemoAccount[]) {
  const account = (role: DemoAccount['role']) => accounts.find((a) => a.role === role);
  const chair = account('board-member');
  const sponsor = account('sponsor');
  return [
    { userId: chair?.id ?? null, name: chair?.name ?? 'Demo Independent Chair', role: 'Independent chair' },
    { userId: null, name: 'Demo DfE Improvement Adviser', role: 'DfE improvement adviser' },
    {
      userId: null,
      name: 'Demo Lead Member',
      role: 'Lead member: Executive Member for Children and Families',
    },
    { userId: null, name: 'Demo Chief Executive', role: 'Chief executive' },
    { userId: null, name: 'Demo Director of Children’s Services', role: 'Director of Children’s Services' },
    {
      userId: sponsor?.id ?? null,
      name: sponsor?.name ?? 'Alison Montgomery',
      role: 'Sponsor of the programme’s four priorities',
    },
    {
      userId: null,
      name: 'Demo Improvement Partner',
      role: 'Sector-led improvement partner (Stockport Council)',
    },
  ].map((m) => ({ ...m, email: accounts.find((a) => a.id === m.userId)?.email ?? '' }));
}

/** The held meeting of 10 September 2024 as imported, with its board. */
export async function heldMeeting(db: Db, organisationId: number) {
  const [found] = await findMeetingsOn(db, organisationId, heldMeetingOn);
  if (!found) throw new Error('The demo’s highlight report pack did not bring in the 10 September meeting');
  return found;
}

/* What the sponsor has written for the next board: progress on the September plans, in demo words. */
const drafts: Record<number, { rag: string; reason: string; progress: string[]; next: string[] }> = {
  2: {
    rag: 'amber',
    reason: 'Progress against plan not as expected in some areas but with recovery actions in place.',
    progress: [
      'The Leaving Care Forum and senior managers now meet monthly.',
      'The care leaver newsletter’s name and branding are agreed with care leavers; the first issue has moved from September to October.',
    ],
    next: ['Consult on the participation strategy through an online survey.'],
  },
  4: {
    rag: 'green',
    reason: 'The programme is performing to plan.',
    progress: ['The Social Work Academy’s first training calendar is being drawn from the themes of audits.'],
    next: [
      'Finalise and share the practice procedures for restorative child protection conferences by the end of October 2024.',
    ],
  },
};

/**
 * The board's members, then the next meeting with its cycle open: a draft report for each
 * priority assigned to its sponsor, and the reports for priorities 2 and 4 submitted.
 */
export async function prepareNextBoard(
  db: Db,
  organisationId: number,
  plan: Plan,
  accounts: DemoAccount[],
): Promise<void> {
  const { board } = await heldMeeting(db, organisationId);
  for (const member of members(accounts)) await addMember(db, organisationId, board.id, member, actor);

  const meeting = await createMeeting(
    db,
    organisationId,
    board.id,
    { meetingOn: nextMeetingOn, papersDueOn: '2024-10-29', reminderDaysBefore: 3 },
    actor,
  );
  const scale = await loadRagScale(db, organisationId);
  await openCycle(db, organisationId, { meetingId: meeting.id, planId: plan.id, scale }, actor);

  const sponsor = accounts.find((a) => a.role === 'sponsor');
  const writer: Actor = sponsor ? { userId: sponsor.id, name: sponsor.name } : actor;
  for (const { report, priority } of await listMeetingReports(db, meeting.id)) {
    const draft = drafts[priority.number];
    if (!draft) continue;
    const [area] = await listAreas(db, priority.id);
    const toItems = (lines: string[]) => lines.map((text) => ({ text, depth: 0 }));
    const saved = await saveReport(
      db,
      organisationId,
      {
        reportId: report.id,
        expectedVersion: report.version,
        as: 'sponsor',
        data: {
          currentRag: findStatus(scale, draft.rag)?.code ?? draft.rag,
          currentRagDefinition: findStatus(scale, draft.rag)?.definition ?? '',
          reason: draft.reason,
          completedBy: writer.name,
          areas: [
            { areaId: area?.id ?? null, progress: toItems(draft.progress), nextPeriod: toItems(draft.next) },
          ],
          commitmentIds: [],
          measureIds: [],
        },
      },
      writer,
    );
    if (!saved.ok) throw new Error('The demo’s draft report could not be saved');
    await moveReport(db, organisationId, { reportId: report.id, action: 'submit', as: 'sponsor' }, writer);
  }
}
