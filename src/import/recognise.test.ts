import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { emptyDocument } from './ledger.ts';
import { analyseDocument, extractors, notRecognisedMessage, summarise } from './recognise.ts';
import { toSourceLines } from './text.ts';
import { documentKinds, type DocumentExtractor } from './types.ts';

const fixture = (name: string) =>
  toSourceLines(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

const zeroCounts = {
  priorities: 0,
  areas: 0,
  commitments: 0,
  outcomes: 0,
  highlightReports: 0,
  progressItems: 0,
  nextPeriodItems: 0,
  measures: 0,
  observations: 0,
  feedback: 0,
  standards: 0,
  sections: 0,
};

describe('analyseDocument', () => {
  it('registers one extractor for every kind of document', () => {
    assert.deepEqual(extractors.map((e) => e.kind).sort(), [...documentKinds].sort());
  });

  it('imports the "We said, We did" seed and sums it up', () => {
    const result = analyseDocument(fixture('seeds/000-we-said-we-did.txt'));
    assert.ok(result.ok, result.ok ? '' : result.message);
    const { needsReview, ...summary } = result.summary;
    assert.deepEqual(summary, {
      kind: 'we-said-we-did',
      lines: { nonBlank: 152, placed: 152, unplaced: 0 },
      counts: { ...zeroCounts, priorities: 7, commitments: 30, outcomes: 36, sections: 1 },
      unplaced: [],
    });
    assert.equal(needsReview.length, 5);
  });

  it('imports the highlight report seed and sums it up', () => {
    const result = analyseDocument(fixture('seeds/001-highlight-report-pack.txt'));
    assert.ok(result.ok, result.ok ? '' : result.message);
    assert.deepEqual(result.summary, {
      kind: 'highlight-report-pack',
      lines: { nonBlank: 154, placed: 154, unplaced: 0 },
      counts: {
        ...zeroCounts,
        priorities: 4,
        areas: 12,
        highlightReports: 4,
        progressItems: 63,
        nextPeriodItems: 28,
      },
      needsReview: [],
      unplaced: [],
    });
  });

  it('recognises other councils’ versions of the same kinds', () => {
    const weSaid = analyseDocument(fixture('we-said-we-did-northshire.txt'));
    assert.equal(weSaid.ok && weSaid.document.kind, 'we-said-we-did');
    const pack = analyseDocument(fixture('highlight-report-westborough.md'));
    assert.equal(pack.ok && pack.document.kind, 'highlight-report-pack');
  });

  it('names the kinds it knows when it does not recognise a document', () => {
    const result = analyseDocument(toSourceLines('Shopping list\n\nEggs\nMilk'));
    assert.deepEqual(result, {
      ok: false,
      message:
        'This document was not recognised. Wesaid can import a "We said, We did" progress report, a highlight report pack, an improvement plan, a Cabinet or committee report or a scrutiny presentation',
    });
    assert.equal(notRecognisedMessage(), result.ok ? '' : result.message);
    assert.deepEqual(analyseDocument(toSourceLines('\n  \n')), {
      ok: false,
      message: 'The document has no text in it',
    });
  });

  it('picks the highest score, the first listed on a tie, and ignores scores below the threshold', () => {
    const fake = (kind: DocumentExtractor['kind'], score: number): DocumentExtractor => ({
      kind,
      recognise: () => score,
      extract: () => emptyDocument(kind, kind),
    });
    const lines = toSourceLines('x');
    const pick = (registry: DocumentExtractor[]) => {
      const result = analyseDocument(lines, registry);
      return result.ok ? result.document.kind : undefined;
    };
    assert.equal(pick([fake('cabinet-report', 0.6), fake('improvement-plan', 0.9)]), 'improvement-plan');
    assert.equal(pick([fake('cabinet-report', 0.7), fake('improvement-plan', 0.7)]), 'cabinet-report');
    assert.equal(pick([fake('cabinet-report', 0.49), fake('improvement-plan', Number.NaN)]), undefined);
  });

  it('reports an extractor that fails instead of throwing', () => {
    const broken: DocumentExtractor = {
      kind: 'cabinet-report',
      recognise: () => 1,
      extract: () => {
        throw new Error('bug');
      },
    };
    const unsure: DocumentExtractor = {
      ...broken,
      recognise: () => {
        throw new Error('bug');
      },
    };
    const result = analyseDocument(toSourceLines('x'), [unsure, broken]);
    assert.equal(result.ok, false);
    assert.equal(
      result.ok ? '' : result.message,
      'This looks like a Cabinet or committee report, but Wesaid could not read it. Check the file, or enter the plan by hand',
    );
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
        ),
        (text) => {
          const result = analyseDocument(toSourceLines(text));
          if (result.ok) {
            const { lines } = result.summary;
            assert.equal(lines.placed + lines.unplaced, lines.nonBlank);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('summarise', () => {
  it('gives the CLI’s JSON, keys in order, counting nested items and each area once', () => {
    const doc = emptyDocument('highlight-report-pack', 'Pack');
    const item = (text: string, children: string[] = []) => ({
      text,
      lines: [1],
      children: children.map((c) => ({ text: c, lines: [1], children: [] })),
    });
    doc.priorities.push({
      number: 1,
      title: 'Safety',
      impactForChildren: [],
      whatWeWillDo: [],
      areas: [
        { title: 'Front door', lines: [1] },
        { title: 'Only in the plan', lines: [1] },
      ],
      commitments: [{ text: 'c', outcomes: [{ text: 'o', lines: [1] }], lines: [1] }],
      lines: [1],
    });
    doc.highlightReports.push({
      priorityNumber: 1,
      priorityTitle: 'Safety',
      sponsor: '',
      reason: '',
      completedBy: '',
      meetingLabel: '',
      meetingDate: '',
      areas: [
        { title: 'Front door', progress: [item('a', ['a1', 'a2'])], nextPeriod: [item('b')], lines: [1] },
        { title: 'Front door', progress: [], nextPeriod: [], lines: [1] },
      ],
      lines: [1],
    });
    doc.measures.push({
      name: 'm',
      unit: 'count',
      statement: 's',
      observations: [{ period: '2024-01', value: 1, lines: [1] }],
      lines: [1],
    });
    doc.unplaced.push({ number: 9, text: 'stray' });
    doc.needsReview.push({ message: 'check', lines: [9] });
    const summary = summarise(doc, 10);
    assert.deepEqual(Object.keys(summary), ['kind', 'lines', 'counts', 'needsReview', 'unplaced']);
    assert.deepEqual(Object.keys(summary.counts), Object.keys(zeroCounts));
    assert.deepEqual(summary, {
      kind: 'highlight-report-pack',
      lines: { nonBlank: 10, placed: 9, unplaced: 1 },
      counts: {
        ...zeroCounts,
        priorities: 1,
        areas: 2,
        commitments: 1,
        outcomes: 1,
        highlightReports: 1,
        progressItems: 3,
        nextPeriodItems: 1,
        measures: 1,
        observations: 1,
      },
      needsReview: [{ message: 'check', lines: [9] }],
      unplaced: [{ number: 9, text: 'stray' }],
    });
  });
});
