import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { CaseSummaryEntity, ProcessType, SchoolEntity } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import { zorgplichtApplicationRejection, zorgplichtStartOptions, zorgplichtWorkflow, zorgplichtWorkflowId, type StartZorgplichtInput } from '@zorgroute/workflows';
import { CaseLauncher, type CaseNames } from '../cases/case-launcher';
import { AppError } from '../common/app-error';

/** How a zorgplicht case is named in the answers of its start. */
const AANMELDING: CaseNames = {
  nameNl: 'aanmelding',
  articleNl: 'de',
  nameEn: 'application',
  alreadyClosed: { nl: 'Deze aanmelding is al eerder geregistreerd en afgesloten', en: 'This application was already registered and closed' },
  startedVerb: { nl: 'geregistreerd', en: 'registered' },
};

/**
 * Starts a zorgplicht clock (P4) — the one entry point for the GraphQL mutation and for other
 * processes (the PO→VO overdracht, P6, starts the clock for a pupil with support needs).
 *
 * Only the school of first preference holds the zorgplicht: an application at a school that is not
 * the parents' first preference, or for a pupil whose clock already runs at another school, is
 * refused with CONFLICT (`details.reason` NOT_FIRST_PREFERENCE or CLOCK_ALREADY_RUNNING, and the
 * school that holds the zorgplicht); nothing is recorded and no clock starts. The same application
 * registered twice (same pupil and date of receipt) returns the same case.
 */
@Injectable()
export class ZorgplichtStarter {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CaseLauncher) private readonly launcher: CaseLauncher,
  ) {}

  /** Refuses (throws) when this application cannot start a clock; call before creating any records. */
  async check(input: Pick<StartZorgplichtInput, 'schoolId' | 'pupilId' | 'receivedOn' | 'preferenceSchoolIds'>, pupilIsNew = false): Promise<{ existingCaseId: string | null }> {
    const schools = await this.dataSource.getRepository(SchoolEntity).findBy({ id: In([...new Set([input.schoolId, ...input.preferenceSchoolIds])]) });
    if (schools.length !== new Set([input.schoolId, ...input.preferenceSchoolIds]).size) {
      throw new AppError('BAD_USER_INPUT', 'Onbekende school in de voorkeursvolgorde', 'Unknown school in the order of preference');
    }
    const open = pupilIsNew
      ? []
      : await this.dataSource.getRepository(CaseSummaryEntity).findBy({ pupilId: input.pupilId, process: ProcessType.ZORGPLICHT, closedAt: IsNull() });
    const id = zorgplichtWorkflowId(input.pupilId, input.receivedOn);
    const same = open.find((c) => c.id === id && c.schoolId === input.schoolId);
    if (same) return { existingCaseId: same.id };
    const refusal = zorgplichtApplicationRejection({
      schoolId: input.schoolId,
      receivedOn: input.receivedOn,
      preferenceSchoolIds: input.preferenceSchoolIds,
      today: toIsoDate(Date.now()),
      openClocks: open.map((c) => ({ caseId: c.id, schoolId: c.schoolId })),
    });
    if (!refusal) return { existingCaseId: null };
    if (refusal.code === 'BAD_USER_INPUT') throw new AppError('BAD_USER_INPUT', refusal.nl, refusal.en);
    const holder = schools.find((s) => s.id === refusal.zorgplichtSchoolId);
    const nl = holder ? `${refusal.nl} (zorgplicht: ${holder.name})` : refusal.nl;
    throw new AppError('CONFLICT', nl, refusal.en, { reason: refusal.code, zorgplichtSchoolId: refusal.zorgplichtSchoolId ?? null, caseId: refusal.caseId ?? null });
  }

  /**
   * Checks, starts the workflow (or finds the same application) and answers once the clock waits for the decision
   * (CaseLauncher: a failed earlier run never blocks the application). Returns the case id.
   */
  async start(input: StartZorgplichtInput, pupilIsNew = false): Promise<string> {
    const { existingCaseId } = await this.check(input, pupilIsNew);
    if (existingCaseId) return existingCaseId;
    const options = zorgplichtStartOptions(input);
    await this.launcher.launch({ workflow: zorgplichtWorkflow, ...options }, AANMELDING);
    return options.workflowId;
  }
}
