import { z } from 'zod';
import { boardKinds, type BoardKind } from '../../domain/board-cycle.ts';
import { meetingKindNames, meetingKinds, type MeetingKind } from '../../domain/meetings/vocabulary.ts';
import type { RecordForm } from '../forms/fields.ts';
import { parseForm, type FormResult } from '../forms/parse.ts';
import { choice, date, optionalKnownId, problem, text, whole } from '../forms/validate.ts';
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
    // The plan is checked first, so its problem heads the summary as it always has.
    const schema = z.object({
      planId: optionalKnownId(
        ctx.plans.map((p) => p.id),
        'Select a plan from the list',
      ),
      name: text('Name of the board', { max: 200, required: 'Enter the name of the board' }),
      kind: choice(boardKinds, 'Select the kind of board'),
    });
    return parseForm(schema, values);
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
  read(values, ctx): FormResult<MemberData> {
    // Who the member is, then the role: the summary keeps the order this form has always given.
    const schema = z
      .object({
        userId: optionalKnownId(
          ctx.people.map((p) => p.id),
          'Select a person from the list',
        ),
        name: text('Name', { max: 200 }),
        email: text('Email address', { max: 320 }),
      })
      .superRefine((data, check) => {
        if (data.userId === null && data.name === '')
          problem(check, 'name', 'Select a person or enter their name');
        if (data.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(data.email))
          problem(check, 'email', 'Enter an email address in the correct format, like name@example.com');
      })
      .and(z.object({ role: text('Role on the board', { max: 200 }) }));
    const result = parseForm(schema, values);
    if (!result.ok) return result;
    const { userId, name, email, role } = result.data;
    const chosen = ctx.people.find((p) => p.id === userId);
    return {
      ok: true,
      data: {
        userId,
        name: name || chosen?.name || '',
        email: email || chosen?.email || '',
        role,
      },
    };
  },
  toValues: (m) => ({ userId: m.userId ? String(m.userId) : '', name: m.name, email: m.email, role: m.role }),
};

export interface MeetingData {
  kind: MeetingKind;
  meetingOn: string;
  papersDueOn: string | null;
  reminderDaysBefore: number;
}

export const meetingForm: RecordForm<unknown, MeetingData, MeetingData> = {
  fields: () => [
    {
      kind: 'radios',
      name: 'kind',
      label: 'Kind of meeting',
      items: meetingKinds.map((k) => ({ value: k, text: meetingKindNames[k] })),
    },
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
    // The deadline is checked against the meeting before the reminder is read, in field order.
    const schema = z
      .object({
        // A form from before meetings had kinds sends none: that is a board meeting.
        kind: z.preprocess(
          (v) => (v === '' || v === undefined ? 'board' : v),
          choice(meetingKinds, 'Select the kind of meeting'),
        ),
        meetingOn: date('Date of the meeting', { required: 'Enter the date of the meeting' }),
        papersDueOn: date('Papers deadline'),
      })
      .superRefine(({ meetingOn, papersDueOn }, ctx) => {
        if (meetingOn && papersDueOn && papersDueOn > meetingOn)
          problem(ctx, 'papersDueOn', 'Papers deadline must be on or before the date of the meeting', 'day');
      })
      .and(
        z.object({
          reminderDaysBefore: whole({
            min: 0,
            max: 60,
            required: 'Enter the number of days before the deadline to remind sponsors',
            invalid: 'Days before the deadline must be a whole number from 0 to 60',
          }),
        }),
      );
    return parseForm(schema, values);
  },
  toValues: (m) => ({ kind: m.kind, reminderDaysBefore: String(m.reminderDaysBefore) }),
};
