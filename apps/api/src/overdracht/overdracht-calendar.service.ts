import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PolicyScope, PolicyVersionRepository, Role } from '@zorgroute/domain';
import { resolvePolicies, type OverdrachtRegionalCalendar, type PolicyOverrides } from '@zorgroute/domain/logic';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { validateOrThrow } from '../common/validate';
import { SchoolSettingsAccess } from '../policies/school-settings.access';
import { OverdrachtRegionalCalendarInput } from './dtos/overdracht.inputs';
import type { OverdrachtRegionalCalendarModel, OverdrachtRegionalCalendarsModel } from './models/overdracht.model';

export function toCalendarModel(c: OverdrachtRegionalCalendar): OverdrachtRegionalCalendarModel {
  return {
    schoolYear: c.schoolYear,
    schooladviesBy: c.schooladviesBy,
    aanmeldweek: { from: c.aanmeldweek.from, to: c.aanmeldweek.to },
    osoDeadline: c.osoDeadline,
    warmeOverdracht: { from: c.warmeOverdracht.from, to: c.warmeOverdracht.to },
    startSchoolYear: c.startSchoolYear,
    terugkoppeling: c.terugkoppeling ? { naEersteRapport: c.terugkoppeling.naEersteRapport ?? null, eindeLeerjaar1: c.terugkoppeling.eindeLeerjaar1 ?? null } : null,
  };
}

/**
 * The regional PO→VO calendars of an SWV (policy `overdracht.regionalCalendars`), read and set through the policy
 * versioning: setting the calendar of one school year publishes a new SWV policy version with the other settings of
 * the latest version unchanged, validated like any version (every problem listed, nothing written on a problem).
 * Cases started afterwards use it; running cases keep the calendar they snapshotted.
 * Read: admin, the SWV's employees, a zorgcoördinator of a member school. Set: admin and the SWV's employees.
 */
@Injectable()
export class OverdrachtCalendarService {
  private readonly repo: PolicyVersionRepository;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(SchoolSettingsAccess) private readonly access: SchoolSettingsAccess,
  ) {
    this.repo = new PolicyVersionRepository(dataSource);
  }

  async calendars(user: AuthUser, swvId: string): Promise<OverdrachtRegionalCalendarsModel> {
    await this.access.swvForPolicyRead(user, swvId);
    const latest = await this.repo.latest(PolicyScope.SWV, swvId);
    const policies = resolvePolicies(latest?.overrides ?? undefined);
    return {
      swvId,
      policyVersion: latest?.version ?? null,
      publishedAt: latest?.createdAt ?? null,
      calendars: [...policies.overdracht.regionalCalendars].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear)).map(toCalendarModel),
      terugkoppelingMoments: [...policies.overdracht.terugkoppelingMoments],
    };
  }

  async setCalendar(user: AuthUser, swvId: string, raw: OverdrachtRegionalCalendarInput): Promise<OverdrachtRegionalCalendarsModel> {
    const input = validateOrThrow(OverdrachtRegionalCalendarInput, raw);
    await this.access.swv(swvId);
    if (user.role !== Role.ADMIN && !(user.role === Role.SWV_MEDEWERKER && user.swvId === swvId)) {
      throw new AppError('FORBIDDEN', 'Alleen medewerkers van dit samenwerkingsverband kunnen de overdrachtskalender instellen', 'Only employees of this SWV can set the transfer calendar');
    }
    const latest = await this.repo.latest(PolicyScope.SWV, swvId);
    const overrides = JSON.parse(JSON.stringify(latest?.overrides ?? {})) as PolicyOverrides;
    const current = resolvePolicies(overrides).overdracht.regionalCalendars;
    const feedback = input.terugkoppeling
      ? {
          ...(input.terugkoppeling.naEersteRapport ? { naEersteRapport: input.terugkoppeling.naEersteRapport } : {}),
          ...(input.terugkoppeling.eindeLeerjaar1 ? { eindeLeerjaar1: input.terugkoppeling.eindeLeerjaar1 } : {}),
        }
      : null;
    const entry: OverdrachtRegionalCalendar = {
      schoolYear: input.schoolYear,
      schooladviesBy: input.schooladviesBy,
      aanmeldweek: { from: input.aanmeldweek.from, to: input.aanmeldweek.to },
      osoDeadline: input.osoDeadline,
      warmeOverdracht: { from: input.warmeOverdracht.from, to: input.warmeOverdracht.to },
      startSchoolYear: input.startSchoolYear,
      ...(feedback && Object.keys(feedback).length ? { terugkoppeling: feedback } : {}),
    };
    const calendars = [...current.filter((c) => c.schoolYear !== entry.schoolYear), entry].sort((a, b) => a.schoolYear.localeCompare(b.schoolYear));
    overrides.overdracht = { ...(overrides.overdracht ?? {}), regionalCalendars: calendars };
    const result = await this.repo.publish({
      scope: PolicyScope.SWV,
      scopeId: swvId,
      overrides,
      note: input.note ?? `Regionale overdrachtskalender ${input.schoolYear}`,
      createdBy: user.id,
    });
    if (!result.ok) {
      const n = result.problems.length;
      throw new AppError(
        'BAD_USER_INPUT',
        `Ongeldige overdrachtskalender (${n} ${n === 1 ? 'probleem' : 'problemen'}), er is niets opgeslagen: ${result.problems.join('; ')}`,
        `Invalid transfer calendar (${n} ${n === 1 ? 'problem' : 'problems'}), nothing was saved: ${result.problems.join('; ')}`,
        { problems: result.problems },
      );
    }
    return this.calendars(user, swvId);
  }
}
