// Outgoing mail for staff accounts (password reset links), through nodemailer to the SMTP server
// named by SMTP_URL. Without SMTP_URL there is no mailer and the CLI prints reset links instead.
import type { Transporter } from 'nodemailer';

export interface MailOptions {
  /** smtp://user:pass@host:587 or smtps://...:465; nodemailer reads options from the query too. */
  smtpUrl: string;
  /** The From header, e.g. "Onset newsroom <newsroom@example.com>". */
  from: string;
}

export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

export function createMailer(options: MailOptions): Mailer {
  // nodemailer is loaded with the first message: most processes never send one.
  let transport: Promise<Transporter> | undefined;
  const open = () => (transport ??= import('nodemailer').then((m) => m.default.createTransport(options.smtpUrl)));
  return {
    async send(message) {
      await (await open()).sendMail({ from: options.from, ...message });
    },
    close: () => void transport?.then((t) => t.close()),
  };
}
