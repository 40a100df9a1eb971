import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import {
  CaseSummaryEntity,
  MeetingEntity,
  MeetingRepository,
  PolicyVersionRepository,
  ProcessType,
  PupilEntity,
  Role,
  SchoolDayOffRepository,
  SchoolEntity,
  UserEntity,
} from '@zorgroute/domain';
import { checkZatCalendar, MEETING_KIND_LABELS, meetingPlanProblems, schoolYearOf, toIsoDate, type MeetingProblem } from '@zorgroute/domain/logic';
import { dateInWords } from '@zorgroute/dates';
import { ZORGROUTE_STEPS as STEPS } from '@zorgroute/processes';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CaseStepService } from '../cases/case-step.service';
import { statusLabel } from '../cases/labels';
import { AppError } from '../common/app-error';
import { isUuid } from '@zorgroute/domain';
import { validateOrThrow } from '../common/validate';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { CaseNotesService } from '../documents/case-notes.service';
import { CancelMeetingInput, MeetingsArgs, PlanMeetingInput, PutCaseOnMeetingInput, RecordMeetingMinutesInput, SendMeetingAgendaInput, UpdateMeetingInput } from './dtos/meeting.inputs';
import { MeetingAgendaMailer } from './meeting-agenda.mailer';
import type { MeetingAgendaResultModel, MeetingCaseModel, MeetingDetailModel, MeetingModel, MeetingOverviewModel } from './models/meeting.model';

/** Who reads a school's meetings (with the names of the pupils on them): its zorgcoördinator and teamleiders, an admin. */
const READERS: Role[] = [Role.ZORGCOORDINATOR, Role.TEAMLEIDER];
/** Who receives an agenda: staff of the school (never parents, pupils or the SWV). */
const AGENDA_ROLES: Role[] = [Role.ZORGCOORDINATOR, Role.TEAMLEIDER, Role.MENTOR, Role.COACH, Role.JOS_MEDEWERKER];

function badInput(what: string, whatEn: string, problems: MeetingProblem[]): AppError {
  return new AppError('BAD_USER_INPUT', `${what}: ${problems.map((p) => p.nl).join('; ')}`, `${whatEn}: ${problems.map((p) => p.en).join('; ')}`, {
    problems: problems.map((p) => `${p.field}: ${p.nl}`),
  });
}

/** A UUID-shaped key from parts (the case note's client request id: a retried minutes save stores each note once). */
function stableUuid(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Meetings (issue 17.8): a school's IZO, ZAT and Flex-ZAT as dated meetings per school year; the cases on each (read
 * from the read model, through the caller's scope), putting a case on one through the case's own P2 planning step,
 * one agenda e-mail per meeting and one set of minutes with a note per case in its logboek.
 */
@Injectable()
export class MeetingsService {
  private readonly meetings: MeetingRepository;
  private readonly policies: PolicyVersionRepository;
  private readonly daysOff: SchoolDayOffRepository;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(CaseStepService) private readonly steps: CaseStepService,
    @Inject(CaseNotesService) private readonly notes: CaseNotesService,
    @Inject(MeetingAgendaMailer) private readonly mailer: MeetingAgendaMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.meetings = new MeetingRepository(dataSource);
    this.policies = new PolicyVersionRepository(dataSource);
    this.daysOff = new SchoolDayOffRepository(dataSource);
  }

  // ── access ───────────────────────────────────────────────────────────────────────────────────────────────────────

  private async school(id: string): Promise<SchoolEntity> {
    const school = isUuid(id) ? await this.dataSource.getRepository(SchoolEntity).findOneBy({ id }) : null;
    if (!school) throw AppError.notFound('School', 'School');
    return school;
  }

  /** The school, when the caller may read its meetings: admin; its zorgcoördinator or teamleider. */
  private async schoolForRead(user: AuthUser, schoolId: string): Promise<SchoolEntity> {
    if (user.role !== Role.ADMIN && !READERS.includes(user.role)) throw AppError.forbidden();
    const school = await this.school(schoolId);
    if (user.role === Role.ADMIN || user.schoolId === school.id) return school;
    throw AppError.forbidden();
  }

  /** The school, when the caller may plan its meetings, send agendas and record minutes: admin; its zorgcoördinator. */
  private async schoolForEdit(user: AuthUser, schoolId: string): Promise<SchoolEntity> {
    const school = await this.schoolForRead(user, schoolId);
    if (user.role === Role.ADMIN || user.role === Role.ZORGCOORDINATOR) return school;
    throw new AppError('FORBIDDEN', 'Alleen de zorgcoördinator van de school plant overleggen', 'Only the school’s zorgcoördinator plans meetings');
  }

  private async meeting(user: AuthUser, id: string, edit: boolean): Promise<{ meeting: MeetingEntity; school: SchoolEntity }> {
    if (user.role !== Role.ADMIN && !READERS.includes(user.role)) throw AppError.forbidden();
    const meeting = isUuid(id) ? await this.meetings.findById(id) : null;
    if (!meeting) throw AppError.notFound('Overleg', 'Meeting');
    const school = edit ? await this.schoolForEdit(user, meeting.schoolId) : await this.schoolForRead(user, meeting.schoolId);
    return { meeting, school };
  }

  private requireActive(meeting: MeetingEntity): void {
    if (meeting.cancelledAt) throw new AppError('BAD_USER_INPUT', 'Dit overleg is geannuleerd', 'This meeting was cancelled');
  }

  // ── cases on a meeting (the read model) ──────────────────────────────────────────────────────────────────────────

  /** The P2 cases of the meeting's school the caller may see, joined with their pupils. */
  private caseQuery(user: AuthUser, schoolId: string): SelectQueryBuilder<CaseSummaryEntity> {
    const qb = this.dataSource.getRepository(CaseSummaryEntity).createQueryBuilder('c').innerJoin(PupilEntity, 'p', 'p.id = c.pupil_id');
    this.audience.scopeCases(qb, user);
    return qb.andWhere('c.process = :zr', { zr: ProcessType.ZORGROUTE }).andWhere('c.school_id = :meetingSchool', { meetingSchool: schoolId });
  }

  /** The cases whose IZO (any round) or ZAT/Flex-ZAT is planned on the meeting's date. */
  private casesOn(user: AuthUser, m: MeetingEntity): SelectQueryBuilder<CaseSummaryEntity> {
    const qb = this.caseQuery(user, m.schoolId);
    if (m.kind === 'IZO') {
      // Its IZO round on that date, or (just moved there, the round not yet rewritten) its current IZO date.
      return qb.andWhere(`(c.data -> 'izoRounds' @> jsonb_build_array(jsonb_build_object('meetingDate', CAST(:meetingDate AS text))) OR c.data ->> 'izoMeetingDate' = :meetingDate)`, { meetingDate: m.date });
    }
    return qb
      .andWhere(`c.data -> 'zatMeeting' ->> 'meetingDate' = :meetingDate`, { meetingDate: m.date })
      .andWhere(`coalesce((c.data -> 'zatMeeting' ->> 'flex')::boolean, false) = :flex`, { flex: m.kind === 'FLEX_ZAT' });
  }

  /** Cases the process allows on this meeting now: an IZO still to be held on another date; a ZAT waiting to be planned. */
  private candidates(user: AuthUser, m: MeetingEntity): SelectQueryBuilder<CaseSummaryEntity> {
    const qb = this.caseQuery(user, m.schoolId).andWhere('c.closed_at IS NULL');
    if (m.kind === 'IZO') return qb.andWhere(`c.waiting_for = 'RECORD_IZO'`).andWhere(`coalesce(c.data ->> 'izoMeetingDate', '') <> :meetingDate`, { meetingDate: m.date });
    return qb.andWhere(`c.waiting_for = 'PLAN_ZAT'`).andWhere(`coalesce((c.data ->> 'flexZat')::boolean, false) = :flex`, { flex: m.kind === 'FLEX_ZAT' });
  }

  private async caseModels(rows: CaseSummaryEntity[], planned: (row: CaseSummaryEntity) => string | null): Promise<MeetingCaseModel[]> {
    if (!rows.length) return [];
    const pupils = await this.dataSource.getRepository(PupilEntity).findBy({ id: In([...new Set(rows.map((r) => r.pupilId))]) });
    const byId = new Map(pupils.map((p) => [p.id, p]));
    return rows
      .map((r) => {
        const p = byId.get(r.pupilId);
        return { caseId: r.id, pupilId: r.pupilId, pupilName: p ? `${p.firstName} ${p.lastName}` : 'Onbekende leerling', className: p?.className ?? null, status: r.status, statusLabel: statusLabel(r.status), plannedDate: planned(r) };
      })
      .sort((a, b) => a.pupilName.localeCompare(b.pupilName, 'nl'));
  }

  private async toModel(user: AuthUser, m: MeetingEntity, school: Pick<SchoolEntity, 'name'>): Promise<MeetingModel> {
    return {
      id: m.id,
      schoolId: m.schoolId,
      schoolName: school.name,
      kind: m.kind,
      kindLabel: MEETING_KIND_LABELS[m.kind],
      schoolYear: m.schoolYear,
      date: m.date,
      time: m.time,
      location: m.location,
      cancelled: m.cancelledAt !== null,
      cancelReason: m.cancelReason,
      agendaRounds: m.agendaRounds,
      agendaSentAt: m.agendaSentAt,
      minutes: m.minutes,
      minutesRecordedAt: m.minutesRecordedAt,
      caseCount: m.cancelledAt ? 0 : await this.casesOn(user, m).getCount(),
    };
  }

  // ── reads ────────────────────────────────────────────────────────────────────────────────────────────────────────

  async overview(user: AuthUser, raw: MeetingsArgs): Promise<MeetingOverviewModel> {
    const args = validateOrThrow(MeetingsArgs, raw);
    const school = await this.schoolForRead(user, args.schoolId);
    const [rows, all, effective] = await Promise.all([
      this.meetings.listForSchoolYear(school.id, args.schoolYear, args.kind ?? null),
      this.meetings.listForSchoolYear(school.id, args.schoolYear, 'ZAT'),
      this.policies.effectiveForSchool(school),
    ]);
    const check = checkZatCalendar(all.map((m) => ({ kind: 'ZAT' as const, date: m.date, cancelled: m.cancelledAt !== null })), args.schoolYear, effective.policies.zorgroute.flexZat);
    return {
      meetings: await Promise.all(rows.map((m) => this.toModel(user, m, school))),
      zatCheck: { schoolYear: check.schoolYear, count: check.count, minimum: check.minimum, warning: check.warning },
    };
  }

  async detail(user: AuthUser, id: string): Promise<MeetingDetailModel> {
    const { meeting, school } = await this.meeting(user, id, false);
    const onIt = meeting.cancelledAt ? [] : await this.casesOn(user, meeting).orderBy('c.id').getMany();
    const open = meeting.cancelledAt || meeting.date < toIsoDate(Date.now()) ? [] : await this.candidates(user, meeting).orderBy('c.id').limit(200).getMany();
    const plannedOf = (r: CaseSummaryEntity): string | null => {
      const d = (r.data ?? {}) as { izoMeetingDate?: string | null; zatMeeting?: { meetingDate?: string } | null };
      return meeting.kind === 'IZO' ? (d.izoMeetingDate ?? null) : (d.zatMeeting?.meetingDate ?? null);
    };
    return {
      meeting: await this.toModel(user, meeting, school),
      cases: await this.caseModels(onIt, plannedOf),
      candidates: await this.caseModels(open, plannedOf),
      agendaRecipientCount: (await this.agendaRecipients(school, onIt)).length,
    };
  }

  // ── planning ─────────────────────────────────────────────────────────────────────────────────────────────────────

  async plan(user: AuthUser, raw: PlanMeetingInput): Promise<MeetingModel> {
    const input = validateOrThrow(PlanMeetingInput, raw);
    const school = await this.schoolForEdit(user, input.schoolId);
    const location = input.location?.trim() || null;
    const problems = meetingPlanProblems({ kind: input.kind, date: input.date, time: input.time ?? null, location }, toIsoDate(Date.now()), await this.daysOff.calendarFor(school));
    if (problems.length) throw badInput('Ongeldig overleg, er is niets opgeslagen', 'Invalid meeting, nothing was saved', problems);
    if (await this.meetings.findActive(school.id, input.kind, input.date)) {
      throw badInput('Ongeldig overleg, er is niets opgeslagen', 'Invalid meeting, nothing was saved', [
        { field: 'date', nl: `er is al een ${MEETING_KIND_LABELS[input.kind]} op deze datum`, en: 'there is already a meeting of this kind on that date' },
      ]);
    }
    const now = new Date();
    const saved = await this.meetings.insert({ schoolId: school.id, kind: input.kind, schoolYear: schoolYearOf(input.date), date: input.date, time: input.time || null, location, createdBy: user.id, createdAt: now, updatedAt: now });
    return this.toModel(user, saved, school);
  }

  async update(user: AuthUser, raw: UpdateMeetingInput): Promise<MeetingModel> {
    const input = validateOrThrow(UpdateMeetingInput, raw);
    const { meeting, school } = await this.meeting(user, input.id, true);
    this.requireActive(meeting);
    const location = input.location?.trim() || null;
    const problems = meetingPlanProblems({ kind: meeting.kind, date: input.date, time: input.time ?? null, location }, toIsoDate(Date.now()), await this.daysOff.calendarFor(school));
    if (problems.length) throw badInput('Ongeldig overleg, er is niets gewijzigd', 'Invalid meeting, nothing was changed', problems);
    if (input.date !== meeting.date) {
      if ((await this.casesOn(user, meeting).getCount()) > 0) {
        throw badInput('Het overleg is niet verplaatst', 'The meeting was not moved', [
          { field: 'date', nl: 'er staan casussen op dit overleg; zet ze eerst op een ander overleg', en: 'cases are planned on this meeting; move them first' },
        ]);
      }
      const other = await this.meetings.findActive(school.id, meeting.kind, input.date);
      if (other && other.id !== meeting.id) {
        throw badInput('Het overleg is niet verplaatst', 'The meeting was not moved', [{ field: 'date', nl: 'er is al zo’n overleg op deze datum', en: 'there is already a meeting of this kind on that date' }]);
      }
    }
    const updated = await this.meetings.update(meeting.id, { date: input.date, schoolYear: schoolYearOf(input.date), time: input.time || null, location }, new Date());
    return this.toModel(user, updated as MeetingEntity, school);
  }

  async cancel(user: AuthUser, raw: CancelMeetingInput): Promise<MeetingModel> {
    const input = validateOrThrow(CancelMeetingInput, raw);
    const { meeting, school } = await this.meeting(user, input.id, true);
    if (meeting.cancelledAt) return this.toModel(user, meeting, school);
    if ((await this.casesOn(user, meeting).getCount()) > 0) {
      throw badInput('Het overleg is niet geannuleerd', 'The meeting was not cancelled', [
        { field: 'date', nl: 'er staan casussen op dit overleg; zet ze eerst op een ander overleg', en: 'cases are planned on this meeting; move them first' },
      ]);
    }
    const now = new Date();
    const updated = await this.meetings.update(meeting.id, { cancelledAt: now, cancelReason: input.reason.trim() }, now);
    return this.toModel(user, updated as MeetingEntity, school);
  }

  /**
   * Puts a case on the meeting through the case's own planning step (the one path a step takes, CaseStepService):
   * IZO — RESCHEDULE_IZO to the meeting's date; ZAT and Flex-ZAT — PLAN_ZAT with its date, time and place. The
   * workflow decides whether that step may be taken now; a double click is one update (its idempotency key), and a case
   * already on the meeting is answered with the meeting as it is (no step).
   */
  async putCase(user: AuthUser, raw: PutCaseOnMeetingInput): Promise<MeetingDetailModel> {
    const input = validateOrThrow(PutCaseOnMeetingInput, raw);
    const { meeting } = await this.meeting(user, input.meetingId, true);
    this.requireActive(meeting);
    const row = await this.caseQuery(user, meeting.schoolId).andWhere('c.id = :caseId', { caseId: input.caseId }).getOne();
    if (!row) throw AppError.notFound('Casus van de zorgroute van deze school', 'Zorgroute case of this school');
    const data = (row.data ?? {}) as { izoMeetingDate?: string | null; zatMeeting?: { meetingDate?: string } | null; flexZat?: boolean };
    if (meeting.kind !== 'IZO' && (data.flexZat === true) !== (meeting.kind === 'FLEX_ZAT')) {
      throw new AppError('BAD_USER_INPUT', `Deze casus gaat naar ${data.flexZat ? 'een Flex-ZAT' : 'het ZAT'}, niet naar een ${MEETING_KIND_LABELS[meeting.kind]}`, 'This case does not go to this kind of meeting');
    }
    const from = (meeting.kind === 'IZO' ? data.izoMeetingDate : data.zatMeeting?.meetingDate) ?? 'none';
    // Already on it (a second click once the first was done, or a page opened before): nothing to plan; the meeting as it is.
    if (from === meeting.date) return this.detail(user, meeting.id);
    // The update id (8–100 characters): one per meeting, case and the date the case is on now.
    const key = `meeting:${createHash('sha256').update(`${meeting.id}|${row.id}|${from}`).digest('hex').slice(0, 48)}`;
    if (meeting.kind === 'IZO') {
      await this.steps.take(user, row.id, STEPS.RESCHEDULE_IZO, { meetingDate: meeting.date, reason: input.reason?.trim() || `Op de agenda van het IZO-overleg van ${dateInWords(meeting.date)} gezet` }, key);
    } else {
      await this.steps.take(user, row.id, STEPS.PLAN_ZAT, { meetingDate: meeting.date, ...(meeting.time ? { meetingTime: meeting.time } : {}), ...(meeting.location ? { location: meeting.location } : {}) }, key);
    }
    return this.detail(user, meeting.id);
  }

  // ── agenda ───────────────────────────────────────────────────────────────────────────────────────────────────────

  /** Staff who receive the agenda: the school's zorgcoördinators, and the staff taking part in its cases and their mentors. */
  private async agendaRecipients(school: SchoolEntity, cases: CaseSummaryEntity[]): Promise<UserEntity[]> {
    const ids = new Set<string>(cases.flatMap((c) => c.participantIds ?? []));
    if (cases.length) {
      const pupils = await this.dataSource.getRepository(PupilEntity).findBy({ id: In([...new Set(cases.map((c) => c.pupilId))]) });
      pupils.forEach((p) => p.mentorId && ids.add(p.mentorId));
    }
    const zcs = await this.dataSource.getRepository(UserEntity).findBy({ schoolId: school.id, role: Role.ZORGCOORDINATOR, active: true });
    zcs.forEach((u) => ids.add(u.id));
    const users = ids.size ? await this.dataSource.getRepository(UserEntity).findBy({ id: In([...ids]) }) : [];
    return users.filter((u) => u.active && !u.deactivatedAt && AGENDA_ROLES.includes(u.role) && u.schoolId === school.id && !!u.email).sort((a, b) => a.id.localeCompare(b.id));
  }

  /**
   * One agenda e-mail per participant. Without `resend` it is the meeting's first round, once: a second request (a
   * double click) sends nothing new (each e-mail is keyed per meeting, round and recipient, and an unfinished round is
   * completed). With `resend` a new round goes out, also once per click. The e-mail names date, time, place and the
   * number of pupils, with a link to the meeting page; the names are on the page. Audited by the api's audit trail.
   */
  async sendAgenda(user: AuthUser, raw: SendMeetingAgendaInput): Promise<MeetingAgendaResultModel> {
    const input = validateOrThrow(SendMeetingAgendaInput, raw);
    const { meeting, school } = await this.meeting(user, input.meetingId, true);
    this.requireActive(meeting);
    this.mailer.assertConfigured();
    const now = new Date();
    let round: number;
    if (input.resend) {
      const claimed = await this.meetings.claimAgendaRound(meeting.id, meeting.agendaRounds, now);
      if (claimed === null) return { meeting: await this.toModel(user, (await this.meetings.findById(meeting.id)) as MeetingEntity, school), status: 'ALREADY_SENT', sent: 0 };
      round = claimed;
    } else {
      round = meeting.agendaRounds > 0 ? meeting.agendaRounds : ((await this.meetings.claimAgendaRound(meeting.id, 0, now)) ?? 1);
    }
    const cases = await this.casesOn(user, meeting).getMany();
    const recipients = await this.agendaRecipients(school, cases);
    const meetingUrl = `${this.config.appUrl.replace(/\/$/, '')}/overleggen/${encodeURIComponent(meeting.id)}`;
    let sent = 0;
    for (const r of recipients) {
      const status = await this.mailer.send({
        key: `meeting:${meeting.id}:agenda:${round}:${r.id}`,
        recipient: { userId: r.id, email: r.email, name: r.name },
        schoolName: school.name,
        meeting: meeting.kind,
        meetingLabel: MEETING_KIND_LABELS[meeting.kind],
        date: meeting.date,
        time: meeting.time,
        location: meeting.location,
        caseCount: cases.length,
        meetingUrl,
      });
      if (status === 'SENT') sent++;
    }
    const after = (await this.meetings.findById(meeting.id)) as MeetingEntity;
    return { meeting: await this.toModel(user, after, school), status: sent > 0 ? 'SENT' : 'ALREADY_SENT', sent };
  }

  // ── minutes ──────────────────────────────────────────────────────────────────────────────────────────────────────

  /**
   * The minutes of the meeting (audience: the school's staff; replaced when saved again) and a short note per case,
   * which lands in that case's logboek through the case-notes mechanism (audience: the school). Every note's case must
   * be on the meeting; nothing is written when one is not. A retried save stores each note once.
   */
  async recordMinutes(user: AuthUser, raw: RecordMeetingMinutesInput): Promise<MeetingDetailModel> {
    const input = validateOrThrow(RecordMeetingMinutesInput, raw);
    const { meeting } = await this.meeting(user, input.meetingId, true);
    this.requireActive(meeting);
    if (meeting.date > toIsoDate(Date.now())) {
      throw new AppError('BAD_USER_INPUT', 'Het verslag kan pas op of na de dag van het overleg worden vastgelegd', 'Minutes can be recorded on or after the day of the meeting');
    }
    const onIt = new Set((await this.casesOn(user, meeting).getMany()).map((c) => c.id));
    const notes = input.caseNotes ?? [];
    const stray = notes.filter((n) => !onIt.has(n.caseId));
    const twice = notes.filter((n, i) => notes.findIndex((o) => o.caseId === n.caseId) !== i);
    if (stray.length || twice.length) {
      throw new AppError('BAD_USER_INPUT', 'Ongeldig verslag, er is niets opgeslagen: een notitie hoort bij een casus die niet (of twee keer) op dit overleg staat', 'Invalid minutes, nothing was saved: a note is for a case not on this meeting (or twice)', {
        problems: [...stray, ...twice].map((n) => `caseNotes: ${n.caseId}`),
      });
    }
    const now = new Date();
    await this.meetings.update(meeting.id, { minutes: input.minutes.trim(), minutesRecordedAt: now, minutesRecordedBy: user.id }, now);
    const label = MEETING_KIND_LABELS[meeting.kind];
    for (const n of notes) {
      await this.notes.add(user, { caseId: n.caseId, notedOn: meeting.date, text: `${label}: ${n.note.trim()}`.slice(0, 2000), audiences: [], clientRequestId: stableUuid(meeting.id, n.caseId, n.note.trim()) });
    }
    return this.detail(user, meeting.id);
  }
}
