import { open } from 'node:fs/promises';
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

/** A zip file starts with a local file header (PK\x03\x04). */
async function isZipFile(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(4), position: 0 });
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await file.close();
  }
}

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

  /** `upload`: the file on disk with its size and SHA-256 digest (school-import.controller.ts streams it there). */
  async preview(user: AuthUser, schoolId: string, fileName: string, upload: { path: string; size: number; digest: string }): Promise<SchoolImportModel> {
    const school = await this.access.schoolForAdmin(user, schoolId);
    const today = toIsoDate(Date.now());
    let records: ImportRecords;
    const started = Date.now();
    try {
      const source = { path: upload.path };
      records = (await isZipFile(upload.path)) ? await readOneRosterBundle(fileName, source, { brin: school.brin, vestiging: school.vestiging, today }) : await readDelimitedExport(fileName, source, today);
    } catch (e) {
      if (e instanceof ImportFileError) throw fileErrorToAppError(e);
      throw e;
    }
    const stored = await this.repo.preview({ schoolId: school.id, fileName, fileDigest: upload.digest, records, userId: user.id });
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
    const rows = await this.repo.latest(school.id, 20);
    return Promise.all(rows.map((r) => this.toModel(r, false)));
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

  private async toModel(row: SchoolImportEntity, withPreview = true): Promise<SchoolImportModel> {
    const preview = withPreview && row.status === 'PREVIEW' ? await this.repo.storedPreview(row.id) : null;
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
