/*
 * Money, financial years and quarters as the council's finance papers write them. Sums are held in
 * whole pence so that adding quarters never drifts; they are shown in pounds.
 */

export type Pence = number;

const moneyPattern = /^(-)?£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/**
 * "£12,500", "12500.5" or "12,500.00" as pence; null when the text is not a sum of money. A sum
 * may not be negative: a refund is entered against the quarter it reduces.
 */
export function parseMoney(text: string): Pence | null {
  const match = moneyPattern.exec(text.trim().replace(/^£\s*-/, '-£'));
  if (!match || match[1]) return null;
  const pounds = Number(match[2]!.replaceAll(',', ''));
  const pence = Number((match[3] ?? '').padEnd(2, '0') || '0');
  const total = pounds * 100 + pence;
  return Number.isSafeInteger(total) && total <= 1e14 ? total : null;
}

/** "£1,000,000" for whole pounds, "£12,500.50" otherwise. */
export function formatMoney(pence: Pence): string {
  const sign = pence < 0 ? '−' : '';
  const abs = Math.abs(pence);
  const pounds = Math.floor(abs / 100).toLocaleString('en-GB');
  const rest = abs % 100;
  return `${sign}£${pounds}${rest === 0 ? '' : `.${String(rest).padStart(2, '0')}`}`;
}

/** Pence as pounds for the API and the CSV (1250050 → 12500.5). */
export const poundsOf = (pence: Pence): number => pence / 100;

/** Planned minus actual, said in words so the sign needs no key. */
export function varianceWords(planned: Pence, actual: Pence): string {
  const variance = planned - actual;
  if (variance === 0) return 'Spent as planned';
  return variance > 0
    ? `${formatMoney(variance)} less spent than planned`
    : `${formatMoney(-variance)} more spent than planned`;
}

/** The variance as a signed sum, planned minus actual: above zero is less spent than planned. */
export function varianceText(planned: Pence, actual: Pence): string {
  const variance = planned - actual;
  return variance > 0 ? `+${formatMoney(variance)}` : formatMoney(variance);
}

/** "2024-25" is stored; "2024/25", "2024-25", "2024/2025" and "2024 to 2025" are read. */
const yearPattern = /^(\d{4})\s*(?:\/|-|–|to)\s*(\d{2}|\d{4})$/;

/** A financial year (April to March) in its stored form "2024-25", or null. */
export function parseFinancialYear(text: string): string | null {
  const match = yearPattern.exec(text.trim());
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]!.length === 2 ? `${match[1]!.slice(0, 2)}${match[2]}` : match[2]);
  if (end !== start + 1 || start < 1990 || start > 2100) return null;
  return `${start}-${String(end).slice(2)}`;
}

/** "2024-25" as "2024/25"; an empty year (one the papers do not state) as "Year not stated". */
export function formatFinancialYear(year: string): string {
  return year ? year.replace('-', '/') : 'Year not stated';
}

export const quarters = [1, 2, 3, 4] as const;
export type Quarter = (typeof quarters)[number];

/** "Q1", "q1", "1", "Quarter 1" as 1. */
export function parseQuarter(text: string): Quarter | null {
  const match = /^(?:q|quarter\s*)?([1-4])$/i.exec(text.trim());
  return match ? (Number(match[1]) as Quarter) : null;
}

const quarterMonths = ['April to June', 'July to September', 'October to December', 'January to March'];

/** "Q1 (April to June)": a financial year's quarters. */
export function quarterName(quarter: number): string {
  return `Q${quarter} (${quarterMonths[quarter - 1] ?? ''})`;
}

/** The financial year a calendar date falls in: 1 October 2024 is in 2024-25. */
export function financialYearOf(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const start = Number(isoDate.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}-${String(start + 1).slice(2)}`;
}
