/*
 * The shapes a load is described by, shared by the preview and the write so the CLI and the pages
 * report a file the same way whichever step they stopped at. Internal: queries.ts and commands.ts
 * re-export what callers need.
 */
import { createHash } from 'node:crypto';
import type { LoadContext, LoadReport, ParsedLoad } from '../../domain/measures/loads.ts';
import type { dataLoads } from './schema.ts';

export type DataLoad = typeof dataLoads.$inferSelect;

/**
 * Reads a file against the council's measures and comparators. The caller (web route, CLI) supplies
 * it with the parser (src/import/observations): the database layer never parses files itself, and
 * confirming calls it again inside the transaction with the context as it is then.
 */
export type ReadLoadFile = (context: LoadContext) => Promise<ParsedLoad>;

export function contentHashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Thrown inside the transaction so nothing is written when the file has problems. */
export class LoadRefusedError extends Error {
  readonly code = 'load-refused';
  constructor(readonly report: LoadReport) {
    super(
      `The file has ${report.errors.length} problem${report.errors.length === 1 ? '' : 's'}; nothing was loaded`,
    );
  }
}

export type LoadResult =
  | {
      outcome: 'loaded';
      loadId: number;
      report: LoadReport;
      written: number;
      revised: number;
      unchanged: number;
    }
  | { outcome: 'already-loaded'; loadId: number; report: LoadReport };
