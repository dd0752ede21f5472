/*
 * Writing minutes: each meeting the document minutes, on its board's meeting of that date, with
 * its agenda items (the discussion minuted under each as the item's minutes, its decisions), the
 * actions arising from each item (owner, due day and the date's words as written), and
 * who was present or sent apologies. A meeting whose date the document does not give is left out
 * (the preview says so): the meetings record is kept by date. Internal to the imports commands.
 */
import { inArray, sql } from 'drizzle-orm';
import { attendeeRoleOf } from '../../domain/meetings/attendees.ts';
import type { ImportedDate, ImportedMeeting } from '../../domain/imports.ts';
import { agendaItems, meetingActions, meetingAttendees } from '../schema.ts';
import type { ImportWriter } from './writer.ts';

const key = (...parts: (string | number)[]) => parts.join('\u0000');
const lower = (text: string) => text.trim().toLowerCase();

/** One day a council's date words name: the day itself, or the end of the period (a due date). */
export const dayOf = (due: ImportedDate | undefined, end: 'start' | 'end'): string | null =>
  due?.date ?? (due?.period ? due.period[end] : null) ?? null;

/** The board a set of minutes belongs to, from its title: "Minutes of the Corporate Parenting Board, 3 May". */
export function boardOfMinutes(title: string): string {
  const name = title
    .replace(/^(?:draft\s+)?minutes\s+of\s+(?:the\s+)?/i, '')
    .replace(/\s*(?:meeting\s+)?(?:held\s+)?(?:on\s+)?[,–-]?\s*\d{1,2}(?:st|nd|rd|th)?\s+\w+\s+\d{4}.*$/i, '')
    .replace(/\s*\(item\s+\d+\)\s*$/i, '')
    .replace(/\s+meeting$/i, '')
    .trim();
  return name || 'Improvement Board';
}

interface Item {
  meetingId: number;
  title: string;
  minutes: string;
  decisions: string;
  lines: number[];
}

/** The items a meeting is written as: its minuted items, or one item of its title holding its decisions. */
function itemsOf(m: ImportedMeeting): Omit<Item, 'meetingId'>[] {
  const decisionsOf = (k: number | undefined) =>
    m.decisions.filter(
      (d) => (d.item ?? 0) === (k ?? 0) || (k === 0 && (d.item ?? 0) >= (m.items?.length ?? 0)),
    );
  const text = (list: typeof m.decisions) =>
    list.map((d) => (d.reference ? `${d.reference} ${d.text}` : d.text)).join('\n');
  if (!m.items?.length)
    return [
      {
        title: m.title,
        minutes: '',
        decisions: text(m.decisions),
        lines: [...m.lines, ...m.decisions.flatMap((d) => d.lines)],
      },
    ];
  return m.items.map((item, k) => {
    const decisions = decisionsOf(k);
    return {
      title: item.reference ? `${item.reference} ${item.title}` : item.title,
      minutes: item.discussion,
      decisions: text(decisions),
      lines: [...new Set([...item.lines, ...(k === 0 ? m.lines : []), ...decisions.flatMap((d) => d.lines)])],
    };
  });
}

export async function writeMinutes(writer: ImportWriter, list: ImportedMeeting[]): Promise<void> {
  const dated = list
    .map((m) => ({ m, date: dayOf(m.date, 'start'), board: boardOfMinutes(m.title) }))
    .filter((d): d is { m: ImportedMeeting; date: string; board: string } => d.date !== null);
  if (dated.length === 0) return;
  const meetingIds = await writer.boardMeetings(dated.map((d) => ({ board: d.board, date: d.date })));
  const ids = dated.map((d) => meetingIds.get(key(lower(d.board), d.date))!);
  const counts = await writer.tx
    .select({ meetingId: agendaItems.meetingId, n: sql<number>`count(*)::int` })
    .from(agendaItems)
    .where(inArray(agendaItems.meetingId, [...new Set(ids)]))
    .groupBy(agendaItems.meetingId);
  const next = new Map(counts.map((c) => [c.meetingId, c.n]));
  const wanted = dated.flatMap(({ m }, i) => itemsOf(m).map((item) => ({ ...item, meetingId: ids[i]! })));
  const rows = await writer.insertMany(
    agendaItems,
    'agenda-item',
    wanted.map(({ lines, ...item }) => {
      const position = next.get(item.meetingId) ?? 0;
      next.set(item.meetingId, position + 1);
      return { value: { ...item, position }, lines };
    }),
  );
  // Each meeting's items, in order, so an action finds the item it arose from.
  let at = 0;
  const itemIds = dated.map(({ m }) => {
    const n = Math.max(m.items?.length ?? 0, 1);
    const mine = rows.slice(at, at + n).map((r) => r.id);
    at += n;
    return mine;
  });
  await writer.insertMany(
    meetingActions,
    'meeting-action',
    dated.flatMap(({ m }, i) =>
      m.actions.map((a) => ({
        value: {
          meetingId: ids[i]!,
          agendaItemId: itemIds[i]![a.item ?? 0] ?? itemIds[i]![0]!,
          description: a.description,
          ownerName: a.owner ?? '',
          dueOn: dayOf(a.due, 'end'),
          dueText: a.due?.text.trim() ?? '',
        },
        lines: a.lines,
      })),
    ),
  );
  await writer.insertMany(
    meetingAttendees,
    'meeting-attendee',
    dated.flatMap(({ m }, i) =>
      (m.attendees ?? []).map((a) => ({
        value: {
          meetingId: ids[i]!,
          // The role as written is kept with the name: the record's role is one of the board's few.
          name: a.role ? `${a.name} (${a.role})` : a.name,
          role: attendeeRoleOf(a.name, a.role),
          attendance: a.attendance,
        },
        lines: a.lines,
      })),
    ),
  );
}
