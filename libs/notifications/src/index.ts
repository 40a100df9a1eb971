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

// Delivery: at most once per key, recorded in notification_delivery.
export * from './delivery/notification-delivery.service';
export * from './delivery/notification-delivery.types';
export * from './delivery/delivery.errors';
export * from './delivery/message-id.util';
