import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Publication } from '../../db/publishing/queries.ts';
import { measuresCsv, progressCsv } from './open-data.ts';

// Open data is opened in spreadsheets: a title written as a formula must arrive as text (issue 14).
const formula = "=cmd|' /C calc'!A0";

const publication = {
  id: 7,
  publishedAt: new Date(Date.UTC(2025, 0, 15)),
  plan: {
    quarter: { label: 'Quarter 3, 2024/25', start: '2024-10-01', end: '2024-12-31' },
    plan: { title: '+Improvement plan' },
    priorities: [
      {
        number: 1,
        title: formula,
        progress: { total: 2, done: 1, inProgress: 1, notStarted: 0, dropped: 0 },
      },
    ],
    measures: [
      {
        name: '@Children seen',
        unit: 'count',
        polarity: 'context',
        target: null,
        series: [{ period: '2024-12', periodLabel: 'December 2024', value: -3, suppression: null }],
      },
    ],
  },
} as unknown as Publication;

test('progress.csv and measures.csv write text that would run as a formula as text, and keep numbers', () => {
  const progress = parse<Record<string, string>>(progressCsv([publication]), { columns: true });
  assert.equal(progress[0]!.priority_title, `'${formula}`);
  assert.equal(progress[0]!.plan_title, "'+Improvement plan");
  assert.equal(progress[0]!.commitments, '2');
  const measures = parse<Record<string, string>>(measuresCsv(publication), { columns: true });
  assert.equal(measures[0]!.measure, "'@Children seen");
  assert.equal(measures[0]!.value, '-3');
});
