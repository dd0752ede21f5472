/*
 * The record of the 10 September 2024 board: its agenda, who attended, short minutes and the
 * actions arising, drawn from the seed pack's deep dive on children who go missing and its
 * "activity for the next period". The wording is the demo's own; the people are named for their
 * role. The minutes stay in draft: the next board (12 November) has not met on the demo's day.
 */
import { systemActor } from '../domain/changes.ts';
import type { Db } from '../db/client.ts';
import { listMeetingReports } from '../db/board/queries.ts';
import {
  addActionUpdate,
  addAgendaItem,
  addAttendee,
  closeAction,
  createAction,
  saveMinutes,
  type ActionInput,
  type AgendaItemInput,
  type AttendeeInput,
} from '../db/meetings/commands.ts';
import type { DemoAccount } from './accounts.ts';
import { heldMeeting } from './board-demo.ts';

const actor = systemActor('Demo data');
const heldOn = '2024-09-10';

export async function recordHeldMeeting(db: Db, organisationId: number, accounts: DemoAccount[]) {
  const { meeting } = await heldMeeting(db, organisationId);
  const ctx = { organisationId, meeting };
  const account = (role: DemoAccount['role']) => accounts.find((a) => a.role === role);
  const chair = account('board-member');
  const sponsor = account('sponsor');

  const people: AttendeeInput[] = [
    {
      userId: chair?.id ?? null,
      name: chair ? '' : 'Demo Independent Chair',
      role: 'independent-chair',
      attendance: 'present',
    },
    { userId: null, name: 'Demo DfE Improvement Adviser', role: 'dfe-adviser', attendance: 'present' },
    { userId: null, name: 'Demo Lead Member', role: 'lead-member', attendance: 'present' },
    { userId: null, name: 'Demo Improvement Partner', role: 'slip-partner', attendance: 'present' },
    {
      userId: sponsor?.id ?? null,
      name: sponsor ? '' : 'Alison Montgomery',
      role: 'officer',
      attendance: 'present',
    },
    { userId: null, name: 'Demo Chief Executive', role: 'officer', attendance: 'apologies' },
  ];
  for (const person of people) await addAttendee(db, ctx, person, actor);

  const reports = await listMeetingReports(db, meeting.id);
  const first = reports.find((r) => r.priority.number === 1);
  const none = { priorityId: null, measureId: null, highlightReportId: null, topic: '' };
  const agenda: (AgendaItemInput & { minutes: string; decisions: string })[] = [
    {
      ...none,
      title: 'Welcome, apologies and minutes of the last meeting',
      minutes: 'The chair welcomed members. Apologies were noted.',
      decisions: 'The minutes of the last meeting were agreed as a true record.',
    },
    {
      ...none,
      title: 'Deep dive: children who go missing',
      topic: 'Children who go missing from home or care',
      minutes:
        'Officers presented the deep dive. Training on the response to children who go missing continues, and children are being asked how they would like to give their views after they return.',
      decisions: 'A digital return home interview is to be developed with children.',
    },
    {
      ...none,
      title: 'Highlight report: Quality of Practice',
      highlightReportId: first?.report.id ?? null,
      minutes: 'The sponsor took the board through progress since the last board. The priority stays Amber.',
      decisions: '',
    },
  ];
  const items = [];
  for (const { minutes, decisions, ...item } of agenda) {
    const added = await addAgendaItem(db, ctx, item, actor);
    await saveMinutes(db, { ...ctx, item: added }, added.version, { minutes, decisions }, actor);
    items.push(added);
  }

  const owner = (name: string) => ({ ownerUserId: null, ownerName: name });
  const bySponsor = sponsor ? { ownerUserId: sponsor.id, ownerName: '' } : owner('Alison Montgomery');
  const actions: (ActionInput & { update?: [string, string]; closed?: string })[] = [
    {
      agendaItemId: items[1]!.id,
      description: 'Bring the digital return home interview offer, shaped with children, to the board',
      ...bySponsor,
      dueOn: '2024-11-12',
      status: 'open',
    },
    {
      agendaItemId: items[2]!.id,
      description: 'Report on the first use of the Graded Care Profile in place of the TNAP',
      ...bySponsor,
      dueOn: '2024-11-12',
      status: 'in-progress',
      update: ['2024-09-27', 'Launched with four champions; first figures expected in October.'],
    },
    {
      agendaItemId: items[2]!.id,
      description: 'Share what the review of children accommodated under section 20 found',
      ...owner('Demo Head of Cared for Children'),
      dueOn: '2024-10-31',
      status: 'open',
    },
    {
      agendaItemId: items[2]!.id,
      description: 'Share the revised LADO process with head teachers',
      ...owner('Demo Head of Education Safeguarding'),
      dueOn: '2024-09-06',
      status: 'open',
      closed: 'Shared at the head teachers’ briefing.',
    },
  ];
  for (const { update, closed, ...input } of actions) {
    const action = await createAction(db, ctx, input, actor, heldOn);
    if (update)
      await addActionUpdate(db, { organisationId, action }, { today: update[0], text: update[1] }, actor);
    if (closed)
      await closeAction(
        db,
        { organisationId, action },
        action.version,
        { status: 'done', note: closed, today: '2024-09-20' },
        actor,
      );
  }
}
