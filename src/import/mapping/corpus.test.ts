/*
 * The measure of issue 11: other councils' documents (../shared/corpus/docs, read where they are and
 * never copied) map with every non-blank line accounted for and at least 80% placed, and the records
 * are of the right kind. The share of lines placed into records rather than kept as text is printed
 * per document, so a change that makes the mapper better or worse shows.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sharedFile } from '../../../test/helpers/shared.ts';
import type { ImportedDocument } from '../types.ts';
import { applyMapping } from './apply.ts';
import { suggestMapping } from './suggest.ts';
import {
  actionsOf,
  commitmentsOf,
  decisionsOf,
  linesInRecords,
  nonBlankOf,
  structureOfText,
} from './test-helpers.ts';

const folder = path.dirname(sharedFile('corpus', 'docs', 'SOURCES.md'));
const files = readdirSync(folder)
  .filter((name) => name.endsWith('.txt'))
  .sort();

function mapped(name: string) {
  const structure = structureOfText(readFileSync(path.join(folder, name), 'utf8'));
  const mapping = suggestMapping(structure);
  return { structure, mapping, doc: applyMapping(structure, mapping) };
}

const docOf = (prefix: string): ImportedDocument => {
  const name = files.find((f) => f.startsWith(prefix));
  assert.ok(name, `${prefix} is in the corpus`);
  return mapped(name).doc;
};

describe('the corpus of other councils’ documents', () => {
  it('has its documents', () => assert.ok(files.length >= 14, `${files.length} documents`));

  for (const name of files) {
    it(`${name}: every line accounted for, at least 80% placed`, (t) => {
      const { structure, doc } = mapped(name);
      const nonBlank = nonBlankOf(structure);
      const unplaced = doc.unplaced.length;
      const placed = nonBlank - unplaced;
      assert.equal(placed + unplaced, nonBlank);
      assert.ok(placed / nonBlank >= 0.8, `${placed} of ${nonBlank} placed`);
      const inRecords = linesInRecords(doc);
      const recordLines = structure.lines.filter((l) => l.text.trim() && inRecords.has(l.number)).length;
      t.diagnostic(
        `${doc.kind}: ${Math.round((placed / nonBlank) * 100)}% placed, ${Math.round((recordLines / nonBlank) * 100)}% into records (${placed}/${recordLines}/${nonBlank})`,
      );
    });
  }

  it('reads the action plan’s "Reason for Amber" rows as Amber commitments with their updates', () => {
    const doc = docOf('cityoflondon_');
    assert.equal(doc.kind, 'action-tracker');
    const commitments = commitmentsOf(doc);
    assert.ok(commitments.length >= 9, `${commitments.length} commitments`);
    assert.ok(commitments.every((c) => c.rag === 'Amber'));
    assert.ok(commitments.slice(0, 9).every((c) => c.progress));
  });

  it('reads minutes’ RESOLVED items as decisions and the meeting’s date', () => {
    const sefton = docOf('sefton_');
    assert.equal(sefton.kind, 'board-minutes');
    assert.equal(decisionsOf(sefton).length, 2);
    assert.equal(sefton.meetings![0]!.date?.date, '2017-09-26');
    const bromley = docOf('bromley_');
    assert.equal(decisionsOf(bromley).length, 1);
    assert.equal(bromley.meetings![0]!.date?.date, '2022-11-17');
    assert.equal(actionsOf(bromley).length, 0);
  });

  it('reads an inspection’s numbered recommendations and a report’s judgements', () => {
    const havering = docOf('havering_');
    assert.equal(havering.kind, 'inspection-report');
    assert.equal(havering.recommendations!.length, 7);
    assert.ok(havering.priorities.flatMap((p) => p.areas).every((a) => a.source?.startsWith('Inspection')));
    const manchester = docOf('manchester_');
    assert.equal(manchester.kind, 'inspection-report');
    const judgements = manchester.judgements!.map((j) => [j.area, j.grade]);
    assert.ok(judgements.length >= 5, JSON.stringify(judgements));
    assert.deepEqual(
      judgements.find(([area]) => area === 'Adoption performance'),
      ['Adoption performance', 'Good'],
    );
    assert.ok(
      judgements.some(
        ([area, grade]) => area!.endsWith('achieving permanence') && grade === 'Requires improvement',
      ),
    );
    // A monitoring visit's "areas covered" are its focus (the last inspection's concerns), not recommendations.
    const bcp = docOf('bcp_');
    assert.equal(bcp.kind, 'inspection-report');
    assert.equal(bcp.inspection?.kind, 'monitoring-visit');
    assert.match(bcp.inspection.focus, /timeliness of social work intervention/);
  });

  it('reads plans’ numbered priorities', () => {
    const worcestershire = docOf('worcestershire_');
    assert.equal(worcestershire.kind, 'improvement-plan');
    assert.deepEqual(
      worcestershire.priorities.slice(0, 2).map((p) => [p.number, p.title]),
      [
        [1, 'Support and develop our workforce'],
        [2, 'Improve our practice'],
      ],
    );
    assert.ok(worcestershire.priorities.every((p) => p.ambition));
    const kirklees = docOf('kirklees_');
    assert.equal(kirklees.priorities.length, 10);
    assert.equal(kirklees.priorities[9]!.title, 'Performance and Quality Assurance');
  });
});
