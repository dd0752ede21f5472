import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recogniseLogo } from './logo.ts';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const text = (s: string) => new TextEncoder().encode(s);

test('a PNG is known by its signature, whatever the file is called', () => {
  assert.deepEqual(recogniseLogo(png), { ok: true, type: 'image/png' });
  assert.deepEqual(recogniseLogo(png.subarray(0, 7)), { ok: false, problem: 'not-an-image' });
});

test('an SVG is known by its opening element, after a declaration, comments or a doctype', () => {
  assert.equal(recogniseLogo(text('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).ok, true);
  assert.equal(
    recogniseLogo(
      text('\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<!DOCTYPE svg>\n<svg viewBox="0 0 1 1"/>'),
    ).ok,
    true,
  );
});

test('anything else is refused: text, HTML, a JPEG', () => {
  assert.equal(recogniseLogo(text('Hello')).ok, false);
  assert.equal(recogniseLogo(text('<html><svg></svg></html>')).ok, false);
  assert.equal(recogniseLogo(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])).ok, false);
  assert.equal(recogniseLogo(new Uint8Array()).ok, false);
});
