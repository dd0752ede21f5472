import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { systemActor } from '../../db/changes.ts';
import { addObservations } from '../../db/measures/commands.ts';
import { createCommitteeReport } from '../../db/publishing/commands.ts';
import { boardMeetings, measures } from '../../db/schema.ts';
import { quarterByKey } from '../../domain/publishing/quarters.ts';
import { docxText, pdfInfo, pdfText } from '../../reports/text-readback.ts';
import { testApp } from '../../../test/helpers/app.ts';
import { buildPlanWithPeople } from '../../../test/helpers/builders.ts';
import { buildApprovedReport, buildBoard } from '../../../test/helpers/board-builders.ts';
import { buildMeasure } from '../../../test/helpers/measure-builders.ts';
import { TestClient } from '../../../test/helpers/client.ts';
import { paths } from '../paths.ts';

const actor = systemActor('Test');

test('a Cabinet report for a past quarter has only that quarter’s figures and reports, and is frozen when issued', async (t) => {
  const { app, database } = await testApp(t, { WESAID_TODAY: '2025-01-15' });
  const db = database.db;
  const world = await buildPlanWithPeople(db);
  const board = await buildBoard(db, world.organisationId, world.plan.id);
  await buildApprovedReport(db, world.organisationId, board.id, world.priority.id, {
    reason: 'Reported to the September board.',
  });
  const later = await buildApprovedReport(db, world.organisationId, board.id, world.priority.id, {
    reason: 'Reported to the November board.',
  });
  // The second approved report is for a board after the quarter ended.
  await db
    .update(boardMeetings)
    .set({ meetingOn: '2024-11-12' })
    .where(eq(boardMeetings.id, later.meeting.id));
  const measure = await buildMeasure(
    db,
    world.organisationId,
    { name: 'Assessments on time' },
    [
      { period: '2024-08', value: 85 },
      { period: '2024-11', value: 97 },
    ],
    [world.priority.id],
  );
  const report = await createCommitteeReport(
    db,
    world.organisationId,
    {
      planId: world.plan.id,
      quarter: quarterByKey('2024-25-q2')!,
      consultationId: null,
      reportTo: 'Executive Cabinet',
      meetingOn: '2024-10-23',
      reportingOfficer: 'Director of Children’s Services',
      subject: 'Improvement plan: quarter 2',
      reportSummary: 'Progress in quarter 2.',
      recommendations: 'To note the report.',
      communityStrategyLinks: '',
      financialImplications: '',
      legalImplications: '',
      backgroundPapersContact: '',
    },
    actor,
  );
  const pm = new TestClient(app);
  await pm.signIn(world.people.programmeManager.email, world.people.programmeManager.password);
  const download = async (format: 'docx' | 'pdf', query?: { version: number }) => {
    const response = await pm.get(paths.publishing.committeeReportDownload(report.id, format, query));
    assert.equal(response.statusCode, 200);
    return format === 'docx' ? docxText(response.rawPayload) : pdfText(response.rawPayload);
  };

  const live = await download('docx');
  assert.match(live, /85%/);
  assert.match(live, /August 2024/);
  assert.doesNotMatch(live, /97%|November 2024/, 'no figure for a later period');
  assert.match(live, /Reported to the September board\./);
  assert.doesNotMatch(live, /Reported to the November board/);

  // Figures for a period after the quarter, loaded now, stay out of the report on the past quarter.
  await addObservations(db, measure.id, [{ period: '2025-01', value: 42 }]);
  const livePdf = await pm.get(paths.publishing.committeeReportDownload(report.id, 'pdf'));
  const livePdfText = await pdfText(livePdf.rawPayload);
  assert.doesNotMatch(livePdfText, /42%|January 2025|97%|November 2024/, 'no figure for a later period');
  // Before issue, every page says DRAFT: the running header of the PDF and of the Word file.
  const { pages } = await pdfInfo(livePdf.rawPayload);
  const marks = (livePdfText.match(/\bDRAFT\b/g) ?? []).length;
  assert.ok(marks >= pages, `${marks} DRAFT marks on ${pages} pages`);
  assert.match(live, /DRAFT: this report has not been issued/);
  const liveDocx = await pm.get(paths.publishing.committeeReportDownload(report.id, 'docx'));
  const zip = await JSZip.loadAsync(liveDocx.rawPayload);
  const headers = Object.keys(zip.files).filter((name) => /^word\/header\d*\.xml$/.test(name));
  assert.ok(headers.length > 0, 'the Word file has a running header');
  for (const name of headers) assert.match(await zip.file(name)!.async('string'), />DRAFT</);

  const page = await pm.get(paths.publishing.committeeReport(report.id));
  assert.match(page.body, /Not issued yet/);
  assert.match(page.body, />DRAFT</);
  assert.equal((await pm.post(paths.publishing.issueCommitteeReport(report.id), {})).statusCode, 303);
  const issuedDocx = await download('docx');
  const issuedPdf = await download('pdf');
  assert.doesNotMatch(issuedDocx, /DRAFT/, 'the issued Word file is not marked DRAFT');
  assert.doesNotMatch(issuedPdf, /DRAFT/, 'no page of the issued PDF is marked DRAFT');
  assert.doesNotMatch(issuedPdf, /42%|January 2025/);

  await addObservations(db, measure.id, [{ period: '2024-09', value: 60 }]);
  await db.update(measures).set({ name: 'Renamed later' }).where(eq(measures.id, measure.id));
  assert.equal(await download('docx'), issuedDocx);
  assert.equal(await download('pdf'), issuedPdf);

  await pm.get(paths.publishing.committeeReport(report.id));
  const refused = await pm.post(paths.publishing.issueCommitteeReport(report.id), { reason: '' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /href="#reason">Enter why the papers are being issued again/);
  await pm.get(paths.publishing.committeeReport(report.id));
  const again = await pm.post(paths.publishing.issueCommitteeReport(report.id), {
    reason: 'September figure added.',
  });
  assert.equal(again.statusCode, 303);
  assert.match(await download('docx'), /Renamed later/);
  assert.equal(await download('docx', { version: 1 }), issuedDocx);
  const listed = await pm.get(paths.publishing.committeeReport(report.id));
  assert.match(listed.body, /September figure added\./);
  assert.match(listed.body, /Version 1<\/th>/);
});
