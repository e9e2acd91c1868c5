import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Mail {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on a free port that keeps every message it receives. */
export async function startSmtp(): Promise<{ server: SMTPServer; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, mails };
}

/** Bytes written as `=XX` (quoted-printable, RFC 2047 "Q") back to UTF-8 text. */
const unescapeHex = (text: string) =>
  Buffer.from(
    text.replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

/**
 * A received message's subject and plain-text body as a reader sees them: folded headers joined,
 * encoded words decoded, the quoted-printable body's soft line breaks and escapes undone.
 */
export function readMail(mail: Mail): { subject: string; text: string } {
  const [head = '', ...rest] = mail.data.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const rawSubject = /^Subject: (.*)$/im.exec(headers)?.[1] ?? '';
  const subject = rawSubject
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_match, word: string) => unescapeHex(word.replace(/_/g, ' ')));
  const body = rest.join('\n\n');
  const text = /quoted-printable/i.test(headers) ? unescapeHex(body.replace(/=\r?\n/g, '')) : body;
  return { subject, text };
}
