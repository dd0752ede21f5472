import { boardKinds, type BoardKind } from '../../domain/board-cycle.ts';
import { FormReader } from '../forms/reader.ts';
import type { RecordForm } from '../plan/forms.ts';
import { boardKindNames } from './labels.ts';

/* The board cycle's simple forms, described as field lists for the shared record form. */

export interface BoardFormContext {
  plans: { id: number; title: string }[];
}

export interface BoardData {
  name: string;
  kind: BoardKind;
  planId: number | null;
}

export const boardForm: RecordForm<BoardFormContext, BoardData, BoardData> = {
  fields: (ctx) => [
    {
      kind: 'input',
      name: 'name',
      label: 'Name of the board',
      hint: 'For example, Children’s Improvement Board',
    },
    {
      kind: 'radios',
      name: 'kind',
      label: 'Kind of board',
      items: boardKinds.map((k) => ({ value: k, text: boardKindNames[k] })),
    },
    {
      kind: 'select',
      name: 'planId',
      label: 'Plan the board oversees',
      hint: 'Opening a reporting cycle asks for a highlight report on each of this plan’s priorities',
      items: [
        { value: '', text: 'No plan' },
        ...ctx.plans.map((p) => ({ value: String(p.id), text: p.title })),
      ],
    },
  ],
  read(values, ctx) {
    const form = new FormReader(values);
    const plan = values.planId ?? '';
    if (plan !== '' && !ctx.plans.some((p) => String(p.id) === plan))
      form.problem('planId', 'Select a plan from the list');
    return form.result({
      name: form.text('name', {
        label: 'Name of the board',
        max: 200,
        required: 'Enter the name of the board',
      }),
      kind: form.choice('kind', boardKinds, 'Select the kind of board'),
      planId: plan === '' ? null : Number(plan),
    });
  },
  toValues: (b) => ({ name: b.name, kind: b.kind, planId: b.planId ? String(b.planId) : '' }),
};

export interface MemberFormContext {
  people: { id: number; name: string; email: string }[];
}

export interface MemberData {
  userId: number | null;
  name: string;
  email: string;
  role: string;
}

export const memberForm: RecordForm<MemberFormContext, MemberData, MemberData> = {
  fields: (ctx) => [
    {
      kind: 'select',
      name: 'userId',
      label: 'Person with a Wesaid account (optional)',
      items: [
        { value: '', text: 'Not listed: enter their name below' },
        ...ctx.people.map((p) => ({ value: String(p.id), text: p.name })),
      ],
    },
    { kind: 'input', name: 'name', label: 'Name, if not listed above', classes: 'govuk-input--width-20' },
    { kind: 'input', name: 'email', label: 'Email address (optional)', classes: 'govuk-input--width-20' },
    {
      kind: 'input',
      name: 'role',
      label: 'Role on the board',
      hint: 'For example, Independent chair',
      classes: 'govuk-input--width-20',
    },
  ],
  read(values, ctx) {
    const form = new FormReader(values);
    const chosen = ctx.people.find((p) => String(p.id) === (values.userId ?? ''));
    if ((values.userId ?? '') !== '' && !chosen) form.problem('userId', 'Select a person from the list');
    const name = form.text('name', { label: 'Name', max: 200 });
    const email = form.text('email', { label: 'Email address', max: 320 });
    if (!chosen && !values.userId && name === '') form.problem('name', 'Select a person or enter their name');
    if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      form.problem('email', 'Enter an email address in the correct format, like name@example.com');
    return form.result({
      userId: chosen?.id ?? null,
      name: name || chosen?.name || '',
      email: email || chosen?.email || '',
      role: form.text('role', { label: 'Role on the board', max: 200 }),
    });
  },
  toValues: (m) => ({ userId: m.userId ? String(m.userId) : '', name: m.name, email: m.email, role: m.role }),
};

export interface MeetingData {
  meetingOn: string;
  papersDueOn: string | null;
  reminderDaysBefore: number;
}

export const meetingForm: RecordForm<unknown, MeetingData, MeetingData> = {
  fields: () => [
    { kind: 'date', name: 'meetingOn', label: 'Date of the meeting', hint: 'For example, 10 9 2024' },
    {
      kind: 'date',
      name: 'papersDueOn',
      label: 'Papers deadline (optional)',
      hint: 'The date highlight reports must be submitted by. For example, 3 9 2024',
    },
    {
      kind: 'input',
      name: 'reminderDaysBefore',
      label: 'Days before the papers deadline to remind sponsors',
      classes: 'govuk-input--width-3',
      inputmode: 'numeric',
    },
  ],
  read(values) {
    const form = new FormReader(values);
    const meetingOn = form.date('meetingOn', {
      label: 'Date of the meeting',
      required: 'Enter the date of the meeting',
    });
    const papersDueOn = form.date('papersDueOn', { label: 'Papers deadline' });
    if (meetingOn && papersDueOn && papersDueOn > meetingOn)
      form.problem(
        'papersDueOn',
        'Papers deadline must be on or before the date of the meeting',
        'papersDueOn-day',
      );
    const reminderDaysBefore = form.whole('reminderDaysBefore', {
      min: 0,
      max: 60,
      required: 'Enter the number of days before the deadline to remind sponsors',
      invalid: 'Days before the deadline must be a whole number from 0 to 60',
    });
    return form.result({ meetingOn: meetingOn ?? '', papersDueOn, reminderDaysBefore });
  },
  toValues: (m) => ({ reminderDaysBefore: String(m.reminderDaysBefore) }),
};
