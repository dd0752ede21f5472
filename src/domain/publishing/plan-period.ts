/*
 * A plan's period, as the council writes it ("2024 to 2026", "2024/25", "2025"), read as dates so a
 * quarter can be checked against it. Pure. A year range or a single year is read as calendar years
 * ("2024 to 2026" runs from 1 January 2024 to 31 December 2026); a financial year ("2024/25",
 * "2024-25", "2024/2025") runs from 1 April to 31 March. Two financial years ("2024/25 to 2025/26")
 * run from the first's April to the second's March.
 *
 * A plan with no period set can publish any quarter: nothing says which quarters it covers, and the
 * preview says so and asks for the period to be set. A period written some other way is refused,
 * because a quarter cannot be checked against it.
 */
import type { Quarter } from './quarters.ts';

export interface PlanPeriod {
  start: string;
  end: string;
}

const financialYear = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/;
const year = /^(\d{4})$/;

/** The first and last day a part of a period ("2024", "2024/25") covers, or null. */
function part(text: string): PlanPeriod | null {
  const fy = financialYear.exec(text);
  if (fy) {
    const first = Number(fy[1]);
    const second = fy[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(fy[2]) : Number(fy[2]);
    if (second !== first + 1) return null;
    return { start: `${first}-04-01`, end: `${second}-03-31` };
  }
  const y = year.exec(text);
  if (y) return { start: `${y[1]}-01-01`, end: `${y[1]}-12-31` };
  return null;
}

/** The dates a plan's period covers; 'unset' when it is blank, null when it cannot be read. */
export function readPlanPeriod(period: string): PlanPeriod | 'unset' | null {
  const text = period.trim();
  if (text === '') return 'unset';
  const pieces = text.split(/\s+(?:to|until|-|–|—)\s+|\s*[–—]\s*/i);
  if (pieces.length === 1) return part(text);
  if (pieces.length !== 2) return null;
  const from = part(pieces[0]!);
  const to = part(pieces[1]!);
  if (!from || !to || to.end < from.start) return null;
  return { start: from.start, end: to.end };
}

export type PeriodCheck =
  | { ok: true; period: PlanPeriod | 'unset' }
  | { ok: false; problem: 'outside-period' | 'unreadable-period'; message: string };

/** Whether a quarter lies wholly within the plan's period, with the refusal in the council's words. */
export function checkQuarterInPeriod(quarter: Quarter, plan: { title: string; period: string }): PeriodCheck {
  const period = readPlanPeriod(plan.period);
  if (period === null)
    return {
      ok: false,
      problem: 'unreadable-period',
      message: `The plan’s period, “${plan.period.trim()}”, is not written as years Wesaid can read. Edit the plan’s period (for example 2024 to 2026, or 2024/25)`,
    };
  if (period === 'unset') return { ok: true, period };
  if (quarter.start < period.start || quarter.end > period.end)
    return {
      ok: false,
      problem: 'outside-period',
      message: `${quarter.label} is not within the plan’s period (${plan.period.trim()}). Choose a quarter within it`,
    };
  return { ok: true, period };
}
