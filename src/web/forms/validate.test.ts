import assert from 'node:assert/strict';
import test from 'node:test';
import { z } from 'zod';
import { parseForm } from './parse.ts';
import { choice, date, problem, refuse, text, whole } from './validate.ts';

const planForm = z
  .object({
    title: text('Title', { max: 10, required: 'Enter a title' }),
    number: whole({ min: 1, max: 99, required: 'Enter the number', invalid: 'Number must be from 1 to 99' }),
    status: choice(['draft', 'adopted'], 'Select the status'),
    adoptedOn: date('Date adopted'),
  })
  .superRefine((data, ctx) => {
    if (data.status === 'adopted' && !data.adoptedOn)
      problem(ctx, 'adoptedOn', 'Enter the date adopted', 'day');
  });

test('a good form gives typed data: trimmed text, numbers, a choice and an ISO date', () => {
  const result = parseForm(planForm, {
    title: '  Plan  ',
    number: '3',
    status: 'adopted',
    'adoptedOn-day': '22',
    'adoptedOn-month': '3',
    'adoptedOn-year': '2017',
  });
  assert.deepEqual(result, {
    ok: true,
    data: { title: 'Plan', number: 3, status: 'adopted', adoptedOn: '2017-03-22' },
  });
});

test('every problem is listed in field order, each linked to its field or date box, cross-field rules last', () => {
  const result = parseForm(planForm, { title: 'x'.repeat(11), number: 'a', status: 'adopted' });
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(result.errors.list, [
    { text: 'Title must be 10 characters or fewer', href: '#title' },
    { text: 'Number must be from 1 to 99', href: '#number' },
    { text: 'Enter the date adopted', href: '#adoptedOn-day' },
  ]);
  assert.deepEqual(result.errors.byField.number, { text: 'Number must be from 1 to 99' });
});

test('an empty required field, a repeated field and an unknown choice each get their own message', () => {
  const result = parseForm(planForm, { title: ['a', 'b'], status: 'closed' });
  assert.equal(result.ok, false);
  if (result.ok) return;
  assert.deepEqual(
    result.errors.list.map((e) => e.text),
    ['Enter a title', 'Enter the number', 'Select the status'],
  );
});

test('a date links to the box that is wrong', () => {
  const form = z.object({ dueOn: date('Due date', { required: 'Enter the due date' }) });
  const missingMonth = parseForm(form, { 'dueOn-day': '1', 'dueOn-month': '', 'dueOn-year': '2025' });
  assert.deepEqual(!missingMonth.ok && missingMonth.errors.list, [
    { text: 'Due date must include a month', href: '#dueOn-month' },
  ]);
  const empty = parseForm(form, {});
  assert.deepEqual(!empty.ok && empty.errors.list, [{ text: 'Enter the due date', href: '#dueOn-day' }]);
});

test('a body that is not a form is read as an empty form', () => {
  const result = parseForm(planForm, 'nonsense');
  assert.equal(result.ok, false);
});

test('a field the browser did not send gets its own message, not a generic one', () => {
  const form = z.object({
    definition: text('Definition', { max: 5 }).transform((v, ctx) => {
      if (v === '') refuse(ctx, 'Enter a definition');
      return v;
    }),
  });
  const result = parseForm(form, {});
  assert.deepEqual(!result.ok && result.errors.list, [{ text: 'Enter a definition', href: '#definition' }]);
});
