/**
 * Issue 5 through the api: the private calendar feed (GraphQL to make and revoke it, `GET /calendar/<token>.ics` to
 * read it, parsed with ical.js), the digest preference, and the delivery log on the case page.
 *
 * The read model and the delivery log are written directly (they are what the workflows write); needs DATABASE_URL,
 * TEMPORAL_ADDRESS (the api connects at start-up) and AUTH_SECRET.
 */
import { createHash } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import ICAL from 'ical.js';
import { CaseSummaryEntity, DeliveryStatus, migrateFromEnv, NotificationDeliveryEntity, type CaseSnapshot } from '@zorgroute/domain';
import { CaseReadModelRepository } from '@zorgroute/domain';
import { DataSource } from 'typeorm';
import { createSchoolFixture, type SchoolFixture } from '../../worker/test/support/fixtures';
import { appConfigFromEnv } from '../src/config/app.config';
import { createApp } from '../src/create-app';
import { GraphQLTestClient } from './graphql-client';

let app: INestApplication;
let baseUrl: string;
let dataSource: DataSource;
let f: SchoolFixture;
let gql: GraphQLTestClient;
const APP_URL = 'https://zorgroute.test';

const REGENERATE = `mutation { regenerateCalendarFeed { url createdAt } }`;
const FEED = `query { calendarFeed { active createdAt lastUsedAt } }`;

function snapshot(over: Partial<CaseSnapshot> & Pick<CaseSnapshot, 'caseId' | 'pupilId'>): CaseSnapshot {
  const now = new Date().toISOString();
  return {
    process: 'ONDERSTEUNINGSTRAJECT',
    schoolId: f.schoolId,
    status: 'INTAKE',
    waitingFor: null,
    nextDueDate: null,
    ownerUserId: null,
    stuck: false,
    stuckReason: null,
    outcome: null,
    policyVersion: 'standaard',
    originCaseId: null,
    participantIds: [],
    data: { reason: 'Vermoeden van dyslexie' },
    seq: 1,
    startedAt: now,
    updatedAt: now,
    closedAt: null,
    ...over,
  };
}

async function fetchFeed(url: string): Promise<{ status: number; type: string | null; body: string }> {
  const path = new URL(url).pathname;
  const res = await fetch(`${baseUrl}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
}

interface FeedEvent {
  uid: string;
  summary: string;
  start: string;
  allDay: boolean;
  description: string;
  url: string | null;
}

function parseEvents(ics: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      allDay: event.startDate.isDate,
      description: event.description,
      url: (v.getFirstPropertyValue('url') as string | null) ?? null,
    };
  });
}

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, API_PORT: '0', APP_URL, API_PUBLIC_URL: 'https://api.zorgroute.test' };
  await migrateFromEnv(env);
  app = await createApp(appConfigFromEnv(env));
  await app.listen(0, '127.0.0.1');
  baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  gql = new GraphQLTestClient(`${baseUrl}/graphql`);
  dataSource = app.get(DataSource);
  f = await createSchoolFixture(dataSource, { pupils: 2 });

  const readModel = new CaseReadModelRepository(dataSource);
  const [daan, noor] = f.pupils;
  await readModel.upsert(snapshot({ caseId: `feed-a-${f.run}`, pupilId: daan.id, waitingFor: 'RECORD_INTAKE', nextDueDate: '2026-12-07', ownerUserId: f.mentor.id, participantIds: [f.mentor.id] }));
  await readModel.upsert(snapshot({ caseId: `feed-b-${f.run}`, pupilId: noor.id, waitingFor: 'ASSIGN_COACH', nextDueDate: '2026-12-14', ownerUserId: f.mentor.id, participantIds: [f.mentor.id] }));
  // Closed, and another owner's step: neither belongs in the mentor's feed.
  await readModel.upsert(snapshot({ caseId: `feed-c-${f.run}`, pupilId: noor.id, waitingFor: 'RECORD_OUTCOME', nextDueDate: '2026-12-01', ownerUserId: f.mentor.id, closedAt: new Date().toISOString() }));
  await readModel.upsert(snapshot({ caseId: `feed-d-${f.run}`, pupilId: noor.id, waitingFor: 'RECORD_OUTCOME', nextDueDate: '2026-12-02', ownerUserId: f.zc.id }));
  // Daan's parent is asked for consent (answer due 10 December); the pupil of case B decides himself on another one.
  await readModel.upsert(
    snapshot({
      caseId: `feed-e-${f.run}`,
      pupilId: daan.id,
      process: 'ZORGROUTE',
      status: 'TOESTEMMING_ZAT',
      waitingFor: 'CONSENT_ZAT_AANMELDING',
      nextDueDate: '2026-12-10',
      ownerUserId: f.zc.id,
      data: {
        consents: [
          { requestId: `c-1-${f.run}`, label: 'Aanmelding bij het ZAT', status: 'PENDING', respondBy: '2026-12-10', pupilMayDecide: false },
          { requestId: `c-2-${f.run}`, label: 'Informatie delen met de GGZ', status: 'GIVEN', respondBy: '2026-12-03', pupilMayDecide: false },
        ],
      },
    }),
  );
}, 120_000);

afterAll(async () => {
  await app?.close();
}, 30_000);

describe('private calendar feed', () => {
  it('lists a mentor’s open due dates as all-day events with the step and a link, no case details', async () => {
    await gql.login(f.mentor.email);
    expect((await gql.ok<{ calendarFeed: { active: boolean } }>(FEED)).calendarFeed.active).toBe(false);
    const { regenerateCalendarFeed: link } = await gql.ok<{ regenerateCalendarFeed: { url: string } }>(REGENERATE);
    expect(link.url).toMatch(/^https:\/\/api\.zorgroute\.test\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);

    const feed = await fetchFeed(link.url);
    expect(feed.status).toBe(200);
    expect(feed.type).toMatch(/^text\/calendar/);
    const events = parseEvents(feed.body);
    expect(events.map((e) => [e.start, e.summary, e.allDay])).toEqual([
      ['2026-12-07', 'Intakegesprek en ontwikkeldoel – Daan', true],
      ['2026-12-14', 'Coach kiezen – Noor', true],
    ]);
    expect(events[0].url).toBe(`${APP_URL}/cases/feed-a-${f.run}`);
    expect(events[0].description).toContain(`Openen in Zorgroute: ${APP_URL}/cases/feed-a-${f.run}`);
    expect(feed.body).not.toMatch(/dyslexie|Veldkamp/i);

    const status = await gql.ok<{ calendarFeed: { active: boolean; lastUsedAt: string | null } }>(FEED);
    expect(status.calendarFeed.active).toBe(true);
    expect(status.calendarFeed.lastUsedAt).not.toBeNull();
  });

  it('gives a parent the consent requests waiting for them about their own child only', async () => {
    await gql.login(f.parent.email);
    const { regenerateCalendarFeed: link } = await gql.ok<{ regenerateCalendarFeed: { url: string } }>(REGENERATE);
    const events = parseEvents((await fetchFeed(link.url)).body);
    expect(events.map((e) => [e.start, e.summary])).toEqual([['2026-12-10', 'Toestemming: Aanmelding bij het ZAT – Daan']]);
    expect(events[0].description).toContain('Geven of weigeren in Zorgroute');
  });

  it('authenticates by the token only: a regenerated or revoked URL and a guessed token answer 404', async () => {
    await gql.login(f.zc.email);
    const first = (await gql.ok<{ regenerateCalendarFeed: { url: string } }>(REGENERATE)).regenerateCalendarFeed.url;
    expect(parseEvents((await fetchFeed(first)).body).map((e) => e.summary)).toEqual([
      'Eindevaluatie en uitkomst – Noor',
      expect.stringMatching(/– Daan$/),
    ]);
    const second = (await gql.ok<{ regenerateCalendarFeed: { url: string } }>(REGENERATE)).regenerateCalendarFeed.url;
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    // Only the token's SHA-256 is stored, never the token.
    const token = /\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(second)![1];
    const stored: { token_hash: string }[] = await dataSource.query('SELECT token_hash FROM calendar_feed_token WHERE user_id = $1', [f.zc.id]);
    expect(stored).toEqual([{ token_hash: createHash('sha256').update(token).digest('hex') }]);

    const revoked = await gql.ok<{ revokeCalendarFeed: { active: boolean } }>(`mutation { revokeCalendarFeed { active } }`);
    expect(revoked.revokeCalendarFeed.active).toBe(false);
    expect((await fetchFeed(second)).status).toBe(404);
    expect((await fetchFeed(`${baseUrl}/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetchFeed(`${baseUrl}/calendar/niet-geldig.ics`)).status).toBe(404);
    expect(await dataSource.query('SELECT 1 FROM calendar_feed_token WHERE user_id = $1', [f.zc.id])).toEqual([]);

    gql.token = null;
    const anonymous = await gql.request(REGENERATE);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('digest preference', () => {
  it('lets staff choose the daily digest and shows the school’s digest policy; parents always get messages at once', async () => {
    await gql.login(f.mentor.email);
    const set = await gql.ok<{ setNotificationPreference: { mode: string; digestAvailable: boolean; digestTime: string; digestSchoolDaysOnly: boolean } }>(
      `mutation { setNotificationPreference(input: { mode: DAILY_DIGEST }) { mode digestAvailable digestTime digestSchoolDaysOnly } }`,
    );
    expect(set.setNotificationPreference).toEqual({ mode: 'DAILY_DIGEST', digestAvailable: true, digestTime: '08:30', digestSchoolDaysOnly: true });
    expect((await gql.ok<{ notificationPreference: { mode: string } }>(`query { notificationPreference { mode } }`)).notificationPreference.mode).toBe('DAILY_DIGEST');

    await gql.login(f.parent.email);
    const refused = await gql.request(`mutation { setNotificationPreference(input: { mode: DAILY_DIGEST }) { mode } }`);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toBe('Ouders en leerlingen ontvangen berichten altijd direct');
    expect(refused.errors?.[0].extensions?.messageEn).toBe('Parents and pupils always get their messages immediately');
    expect((await gql.ok<{ notificationPreference: { mode: string; digestAvailable: boolean } }>(`query { notificationPreference { mode digestAvailable } }`)).notificationPreference).toEqual({
      mode: 'IMMEDIATE',
      digestAvailable: false,
    });
  });
});

describe('delivery log of a case', () => {
  const DETAIL = `query($id: ID!) { case(id: $id) { deliveries { kind kindLabel recipient subject status statusLabel attempts sentAt lastError } timeline { kind description } } }`;

  it('shows the case’s staff what was sent to whom, also in the timeline, and hides it from parents (null, no error)', async () => {
    const caseId = `feed-a-${f.run}`;
    const repo = dataSource.getRepository(NotificationDeliveryEntity);
    const now = new Date();
    const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000);
    const base = { caseId, updatedAt: now, messageId: null, lastError: null, sentAt: null };
    await repo.save([
      repo.create({ ...base, key: `${caseId}:RECORD_INTAKE:3:assigned:${f.mentor.id}`, recipientUserId: f.mentor.id, recipientEmail: f.mentor.email, kind: 'STEP_ASSIGNED', subject: 'Nieuwe taak: Intakegesprek', status: DeliveryStatus.SENT, attempts: 1, createdAt: at(3), sentAt: now, messageId: '<a@zorgroute.local>' }),
      repo.create({ ...base, key: `${caseId}:started:parents:x`, recipientUserId: null, recipientEmail: 'jan.devries@voorbeeldmail.example', kind: 'CASE_STARTED', subject: 'Er is een traject gestart', status: DeliveryStatus.FAILED, attempts: 3, createdAt: at(2), lastError: 'SMTP server mail.test:587 did not accept the message: ECONNREFUSED' }),
      repo.create({ ...base, key: `${caseId}:RECORD_INTAKE:3:before-2:${f.mentor.id}`, recipientUserId: f.mentor.id, recipientEmail: f.mentor.email, kind: 'STEP_REMINDER', subject: 'Herinnering: Intakegesprek', status: DeliveryStatus.DIGESTED, attempts: 0, createdAt: at(1), sentAt: now }),
    ]);

    await gql.login(f.zc.email);
    const { case: detail } = await gql.ok<{ case: { deliveries: Record<string, unknown>[]; timeline: { kind: string; description: string }[] } }>(DETAIL, { id: caseId });
    expect(detail.deliveries).toEqual([
      expect.objectContaining({ kind: 'STEP_ASSIGNED', kindLabel: 'Nieuwe taak', recipient: 'Sanne de Wit', status: 'SENT', statusLabel: 'Verstuurd', attempts: 1, lastError: null }),
      expect.objectContaining({ kind: 'CASE_STARTED', recipient: 'j***@v***.example', status: 'FAILED', attempts: 3, sentAt: null, lastError: expect.stringContaining('ECONNREFUSED') }),
      expect.objectContaining({ kind: 'STEP_REMINDER', recipient: 'Sanne de Wit', status: 'DIGESTED', statusLabel: 'Verstuurd in het dagoverzicht' }),
    ]);
    expect(detail.timeline.map((t) => t.kind)).toEqual(expect.arrayContaining(['MAIL_SENT', 'MAIL_FAILED', 'MAIL_SENT_IN_DIGEST']));
    expect(detail.timeline.find((t) => t.kind === 'MAIL_SENT')?.description).toBe('E-mail verstuurd aan Sanne de Wit: Nieuwe taak: Intakegesprek');

    // A parent gets no delivery log: null, not an error, so the case page (one query for every role) still renders.
    await gql.login(f.parent.email);
    const forParent = await gql.request<{ case: { deliveries: unknown[] | null; timeline: { kind: string }[] } }>(DETAIL, { id: caseId });
    expect(forParent.errors).toBeUndefined();
    expect(forParent.data?.case.deliveries).toBeNull();
    expect(forParent.data?.case.timeline.some((t) => t.kind.startsWith('MAIL_'))).toBe(false);
    expect(await dataSource.getRepository(CaseSummaryEntity).countBy({ id: caseId })).toBe(1);
  });
});
