export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The complete Message-ID header value, including angle brackets: `<id@domain>`. */
  messageId: string;
  headers?: Record<string, string>;
}

export interface SentEmail {
  /** The Message-ID the message was sent with. */
  messageId: string;
  /** The SMTP server's final response, e.g. `250 Message queued as …` ('' for test transports). */
  response: string;
}
