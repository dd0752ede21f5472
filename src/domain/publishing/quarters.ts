/*
 * Councils report by financial-year quarter (April to June is quarter 1). Pure: no I/O. Publications
 * and committee reports are its users.
 */

export interface Quarter {
  /** "Quarter 1, 2024/25" */
  label: string;
  /** "2024-25-q1": stable, for forms and URLs. */
  key: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The quarter with the given financial year (the year it starts) and number 1–4. */
export function quarter(startYear: number, number: 1 | 2 | 3 | 4): Quarter {
  const firstMonth = (((number - 1) * 3 + 3) % 12) + 1; // 4, 7, 10, 1
  const year = number === 4 ? startYear + 1 : startYear;
  const endMonth = firstMonth + 2;
  const fy = `${startYear}/${pad((startYear + 1) % 100)}`;
  return {
    label: `Quarter ${number}, ${fy}`,
    key: `${startYear}-${pad((startYear + 1) % 100)}-q${number}`,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}`,
  };
}

/** The quarter an ISO date falls in. */
export function quarterOf(isoDate: string): Quarter {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const startYear = month >= 4 ? year : year - 1;
  const number = (month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4) as 1 | 2 | 3 | 4;
  return quarter(startYear, number);
}

/** Recent quarters, newest first, for a choice in a form. */
export function recentQuarters(todayIso: string, count = 12): Quarter[] {
  const out: Quarter[] = [];
  let current = quarterOf(todayIso);
  for (let i = 0; i < count; i++) {
    out.push(current);
    const previousDay = new Date(`${current.start}T00:00:00Z`);
    previousDay.setUTCDate(previousDay.getUTCDate() - 1);
    current = quarterOf(previousDay.toISOString().slice(0, 10));
  }
  return out;
}

export function quarterByKey(key: string): Quarter | null {
  const match = /^(\d{4})-(\d{2})-q([1-4])$/.exec(key);
  if (!match) return null;
  const q = quarter(Number(match[1]), Number(match[3]) as 1 | 2 | 3 | 4);
  return q.key === key ? q : null;
}
