/**
 * Fuzzed documents of every format: random bytes, and valid files with bytes changed, cut short or
 * repeated. Reading never throws and never hangs; a refusal has a known reason and names the file.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { basePdfDefinition, renderPdf } from '../../reports/pdf-style.ts';
import { councilDocx, trackerXlsx } from './fixtures.ts';
import { coverageProblems } from './coverage.ts';
import { readStructure } from './index.ts';

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

function mutated(valid: Uint8Array) {
  return fc.oneof(
    fc.uint8Array({ maxLength: 600 }),
    fc
      .array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 12,
      })
      .map((changes) => {
        const copy = Uint8Array.from(valid);
        for (const [at, byte] of changes) copy[at] = byte;
        return copy;
      }),
    fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
    fc.nat({ max: valid.length }).map((n) => Uint8Array.from([...valid.slice(0, n), ...valid.slice(n / 2)])),
  );
}

async function check(name: string, valid: Uint8Array, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(mutated(valid), async (bytes) => {
      const started = performance.now();
      const result = await readStructure(Buffer.from(bytes), name);
      assert.ok(performance.now() - started < 5000, 'took more than 5 s');
      if (result.ok) assert.deepEqual(coverageProblems(result.structure), []);
      else {
        assert.ok(reasons.includes(result.reason), result.reason);
        assert.ok(
          result.message.startsWith(name) || result.message.startsWith('The selected'),
          result.message,
        );
      }
    }),
    { numRuns },
  );
}

const text = Buffer.from(
  '# Plan\n\nPriority 1: Front door\n\n- one\n  - two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nLead: Jane\nRef\tAction\n1\tGo\n',
);

describe('readStructure on fuzzed documents', () => {
  it('text and Markdown', async () => {
    await check('plan.txt', text, 300);
    await check('plan.md', text, 300);
  });
  it('CSV', () =>
    check('tracker.csv', Buffer.from('Ref,Action,Lead\n1,"Review, then act",DCS\n2;x\t"y\n'), 300));
  it('Word', async () => check('plan.docx', await councilDocx(), 150));
  it('Excel', async () => check('tracker.xlsx', await trackerXlsx(), 150));
  it('PDF', async () => {
    const pdf = await renderPdf({
      ...basePdfDefinition({ title: 'Plan', author: 'Council', subject: 'Plan' }),
      content: [{ text: 'Plan', fontSize: 18 }, { text: 'Lead officer: Jane Smith' }],
    });
    await check('plan.pdf', pdf, 60);
  });
});
