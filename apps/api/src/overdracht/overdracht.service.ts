import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProcessType, UserEntity } from '@zorgroute/domain';
import type { OverdrachtRegionalCalendar } from '@zorgroute/domain/logic';
import { OVERDRACHT_CONSENT_KIND, OVERDRACHT_IZO_STATUSES, type ConsentRequestView, type OverdrachtState } from '@zorgroute/workflows';
import { AudiencePolicy } from '../access/audience.policy';
import type { AuthUser } from '../auth/auth-user';
import { CasesService } from '../cases/cases.service';
import { AppError } from '../common/app-error';
import type { OverdrachtCaseModel } from './models/overdracht.model';
import { toCalendarModel } from './overdracht-calendar.service';

/** What the overdracht workflow keeps in its read-model row (`case_summary.data`). */
type OverdrachtData = Partial<
  Pick<
    OverdrachtState,
    'schoolYear' | 'applicationReceivedOn' | 'poSchoolName' | 'poContactName' | 'supportNeeds' | 'okr' | 'zienswijzen' | 'sent' | 'received' | 'warmeOverdracht' | 'placement' | 'mentorRead' | 'izoReferral' | 'feedbackMoments' | 'feedback' | 'zorgplicht' | 'stopReason'
  >
> & { calendar?: OverdrachtRegionalCalendar; brugklascoordinatorId?: string | null; consents?: ConsentRequestView[] };

/**
 * Reads a PO→VO overdracht from the read model, through the caller's scope. Parents see what is transferred (right of
 * inspection [001:4161-4162]); the SWV sees the dates, the placement and whether a zorgplicht clock runs, not the
 * report, the parents' views or the conversation notes (rule 8).
 */
@Injectable()
export class OverdrachtService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(AudiencePolicy) private readonly audience: AudiencePolicy,
  ) {}

  async overdrachtCase(user: AuthUser, id: string): Promise<OverdrachtCaseModel> {
    const row = await this.cases.getVisible(user, id);
    if (row.process !== ProcessType.OVERDRACHT) throw AppError.notFound('Overdracht', 'Transfer case');
    const detail = await this.cases.detail(user, id);
    // The caller's share (AudiencePolicy): the SWV's leaves out the report, the parents' views and the notes.
    const d = this.audience.caseData(user, row.process, row.data) as OverdrachtData;
    const bkc = d.brugklascoordinatorId ? await this.dataSource.getRepository(UserEntity).findOneBy({ id: d.brugklascoordinatorId }) : null;
    const consent = (d.consents ?? []).filter((c) => c.kind === OVERDRACHT_CONSENT_KIND).at(-1) ?? null;
    const wo = d.warmeOverdracht ?? null;
    const text = (v: string | null | undefined) => v ?? null;
    const calendar = d.calendar as OverdrachtRegionalCalendar;
    // Open steps from the row itself (the consent machinery moves the case between steps without a handover record);
    // from the receipt on, the zorgcoördinator may refer the pupil straight to the IZO, once.
    // The IZO referral is a case of its own: named only to whoever may see that case (it may be kept from the parents).
    const izoReferral = (row.data as OverdrachtData).izoReferral ?? null;
    const izoCaseId = izoReferral?.caseId && (await this.audience.linkedCaseIdsShown(user, [izoReferral.caseId])).has(izoReferral.caseId) ? izoReferral.caseId : null;
    const izoPossible = (OVERDRACHT_IZO_STATUSES as string[]).includes(row.status) && !izoReferral;
    detail.openSteps = row.closedAt ? [] : [...(row.waitingFor ? [row.waitingFor] : []), ...(izoPossible ? ['OVERDRACHT_IZO_REFERRAL'] : [])];
    return {
      detail,
      schoolYear: d.schoolYear ?? calendar.schoolYear,
      calendar: toCalendarModel(calendar),
      applicationReceivedOn: d.applicationReceivedOn ?? '',
      poSchoolName: d.poSchoolName ?? '',
      poContactName: d.poContactName ?? null,
      brugklascoordinatorName: bkc?.name ?? null,
      supportNeeds: d.supportNeeds ?? false,
      okr: d.okr ? { ...d.okr, taalLezen: d.okr.taalLezen ?? null, rekenen: d.okr.rekenen ?? null, sociaalEmotioneel: d.okr.sociaalEmotioneel ?? null, werkhouding: d.okr.werkhouding ?? null, externeZorg: d.okr.externeZorg ?? null, supportNeedsDescription: d.okr.supportNeedsDescription ?? null } : null,
      zienswijzen: (d.zienswijzen ?? []).map((z) => ({ parentName: z.parentName, text: z.text, addedOn: z.addedOn })),
      consent: consent ? { requestId: consent.requestId, status: consent.status, respondBy: consent.respondBy, timeoutAt: consent.timeoutAt, decidedAt: consent.decidedAt } : null,
      sentOn: d.sent?.sentOn ?? null,
      receivedOn: d.received?.receivedOn ?? null,
      warmeOverdracht: wo
        ? {
            date: wo.date,
            withinWindow: wo.withinWindow,
            poPresent: wo.poPresent,
            parentsPresent: wo.parentsPresent,
            pupilPresent: wo.pupilPresent,
            development: text(wo.development),
            specificNeeds: text(wo.specificNeeds),
            approach: text(wo.approach),
            attentionPoints: text(wo.attentionPoints),
            parentAlignment: text(wo.parentAlignment),
            aftercare: text(wo.aftercare),
            talents: text(wo.talents),
            summary: text(wo.summary),
          }
        : null,
      placement: d.placement ? { className: d.placement.className, level: d.placement.level ?? null, mentorName: d.placement.mentorName ?? null, placedOn: d.placement.placedOn, placedBy: d.placement.placedBy } : null,
      mentorReadOn: d.mentorRead?.readOn ?? null,
      izoCaseId,
      izoRequestedOn: izoCaseId ? izoReferral?.requestedOn ?? null : null,
      feedback: (d.feedbackMoments ?? []).map((m) => {
        const given = (d.feedback ?? []).find((f) => f.moment === m.moment);
        return { moment: m.moment, date: m.date, explanation: m.explanation, givenOn: given?.date ?? null, summary: text(given?.summary) };
      }),
      zorgplicht: d.zorgplicht ?? null,
      stopReason: d.stopReason ?? null,
    };
  }
}
