import assert from 'node:assert/strict';
import test from 'node:test';
import { boardKinds } from '../../domain/board-cycle.ts';
import { defaultCouncilRagScale } from '../../domain/council-rag-scale.ts';
import type { FormResult } from '../forms/parse.ts';
import { boardForm, meetingForm, memberForm } from './forms.ts';
import { readRagScale } from './rag-scale-form.ts';
import { readReportForm, type ReportFormContext } from './report-form.ts';

/* The board cycle's forms: each message, its place in the error summary and its link. */

const summary = <T>(result: FormResult<T>) => (result.ok ? [] : result.errors.list);
const data = <T>(result: FormResult<T>): T => {
  assert.ok(result.ok, JSON.stringify(!result.ok && result.errors.list));
  return result.data;
};
const long = (n: number) => 'x'.repeat(n);

test('the board form: an unknown plan heads the summary, then the name and the kind', () => {
  const plans = [{ id: 5, title: 'Plan' }];
  assert.deepEqual(summary(boardForm.read({ name: '', kind: 'club', planId: '9' }, { plans })), [
    { text: 'Select a plan from the list', href: '#planId' },
    { text: 'Enter the name of the board', href: '#name' },
    { text: 'Select the kind of board', href: '#kind' },
  ]);
  assert.deepEqual(summary(boardForm.read({ name: long(201), kind: boardKinds[0], planId: '' }, { plans })), [
    { text: 'Name of the board must be 200 characters or fewer', href: '#name' },
  ]);
  assert.deepEqual(data(boardForm.read({ name: ' Board ', kind: boardKinds[1], planId: '' }, { plans })), {
    name: 'Board',
    kind: boardKinds[1],
    planId: null,
  });
  assert.deepEqual(
    data(boardForm.read({ name: 'Board', kind: boardKinds[0], planId: '5' }, { plans })).planId,
    5,
  );
});

const people = [{ id: 7, name: 'Ada Lovelace', email: 'ada@council.example' }];

test('the member form: a person or a name, then the email address, then the role', () => {
  assert.deepEqual(summary(memberForm.read({ userId: '', name: '', email: '', role: '' }, { people })), [
    { text: 'Select a person or enter their name', href: '#name' },
  ]);
  assert.deepEqual(
    summary(memberForm.read({ userId: '99', name: long(201), email: '', role: '' }, { people })),
    [
      { text: 'Select a person from the list', href: '#userId' },
      { text: 'Name must be 200 characters or fewer', href: '#name' },
    ],
  );
  // An unknown person is its own problem: no name is asked for as well.
  assert.deepEqual(summary(memberForm.read({ userId: '99', name: '', email: '', role: '' }, { people })), [
    { text: 'Select a person from the list', href: '#userId' },
  ]);
});

test('the member form lists its problems in the order it has always given them', () => {
  // The email's length is checked before a missing name is noticed, and its format after.
  assert.deepEqual(
    summary(memberForm.read({ userId: '', name: '', email: long(321), role: long(201) }, { people })),
    [
      { text: 'Email address must be 320 characters or fewer', href: '#email' },
      { text: 'Select a person or enter their name', href: '#name' },
      { text: 'Role on the board must be 200 characters or fewer', href: '#role' },
    ],
  );
  assert.deepEqual(
    summary(memberForm.read({ userId: '', name: '', email: 'not an address', role: long(201) }, { people })),
    [
      { text: 'Select a person or enter their name', href: '#name' },
      { text: 'Enter an email address in the correct format, like name@example.com', href: '#email' },
      { text: 'Role on the board must be 200 characters or fewer', href: '#role' },
    ],
  );
});

test('a member chosen from the list takes their name and email address unless others are typed', () => {
  assert.deepEqual(
    data(memberForm.read({ userId: '7', name: '', email: '', role: ' Independent chair ' }, { people })),
    { userId: 7, name: 'Ada Lovelace', email: 'ada@council.example', role: 'Independent chair' },
  );
  assert.deepEqual(
    data(
      memberForm.read({ userId: '7', name: 'A. Lovelace', email: 'al@example.org', role: '' }, { people }),
    ),
    { userId: 7, name: 'A. Lovelace', email: 'al@example.org', role: '' },
  );
  assert.deepEqual(
    data(memberForm.read({ userId: '', name: 'Bo Stone', email: 'bo@example.org', role: '' }, { people })),
    { userId: null, name: 'Bo Stone', email: 'bo@example.org', role: '' },
  );
});

const dates = (name: string, day: string, month: string, year: string) => ({
  [`${name}-day`]: day,
  [`${name}-month`]: month,
  [`${name}-year`]: year,
});

test('the meeting form: a papers deadline after the meeting links to its day, in field order', () => {
  assert.deepEqual(
    summary(
      meetingForm.read(
        {
          ...dates('meetingOn', '10', '9', '2024'),
          ...dates('papersDueOn', '11', '9', '2024'),
          reminderDaysBefore: '61',
        },
        null,
      ),
    ),
    [
      { text: 'Papers deadline must be on or before the date of the meeting', href: '#papersDueOn-day' },
      { text: 'Days before the deadline must be a whole number from 0 to 60', href: '#reminderDaysBefore' },
    ],
  );
  assert.deepEqual(summary(meetingForm.read({}, null)), [
    { text: 'Enter the date of the meeting', href: '#meetingOn-day' },
    { text: 'Enter the number of days before the deadline to remind sponsors', href: '#reminderDaysBefore' },
  ]);
});

test('the meeting form links a date problem to the first wrong box', () => {
  assert.deepEqual(
    summary(
      meetingForm.read(
        {
          ...dates('meetingOn', '10', '', '2024'),
          ...dates('papersDueOn', '', '9', ''),
          reminderDaysBefore: 'a',
        },
        null,
      ),
    ),
    [
      { text: 'Date of the meeting must include a month', href: '#meetingOn-month' },
      { text: 'Papers deadline must include a day and year', href: '#papersDueOn-day' },
      { text: 'Days before the deadline must be a whole number from 0 to 60', href: '#reminderDaysBefore' },
    ],
  );
});

test('a meeting reads as ISO dates and a number; no papers deadline is null', () => {
  assert.deepEqual(
    data(
      meetingForm.read(
        {
          ...dates('meetingOn', '10', '12', '2024'),
          ...dates('papersDueOn', '3', '12', '2024'),
          reminderDaysBefore: '3',
        },
        null,
      ),
    ),
    // A form that sends no kind is a board meeting.
    { kind: 'board', meetingOn: '2024-12-10', papersDueOn: '2024-12-03', reminderDaysBefore: 3 },
  );
  assert.deepEqual(
    data(
      meetingForm.read(
        { kind: 'deep-dive', ...dates('meetingOn', '10', '12', '2024'), reminderDaysBefore: '0' },
        null,
      ),
    ),
    { kind: 'deep-dive', meetingOn: '2024-12-10', papersDueOn: null, reminderDaysBefore: 0 },
  );
});

const reportContext: ReportFormContext = {
  scale: defaultCouncilRagScale(),
  areas: [
    { id: 11, title: 'Supervision' },
    { id: null, title: 'Other' },
  ],
  commitments: [{ id: 3, text: 'We said' }],
  measures: [{ id: 4, name: 'Visits' }],
};

test('the highlight report form lists every problem in the order of the form, area by area', () => {
  const result = readReportForm(
    {
      values: {
        currentRag: 'purple',
        reason: long(5001),
        completedBy: long(201),
        'progress-11': long(20001),
        'next-other': long(20001),
      },
      commitmentIds: ['3', '9'],
      measureIds: ['x'],
    },
    reportContext,
  );
  assert.deepEqual(summary(result), [
    { text: 'Select the current RAG status from the list', href: '#currentRag' },
    { text: 'Reason for RAG must be 5,000 characters or fewer', href: '#reason' },
    { text: 'Report completed by must be 200 characters or fewer', href: '#completedBy' },
    { text: 'Summary of progress since last board must be 20,000 characters or fewer', href: '#progress-11' },
    { text: 'Activity for the next period must be 20,000 characters or fewer', href: '#next-other' },
    { text: 'Select commitments from the list', href: '#commitmentIds' },
    { text: 'Select measures from the list', href: '#measureIds' },
  ]);
});

test('a highlight report reads the status with its definition, each area’s lists and the links once each', () => {
  const red = reportContext.scale.find((s) => s.code === 'red')!;
  assert.deepEqual(
    data(
      readReportForm(
        {
          values: {
            currentRag: 'red',
            reason: ' Late ',
            completedBy: 'Ada',
            'progress-11': '- Audit done\n  - Ten cases',
            'next-11': '',
            'progress-other': '',
            'next-other': '- Recruit',
          },
          commitmentIds: ['3', '3'],
          measureIds: [],
        },
        reportContext,
      ),
    ),
    {
      currentRag: 'red',
      currentRagDefinition: red.definition,
      reason: 'Late',
      completedBy: 'Ada',
      areas: [
        {
          areaId: 11,
          progress: [
            { text: 'Audit done', depth: 0 },
            { text: 'Ten cases', depth: 1 },
          ],
          nextPeriod: [],
        },
        { areaId: null, progress: [], nextPeriod: [{ text: 'Recruit', depth: 0 }] },
      ],
      commitmentIds: [3],
      measureIds: [],
    },
  );
  const none = data(readReportForm({ values: {}, commitmentIds: [], measureIds: [] }, reportContext));
  assert.equal(none.currentRag, '');
  assert.equal(none.currentRagDefinition, '');
});

const scale = defaultCouncilRagScale();
const scaleValues = Object.fromEntries(
  scale.flatMap((s) => [
    [`label-${s.code}`, s.label],
    [`meaning-${s.code}`, s.meaning],
    [`definition-${s.code}`, s.definition],
  ]),
);

test('the RAG scale form lists each status’s problems in scale order, then the new status', () => {
  const result = readRagScale(
    {
      ...scaleValues,
      'label-amber': '',
      'meaning-amber': long(61),
      'definition-red': '',
      newLabel: '!!!',
      newDefinition: long(2001),
    },
    scale,
  );
  assert.deepEqual(summary(result), [
    { text: 'Enter a definition for Red', href: '#definition-red' },
    { text: 'Enter a name for the status Amber', href: '#label-amber' },
    { text: 'Short meaning must be 60 characters or fewer', href: '#meaning-amber' },
    { text: 'Definition of the new status must be 2,000 characters or fewer', href: '#newDefinition' },
    { text: 'Enter a name for the new status, using letters or numbers', href: '#newLabel' },
  ]);
});

test('a new status needs a name and a definition, and the scale must still hold together', () => {
  assert.deepEqual(summary(readRagScale({ ...scaleValues, newLabel: 'Not started' }, scale)), [
    { text: 'Enter a definition for the new status', href: '#newDefinition' },
  ]);
  assert.deepEqual(summary(readRagScale({ ...scaleValues, newDefinition: 'Not begun' }, scale)), [
    { text: 'Enter a name for the new status, using letters or numbers', href: '#newLabel' },
  ]);
  assert.deepEqual(
    summary(readRagScale({ ...scaleValues, newLabel: 'At risk', newDefinition: 'Again' }, scale)),
    [{ text: '"at risk" names both amber and at-risk', href: '#newLabel' }],
  );
  // The scale's own rule is listed with the new status even when the problem is elsewhere.
  assert.deepEqual(summary(readRagScale({ ...scaleValues, 'label-green': 'Red' }, scale)), [
    { text: '"red" names both red and green', href: '#newLabel' },
  ]);
  assert.deepEqual(summary(readRagScale({ ...scaleValues, newLabel: long(61), newDefinition: 'x' }, scale)), [
    { text: 'Name of the new status must be 60 characters or fewer', href: '#newLabel' },
  ]);
});

test('the RAG scale reads as typed, with a new local status added at the end', () => {
  const result = data(
    readRagScale(
      {
        ...scaleValues,
        'label-amber': ' Yellow ',
        newLabel: 'Not started',
        newDefinition: 'Work has not begun.',
      },
      scale,
    ),
  );
  assert.deepEqual(
    result.map((s) => [s.code, s.label]),
    [
      ['red', 'Red'],
      ['amber', 'Yellow'],
      ['green', 'Green'],
      ['blue', 'Blue'],
      ['not-started', 'Not started'],
    ],
  );
  assert.deepEqual(result.at(-1), {
    code: 'not-started',
    label: 'Not started',
    meaning: '',
    definition: 'Work has not begun.',
    rank: null,
    stance: 'local',
    colour: '#b1b4b6',
    colourClass: 'govuk-tag--grey',
  });
  assert.deepEqual(result[0], scale[0]);
});
