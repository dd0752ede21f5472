import assert from 'node:assert/strict';
import test from 'node:test';
import { z } from 'zod';
import { parseForm } from './parse.ts';
import { choice, date, knownIds, optionalKnownId, problem, refuse, text, whole } from './validate.ts';

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

test('an optional select among known records: none is null, an id must be one of them', () => {
  const form = z.object({ planId: optionalKnownId([5, 6], 'Select a plan from the list') });
  assert.deepEqual(parseForm(form, { planId: '' }), { ok: true, data: { planId: null } });
  assert.deepEqual(parseForm(form, {}), { ok: true, data: { planId: null } });
  assert.deepEqual(parseForm(form, { planId: '6' }), { ok: true, data: { planId: 6 } });
  const unknown = parseForm(form, { planId: '7' });
  assert.deepEqual(!unknown.ok && unknown.errors.list, [
    { text: 'Select a plan from the list', href: '#planId' },
  ]);
});

test('checkboxes among known records: one, several or none, each once; any other is refused', () => {
  const form = z.object({ measureIds: knownIds([3, 4], 'Select measures from the list') });
  assert.deepEqual(parseForm(form, {}), { ok: true, data: { measureIds: [] } });
  assert.deepEqual(parseForm(form, { measureIds: '4' }), { ok: true, data: { measureIds: [4] } });
  assert.deepEqual(parseForm(form, { measureIds: ['4', '3', '4'] }), {
    ok: true,
    data: { measureIds: [4, 3] },
  });
  for (const measureIds of [['3', '9'], ['x'], [''], '5']) {
    const refused = parseForm(form, { measureIds });
    assert.deepEqual(!refused.ok && refused.errors.list, [
      { text: 'Select measures from the list', href: '#measureIds' },
    ]);
  }
});

test('a form in parts lists a part’s cross-field problems before the next part’s, dates read from their boxes', () => {
  const form = z
    .object({
      startsOn: date('Start date', { required: 'Enter the start date' }),
      endsOn: date('End date'),
    })
    .superRefine((data, ctx) => {
      if (data.endsOn && data.endsOn < data.startsOn)
        problem(ctx, 'endsOn', 'End date must be on or after the start date', 'day');
    })
    .and(z.object({ note: text('Note', { max: 3 }) }));
  const boxes = (name: string, day: string) => ({
    [`${name}-day`]: day,
    [`${name}-month`]: '3',
    [`${name}-year`]: '2025',
  });
  const result = parseForm(form, { ...boxes('startsOn', '10'), ...boxes('endsOn', '9'), note: 'long' });
  assert.deepEqual(!result.ok && result.errors.list, [
    { text: 'End date must be on or after the start date', href: '#endsOn-day' },
    { text: 'Note must be 3 characters or fewer', href: '#note' },
  ]);
  assert.deepEqual(parseForm(form, boxes('startsOn', '10')), {
    ok: true,
    data: { startsOn: '2025-03-10', endsOn: null, note: '' },
  });
});
