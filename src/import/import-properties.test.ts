/**
 * Property tests: generated documents of each kind give exactly the records they were written from,
 * the same records every time and with either line ending, and no input, however odd, makes the
 * importer throw or lose a line.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertNothingLost } from './fixtures/account.ts';
import { highlightSpec, renderHighlight } from './fixtures/generate-highlight-report-pack.ts';
import { expectedCommitments, renderWeSaid, weSaidSpec } from './fixtures/generate-we-said-we-did.ts';
import { highlightReportPackExtractor } from './highlight-report-pack.ts';
import { readSource } from './source.ts';
import { toSourceLines } from './text.ts';
import type { DocumentExtractor, SourceLine } from './types.ts';
import { weSaidWeDidExtractor } from './we-said-we-did.ts';

/** A copy of a record tree without its line references, which the generators do not predict. */
function withoutLines(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLines);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'lines')
        .map(([key, v]) => [key, withoutLines(v)]),
    );
  }
  return value;
}

function assertStable(extractor: DocumentExtractor, text: string): void {
  const lines = toSourceLines(text);
  const first = extractor.extract(lines);
  assert.deepEqual(extractor.extract(lines), first, 'a second extraction differs');
  assert.deepEqual(
    extractor.extract(toSourceLines(text.replace(/\n/g, '\r\n'))),
    first,
    'CRLF changes the records',
  );
}

describe('generated "We said, We did" reports', () => {
  it('give exactly the priorities, commitments and outcomes written, every time, losing no line', () => {
    fc.assert(
      fc.property(weSaidSpec, (spec) => {
        const text = renderWeSaid(spec);
        const lines = toSourceLines(text);
        const doc = weSaidWeDidExtractor.extract(lines);
        assert.ok(weSaidWeDidExtractor.recognise(lines) >= 0.5);
        assert.equal(doc.period, spec.period);
        const actual = doc.priorities.map((p) => ({
          number: p.number,
          title: p.title,
          commitments: p.commitments.map((c) => ({
            text: c.text,
            outcomes: c.outcomes.map((o) => o.text),
            review: c.needsReview !== undefined,
          })),
        }));
        const expected = expectedCommitments(spec).map((p) => ({
          ...p,
          commitments: p.commitments.map((c) => ({
            text: c.text,
            outcomes: c.outcomes.map((o) => o.text),
            review: c.needsReview !== undefined,
          })),
        }));
        assert.deepEqual(actual, expected);
        assert.deepEqual(doc.unplaced, []);
        assert.equal(doc.pageFurniture.length, spec.posterKey ? 2 : 0);
        assertNothingLost(lines, doc);
        assertStable(weSaidWeDidExtractor, text);
      }),
    );
  });
});

describe('generated highlight report packs', () => {
  it('give exactly the reports written, across page breaks, every time, losing no line', () => {
    fc.assert(
      fc.property(highlightSpec, (spec) => {
        const text = renderHighlight(spec);
        const lines = toSourceLines(text);
        const doc = highlightReportPackExtractor.extract(lines);
        assert.ok(highlightReportPackExtractor.recognise(lines) >= 0.5);
        assert.deepEqual(withoutLines(doc.highlightReports), withoutLines(spec.reports));
        assert.deepEqual(
          doc.priorities.map((p) => [p.number, p.title, p.ambition]),
          spec.reports.map((r, i) => [r.priorityNumber, r.priorityTitle, spec.ambitions[i]]),
        );
        assert.deepEqual(doc.unplaced, []);
        assert.deepEqual(doc.needsReview, []);
        assert.equal(doc.pageFurniture.length % 2, 0);
        assert.ok(doc.pageFurniture.length >= 4);
        assertNothingLost(lines, doc);
        assertStable(highlightReportPackExtractor, text);
      }),
    );
  });
});

// Lines that look like the structure of either kind, to build documents that are nearly right.
const trickyLine = fc.oneof(
  fc.constantFrom(
    'We said:',
    'We did:',
    'we said - x',
    'WE DID: y',
    'Priority 1',
    'PRIORITY 2:',
    'Priority 3 - Title',
    'Priority\t1. Quality: ambition',
    'Priority\tno number',
    'Sponsor\tA Name',
    'Current RAG Status\tAmber (At Risk) - x',
    'Previous RAG Status\t',
    'Reason for RAG\t',
    'Report Completed By\tA\tCIB Meeting Date\t31/02/2024',
    'Report Completed By\tA\tB',
    'Board date: 10 September 24',
    'What needs to improve: area',
    'What needs to improve:',
    'Summary of progress since last board:',
    'Activity for the next period:',
    'Children’s Improvement Programme',
    '- item',
    ' - nested',
    '\t\t* deep',
    '1) one',
    '**Child',
    'Tameside**',
    '',
    '   ',
    '\t',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);

const lineSoup = fc.array(trickyLine, { maxLength: 60 }).map((texts) => toSourceLines(texts.join('\n')));

describe('any lines at all', () => {
  for (const extractor of [weSaidWeDidExtractor, highlightReportPackExtractor]) {
    it(`${extractor.kind}: never throws, scores between 0 and 1, and loses no line`, () => {
      fc.assert(
        fc.property(lineSoup, (lines: SourceLine[]) => {
          const score = extractor.recognise(lines);
          assert.ok(score >= 0 && score <= 1, `score ${score}`);
          const doc = extractor.extract(lines);
          assertNothingLost(lines, doc);
          for (const line of doc.unplaced) assert.notEqual(line.text.trim(), '');
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('readSource on anything', () => {
  const names = fc.constantFrom('a.txt', 'a.md', 'a.docx', 'a.pdf', 'a', '', 'A.MARKDOWN', 'x.doc');
  const reasons = [
    'empty',
    'binary',
    'too-large',
    'encoding',
    'unsupported-type',
    'unreadable',
    'unsafe',
    'no-text',
  ];

  it('never throws on random bytes, and any refusal has a known reason and a message', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.uint8Array({ maxLength: 400 }).map((b) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...b])),
      fc.uint8Array({ maxLength: 400 }).map((b) => Uint8Array.from([0xff, 0xfe, ...b])),
      fc.uint8Array({ maxLength: 400 }).map((b) => Uint8Array.from([0xfe, 0xff, ...b])),
    );
    await fc.assert(
      fc.asyncProperty(bytes, names, async (b, name) => {
        const result = await readSource(Buffer.from(b), name);
        if (result.ok) assert.ok(result.lines.length > 0);
        else {
          assert.ok(reasons.includes(result.reason), result.reason);
          assert.ok(result.message.length > 10);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads any text the same whether saved as UTF-8, UTF-8 with BOM or UTF-16', async () => {
    const text = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 200 })
      .filter((s) => !/[\0-\x08\x0e-\x1f\x7f]/.test(s) && /[^\s\u200b-\u200d\u2060\ufeff]/u.test(s));
    await fc.assert(
      fc.asyncProperty(text, async (s) => {
        const expected = toSourceLines(s);
        const encodings = [
          Buffer.from(s, 'utf8'),
          Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]),
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]),
          Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]),
        ];
        for (const bytes of encodings) {
          const result = await readSource(bytes, 'plan.txt');
          assert.ok(result.ok, result.ok ? '' : result.message);
          assert.deepEqual(result.lines, expected);
        }
      }),
    );
  });
});
