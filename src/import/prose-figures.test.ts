import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readProseFigures } from './prose-figures.ts';
import type { ProseFigures } from './prose-figures.ts';

const july2021 = { year: 2021, month: 7 };

/** The parts of a reading a test states exactly. */
function summary(found: ProseFigures[]) {
  return found.map((f) => ({
    name: f.name,
    unit: f.unit,
    rolling: f.rolling12Months,
    observations: f.observations.map((o) => [o.period, o.value]),
    problems: f.problems.length,
  }));
}

describe('prose figures: the scrutiny presentation sentences (seed 004)', () => {
  it('reads open cases over a range, a peak and a later month with a year', () => {
    const text =
      'Between July and December 2020 the total number of open cases rose by 11% from 2159 to a peak of 2474 dropping to 2324 by April 2021.';
    const [found] = readProseFigures(text, { asAt: july2021, heading: 'Open Cases' });
    assert.deepEqual(summary([found!]), [
      {
        name: 'Open cases',
        unit: 'count',
        rolling: false,
        observations: [
          ['2020-07', 2159],
          ['2020-12', 2474],
          ['2021-04', 2324],
        ],
        problems: 1,
      },
    ]);
    // 11% matches no change between the three figures (14.6%, 7.6%, -6.1%): a person must check it.
    assert.match(found!.problems[0]!, /stated 11%/);
    assert.deepEqual(
      found!.changes.map((c) => [c.percent, c.checked, c.matched]),
      [[11, true, undefined]],
    );
  });

  it('reads a rolling 12-month count, giving "the end of April" the year after May 2020', () => {
    const text =
      '12 month count dropped to 9343 in May 2020 rising to 12493 at the end of April – growth of 25%';
    assert.deepEqual(summary(readProseFigures(text, { asAt: july2021, heading: 'Contact' })), [
      {
        name: 'Contacts',
        unit: 'count',
        rolling: true,
        observations: [
          ['2020-05', 9343],
          ['2021-04', 12493],
        ],
        problems: 1,
      },
    ]);
  });

  it('reads two-digit years after short months, and leaves the comparison clause alone', () => {
    const text =
      'Between Nov 20 and April 21 the number of Children Subject to Child Protection has grown by 5% to from 377 to 395 compared to 1.4% growth between 2018/19 and 2019/20.';
    const found = readProseFigures(text, { asAt: july2021 });
    assert.deepEqual(summary(found), [
      {
        name: 'Children subject to child protection',
        unit: 'count',
        rolling: false,
        observations: [
          ['2020-11', 377],
          ['2021-04', 395],
        ],
        problems: 0,
      },
    ]);
    assert.deepEqual(found[0]!.changes[0]!.matched, { from: 377, to: 395, percent: 4.8 });
  });

  it('reads only the sentence with figures from a paragraph of two', () => {
    const text =
      'Rolling numbers of Admissions for cared for children peaked in Sept 2019 have followed a broadly downward trend since this point. Numbers of Cared for Children peaked at 730 in October 2020 and have reduced by 6% to 684 at the end of April';
    const found = readProseFigures(text, { asAt: july2021 });
    assert.deepEqual(summary(found), [
      {
        name: 'Cared for children',
        unit: 'count',
        rolling: false,
        observations: [
          ['2020-10', 730],
          ['2021-04', 684],
        ],
        problems: 0,
      },
    ]);
    assert.equal(found[0]!.statement, text.slice(found[0]!.start, found[0]!.end));
    assert.ok(found[0]!.statement.startsWith('Numbers of Cared for Children'));
  });

  it('flags a stated rise that the figures do not bear out', () => {
    const text =
      'Between May 2019 and April 2021 the number of care leavers increased by 39% from 182 to 300';
    const [found] = readProseFigures(text);
    assert.deepEqual(
      found!.observations.map((o) => [o.period, o.value]),
      [
        ['2019-05', 182],
        ['2021-04', 300],
      ],
    );
    assert.equal(found!.name, 'Care leavers');
    assert.deepEqual(found!.problems, [
      'The stated 39% does not match any change between the figures 182, 300 (182 to 300 is +64.8%)',
    ]);
  });
});

describe('prose figures: how other councils write them', () => {
  const read = (text: string, asAt = july2021) => summary(readProseFigures(text, { asAt }));

  it('reads a sentence with no year forwards to the document date', () => {
    assert.deepEqual(
      read('Referrals stood at 512 at the end of March and 480 at the end of June.', {
        year: 2024,
        month: 5,
      }),
      [
        {
          name: 'Referrals',
          unit: 'count',
          rolling: false,
          observations: [
            ['2023-03', 512],
            ['2023-06', 480],
          ],
          problems: 0,
        },
      ],
    );
  });

  it('gives a range start without a year the year before when its month comes later', () => {
    assert.deepEqual(read('Between November and February 2023 re-referrals fell from 88 to 71.'), [
      {
        name: 'Re-referrals',
        unit: 'count',
        rolling: false,
        observations: [
          ['2022-11', 88],
          ['2023-02', 71],
        ],
        problems: 0,
      },
    ]);
  });

  it('reads a day when one is written, and a date written before its value', () => {
    assert.deepEqual(
      read('On 31st March 2022 there were 1,204 children in need, and by 30 Sept 2022 this was 1,180.'),
      [
        {
          name: 'Children in need',
          unit: 'count',
          rolling: false,
          observations: [
            ['2022-03-31', 1204],
            ['2022-09-30', 1180],
          ],
          problems: 0,
        },
      ],
    );
  });

  it('reads percentages as the values when the sentence has no other numbers', () => {
    assert.deepEqual(
      read('Assessments completed within 45 working days rose from 71% in Jan 2023 to 84% in Dec 2023.'),
      [
        {
          name: 'Assessments completed within 45 working days',
          unit: 'percentage',
          rolling: false,
          observations: [
            ['2023-01', 71],
            ['2023-12', 84],
          ],
          problems: 0,
        },
      ],
    );
  });

  it('reads rates per 10,000 without taking 10,000 for a value', () => {
    const [found] = readProseFigures('The rate of children looked after was 98 per 10,000 in March 2022.');
    assert.equal(found!.unit, 'rate-per-10000');
    assert.deepEqual(
      found!.observations.map((o) => [o.period, o.value]),
      [['2022-03', 98]],
    );
  });

  it('accepts a stated fall that agrees with the figures and refuses one in the wrong direction', () => {
    const agrees = readProseFigures('Open cases fell by 10% from 2,000 in May 2022 to 1,800 in May 2023.');
    assert.deepEqual(agrees[0]!.problems, []);
    const wrongWay = readProseFigures('Open cases rose by 10% from 2,000 in May 2022 to 1,800 in May 2023.');
    assert.equal(wrongWay[0]!.problems.length, 1);
  });

  it('does not read money, durations, financial years or section numbers as values', () => {
    const text =
      'Spending of £832 million in 2019/20 over 8-10 months and 7 day working, with Section 47 enquiries at 300 in May 2021.';
    const [found] = readProseFigures(text);
    assert.deepEqual(
      found!.observations.map((o) => [o.period, o.value]),
      [['2021-05', 300]],
    );
    assert.deepEqual(found!.problems, []);
  });

  it('reports a figure it cannot date instead of guessing', () => {
    const [found] = readProseFigures('Caseloads fell to 18 in June 2022 from 24.');
    assert.deepEqual(
      found!.observations.map((o) => [o.period, o.value]),
      [['2022-06', 18]],
    );
    assert.deepEqual(found!.problems, ['No date could be read for the figure 24']);
  });

  it('leaves a run-on block of text unread rather than pairing its figures one by one', () => {
    const runOn = 'from 2159 in July 2020 to 2474 in December 2020 '.repeat(100);
    const started = performance.now();
    assert.deepEqual(readProseFigures(runOn), []);
    assert.ok(performance.now() - started < 1000);
  });

  it('reads nothing from prose without dated figures', () => {
    assert.deepEqual(readProseFigures('Targeted support for 400 families on a CIN plan.'), []);
    assert.deepEqual(readProseFigures('We may review this in the spring. March on.'), []);
    assert.deepEqual(readProseFigures(''), []);
  });
});

describe('prose figures: properties', () => {
  const pieces = fc.constantFrom(
    'Between',
    'July',
    'and',
    'December 2020',
    'Nov 20',
    'April 21',
    'the number of',
    'open cases',
    'rose by',
    '11%',
    'from',
    'to',
    '2159',
    '2,474',
    'by April 2021',
    'at the end of April',
    'in May 2020',
    '12 month',
    'compared to',
    '1.4%',
    '2018/19',
    '£6 million',
    'per 10,000',
    '5 per cent',
    '.',
    ',',
    ';',
    '23rd June',
    '31/03/2022',
    'Sept',
    'May',
    '0',
    '00',
    '9999999999999999999999',
    '1e5',
    '-3',
    '3.',
    '.5',
    '’',
    '“',
  );
  const prose = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc
      .array(fc.oneof(pieces, fc.string({ maxLength: 4 }), fc.integer().map(String)), { maxLength: 30 })
      .map((ws) => ws.join(' ')),
  );
  const asAt = fc.option(
    fc.record({ year: fc.integer({ min: 1990, max: 2040 }), month: fc.integer({ min: 1, max: 12 }) }),
    {
      nil: undefined,
    },
  );

  it('never throws, and every value and percentage it returns is written in the text where it says', () => {
    fc.assert(
      fc.property(prose, asAt, fc.option(fc.string(), { nil: undefined }), (text, at, heading) => {
        const found = readProseFigures(text, {
          ...(at ? { asAt: at } : {}),
          ...(heading !== undefined ? { heading } : {}),
        });
        for (const figures of found) {
          assert.equal(text.slice(figures.start, figures.end), figures.statement);
          for (const o of figures.observations) {
            assert.equal(text.slice(o.start, o.end), o.written);
            assert.equal(Number(o.written.replace(/,/g, '')), o.value);
            assert.ok(Number.isFinite(o.value));
            assert.match(o.period, /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
          }
          for (const c of figures.changes) {
            assert.ok(text.slice(c.start, c.end).startsWith(c.written));
            assert.equal(Number(c.written), c.percent);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
