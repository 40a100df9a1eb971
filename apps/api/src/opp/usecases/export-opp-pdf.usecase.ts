import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Audience, AuditTrailRepository, ProcessType, PupilEntity, SchoolEntity } from '@zorgroute/domain';
import { AudiencePolicy } from '../../access/audience.policy';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { CasesService } from '../../cases/cases.service';
import { renderOppPdf, type OppPdfInput, type OppPdfVersion } from '../opp-pdf.renderer';

export interface OppPdfFile {
  contentType: string;
  fileName: string;
  body: Buffer;
}

interface OppPdfData {
  versions?: OppPdfVersion[];
  currentVersion?: number | null;
  conceptVersion?: number | null;
  hearings?: (NonNullable<OppPdfInput['hearing']> & { about?: string; number?: number })[];
  nextEvaluation?: { date: string } | null;
}

/**
 * A version of a P7 OPP as a PDF for everyone who sees the case (the parents in their portal, the pupil, the school,
 * the SWV the versions shared with it): the case must be visible to the caller (NOT_FOUND otherwise, also for a case
 * kept from the parents) and be an OPP; its content is the caller's share (AudiencePolicy.caseData), so the SWV's PDF
 * holds no factors and no pupil's view. Without `version` it is the concept the parents are asked about, else the
 * version in force. Every download is written to the audit trail (who, which case and version — no content).
 */
@Injectable()
export class ExportOppPdfUseCase {
  constructor(
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditTrailRepository) private readonly audit: AuditTrailRepository,
  ) {}

  async execute(user: AuthUser, caseId: string, versionParam?: string, opts: { compress?: boolean } = {}): Promise<OppPdfFile> {
    if (versionParam !== undefined && !/^[1-9]\d{0,3}$/.test(versionParam)) {
      throw new AppError('BAD_USER_INPUT', 'Ongeldige invoer: versie moet een positief geheel getal zijn', 'Invalid input: version must be a positive whole number');
    }
    const row = await this.cases.getVisible(user, caseId);
    if (row.process !== ProcessType.OPP) throw AppError.notFound('OPP', 'OPP');
    // The audience policy gives the SWV only the versions shared with it (opp.shareWithSwv); by default the newest.
    const data = this.audience.caseData(user, row.process, row.data) as OppPdfData;
    const swv = this.audience.audienceOf(user) === Audience.SWV;
    const versions = data.versions ?? [];
    const wanted = versionParam !== undefined ? Number(versionParam) : swv ? versions.at(-1)?.version : (data.conceptVersion ?? data.currentVersion ?? versions.at(-1)?.version);
    const version = versions.find((v) => v.version === wanted);
    if (!version) throw AppError.notFound('OPP-versie', 'OPP version');
    const [pupil, school] = await Promise.all([this.dataSource.getRepository(PupilEntity).findOneByOrFail({ id: row.pupilId }), this.dataSource.getRepository(SchoolEntity).findOneByOrFail({ id: row.schoolId })]);
    const now = new Date();
    const hearing = (data.hearings ?? []).filter((h) => h.about === 'VERSION' && h.number === version.version).at(-1) ?? null;
    const body = await renderOppPdf(
      { pupilName: `${pupil.firstName} ${pupil.lastName}`, schoolName: school.name, version, hearing, nextEvaluation: data.nextEvaluation ?? null, generatedAt: now.toISOString() },
      opts,
    );
    // Audited before the bytes leave, like a document download: not on the case timeline (caseId null); the dossier
    // export finds it by details.caseId.
    await this.audit.append({
      eventKey: `opp-pdf:${randomUUID()}`,
      caseId: null,
      at: now.toISOString(),
      actorId: user.id,
      actorName: user.role,
      action: 'OPP_PDF_DOWNLOADED',
      description: `OPP versie ${version.version} als PDF gedownload`,
      details: { operation: 'exportOppPdf', caseId: row.id, version: version.version },
      reason: null,
    });
    return { contentType: 'application/pdf', fileName: `opp-versie-${version.version}.pdf`, body };
  }
}
