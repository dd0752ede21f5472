import { bringUpToDate, openDatabase } from '../db/client.ts';
import { createMailer } from '../mail/mailer.ts';
import { sendDueReminders } from '../mail/reminders.ts';
import { reminderLinks } from '../web/board/mail-links.ts';
import type { Command } from './command.ts';

/**
 * Sends every reminder that is due and has not been sent: run it daily (cron, a scheduled task).
 * Running it again the same day sends nothing more. WESAID_TODAY fixes the date for testing.
 */
export const remindCommand: Command = {
  summary: 'remind: send the highlight report e-mails that are due (safe to run more than once)',
  options: {},
  async run({ config, clock }) {
    const mailer = createMailer(config);
    if (!mailer) {
      console.error(
        'Set SMTP_URL (for example smtp://user:password@mail.council.gov.uk:587) to send reminders.',
      );
      return 1;
    }
    const database = await openDatabase(config);
    try {
      await bringUpToDate(database, config);
      const sent = await sendDueReminders(database.db, mailer, {
        today: clock.today(),
        links: reminderLinks(config.PUBLIC_URL),
      });
      for (const s of sent) console.log(`${s.kind}: ${s.to}: ${s.subject}`);
      console.log(
        sent.length === 0
          ? 'No reminders were due.'
          : `Sent ${sent.length} ${sent.length === 1 ? 'reminder' : 'reminders'}.`,
      );
      return 0;
    } finally {
      mailer.close();
      await database.close();
    }
  },
};
