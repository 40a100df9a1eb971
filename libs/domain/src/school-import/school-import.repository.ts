import { createHash } from 'node:crypto';
import { In, IsNull, type DataSource, type EntityManager, type FindOptionsSelect } from 'typeorm';
import { AuditTrailRepository } from '../audit/audit-trail.repository';
import { stableStringify } from '../audit/stable-stringify';
import { PupilGuardianEntity } from '../entities/pupil-guardian.entity';
import { PupilEntity } from '../entities/pupil.entity';
import { SchoolImportEntity, type SchoolImportFormat } from '../entities/school-import.entity';
import { SchoolEntity } from '../entities/school.entity';
import { UserEntity } from '../entities/user.entity';
import { UserSessionEntity } from '../entities/user-session.entity';
import { planImport, previewCounts, type CurrentLink, type CurrentPupil, type CurrentUser, type ImportPlan, type ImportPreview, type SchoolState } from './import-plan';
import type { ImportRecords } from './import-records';

export interface StoredPreview {
  importId: string;
  format: SchoolImportFormat;
  fileName: string;
  fileDigest: string;
  preview: ImportPreview;
  counts: Record<string, number>;
}

export type ApplyOutcome =
  | { ok: true; counts: Record<string, number> }
  | { ok: false; code: 'NOT_FOUND' | 'ALREADY_APPLIED' | 'HAS_REJECTIONS' | 'STALE'; nl: string; en: string };

const CHUNK = 500;

/** Every column of an import but its stored records. */
const IMPORT_SUMMARY: FindOptionsSelect<SchoolImportEntity> = {
  id: true,
  schoolId: true,
  format: true,
  fileName: true,
  fileDigest: true,
  status: true,
  counts: true,
  createdBy: true,
  createdAt: true,
  appliedBy: true,
  appliedAt: true,
};

async function chunked<T>(items: T[], fn: (part: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) await fn(items.slice(i, i + CHUNK));
}

/** A fingerprint of a plan: apply refuses when the school's data changed since the preview (another import, an edit). */
function planDigest(plan: ImportPlan, preview: ImportPreview): string {
  return createHash('sha256').update(stableStringify({ plan, preview } as unknown as Record<string, unknown>)).digest('hex');
}

/**
 * Imports of a school's administration data: the preview (nothing but the import row is written) and the apply (one
 * transaction, serialised per school, re-planned against the data as it is then and refused when that differs from
 * the preview). Leavers are marked, never deleted; staff leavers are deactivated and their sessions end.
 */
export class SchoolImportRepository {
  private readonly audit: AuditTrailRepository;

  constructor(private readonly dataSource: DataSource) {
    this.audit = new AuditTrailRepository(dataSource);
  }

  /**
   * The school's pupils, guardian links and the accounts the plan needs, read as plain rows with only the columns the
   * plan uses (no entities: a school of thousands of pupils and guardians is read often, at each preview and apply).
   */
  async loadState(schoolId: string, records: ImportRecords, m: EntityManager = this.dataSource.manager): Promise<SchoolState> {
    const pupils: CurrentPupil[] = await m.query(
      `SELECT id, source_id AS "sourceId", first_name AS "firstName", last_name AS "lastName", to_char(date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
              class_name AS "className", mentor_id AS "mentorId", left_at IS NOT NULL AS "left"
         FROM pupil WHERE school_id = $1`,
      [schoolId],
    );
    const links: CurrentLink[] = pupils.length
      ? await m.query(
          `SELECT g.pupil_id AS "pupilId", g.user_id AS "userId", g.relation, g.has_parental_authority AS "hasParentalAuthority"
             FROM pupil_guardian g WHERE g.pupil_id IN (SELECT id FROM pupil WHERE school_id = $1)`,
          [schoolId],
        )
      : [];
    const emails = [...new Set([...records.staff.map((s) => s.email), ...records.pupils.flatMap((p) => [...p.guardians.map((g) => g.email), ...(p.mentor && 'email' in p.mentor ? [p.mentor.email] : [])])])];
    const USER_COLUMNS = `id, name, email, role, school_id AS "schoolId", source_id AS "sourceId", active`;
    const users = new Map<string, CurrentUser>();
    for (const u of (await m.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE school_id = $1`, [schoolId])) as CurrentUser[]) users.set(u.id, u);
    const linked = [...new Set(links.map((l) => l.userId))].filter((id) => !users.has(id));
    const known = new Set([...users.values()].map((u) => u.email));
    const unknownEmails = emails.filter((e) => !known.has(e));
    await chunked(linked, async (ids) => {
      for (const u of (await m.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = ANY($1::uuid[])`, [ids])) as CurrentUser[]) users.set(u.id, u);
    });
    await chunked(unknownEmails, async (part) => {
      for (const u of (await m.query(`SELECT ${USER_COLUMNS} FROM app_user WHERE email = ANY($1::varchar[])`, [part])) as CurrentUser[]) users.set(u.id, u);
    });
    return { schoolId, pupils, users: [...users.values()], links };
  }

  /**
   * Plans the import against the current data and keeps it as a preview; returns what the admin will see. `fileDigest`:
   * the SHA-256 of the uploaded file (computed while it was received).
   */
  async preview(input: { schoolId: string; fileName: string; fileDigest: string; records: ImportRecords; userId: string }): Promise<StoredPreview> {
    const state = await this.loadState(input.schoolId, input.records);
    const { plan, preview } = planImport(input.records, state);
    const counts = previewCounts(preview);
    const fileDigest = input.fileDigest;
    const row = await this.dataSource.getRepository(SchoolImportEntity).save(
      this.dataSource.getRepository(SchoolImportEntity).create({
        schoolId: input.schoolId,
        format: input.records.format,
        fileName: input.fileName.slice(0, 200),
        fileDigest,
        status: 'PREVIEW',
        counts,
        records: { records: input.records, digest: planDigest(plan, preview), preview } as unknown as Record<string, unknown>,
        createdBy: input.userId,
        appliedBy: null,
        appliedAt: null,
      }),
    );
    return { importId: row.id, format: row.format, fileName: row.fileName, fileDigest, preview, counts };
  }

  /** An import without its stored records (they can be megabytes: read only by apply, and the preview by storedPreview). */
  async find(importId: string): Promise<SchoolImportEntity | null> {
    return this.dataSource.getRepository(SchoolImportEntity).findOne({ where: { id: importId }, select: IMPORT_SUMMARY });
  }

  /** The school's last imports, without their stored records. */
  async latest(schoolId: string, take: number): Promise<SchoolImportEntity[]> {
    return this.dataSource.getRepository(SchoolImportEntity).find({ where: { schoolId }, order: { createdAt: 'DESC' }, take, select: IMPORT_SUMMARY });
  }

  /** The preview as stored with an import (null once applied): only that part of the stored records is read. */
  async storedPreview(importId: string): Promise<ImportPreview | null> {
    const rows: { preview: ImportPreview | null }[] = await this.dataSource.query(`SELECT records->'preview' AS preview FROM school_import WHERE id = $1 AND status = 'PREVIEW'`, [importId]);
    return rows[0]?.preview ?? null;
  }

  /** Writes a previewed import, all of it in one transaction; audited as SCHOOL_DATA_IMPORTED. */
  async apply(importId: string, actor: { id: string; role: string }, now: Date = new Date()): Promise<ApplyOutcome> {
    return this.dataSource.transaction(async (m) => {
      const row = await m.getRepository(SchoolImportEntity).findOne({ where: { id: importId }, lock: { mode: 'pessimistic_write' } });
      if (!row) return { ok: false, code: 'NOT_FOUND', nl: 'Import niet gevonden', en: 'Import not found' };
      if (row.status !== 'PREVIEW') return { ok: false, code: 'ALREADY_APPLIED', nl: 'Deze import is al verwerkt of vervangen door een nieuwere', en: 'This import was already applied or superseded' };
      // One import at a time per school.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`school_import:${row.schoolId}`]);
      const stored = row.records as unknown as { records: ImportRecords; digest: string; preview: ImportPreview };
      if (stored.preview.rejected.length) {
        return {
          ok: false,
          code: 'HAS_REJECTIONS',
          nl: `De voorvertoning heeft ${stored.preview.rejected.length} afgekeurde regel(s); pas het bestand aan en lees het opnieuw in. Er is niets verwerkt`,
          en: `The preview has ${stored.preview.rejected.length} rejected row(s); nothing was applied`,
        };
      }
      const state = await this.loadState(row.schoolId, stored.records, m);
      const { plan, preview } = planImport(stored.records, state);
      if (planDigest(plan, preview) !== stored.digest) {
        return { ok: false, code: 'STALE', nl: 'De gegevens van de school zijn na de voorvertoning gewijzigd; maak een nieuwe voorvertoning. Er is niets verwerkt', en: 'The school data changed after the preview; nothing was applied' };
      }
      const school = await m.getRepository(SchoolEntity).findOneByOrFail({ id: row.schoolId });
      await this.write(m, school, plan, now);
      const counts = previewCounts(preview);
      await m.getRepository(SchoolImportEntity).update({ id: row.id }, { status: 'APPLIED', appliedBy: actor.id, appliedAt: now, records: null, counts });
      // Older previews of this school can no longer be applied (they were planned against older data).
      await m.getRepository(SchoolImportEntity).update({ schoolId: row.schoolId, status: 'PREVIEW' }, { status: 'SUPERSEDED', records: null });
      await this.audit.append(
        {
          eventKey: `school-import:${row.id}`,
          caseId: null,
          at: now.toISOString(),
          actorId: actor.id,
          actorName: actor.role,
          action: 'SCHOOL_DATA_IMPORTED',
          description: `Schoolgegevens ingelezen (${row.format})`,
          details: { importId: row.id, schoolId: row.schoolId, format: row.format, fileDigest: row.fileDigest, previewedBy: row.createdBy, previewedAt: row.createdAt.toISOString(), counts },
        },
        m,
      );
      return { ok: true, counts };
    });
  }

  private async write(m: EntityManager, school: SchoolEntity, plan: ImportPlan, now: Date): Promise<void> {
    const users = m.getRepository(UserEntity);
    const ids = new Map<string, string>();
    await chunked(plan.staffInserts, async (part) => {
      const res = await users.insert(part.map((s) => ({ name: s.name, email: s.email, role: 'MENTOR' as const, schoolId: school.id, swvId: school.swvId, pupilId: null, sourceId: s.sourceId, active: true })));
      part.forEach((s, i) => ids.set(s.key, res.identifiers[i].id as string));
    });
    for (const s of plan.staffUpdates) {
      await users.update({ id: s.id as string }, { name: s.name, email: s.email, sourceId: s.sourceId, ...(s.reactivate ? { active: true, deactivatedAt: null } : {}) });
    }
    if (plan.staffDeactivations.length) {
      await users.update({ id: In(plan.staffDeactivations) }, { active: false, deactivatedAt: now });
      await m.getRepository(UserSessionEntity).update({ userId: In(plan.staffDeactivations), endedAt: IsNull() }, { endedAt: now, idToken: null });
    }
    const guardianIds = new Map<string, string>();
    await chunked(plan.guardianInserts, async (part) => {
      const res = await users.insert(part.map((g) => ({ name: g.name, email: g.email, role: 'PARENT' as const, schoolId: school.id, swvId: null, pupilId: null, sourceId: g.sourceId, active: true })));
      part.forEach((g, i) => guardianIds.set(g.email, res.identifiers[i].id as string));
    });
    for (const g of plan.guardianUpdates) {
      await users.update({ id: g.id as string }, { name: g.name, ...(g.sourceId ? { sourceId: g.sourceId } : {}), active: true, deactivatedAt: null });
      guardianIds.set(g.email, g.id as string);
    }
    const mentorId = (ref: string | null) => (ref === null ? null : (ids.get(ref) ?? ref));
    const pupils = m.getRepository(PupilEntity);
    const pupilIds = new Map<string, string>();
    await chunked(plan.pupilInserts, async (part) => {
      const res = await pupils.insert(
        part.map((p) => ({ schoolId: school.id, sourceId: p.sourceId, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, className: p.className, mentorId: mentorId(p.mentor), leftAt: null })),
      );
      part.forEach((p, i) => pupilIds.set(`pupil:${p.sourceId}`, res.identifiers[i].id as string));
    });
    for (const p of plan.pupilUpdates) {
      await pupils.update({ id: p.id as string }, { sourceId: p.sourceId, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, className: p.className, mentorId: mentorId(p.mentor), leftAt: null });
    }
    if (plan.pupilLeavers.length) await pupils.update({ id: In(plan.pupilLeavers) }, { leftAt: now });
    const links = m.getRepository(PupilGuardianEntity);
    for (const d of plan.linkDeletes) await links.delete({ pupilId: d.pupilId, userId: d.userId });
    const emailToId = async (email: string): Promise<string> => {
      const known = guardianIds.get(email);
      if (known) return known;
      const u = await users.findOneByOrFail({ email });
      guardianIds.set(email, u.id);
      return u.id;
    };
    const rows: PupilGuardianEntity[] = [];
    for (const l of plan.links) {
      const pupilId = pupilIds.get(l.pupil) ?? l.pupil;
      rows.push(Object.assign(new PupilGuardianEntity(), { pupilId, userId: await emailToId(l.email), relation: l.relation, hasParentalAuthority: l.hasParentalAuthority }));
    }
    await chunked(rows, (part) => links.upsert(part, ['pupilId', 'userId']));
  }
}
