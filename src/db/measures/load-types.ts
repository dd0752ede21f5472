/*
 * The shapes a load is described by, shared by the preview and the write so the CLI and the pages
 * report a file the same way whichever step they stopped at.
 */
import { createHash } from 'node:crypto';
import { measuresTouched } from '../../import/observations/read.ts';
import type { LoadProblem, ParsedLoad } from '../../import/observations/types.ts';
import { dataLoads } from './schema.ts';

export type DataLoad = typeof dataLoads.$inferSelect;

/** The report the CLI prints and the preview page shows. */
export interface LoadReport {
  layout: string;
  rows: number;
  observations: number;
  measures: number;
  errors: LoadProblem[];
}

export function contentHashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function reportOf(parsed: ParsedLoad): LoadReport {
  return {
    layout: parsed.layout,
    rows: parsed.rows,
    observations: parsed.observations.length,
    measures: measuresTouched(parsed),
    errors: parsed.errors,
  };
}

/** Thrown inside the transaction so nothing is written when the file has problems. */
export class LoadRefusedError extends Error {
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
