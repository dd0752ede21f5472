import { readFile } from 'node:fs/promises';
import { systemActor } from '../domain/changes.ts';
import { bringUpToDate, openDatabase } from '../db/client.ts';
import { confirmImport, savePendingImport } from '../db/imports/commands.ts';
import { findImportedByHash } from '../db/imports/queries.ts';
import { resolveOrganisation } from '../db/people/commands.ts';
import { readDocument, type ReadDocumentResult } from '../import/read-document.ts';
import { dryRunReport } from '../import/records.ts';
import { readSource } from '../import/source.ts';
import { documentKindNames } from '../domain/imports.ts';
import { UsageError, type Command } from './command.ts';

export const importCommand: Command = {
  summary:
    'import [--dry-run] [--json] [--text] FILE...: read council documents into the plan (--text prints each as read, with line numbers)',
  options: {
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    text: { type: 'boolean', default: false },
    organisation: { type: 'string' },
  },
  async run({ config, values, positionals }) {
    if (positionals.length === 0)
      throw new UsageError('Usage: wesaid import [--dry-run] [--json] [--text] FILE...');
    if (values.text) return printText(positionals);
    const results: ReadDocumentResult[] = [];
    for (const file of positionals) {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        results.push({ ok: false, fileName: file, message: `${file} could not be opened: check the path` });
        continue;
      }
      results.push(await readDocument(bytes, file));
    }
    const failed = results.filter((r) => !r.ok);

    if (values['dry-run']) {
      report(results, values.json === true);
      return failed.length ? 1 : 0;
    }
    // All or nothing across the files given: nothing is written unless every one was read.
    if (failed.length) {
      report(results, values.json === true);
      if (!values.json) console.error('Nothing was imported.');
      return 1;
    }
    const database = await openDatabase(config);
    try {
      await bringUpToDate(database, config);
      const organisationId = await resolveOrganisation(
        database.db,
        typeof values.organisation === 'string' ? values.organisation : undefined,
      );
      const outcomes = [];
      for (const result of results) {
        if (!result.ok) continue;
        const already = await findImportedByHash(database.db, organisationId, result.contentHash);
        if (already) {
          outcomes.push({
            file: result.fileName,
            kind: result.document.kind,
            outcome: 'already-imported',
            importId: already.id,
          });
          continue;
        }
        const pending = await savePendingImport(database.db, {
          organisationId,
          fileName: result.fileName,
          contentHash: result.contentHash,
          document: result.document,
          nonBlankLines: result.summary.lines.nonBlank,
          userId: null,
          lines: result.lines,
        });
        const applied = await confirmImport(database.db, pending, systemActor('Command-line import'));
        outcomes.push({
          file: result.fileName,
          kind: result.document.kind,
          ...applied,
          unplaced: result.summary.lines.unplaced,
          needsReview: result.summary.needsReview.length,
        });
      }
      if (values.json) console.log(JSON.stringify(outcomes.length === 1 ? outcomes[0] : outcomes, null, 2));
      else
        for (const o of outcomes)
          console.log(
            `${o.file}: ${o.outcome === 'already-imported' ? 'already imported, nothing changed' : `imported as a ${documentKindNames[o.kind]}`} (import ${o.importId})`,
          );
      return 0;
    } finally {
      await database.close();
    }
  },
};

function report(results: ReadDocumentResult[], json: boolean) {
  if (json) {
    // Records and furniture as well as the summary: an import is checked line by line (docs/imports.md).
    const objects = results.map((r) =>
      r.ok ? dryRunReport(r.document, r.summary) : { error: r.message, file: r.fileName },
    );
    console.log(JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2));
    return;
  }
  for (const r of results) {
    if (!r.ok) {
      console.error(r.message);
      continue;
    }
    const s = r.summary;
    console.log(`${r.fileName}: ${documentKindNames[s.kind]}`);
    console.log(
      `  lines: ${s.lines.nonBlank} non-blank, ${s.lines.placed} placed, ${s.lines.unplaced} unplaced`,
    );
    console.log(
      `  records: ${Object.entries(s.counts)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}`,
    );
    for (const note of s.needsReview)
      console.log(`  needs review (lines ${note.lines.join(', ')}): ${note.message}`);
    for (const line of s.unplaced) console.log(`  unplaced line ${line.number}: ${line.text.trim()}`);
  }
}

/**
 * The text as the importer reads it, one line a row as "NUMBER<TAB>TEXT", so the line numbers of a
 * Word file's records can be checked. Several files are each headed "==> FILE <==", as `head` does.
 */
async function printText(files: string[]): Promise<number> {
  let failed = false;
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      console.error(`${file} could not be opened: check the path`);
      failed = true;
      continue;
    }
    const source = await readSource(bytes, file);
    if (!source.ok) {
      console.error(source.message);
      failed = true;
      continue;
    }
    if (files.length > 1) console.log(`==> ${file} <==`);
    console.log(source.lines.map((line) => `${line.number}\t${line.text}`).join('\n'));
  }
  return failed ? 1 : 0;
}
