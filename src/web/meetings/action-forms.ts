import { z } from 'zod';
import type { ActionInput } from '../../db/meetings/commands.ts';
import type { MeetingAction } from '../../db/meetings/queries.ts';
import {
  actionStatusNames,
  actionStatuses,
  closingStatuses,
  type ClosingStatus,
} from '../../domain/meetings/vocabulary.ts';
import { dateToFormValues, type RecordForm } from '../forms/fields.ts';
import { parseForm } from '../forms/parse.ts';
import { choice, date, optionalKnownId, problem, text } from '../forms/validate.ts';

/* The forms of an action: raising or changing it, closing it, and adding a dated update. */

export interface ActionFormContext {
  items: { id: number; position: number; title: string }[];
  people: { id: number; name: string }[];
}

export const actionForm: RecordForm<ActionFormContext, ActionInput, MeetingAction> = {
  fields: (ctx) => [
    { kind: 'textarea', name: 'description', label: 'Action', hint: 'What is to be done', rows: 3 },
    {
      kind: 'select',
      name: 'agendaItemId',
      label: 'Arising from (optional)',
      items: [
        { value: '', text: 'Not from one item' },
        ...ctx.items.map((i) => ({ value: String(i.id), text: `${i.position}. ${i.title}` })),
      ],
    },
    {
      kind: 'select',
      name: 'ownerUserId',
      label: 'Owner',
      items: [
        { value: '', text: 'Owner without an account' },
        ...ctx.people.map((p) => ({ value: String(p.id), text: p.name })),
      ],
    },
    {
      kind: 'input',
      name: 'ownerName',
      label: 'Owner’s name, if they have no account',
      hint: 'For example, a partner agency or a named officer',
      classes: 'govuk-input--width-20',
    },
    { kind: 'date', name: 'dueOn', label: 'Due (optional)', hint: 'For example, 15 10 2024' },
    {
      kind: 'radios',
      name: 'status',
      label: 'Status',
      items: actionStatuses.map((s) => ({ value: s, text: actionStatusNames[s] })),
    },
  ],
  read(values, ctx) {
    const schema = z
      .object({
        description: text('Action', { max: 2000, required: 'Enter the action' }),
        agendaItemId: optionalKnownId(
          ctx.items.map((i) => i.id),
          'Select the agenda item from the list',
        ),
        ownerUserId: optionalKnownId(
          ctx.people.map((p) => p.id),
          'Select an owner from the list',
        ),
        ownerName: text('Owner’s name', { max: 200 }),
        dueOn: date('Due'),
        status: choice(actionStatuses, 'Select the status of the action'),
      })
      .superRefine((data, rctx) => {
        if (data.ownerUserId === null && data.ownerName === '')
          problem(rctx, 'ownerUserId', 'Select an owner, or enter the name of an owner without an account');
      });
    return parseForm(schema, values);
  },
  toValues: (a) => ({
    description: a.description,
    agendaItemId: a.agendaItemId ? String(a.agendaItemId) : '',
    ownerUserId: a.ownerUserId ? String(a.ownerUserId) : '',
    ownerName: a.ownerName,
    ...dateToFormValues('dueOn', a.dueOn),
    status: a.status,
  }),
};

export const closeActionForm: RecordForm<unknown, { status: ClosingStatus; note: string }, MeetingAction> = {
  fields: () => [
    {
      kind: 'radios',
      name: 'status',
      label: 'How did the action end?',
      items: closingStatuses.map((s) => ({ value: s, text: actionStatusNames[s] })),
    },
    {
      kind: 'textarea',
      name: 'note',
      label: 'Closing note (optional)',
      hint: 'Added to the action’s updates, with today’s date',
      rows: 3,
    },
  ],
  read(values) {
    const schema = z.object({
      status: choice(closingStatuses, 'Select whether the action is done or dropped'),
      note: text('Closing note', { max: 5000 }),
    });
    return parseForm(schema, values);
  },
  toValues: (a) => ({ status: a.status, note: '' }),
};

export const actionUpdateForm: RecordForm<unknown, { text: string }, { text: string }> = {
  fields: () => [
    { kind: 'textarea', name: 'text', label: 'Update', hint: 'Where the action stands today', rows: 4 },
  ],
  read(values) {
    return parseForm(z.object({ text: text('Update', { max: 5000, required: 'Enter the update' }) }), values);
  },
  toValues: (u) => ({ text: u.text }),
};
