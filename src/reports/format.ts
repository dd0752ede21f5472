/**
 * GOV.UK date wording for reports ("10 September 2024", "4:15pm"). Board papers are read in England,
 * so times are shown in UK time whatever the server's zone.
 */

const months = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2024-09-10" → "10 September 2024", read as a calendar date so no zone can move it a day. */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const month = match ? months[Number(match[2]) - 1] : undefined;
  if (!match || !month || Number(match[3]) < 1 || Number(match[3]) > 31) {
    throw new Error(`"${isoDate}" is not a date in the form YYYY-MM-DD`);
  }
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** "2024-09-03T15:15:00Z" → "3 September 2024 at 4:15pm" (UK time; "4pm", "midday", "midnight"). */
export function formatDateTime(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) throw new Error(`"${iso}" is not an ISO date and time`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: 'numeric',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(when)
      .map((p) => [p.type, p.value]),
  ) as Record<string, string>;
  const hour = Number(parts.hour);
  const minute = parts.minute ?? '00';
  let time: string;
  if (hour === 12 && minute === '00') time = 'midday';
  else if (hour === 0 && minute === '00') time = 'midnight';
  else time = `${hour % 12 || 12}${minute === '00' ? '' : `:${minute}`}${hour < 12 ? 'am' : 'pm'}`;
  return `${formatDate(`${parts.year}-${parts.month}-${parts.day}`)} at ${time}`;
}

/** "2024-07" → "July 2024", for chart periods. */
export function formatMonth(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  const month = match ? months[Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new Error(`"${period}" is not a month in the form YYYY-MM`);
  return `${month} ${match[1]}`;
}
