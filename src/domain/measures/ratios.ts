/*
 * Safe arithmetic for figures built from parts. Every function returns null rather than NaN or
 * Infinity, because a null shows as "no figure" while NaN leaks into text as "NaN%" and sorts
 * unpredictably.
 */

type Maybe = number | null | undefined;

function isFiniteNumber(value: Maybe): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

// Dividing two finite numbers can still overflow (1e308 / 1e-308).
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/** numerator ÷ denominator; null for a zero denominator or a missing part. */
export function ratio(numerator: Maybe, denominator: Maybe): number | null {
  if (!isFiniteNumber(numerator) || !isFiniteNumber(denominator) || denominator === 0) return null;
  return finiteOrNull(numerator / denominator);
}

/*
 * A cohort cannot be negative, so a negative denominator is bad data, not a sign flip: null. The
 * result is in percentage points (83 = 83%), as the scorecard stores percentages.
 */
export function percentage(numerator: Maybe, denominator: Maybe): number | null {
  if (!isFiniteNumber(numerator) || !isFiniteNumber(denominator) || denominator <= 0) return null;
  return finiteOrNull((numerator / denominator) * 100);
}

/** Rate per 10,000 of a population (for children's services, children aged 0–17). */
export function ratePer10000(count: Maybe, population: Maybe): number | null {
  if (!isFiniteNumber(count) || !isFiniteNumber(population) || population <= 0) return null;
  return finiteOrNull((count / population) * 10_000);
}

/**
 * Percentage change from `from` to `to`. Change from zero has no percentage (null: say so in
 * words). Divides by |from| so a rise from a negative base still reads as a rise.
 */
export function percentChange(from: Maybe, to: Maybe): number | null {
  if (!isFiniteNumber(from) || !isFiniteNumber(to) || from === 0) return null;
  return finiteOrNull(((to - from) / Math.abs(from)) * 100);
}
