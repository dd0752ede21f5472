/*
 * Issue 11's measure for prose documents: other councils' minutes and Ofsted letters
 * (../shared/corpus/docs, read where they are) place at least 80% of their non-blank lines into
 * records: a meeting's agenda items with their discussion, attendance, decisions and actions; an
 * inspection with its dates, focus, findings, recommendations and judgements. The share is printed
 * per document. Minutes and a letter written here as councils and Ofsted write them check the fields.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { sharedFile } from '../../../test/helpers/shared.ts';
import { boardMinutes, monitoringLetter } from './fixtures/prose-documents.ts';
import { suggestAndApply } from './suggest.ts';
import { linesInRecords, nonBlankOf, structureOfText } from './test-helpers.ts';

const folder = path.dirname(sharedFile('corpus', 'docs', 'SOURCES.md'));
const minutes = [
  'barnsley',
  'bromley',
  'darlington',
  'enfield',
  'havering',
  'herefordshire',
  'plymouth',
  'sefton',
  'wirral',
];
const letters = ['bcp', 'manchester'];
const fileOf = (council: string) =>
  readFileSync(
    path.join(
      folder,
      readdirNames().find((f) => f.startsWith(`${council}_`))!,
    ),
    'utf8',
  );

let names: string[] | undefined;
function readdirNames(): string[] {
  return (names ??= readFileSync(path.join(folder, 'SOURCES.md'), 'utf8').match(/[a-z]+_[\w-]+\.txt/g) ?? []);
}

function read(text: string) {
  const structure = structureOfText(text);
  const { document } = suggestAndApply(structure);
  const nonBlank = nonBlankOf(structure);
  const inRecords = linesInRecords(document);
  const recordLines = structure.lines.filter((l) => l.text.trim() && inRecords.has(l.number)).length;
  return { doc: document, nonBlank, share: recordLines / nonBlank, recordLines };
}

describe('prose minutes and letters from other councils', () => {
  for (const council of [...minutes, ...letters]) {
    it(`${council}: at least 80% of lines placed into records`, (t) => {
      const { doc, nonBlank, share, recordLines } = read(fileOf(council));
      assert.equal(doc.unplaced.length, 0);
      t.diagnostic(`${doc.kind}: ${Math.round(share * 100)}% into records (${recordLines}/${nonBlank})`);
      assert.ok(share >= 0.8, `${recordLines} of ${nonBlank} lines into records`);
      if (minutes.includes(council)) assert.ok(doc.meetings?.[0]?.items?.length, 'an agenda item');
      else assert.ok(doc.inspection, 'an inspection');
    });
  }

  it('minutes an item under its number with its discussion and its resolutions', () => {
    const meeting = read(fileOf('sefton')).doc.meetings![0]!;
    const [item] = meeting.items!;
    assert.equal(item!.reference, '18');
    assert.equal(item!.title, "Updated Children's Social Care Improvement Plan");
    assert.match(item!.discussion, /^Report of the Head/);
    assert.equal(item!.discussion.split('\n\n').length, 5);
    assert.deepEqual(
      meeting.decisions.map((d) => [d.reference, d.item]),
      [
        ['1', 0],
        ['2', 0],
      ],
    );
  });

  it('reads who was present, in attendance and sent apologies from a flattened table', () => {
    const attendees = read(fileOf('wirral')).doc.meetings![0]!.attendees!;
    const chair = attendees.find((a) => a.name === 'Linda Clegg');
    assert.equal(chair?.role, 'Chair of the Improvement Board');
    assert.equal(attendees.filter((a) => a.attendance === 'apologies').length, 7);
    assert.equal(attendees.filter((a) => a.list === 'Officers in Attendance').length, 7);
  });

  it('reads a monitoring visit letter’s kind, days and focus', () => {
    const { inspection } = read(fileOf('bcp')).doc;
    assert.equal(inspection?.kind, 'monitoring-visit');
    assert.equal(inspection?.startDate, '2022-10-04');
    assert.equal(inspection?.endDate, '2022-10-05');
    assert.match(inspection.focus, /^The focus of the monitoring visit was children in need/);
    assert.match(inspection.focus, /chronologies/);
  });

  it('reads a re-inspection report’s kind, dates and the finding under its summary', () => {
    const { doc } = read(fileOf('manchester'));
    assert.equal(doc.inspection?.kind, 'sif-inspection');
    assert.equal(doc.inspection?.startDate, '2017-10-09');
    assert.equal(doc.inspection?.endDate, '2017-11-02');
    assert.equal(doc.inspection?.publishedDate, '2017-12-21');
    assert.equal(doc.inspection?.findings[0]?.under, 'Executive summary');
    assert.equal(doc.judgements?.length, 6);
  });
});

describe('minutes and a letter written as councils and Ofsted write them', () => {
  it('makes each numbered item an agenda item with its discussion, decision and action', () => {
    const { doc, share } = read(boardMinutes);
    assert.equal(doc.kind, 'board-minutes');
    const meeting = doc.meetings![0]!;
    assert.equal(meeting.items!.map((i) => i.reference).join(','), '1,2,3,4');
    assert.match(meeting.items![2]!.discussion, /Contacts had risen/);
    assert.equal(meeting.decisions[0]!.item, 2);
    const action = meeting.actions[0]!;
    assert.equal(action.item, 2);
    assert.equal(action.owner, 'Tom Reed');
    assert.equal(action.due?.text, 'end of March');
    assert.ok(action.due?.date || action.due?.period, 'the due date is read and its words kept');
    assert.deepEqual(
      meeting.attendees!.map((a) => [a.name, a.attendance]),
      [
        ['Sam Okafor', 'present'],
        ['Cllr Jo Hale', 'present'],
        ['Priya Shah', 'present'],
        ['Tom Reed', 'present'],
        ['Ann Lee', 'apologies'],
      ],
    );
    assert.ok(share >= 0.9, `${share}`);
  });

  it('makes the letter an inspection with its findings, strengths and recommendations', () => {
    const { doc, share } = read(monitoringLetter);
    assert.equal(doc.kind, 'inspection-report');
    const inspection = doc.inspection!;
    assert.equal(inspection.kind, 'monitoring-visit');
    assert.equal(inspection.startDate, '2025-06-03');
    assert.match(inspection.focus, /front door/);
    assert.deepEqual(
      inspection.findings.map((f) => f.kind),
      ['finding', 'strength'],
    );
    assert.deepEqual(
      doc.recommendations!.map((r) => r.number),
      ['1', '2'],
    );
    assert.ok(share >= 0.9, `${share}`);
  });
});
