import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { DocumentStructure, StructureBlock } from '../../domain/document-structure.ts';
import {
  emptyMapping,
  layoutKey,
  layoutSignature,
  layoutSimilarity,
  parseImportMapping,
  type ImportMapping,
} from '../../domain/import-mapping.ts';
import { defaultVocabulary, withCouncilWords } from '../../domain/import-vocabulary.ts';
import { analyseDocument } from '../recognise.ts';
import { toSourceLines } from '../text.ts';
import { applyMapping } from './apply.ts';
import { fieldOf, suggestMapping } from './suggest.ts';
import { actionsOf, commitmentsOf, decisionsOf, nonBlankOf, structureOfText } from './test-helpers.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const structureOf = (name: string) =>
  structureOfText(fixture(name), name.endsWith('.md') ? 'markdown' : 'text');

type Unindexed<T> = T extends unknown ? Omit<T, 'index'> : never;

/** A structure from blocks given by hand, with one source line per line number used. */
function handMade(blocks: Unindexed<StructureBlock>[], lineTexts: Record<number, string>): DocumentStructure {
  const max = Math.max(...Object.keys(lineTexts).map(Number));
  const lines = Array.from({ length: max }, (_, k) => ({ number: k + 1, text: lineTexts[k + 1] ?? '' }));
  return { format: 'docx', lines, blocks: blocks.map((b, index) => ({ ...b, index })) };
}

function assertAccounted(structure: DocumentStructure, mapping: ImportMapping) {
  const doc = applyMapping(structure, mapping);
  assert.equal(nonBlankOf(structure) - doc.unplaced.length + doc.unplaced.length, nonBlankOf(structure));
  return doc;
}

describe('the vocabulary', () => {
  it('knows the words councils use for a tracker’s columns and a report’s labels', () => {
    const v = defaultVocabulary;
    assert.equal(fieldOf('Lead officer', v), 'owner');
    assert.equal(fieldOf('Responsible Officer:', v), 'owner');
    assert.equal(fieldOf('By when', v), 'due');
    assert.equal(fieldOf('RAG rating', v), 'rag');
    assert.equal(fieldOf('BRAG', v), 'rag');
    assert.equal(fieldOf('Progress update', v), 'progress');
    assert.equal(fieldOf('Date of meeting', v), 'meeting-date');
    assert.equal(fieldOf('CIB Meeting Date', v), 'meeting-date');
    assert.equal(fieldOf('Colour', v), undefined);
  });

  it('takes a council’s own words first', () => {
    const ours = withCouncilWords(defaultVocabulary, { owner: ['Accountable lead'] });
    assert.equal(fieldOf('Accountable lead', ours), 'owner');
    assert.equal(fieldOf('Accountable lead', defaultVocabulary), undefined);
  });
});

describe('applyMapping from structures made by hand', () => {
  const tracker = handMade(
    [
      { type: 'heading', level: 1, text: 'Improvement tracker', lines: [1] },
      {
        type: 'table',
        lines: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
        header: {
          lines: [3, 4, 5, 6, 7, 8],
          cells: ['Ref', 'Action', 'Lead', 'Timescale', 'RAG', 'Update'].map((text, k) => ({
            text,
            lines: [3 + k],
          })),
        },
        rows: [0, 1].map((r) => ({
          lines: [9 + r * 6, 10 + r * 6, 11 + r * 6, 12 + r * 6, 13 + r * 6, 14 + r * 6],
          cells: [0, 1, 2, 3, 4, 5].map((k) => ({ text: '', lines: [9 + r * 6 + k] })),
        })),
      },
    ],
    {
      1: 'Improvement tracker',
      3: 'Ref',
      4: 'Action',
      5: 'Lead',
      6: 'Timescale',
      7: 'RAG',
      8: 'Update',
      9: 'A1',
      10: 'Audit every strategy discussion',
      11: 'Head of MASH',
      12: 'Dec 2016',
      13: 'Amber',
      14: 'Half done',
      15: 'A2',
      16: 'Recruit two team managers',
      17: 'HR lead',
      18: 'Q2 2018/19',
      19: 'Green',
      20: 'Both in post',
    },
  );
  // The cells' text is their line's text, as a .docx reader gives one line per cell.
  for (const block of tracker.blocks)
    if (block.type === 'table')
      for (const row of block.rows)
        for (const cell of row.cells) cell.text = tracker.lines[cell.lines[0]! - 1]!.text;

  it('turns a Ref / Action / Lead / Timescale / RAG / Update table into commitments with every field', () => {
    const mapping = suggestMapping(tracker);
    assert.equal(mapping.kind, 'action-tracker');
    assert.deepEqual(mapping.tables[0]!.columns, [
      { heading: 'ref', field: 'reference' },
      { heading: 'action', field: 'text' },
      { heading: 'lead', field: 'owner' },
      { heading: 'timescale', field: 'due' },
      { heading: 'rag', field: 'rag' },
      { heading: 'update', field: 'progress' },
    ]);
    const doc = assertAccounted(tracker, mapping);
    assert.deepEqual(doc.unplaced, []);
    const [first, second] = commitmentsOf(doc);
    assert.deepEqual(first, {
      text: 'Audit every strategy discussion',
      reference: 'A1',
      owner: 'Head of MASH',
      due: { text: 'Dec 2016', period: { start: '2016-12-01', end: '2016-12-31' } },
      rag: 'Amber',
      progress: 'Half done',
      outcomes: [],
      lines: [9, 10, 11, 12, 13, 14],
    });
    assert.deepEqual(second!.due, { text: 'Q2 2018/19', period: { start: '2018-07-01', end: '2018-09-30' } });
    assert.equal(doc.title, 'Improvement tracker');
  });

  it('keeps paragraphs nobody claims as sections, each heading placed with its section', () => {
    const structure = handMade(
      [
        { type: 'heading', level: 1, text: 'Annual report', lines: [1] },
        { type: 'heading', level: 2, text: 'Foreword', lines: [3] },
        { type: 'paragraph', text: 'We have come a long way.', lines: [4, 5] },
        {
          type: 'list',
          ordered: false,
          lines: [6],
          items: [{ text: 'One thing', children: [], lines: [6] }],
        },
      ],
      { 1: 'Annual report', 3: 'Foreword', 4: 'We have come', 5: 'a long way.', 6: '• One thing' },
    );
    const doc = applyMapping(structure, suggestMapping(structure));
    assert.equal(doc.kind, 'general');
    assert.deepEqual(doc.unplaced, []);
    assert.equal(doc.sections.length, 1);
    const [section] = doc.sections;
    assert.equal(section!.heading, 'Foreword');
    assert.equal(section!.text, 'We have come a long way.');
    assert.deepEqual(section!.lines, [3, 4, 5, 6]);
    assert.deepEqual(
      section!.items.map((i) => i.text),
      ['One thing'],
    );
  });

  it('leaves text unplaced when the mapping says not to keep it, and lists it', () => {
    const structure = structureOfText('Title\n\nSome words nobody maps.');
    const doc = applyMapping(structure, { ...emptyMapping('general'), keepUnclaimedText: false });
    assert.deepEqual(doc.unplaced, [{ number: 3, text: 'Some words nobody maps.' }]);
  });
});

describe('applyMapping on documents as councils write them', () => {
  it('reads a highlight report labelled "RAG rating", "Date of meeting" and "Lead officer"', () => {
    const structure = structureOf('highlight-report-labels.md');
    const mapping = suggestMapping(structure);
    assert.equal(mapping.kind, 'highlight-report-pack');
    const doc = assertAccounted(structure, mapping);
    assert.deepEqual(doc.unplaced, []);
    const [report] = doc.highlightReports;
    assert.equal(report!.priorityNumber, 2);
    assert.equal(report!.priorityTitle, 'Strengthening the front door');
    assert.equal(report!.sponsor, 'Sam Patel, Head of MASH');
    assert.equal(report!.currentRag?.status, 'Amber');
    assert.equal(report!.previousRag?.status, 'Red');
    assert.equal(report!.meetingLabel, 'Date of meeting');
    assert.equal(report!.meetingDate, '2025-03-14');
    assert.equal(report!.completedBy, 'Jo Green');
    assert.deepEqual(
      report!.areas.map((a) => a.title),
      ['Timeliness of strategy discussions', 'Consistent application of thresholds by partners'],
    );
  });

  it('reads a report with no meeting date without a date, and without failing', () => {
    const structure = structureOf('report-no-meeting-date.txt');
    const doc = applyMapping(structure, suggestMapping(structure));
    assert.equal(doc.kind, 'highlight-report-pack');
    const [report] = doc.highlightReports;
    assert.equal(report!.meetingDate, '');
    assert.equal(report!.priorityNumber, 3);
    assert.equal(report!.currentRag?.status, 'Green');
    assert.equal(report!.reason, 'Audit grades improved for the third month running');
    assert.deepEqual(doc.unplaced, []);
  });

  it('reads "You said / We did" written as a table into feedback with responses', () => {
    const structure = structureOf('we-said-we-did-table.md');
    const doc = applyMapping(structure, suggestMapping(structure));
    assert.equal(doc.kind, 'we-said-we-did');
    assert.equal(doc.feedback.length, 3);
    assert.match(doc.feedback[0]!.said, /social worker is when they change/);
    assert.match(doc.feedback[0]!.response!, /letter with their new worker/);
    assert.deepEqual(doc.unplaced, []);
  });

  it('reads an action tracker’s tables under each priority heading', () => {
    const structure = structureOf('action-tracker.md');
    const doc = applyMapping(structure, suggestMapping(structure));
    assert.equal(doc.kind, 'action-tracker');
    assert.deepEqual(doc.unplaced, []);
    assert.deepEqual(
      doc.priorities.map((p) => [p.number, p.title, p.commitments.length]),
      [
        [1, 'Leadership and management', 2],
        [2, 'Care leavers', 2],
      ],
    );
    const recruit = commitmentsOf(doc)[1]!;
    assert.equal(recruit.owner, 'HR Business Partner');
    // "end of March" is read in the tracker's own financial year, 2024/25.
    assert.deepEqual(recruit.due, { text: 'end of March', date: '2025-03-31' });
    assert.equal(commitmentsOf(doc)[3]!.rag, 'Blue');
    assert.deepEqual(commitmentsOf(doc)[3]!.due, { text: 'Ongoing', open: true });
  });

  it('reads minutes’ "Action:" lines as actions and "RESOLVED: That" items as decisions', () => {
    const structure = structureOf('board-minutes.txt');
    const doc = applyMapping(structure, suggestMapping(structure));
    assert.equal(doc.kind, 'board-minutes');
    assert.deepEqual(doc.unplaced, []);
    const [meeting] = doc.meetings!;
    assert.deepEqual(meeting!.date, { text: '12/02/2025', date: '2025-02-12' });
    assert.deepEqual(
      decisionsOf(doc).map((d) => [d.reference, d.text]),
      [
        ['1', 'the performance report be noted; and'],
        ['2', 'the re-referral target be reviewed in April.'],
      ],
    );
    const [deepDive, scorecard] = actionsOf(doc);
    assert.equal(deepDive!.owner, 'R Jones');
    assert.equal(deepDive!.due?.date, '2025-03-12');
    assert.equal(scorecard!.owner, 'Performance team');
  });

  it('makes numbered inspection recommendations improvement areas that say where they came from', () => {
    const structure = structureOfText(
      'Report of the inspection\n\nRecommendations\n\n1. Improve the quality of supervision.\n2. Ensure that care leavers know their entitlements.\n',
    );
    const doc = applyMapping(structure, suggestMapping(structure));
    assert.equal(doc.kind, 'inspection-report');
    assert.deepEqual(
      doc.recommendations!.map((r) => [r.number, r.text]),
      [
        ['1', 'Improve the quality of supervision.'],
        ['2', 'Ensure that care leavers know their entitlements.'],
      ],
    );
    const areas = doc.priorities.flatMap((p) => p.areas);
    assert.equal(areas.length, 2);
    assert.match(areas[0]!.source!, /^Inspection recommendation 1/);
  });
});

describe('a person’s corrections to one document', () => {
  const structure = structureOf('board-minutes.txt');
  const mapping = suggestMapping(structure);

  it('dismisses a line and moves a line into another record, each line still placed once', () => {
    const doc = applyMapping(structure, mapping, {
      dismiss: [5],
      move: [
        { line: 13, to: { record: 'action' } },
        { line: 9, to: { record: 'decision', withLine: 20 } },
      ],
    });
    assert.deepEqual(doc.unplaced, []);
    assert.ok(!doc.sections.some((s) => s.lines.includes(5)), 'dismissed line in no section');
    assert.deepEqual(
      actionsOf(doc)
        .map((a) => a.description)
        .slice(-1),
      ['The board discussed the rise in re-referrals.'],
    );
    const [first] = decisionsOf(doc);
    assert.deepEqual(first!.lines, [20, 9]);
    assert.match(first!.text, /noted; and The minutes of the meeting/);
  });

  it('is not part of the mapping: the saved mapping round-trips through JSON unchanged', () => {
    const saved = JSON.parse(JSON.stringify(mapping)) as unknown;
    assert.deepEqual(parseImportMapping(saved), mapping);
    assert.equal(parseImportMapping({ ...mapping, kind: 'shopping-list' }), undefined);
    assert.equal(parseImportMapping('nonsense'), undefined);
  });
});

describe('the layout signature', () => {
  const tracker = structureOf('action-tracker.md');
  // The same layout with other words, other rows and another number of priorities.
  const another = structureOfText(
    [
      '# Eastvale Improvement Tracker 2025/26',
      '',
      '## Priority 1: Front door',
      '',
      '| Ref | Action | Lead | Timescale | RAG | Update |',
      '| --- | --- | --- | --- | --- | --- |',
      '| F1 | Open the new MASH | Head of Service | 31/03/2026 | Amber | Building works under way |',
    ].join('\n'),
    'markdown',
  );

  it('is the same for two documents of the same layout, and different for another', () => {
    assert.equal(layoutKey(layoutSignature(tracker)), layoutKey(layoutSignature(another)));
    const minutes = layoutSignature(structureOf('board-minutes.txt'));
    assert.notEqual(layoutKey(layoutSignature(tracker)), layoutKey(minutes));
    assert.ok(layoutSimilarity(layoutSignature(tracker), minutes) < 0.5);
    assert.equal(layoutSimilarity(layoutSignature(tracker), layoutSignature(another)), 1);
  });

  it('lets a mapping saved from one document read the next of its layout', () => {
    const saved = parseImportMapping(JSON.parse(JSON.stringify(suggestMapping(tracker))))!;
    const doc = applyMapping(another, saved);
    assert.deepEqual(doc.unplaced, []);
    const [open] = commitmentsOf(doc);
    assert.equal(open!.text, 'Open the new MASH');
    assert.deepEqual(open!.due, { text: '31/03/2026', date: '2026-03-31' });
  });
});

describe('analyseDocument with the general mapper', () => {
  const shopping = toSourceLines('Shopping list\n\nEggs\nMilk');

  it('maps a document no extractor recognises when asked to, and returns the mapping used', () => {
    const result = analyseDocument(shopping, undefined, { general: true });
    assert.ok(result.ok);
    assert.equal(result.document.kind, 'general');
    assert.equal(result.mapping?.kind, 'general');
    assert.deepEqual(result.summary.lines, { nonBlank: 3, placed: 3, unplaced: 0 });
  });

  it('still refuses it when not asked, as before', () => {
    assert.equal(analyseDocument(shopping).ok, false);
  });

  it('maps as the kind a person asks for', () => {
    const result = analyseDocument(toSourceLines(fixture('board-minutes.txt')), undefined, {
      kind: 'board-minutes',
    });
    assert.ok(result.ok);
    assert.equal(result.document.kind, 'board-minutes');
    assert.equal(result.summary.counts.decisions, 2);
    assert.equal(result.summary.counts.actions, 2);
  });

  it('applies a mapping it is given', () => {
    const lines = toSourceLines(fixture('action-tracker.md'));
    const mapping = suggestMapping(structureOfText(fixture('action-tracker.md'), 'markdown'));
    const result = analyseDocument(lines, undefined, { mapping });
    assert.ok(result.ok);
    assert.equal(result.summary.counts.commitments, 4);
    assert.equal(result.mapping, mapping);
  });
});
