import type { DataSource, EntityManager } from 'typeorm';
import { PolicyScope, PolicyVersionEntity } from '../entities/policy-version.entity';
import { SchoolEntity } from '../entities/school.entity';
import { SwvEntity } from '../entities/swv.entity';
import type { PolicyOverrides, ProcessPolicies } from '../logic/policies';
import { policyVersionLabel, resolveAndValidate } from './policy-layers';

/** The policies in force at a school, with the versions that produced them. */
export interface EffectivePolicy {
  policies: ProcessPolicies;
  /** E.g. `swv:3/school:5`, or `standaard` without versions; snapshotted into every case started now. */
  label: string;
  swv: PolicyVersionEntity | null;
  school: PolicyVersionEntity | null;
}

export interface PublishPolicyInput {
  scope: PolicyScope;
  scopeId: string;
  /** The complete overrides of the scope (not a diff to its previous version). */
  overrides: unknown;
  note?: string | null;
  createdBy?: string | null;
}

export type PublishPolicyResult = { ok: true; version: PolicyVersionEntity } | { ok: false; problems: string[] };

/**
 * Versioned policy overrides per SWV and per school. Versions are append-only and numbered per scope; publishing
 * validates the resulting effective policy of every school it affects and writes nothing when any is invalid.
 */
export class PolicyVersionRepository {
  constructor(private readonly dataSource: DataSource) {}

  latest(scope: PolicyScope, scopeId: string, manager: EntityManager = this.dataSource.manager): Promise<PolicyVersionEntity | null> {
    return manager.getRepository(PolicyVersionEntity).findOne({ where: { scope, scopeId }, order: { version: 'DESC' } });
  }

  /** Every version of a scope, newest first. */
  list(scope: PolicyScope, scopeId: string): Promise<PolicyVersionEntity[]> {
    return this.dataSource.getRepository(PolicyVersionEntity).find({ where: { scope, scopeId }, order: { version: 'DESC' } });
  }

  /**
   * defaults ← latest SWV version ← latest school version. Throws when the stored versions do not resolve (they are
   * validated when published, so this means the data was changed outside this repository).
   */
  async effectiveForSchool(school: Pick<SchoolEntity, 'id' | 'swvId'>, manager: EntityManager = this.dataSource.manager): Promise<EffectivePolicy> {
    const [swv, own] = await Promise.all([this.latest(PolicyScope.SWV, school.swvId, manager), this.latest(PolicyScope.SCHOOL, school.id, manager)]);
    const resolved = resolveAndValidate(swv?.overrides, own?.overrides);
    if (!resolved.policies) {
      throw new Error(`policies of school ${school.id} (${policyVersionLabel(swv?.version, own?.version)}) are invalid: ${resolved.problems.join('; ')}`);
    }
    return { policies: resolved.policies, label: policyVersionLabel(swv?.version, own?.version), swv, school: own };
  }

  /**
   * The policies of a case: the versions its label names (`swv:3/school:5`, `swv:2`, `school:1`, `standaard`), so a
   * running case is judged by the policy it started with, not by a later version. Falls back to the school's current
   * policy when the label names a version that no longer exists.
   */
  async forCase(school: Pick<SchoolEntity, 'id' | 'swvId'>, label: string | null | undefined): Promise<ProcessPolicies> {
    const parts = Object.fromEntries((label ?? '').split('/').map((p) => p.split(':')).filter((kv) => kv.length === 2)) as Record<string, string>;
    const version = (scope: PolicyScope, scopeId: string, v: string | undefined) =>
      v && /^\d+$/.test(v) ? this.dataSource.getRepository(PolicyVersionEntity).findOne({ where: { scope, scopeId, version: Number(v) } }) : Promise.resolve(null);
    if (label && label !== policyVersionLabel(null, null) && !parts.swv && !parts.school) return (await this.effectiveForSchool(school)).policies;
    const [swv, own] = await Promise.all([version(PolicyScope.SWV, school.swvId, parts.swv), version(PolicyScope.SCHOOL, school.id, parts.school)]);
    if ((parts.swv && !swv) || (parts.school && !own)) return (await this.effectiveForSchool(school)).policies;
    const resolved = resolveAndValidate(swv?.overrides, own?.overrides);
    return resolved.policies ?? (await this.effectiveForSchool(school)).policies;
  }

  /**
   * Publishes a new version of a scope's overrides. A school version is checked on top of its SWV's latest version;
   * an SWV version on its own and on top of the latest version of every member school. Returns every problem and
   * writes nothing when there is one. Versions of one scope are numbered without gaps (serialised by a lock).
   */
  async publish(input: PublishPolicyInput): Promise<PublishPolicyResult> {
    return this.dataSource.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`policy_version:${input.scope}:${input.scopeId}`]);
      const overrides = input.overrides as PolicyOverrides;
      let problems: string[];
      if (input.scope === PolicyScope.SCHOOL) {
        const school = await m.getRepository(SchoolEntity).findOneBy({ id: input.scopeId });
        if (!school) return { ok: false, problems: ['scopeId: onbekende school (unknown school)'] };
        const swv = await this.latest(PolicyScope.SWV, school.swvId, m);
        problems = resolveAndValidate(swv?.overrides, overrides).problems;
      } else if (input.scope === PolicyScope.SWV) {
        const swv = await m.getRepository(SwvEntity).findOneBy({ id: input.scopeId });
        if (!swv) return { ok: false, problems: ['scopeId: onbekend samenwerkingsverband (unknown SWV)'] };
        problems = resolveAndValidate(overrides).problems;
        if (!problems.length) {
          const schools = await m.getRepository(SchoolEntity).find({ where: { swvId: swv.id }, order: { name: 'ASC' } });
          for (const school of schools) {
            const own = await this.latest(PolicyScope.SCHOOL, school.id, m);
            if (!own) continue;
            const combined = resolveAndValidate(overrides, own.overrides).problems;
            problems.push(...combined.map((p) => `${school.name} (school:${own.version}): ${p}`));
          }
        }
      } else {
        return { ok: false, problems: ['scope: moet SWV of SCHOOL zijn (must be SWV or SCHOOL)'] };
      }
      if (problems.length) return { ok: false, problems };

      const previous = await this.latest(input.scope, input.scopeId, m);
      const repo = m.getRepository(PolicyVersionEntity);
      const version = await repo.save(
        repo.create({
          scope: input.scope,
          scopeId: input.scopeId,
          version: (previous?.version ?? 0) + 1,
          overrides,
          note: input.note?.trim() || null,
          createdBy: input.createdBy ?? null,
        }),
      );
      return { ok: true, version };
    });
  }
}
