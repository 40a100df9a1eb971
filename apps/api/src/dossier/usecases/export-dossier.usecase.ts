import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditTrailRepository } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import type { AuthUser } from '../../auth/auth-user';
import { validateOrThrow } from '../../common/validate';
import { renderDossierPdf } from '../dossier-pdf.renderer';
import { DossierService } from '../dossier.service';
import { ExportDossierInput } from '../dtos/export-dossier.input';

export interface DossierFile {
  contentType: string;
  fileName: string;
  body: Buffer;
}

/**
 * Exports a pupil's complete dossier as JSON or PDF (AVG right of access). Order as in every mutation: input
 * (BAD_USER_INPUT) → visibility (NOT_FOUND) → may export (FORBIDDEN) → build. Every export is written to the audit
 * trail: who (user id and role), which pupil, which format, the admin's reason — no other data.
 */
@Injectable()
export class ExportDossierUseCase {
  constructor(
    @Inject(DossierService) private readonly dossiers: DossierService,
    @Inject(AuditTrailRepository) private readonly audit: AuditTrailRepository,
  ) {}

  async execute(user: AuthUser, raw: { pupilId: string; format: string; reason?: string }): Promise<DossierFile> {
    const input = validateOrThrow(ExportDossierInput, raw);
    const pupil = await this.dossiers.authorise(user, input.pupilId, input.reason, input.format);
    const now = new Date();
    const dossier = await this.dossiers.build(user, pupil, now);
    const body = input.format === 'pdf' ? await renderDossierPdf(dossier) : Buffer.from(JSON.stringify(dossier, null, 2), 'utf8');
    await this.audit.append({
      eventKey: `dossier-export:${randomUUID()}`,
      caseId: null,
      at: now.toISOString(),
      actorId: user.id,
      actorName: user.role,
      action: 'DOSSIER_EXPORTED',
      description: `Dossier geëxporteerd (${input.format.toUpperCase()})`,
      details: { operation: 'exportDossier', pupilId: pupil.id, format: input.format, cases: dossier.cases.length },
      reason: input.reason?.trim() || null,
    });
    const day = toIsoDate(now.getTime());
    return input.format === 'pdf'
      ? { contentType: 'application/pdf', fileName: `dossier-${pupil.id}-${day}.pdf`, body }
      : { contentType: 'application/json; charset=utf-8', fileName: `dossier-${pupil.id}-${day}.json`, body };
  }
}
