/*
 * Reading one cell: a figure, a published suppression code, or a period in the shape the measure's
 * frequency needs. Each returns a message in the council's words when the cell is not one.
 */
import {
  isPeriod,
  suppressionCodes,
  type Frequency,
  type SuppressionCode,
} from '../../domain/measures/index.ts';

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

export type Figure = { value: number | null; suppression?: SuppressionCode };

/** "2,159", "83%", "83.5", or a suppression code (stored as the code, never as 0). */
export function readFigure(text: string): CellResult<Figure> {
  const cell = text.trim();
  const lower = cell.toLowerCase();
  if ((suppressionCodes as readonly string[]).includes(lower))
    return { ok: true, value: { value: null, suppression: lower as SuppressionCode } };
  const cleaned = cell.replace(/,/g, '').replace(/%$/, '');
  if (cleaned === '' || !/^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(cleaned)) {
    return {
      ok: false,
      message: `"${cell}" is not a number or a suppression code (${suppressionCodes.join(', ')})`,
    };
  }
  return { ok: true, value: { value: Number(cleaned) } };
}

/** An optional count such as a numerator: blank is fine, text is not. */
export function readOptionalNumber(text: string): CellResult<number | undefined> {
  if (text.trim() === '') return { ok: true, value: undefined };
  const figure = readFigure(text);
  if (!figure.ok || figure.value.value === null)
    return { ok: false, message: `"${text.trim()}" is not a number` };
  return { ok: true, value: figure.value.value };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const SHAPE: Record<Frequency, string> = {
  monthly: 'a month such as 2024-07 or July 2024',
  quarterly: 'a quarter such as 2024-Q2',
  annual: 'a year such as 2022',
};

/*
 * People type months several ways; the stored shape is one (see domain/measures/types.ts). DfE's
 * "202122" is the reporting year ending in 2022.
 */
function normalise(text: string, frequency: Frequency): string {
  const cell = text.trim();
  const named = /^([a-z]{3})[a-z]*[\s-]+(\d{2}|\d{4})$/i.exec(cell);
  if (named && frequency === 'monthly') {
    const month = MONTHS.indexOf(named[1]!.toLowerCase());
    const year = named[2]!.length === 2 ? `20${named[2]}` : named[2]!;
    if (month >= 0) return `${year}-${String(month + 1).padStart(2, '0')}`;
  }
  const dated = /^(\d{4})-(\d{2})-\d{2}$/.exec(cell);
  if (dated && frequency === 'monthly') return `${dated[1]}-${dated[2]}`;
  const quarter = /^(\d{4})\s*-?\s*q([1-4])$/i.exec(cell);
  if (quarter) return `${quarter[1]}-Q${quarter[2]}`;
  const reportingYear = /^(\d{4})(\d{2})$/.exec(cell);
  if (
    reportingYear &&
    frequency === 'annual' &&
    (Number(reportingYear[1]) + 1) % 100 === Number(reportingYear[2])
  ) {
    return String(Number(reportingYear[1]) + 1);
  }
  return cell;
}

export function readPeriod(text: string, frequency: Frequency): CellResult<string> {
  const period = normalise(text, frequency);
  if (text.trim() === '') return { ok: false, message: 'Enter a period' };
  if (!isPeriod(period, frequency)) {
    return {
      ok: false,
      message: `"${text.trim()}" is not ${SHAPE[frequency]} (the measure is ${frequency})`,
    };
  }
  return { ok: true, value: period };
}

/** Whether a header looks like a period, for telling a wide layout from a long one. */
export function looksLikePeriod(text: string): boolean {
  return (['monthly', 'quarterly', 'annual'] as const).some((f) => isPeriod(normalise(text, f), f));
}
