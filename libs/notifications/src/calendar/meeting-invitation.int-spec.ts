import { randomUUID } from 'node:crypto';
import { createDataSource, migrateFromEnv } from '@zorgroute/domain';
import ICAL from 'ical.js';
import type { DataSource } from 'typeorm';
import { NotificationDeliveryService } from '../delivery/notification-delivery.service';
import type { DeliveryRequest } from '../delivery/notification-delivery.types';
import { EmailRepository } from '../email/email.repository';
import { TemplateRenderer } from '../templates/template.renderer';
import { meetingUid } from './meeting-invitation.ics';

// Needs PostgreSQL (DATABASE_URL) and a maildev 2.2.1 mail catcher (SMTP_URL, MAIL_WEB_URL); own keys and addresses.
jest.setTimeout(60_000);

const { DATABASE_URL, SMTP_URL, MAIL_WEB_URL } = process.env;
const FROM = 'Zorgroute test <noreply@zorgroute.local>';
const run = randomUUID().slice(0, 8);

interface CaughtMail {
  id: string;
  subject: string;
  to: { address: string }[];
}

const web = () => MAIL_WEB_URL!.replace(/\/+$/, '');

async function mailsTo(address: string, count: number): Promise<CaughtMail[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await fetch(`${web()}/email`);
    if (!response.ok) throw new Error(`maildev answered ${response.status}`);
    const mails = ((await response.json()) as CaughtMail[]).filter((m) => m.to.some((t) => t.address.toLowerCase() === address.toLowerCase()));
    if (mails.length >= count || Date.now() > deadline) return mails;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The raw message as the SMTP server received it. */
async function source(id: string): Promise<string> {
  const response = await fetch(`${web()}/email/${id}/source`);
  if (!response.ok) throw new Error(`maildev answered ${response.status}`);
  return response.text();
}

/** The decoded text/calendar part of a raw MIME message (base64, quoted-printable or 7bit). */
function calendarPart(raw: string): { headers: string; body: string } {
  const parts = raw.split(/\r?\n--[^\r\n]+\r?\n/);
  const part = parts.find((p) => /^content-type:\s*text\/calendar/im.test(p.split(/\r?\n\r?\n/)[0]));
  if (!part) throw new Error('no text/calendar part');
  const [headers, ...rest] = part.split(/\r?\n\r?\n/);
  let body = rest.join('\n\n').replace(/\r?\n--[^\r\n]*--\s*$/, '');
  if (/content-transfer-encoding:\s*base64/i.test(headers)) body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  else if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    body = Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return { headers, body };
}

describe('Meeting invitations carry a calendar invitation (PostgreSQL + maildev)', () => {
  let dataSource: DataSource;
  let email: EmailRepository;
  let service: NotificationDeliveryService;

  beforeAll(async () => {
    if (!DATABASE_URL || !SMTP_URL || !MAIL_WEB_URL) throw new Error('DATABASE_URL, SMTP_URL and MAIL_WEB_URL must be set for the notifications integration tests');
    await migrateFromEnv();
    dataSource = createDataSource(DATABASE_URL);
    await dataSource.initialize();
    email = new EmailRepository(SMTP_URL, FROM);
    service = new NotificationDeliveryService(dataSource, email, new TemplateRenderer());
  });

  afterAll(async () => {
    email?.close();
    if (dataSource?.isInitialized) await dataSource.destroy();
  });

  function invitation(date: string, time: string | undefined, address: string): DeliveryRequest & { kind: 'MEETING_INVITATION' } {
    return {
      key: `zorgroute-${run}:invitation:IZO:1:${date}:${address}`,
      caseId: `zorgroute-${run}`,
      recipient: { userId: randomUUID(), email: address, name: 'Marieke Verhoef' },
      kind: 'MEETING_INVITATION',
      data: {
        schoolName: 'Het Stedelijk Lyceum',
        stepLabel: 'IZO-bespreking',
        dueDate: date,
        caseUrl: `https://zorgroute.test/cases/zorgroute-${run}`,
        meeting: 'IZO',
        audience: 'STAFF',
        pupilFirstName: 'Noor',
        ...(time ? { meetingTime: time } : {}),
        location: 'lokaal 1.12',
        calendarId: `zorgroute-${run}:meeting:IZO:1`,
      },
    };
  }

  it('sends the invitation with a text/calendar METHOD:REQUEST part; a re-planned meeting updates the same entry', async () => {
    const address = `zc-${run}@zorgroute.test`;
    const first = invitation('2026-11-26', '15:30', address);
    expect((await service.deliver(first)).status).toBe('SENT');
    // A retry sends nothing; the invitation is rebuilt from the stored request, never stored itself.
    expect((await service.deliver(first)).status).toBe('ALREADY_SENT');
    await new Promise((r) => setTimeout(r, 1100));
    const replanned = invitation('2026-12-03', '09:00', address);
    expect((await service.deliver(replanned)).status).toBe('SENT');

    const mails = await mailsTo(address, 2);
    expect(mails).toHaveLength(2);
    const events = await Promise.all(
      mails.map(async (m) => {
        const { headers, body } = calendarPart(await source(m.id));
        expect(headers).toMatch(/text\/calendar/i);
        expect(headers).toMatch(/method=("?)REQUEST\1/i);
        const calendar = new ICAL.Component(ICAL.parse(body));
        expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
        const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
        return { subject: m.subject, event: new ICAL.Event(vevent), tzid: vevent.getFirstProperty('dtstart')?.getParameter('tzid') };
      }),
    );
    const byDate = (d: string) => events.find((e) => e.event.startDate.toString().startsWith(d));
    const a = byDate('2026-11-26');
    const b = byDate('2026-12-03');
    expect(a?.event.summary).toBe('IZO-overleg over Noor');
    expect(a?.tzid).toBe('Europe/Amsterdam');
    expect(a?.event.startDate.toString()).toBe('2026-11-26T15:30:00');
    expect(a?.event.uid).toBe(meetingUid({ calendarId: `zorgroute-${run}:meeting:IZO:1`, meeting: 'IZO', dueDate: '2026-11-26' }, null));
    expect(b?.event.uid).toBe(a?.event.uid);
    expect(b?.event.sequence).toBeGreaterThan(a?.event.sequence ?? Infinity);
  });

  it('cancels the meeting: a text/calendar METHOD:CANCEL part for the same entry, with a higher SEQUENCE', async () => {
    const address = `zc-cancel-${run}@zorgroute.test`;
    const invited = invitation('2026-12-10', '14:00', address);
    expect((await service.deliver(invited)).status).toBe('SENT');
    await new Promise((r) => setTimeout(r, 1100));
    const cancelled = { ...invited, key: `${invited.key}:cancelled`, kind: 'MEETING_CANCELLED' as const };
    expect((await service.deliver(cancelled)).status).toBe('SENT');
    expect((await service.deliver(cancelled)).status).toBe('ALREADY_SENT');

    const mails = await mailsTo(address, 2);
    expect(mails).toHaveLength(2);
    const cancelMail = mails.find((m) => m.subject.startsWith('Gaat niet door'));
    const inviteMail = mails.find((m) => m.subject.startsWith('Uitnodiging'));
    if (!cancelMail || !inviteMail) throw new Error(`unexpected subjects: ${mails.map((m) => m.subject).join(' | ')}`);
    expect(cancelMail.subject).toBe('Gaat niet door: IZO-bespreking op donderdag 10 december 2026 om 14:00');
    const { headers, body } = calendarPart(await source(cancelMail.id));
    expect(headers).toMatch(/method=("?)CANCEL\1/i);
    const calendar = new ICAL.Component(ICAL.parse(body));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    const invite = new ICAL.Event(new ICAL.Component(ICAL.parse(calendarPart(await source(inviteMail.id)).body)).getFirstSubcomponent('vevent') as ICAL.Component);
    const cancel = new ICAL.Event(vevent);
    expect(cancel.uid).toBe(invite.uid);
    expect(cancel.sequence).toBeGreaterThan(invite.sequence);
  });

  it('sends an all-day event when the meeting has no time', async () => {
    const address = `zc-allday-${run}@zorgroute.test`;
    await service.deliver(invitation('2026-11-27', undefined, address));
    const [mail] = await mailsTo(address, 1);
    const { body } = calendarPart(await source(mail.id));
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-11-27');
  });
});
