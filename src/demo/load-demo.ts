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
import { recordHeldMeeting } from './meeting-record-demo.ts';
import { closeEarlierPlans } from './earlier-plans.ts';
import { loadDemoMeasures } from './measures.ts';
import { addProgrammeCommitments, currentProgramme } from './programme-2024.ts';
import { publishDemo } from './publish-demo.ts';

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
 * earlier plans closed, the 2024 programme with its commitments, its board with members, the
 * 10 September meeting held and the next one's reports being written, the scorecard, and the
 * public site with a published quarter. Returns one account per role (the sponsor is the one the
 * highlight reports name, so the import makes them each priority's sponsor).
 */
export async function loadDemo(
  db: Db,
  organisationId: number,
  clock: Clock,
  options: { publicUrl?: string } = {},
): Promise<DemoAccount[]> {
  const publicUrl = (options.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '');
  const accounts = await createDemoAccounts(db, organisationId);
  await importSeeds(db, organisationId);
  await closeEarlierPlans(db, organisationId);
  const programme = await currentProgramme(db, organisationId);
  await loadDemoMeasures(db, organisationId);
  const { meeting } = await heldMeeting(db, organisationId);

  // Its papers are issued with the figures known by then (the measures above), before the
  // commitments and the next cycle below change what a live pack would show.
  await issueMeetingPapers(db, organisationId, meeting.id, { clock }, systemActor('Demo data'));

  await addProgrammeCommitments(db, programme, {
    title: 'Highlight reports to the Improvement Board, 10 September 2024',
    url: `${publicUrl}/meetings/${meeting.id}/pack.html`,
  });
  await prepareNextBoard(db, organisationId, programme, accounts);
  await recordHeldMeeting(db, organisationId, accounts);
  await publishDemo(db, organisationId, programme, clock.today());
  return accounts;
}
