/**
 * Today's date in England, as an ISO date. `WESAID_TODAY` fixes it for demos and tests, so that
 * "overdue" can be shown and checked against a known day.
 */
export function today(): string {
  const fixed = process.env.WESAID_TODAY;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
}
