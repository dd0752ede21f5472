/*
 * What a file of figures becomes before anything is written: observations keyed by measure name,
 * and every problem with the row and column a person would find it at in their spreadsheet
 * (row 1 is the header row, so the first figures are on row 2). The parsers in src/import make
 * these; the data-load commands in src/db/measures write them.
 */
import type { LoadedInspection, RowNotLoaded } from '../inspections/load.ts';
import type { ModelNeighbour } from './neighbours.ts';
import {
  budgetSummary,
  type BudgetLoadSummary,
  type BudgetSpendRow,
  type BudgetTarget,
} from '../projects/budget-load.ts';
import type { Frequency, Polarity, SuppressionCode, Unit } from './types.ts';
import { groupsOf, type LoadGroups } from './load-groups.ts';
import type { CatalogueIndicator } from './indicator-catalogue.ts';
import type { ObservationArea } from './vocabulary.ts';

export const layouts = [
  'long-csv',
  'wide-csv',
  'long-xlsx',
  'wide-xlsx',
  'dfe-csv',
  'dfe-sn-model',
  'ofsted-judgements',
  'budget',
  'dfe-indicator-catalogue',
  'lait-data-dictionary',
] as const;
export type Layout = (typeof layouts)[number];

export const layoutNames: Record<Layout, string> = {
  'long-csv': 'CSV, one row per figure (measure, period, value)',
  'wide-csv': 'CSV, one row per measure and one column per period',
  'long-xlsx': 'Excel, one row per figure (measure, period, value)',
  'wide-xlsx': 'Excel, one row per measure and one column per period',
  'dfe-csv': 'DfE open data CSV',
  'dfe-sn-model': 'DfE statistical neighbour model',
  'ofsted-judgements': 'Ofsted’s published inspection judgements',
  budget: 'Budget: planned and actual spend by project and quarter',
  'dfe-indicator-catalogue': 'DfE’s dashboard indicators, by National Framework outcome',
  'lait-data-dictionary': 'DfE’s LAIT data dictionary (no figures)',
};

export interface LoadProblem {
  row: number;
  column: string;
  message: string;
}

export interface LoadObservation {
  measureName: string;
  period: string;
  area: ObservationArea;
  areaCode: string;
  areaName: string;
  /** A council's old (three-digit) LA code, which DfE's statistical neighbour model uses. */
  oldAreaCode?: string;
  /**
   * Which part of the measure the figure is ("17 to 18 years – Accommodation considered suitable"),
   * from a DfE file's filters; '' or absent for the measure's own figure (the total).
   */
  breakdown?: string;
  value: number | null;
  suppression?: SuppressionCode;
  numerator?: number;
  denominator?: number;
  note?: string;
  /** The spreadsheet row it came from. */
  row: number;
}

/** A measure a DfE file brings that the council has not defined yet: created when loaded. */
export interface NewMeasure {
  name: string;
  unit: Unit;
  frequency: Frequency;
  yearEnding?: number;
  /** Context (compared, not judged) unless the name says which way is better. */
  polarity?: Polarity;
  definition: string;
  sourceSystem: string;
}

/** Where a unit or polarity came from: the column's name, its figures, or assumed (and said so). */
export type LoadSource = 'column name' | 'figures' | 'assumed';

/** One indicator column of a DfE file, what it makes, and whether it is chosen to be loaded. */
export interface LoadIndicator {
  column: string;
  /** The measures it makes: one, or one per value of a filter without a total (stages, groups). */
  measures: string[];
  unit: Unit;
  unitFrom: LoadSource;
  polarity: Polarity;
  polarityFrom: LoadSource;
  chosen: boolean;
  /** Figures it gives in this file (0 when not chosen). */
  figures: number;
}

/** One council's row of a statistical neighbour model: its ten neighbours, closest first. */
export interface ModelCouncil {
  /** The old (three-digit) LA code the model is keyed by. */
  laCode: string;
  name: string;
  regionName: string;
  neighbours: ModelNeighbour[];
}

/** A neighbour as the load report and the API name it. */
export interface NamedNeighbour {
  laCode: string;
  name: string;
  closeness: string;
}

/** DfE's statistical neighbour model: every council's neighbours, kept by the model's name. */
export interface NeighbourModel {
  /** "2025": the year in the file's name. */
  name: string;
  year: number;
  councils: ModelCouncil[];
  /** This council's neighbours in the model, in the model's order. */
  neighbours: NamedNeighbour[];
}

export interface ParsedLoad {
  layout: Layout;
  /** Data rows read (not counting the header). */
  rows: number;
  observations: LoadObservation[];
  newMeasures: NewMeasure[];
  errors: LoadProblem[];
  /** Present for a statistical neighbour model file. */
  model?: NeighbourModel;
  /** Present for a file of Ofsted's judgements: this council's inspections to record. */
  inspections?: LoadedInspection[];
  /** Rows read but not loaded, with the reason (another council's, or already recorded). */
  notLoaded?: RowNotLoaded[];
  /** Present for a budget file: each row's quarter of a budget line. */
  budget?: BudgetSpendRow[];
  /** Present for a DfE open-data file: its indicator columns, chosen or not. */
  indicators?: LoadIndicator[];
  /** Present for DfE's dashboard indicator list: the catalogue to keep for the council. */
  catalogue?: CatalogueIndicator[];
}

/**
 * An indicator of the council's DfE catalogue as a reader of DfE files sees it, with the measure
 * adopted from it (null: none yet). `findCatalogueIndicator` (indicator-catalogue.ts) picks the one a
 * file's column and a row's filters are.
 */
export interface CatalogueEntry extends Pick<
  CatalogueIndicator,
  'code' | 'name' | 'valueColumn' | 'filters' | 'outcome'
> {
  measureName: string | null;
}

/** What the loaders check against: the council's measures and who the council is. */
export interface LoadContext {
  /** Keyed by lower-case name. */
  measures: ReadonlyMap<
    string,
    { name: string; frequency: Frequency; yearEnding: number | null; unit: Unit }
  >;
  council: {
    name: string;
    laCode: string;
    oldLaCode: string;
    regionName: string;
    neighbourCodes: readonly string[];
  } | null;
  /** The organisation's own name, used when no LA code has been set. */
  organisationName: string;
  /** Names of the statistical neighbour models already loaded ("2025"). */
  neighbourModels?: readonly string[];
  /** Inspections already recorded, as "kind|start date", so a file loaded again adds none twice. */
  recordedInspections?: readonly string[];
  /** The council's projects with their budget lines, which a budget file is matched to. */
  projects?: readonly BudgetTarget[];
  /** The council's DfE indicator catalogue: which measure a DfE file's column fills. */
  catalogue?: readonly CatalogueEntry[];
}

/** How many measures a file's figures are for. */
export function measuresTouched(parsed: ParsedLoad): number {
  return new Set(parsed.observations.map((o) => o.measureName.toLowerCase())).size;
}

/** The report the CLI prints and the preview page shows. */
export interface LoadReport {
  layout: string;
  rows: number;
  observations: number;
  measures: number;
  errors: LoadProblem[];
  /** A statistical neighbour model's neighbours for the council. */
  neighbours?: NamedNeighbour[];
  /** How many inspections a file of Ofsted's judgements records for the council. */
  inspections?: number;
  /** Rows read but not loaded, with the reason. */
  notLoaded?: RowNotLoaded[];
  /** A budget file's projects, quarters and sums (in pence). */
  budget?: BudgetLoadSummary;
  /** A DfE file's indicator columns: the measures each makes, its unit and polarity, chosen or not. */
  indicators?: LoadIndicator[];
  /** What the figures would create, grouped so a file of fifty columns can be read. */
  groups?: LoadGroups;
  /** How many indicators DfE's dashboard list gives, for the catalogue. */
  catalogueIndicators?: number;
}

export function reportOf(parsed: ParsedLoad): LoadReport {
  const report: LoadReport = {
    layout: parsed.layout,
    rows: parsed.rows,
    observations: parsed.observations.length,
    measures: measuresTouched(parsed),
    errors: parsed.errors,
  };
  if (parsed.model) report.neighbours = parsed.model.neighbours;
  if (parsed.inspections) report.inspections = parsed.inspections.length;
  if (parsed.notLoaded) report.notLoaded = parsed.notLoaded;
  if (parsed.budget) report.budget = budgetSummary(parsed.budget);
  if (parsed.indicators) {
    report.indicators = parsed.indicators;
    report.groups = groupsOf(parsed.observations, parsed.newMeasures);
  }
  if (parsed.catalogue) report.catalogueIndicators = parsed.catalogue.length;
  return report;
}
