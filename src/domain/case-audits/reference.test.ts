import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { caseReferenceProblem, isValidNhsNumber } from './reference.ts';

const upper = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const lowerWord = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'),
  minLength: 2,
  maxLength: 10,
});
const capitalised = fc.tuple(upper, lowerWord).map(([a, b]) => a + b);
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });

/** Valid NHS numbers: nine digits and the check digit that modulus 11 gives them. */
const nhsNumber = digits(9)
  .map((d) => {
    const sum = d.reduce((t, x, i) => t + x * (10 - i), 0);
    const check = 11 - (sum % 11);
    return { d, check: check === 11 ? 0 : check };
  })
  .filter(({ check }) => check !== 10)
  .map(({ d, check }) => [...d, check].join(''));

const surrounding = fc.constantFrom(['', ''], ['Case ', ''], ['', ' audit'], ['Ref: ', ' (Q2)']);

test('known NHS numbers pass the modulus 11 check; a changed digit fails it', () => {
  assert.equal(isValidNhsNumber('9434765919'), true);
  assert.equal(isValidNhsNumber('9434765918'), false);
  assert.equal(isValidNhsNumber('94347659'), false);
});

test('the council’s own case numbers are accepted', () => {
  for (const ok of ['CA-2024-017', 'Q2/17', 'LCS 123456', 'CIN-0042', 'EH 17', 'CP/2024/33'])
    assert.equal(caseReferenceProblem(ok), null, ok);
  fc.assert(
    fc.property(
      fc.string({ unit: upper, minLength: 2, maxLength: 4 }),
      fc.integer({ min: 1, max: 999999 }),
      (prefix, n) => caseReferenceProblem(`${prefix}-${n}`) === null,
    ),
  );
});

test('a name, "Firstname Surname", is refused as a name wherever it sits', () => {
  fc.assert(
    fc.property(capitalised, capitalised, surrounding, (first, last, [before, after]) => {
      const problem = caseReferenceProblem(`${before}${first} ${last}${after}`.slice(0, 40));
      return problem !== null;
    }),
  );
  assert.match(caseReferenceProblem('Jamie Smith')!, /must not contain a name/);
  assert.match(caseReferenceProblem('mr smith')!, /must not contain a name/);
});

test('an NHS number, with or without spaces, is refused', () => {
  fc.assert(
    fc.property(nhsNumber, fc.constantFrom('', ' ', '-'), surrounding, (n, sep, [before, after]) => {
      const written = `${n.slice(0, 3)}${sep}${n.slice(3, 6)}${sep}${n.slice(6)}`;
      return caseReferenceProblem(`${before}${written}${after}`) !== null;
    }),
  );
  assert.match(caseReferenceProblem('943 476 5919')!, /must not be an NHS number/);
  assert.match(caseReferenceProblem('9434765918')!, /could be an NHS number/);
});

test('a date of birth in any usual shape is refused', () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
      fc.constantFrom('/', '-', '.'),
      (d, sep) => {
        const [y, m, day] = d.toISOString().slice(0, 10).split('-');
        return (
          caseReferenceProblem(`${day}${sep}${m}${sep}${y}`) !== null &&
          caseReferenceProblem(`${y}-${m}-${day}`) !== null
        );
      },
    ),
  );
  assert.match(caseReferenceProblem('DOB 12 March 2015')!, /must not contain a date/);
  assert.match(caseReferenceProblem('12/3/15')!, /must not contain a date/);
});

test('an e-mail address or a phone number is refused', () => {
  assert.match(caseReferenceProblem('jo@example.com')!, /email address/);
  assert.match(caseReferenceProblem('0161 342 8355')!, /phone number/);
  assert.match(caseReferenceProblem('07700 900123')!, /phone number/);
  assert.match(caseReferenceProblem('+44 7700 900123')!, /phone number/);
  fc.assert(fc.property(fc.emailAddress(), (address) => caseReferenceProblem(address) !== null));
});

test('any text gets an answer, never an exception; blank and long are refused', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const p = caseReferenceProblem(s);
      return p === null || typeof p === 'string';
    }),
  );
  assert.equal(caseReferenceProblem('  '), 'Enter the case reference');
  assert.match(caseReferenceProblem('A'.repeat(41))!, /40 characters or fewer/);
});
