import type { FastifyInstance } from 'fastify';
import { createMailer } from '../../mail/mailer.ts';
import { sendDueReminders } from '../../mail/reminders.ts';
import { reminderLinks } from './mail-links.ts';

/**
 * Sends what has become due for one council right after a change that makes e-mail due (a cycle
 * opened, a report returned), so sponsors hear at once rather than at the next scheduled run. A
 * mail failure is logged and left for `wesaid remind` to retry: the change itself has been saved.
 */
export async function notifyNow(app: FastifyInstance, organisationId: number): Promise<void> {
  const mailer = createMailer(app.config);
  if (!mailer) return;
  try {
    await sendDueReminders(app.db, mailer, {
      today: app.clock.today(),
      links: reminderLinks(app.config.PUBLIC_URL),
      organisationId,
    });
  } catch (error) {
    app.log.warn({ err: error }, 'reminder e-mail not sent; wesaid remind will try again');
  } finally {
    mailer.close();
  }
}
