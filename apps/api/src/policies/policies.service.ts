import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { PolicyScope, PolicyVersionRepository, policySettingsTable, UserEntity, type PolicyVersionEntity } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import type { EffectivePolicyModel, PolicyVersionModel } from './models/policy.model';
import { SchoolSettingsAccess } from './school-settings.access';

/** Reads versioned policies, scoped by the caller's role (see SchoolSettingsAccess). */
@Injectable()
export class PoliciesService {
  private readonly repo: PolicyVersionRepository;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(SchoolSettingsAccess) private readonly access: SchoolSettingsAccess,
  ) {
    this.repo = new PolicyVersionRepository(dataSource);
  }

  async effective(user: AuthUser, schoolId: string): Promise<EffectivePolicyModel> {
    const school = await this.access.schoolForPolicyRead(user, schoolId);
    const [effective, swvVersions, schoolVersions] = await Promise.all([
      this.repo.effectiveForSchool(school),
      this.repo.list(PolicyScope.SWV, school.swvId),
      this.repo.list(PolicyScope.SCHOOL, school.id),
    ]);
    const models = await this.toModels([...swvVersions, ...schoolVersions]);
    const byId = new Map(models.map((m) => [m.id, m]));
    return {
      schoolId: school.id,
      schoolName: school.name,
      swvId: school.swvId,
      version: effective.label,
      policiesJson: JSON.stringify(effective.policies),
      // The ZAT dates are the school's ZAT meetings (the Overleggen screen, issue 17.8), not a setting of the policy.
      settings: policySettingsTable(effective.policies, effective.swv?.overrides, effective.school?.overrides)
        .filter((row) => row.path !== 'zorgroute.zatMeetingDates')
        .map((row) => ({
        path: row.path,
        valueJson: JSON.stringify(row.value),
        defaultJson: JSON.stringify(row.defaultValue),
        source: row.source,
      })),
      swvVersion: effective.swv ? (byId.get(effective.swv.id) ?? null) : null,
      schoolVersion: effective.school ? (byId.get(effective.school.id) ?? null) : null,
      swvVersions: swvVersions.map((v) => byId.get(v.id) as PolicyVersionModel),
      schoolVersions: schoolVersions.map((v) => byId.get(v.id) as PolicyVersionModel),
    };
  }

  async versions(user: AuthUser, scope: PolicyScope, scopeId: string): Promise<PolicyVersionModel[]> {
    if (scope === PolicyScope.SWV) await this.access.swvForPolicyRead(user, scopeId);
    else await this.access.schoolForPolicyRead(user, scopeId);
    return this.toModels(await this.repo.list(scope, scopeId));
  }

  async toModels(rows: PolicyVersionEntity[]): Promise<PolicyVersionModel[]> {
    const userIds = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => !!x))];
    const users = userIds.length ? await this.dataSource.getRepository(UserEntity).findBy({ id: In(userIds) }) : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      id: r.id,
      scope: r.scope,
      scopeId: r.scopeId,
      version: r.version,
      overridesJson: JSON.stringify(r.overrides ?? {}),
      createdAt: r.createdAt,
      createdByName: r.createdBy ? (names.get(r.createdBy) ?? null) : null,
      note: r.note,
    }));
  }
}
