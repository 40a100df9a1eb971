import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PupilEntity, SchoolEntity } from '@zorgroute/domain';
import { AccessPolicy } from '../access/access-policy';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { AppError } from '../common/app-error';
import { ConsentsService } from '../consents/consents.service';
import { CaseDocumentsService } from '../documents/case-documents.service';
import type { PupilHistoryEntryModel, PupilPageModel } from './models/pupil-page.model';
import { PupilsService } from './pupils.service';

/** The history lines of a pupil page: the latest ones. */
const HISTORY_LIMIT = 300;

/**
 * The pupil page (issue 17.7): one pupil, his cases, consents, documents and history together. Nothing here decides
 * who sees what: the pupil through AccessPolicy.scopePupils (NOT_FOUND when out of scope), the cases through the case
 * list's scope (CasesService, AudiencePolicy.scopeCases), and within them the case page's own services — the timeline
 * of CasesService.detail, consents as AudiencePolicy.consent shows them, documents as CaseDocumentsService lists them.
 */
@Injectable()
export class PupilPageService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AccessPolicy) private readonly access: AccessPolicy,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
    @Inject(PupilsService) private readonly pupils: PupilsService,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(ConsentsService) private readonly consents: ConsentsService,
    @Inject(CaseDocumentsService) private readonly documents: CaseDocumentsService,
  ) {}

  async page(user: AuthUser, pupilId: string): Promise<PupilPageModel> {
    const qb = this.dataSource.getRepository(PupilEntity).createQueryBuilder('p').where('p.id = :pupilId', { pupilId });
    const pupil = await this.access.scopePupils(qb, user).getOne();
    if (!pupil) throw AppError.notFound('Leerling', 'Pupil');
    const [[model], school, cases] = await Promise.all([
      this.pupils.toModels([pupil]),
      this.dataSource.getRepository(SchoolEntity).findOneByOrFail({ id: pupil.schoolId }),
      this.cases.forPupil(user, pupil.id),
    ]);
    const caseIds = cases.map((c) => c.id);
    const consents = (await this.consents.toModels(await this.consents.forCases(caseIds))).map((c) => this.audience.consent(user, c));
    const documents = this.documents.mayRead(user) ? (await Promise.all(caseIds.map((id) => this.documents.list(user, id)))).flat() : [];
    const history: PupilHistoryEntryModel[] = [];
    for (const c of cases) {
      const detail = await this.cases.detail(user, c.id);
      // Newest first within the case too (a stable sort keeps the case's own order of one instant).
      for (const line of [...detail.timeline].reverse()) history.push({ ...line, caseId: c.id, process: c.process });
    }
    history.sort((a, b) => b.at.getTime() - a.at.getTime());
    documents.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    consents.sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime());
    return {
      pupil: model,
      dateOfBirth: pupil.dateOfBirth,
      school: { id: school.id, name: school.name, region: school.region },
      cases,
      consents,
      documents,
      history: history.slice(0, HISTORY_LIMIT),
    };
  }
}
