import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contrastRatio, normaliseHex, textColourOn } from './colour.ts';

test('contrast follows the WCAG formula', () => {
  assert.equal(contrastRatio('#000000', '#ffffff').toFixed(1), '21.0');
  assert.equal(contrastRatio('#fff', '#ffffff'), 1);
  assert.equal(contrastRatio('#1d70b8', '#ffffff').toFixed(2), '5.17');
});

test('text on a RAG colour is whichever of near-black and white reads better', () => {
  assert.equal(textColourOn('#ffbf47'), '#0b0c0c');
  assert.equal(textColourOn('#ffdd00'), '#0b0c0c');
  assert.equal(textColourOn('#00703c'), '#ffffff');
  assert.equal(textColourOn('#d4351c'), '#ffffff');
  for (const bg of ['#ffbf47', '#00703c', '#d4351c', '#1d70b8', '#f47738']) {
    assert.ok(contrastRatio(bg, textColourOn(bg)) >= 4.5, `text on ${bg} under 4.5:1`);
  }
});

test('only hex colours are accepted', () => {
  assert.equal(normaliseHex('#ABC'), '#aabbcc');
  assert.throws(() => normaliseHex('red'), /not a hex colour/);
  assert.throws(() => normaliseHex('#12345g'), /not a hex colour/);
});
