/*
 * Statistical neighbours from DfE's model, and where the council stands among all councils. DfE's
 * dashboard compares a council with its neighbours' median; its local-authority tool with their
 * mean. Either way only the neighbours with a figure count, and the figure says how many of the ten
 * that was and which model chose them, so a board can see what it is reading.
 */
import type { Polarity } from './types.ts';

export const neighbourAverages = ['median', 'mean'] as const;
export type NeighbourAverageKind = (typeof neighbourAverages)[number];
export const DEFAULT_NEIGHBOUR_AVERAGE: NeighbourAverageKind = 'median';

export const neighbourAverageNames: Record<NeighbourAverageKind, string> = {
  median: 'Median (as DfE’s children’s social care dashboard)',
  mean: 'Mean (as DfE’s local authority interactive tool)',
};

/** One neighbour in a model, by the old (three-digit) LA code the model uses. */
export interface ModelNeighbour {
  laCode: string;
  closeness: string;
}

/** How the statistical-neighbour figure for a period was made. */
export interface NeighbourBasis {
  /** The DfE model's name ("2025"); null when no model is loaded and the file's councils were used. */
  model: string | null;
  average: NeighbourAverageKind;
  /** Neighbours with a figure for the period. */
  count: number;
  /** How many neighbours the model names (10); null without a model. */
  of: number | null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** The neighbours' average of the kind chosen, over those with a figure. */
export function neighbourAverage(
  kind: NeighbourAverageKind,
  values: readonly (number | null)[],
): { value: number | null; count: number } {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return { value: kind === 'median' ? median(known) : mean(known), count: known.length };
}

/** "DfE 2025 model, median of 9 of 10" or "councils in the file, mean of 3". */
export function basisText(basis: NeighbourBasis): string {
  if (basis.model === null) return `councils in the file, ${basis.average} of ${basis.count}`;
  return `DfE ${basis.model} model, ${basis.average} of ${basis.count} of ${basis.of ?? basis.count}`;
}

/** Closeness bands as DfE writes them (the file pads "Close " with a space). */
export function closenessOf(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Enough councils for a rank to mean "among all councils" (England has 153). */
export const ALL_COUNCILS_AT_LEAST = 150;

export interface Standing {
  /** 1 is the best (or, for a context measure, the highest). */
  rank: number;
  of: number;
  /** 1 is the best quarter of councils (the highest, for a context measure). */
  quartile: 1 | 2 | 3 | 4;
  /** How the rank is ordered, from the measure's polarity. */
  order: 'best-first' | 'highest-first';
}

/**
 * Where the council's figure stands among every council's for the period; null unless the file
 * has figures for all (150 or more) councils. Councils with the same figure share a rank.
 */
export function standingAmong(
  polarity: Polarity,
  councilValue: number | null,
  allValues: readonly number[],
): Standing | null {
  if (councilValue === null || allValues.length < ALL_COUNCILS_AT_LEAST) return null;
  const lowerFirst = polarity === 'lower-is-better';
  const ahead = allValues.filter((v) => (lowerFirst ? v < councilValue : v > councilValue)).length;
  const rank = ahead + 1;
  const quartile = Math.min(4, Math.max(1, Math.ceil((rank / allValues.length) * 4))) as 1 | 2 | 3 | 4;
  return {
    rank,
    of: allValues.length,
    quartile,
    order: polarity === 'context' ? 'highest-first' : 'best-first',
  };
}

/** "12th of 153 (top quarter)", read with the order it was ranked in. */
export function standingText(standing: Standing): string {
  const quarter = ['top', 'second', 'third', 'bottom'][standing.quartile - 1];
  const order = standing.order === 'best-first' ? 'best first' : 'highest first';
  return `${ordinal(standing.rank)} of ${standing.of} councils, ${order} (${quarter} quarter)`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
