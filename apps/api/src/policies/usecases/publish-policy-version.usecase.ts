import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PolicyVersionRepository } from '@zorgroute/domain';
import type { AuthUser } from '../../auth/auth-user';
import { AppError } from '../../common/app-error';
import { validateOrThrow } from '../../common/validate';
import { PublishPolicyVersionInput } from '../dtos/policy.inputs';
import type { PolicyVersionModel } from '../models/policy.model';
import { PoliciesService } from '../policies.service';
import { SchoolSettingsAccess } from '../school-settings.access';

/**
 * Publishes a new policy version of an SWV (admin) or a school (its zorgcoördinator or an admin). The overrides are
 * checked for unknown settings and wrong types and the resulting effective policy of every affected school against
 * `validatePolicies`; every problem is listed and nothing is written when there is one. Running cases keep the
 * policy they snapshotted; cases started from now on use the new version.
 */
@Injectable()
export class PublishPolicyVersionUseCase {
  private readonly repo: PolicyVersionRepository;

  constructor(
    @Inject(DataSource) dataSource: DataSource,
    @Inject(SchoolSettingsAccess) private readonly access: SchoolSettingsAccess,
    @Inject(PoliciesService) private readonly policies: PoliciesService,
  ) {
    this.repo = new PolicyVersionRepository(dataSource);
  }

  async execute(user: AuthUser, raw: PublishPolicyVersionInput): Promise<PolicyVersionModel> {
    const input = validateOrThrow(PublishPolicyVersionInput, raw);
    await this.access.assertMayPublish(user, input.scope, input.scopeId);
    let overrides: unknown;
    try {
      overrides = JSON.parse(input.overrides);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new AppError('BAD_USER_INPUT', `Ongeldig beleid: overrides is geen geldige JSON (${why})`, `Invalid policy: overrides is not valid JSON (${why})`, { problems: [`overrides: geen geldige JSON (not valid JSON): ${why}`] });
    }
    // The ZAT dates are meetings now (issue 17.8: the Overleggen screen), one source; a policy no longer sets them.
    const zorgroute = overrides && typeof overrides === 'object' ? (overrides as { zorgroute?: unknown }).zorgroute : undefined;
    if (zorgroute && typeof zorgroute === 'object' && 'zatMeetingDates' in zorgroute) {
      throw new AppError(
        'BAD_USER_INPUT',
        'Ongeldig beleid, er is niets opgeslagen: de ZAT-data staan niet in het beleid; plan ze als ZAT-overleg op het scherm Overleggen',
        'Invalid policy, nothing was saved: ZAT dates are not policy settings; plan them as ZAT meetings on the Overleggen screen',
        { problems: ['zorgroute.zatMeetingDates: plan ZAT-data op het scherm Overleggen (plan ZAT meetings on the Overleggen screen)'] },
      );
    }
    const result = await this.repo.publish({ scope: input.scope, scopeId: input.scopeId, overrides, note: input.note ?? null, createdBy: user.id });
    if (!result.ok) {
      const n = result.problems.length;
      throw new AppError(
        'BAD_USER_INPUT',
        `Ongeldig beleid (${n} ${n === 1 ? 'probleem' : 'problemen'}), er is niets opgeslagen: ${result.problems.join('; ')}`,
        `Invalid policy (${n} ${n === 1 ? 'problem' : 'problems'}), nothing was saved: ${result.problems.join('; ')}`,
        { problems: result.problems },
      );
    }
    const [model] = await this.policies.toModels([result.version]);
    return model;
  }
}
