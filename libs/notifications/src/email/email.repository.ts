import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { EmailDeliveryError } from './email.errors';
import type { OutgoingEmail, SentEmail } from './email.types';
import { errorMessage } from './redact.util';

export const DEFAULT_MAIL_FROM = 'Zorgroute <noreply@zorgroute.local>';

/** Connection, greeting and socket-idle timeout: a dead or silent server fails fast. */
export const SMTP_TIMEOUT_MS = 10_000;

export interface EmailRepositoryOptions {
  /**
   * For unit tests only: a ready nodemailer transport (e.g. `{ jsonTransport: true }`) used
   * instead of the SMTP connection described by the URL.
   */
  transport?: Transporter;
  /** Overrides SMTP_TIMEOUT_MS for the connection, greeting and socket timeouts. */
  timeoutMs?: number;
}

interface SmtpTarget {
  /** host:port, for messages; never includes the credentials. */
  endpoint: string;
  /** Values that must never appear in a message (the password). */
  secrets: string[];
}

/** A mailbox as nodemailer's address object: nodemailer encodes the name and never splits the address. */
export interface Mailbox {
  name: string;
  address: string;
}

/**
 * Reads a configured sender (`Name <address>` or a bare address, e.g. MAIL_FROM) with nodemailer's own address parser;
 * anything else than exactly one mailbox is refused.
 */
export function parseMailbox(value: string): Mailbox {
  const parsed = addressparser(value, { flatten: true });
  const [first] = parsed;
  if (parsed.length !== 1 || !first?.address || !first.address.includes('@')) {
    throw new Error('MAIL_FROM must be exactly one address, e.g. "Zorgroute <noreply@school.nl>"');
  }
  return { name: first.name ?? '', address: first.address };
}

/**
 * The only class that talks to nodemailer. One non-pooled SMTP connection per message: deliveries
 * are infrequent, and a fresh connection never reuses a half-dead socket. Sender and recipient go to nodemailer as
 * address objects (never as header text), so a name or an address with quotes, commas or line breaks cannot add a
 * recipient or a header.
 */
export class EmailRepository {
  private readonly transporter: Transporter;
  private readonly target: SmtpTarget;
  /** The From mailbox (MAIL_FROM, parsed once). */
  readonly sender: Mailbox;

  /** SMTP_URL (required, e.g. smtp://user:pass@mail.example:587) and MAIL_FROM (optional). */
  static fromEnv(env: NodeJS.ProcessEnv = process.env): EmailRepository {
    const smtpUrl = env.SMTP_URL?.trim();
    if (!smtpUrl) throw new Error('SMTP_URL is not set (e.g. smtp://127.0.0.1:1025 or smtps://user:password@mail.example.nl:465)');
    const from = env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
    return new EmailRepository(smtpUrl, from);
  }

  constructor(
    smtpUrl: string,
    /** The From header, e.g. `Zorgroute <noreply@zorgroute.local>`. */
    readonly from: string,
    options: EmailRepositoryOptions = {},
  ) {
    this.target = parseSmtpUrl(smtpUrl);
    this.sender = parseMailbox(from);
    const timeout = options.timeoutMs ?? SMTP_TIMEOUT_MS;
    const smtpOptions: SMTPTransport.Options = {
      url: smtpUrl,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      dnsTimeout: timeout,
    };
    this.transporter = options.transport ?? nodemailer.createTransport(smtpOptions);
  }

  /** host:port of the mail server (no credentials). */
  get endpoint(): string {
    return this.target.endpoint;
  }

  /** Connects (and logs in, when the URL has credentials) to check the server at start-up. */
  async verify(): Promise<void> {
    try {
      await this.transporter.verify();
    } catch (error) {
      throw this.wrap(`SMTP server ${this.target.endpoint} is not usable (connect/login check failed)`, error);
    }
  }

  async send(msg: OutgoingEmail): Promise<SentEmail> {
    try {
      const info = (await this.transporter.sendMail({
        from: this.sender,
        to: { name: '', address: msg.to },
        subject: msg.subject,
        html: msg.html,
        text: msg.text,
        messageId: msg.messageId,
        headers: msg.headers,
        ...(msg.icalEvent ? { icalEvent: { method: msg.icalEvent.method, filename: msg.icalEvent.filename, content: msg.icalEvent.content } } : {}),
        ...(msg.attachments?.length ? { attachments: msg.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
      })) as { messageId?: unknown; response?: unknown };
      return {
        messageId: typeof info.messageId === 'string' && info.messageId ? info.messageId : msg.messageId,
        response: typeof info.response === 'string' ? info.response : '',
      };
    } catch (error) {
      throw this.wrap(`SMTP server ${this.target.endpoint} did not accept the message`, error);
    }
  }

  close(): void {
    this.transporter.close();
  }

  private wrap(what: string, error: unknown): EmailDeliveryError {
    const details = error as { code?: unknown; responseCode?: unknown } | null;
    const code = typeof details?.code === 'string' ? details.code : undefined;
    const responseCode = typeof details?.responseCode === 'number' ? details.responseCode : undefined;
    const reason = errorMessage(error, this.target.secrets);
    return new EmailDeliveryError(`${what}: ${code ? `${code} ` : ''}${reason}`, code, responseCode);
  }
}

function parseSmtpUrl(smtpUrl: string): SmtpTarget {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    // Do not echo the value: it may contain the password.
    throw new Error('SMTP_URL is not a valid URL (expected smtp://[user:password@]host[:port] or smtps://…)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new Error(`SMTP_URL must start with smtp:// or smtps:// (got ${url.protocol}//)`);
  }
  // nodemailer's defaults: 465 for implicit TLS (smtps), 587 otherwise.
  const port = url.port || (url.protocol === 'smtps:' ? '465' : '587');
  const password = url.password;
  const secrets = password ? [password, safeDecode(password)] : [];
  return { endpoint: `${url.hostname}:${port}`, secrets };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
