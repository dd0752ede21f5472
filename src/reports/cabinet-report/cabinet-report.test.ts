import { testClock } from '../../../test/helpers/clock.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { testDatabase } from '../../../test/helpers/database.ts';
import { cabinetReportRows, listCommitteeReports } from '../../db/publishing/queries.ts';
import { committeeReportRecipients } from '../../db/schema.ts';
import { ensureOrganisation } from '../../db/people/commands.ts';
import { loadDemo } from '../../demo/load-demo.ts';
import { docxText, findOutOfOrder, pdfText } from '../text-readback.ts';
import { renderCabinetReportDocx } from './docx.ts';
import { assembleCabinetReport, buildCabinetReportView, coverLabels } from './index.ts';
import { renderCabinetReportPdf } from './pdf.ts';

test('the demo plan’s Cabinet report reads back, as Word and PDF, with every cover field and section in order', async (t) => {
  const database = await testDatabase();
  t.after(() => database.close());
  const organisationId = await ensureOrganisation(database.db, 'Tameside Metropolitan Borough Council');
  await loadDemo(database.db, organisationId, testClock());
  const [row] = await listCommitteeReports(database.db, organisationId);
  assert.ok(row, 'the demo has a Cabinet report');
  const [first] = await database.db
    .select()
    .from(committeeReportRecipients)
    .where(eq(committeeReportRecipients.reportId, row.report.id));
  await database.db
    .update(committeeReportRecipients)
    .set({ receivedOn: '2023-04-26' })
    .where(eq(committeeReportRecipients.id, first!.id));

  const report = assembleCabinetReport(
    await cabinetReportRows(database.db, row.report, testClock().now()),
    'https://wesaid.example/public',
  );
  const view = buildCabinetReportView(report);
  const expected = [
    ...view.cover.flatMap((c) => [c.label, c.text.split('\n')[0]!]),
    '1. TAMESIDE IMPROVEMENT PLAN 2022/23: PROGRESS IN QUARTER 4, 2022/23',
    '1.1',
    'Priority 1: A new Improvement Board accountability framework',
    '2. HIGHLIGHT REPORTS TO THE IMPROVEMENT BOARD',
    '3. SCORECARD',
    '4. FINANCIAL IMPLICATIONS',
    '£0 of recurrent and £1,000,000 of non-recurrent (one-off) investment',
    'Whole plan',
    'Not stated',
    'Non-recurrent (one-off)',
    'Year not stated',
    '£1,000,000',
    '5. FEEDBACK ON THE DEVELOPMENT OF THE IMPROVEMENT PLAN',
    'Demand and need',
    'Partnership working',
    '6. NEXT STEPS',
    'Executive Cabinet of Tameside Council (received 26 April 2023)',
    '2BeUs (Children in Care Council)',
    '7. RECOMMENDATIONS',
    'As stated on the report cover.',
  ];
  assert.deepEqual(
    view.cover.map((c) => c.label),
    Object.values(coverLabels),
  );
  for (const [format, text] of [
    ['docx', await docxText(await renderCabinetReportDocx(report))],
    ['pdf', await pdfText(await renderCabinetReportPdf(report))],
  ] as const) {
    assert.equal(findOutOfOrder(text, expected), undefined, format);
    for (const field of [
      'Executive Cabinet',
      '26 April 2023',
      'Tameside Improvement Plan 2022/23: progress update',
      'Executive Cabinet is asked to note',
    ])
      assert.ok(text.includes(field), `${format}: ${field}`);
  }
});
