// Messages: kinds and their typed data.
export * from './messages/message-kind';
export * from './messages/message-data.types';

// Templates: Dutch subject/HTML/text rendering.
export * from './templates/template.renderer';
export * from './templates/template.errors';
export { formatDutchLongDate, formatSchoolDays, parseIsoDate } from './templates/dutch-date.util';

// E-mail: the only code that talks to nodemailer.
export * from './email/email.repository';
export * from './email/email.errors';
export * from './email/email.types';
export { redactSecrets } from './email/redact.util';

// Calendar: the .ics invitation of a meeting (built at send time from the delivery's data).
export * from './calendar/meeting-invitation.ics';

// Delivery: at most once per key, recorded in notification_delivery.
export * from './delivery/notification-delivery.service';
export * from './delivery/notification-delivery.types';
export * from './delivery/delivery.errors';
export * from './delivery/message-id.util';

// Letters: Dutch letters to parents (typed templates) rendered as PDF.
export * from './letters/letter.types';
export * from './letters/zorgplicht-letter.templates';
export * from './letters/tlv-letter.templates';
export * from './letters/pdf-document';
export * from './letters/pdf-letter.renderer';
export * from './letters/pdf-text';

// Digest and delivery classes: which messages may wait for a staff member's daily digest, and sending it once.
export * from './messages/delivery-class';
export * from './digest/digest.service';
