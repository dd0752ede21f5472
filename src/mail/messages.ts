import { formatDate } from '../domain/format.ts';

/*
 * The words of every reminder, in one place. Plain English, the date and the board named in the
 * subject, and the link to the report, so a sponsor can act from the e-mail alone.
 */

export interface ReportRef {
  priority: string;
  board: string;
  meetingOn: string;
  papersDueOn: string | null;
  link: string;
}

const meetingName = (r: ReportRef) => `${r.board}, ${formatDate(r.meetingOn)}`;
const deadline = (r: ReportRef) =>
  r.papersDueOn
    ? `Papers are due by ${formatDate(r.papersDueOn)}.`
    : 'Please complete it before the papers go out.';

export function cycleOpened(name: string, r: ReportRef) {
  return {
    subject: `Highlight report needed: ${r.priority} – ${meetingName(r)}`,
    text: [
      `Dear ${name},`,
      '',
      `The reporting cycle for the ${meetingName(r)} is open. Please write the highlight report for ${r.priority}.`,
      deadline(r),
      '',
      `Write the report: ${r.link}`,
    ].join('\n'),
  };
}

export function deadlineReminder(name: string, r: ReportRef) {
  return {
    subject: `Reminder: highlight report due ${r.papersDueOn ? formatDate(r.papersDueOn) : 'soon'} – ${r.priority}`,
    text: [
      `Dear ${name},`,
      '',
      `The highlight report for ${r.priority} has not been submitted yet for the ${meetingName(r)}.`,
      deadline(r),
      '',
      `Finish and submit the report: ${r.link}`,
    ].join('\n'),
  };
}

export function returned(name: string, r: ReportRef, by: string, comment: string) {
  return {
    subject: `Highlight report returned: ${r.priority} – ${meetingName(r)}`,
    text: [
      `Dear ${name},`,
      '',
      `${by} returned the highlight report for ${r.priority} with these comments:`,
      '',
      comment,
      '',
      deadline(r),
      `Change and resubmit the report: ${r.link}`,
    ].join('\n'),
  };
}

export function digest(
  board: string,
  meetingOn: string,
  papersDueOn: string | null,
  missing: { priority: string; sponsor: string; state: string }[],
  link: string,
) {
  return {
    subject: `${missing.length} highlight ${missing.length === 1 ? 'report' : 'reports'} not submitted – ${board}, ${formatDate(meetingOn)}`,
    text: [
      `These highlight reports for the ${board}, ${formatDate(meetingOn)}, have not been submitted${papersDueOn ? ` (papers due ${formatDate(papersDueOn)})` : ''}:`,
      '',
      ...missing.map((m) => `- ${m.priority}: ${m.sponsor || 'no sponsor'} (${m.state})`),
      '',
      `See the meeting: ${link}`,
    ].join('\n'),
  };
}
