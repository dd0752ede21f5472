import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatDate,
  isIsoCalendarDate,
  formatDateShort,
  formatDateTime,
  formatMonth,
  formatNumber,
  formatPercent,
  formatProportion,
  formatTime,
  parseUkDateInput,
} from './format.ts';

test('formatDate writes the GOV.UK long date', () => {
  assert.equal(formatDate('2024-09-10'), '10 September 2024');
  assert.equal(formatDate('2024-02-29'), '29 February 2024');
  assert.equal(formatDate(' 2017-03-22 '), '22 March 2017');
  assert.equal(formatDate(null), '');
  assert.equal(formatDate(undefined), '');
});

test('formatDate shows an instant as the London calendar day', () => {
  // 11pm UTC on 9 September is already the 10th in London (BST).
  assert.equal(formatDate(new Date('2024-09-09T23:30:00Z')), '10 September 2024');
  assert.equal(formatDate('2024-09-09T23:30:00Z'), '10 September 2024');
  // In winter London is on UTC.
  assert.equal(formatDate(new Date('2024-12-31T23:30:00Z')), '31 December 2024');
});

test('formatDate refuses dates that do not exist instead of printing "Invalid Date"', () => {
  assert.throws(() => formatDate('2023-02-29'), RangeError);
  assert.throws(() => formatDate('2024-13-01'), RangeError);
  assert.throws(() => formatDate('not a date'), RangeError);
  assert.throws(() => formatDate(new Date(Number.NaN)), RangeError);
});

test('formatDateShort uses three-letter months, Sep not Sept', () => {
  assert.equal(formatDateShort('2024-09-10'), '10 Sep 2024');
  assert.equal(formatDateShort('2020-06-01'), '1 Jun 2020');
  assert.equal(formatDateShort(null), '');
});

test('formatMonth', () => {
  assert.equal(formatMonth('2020-07'), 'July 2020');
  assert.equal(formatMonth('2021-04-30'), 'April 2021');
  assert.equal(formatMonth(new Date('2020-10-31T23:30:00Z')), 'October 2020');
  assert.throws(() => formatMonth('2020-13'), RangeError);
  assert.equal(formatMonth(undefined), '');
});

test('formatTime follows GOV.UK style in London time', () => {
  assert.equal(formatTime('2024-09-10T17:30:00Z'), '6:30pm'); // BST
  assert.equal(formatTime('2024-12-10T18:30:00Z'), '6:30pm'); // GMT
  assert.equal(formatTime('2024-09-10T08:00:00Z'), '9am');
  assert.equal(formatTime('2024-09-10T08:05:00Z'), '9:05am');
  assert.equal(formatTime('2024-09-10T11:00:00Z'), 'midday');
  assert.equal(formatTime('2024-09-10T11:30:00Z'), '12:30pm');
  assert.equal(formatTime('2024-09-09T23:00:00Z'), 'midnight');
  assert.equal(formatTime('2024-09-09T23:15:00Z'), '12:15am');
  assert.equal(formatTime(null), '');
});

test('formatTime refuses a date with no time rather than inventing one', () => {
  assert.throws(() => formatTime('2024-09-10'), RangeError);
});

test('formatTime is right either side of the clocks changing', () => {
  // Clocks went forward at 1am UTC on 31 March 2024.
  assert.equal(formatTime('2024-03-31T00:30:00Z'), '12:30am');
  assert.equal(formatTime('2024-03-31T01:30:00Z'), '2:30am');
});

test('formatDateTime', () => {
  assert.equal(formatDateTime('2024-09-10T17:30:00Z'), '10 September 2024 at 6:30pm');
  assert.equal(formatDateTime(null), '');
});

test('formatNumber', () => {
  assert.equal(formatNumber(2159), '2,159');
  assert.equal(formatNumber(12493), '12,493');
  assert.equal(formatNumber(2035000000), '2,035,000,000');
  assert.equal(formatNumber(0), '0');
  assert.equal(formatNumber(-832), '-832');
  assert.equal(formatNumber(72.25), '72.25');
  assert.equal(formatNumber(72.25, { decimals: 1 }), '72.3');
  assert.equal(formatNumber(72, { decimals: 1 }), '72.0');
  assert.equal(formatNumber(null), '');
  assert.throws(() => formatNumber(Number.NaN), RangeError);
  assert.throws(() => formatNumber(Number.POSITIVE_INFINITY), RangeError);
});

test('formatPercent takes percentage points', () => {
  assert.equal(formatPercent(83), '83%');
  assert.equal(formatPercent(12.5), '12.5%');
  assert.equal(formatPercent(66.666), '66.7%');
  assert.equal(formatPercent(125), '125%');
  assert.equal(formatPercent(0.5), '0.5%');
  assert.equal(formatPercent(1.4, { decimals: 2 }), '1.40%');
  assert.equal(formatPercent(-6), '-6%');
  assert.equal(formatPercent(undefined), '');
  assert.throws(() => formatPercent(Number.NaN), RangeError);
});

test('formatProportion takes a ratio', () => {
  assert.equal(formatProportion(0.83), '83%');
  assert.equal(formatProportion(0.07), '7%');
  assert.equal(formatProportion(50 / 300), '16.7%');
  assert.equal(formatProportion(1), '100%');
  assert.equal(formatProportion(null), '');
});

test('formatNumber round-trips integers', () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
      assert.equal(Number(formatNumber(n).replace(/,/g, '')), n);
    }),
  );
});

test('formatDate and formatMonth agree for every real calendar date', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
      (d) => {
        const iso = d.toISOString().slice(0, 10);
        const long = formatDate(iso);
        assert.match(long, /^\d{1,2} [A-Z][a-z]+ \d{4}$/);
        assert.ok(long.endsWith(formatMonth(iso)));
        assert.equal(long.split(' ')[0], String(Number(iso.slice(8, 10))));
      },
    ),
  );
});

test('parseUkDateInput reads a complete date', () => {
  assert.deepEqual(parseUkDateInput({ day: '10', month: '9', year: '2024' }), {
    ok: true,
    value: '2024-09-10',
  });
  assert.deepEqual(parseUkDateInput({ day: ' 01 ', month: '02', year: '2024' }), {
    ok: true,
    value: '2024-02-01',
  });
  assert.deepEqual(parseUkDateInput({ day: '29', month: '2', year: '2024' }), {
    ok: true,
    value: '2024-02-29',
  });
});

test('parseUkDateInput accepts month names and abbreviations', () => {
  for (const month of ['September', 'september', 'Sep', 'Sept', 'sept.', 'SEP']) {
    assert.deepEqual(
      parseUkDateInput({ day: '10', month, year: '2024' }),
      { ok: true, value: '2024-09-10' },
      month,
    );
  }
  assert.deepEqual(parseUkDateInput({ day: '1', month: 'may', year: '2024' }), {
    ok: true,
    value: '2024-05-01',
  });
});

test('parseUkDateInput: nothing entered', () => {
  assert.deepEqual(parseUkDateInput({}), {
    ok: false,
    error: 'Enter a date',
    fields: ['day', 'month', 'year'],
  });
  assert.deepEqual(parseUkDateInput({ day: ' ', month: '', year: null }), {
    ok: false,
    error: 'Enter a date',
    fields: ['day', 'month', 'year'],
  });
  assert.equal(
    (parseUkDateInput({}, { label: 'Meeting date' }) as { error: string }).error,
    'Enter the meeting date',
  );
  assert.equal(
    (parseUkDateInput({}, { label: 'CIB meeting date' }) as { error: string }).error,
    'Enter the CIB meeting date',
  );
  assert.equal(
    (parseUkDateInput({}, { emptyMessage: 'Enter the date the action is due' }) as { error: string }).error,
    'Enter the date the action is due',
  );
});

test('parseUkDateInput: missing parts are named and highlighted', () => {
  const cases: [Parameters<typeof parseUkDateInput>[0], string, string[]][] = [
    [{ day: '10', year: '2024' }, 'Date must include a month', ['month']],
    [{ month: '9', year: '2024' }, 'Date must include a day', ['day']],
    [{ day: '10', month: '9' }, 'Date must include a year', ['year']],
    [{ year: '2024' }, 'Date must include a day and month', ['day', 'month']],
    [{ month: '9' }, 'Date must include a day and year', ['day', 'year']],
    [{ day: '10' }, 'Date must include a month and year', ['month', 'year']],
  ];
  for (const [input, error, fields] of cases) {
    assert.deepEqual(parseUkDateInput(input), { ok: false, error, fields });
  }
  assert.deepEqual(parseUkDateInput({ day: '10', year: '2024' }, { label: 'Due date' }), {
    ok: false,
    error: 'Due date must include a month',
    fields: ['month'],
  });
});

test('parseUkDateInput: impossible dates', () => {
  const cases: [Parameters<typeof parseUkDateInput>[0], string[]][] = [
    [{ day: '31', month: '2', year: '2024' }, ['day']],
    [{ day: '29', month: '2', year: '2023' }, ['day']],
    [{ day: '31', month: '4', year: '2024' }, ['day']],
    [{ day: '32', month: '1', year: '2024' }, ['day']],
    [{ day: '0', month: '1', year: '2024' }, ['day']],
    [{ day: '10', month: '13', year: '2024' }, ['month']],
    [{ day: '10', month: 'Smarch', year: '2024' }, ['month']],
    [{ day: 'ten', month: '9', year: '2024' }, ['day']],
    [{ day: '1.5', month: '9', year: '2024' }, ['day']],
    [{ day: 'x', month: 'y', year: '2024' }, ['day', 'month']],
  ];
  for (const [input, fields] of cases) {
    assert.deepEqual(
      parseUkDateInput(input),
      { ok: false, error: 'Date must be a real date', fields },
      JSON.stringify(input),
    );
  }
});

test('parseUkDateInput: year must have 4 numbers', () => {
  for (const year of ['24', '202', '20245', 'twenty']) {
    assert.deepEqual(parseUkDateInput({ day: '10', month: '9', year }), {
      ok: false,
      error: 'Year must include 4 numbers',
      fields: ['year'],
    });
  }
});

test('parseUkDateInput round-trips through formatDate', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1000-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
      (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [year, month, day] = iso.split('-') as [string, string, string];
        const parsed = parseUkDateInput({ day: String(Number(day)), month: String(Number(month)), year });
        assert.deepEqual(parsed, { ok: true, value: iso });
        assert.doesNotThrow(() => formatDate(iso));
      },
    ),
  );
});

test('isIsoCalendarDate accepts only real days written YYYY-MM-DD', () => {
  for (const real of ['2024-02-29', '2000-02-29', '2024-12-31', '0001-01-01'])
    assert.ok(isIsoCalendarDate(real), real);
  for (const not of [
    '2023-02-29',
    '1900-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-00-10',
    '2024-1-1',
    '10/09/2024',
    '',
  ])
    assert.ok(!isIsoCalendarDate(not), not);
});
