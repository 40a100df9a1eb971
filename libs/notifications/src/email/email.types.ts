export interface OutgoingEmail {
  /** The recipient's address only (sent as a nodemailer address object, never parsed as a list). */
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The complete Message-ID header value, including angle brackets: `<id@domain>`. */
  messageId: string;
  headers?: Record<string, string>;
  /**
   * An iCalendar invitation, sent as the message's text/calendar alternative (what mail clients show as an invitation
   * with "add to calendar"), with the same content as an .ics file.
   */
  icalEvent?: OutgoingCalendarEvent;
  /** Files attached to the message. */
  attachments?: OutgoingAttachment[];
}

export interface OutgoingCalendarEvent {
  /** The iCalendar METHOD, e.g. REQUEST for an invitation (must match the METHOD in `content`). */
  method: 'REQUEST' | 'PUBLISH' | 'CANCEL';
  /** File name of the part, e.g. `uitnodiging.ics`. */
  filename: string;
  /** The iCalendar text. */
  content: string;
}

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: string | Buffer;
}

export interface SentEmail {
  /** The Message-ID the message was sent with. */
  messageId: string;
  /** The SMTP server's final response, e.g. `250 Message queued as …` ('' for test transports). */
  response: string;
}
