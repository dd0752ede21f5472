import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBrandColour, contrastRatio, formatRatio, normaliseHexColour } from './contrast.ts';

test('black on white is 21:1 and a colour against itself is 1:1, either way round', () => {
  assert.equal(contrastRatio('#000000', '#ffffff'), 21);
  assert.equal(contrastRatio('#ffffff', '#000000'), 21);
  assert.equal(contrastRatio('#1d70b8', '#1d70b8'), 1);
});

test('known ratios against white match the WCAG formula', () => {
  // GOV.UK blue is 5.17:1 against white (5.165, shown rounded down); #767676 is the lightest grey that passes 4.5:1.
  assert.equal(formatRatio(contrastRatio('#1d70b8', '#fff')), '5.16:1');
  assert.ok(contrastRatio('#767676', '#ffffff') >= 4.5);
  assert.ok(contrastRatio('#777777', '#ffffff') < 4.5);
});

test('hex colours are read with or without the hash, in three or six digits, any case', () => {
  assert.equal(normaliseHexColour('#1D70B8'), '#1d70b8');
  assert.equal(normaliseHexColour('1d70b8'), '#1d70b8');
  assert.equal(normaliseHexColour(' #abc '), '#aabbcc');
  assert.equal(normaliseHexColour('blue'), null);
  assert.equal(normaliseHexColour('#12345'), null);
  assert.equal(normaliseHexColour('#1d70b8; color: red'), null);
});

test('a brand colour passes only with at least 4.5:1 against the header’s white text', () => {
  assert.deepEqual(checkBrandColour('#005EA5'), {
    ok: true,
    colour: '#005ea5',
    ratio: contrastRatio('#005ea5', '#ffffff'),
  });
  const pale = checkBrandColour('#ffdd00');
  assert.equal(pale.ok, false);
  assert.equal(!pale.ok && pale.problem, 'too-little-contrast');
  assert.equal(checkBrandColour('not a colour').ok, false);
});

test('a ratio is rounded down, so one just short of the minimum never reads as enough', () => {
  assert.equal(formatRatio(4.4999), '4.49:1');
  assert.equal(formatRatio(21), '21.00:1');
});
