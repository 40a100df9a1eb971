import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PolicyVersionRepository, Role, SchoolEntity, UserEntity, type CaseSummaryEntity } from '@zorgroute/domain';
import { toIsoDate } from '@zorgroute/domain/logic';
import {
  describeWho,
  holds,
  mayTake,
  resolveFields,
  STEP_CATALOGUE,
  stepDefinition,
  validateStepInput,
  type ActorFacts,
  type ProcessKey,
  type FieldDefinition,
  type StepDefinition,
} from '@zorgroute/processes';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { toAppError } from '../common/temporal-errors';
import { CasesService } from './cases.service';
import { stepUpdateOptions } from './step-update-options';
import type { CaseSummaryModel } from './models/case.model';
import type { StepFormModel } from './models/step-form.model';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { completes, STEP_INPUT_COMPLETERS, type StepInputCompleter } from './step-input-completer';

/**
 * Runs any human step of any process from its definition in the catalogue (libs/processes), one path for all:
 * visible (NOT_FOUND) → may act (the step's `who`: FORBIDDEN) → input valid against the definition, with the bounds of
 * the case's own policy version (BAD_USER_INPUT) → staff fields checked against the school and their names added →
 * the workflow update, with the idempotency key as update id and a bounded answer → the case as the read model shows
 * it. The workflow's validator checks the same definition again, plus whether the step is open now. A typed mutation
 * passes its step's definition, so it only ever takes that process's step (step names repeat across processes, e.g.
 * RECORD_EVALUATION): a case of another process is NOT_FOUND, as before. What only the api may add to a step's input
 * (never the caller) comes from the step's StepInputCompleter.
 */
@Injectable()
export class CaseStepService {
  private readonly policies: PolicyVersionRepository;

  constructor(
    @Inject(TemporalGateway) private readonly temporal: TemporalGateway,
    @Inject(CasesService) private readonly cases: CasesService,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Optional() @Inject(STEP_INPUT_COMPLETERS) private readonly completers: readonly StepInputCompleter[] | null = null,
  ) {
    this.policies = new PolicyVersionRepository(dataSource);
  }

  /** Takes a step by its name in the case's process (`takeStep`), or a given process's step (a typed mutation). */
  async take(user: AuthUser, caseId: string, stepOrName: string | StepDefinition, input: unknown, idempotencyKey?: string | null): Promise<CaseSummaryModel> {
    const options = stepUpdateOptions(user, idempotencyKey);
    const row = await this.cases.getVisible(user, caseId);
    if (typeof stepOrName !== 'string' && stepOrName.process !== row.process) throw AppError.notFound('Casus van dit proces', 'Case of this process');
    const stepName = typeof stepOrName === 'string' ? stepOrName : stepOrName.name;
    const step = stepDefinition(row.process, stepName);
    if (!step) throw new AppError('BAD_USER_INPUT', `Onbekende stap: ${stepName}`, `Unknown step: ${stepName}`);
    if (!mayTake(step.who, this.facts(user, row), step)) throw AppError.forbidden();
    const policies = await this.policiesOf(row);
    const { errors, value } = validateStepInput(step, input, { policies, today: toIsoDate(Date.now()) });
    if (errors.length) throw new AppError('BAD_USER_INPUT', errors[0].nl, errors[0].en, { fields: errors.map((e) => e.field) });
    let args: Record<string, unknown> = await this.withStaff(user, row, step.fields, value);
    for (const c of this.completers ?? []) if (completes(c, step)) args = await c.complete(row, args, step);
    args = { ...args, actor: { id: user.id, name: user.name } };
    try {
      await this.temporal.update(caseId, step.update, args, { updateId: options.updateId });
    } catch (err) {
      throw toAppError(err);
    }
    return this.cases.summary(user, caseId);
  }

  /** The forms of the case's open steps (and the steps that may be taken any time), for the case page. */
  async forms(user: AuthUser, row: CaseSummaryEntity, openSteps: readonly string[]): Promise<StepFormModel[]> {
    if (row.closedAt) return [];
    const policies = await this.policiesOf(row);
    const facts = this.facts(user, row);
    // Steps that may be taken now although no one waits for them: as the workflow lists them (data.availableSteps), else
    // the catalogue's any-time steps.
    const available = (row.data as { availableSteps?: unknown } | null)?.availableSteps;
    const anytime = Array.isArray(available)
      ? available.map((name) => stepDefinition(row.process, String(name))).filter((s): s is StepDefinition => s !== null && !openSteps.includes(s.name))
      : Object.values(STEP_CATALOGUE[row.process as ProcessKey] ?? {}).filter((s) => s.anytime && !openSteps.includes(s.name) && (s.offeredWhen ?? []).every((c) => holds(c, { ...facts.caseData, status: row.status })));
    const steps = [...openSteps.map((name) => stepDefinition(row.process, name)).filter((s): s is StepDefinition => s !== null), ...anytime];
    return steps.map((s) => ({
      step: s.name,
      label: s.label,
      title: s.title,
      description: s.description ?? null,
      submitLabel: s.submitLabel,
      open: openSteps.includes(s.name),
      mayTake: mayTake(s.who, facts, s),
      whoLabel: describeWho(s.who),
      fields: resolveFields(s.fields, policies),
    }));
  }

  private facts(user: AuthUser, row: CaseSummaryEntity): ActorFacts {
    // The case is visible to the caller (getVisible): an SWV employee or a parent who sees it belongs to it.
    return {
      role: user.role,
      userId: user.id,
      atSchoolOfCase: !!user.schoolId && user.schoolId === row.schoolId,
      participant: row.participantIds.includes(user.id),
      swvOfCase: user.role === Role.SWV_MEDEWERKER,
      guardian: user.role === Role.PARENT,
      caseData: (row.data ?? {}) as Record<string, unknown>,
    };
  }

  /** The policy version the case started with (its label), so the bounds are the ones its workflow applies. */
  private async policiesOf(row: CaseSummaryEntity): Promise<object> {
    const school = await this.dataSource.getRepository(SchoolEntity).findOneByOrFail({ id: row.schoolId });
    return this.policies.forCase(school, row.policyVersion);
  }

  /**
   * Checks every chosen staff member (of the case's school, with an allowed role), also in groups and lists (e.g. the
   * JOS worker of an IZO decision), and adds their names where a field asks for it.
   */
  private async withStaff(user: AuthUser, row: CaseSummaryEntity, fields: readonly FieldDefinition[], value: Record<string, unknown>): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = { ...value };
    for (const f of fields) {
      const v = value[f.name];
      if (f.kind === 'group' && v && typeof v === 'object' && !Array.isArray(v)) out[f.name] = await this.withStaff(user, row, f.fields ?? [], v as Record<string, unknown>);
      if (f.kind === 'list' && Array.isArray(v)) {
        const items: unknown[] = [];
        for (const item of v) items.push(item && typeof item === 'object' ? await this.withStaff(user, row, f.fields ?? [], item as Record<string, unknown>) : item);
        out[f.name] = items;
      }
    }
    return { ...out, ...(await this.staffNames(user, row, fields, value)) };
  }

  private async staffNames(user: AuthUser, row: CaseSummaryEntity, fields: readonly FieldDefinition[], value: Record<string, unknown>): Promise<Record<string, string>> {
    const names: Record<string, string> = {};
    for (const f of fields) {
      if (f.kind !== 'staff' || typeof value[f.name] !== 'string') continue;
      const person = await this.dataSource.getRepository(UserEntity).findOneBy({ id: value[f.name] as string });
      const roles = (f.staffRoles ?? []) as readonly string[];
      if (!person || person.schoolId !== row.schoolId || (roles.length > 0 && !roles.includes(person.role)) || (user.role !== Role.ADMIN && user.schoolId !== row.schoolId && user.role !== Role.SWV_MEDEWERKER)) {
        throw new AppError('BAD_USER_INPUT', `Deze persoon kan niet gekozen worden als ${f.label.toLowerCase()}`, `This person cannot be chosen as ${f.name}`);
      }
      if (f.nameField) names[f.nameField] = person.name;
    }
    return names;
  }
}
