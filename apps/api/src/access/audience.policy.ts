import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import {
  Audience,
  CaseSummaryEntity,
  PupilEntity,
  audienceOfRole,
  DELIVERY_LOG_AUDIENCES,
  documentAudiences,
  type DocumentAudienceInfo,
  filterCaseData,
  isFamily,
  redactConsent,
  Role,
  timelineView,
  withSchool,
} from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { AccessPolicy } from './access-policy';

/** A line of a case timeline as the api reads it (an audit entry, or a delivery-log line). */
export interface TimelineLine {
  id: string;
  at: Date;
  kind: string;
  actorName: string | null;
  description: string;
  reason: string | null;
}

/** School staff who read the letters of a case (those who only take part in a case — mentor, coach, JOS — do not). */
const DOCUMENT_STAFF: readonly Role[] = [Role.ADMIN, Role.ZORGCOORDINATOR, Role.TEAMLEIDER];

type Caller = Pick<AuthUser, 'id' | 'role' | 'schoolId' | 'swvId' | 'pupilId'>;

/**
 * The one policy for who sees which piece of case information (docs/security.md, "Audiences"). The audiences and the
 * per-piece rules are stated once in libs/domain/src/audience; this class applies them on every read path:
 * - which cases: `scopeCases` — the role's row-level scope (AccessPolicy) and the case-level audience (a case under the
 *   safety exception is invisible to the parents, exactly like a missing one). Every case list, count, case page,
 *   export, feed, consent listing and document read goes through it;
 * - within a case: the timeline (`timeline`), the process data (`caseData`), letters (`mayReadDocument`), the delivery
 *   log (`mayReadDeliveryLog`) and consent records (`consent`).
 */
@Injectable()
export class AudiencePolicy {
  constructor(
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  audienceOf(user: Pick<AuthUser, 'role'>): Audience | null {
    return audienceOfRole(user.role);
  }

  isFamily(user: Pick<AuthUser, 'role'>): boolean {
    return isFamily(this.audienceOf(user));
  }

  /** `c` (case_summary) rows the caller may see; `p` is the joined pupil. */
  scopeCases(qb: SelectQueryBuilder<CaseSummaryEntity>, user: Caller, c = 'c', p = 'p'): SelectQueryBuilder<CaseSummaryEntity> {
    this.access.scopeCasesByRole(qb, user, c, p);
    // The safety exception (PROCESSES.md rule 3): kept from the parents until it is lifted.
    if (this.audienceOf(user) === Audience.PARENTS) qb.andWhere(`${c}.hidden_from_parents = false`);
    return qb;
  }

  /** Which of these case ids the caller may see (e.g. the cases a case led to: a linked case kept from him is left out). */
  async visibleCaseIds(user: Caller, caseIds: readonly string[]): Promise<Set<string>> {
    const ids = [...new Set(caseIds)];
    if (!ids.length) return new Set();
    const qb = this.dataSource.getRepository(CaseSummaryEntity).createQueryBuilder('c').innerJoin(PupilEntity, 'p', 'p.id = c.pupil_id').select('c.id');
    const rows = await this.scopeCases(qb, user).andWhere('c.id IN (:...caseIds)', { caseIds: ids }).getMany();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Which linked cases (a case this one led to) may be named to the caller: to the school all of them (staff know the
   * school's cases, even one they cannot open); to the family and the SWV only those they see — never one kept from the
   * parents.
   */
  async linkedCaseIdsShown(user: Caller, caseIds: readonly string[]): Promise<Set<string>> {
    return this.audienceOf(user) === Audience.SCHOOL ? new Set(caseIds) : this.visibleCaseIds(user, caseIds);
  }

  /** The caller's share of a case timeline, in the given order: entries he may not see left out, others redacted. */
  timeline(user: Pick<AuthUser, 'role'>, process: string, lines: readonly TimelineLine[]): TimelineLine[] {
    const audience = this.audienceOf(user);
    const out: TimelineLine[] = [];
    for (const line of lines) {
      const view = timelineView(process, { action: line.kind, description: line.description, reason: line.reason }, audience);
      if (!view) continue;
      const summarised = view.description !== line.description;
      out.push({ ...line, description: view.description, reason: view.reason, actorName: summarised ? null : line.actorName });
    }
    return out;
  }

  /** The part of a case's process data (`case_summary.data`) the caller may see. */
  caseData(user: Pick<AuthUser, 'role'>, process: string, data: Record<string, unknown> | null | undefined): Record<string, unknown> {
    return filterCaseData(process, data, this.audienceOf(user));
  }

  /** `caseData`, with the cases it led to (`ledTo`) limited to those that may be named to the caller. */
  async caseDataWithLinks(user: Caller, process: string, data: Record<string, unknown> | null | undefined): Promise<Record<string, unknown>> {
    const share = this.caseData(user, process, data);
    const ledTo = share.ledTo;
    if (!Array.isArray(ledTo) || !ledTo.length) return share;
    const links = ledTo as { caseId?: unknown }[];
    const shown = await this.linkedCaseIdsShown(user, links.map((l) => String(l.caseId)));
    return { ...share, ledTo: links.filter((l) => shown.has(String(l.caseId))) };
  }

  /**
   * Whether the caller may list a case's documents at all (the case itself must be visible to him): the school's
   * document staff, and every other audience (an uploaded document may be shared with the parents, the pupil or the
   * SWV; each then sees only the documents shared with him).
   */
  mayListDocuments(user: Pick<AuthUser, 'role'>): boolean {
    const audience = this.audienceOf(user);
    if (audience === Audience.SCHOOL) return DOCUMENT_STAFF.includes(user.role);
    return audience !== null;
  }

  /** Whether the caller may read a document of a case he sees: a generated one by its kind, an uploaded one by its own audiences. */
  mayReadDocument(user: Pick<AuthUser, 'role'>, doc: string | DocumentAudienceInfo): boolean {
    const audience = this.audienceOf(user);
    if (audience === Audience.SCHOOL) return DOCUMENT_STAFF.includes(user.role);
    return audience !== null && documentAudiences(doc).includes(audience);
  }

  /** Whether the caller may upload documents to a case he sees: the school's document staff. */
  mayUploadDocument(user: Pick<AuthUser, 'role'>): boolean {
    return this.audienceOf(user) === Audience.SCHOOL && DOCUMENT_STAFF.includes(user.role);
  }

  /** Whether the caller may read and write the logboek of a case he sees: the school's staff (readers of notes shared with them: `mayReadNote`). */
  mayWriteNote(user: Pick<AuthUser, 'role'>): boolean {
    return this.audienceOf(user) === Audience.SCHOOL;
  }

  /** Whether the caller may read a note of a case he sees: the school always, others when the note is shared with them. */
  mayReadNote(user: Pick<AuthUser, 'role'>, note: { audiences: readonly string[] }): boolean {
    const audience = this.audienceOf(user);
    if (audience === Audience.SCHOOL) return true;
    return audience !== null && withSchool(note.audiences).includes(audience);
  }

  /** The delivery log (what was sent to whom): the case's staff only. */
  mayReadDeliveryLog(user: Pick<AuthUser, 'role'>): boolean {
    const audience = this.audienceOf(user);
    return audience !== null && DELIVERY_LOG_AUDIENCES.includes(audience);
  }

  /** A consent record as the caller may see it (the SWV: not who answered, how, or why). */
  consent<T extends object>(user: Pick<AuthUser, 'role'>, record: T): T {
    return redactConsent(record, this.audienceOf(user));
  }
}
