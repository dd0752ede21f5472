import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../domain/changes.ts';
import { issueMeetingPapers } from '../web/board/papers.ts';
import type { Db } from '../db/client.ts';
import { confirmImport, savePendingImport } from '../db/imports/commands.ts';
import { readDocument } from '../import/read-document.ts';
import type { Clock } from '../domain/clock.ts';
import { createDemoAccounts, type DemoAccount } from './accounts.ts';
import { heldMeeting, prepareNextBoard } from './board-demo.ts';
import { loadDemoCaseAudits } from './case-audits.ts';
import { recordHeldMeeting } from './meeting-record-demo.ts';
import { closeEarlierPlans } from './earlier-plans.ts';
import { loadDemoMeasures } from './measures.ts';
import { addProgrammeCommitments, currentProgramme } from './programme-2024.ts';
import { publishDemo } from './publish-demo.ts';
import { addDemoRisks } from './risks.ts';
import { addDemoInspections } from './inspections.ts';
import { addDemoProjects } from './projects.ts';
import { addFamiliesFirst } from './families-first.ts';

export const demoSeedsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seeds');

async function importSeeds(db: Db, organisationId: number): Promise<void> {
  const files = readdirSync(demoSeedsFolder)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  for (const file of files) {
    const result = await readDocument(readFileSync(path.join(demoSeedsFolder, file)), file);
    if (!result.ok) throw new Error(`The demo document ${file} could not be read: ${result.message}`);
    const pending = await savePendingImport(db, {
      organisationId,
      fileName: file,
      contentHash: result.contentHash,
      document: result.document,
      nonBlankLines: result.summary.lines.nonBlank,
      userId: null,
    });
    await confirmImport(db, pending, systemActor('Demo data'));
  }
}

/**
 * Everything a newcomer sees on a demo start, as one story on the demo's date (1 October 2024):
 * the council's five published documents imported as a programme office would import them, the
 * earlier plans closed, the 2024 programme with its commitments and risks, its board with members,
 * the 10 September meeting held and the next one's reports being written, the scorecard, the public
 * site with a published quarter, and a quarter of case audits feeding the scorecard. Returns one
 * account per role (the sponsor is the one the highlight reports name, so the import makes them
 * each priority's sponsor).
 */
export async function loadDemo(
  db: Db,
  organisationId: number,
  clock: Clock,
  options: { publicUrl?: string; progress?: (step: string) => void } = {},
): Promise<DemoAccount[]> {
  const publicUrl = (options.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '');
  const progress = options.progress ?? (() => undefined);
  const accounts = await createDemoAccounts(db, organisationId);
  progress('Importing the council’s five documents');
  await importSeeds(db, organisationId);
  await closeEarlierPlans(db, organisationId);
  await addDemoProjects(db, organisationId);
  const programme = await currentProgramme(db, organisationId);
  progress('Loading the scorecard’s figures');
  await loadDemoMeasures(db, organisationId);
  progress('Holding the board of 10 September 2024 and issuing its papers');
  const { meeting } = await heldMeeting(db, organisationId);
  await addDemoRisks(db, programme, accounts);

  // Its papers are issued with the figures known by then (the measures above), before the
  // commitments and the next cycle below change what a live pack would show.
  await issueMeetingPapers(db, organisationId, meeting.id, { clock }, systemActor('Demo data'));

  progress('Writing the commitments and the next board’s reports');
  await addProgrammeCommitments(db, programme, {
    title: 'Highlight reports to the Improvement Board, 10 September 2024',
    url: `${publicUrl}/meetings/${meeting.id}/pack.html`,
  });
  await prepareNextBoard(db, organisationId, programme, accounts);
  progress('Recording the inspections and what answers them');
  await addDemoInspections(db, organisationId, programme);
  progress('Recording the meeting’s agenda, minutes and actions');
  await recordHeldMeeting(db, organisationId, accounts);
  progress('Publishing the quarter');
  await publishDemo(db, organisationId, programme, clock.today());
  progress('Recording a quarter of case audits');
  // Recorded after the quarter was published, so the public snapshot stays as the demo's story has it.
  await loadDemoCaseAudits(db, programme);
  progress('Adding the Families First Partnership beside the plan');
  // Last, so the issued papers and the published quarter stay as the demo's story has them.
  await addFamiliesFirst(db, organisationId, programme);
  return accounts;
}
