import { readFile } from 'node:fs/promises';
import { systemActor } from '../domain/changes.ts';
import { bringUpToDate, openDatabase, type Database } from '../db/client.ts';
import { confirmImport, savePendingImport } from '../db/imports/commands.ts';
import {
  findImportedByHash,
  findTemplateByName,
  suggestTemplate,
  type ImportTemplate,
} from '../db/imports/queries.ts';
import { resolveOrganisation } from '../db/people/commands.ts';
import { parseImportMapping } from '../domain/import-mapping.ts';
import { allDocumentKinds, documentKindNames, isDocumentKind, type DocumentKind } from '../domain/imports.ts';
import { mapForImport, readForImport, type Mapped, type ReadForImport } from '../import/read-for-import.ts';
import { dryRunReport } from '../import/records.ts';
import { readSource } from '../import/source.ts';
import { UsageError, type Command } from './command.ts';

const usage = 'Usage: wesaid import [--dry-run] [--json] [--kind KIND] [--template NAME] [--text] FILE...';

type Read = Extract<ReadForImport, { ok: true }>;
interface Reading {
  read: Read;
  mapped: Mapped;
  template: ImportTemplate | null;
}

export const importCommand: Command = {
  summary:
    'import [--dry-run] [--json] [--kind KIND] [--template NAME] [--text] FILE...: read council documents into the plan (--kind forces the kind of document, --template reads them with a saved template of the council, --text prints each as read, with line numbers)',
  options: {
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    text: { type: 'boolean', default: false },
    kind: { type: 'string' },
    template: { type: 'string' },
    organisation: { type: 'string' },
  },
  async run({ config, values, positionals }) {
    if (positionals.length === 0) throw new UsageError(usage);
    if (values.text) return printText(positionals);
    const kind = typeof values.kind === 'string' ? values.kind : undefined;
    if (kind !== undefined && !isDocumentKind(kind))
      throw new UsageError(`--kind must be one of: ${allDocumentKinds.join(', ')}`);
    const templateName = typeof values.template === 'string' ? values.template : undefined;
    const json = values.json === true;
    const dryRun = values['dry-run'] === true;

    const reads: ReadForImport[] = [];
    for (const file of positionals) {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch {
        reads.push({ ok: false, fileName: file, message: `${file} could not be opened: check the path` });
        continue;
      }
      reads.push(await readForImport(bytes, file));
    }
    const failed = reads.filter((r) => !r.ok);
    // All or nothing across the files given: nothing is written unless every one was read.
    if (failed.length && !dryRun) {
      report(reads, [], json);
      if (!json) console.error('Nothing was imported.');
      return 1;
    }

    // Templates are the council's, so they need the database; a dry run without --template reads without.
    const database = !dryRun || templateName !== undefined ? await openDatabase(config) : null;
    try {
      let organisationId = 0;
      if (database) {
        await bringUpToDate(database, config);
        organisationId = await resolveOrganisation(
          database.db,
          typeof values.organisation === 'string' ? values.organisation : undefined,
        );
      }
      const named =
        database && templateName ? await findTemplateByName(database.db, organisationId, templateName) : null;
      if (templateName !== undefined && !named) {
        console.error(
          `There is no template called ${templateName}. See the templates at /imports/templates.`,
        );
        return 1;
      }
      const readings: Reading[] = [];
      for (const read of reads) {
        if (!read.ok) continue;
        readings.push(await reading(database, organisationId, read, named, kind));
      }
      if (dryRun) {
        report(reads, readings, json);
        return failed.length ? 1 : 0;
      }
      const undated = readings.filter((r) => r.mapped.document.highlightReports.some((h) => !h.meetingDate));
      if (undated.length) {
        for (const r of undated)
          console.error(
            `${r.read.fileName}: a highlight report has no meeting date, so it cannot be imported. Nothing was imported.`,
          );
        return 1;
      }
      return await importAll(database!, organisationId, readings, json);
    } finally {
      await database?.close();
    }
  },
};

/** How one file is read: with the template named, else the council's template for its layout, else as suggested. */
async function reading(
  database: Database | null,
  organisationId: number,
  read: Read,
  named: ImportTemplate | null,
  kind: DocumentKind | undefined,
): Promise<Reading> {
  const template =
    named ??
    (database && read.layoutSignature
      ? await suggestTemplate(database.db, organisationId, read.layoutSignature)
      : null);
  const mapping = template ? parseImportMapping(template.mapping) : undefined;
  const mapped = mapForImport(read, mapping ? { mapping, source: 'template', kind } : { kind });
  return { read, mapped, template: mapping ? template : null };
}

/** What the JSON adds to the summary of each file: how it was read. */
const readWith = (r: Reading) => ({
  format: r.read.format,
  encoding: r.read.encoding ?? null,
  template: r.template?.name ?? null,
});

async function importAll(database: Database, organisationId: number, readings: Reading[], json: boolean) {
  const outcomes = [];
  for (const r of readings) {
    const { read, mapped } = r;
    const summary = {
      kind: mapped.document.kind,
      counts: mapped.summary.counts,
      lines: mapped.summary.lines,
      ...readWith(r),
    };
    const already = await findImportedByHash(database.db, organisationId, read.contentHash);
    if (already) {
      outcomes.push({ file: read.fileName, ...summary, outcome: 'already-imported', importId: already.id });
      continue;
    }
    const pending = await savePendingImport(database.db, {
      organisationId,
      fileName: read.fileName,
      contentHash: read.contentHash,
      document: mapped.document,
      nonBlankLines: mapped.summary.lines.nonBlank,
      userId: null,
      lines: read.lines,
      format: read.format,
      encoding: read.encoding ?? '',
      structure: read.structure ?? null,
      mapping: mapped.mapping,
      overrides: null,
      layoutSignature: read.layoutSignature ?? null,
      mappingSource: mapped.source,
      templateId: r.template?.id ?? null,
    });
    const applied = await confirmImport(database.db, pending, systemActor('Command-line import'));
    outcomes.push({
      file: read.fileName,
      ...summary,
      outcome: applied.outcome,
      importId: applied.importId,
      ...(applied.outcome === 'imported' ? { records: applied.records } : {}),
      unplaced: mapped.summary.lines.unplaced,
      needsReview: mapped.summary.needsReview.length,
    });
  }
  if (json) console.log(JSON.stringify(outcomes.length === 1 ? outcomes[0] : outcomes, null, 2));
  else
    for (const o of outcomes)
      console.log(
        `${o.file}: ${o.outcome === 'already-imported' ? 'already imported, nothing changed' : `imported as a ${documentKindNames[o.kind]}`}${o.template ? ` with the template ${o.template}` : ''} (import ${o.importId})`,
      );
  return 0;
}

function report(reads: ReadForImport[], readings: Reading[], json: boolean) {
  const byFile = new Map(readings.map((r) => [r.read, r]));
  if (json) {
    // Records and furniture as well as the summary: an import is checked line by line (docs/imports.md).
    const objects = reads.map((read) => {
      const r = read.ok ? byFile.get(read) : undefined;
      if (!read.ok || !r) return { error: read.ok ? 'not read' : read.message, file: read.fileName };
      return { ...dryRunReport(r.mapped.document, r.mapped.summary), ...readWith(r) };
    });
    console.log(JSON.stringify(objects.length === 1 ? objects[0] : objects, null, 2));
    return;
  }
  for (const read of reads) {
    if (!read.ok) {
      console.error(read.message);
      continue;
    }
    const r = byFile.get(read);
    if (!r) continue;
    const s = r.mapped.summary;
    const how = [read.format, read.encoding, r.template ? `template ${r.template.name}` : '']
      .filter(Boolean)
      .join(', ');
    console.log(`${read.fileName}: ${documentKindNames[s.kind]} (${how})`);
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
