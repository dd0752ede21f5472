import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

/** One e-mail as Wesaid writes it: plain text, so it reads the same in every mail client. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * Real SMTP through nodemailer, configured by SMTP_URL (smtp:// or smtps://, credentials in the
 * URL). Without SMTP_URL there is no mailer and reminders are not sent: a council that has not set
 * up mail should not believe sponsors were told.
 */
export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): Mailer | null {
  if (!config.SMTP_URL) return null;
  const transport = nodemailer.createTransport(config.SMTP_URL);
  return {
    async send(message) {
      await transport.sendMail({
        from: config.MAIL_FROM,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
    close: () => transport.close(),
  };
}
