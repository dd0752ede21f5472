import type { ReminderLinks } from '../../mail/reminders.ts';
import { paths } from '../paths.ts';

/** The links reminder e-mails carry: the app's own paths on its public address. */
export function reminderLinks(publicUrl: string): ReminderLinks {
  const link = (path: string) => new URL(path, publicUrl).toString();
  return {
    highlightReport: (reportId) => link(paths.highlightReport(reportId)),
    meeting: (meetingId) => link(paths.meeting(meetingId)),
  };
}
