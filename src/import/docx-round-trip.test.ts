/**
 * A Word copy of a document must import exactly as its text copy does: the same records, the same
 * line numbers, the same lines apart from how nested bullets are indented.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { docxFromText } from './fixtures/build-docx.ts';
import { highlightReportPackExtractor } from './highlight-report-pack.ts';
import { readSource } from './source.ts';
import { parseBullet, toSourceLines } from './text.ts';
import type { DocumentExtractor } from './types.ts';
import { weSaidWeDidExtractor } from './we-said-we-did.ts';

const cases: Array<[string, DocumentExtractor]> = [
  ['seeds/000-we-said-we-did.txt', weSaidWeDidExtractor],
  ['seeds/001-highlight-report-pack.txt', highlightReportPackExtractor],
  ['we-said-we-did-northshire.txt', weSaidWeDidExtractor],
  ['highlight-report-westborough.md', highlightReportPackExtractor],
];

describe('a .docx made from a document’s text', () => {
  for (const [name, extractor] of cases) {
    it(`${name}: gives the same lines and the same records as the text`, async () => {
      const text = readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
      const result = await readSource(await docxFromText(text), name.replace(/\.\w+$/, '.docx'));
      assert.ok(result.ok, result.ok ? '' : result.message);
      assert.equal(result.format, 'docx');
      const fromText = toSourceLines(text);
      // Word numbers every bullet "-" (or "1.") and indents two spaces a level; the text may use
      // any marker and indentation, so bullets are compared by their words only.
      const comparable = (t: string) => (parseBullet(t) ? parseBullet(t)!.text : t);
      assert.deepEqual(
        result.lines.map((l) => comparable(l.text)),
        fromText.map((l) => comparable(l.text)),
      );
      assert.deepEqual(extractor.extract(result.lines), extractor.extract(fromText));
    });
  }
});
