import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import icalGenerator from 'ical-generator';
import { DataSource } from 'typeorm';
import { CalendarFeedTokenEntity, CaseSummaryEntity, PupilEntity, Role, UserEntity } from '@zorgroute/domain';
import { caseUrl } from '@zorgroute/workflows';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { stepLabel } from '../cases/labels';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import type { CalendarFeedLinkModel, CalendarFeedModel } from './models/notification.models';

/** A feed token: 32 random bytes, base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** One open due date in a feed. */
export interface FeedEvent {
  uid: string;
  date: string;
  summary: string;
  description: string;
  url: string;
}

/** What the read model keeps of a pending consent request (data.consents of a case). */
interface ConsentView {
  requestId: string;
  label: string;
  status: string;
  respondBy: string;
  pupilMayDecide?: boolean;
}

/**
 * Private iCalendar feeds (issue 5): every staff member and parent can subscribe to their open due dates in Outlook,
 * Google Calendar or Apple Calendar. The URL carries a random token; only its SHA-256 is stored, so the database holds
 * no usable URL. Events carry the step, the pupil's first name, the due date and a link — no reason, no diagnosis,
 * nothing of the dossier (rule 8): calendars are synced to third parties.
 *
 * - staff: the open steps they own (read model: owner, waiting-for step, next due date);
 * - parents: open steps of their children's cases that they own, and the consent requests waiting for their answer.
 * Both only of the cases the AudiencePolicy lets the feed's owner see: a case kept from the parents (safety
 * exception) is never in a parent's feed.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {}

  mayHaveFeed(user: Pick<AuthUser, 'role'>): boolean {
    return user.role !== Role.PUPIL;
  }

  async status(user: AuthUser): Promise<CalendarFeedModel> {
    const row = await this.dataSource.getRepository(CalendarFeedTokenEntity).findOneBy({ userId: user.id });
    return { active: !!row, createdAt: row?.createdAt ?? null, lastUsedAt: row?.lastUsedAt ?? null };
  }

  /** A new token for the user (the previous URL stops working). Returns the URL, shown only now. */
  async regenerate(user: AuthUser): Promise<CalendarFeedLinkModel> {
    if (!this.mayHaveFeed(user)) throw new AppError('FORBIDDEN', 'Leerlingen hebben geen agenda-abonnement', 'Pupils have no calendar feed');
    const token = randomBytes(32).toString('base64url');
    const createdAt = new Date();
    await this.dataSource
      .getRepository(CalendarFeedTokenEntity)
      .upsert({ userId: user.id, tokenHash: hashToken(token), createdAt, lastUsedAt: null }, ['userId']);
    return { url: `${this.config.publicApiUrl.replace(/\/+$/, '')}/calendar/${token}.ics`, createdAt };
  }

  async revoke(user: AuthUser): Promise<CalendarFeedModel> {
    await this.dataSource.getRepository(CalendarFeedTokenEntity).delete({ userId: user.id });
    return { active: false, createdAt: null, lastUsedAt: null };
  }

  /** The .ics of the feed with this token; NOT_FOUND for an unknown, revoked or malformed token (no hint which). */
  async ics(token: string): Promise<string> {
    const notFound = AppError.notFound('Agenda', 'Calendar');
    if (!TOKEN.test(token)) throw notFound;
    const feed = await this.dataSource.getRepository(CalendarFeedTokenEntity).findOneBy({ tokenHash: hashToken(token) });
    if (!feed) throw notFound;
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: feed.userId });
    if (!user || !this.mayHaveFeed(user)) throw notFound;
    await this.dataSource.getRepository(CalendarFeedTokenEntity).update({ userId: user.id }, { lastUsedAt: new Date() });
    const events = user.role === Role.PARENT ? await this.parentEvents(user) : await this.staffEvents(user);
    return renderCalendar(user.name, events);
  }

  async staffEvents(user: FeedOwner): Promise<FeedEvent[]> {
    const rows = await this.openCases(user)
      .andWhere('c.owner_user_id = :user', { user: user.id })
      .getRawMany<OpenCaseRow>();
    return rows.map((r) => this.stepEvent(r));
  }

  async parentEvents(user: FeedOwner): Promise<FeedEvent[]> {
    // The parent's scope (his children's cases) from the AudiencePolicy, which leaves out a case kept from him.
    const rows = await this.openCases(user, false).getRawMany<OpenCaseRow>();
    const events: FeedEvent[] = [];
    for (const r of rows) {
      if (r.owner_user_id === user.id && r.waiting_for && r.next_due_date) events.push(this.stepEvent(r));
      const consents = ((r.data?.consents as ConsentView[] | undefined) ?? []).filter((c) => c.status === 'PENDING' && !c.pupilMayDecide && isIsoDate(c.respondBy));
      for (const c of consents) {
        events.push({
          uid: `${r.id}:${c.requestId}@zorgroute`,
          date: c.respondBy,
          summary: `Toestemming: ${c.label} – ${r.first_name}`,
          description: `Uw antwoord op het toestemmingsverzoek "${c.label}" voor ${r.first_name} wordt uiterlijk op deze dag gevraagd.\nGeven of weigeren in Zorgroute: ${caseUrl(this.config.appUrl, r.id)}`,
          url: caseUrl(this.config.appUrl, r.id),
        });
      }
    }
    return events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
  }

  private openCases(user: FeedOwner, withDueStep = true) {
    const qb = this.dataSource
      .getRepository(CaseSummaryEntity)
      .createQueryBuilder('c')
      .innerJoin(PupilEntity, 'p', 'p.id = c.pupil_id')
      .select(['c.id AS id', 'c.waiting_for AS waiting_for', "to_char(c.next_due_date, 'YYYY-MM-DD') AS next_due_date", 'c.owner_user_id AS owner_user_id', 'c.data AS data', 'p.first_name AS first_name'])
      .where('c.closed_at IS NULL')
      .orderBy('c.next_due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('c.id', 'ASC');
    if (withDueStep) qb.andWhere('c.waiting_for IS NOT NULL').andWhere('c.next_due_date IS NOT NULL');
    return this.audience.scopeCases(qb, user);
  }

  private stepEvent(r: OpenCaseRow): FeedEvent {
    const label = stepLabel(r.waiting_for) ?? 'Taak';
    const url = caseUrl(this.config.appUrl, r.id);
    return {
      uid: `${r.id}:${r.waiting_for}@zorgroute`,
      date: r.next_due_date as string,
      summary: `${label} – ${r.first_name}`,
      description: `Stap: ${label}\nLeerling: ${r.first_name}\nOpenen in Zorgroute: ${url}`,
      url,
    };
  }
}

/** The feed's owner, as the case scope needs him. */
type FeedOwner = Pick<UserEntity, 'id' | 'role' | 'schoolId' | 'swvId' | 'pupilId'>;

interface OpenCaseRow {
  id: string;
  waiting_for: string | null;
  /** YYYY-MM-DD (formatted by PostgreSQL: a `date` must not pass through a JS Date and a time zone). */
  next_due_date: string | null;
  owner_user_id: string | null;
  data: Record<string, unknown> | null;
  first_name: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The iCalendar text: one all-day event per open due date. */
export function renderCalendar(ownerName: string, events: FeedEvent[]): string {
  const calendar = icalGenerator({
    name: `Zorgroute – termijnen van ${ownerName}`,
    description: 'Open stappen en termijnen uit Zorgroute',
    prodId: { company: 'Zorgroute', product: 'termijnen', language: 'NL' },
    ttl: 60 * 60,
  });
  for (const e of events) {
    calendar.createEvent({
      id: e.uid,
      // A calendar date: formatted as a DATE from its UTC fields, so no time zone can move it to another day.
      start: new Date(`${e.date}T00:00:00Z`),
      allDay: true,
      summary: e.summary,
      description: e.description,
      url: e.url,
    });
  }
  return calendar.toString();
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

