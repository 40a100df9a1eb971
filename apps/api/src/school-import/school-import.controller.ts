import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Controller, HttpCode, Inject, Param, Post, Req, UseFilters } from '@nestjs/common';
import type { Request } from 'express';
import { IMPORT_LIMITS, megabytes } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { HttpUser } from '../auth/http-user.decorator';
import { AppError } from '../common/app-error';
import { HttpAppErrorFilter } from '../common/http-app-error.filter';
import type { SchoolImportModel } from './models/school-import.model';
import { SchoolImportUseCases } from './usecases/school-import.usecases';

const ACCEPTED_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/octet-stream', 'text/csv'];

function tooLarge(): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `Het bestand is groter dan ${megabytes(IMPORT_LIMITS.maxUploadBytes)}; er is niets ingelezen`, `The file is larger than ${megabytes(IMPORT_LIMITS.maxUploadBytes)}`);
}

/** An upload kept on disk while it is read: its path, size and SHA-256 digest (computed while it was received). */
export interface ReceivedUpload {
  path: string;
  size: number;
  digest: string;
}

/**
 * Streams the request body to a temporary file as it arrives, hashing it on the way, and stops at the limit: a 100 MB
 * upload is refused after 20 MB (and at once when its Content-Length says so); the file is never held in memory.
 * `use` reads it; the file is removed afterwards, also when reading fails.
 */
async function receiveBody<T>(req: Request, limit: number, use: (upload: ReceivedUpload) => Promise<T>): Promise<T> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    throw tooLarge();
  }
  const dir = await mkdtemp(join(tmpdir(), 'zorgroute-import-'));
  try {
    const path = join(dir, 'upload');
    const hash = createHash('sha256');
    let size = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > limit) return done(tooLarge());
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // The request is piped, not part of the pipeline: on an error it is drained (not destroyed), so the answer reaches
    // the client.
    req.on('error', (e) => counted.destroy(e));
    try {
      await pipeline(req.pipe(counted), createWriteStream(path, { mode: 0o600 }));
    } catch (e) {
      req.unpipe(counted);
      req.resume();
      throw e;
    }
    if (!size) throw new AppError('BAD_USER_INPUT', 'Het bestand is leeg', 'The file is empty');
    return await use({ path, size, digest: hash.digest('hex') });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `POST /imports/schools/<schoolId>/preview`: the school admin's upload of a OneRoster zip or a Somtoday/Magister export
 * (body = the file; `Content-Type` application/zip, application/octet-stream or text/csv; `X-File-Name` the file's
 * name). Answers the stored preview (the same as GraphQL `schoolImport`); `applySchoolImport` writes it. A form post
 * from another site cannot reach it: these content types and the custom header need a CORS preflight, which the api
 * refuses, and the session cookie is SameSite=Strict.
 */
@Controller('imports/schools')
@UseFilters(HttpAppErrorFilter)
export class SchoolImportController {
  constructor(@Inject(SchoolImportUseCases) private readonly imports: SchoolImportUseCases) {}

  @Post(':schoolId/preview')
  @HttpCode(200)
  async preview(@HttpUser() user: AuthUser, @Param('schoolId') schoolId: string, @Req() req: Request): Promise<SchoolImportModel> {
    const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const rawName = String(req.headers['x-file-name'] ?? '');
    if (!ACCEPTED_TYPES.includes(type) || !rawName) {
      req.resume();
      throw new AppError('BAD_USER_INPUT', 'Stuur het bestand als application/zip, application/octet-stream of text/csv met de kop X-File-Name', 'Send the file as application/zip, application/octet-stream or text/csv with an X-File-Name header');
    }
    let fileName: string;
    try {
      fileName = decodeURIComponent(rawName).replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200);
    } catch {
      fileName = 'upload';
    }
    return receiveBody(req, IMPORT_LIMITS.maxUploadBytes, (upload) => this.imports.preview(user, schoolId, fileName, upload));
  }
}
