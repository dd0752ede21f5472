import { readFile } from 'node:fs/promises';
import { systemActor } from '../domain/changes.ts';
import { bringUpToDate, openDatabase } from '../db/client.ts';
import { applyLoad } from '../db/measures/commands.ts';
import { loadContext } from '../db/measures/queries.ts';
import { reportOf, type LoadReport } from '../domain/measures/loads.ts';
import { readObservationFile } from '../import/observations/read.ts';
import { resolveOrganisation } from '../db/people/commands.ts';
import { UsageError, type Command } from './command.ts';

/*
 * `wesaid load [--dry-run] [--json] FILE...`: figures into the scorecard. Every file is read and
 * checked first; if any has a problem nothing is written (all or nothing across the files given).
 */
export const loadCommand: Command = {
  summary:
    'load [--dry-run] [--json] [--indicators NAME,...] FILE...: load measure figures (CSV, XLSX, DfE open data), DfE’s dashboard indicator list, DfE’s statistical neighbour model, Ofsted’s published judgements, or a budget’s planned and actual spend',
  options: {
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    organisation: { type: 'string' },
    /** A DfE file's indicator columns to load (every one when not given). */
    indicators: { type: 'string' },
  },
  async run({ config, values, positionals }) {
    if (positionals.length === 0) throw new UsageError('Usage: wesaid load [--dry-run] [--json] FILE...');
    const json = values.json === true;
    const options =
      typeof values.indicators === 'string'
        ? {
            indicators: values.indicators
              .split(',')
              .map((n) => n.trim())
              .filter((n) => n !== ''),
          }
        : {};
    const database = await openDatabase(config);
    try {
      await bringUpToDate(database, config);
      const organisationId = await resolveOrganisation(
        database.db,
        typeof values.organisation === 'string' ? values.organisation : undefined,
      );
      const context = await loadContext(database.db, organisationId);
      const files: { file: string; bytes: Buffer; report: LoadReport }[] = [];
      for (const file of positionals) {
        let bytes: Buffer;
        try {
          bytes = await readFile(file);
        } catch {
          files.push({
            file,
            bytes: Buffer.alloc(0),
            report: {
              layout: 'unknown',
              rows: 0,
              observations: 0,
              measures: 0,
              errors: [{ row: 0, column: '', message: `${file} could not be opened: check the path` }],
            },
          });
          continue;
        }
        files.push({
          file,
          bytes,
          report: reportOf(await readObservationFile(bytes, file, context, options)),
        });
      }
      const failed = files.some((f) => f.report.errors.length > 0);
      if (values['dry-run'] || failed) {
        print(files, json);
        if (failed && !json) console.error('Nothing was loaded.');
        return failed ? 1 : 0;
      }
      const outcomes = [];
      for (const f of files) {
        const result = await applyLoad(database.db, {
          organisationId,
          fileName: f.file,
          bytes: f.bytes,
          actor: systemActor('Command-line load'),
          read: (current) => readObservationFile(f.bytes, f.file, current, options),
        });
        outcomes.push({ file: f.file, result });
      }
      print(files, json);
      if (!json) {
        for (const { file, result } of outcomes) {
          console.log(
            result.outcome === 'already-loaded'
              ? `${file}: already loaded, nothing changed (load ${result.loadId})`
              : result.report.neighbours
                ? `${file}: statistical neighbour model loaded, ${result.report.neighbours.length} neighbours for the council (load ${result.loadId})`
                : result.report.inspections !== undefined
                  ? `${file}: ${result.report.inspections} inspections recorded (load ${result.loadId})`
                  : result.report.catalogueIndicators !== undefined
                    ? `${file}: ${counted(result.report.catalogueIndicators, 'DfE indicator')} in the catalogue (load ${result.loadId})`
                    : result.report.budget
                      ? `${file}: spend loaded for ${counted(result.report.budget.quarters, 'quarter')} of ${counted(result.report.budget.projects, 'project')} (load ${result.loadId})`
                      : `${file}: ${result.written} new figures, ${result.revised} revised, ${result.unchanged} unchanged (load ${result.loadId})`,
          );
        }
      }
      return 0;
    } finally {
      await database.close();
    }
  },
};

function print(files: { file: string; report: LoadReport }[], json: boolean) {
  if (json) {
    const reports = files.map((f) => f.report);
    console.log(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
    return;
  }
  for (const { file, report } of files) {
    console.log(
      report.inspections !== undefined
        ? `${file}: ${report.layout}, ${report.rows} rows, ${report.inspections} inspections for the council`
        : report.catalogueIndicators !== undefined
          ? `${file}: ${report.layout}, ${report.rows} rows, ${counted(report.catalogueIndicators, 'indicator')} for the catalogue`
          : report.budget
            ? `${file}: ${report.layout}, ${report.rows} rows, ${counted(report.budget.quarters, 'quarter')} for ${counted(report.budget.projects, 'project')}`
            : `${file}: ${report.layout}, ${report.rows} rows, ${report.observations} figures for ${report.measures} measures`,
    );
    for (const i of report.indicators ?? [])
      console.log(
        `  indicator ${i.column}: ${i.chosen ? `${i.figures} figures` : 'not chosen'}, ${i.unit} (${i.unitFrom === 'assumed' ? 'assumed: the column name does not say' : `from the ${i.unitFrom}`}), ${i.polarity} (${i.polarityFrom === 'assumed' ? 'assumed' : 'from the name'}): ${i.measures.join('; ')}`,
      );
    for (const n of report.notLoaded ?? []) console.log(`  row ${n.row}: not loaded: ${n.reason}`);
    for (const n of report.neighbours ?? [])
      console.log(`  neighbour: ${n.name} (${n.laCode}), ${n.closeness}`);
    for (const e of report.errors) console.log(`  row ${e.row}, column ${e.column}: ${e.message}`);
  }
}

const counted = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
