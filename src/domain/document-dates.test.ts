import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dateContextOf, parseDocumentDate, referenceYearOf } from './document-dates.ts';

const period = (start: string, end: string) => ({ period: { start, end } });

describe('parseDocumentDate', () => {
  const cases: [string, object, number?][] = [
    ['Dec 2016', period('2016-12-01', '2016-12-31')],
    ['December 2016', period('2016-12-01', '2016-12-31')],
    ['Feb 2020', period('2020-02-01', '2020-02-29')],
    ['Q2 2018/19', period('2018-07-01', '2018-09-30')],
    ['Q4 2018/19', period('2019-01-01', '2019-03-31')],
    ['Quarter 1 2022-23', period('2022-04-01', '2022-06-30')],
    ['2018/19', period('2018-04-01', '2019-03-31')],
    ['2019-20', period('2019-04-01', '2020-03-31')],
    ['end of March', { date: '2017-03-31' }, 2017],
    ['End March 2020', { date: '2020-03-31' }],
    ['w/c 6 Jan', period('2020-01-06', '2020-01-12'), 2020],
    ['w/c 28th February 2022', period('2022-02-28', '2022-03-06')],
    ['31/03/2020', { date: '2020-03-31' }],
    ['31.3.20', { date: '2020-03-31' }],
    ['31st March 2020', { date: '2020-03-31' }],
    ['6 Jan', { date: '2021-01-06' }, 2021],
    ['March 31, 2020', { date: '2020-03-31' }],
    ['Spring 2020', period('2020-03-01', '2020-05-31')],
    ['Winter 2019', period('2019-12-01', '2020-02-29')],
    ['2020', period('2020-01-01', '2020-12-31')],
    ['By Sept 2021', period('2021-09-01', '2021-09-30')],
    ['Ongoing', { open: true }],
    ['TBC', { open: true }],
  ];
  for (const [text, expected, year] of cases) {
    it(`reads "${text}"`, () => {
      assert.deepEqual(parseDocumentDate(text, { referenceYear: year }), { text, ...expected });
    });
  }

  it('keeps only the text where it names no date it can be sure of', () => {
    for (const text of [
      'When the new team is in place',
      '31/02/2020',
      'end of March',
      'w/c 6 Jan',
      'Q5 2018/19',
      '2018/21',
    ]) {
      assert.deepEqual(parseDocumentDate(text), { text });
    }
  });

  it('never throws, always keeps the text, and gives ordered valid ISO dates', () => {
    const words = fc.constantFrom(
      'Dec',
      'March',
      'Q2',
      'w/c',
      'end of',
      'Spring',
      '2018/19',
      '31/03/2020',
      '6',
      'st',
      'Ongoing',
      '/',
      '-',
      ' ',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(words, { maxLength: 6 }).map((w) => w.join(' ')),
        ),
        fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: undefined }),
        (text, referenceYear) => {
          const read = parseDocumentDate(text, { referenceYear });
          assert.equal(read.text, text.trim());
          const iso = /^\d{4}-\d{2}-\d{2}$/;
          if (read.date) assert.match(read.date, iso);
          if (read.period) {
            assert.match(read.period.start, iso);
            assert.match(read.period.end, iso);
            assert.ok(read.period.start <= read.period.end);
          }
        },
      ),
    );
  });

  it('reads any real day written day first', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => {
          const pad = (n: number) => String(n).padStart(2, '0');
          assert.equal(parseDocumentDate(`${pad(d)}/${pad(m)}/${y}`).date, `${y}-${pad(m)}-${pad(d)}`);
        },
      ),
    );
  });

  it('puts a month without a year in the document’s financial year', () => {
    assert.equal(parseDocumentDate('end of March', { financialYear: 2024 }).date, '2025-03-31');
    assert.equal(parseDocumentDate('end of September', { financialYear: 2024 }).date, '2024-09-30');
    assert.deepEqual(parseDocumentDate('w/c 6 Jan', { financialYear: 2019 }).period, {
      start: '2020-01-06',
      end: '2020-01-12',
    });
  });
});

describe('dateContextOf', () => {
  it('finds the financial year a document is about, or else a year it names', () => {
    assert.deepEqual(dateContextOf(['Tracker 2024/25']), { financialYear: 2024 });
    assert.deepEqual(dateContextOf(['Minutes of 4 October 2022']), { referenceYear: 2022 });
    assert.deepEqual(dateContextOf(['No year']), {});
  });
});

describe('referenceYearOf', () => {
  it('takes the first financial year, or else the first year, the text names', () => {
    assert.equal(referenceYearOf(['Improvement plan', 'Service Development Plan 2019-20']), 2019);
    assert.equal(referenceYearOf(['Meeting held 4 October 2022']), 2022);
    assert.equal(referenceYearOf(['No year']), undefined);
  });
});
