import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { spreadsheetSafe } from './spreadsheet-cell.ts';

test('text a spreadsheet would run as a formula is marked as text; numbers and plain text are unchanged', () => {
  for (const formula of ["=cmd|' /C calc'!A0", '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
    assert.equal(spreadsheetSafe(formula), `'${formula}`);
  for (const plain of ['Children seen on time', '', '1 in 3', "'already text"])
    assert.equal(spreadsheetSafe(plain), plain);
  assert.equal(spreadsheetSafe(-5), -5);
  assert.equal(spreadsheetSafe(null), null);
});

test('no marked cell begins with a character that starts a formula', () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      const safe = String(spreadsheetSafe(text));
      assert.ok(!/^[=+\-@\t\r]/.test(safe));
      assert.ok(safe === text || safe === `'${text}`);
    }),
  );
});
