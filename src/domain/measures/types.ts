/*
 * The shapes the scorecard rules work on. Plain data, so the database layer, the importer and the
 * tests can build them without this folder knowing where they came from.
 *
 * Periods are strings in the shape that matches the measure's frequency:
 *   monthly   'YYYY-MM'  e.g. '2020-07'
 *   quarterly 'YYYY-Qn'  calendar quarters, Q1 = January to March, e.g. '2021-Q2'
 *   annual    'YYYY'     the year the reporting year ENDS in; `yearEnding` says which month it
 *                        ends (DfE children in need and looked after years end in March, the
 *                        workforce census in September), so '2022' with yearEnding 3 is the year
 *                        to March 2022.
 * One shape per measure keeps ordering and "the previous period" unambiguous; a loader turns
 * DfE's '202122' into '2022' with yearEnding 3.
 */

import type { NeighbourBasis, Standing } from './neighbours.ts';

export const units = ['count', 'percentage', 'rate-per-10000', 'days', 'months'] as const;
export type Unit = (typeof units)[number];

/** 'context' means compare but do not judge by direction (e.g. children looked after per 10,000). */
export const polarities = ['higher-is-better', 'lower-is-better', 'context'] as const;
export type Polarity = (typeof polarities)[number];

export const frequencies = ['monthly', 'quarterly', 'annual'] as const;
export type Frequency = (typeof frequencies)[number];

/** 'YYYY-MM', 'YYYY-Qn' or 'YYYY', matching the measure's frequency (see above). */
export type Period = string;

/**
 * Suppression codes as published (DfE and ONS files). Stored as the code, never as 0 or blank:
 * 'k' and 'low' mean "rounds to zero", which is not zero.
 */
export const suppressionCodes = ['c', 'z', 'x', 'k', ':', 'u', 'low'] as const;
export type SuppressionCode = (typeof suppressionCodes)[number];

export const suppressionMeanings: Record<SuppressionCode, string> = {
  c: 'confidential',
  z: 'not applicable',
  x: 'not available',
  k: 'rounds to zero',
  ':': 'not available',
  u: 'low reliability',
  low: 'rounds to zero but is not zero',
};

export const comparators = ['council', 'statistical-neighbours', 'region', 'england'] as const;
export type Comparator = (typeof comparators)[number];
/** The comparators a council is measured against (everything but itself). */
export type Benchmark = Exclude<Comparator, 'council'>;

/**
 * How far short of target still counts as amber (DOMAIN: "Amber within 10% of it, Red further").
 * relative: within `amber` per cent of the target value; absolute: within `amber` units (points for
 * a percentage). A shortfall exactly on the edge is amber.
 */
export interface Tolerance {
  kind: 'relative' | 'absolute';
  amber: number;
}

/** A target that applies from a period onwards. */
export interface FixedTarget {
  from: Period;
  target: number;
}

/**
 * A trajectory such as "+20% a quarter" from a baseline (seed 000: audits good or outstanding up by
 * 20% each quarter). The target at `from` is the baseline; it moves by `change` for each whole
 * `every` elapsed. Give the sign explicitly (-20 to reduce a NEET rate by 20%) rather than
 * inferring it from polarity, so the rule reads the way the board wrote it.
 */
export interface TrajectoryTarget {
  from: Period;
  baseline: number;
  change: number;
  /** 'percent': `change` per cent of the baseline (or of the last step when `compound`). */
  changeKind: 'percent' | 'absolute';
  every: 'month' | 'quarter' | 'year';
  compound?: boolean;
  /** The trajectory stops here (a ceiling when rising, a floor when falling). */
  limit?: number;
}

export type TargetStep = FixedTarget | TrajectoryTarget;

export interface Measure {
  name: string;
  unit: Unit;
  polarity: Polarity;
  frequency: Frequency;
  /** The target before the first of `targets` applies, or always when there are none. */
  target?: number;
  /** Targets that change over time; the latest `from` on or before a period is in force. */
  targets?: TargetStep[];
  /** Defaults to DEFAULT_TOLERANCE (amber within 10% of target). */
  tolerance?: Tolerance;
  /** Month (1–12) an annual period ends in; default 12 (calendar years). Annual measures only. */
  yearEnding?: number;
  /**
   * The monthly figures are events in the month (contacts, referrals, admissions) and the board
   * reads them as rolling 12-month totals. Never set this for snapshots such as open cases at
   * month end: adding up twelve month-end snapshots means nothing.
   */
  rolling12Months?: boolean;
}

export interface Observation {
  period: Period;
  /** null when there is no figure; always null in effect when `suppression` is set. */
  value: number | null;
  suppression?: SuppressionCode;
  numerator?: number;
  denominator?: number;
  /** Whose figure this is; absent means the council's own. */
  comparator?: Comparator;
  /** For the statistical neighbours' figure: which model and which average made it. */
  basis?: NeighbourBasis;
  /** For the council's own figure: its rank among all councils, when a file had them all. */
  standing?: Standing;
}
