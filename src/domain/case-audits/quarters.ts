/*
 * Audit programmes run by financial-year quarter, keyed as publishing keys them ('2024-25-q2'); the
 * scorecard's quarterly measures use calendar quarters ('2024-Q3' is July to September).
 */
import { quarter, quarterByKey, type Quarter } from '../publishing/quarters.ts';

export { quarterByKey, recentQuarters, type Quarter } from '../publishing/quarters.ts';

function parts(key: string): { startYear: number; number: 1 | 2 | 3 | 4 } {
  const q = quarterByKey(key);
  if (!q) throw new RangeError(`Not a quarter: ${key}`);
  return { startYear: Number(key.slice(0, 4)), number: Number(key.slice(-1)) as 1 | 2 | 3 | 4 };
}

export function previousQuarter(key: string): Quarter {
  const { startYear, number } = parts(key);
  return number === 1 ? quarter(startYear - 1, 4) : quarter(startYear, (number - 1) as 1 | 2 | 3);
}

export function nextQuarter(key: string): Quarter {
  const { startYear, number } = parts(key);
  return number === 4 ? quarter(startYear + 1, 1) : quarter(startYear, (number + 1) as 2 | 3 | 4);
}

/** The calendar quarter a financial quarter is: quarter 1 (April to June) is calendar Q2. */
export function measurePeriodOf(key: string): string {
  const { startYear, number } = parts(key);
  return number === 4 ? `${startYear + 1}-Q1` : `${startYear}-Q${number + 1}`;
}
