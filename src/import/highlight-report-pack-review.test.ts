import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertNothingLost } from './fixtures/account.ts';
import { highlightReportPackExtractor, parseRag } from './highlight-report-pack.ts';
import { toSourceLines } from './text.ts';

const fixture = (name: string) =>
  toSourceLines(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('Highlight report pack: what a person must see', () => {
  it('merges a section label repeated within one area, in order, and flags it', () => {
    const lines = toSourceLines(
      [
        'Priority\t1. Safety',
        'Current RAG Status\tRed',
        'What needs to improve: Front door',
        'Summary of progress since last board:',
        '- a',
        'Activity for the next period:',
        '- b',
        'Summary of progress since last board:',
        '- c',
        'Activity for the next period:',
        '- d',
      ].join('\n'),
    );
    const doc = highlightReportPackExtractor.extract(lines);
    const area = doc.highlightReports[0]!.areas[0]!;
    assert.deepEqual(
      area.progress.map((i) => i.text),
      ['a', 'c'],
    );
    assert.deepEqual(
      area.nextPeriod.map((i) => i.text),
      ['b', 'd'],
    );
    assert.deepEqual(doc.needsReview, [
      {
        message:
          '"Summary of progress since last board" appears again on line 8 under "Front door". Its items were added to the same list: check they belong there.',
        lines: [8],
      },
      {
        message:
          '"Activity for the next period" appears again on line 10 under "Front door". Its items were added to the same list: check they belong there.',
        lines: [10],
      },
    ]);
    assertNothingLost(lines, doc);
  });

  it('flags a meeting date it cannot read and a priority with no number, and leaves stray text unplaced', () => {
    const lines = toSourceLines(
      [
        'Pack for the board',
        '',
        'Priority\tSafety first',
        'Report Completed By\tAna\tBoard Date\tnext Tuesday',
        'A loose remark',
        'What needs to improve: x',
        'Stray note before any list',
      ].join('\n'),
    );
    const doc = highlightReportPackExtractor.extract(lines);
    const report = doc.highlightReports[0]!;
    assert.equal(report.priorityNumber, 1);
    assert.equal(report.meetingDate, '');
    assert.equal(doc.title, 'Pack for the board');
    assert.deepEqual(
      doc.needsReview.map((n) => n.lines),
      [[3], [4]],
    );
    assert.deepEqual(
      doc.unplaced.map((l) => l.number),
      [5, 7],
    );
    assertNothingLost(lines, doc);
  });

  it('reads an area title from the lines after its label, and flags an area with no title', () => {
    const lines = toSourceLines(
      [
        'Priority\t1. Safety',
        'What needs to improve:',
        'The front',
        'door',
        '',
        'Summary of progress:',
        '- a',
        'Priority\t2. Homes',
        'Next steps:',
        '- b',
      ].join('\n'),
    );
    const doc = highlightReportPackExtractor.extract(lines);
    assert.deepEqual(
      doc.highlightReports.map((r) => r.areas.map((a) => [a.title, a.lines])),
      [[['The front door', [2, 3, 4, 6]]], [['', [9]]]],
    );
    assert.deepEqual(doc.needsReview, [
      {
        message: 'An area of priority 2 (line 9) has no "What needs to improve" title. Add one.',
        lines: [9],
      },
    ]);
    assertNothingLost(lines, doc);
  });

  it('joins an area whose heading is repeated after a page break, and flags it', () => {
    const lines = toSourceLines(
      [
        'Priority\t1. Safety',
        'What needs to improve: Front door',
        'Summary of progress:',
        '- a',
        'What needs to improve: FRONT DOOR',
        '- b',
      ].join('\n'),
    );
    const doc = highlightReportPackExtractor.extract(lines);
    const areas = doc.highlightReports[0]!.areas;
    assert.deepEqual(
      areas.map((a) => [a.title, a.lines, a.progress.map((i) => i.text)]),
      [['Front door', [2, 3, 5], ['a', 'b']]],
    );
    assert.deepEqual(doc.needsReview, [
      {
        message:
          '"FRONT DOOR" appears twice in priority 1 (lines 2 and 5). Its lists were joined: check them.',
        lines: [2, 5],
      },
    ]);
    assertNothingLost(lines, doc);
    assert.deepEqual(doc.unplaced, []);
  });

  it('keeps the first of a header row given twice, and flags it', () => {
    const lines = toSourceLines('Priority\t1. Safety\nSponsor\tAna\nSponsor: Bo');
    const doc = highlightReportPackExtractor.extract(lines);
    assert.equal(doc.highlightReports[0]!.sponsor, 'Ana');
    assert.deepEqual(
      doc.needsReview.map((n) => n.lines),
      [[3]],
    );
    assertNothingLost(lines, doc);
  });

  it('takes page numbers for furniture but not a sentence that happens to repeat', () => {
    const lines = toSourceLines(
      [
        'Priority\t1. Safety',
        'What needs to improve: x',
        'Summary of progress:',
        'No update this period.',
        'Page 1 of 2',
        'What needs to improve: y',
        'Summary of progress:',
        'No update this period.',
        '- 2 -',
      ].join('\n'),
    );
    const doc = highlightReportPackExtractor.extract(lines);
    assert.deepEqual(
      doc.pageFurniture.map((l) => l.number),
      [5, 9],
    );
    assert.deepEqual(
      doc.highlightReports[0]!.areas.map((a) => a.progress.map((i) => i.text)),
      [['No update this period.'], ['No update this period.']],
    );
    assert.equal(doc.title, 'Highlight report pack');
  });

  it('reads RAG statuses written either way round', () => {
    assert.deepEqual(parseRag('Amber (At Risk) - Some risk.'), {
      status: 'Amber',
      label: 'At Risk',
      definition: 'Some risk.',
    });
    assert.deepEqual(parseRag('Green - (On Plan) Fine.'), {
      status: 'Green',
      label: 'On Plan',
      definition: 'Fine.',
    });
    assert.deepEqual(parseRag('Red'), { status: 'Red', definition: '' });
    assert.deepEqual(parseRag('Blue: Complete'), { status: 'Blue', definition: 'Complete' });
  });

  it('does not take a We said, We did report or a list of steps for a highlight report', () => {
    assert.ok(highlightReportPackExtractor.recognise(fixture('seeds/000-we-said-we-did.txt')) < 0.5);
    assert.ok(
      highlightReportPackExtractor.recognise(toSourceLines('Next steps\n- a\nSummary of progress\n- b')) <
        0.5,
    );
  });
});
