import nodemailer from 'nodemailer';

/** SMTP settings, from the environment (SMTP_HOST, SMTP_PORT, SMTP_FROM). */
export interface SmtpSettings {
  host: string;
  port: number;
  from: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** What became of a batch of mails: a failure is reported, never thrown. */
export interface MailOutcome {
  sent: boolean;
  error: string | null;
}

/** A server that does not answer holds a notification up this long at most, never the request for minutes. */
const SMTP_TIMEOUT_MS = 5000;

export const SMTP_NOT_CONFIGURED = 'SMTP is not configured (set SMTP_HOST, SMTP_PORT, SMTP_FROM)';

/**
 * The one SMTP sender: the digest and the inbox notifications both go out through it, over one
 * connection per batch. Without settings nothing is sent and the outcome says why.
 */
export function createMailer(smtp: SmtpSettings | null) {
  return {
    configured: smtp !== null,
    async send(mails: readonly Mail[]): Promise<MailOutcome> {
      if (!smtp) return { sent: false, error: SMTP_NOT_CONFIGURED };
      if (mails.length === 0) return { sent: false, error: null };
      const transport = nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: false,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      });
      try {
        for (const mail of mails) await transport.sendMail({ from: smtp.from, ...mail });
        return { sent: true, error: null };
      } catch (error) {
        return { sent: false, error: error instanceof Error ? error.message : String(error) };
      } finally {
        transport.close();
      }
    },
  };
}

export type Mailer = ReturnType<typeof createMailer>;
