import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ImportFileError,
  readDelimitedExport,
  readOneRosterBundle,
  SchoolImportEntity,
  SchoolImportRepository,
  toIsoDate,
  type ImportPreview,
  type ImportRecords,
} from '@zorgroute/domain';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { isUuid } from '@zorgroute/domain';
import { OrganisationAccess } from '../../organisations/organisation.access';
import type { ImportPreviewModel, SchoolImportModel } from '../models/school-import.model';

const logger = new Logger('SchoolImport');

export function toPreviewModel(p: ImportPreview): ImportPreviewModel {
  return {
    pupilsAdded: p.pupils.added,
    pupilsChanged: p.pupils.changed,
    pupilsLeaving: p.pupils.leavers,
    pupilsUnchanged: p.pupils.unchanged,
    staffAdded: p.staff.added,
    staffChanged: p.staff.changed,
    staffLeaving: p.staff.leavers,
    staffUnchanged: p.staff.unchanged,
    guardiansAdded: p.guardians.added,
    guardiansChanged: p.guardians.changed,
    guardianLinksAdded: p.guardians.linksAdded,
    guardianLinksRemoved: p.guardians.linksRemoved,
    rejected: p.rejected,
  };
}

export function fileErrorToAppError(e: ImportFileError): AppError {
  return new AppError('BAD_USER_INPUT', e.messageNl, e.message, { fileError: e.code });
}

/**
 * The school admin's import (issue 13): reads the upload (a OneRoster zip, recognised by its signature, or a Somtoday /
 * Magister export), plans it against the school's data and keeps it as a preview; applying writes it in one
 * transaction. File problems answer BAD_USER_INPUT with the Dutch reason and keep nothing.
 */
@Injectable()
export class SchoolImportUseCases {
  private readonly repo: SchoolImportRepository;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationAccess) private readonly access: OrganisationAccess,
  ) {
    this.repo = new SchoolImportRepository(dataSource);
  }

  async preview(user: AuthUser, schoolId: string, fileName: string, bytes: Buffer): Promise<SchoolImportModel> {
    const school = await this.access.schoolForAdmin(user, schoolId);
    const today = toIsoDate(Date.now());
    let records: ImportRecords;
    const started = Date.now();
    try {
      const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
      records = isZip ? await readOneRosterBundle(fileName, bytes, { brin: school.brin, vestiging: school.vestiging, today }) : await readDelimitedExport(fileName, bytes, today);
    } catch (e) {
      if (e instanceof ImportFileError) throw fileErrorToAppError(e);
      throw e;
    }
    const stored = await this.repo.preview({ schoolId: school.id, fileName, bytes, records, userId: user.id });
    // Counts only: no names in the log.
    logger.log(`preview ${stored.importId} school=${school.id} format=${records.format} ${JSON.stringify(stored.counts)} in ${Date.now() - started} ms`);
    return this.get(user, stored.importId);
  }

  async get(user: AuthUser, importId: string): Promise<SchoolImportModel> {
    const row = isUuid(importId) ? await this.repo.find(importId) : null;
    if (!row) throw AppError.notFound('Import', 'Import');
    await this.access.schoolForAdmin(user, row.schoolId);
    return this.toModel(row);
  }

  async list(user: AuthUser, schoolId: string): Promise<SchoolImportModel[]> {
    const school = await this.access.schoolForAdmin(user, schoolId);
    const rows = await this.dataSource.getRepository(SchoolImportEntity).find({ where: { schoolId: school.id }, order: { createdAt: 'DESC' }, take: 20 });
    return rows.map((r) => this.toModel(r, false));
  }

  async apply(user: AuthUser, importId: string): Promise<SchoolImportModel> {
    const row = isUuid(importId) ? await this.repo.find(importId) : null;
    if (!row) throw AppError.notFound('Import', 'Import');
    await this.access.schoolForAdmin(user, row.schoolId);
    const outcome = await this.repo.apply(row.id, { id: user.id, role: user.role });
    if (!outcome.ok) {
      throw new AppError(outcome.code === 'NOT_FOUND' ? 'NOT_FOUND' : outcome.code === 'HAS_REJECTIONS' ? 'BAD_USER_INPUT' : 'CONFLICT', outcome.nl, outcome.en, { reason: outcome.code });
    }
    logger.log(`applied ${row.id} school=${row.schoolId} ${JSON.stringify(outcome.counts)}`);
    return this.get(user, row.id);
  }

  private toModel(row: SchoolImportEntity, withPreview = true): SchoolImportModel {
    const preview = withPreview && row.status === 'PREVIEW' ? this.repo.storedPreview(row) : null;
    const c = row.counts ?? {};
    return {
      id: row.id,
      schoolId: row.schoolId,
      format: row.format,
      fileName: row.fileName,
      fileDigest: row.fileDigest,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      appliedAt: row.appliedAt?.toISOString() ?? null,
      pupilsAdded: c.pupilsAdded ?? 0,
      pupilsChanged: c.pupilsChanged ?? 0,
      pupilsLeaving: c.pupilsLeaving ?? 0,
      rejected: c.rejected ?? 0,
      preview: preview ? toPreviewModel(preview) : null,
    };
  }
}
