import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  highlightStart as s,
  highlightStop as e,
  readPageNumber,
  readSearchTerm,
  snippetHtml,
  snippetText,
} from './search.ts';

test('a term is trimmed; blank asks for the box only; over 200 characters is refused', () => {
  assert.deepEqual(readSearchTerm('  case   files '), { kind: 'ok', text: 'case files' });
  assert.deepEqual(readSearchTerm(' \t\n'), { kind: 'empty' });
  assert.deepEqual(readSearchTerm(undefined), { kind: 'empty' });
  assert.deepEqual(readSearchTerm(['a', 'b']), { kind: 'empty' });
  assert.equal(readSearchTerm('x'.repeat(200)).kind, 'ok');
  assert.equal(readSearchTerm('x'.repeat(201)).kind, 'too-long');
  assert.equal(readPageNumber('3'), 3);
  assert.equal(readPageNumber('0'), 1);
  assert.equal(readPageNumber('-2'), 1);
});

test('a snippet escapes everything and turns only the marks into <mark>, always balanced', () => {
  assert.equal(
    snippetHtml(`<b>"x"</b> & ${s}audit${e}'s`),
    '&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; <mark>audit</mark>&#39;s',
  );
  assert.equal(snippetHtml(`${s}${s}a${e}${e} b ${s}c`), '<mark>a</mark> b <mark>c</mark>');
  assert.equal(snippetHtml(`${e}a`), 'a');
  assert.equal(snippetText(`${s}a${e} b`), 'a b');
});
