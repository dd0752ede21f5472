/**
 * The server for the "confirming 25,000 records" benchmark, in its own process so that the load
 * generator does not share its event loop: a pending import of a highlight report pack repeated to
 * 25,311 records, and the app listening on loopback. Prints one JSON line; on "confirm" (then
 * "undo") it runs that command on its own event loop, as a request would, and answers its time.
 */
import { buildApp } from '../src/app.ts';
import { systemActor } from '../src/db/changes.ts';
import { loadConfig } from '../src/config.ts';
import { openInMemory } from '../src/db/client.ts';
import { confirmImport, savePendingImport, undoImport } from '../src/db/imports/commands.ts';
import { findImport } from '../src/db/imports/queries.ts';
import { ensureOrganisation } from '../src/db/people/commands.ts';
import { readDocument } from '../src/import/read-document.ts';
import { generate } from './import.ts';

const database = await openInMemory();
await database.migrate();
const organisationId = await ensureOrganisation(database.db, 'Bench Council');
const read = await readDocument(
  Buffer.from(generate('2024-09-10-highlight-report-pack.txt', 50000, 4)),
  'generated.txt',
);
if (!read.ok) throw new Error(read.message);
const pending = await savePendingImport(database.db, {
  organisationId,
  fileName: 'generated.txt',
  contentHash: read.contentHash,
  document: read.document,
  nonBlankLines: read.summary.lines.nonBlank,
  userId: null,
});
const config = loadConfig({
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  DATA_DIR: '.cache/unused',
  SESSION_SECRET: 'a bench secret that is long enough to be a key, not used outside the bench',
  WESAID_TODAY: '2024-09-10',
  SECURE_COOKIES: 'false',
});
const app = await buildApp({ config, db: database.db, logger: false });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const actor = systemActor('Bench');
console.log(JSON.stringify({ address, nonBlank: read.summary.lines.nonBlank }));
process.on('message', (message: string) => {
  const start = performance.now();
  const run = async () => {
    if (message === 'confirm') {
      const result = await confirmImport(database.db, pending, actor);
      return result.outcome === 'imported' ? result.records : 0;
    }
    if (message === 'undo') {
      const imported = (await findImport(database.db, organisationId, pending.id))!;
      return undoImport(database.db, imported, actor);
    }
    process.exit(0);
  };
  void run().then((records) => process.send!({ records, ms: performance.now() - start }));
});
