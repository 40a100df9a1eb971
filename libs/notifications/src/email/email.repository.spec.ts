import { createServer } from 'node:net';
import nodemailer from 'nodemailer';
import type { Transport } from 'nodemailer';
import { EmailDeliveryError } from './email.errors';
import { DEFAULT_MAIL_FROM, EmailRepository, parseMailbox } from './email.repository';
import type { OutgoingEmail } from './email.types';
import { redactSecrets } from './redact.util';

const MESSAGE: OutgoingEmail = {
  to: 'mentor@school.test',
  subject: 'Nieuwe taak: Intakegesprek',
  html: '<p>Beste Jan,</p>',
  text: 'Beste Jan,',
  messageId: '<0123abcd@zorgroute.local>',
  headers: { 'Auto-Submitted': 'auto-generated' },
};

/** A local port where nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('EmailRepository', () => {
  describe('fromEnv', () => {
    it('requires SMTP_URL', () => {
      expect(() => EmailRepository.fromEnv({})).toThrow(/SMTP_URL is not set/);
      expect(() => EmailRepository.fromEnv({ SMTP_URL: '  ' })).toThrow(/SMTP_URL is not set/);
    });

    it('uses MAIL_FROM, with a default', () => {
      const plain = EmailRepository.fromEnv({ SMTP_URL: 'smtp://mail.school.test:2525' });
      expect(plain.from).toBe('Zorgroute <noreply@zorgroute.local>');
      expect(plain.endpoint).toBe('mail.school.test:2525');
      const custom = EmailRepository.fromEnv({ SMTP_URL: 'smtp://mail.school.test', MAIL_FROM: 'Zorgcoördinator <zorg@school.test>' });
      expect(custom.from).toBe('Zorgcoördinator <zorg@school.test>');
      plain.close();
      custom.close();
    });

    it('does not echo an invalid SMTP_URL (it may hold the password)', () => {
      expect(() => EmailRepository.fromEnv({ SMTP_URL: 'mail server with geheim123' })).toThrow(/not a valid URL/);
      expect(() => EmailRepository.fromEnv({ SMTP_URL: 'mail server with geheim123' })).not.toThrow(/geheim123/);
      expect(() => EmailRepository.fromEnv({ SMTP_URL: 'http://user:geheim123@mail.test' })).toThrow(/smtp:\/\/ or smtps:\/\//);
    });
  });

  it('names the server as host:port with nodemailer’s default ports', () => {
    expect(new EmailRepository('smtp://user:pw@mail.test:2525', 'a@b.test').endpoint).toBe('mail.test:2525');
    expect(new EmailRepository('smtp://mail.test', 'a@b.test').endpoint).toBe('mail.test:587');
    expect(new EmailRepository('smtps://mail.test', 'a@b.test').endpoint).toBe('mail.test:465');
  });

  it('sends the message with From, Message-ID and headers (JSON transport)', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sendMail = jest.spyOn(transport, 'sendMail');
    const repo = new EmailRepository('smtp://127.0.0.1:2525', 'Zorgroute <noreply@zorgroute.local>', { transport });

    const sent = await repo.send(MESSAGE);

    expect(sent.messageId).toBe(MESSAGE.messageId);
    const info = (await sendMail.mock.results[0].value) as { message: string };
    const json = JSON.parse(info.message) as Record<string, unknown>;
    expect(json).toMatchObject({
      from: { address: 'noreply@zorgroute.local', name: 'Zorgroute' },
      to: [{ address: 'mentor@school.test', name: '' }],
      subject: MESSAGE.subject,
      html: MESSAGE.html,
      text: MESSAGE.text,
      messageId: MESSAGE.messageId,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
  });

  it('sends to exactly the one recipient address: a list or a name in it adds no recipient', async () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sendMail = jest.spyOn(transport, 'sendMail');
    const repo = new EmailRepository('smtp://127.0.0.1:2525', DEFAULT_MAIL_FROM, { transport });

    await repo.send({ ...MESSAGE, to: 'ouder@voorbeeldmail.example, indringer@elders.example' });
    await repo.send({ ...MESSAGE, to: '"Ouder" <ouder@voorbeeldmail.example>\r\nBcc: indringer@elders.example' });

    for (const result of sendMail.mock.results) {
      const info = (await result.value) as { envelope: { to: string[] }; message: string };
      expect(info.envelope.to).toHaveLength(1);
      expect(info.envelope.to.join()).not.toMatch(/^indringer@/);
      expect(JSON.parse(info.message).to).toHaveLength(1);
      expect(JSON.parse(info.message).bcc).toBeUndefined();
    }
  });

  it('reads MAIL_FROM with nodemailer’s address parser, one mailbox only', () => {
    expect(parseMailbox('Zorgroute <noreply@zorgroute.local>')).toEqual({ name: 'Zorgroute', address: 'noreply@zorgroute.local' });
    expect(parseMailbox('"Zorg, route" <noreply@zorgroute.local>')).toEqual({ name: 'Zorg, route', address: 'noreply@zorgroute.local' });
    expect(parseMailbox('noreply@zorgroute.local')).toEqual({ name: '', address: 'noreply@zorgroute.local' });
    expect(() => parseMailbox('a@b.test, c@d.test')).toThrow(/exactly one address/);
    expect(() => parseMailbox('Zorgroute')).toThrow(/exactly one address/);
  });

  it('produces a MIME message with the given Message-ID (stream transport)', async () => {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const sendMail = jest.spyOn(transport, 'sendMail');
    const repo = new EmailRepository('smtp://127.0.0.1:2525', DEFAULT_MAIL_FROM, { transport });

    await repo.send({ ...MESSAGE, subject: 'Uw toestemming gevraagd: Zorg- en adviesteam' });

    const info = (await sendMail.mock.results[0].value) as { message: Buffer };
    const raw = info.message.toString('utf8');
    expect(raw).toContain('Message-ID: <0123abcd@zorgroute.local>');
    expect(raw).toContain('Auto-Submitted: auto-generated');
    expect(raw).toContain('Content-Type: multipart/alternative');
    expect(raw).toMatch(/^From: Zorgroute <noreply@zorgroute.local>$/m);
  });

  it('wraps a send failure with the server, the code and no password', async () => {
    const failing: Transport = {
      name: 'failing',
      version: '1',
      send: (_mail, callback) =>
        callback(Object.assign(new Error('Invalid login: 535 auth failed for zorg:Sup3r$ecret'), { code: 'EAUTH', responseCode: 535 }), undefined),
    };
    const repo = new EmailRepository('smtp://zorg:Sup3r%24ecret@mail.test:587', DEFAULT_MAIL_FROM, {
      transport: nodemailer.createTransport(failing),
    });

    const error = await repo.send(MESSAGE).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EmailDeliveryError);
    const failure = error as EmailDeliveryError;
    expect(failure.message).toBe('SMTP server mail.test:587 did not accept the message: EAUTH Invalid login: 535 auth failed for zorg:***');
    expect(failure.code).toBe('EAUTH');
    expect(failure.responseCode).toBe(535);
    expect(failure.permanent).toBe(true);
  });

  it('verify() fails fast and clearly when nothing listens, without the password', async () => {
    const port = await closedPort();
    const repo = new EmailRepository(`smtp://zorg:geheim123@127.0.0.1:${port}`, DEFAULT_MAIL_FROM, { timeoutMs: 2_000 });
    try {
      const error = await repo.verify().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmailDeliveryError);
      const message = (error as Error).message;
      expect(message).toContain(`SMTP server 127.0.0.1:${port} is not usable`);
      expect(message).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      expect(message).not.toContain('geheim123');
    } finally {
      repo.close();
    }
  });
});

describe('redactSecrets', () => {
  it('removes given secrets, URL-encoded forms and URL passwords', () => {
    expect(redactSecrets('login as bob:p@ss w0rd! failed', ['p@ss w0rd!'])).toBe('login as bob:*** failed');
    expect(redactSecrets('url smtp://bob:p%40ss@mail.test:25 down', [])).toBe('url smtp://bob:***@mail.test:25 down');
    expect(redactSecrets('encoded p%40ss', ['p@ss'])).toBe('encoded ***');
  });
});
