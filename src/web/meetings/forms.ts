import { z } from 'zod';
import type { AgendaItemInput, AttendeeInput } from '../../db/meetings/commands.ts';
import type { AgendaItem, Attendee } from '../../db/meetings/queries.ts';
import {
  attendanceKindNames,
  attendanceKinds,
  attendeeRoleNames,
  attendeeRoles,
} from '../../domain/meetings/vocabulary.ts';
import type { RecordForm } from '../forms/fields.ts';
import { parseForm } from '../forms/parse.ts';
import { choice, optionalKnownId, problem, refuse, text } from '../forms/validate.ts';

/* The forms of a meeting's record: an agenda item, its minutes and decisions, an attendee. */

const long = 50000;

export interface AgendaFormContext {
  priorities: { id: number; number: number; title: string }[];
  measures: { id: number; name: string }[];
  reports: { id: number; number: number; title: string }[];
}

/** "priority:3", "measure:5" or "highlight-report:7": one select for what the item is about. */
function about(ctx: AgendaFormContext) {
  return z.unknown().transform((raw, rctx) => {
    const none = { priorityId: null, measureId: null, highlightReportId: null };
    const value = typeof raw === 'string' ? raw : '';
    if (value === '') return none;
    const [kind, id] = value.split(':');
    const known = (list: { id: number }[]) => list.some((r) => String(r.id) === id);
    if (kind === 'priority' && known(ctx.priorities)) return { ...none, priorityId: Number(id) };
    if (kind === 'measure' && known(ctx.measures)) return { ...none, measureId: Number(id) };
    if (kind === 'highlight-report' && known(ctx.reports)) return { ...none, highlightReportId: Number(id) };
    refuse(rctx, 'Select what the item is about from the list');
    return none;
  });
}

export const agendaItemForm: RecordForm<AgendaFormContext, AgendaItemInput, AgendaItem> = {
  fields: (ctx) => [
    { kind: 'input', name: 'title', label: 'Item', hint: 'As it reads on the agenda' },
    {
      kind: 'select',
      name: 'about',
      label: 'What the item is about (optional)',
      items: [
        { value: '', text: 'Nothing in the plan in particular' },
        ...ctx.priorities.map((p) => ({
          value: `priority:${p.id}`,
          text: `Priority ${p.number}: ${p.title}`,
        })),
        ...ctx.reports.map((r) => ({
          value: `highlight-report:${r.id}`,
          text: `Highlight report: Priority ${r.number}: ${r.title}`,
        })),
        ...ctx.measures.map((m) => ({ value: `measure:${m.id}`, text: `Measure: ${m.name}` })),
      ],
    },
    {
      kind: 'input',
      name: 'topic',
      label: 'Deep dive topic (optional)',
      hint: 'For a deep dive not about one priority, measure or report, for example children who go missing',
    },
  ],
  read(values, ctx) {
    const schema = z
      .object({
        title: text('Item', { max: 500, required: 'Enter the agenda item' }),
        about: about(ctx),
        topic: text('Deep dive topic', { max: 500 }),
      })
      .superRefine((data, rctx) => {
        const linked = Object.values(data.about).some((v) => v !== null);
        if (linked && data.topic !== '')
          problem(rctx, 'topic', 'Enter a deep dive topic or choose what the item is about, not both');
      })
      .transform(({ about: link, ...rest }) => ({ ...rest, ...link }));
    return parseForm(schema, values);
  },
  toValues: (item) => ({
    title: item.title,
    about: item.priorityId
      ? `priority:${item.priorityId}`
      : item.measureId
        ? `measure:${item.measureId}`
        : item.highlightReportId
          ? `highlight-report:${item.highlightReportId}`
          : '',
    topic: item.topic,
  }),
};

export const minutesForm: RecordForm<unknown, { minutes: string; decisions: string }, AgendaItem> = {
  fields: () => [
    { kind: 'textarea', name: 'minutes', label: 'Minutes', hint: 'What the board discussed', rows: 8 },
    {
      kind: 'textarea',
      name: 'decisions',
      label: 'Decisions (optional)',
      hint: 'What the board decided',
      rows: 4,
    },
  ],
  read(values) {
    const schema = z.object({
      minutes: text('Minutes', { max: long, required: 'Enter the minutes of the item' }),
      decisions: text('Decisions', { max: long }),
    });
    return parseForm(schema, values);
  },
  toValues: (item) => ({ minutes: item.minutes, decisions: item.decisions }),
};

export interface PeopleContext {
  people: { id: number; name: string }[];
}

export const attendeeForm: RecordForm<PeopleContext, AttendeeInput, Attendee> = {
  fields: (ctx) => [
    {
      kind: 'select',
      name: 'userId',
      label: 'Person',
      items: [
        { value: '', text: 'Someone without an account' },
        ...ctx.people.map((p) => ({ value: String(p.id), text: p.name })),
      ],
    },
    {
      kind: 'input',
      name: 'name',
      label: 'Name, if they have no account',
      hint: 'For example, the DfE adviser or a SLIP partner',
      classes: 'govuk-input--width-20',
    },
    {
      kind: 'radios',
      name: 'role',
      label: 'Role',
      items: attendeeRoles.map((r) => ({ value: r, text: attendeeRoleNames[r] })),
    },
    {
      kind: 'radios',
      name: 'attendance',
      label: 'Attendance',
      items: attendanceKinds.map((a) => ({ value: a, text: attendanceKindNames[a] })),
    },
  ],
  read(values, ctx) {
    const schema = z
      .object({
        userId: optionalKnownId(
          ctx.people.map((p) => p.id),
          'Select a person from the list',
        ),
        name: text('Name', { max: 200 }),
        role: choice(attendeeRoles, 'Select the person’s role'),
        attendance: choice(attendanceKinds, 'Select whether they were present or sent apologies'),
      })
      .superRefine((data, rctx) => {
        if (data.userId === null && data.name === '')
          problem(rctx, 'userId', 'Select a person, or enter the name of someone without an account');
      });
    return parseForm(schema, values);
  },
  toValues: (a) => ({
    userId: a.userId ? String(a.userId) : '',
    name: a.name,
    role: a.role,
    attendance: a.attendance,
  }),
};
