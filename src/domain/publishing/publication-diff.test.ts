import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeChange, diffPublications } from './publication-diff.ts';
import { emptyProgress, type PublicCommitment, type PublishedPlan } from './snapshot.ts';

const commitment = (
  reference: string,
  text: string,
  extra: Partial<PublicCommitment> = {},
): PublicCommitment => ({
  reference,
  text,
  plainText: '',
  status: 'in-progress',
  dueOn: null,
  outcomes: [],
  ...extra,
});

const plan = (commitments: PublicCommitment[], measures: PublishedPlan['measures'] = []): PublishedPlan => ({
  schemaVersion: 1,
  council: 'Fixtureshire',
  plan: { title: 'Plan', period: '2024 to 2026' },
  quarter: { label: 'Quarter 3, 2024/25', start: '2024-10-01', end: '2024-12-31' },
  priorities: [
    {
      number: 1,
      title: 'Early help',
      plainTitle: '',
      ambition: '',
      sponsor: '',
      progress: emptyProgress(),
      commitments,
    },
  ],
  progress: emptyProgress(),
  measures,
  glossary: [],
  targetReadingAge: 11,
});

const measure = (periods: string[]): PublishedPlan['measures'][number] => ({
  name: 'Children in care',
  definition: '',
  unit: 'count',
  polarity: 'context',
  frequency: 'monthly',
  target: null,
  series: periods.map((p) => ({ period: p, periodLabel: p, value: 1, suppression: null, valueText: '1' })),
});

test('the changes since the last publication: added, removed, reworded, status and outcomes, figures', () => {
  const before = plan(
    [commitment('1.1', 'Open four hubs'), commitment('1.2', 'Train staff'), commitment('1.3', 'Old')],
    [measure(['2024-09'])],
  );
  const after = plan(
    [
      commitment('1.1', 'Open four hubs', {
        status: 'done',
        outcomes: [{ text: 'Four hubs open', plainText: '', achievedOn: null }],
      }),
      commitment('1.2', 'Train all staff'),
      commitment('1.4', 'New work'),
    ],
    [measure(['2024-09', '2024-10'])],
  );
  assert.deepEqual(diffPublications(before, after).map(describeChange), [
    '“We said” 1.1 changed from In progress to Done: Open four hubs',
    'New “We did” under 1.1: Four hubs open',
    '“We said” 1.2 reworded: Train all staff (was: Train staff)',
    'New “We said” 1.4: New work',
    '“We said” 1.3 removed: Old',
    'New figures for Children in care: 2024-10',
  ]);
});

test('nothing changed reads as no changes; a first publication is all new', () => {
  const same = plan([commitment('1.1', 'Open four hubs')]);
  assert.deepEqual(diffPublications(same, same), []);
  assert.deepEqual(
    diffPublications(null, same).map((c) => c.kind),
    ['priority-added', 'commitment-added'],
  );
});
