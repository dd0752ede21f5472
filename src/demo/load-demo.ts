import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '../domain/changes.ts';
import type { Db } from '../db/client.ts';
import { confirmImport, savePendingImport } from '../db/imports/commands.ts';
import { readDocument } from '../import/read-document.ts';
import { loadDemoMeasures } from './measures.ts';
import { publishDemo } from './publish-demo.ts';
import type { Clock } from '../domain/clock.ts';

export const demoSeedsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seeds');

/**
 * Everything a newcomer sees on a demo start: the council's five published documents, imported the
 * same way a programme office would import them, oldest first.
 */
export async function loadDemo(db: Db, organisationId: number, clock: Clock): Promise<void> {
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
  await loadDemoMeasures(db, organisationId);
  await publishDemo(db, organisationId, clock.today());
}
