// A real SMTP server in the test process: invites go out over the SMTP protocol through
// nodemailer and are parsed back with mailparser, so nothing of the mail path is faked.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { createMailer, type Mailer } from '../mail/mailer.ts';

export interface TestMailbox {
  mailer: Mailer;
  received: ParsedMail[];
  close(): Promise<void>;
}

export async function startTestMailbox(): Promise<TestMailbox> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const mailer = createMailer(
    `smtp://127.0.0.1:${port}`,
    'Coproduce <no-reply@coproduce.test>',
    pino({ level: 'silent' }),
  );
  return { mailer, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
