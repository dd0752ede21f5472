import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { assertNothingLost } from './fixtures/account.ts';
import { countNonBlank, toSourceLines } from './text.ts';
import { weSaidWeDidExtractor } from './we-said-we-did.ts';

const fixture = (name: string) =>
  toSourceLines(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

describe('We said, We did: the Tameside 2022/23 update (seed 000)', () => {
  const lines = fixture('seeds/000-we-said-we-did.txt');
  const doc = weSaidWeDidExtractor.extract(lines);

  it('is recognised with full confidence', () => {
    assert.equal(weSaidWeDidExtractor.recognise(lines), 1);
  });

  it('reads the title and period, and keeps the poster cover as furniture and a cover section', () => {
    assert.equal(doc.title, 'Tameside Improvement Plan 2022/23');
    assert.equal(doc.period, '2022/23');
    assert.deepEqual(doc.pageFurniture, [
      { number: 5, text: 'We said:' },
      { number: 7, text: 'We did:' },
    ]);
    assert.deepEqual(doc.sections, [
      { key: 'cover', heading: 'Cover', text: 'Child Friendly Tameside', items: [], lines: [9, 10, 11] },
    ]);
  });

  it('merges each priority repeated on later pages into one, with every heading and title line', () => {
    assert.deepEqual(
      doc.priorities.map((p) => [p.number, p.lines]),
      [
        [1, [15, 17, 49, 51]],
        [2, [79, 81, 117, 119]],
        [3, [147, 149]],
        [4, [161, 163]],
        [5, [199, 201]],
        [6, [227, 229]],
        [7, [267, 269, 297, 299]],
      ],
    );
    assert.equal(
      doc.priorities[0]!.title,
      'A new Improvement Board accountability framework and plan to measure and challenge improvement.',
    );
    assert.equal(doc.priorities[4]!.title, 'Deliver an integrated family offer.');
  });

  it('pairs every commitment with its outcomes, flagging each that is not one-to-one', () => {
    // [commitment lines (We said label, text, We did label), first line of each outcome, flagged]
    const expected: Array<Array<[number[], number[], boolean]>> = [
      [
        [[19, 21, 23], [25], false],
        [[27, 29, 31], [33], false],
        [[35, 37, 39], [41, 43, 45], true],
        [[53, 55, 57], [59], false],
        [[61, 63, 65], [67], false],
        [[69, 71, 73], [75], false],
      ],
      [
        [[83, 85, 87], [89], false],
        [[91, 93, 95], [97], false],
        [[99, 101, 103], [105], false],
        [[107, 109, 111], [113], false],
        [[121, 123, 133], [135], false],
        [[125, 127, 137], [139], false],
        [[129, 131, 141], [143], false],
      ],
      [[[151, 153, 155], [157], false]],
      [
        [[165, 167, 169], [171], false],
        [[173, 175, 177], [179], false],
        [[181, 183, 185], [187], false],
        [[189, 191, 193], [195], false],
      ],
      [
        [[203, 205, 207], [209, 211, 213, 215], true],
        [[217, 219, 221], [223], false],
      ],
      [
        [[231, 233, 247], [249, 251], true],
        [[235, 237, 253], [255], false],
        [[239, 241, 257], [259], false],
        [[243, 245, 261], [263], false],
      ],
      [
        [[271, 273, 275], [277], false],
        [[279, 281, 283], [285], false],
        [[287, 289, 291], [293], false],
        [[301, 303, 305], [307], false],
        [[309, 311, 313], [315], false],
        [[317, 319, 321], [323], false],
      ],
    ];
    assert.deepEqual(
      doc.priorities.map((p) =>
        p.commitments.map((c) => [c.lines, c.outcomes.map((o) => o.lines[0]), c.needsReview !== undefined]),
      ),
      expected,
    );
    assert.equal(doc.priorities.flatMap((p) => p.commitments).length, 30);
    assert.equal(doc.priorities.flatMap((p) => p.commitments.flatMap((c) => c.outcomes)).length, 36);
  });

  it('keeps the words as written', () => {
    const first = doc.priorities[0]!.commitments[0]!;
    assert.equal(
      first.text,
      "We'd agree leadership and chairing arrangements for the new Improvement Board.",
    );
    assert.match(
      first.outcomes[0]!.text,
      /^DFE appointed the Improvement Advisor .* accountability and responsibilities\.$/,
    );
    const care = doc.priorities[5]!.commitments[0]!;
    assert.deepEqual(
      care.outcomes.map((o) => o.text.slice(0, 40)),
      ['We reviewed the Corporate Parenting Comm', "We launched dedicated care leavers' job "],
    );
    assert.equal(
      care.needsReview,
      '"We said" on line 231 has 2 "We did" paragraphs (lines 249 and 251). Check they all answer it.',
    );
  });

  it('says which pairings a person must check, naming the lines', () => {
    assert.deepEqual(doc.needsReview, [
      {
        message:
          'Priority 1: "We said" on line 35 has 3 "We did" paragraphs (lines 41, 43 and 45). Check they all answer it.',
        lines: [35, 41, 43, 45],
      },
      {
        message:
          'Priority 2: 3 "We said" (lines 121, 125 and 129) come before their 3 "We did" (lines 133, 137 and 141). They were paired in order: check the pairs.',
        lines: [121, 125, 129, 133, 137, 141],
      },
      {
        message:
          'Priority 5: "We said" on line 203 has 4 "We did" paragraphs (lines 209, 211, 213 and 215). Check they all answer it.',
        lines: [203, 209, 211, 213, 215],
      },
      {
        message:
          'Priority 6: 4 "We said" (lines 231, 235, 239 and 243) come before their 4 "We did" (lines 247, 253, 257 and 261). They were paired in order: check the pairs.',
        lines: [231, 235, 239, 243, 247, 253, 257, 261],
      },
      {
        message:
          'Priority 6: "We said" on line 231 has 2 "We did" paragraphs (lines 249 and 251). Check they all answer it.',
        lines: [231, 249, 251],
      },
    ]);
  });

  it('places every non-blank line', () => {
    assert.equal(countNonBlank(lines), 152);
    assert.deepEqual(doc.unplaced, []);
    assertNothingLost(lines, doc);
  });
});

describe('We said, We did: another council’s conventions', () => {
  const lines = fixture('we-said-we-did-northshire.txt');
  const doc = weSaidWeDidExtractor.extract(lines);

  it('reads upper-case headings, lower-case and inline labels, dashes, bullets and wrapped lines', () => {
    assert.equal(doc.title, "Northshire Children's Services We said, we did – 2023-24");
    assert.equal(doc.period, '2023-24');
    const records = doc.priorities.map((p) => ({
      number: p.number,
      title: p.title,
      commitments: p.commitments.map((c) => [
        c.text,
        c.outcomes.map((o) => o.text),
        c.needsReview !== undefined,
      ]),
    }));
    assert.deepEqual(records, [
      {
        number: 1,
        title: 'Keep children safe at the front door',
        commitments: [
          [
            'We would answer every contact within one working day.',
            ['We answered 96% of contacts within one working day.'],
            false,
          ],
          [
            'We would publish our threshold guidance.',
            ['We published the guidance in May and trained 300 staff.'],
            false,
          ],
        ],
      },
      {
        number: 2,
        title: 'Listen to children',
        commitments: [
          [
            "We would set up a young people's panel.",
            ['The panel met four times.', 'The panel chose its own name, Voice Up.'],
            true,
          ],
          [
            'We would answer complaints from children within ten days.',
            ['We answered 9 in every 10 complaints within ten days.'],
            false,
          ],
        ],
      },
      {
        number: 3,
        title: 'Stable homes for every child',
        commitments: [
          [
            'We would recruit 20 foster carers.',
            ['We recruited 14 foster carers and approved 6 more.'],
            true,
          ],
          ["We would open a new children's home.", [], true],
        ],
      },
    ]);
  });

  it('references inline label lines once, from the record they hold', () => {
    const [publish] = doc.priorities[0]!.commitments.slice(1);
    assert.deepEqual(publish!.lines, [13]);
    assert.deepEqual(publish!.outcomes[0]!.lines, [14]);
  });

  it('flags unequal runs of "We said" and "We did" and places every line', () => {
    assert.deepEqual(
      doc.needsReview.map((n) => n.lines),
      [
        [17, 18, 19],
        [25, 28, 31],
      ],
    );
    assert.deepEqual(doc.unplaced, []);
    assertNothingLost(lines, doc);
  });
});

describe('We said, We did: what a person must see', () => {
  it('leaves a "We did" with no "We said" unplaced and says so', () => {
    const lines = toSourceLines(
      'Plan 2024\n\nPriority 1\nSafer homes\n\nWe did:\nWe opened two homes.\n\nWe said:\nWe would hire staff.\nWe did:\nWe hired staff.',
    );
    const doc = weSaidWeDidExtractor.extract(lines);
    assert.deepEqual(
      doc.unplaced.map((l) => l.number),
      [6, 7],
    );
    assert.deepEqual(doc.needsReview[0], {
      message: 'Priority 1: "We did" on line 6 has no "We said" before it, so it was not imported.',
      lines: [6, 7],
    });
    assert.equal(doc.priorities[0]!.commitments.length, 1);
    assertNothingLost(lines, doc);
  });

  it('flags a label with nothing under it and a priority whose title changes', () => {
    const lines = toSourceLines(
      'Plan\n\nPriority 1\nSafer homes\nWe said:\n\nPriority 1\nSafer streets\nWe said: x\nWe did: y',
    );
    const doc = weSaidWeDidExtractor.extract(lines);
    assert.equal(doc.priorities[0]!.title, 'Safer homes');
    assert.deepEqual(
      doc.needsReview.map((n) => n.lines),
      [[4, 8], [5]],
    );
    assert.deepEqual(
      doc.unplaced.map((l) => l.number),
      [5],
    );
  });

  it('takes only the first paragraph after a heading as the title, and flags a priority with none', () => {
    const lines = toSourceLines(
      'Plan\n\nPriority 1\nSafer\nhomes\n\nAn introduction.\n\nWe said: x\nWe did: y\n\nPriority 2\nWe said: a\nWe did: b',
    );
    const doc = weSaidWeDidExtractor.extract(lines);
    assert.deepEqual(
      doc.priorities.map((p) => [p.title, p.lines]),
      [
        ['Safer homes', [3, 4, 5]],
        ['', [12]],
      ],
    );
    assert.deepEqual(
      doc.unplaced.map((l) => l.text),
      ['An introduction.'],
    );
    assert.deepEqual(doc.needsReview, [{ message: 'Priority 2 has no title. Add one.', lines: [12] }]);
  });

  it('puts everything under one flagged priority when there are no priority headings', () => {
    const lines = toSourceLines('Our promises 2024\n\nWe said: we would listen\nWe did: we listened');
    const doc = weSaidWeDidExtractor.extract(lines);
    assert.equal(doc.title, 'Our promises 2024');
    assert.equal(doc.priorities.length, 1);
    assert.equal(doc.priorities[0]!.commitments[0]!.outcomes[0]!.text, 'we listened');
    assert.match(doc.needsReview[0]!.message, /No priority headings/);
    assertNothingLost(lines, doc);
  });

  it('does not recognise documents without both labels', () => {
    assert.equal(weSaidWeDidExtractor.recognise(toSourceLines('We said: x\nPriority 1')), 0);
    assert.equal(weSaidWeDidExtractor.recognise(toSourceLines('- We said we would\n- We did')), 0);
  });
});
