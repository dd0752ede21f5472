/*
 * DfE's time_period in every form it is written: any year, written as one year or as the two years
 * of an academic or financial year, is the year it ends in; anything else is refused with a
 * message, never thrown and never read as some other year.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { readTimePeriod, yearEndingOf } from './dfe-time.ts';

const year = fc.integer({ min: 1901, max: 2199 });
const two = (n: number) => String(n % 100).padStart(2, '0');

test('every form of a period is the year it ends in', () => {
  fc.assert(
    fc.property(year, fc.constantFrom('', ' '), (end, pad) => {
      const start = end - 1;
      for (const text of [
        `${end}`,
        `${start}${two(end)}`,
        `${start}/${two(end)}`,
        `${start}-${two(end)}`,
        `${start}/${end}`,
        `${pad}${start}${pad}/${pad}${two(end)}`,
      ]) {
        const read = readTimePeriod(text, 'Reporting year');
        assert.ok(read.ok, text);
        assert.equal(read.value.period, String(end), text);
      }
    }),
  );
});

test('a two-year period whose years do not follow each other is refused, not read as a year', () => {
  fc.assert(
    fc.property(year, fc.integer({ min: 0, max: 99 }), (start, second) => {
      fc.pre((start + 1) % 100 !== second);
      for (const text of [`${start}${two(second)}`, `${start}/${two(second)}`]) {
        const read = readTimePeriod(text);
        assert.equal(read.ok, false, text);
        if (!read.ok) assert.match(read.message, /is not a DfE time period/);
      }
    }),
  );
});

test('any other text is refused with a message and never throws', () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      const read = readTimePeriod(text);
      if (read.ok) assert.match(read.value.period, /^\d{4}$/);
      else assert.ok(read.message.length > 0);
    }),
  );
});

test('time_identifier says which month the year ends in', () => {
  assert.equal(yearEndingOf('Reporting year'), 3);
  assert.equal(yearEndingOf('Financial year'), 3);
  assert.equal(yearEndingOf('Calendar year'), 12);
  assert.equal(yearEndingOf('Academic year'), 8);
  assert.equal(yearEndingOf(''), 3);
});
