import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Real SMTP when SMTP_URL is set (smtp://user:pass@host:port); otherwise mail is written to the
 * log so a coordinator trying the demo can still copy an invite link.
 */
export function createMailer(smtpUrl: string | null, from: string, log: Logger): Mailer {
  if (!smtpUrl) {
    return {
      async send(mail) {
        log.info(
          { to: mail.to, subject: mail.subject, text: mail.text },
          'mail not sent: SMTP_URL is not set',
        );
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
  };
}
