import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProcessType, UserEntity } from '@zorgroute/domain';
import {
  OOV_CONSENT_KIND,
  OOV_REQUIRED_CONSULTATIONS,
  oovArrangementLabel,
  type ConsentRequestView,
  type OovConsultation,
  type OovEvaluation,
  type OovFollowUp,
  type OovIntake,
  type OovPeriod,
  type OovRequest,
  type OovReturnPlan,
  type OovSwvDecision,
  type OovArrangement,
} from '@zorgroute/workflows';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { AppError } from '../common/app-error';
import type { OovCaseModel } from './models/oov.model';

/** What the OOV workflow keeps in its read-model row (`case_summary.data`). */
interface OovData {
  reason?: string;
  source?: string;
  enrolment?: { schoolId: string; schoolName: string; note: string };
  leerlingbegeleiderId?: string | null;
  consultations?: OovConsultation[];
  consents?: ConsentRequestView[];
  requests?: OovRequest[];
  decisions?: OovSwvDecision[];
  intake?: OovIntake | null;
  periods?: OovPeriod[];
  arrangement?: OovArrangement | null;
  location?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  evaluations?: OovEvaluation[];
  extensions?: number;
  returnPlan?: OovReturnPlan | null;
  followUp?: OovFollowUp | null;
  followUpDate?: string | null;
  vso?: { note: string; tlvRequestedOn: string | null } | null;
  stopReason?: string | null;
}

/**
 * Reads an OOV case from the read model, through the caller's scope. The SWV sees the request, its decisions, the
 * dates and the outcome; the school's own notes (consultations, intake, evaluations, return plan) are left out for it
 * (rule 8).
 */
@Injectable()
export class OovService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {}

  async oovCase(user: AuthUser, id: string): Promise<OovCaseModel> {
    const row = await this.cases.getVisible(user, id);
    if (row.process !== ProcessType.OOV) throw AppError.notFound('OOV-casus', 'OOV case');
    const detail = await this.cases.detail(user, id);
    // The caller's share (AudiencePolicy): the SWV's leaves out the school's notes.
    const d = this.audience.caseData(user, row.process, row.data) as OovData;
    const note = (text: string | null | undefined) => text ?? null;
    const lb = d.leerlingbegeleiderId ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: d.leerlingbegeleiderId }) : null;
    const consent = (d.consents ?? []).filter((c) => c.kind === OOV_CONSENT_KIND).at(-1) ?? null;
    const consultations = d.consultations ?? [];
    const enrolment = d.enrolment ?? { schoolId: row.schoolId, schoolName: '', note: '' };
    // Open steps from the row itself: the consent machinery moves the case between steps without an OOV record.
    const consultationsOpen = row.status === 'VOORBEREIDING' && consent === null;
    detail.openSteps = row.closedAt ? [] : [...new Set([...(consultationsOpen ? ['OOV_RECORD_CONSULTATIONS'] : []), ...(row.waitingFor ? [row.waitingFor] : [])])];
    return {
      detail,
      reason: d.reason ?? '',
      source: d.source ?? 'DIRECT',
      enrolledAtSchoolName: enrolment.schoolName,
      responsibilityNote: enrolment.note,
      leerlingbegeleiderName: lb?.name ?? null,
      consultations: consultations.map((c) => ({ party: c.party, date: c.date, withWhom: c.withWhom, summary: note(c.summary), recordedBy: c.recordedBy })),
      missingConsultations: OOV_REQUIRED_CONSULTATIONS.filter((p) => !consultations.some((c) => c.party === p)),
      consent: consent ? { requestId: consent.requestId, status: consent.status, respondBy: consent.respondBy, decidedAt: consent.decidedAt, withdrawnAt: consent.withdrawnAt } : null,
      requests: (d.requests ?? []).map((r) => ({ ...r, arrangementLabel: oovArrangementLabel(r.arrangement), preferredLocation: r.preferredLocation ?? null })),
      decisions: d.decisions ?? [],
      intake: d.intake ? { ...d.intake, oovContact: d.intake.oovContact ?? null, carePartners: d.intake.carePartners ?? [], summary: note(d.intake.summary) } : null,
      periods: (d.periods ?? []).map((p) => ({ ...p, arrangementLabel: oovArrangementLabel(p.arrangement) })),
      arrangement: d.arrangement ?? null,
      location: d.location ?? null,
      startDate: d.startDate ?? null,
      endDate: d.endDate ?? null,
      evaluations: (d.evaluations ?? []).map((e) => ({ round: e.round, kind: e.kind, date: e.date, summary: note(e.summary), nextStep: e.nextStep ?? null })),
      extensions: d.extensions ?? 0,
      returnPlan: d.returnPlan
        ? { returnDate: d.returnPlan.returnDate, plan: note(d.returnPlan.plan), handoverDate: d.returnPlan.handoverDate, handoverSummary: note(d.returnPlan.handoverSummary), mentorInformed: d.returnPlan.mentorInformed }
        : null,
      followUpDate: d.followUpDate ?? null,
      followUp: d.followUp ? { date: d.followUp.date, summary: note(d.followUp.summary), returnSucceeded: d.followUp.returnSucceeded } : null,
      vsoNote: d.vso?.note ?? null,
      tlvRequestedOn: d.vso?.tlvRequestedOn ?? null,
      stopReason: d.stopReason ?? null,
    };
  }
}
