/*
 * DfE's `time_period` in every form Explore Education Statistics publishes: "2023" (a calendar,
 * reporting or census year), "202223" (an academic or financial year written as its two years),
 * and the forms people retype it as: "2022/23", "2022-23", "2022/2023". A two-year form is the year
 * it ends in, which is how annual periods are kept (domain/measures/types.ts). `time_identifier`
 * says which month the year ends in: DfE's children in need and looked after years end 31 March.
 */
import type { CellResult } from './cells.ts';

export interface DfePeriod {
  /** The year the period ends in, as an annual period ("2023"). */
  period: string;
  /** Month (1–12) the year ends in. */
  yearEnding: number;
}

const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

/** The month a year ends in, from `time_identifier` ("Reporting year", "Academic year", ...). */
export function yearEndingOf(identifier: string): number {
  const words = identifier.toLowerCase();
  if (words.includes('calendar')) return 12;
  if (words.includes('academic')) return 8;
  if (words.includes('september')) return 9;
  // Reporting, financial and tax years, and a blank identifier: the year to 31 March.
  return 3;
}

function endingYear(text: string): number | null {
  const single = /^(\d{4})$/.exec(text);
  if (single) return Number(single[1]);
  const joined = /^(\d{4})(\d{2})$/.exec(text) ?? /^(\d{4})\s*[/-]\s*(\d{2})$/.exec(text);
  if (joined) {
    const start = Number(joined[1]);
    return (start + 1) % 100 === Number(joined[2]) ? start + 1 : null;
  }
  const full = /^(\d{4})\s*[/-]\s*(\d{4})$/.exec(text);
  if (full) return Number(full[2]) === Number(full[1]) + 1 ? Number(full[2]) : null;
  return null;
}

export function readTimePeriod(text: string, identifier = ''): CellResult<DfePeriod> {
  const cell = text.trim();
  if (cell === '') return { ok: false, message: 'Enter the time period' };
  const year = endingYear(cell);
  if (year === null || year < FIRST_YEAR || year > LAST_YEAR)
    return {
      ok: false,
      message: `"${cell}" is not a DfE time period: use a year such as 2023, or a two-year period such as 202223 or 2022/23`,
    };
  return { ok: true, value: { period: String(year), yearEnding: yearEndingOf(identifier) } };
}
