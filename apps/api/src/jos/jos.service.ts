import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ProcessType, UserEntity } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { JOS_CONSENT_KIND, JOS_NEED_LABELS, JOS_SIGNATURE_DECISION_STEP, type ConsentRequestView, type JosContact, type JosEvaluation, type JosForm, type JosGoals, type JosNeed, type JosOutcome, type JosPlannedStartgesprek, type JosReferral, type JosStartgesprek } from '@zorgroute/workflows';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { AppError } from '../common/app-error';
import type { JosCaseModel } from './models/jos.model';

/** What the JOS workflow keeps in its read-model row (`case_summary.data`). */
interface JosData {
  needs?: JosNeed[];
  decisionDate?: string;
  mentorId?: string | null;
  josWorkerId?: string | null;
  maxMonths?: number;
  form?: JosForm | null;
  startgesprek?: JosStartgesprek | null;
  plannedStartgesprek?: JosPlannedStartgesprek | null;
  consents?: ConsentRequestView[];
  signedOn?: string | null;
  goals?: JosGoals | null;
  activeFrom?: string | null;
  capDate?: string | null;
  capWarningDate?: string | null;
  capWarned?: boolean;
  endDate?: string | null;
  endedBy?: string | null;
  evaluationNumber?: number;
  evaluationOpensOn?: string | null;
  evaluations?: JosEvaluation[];
  sessions?: JosContact[];
  contactCount?: number;
  outcome?: JosOutcome | null;
  referralTo?: JosReferral | null;
  outcomeSummary?: string | null;
  stopReason?: string | null;
}

/** Reads a JOS case from the read model, through the caller's scope. */
@Injectable()
export class JosService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {}

  async josCase(user: AuthUser, id: string): Promise<JosCaseModel> {
    const row = await this.cases.getVisible(user, id);
    if (row.process !== ProcessType.JOS) throw AppError.notFound('JOS-casus', 'JOS case');
    const detail = await this.cases.detail(user, id);
    const d = this.audience.caseData(user, row.process, row.data) as JosData;
    // The consent machinery moves the case between asking and the zorgcoördinator's decision without a JOS record.
    if (row.status === 'HANDTEKENING_OUDERS' && row.waitingFor === JOS_SIGNATURE_DECISION_STEP) detail.openSteps = [JOS_SIGNATURE_DECISION_STEP];
    // An evaluation opens by date (halfway its period), not by a transition: compute it now.
    if (row.status === 'ACTIEF' && !row.closedAt) {
      const open = row.waitingFor === 'RECORD_EVALUATION' && !!d.evaluationOpensOn && toIsoDate(Date.now()) >= d.evaluationOpensOn;
      detail.openSteps = ['LOG_CONTACT', ...(open ? ['RECORD_EVALUATION'] : []), 'RECORD_OUTCOME'];
    }
    const ids = [d.mentorId, d.josWorkerId].filter((x): x is string => !!x);
    const users = ids.length ? await this.dataSource.getRepository(UserEntity).findBy({ id: In(ids) }) : [];
    const name = (uid: string | null | undefined) => (uid ? (users.find((u) => u.id === uid)?.name ?? null) : null);
    const requests = (d.consents ?? []).filter((c) => c.kind === JOS_CONSENT_KIND);
    const latest = requests.at(-1) ?? null;
    return {
      detail,
      needs: (d.needs ?? []).map((need) => ({ need, label: JOS_NEED_LABELS[need] ?? need })),
      decisionDate: d.decisionDate ?? '',
      mentorName: name(d.mentorId),
      josWorkerName: name(d.josWorkerId),
      form: d.form
        ? {
            problemDescription: d.form.problemDescription,
            singleSchoolRelatedProblem: d.form.singleSchoolRelatedProblem,
            alreadyTried: d.form.alreadyTried,
            pupilView: d.form.pupilView ?? null,
            parentsInformed: d.form.parentsInformed,
            availability: d.form.availability ?? null,
            submittedOn: d.form.submittedOn,
          }
        : null,
      startgesprek: d.startgesprek
        ? {
            date: d.startgesprek.date,
            parentsPresent: d.startgesprek.parentsPresent,
            mentorPresent: d.startgesprek.mentorPresent,
            pupilPresent: d.startgesprek.pupilPresent,
            summary: d.startgesprek.summary,
            recordedByName: d.startgesprek.recordedBy?.name ?? null,
          }
        : null,
      plannedStartgesprek: d.plannedStartgesprek
        ? { date: d.plannedStartgesprek.date, time: d.plannedStartgesprek.time, mode: d.plannedStartgesprek.mode, location: d.plannedStartgesprek.location }
        : null,
      signature: latest
        ? {
            requestId: latest.requestId,
            status: latest.status,
            respondBy: latest.respondBy,
            timeoutAt: latest.timeoutAt,
            method: latest.method,
            decidedAt: latest.decidedAt,
            withdrawnAt: latest.withdrawnAt,
            requests: requests.length,
          }
        : null,
      signedOn: d.signedOn ?? null,
      goals: d.goals ? { ...d.goals, goals: d.goals.goals ?? [], weeklySlot: d.goals.weeklySlot ?? null } : null,
      activeFrom: d.activeFrom ?? null,
      capDate: d.capDate ?? null,
      capWarningDate: d.capWarningDate ?? null,
      capWarned: d.capWarned ?? false,
      maxMonths: d.maxMonths ?? 0,
      endDate: d.endDate ?? null,
      endedBy: d.endedBy ?? null,
      evaluationNumber: d.evaluationNumber ?? 0,
      evaluationOpensOn: d.evaluationOpensOn ?? null,
      evaluations: (d.evaluations ?? []).map((e) => ({ number: e.number, date: e.date, summary: e.summary, thermometer: e.thermometer ?? null })),
      contacts: (d.sessions ?? []).map((c) => ({ date: c.date, attended: c.attended, thermometer: c.thermometer ?? null, note: c.note ?? null })),
      contactCount: d.contactCount ?? 0,
      outcome: d.outcome ?? null,
      referralTo: d.referralTo ?? null,
      outcomeSummary: d.outcomeSummary ?? null,
      stopReason: d.stopReason ?? null,
    };
  }
}
