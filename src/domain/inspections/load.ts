/*
 * What a file of Ofsted's published judgements becomes before anything is written: one inspection
 * per row for this council, with its judgements on its framework's areas. The reader in
 * src/import/observations/ofsted.ts makes these; the data load writes them.
 */
import type { Grade, InspectionKind } from './index.ts';

export interface LoadedInspection {
  row: number;
  kind: InspectionKind;
  frameworkVersion: string;
  startDate: string;
  endDate: string | null;
  publishedDate: string | null;
  link: string;
  judgements: { area: string; grade: Grade }[];
}

/** A row read but not loaded (another council's, or one already recorded), with why. */
export interface RowNotLoaded {
  row: number;
  reason: string;
}

/** How an inspection is known across loads: its kind and first day. */
export const inspectionKey = (kind: InspectionKind, startDate: string) => `${kind}|${startDate}`;
