import { Inject, Injectable } from '@nestjs/common';
import type { CaseSummaryEntity } from '@zorgroute/domain';
import { consentTimeoutKind, type StepDefinition } from '@zorgroute/processes';
import type { StepInputCompleter } from '../cases/step-input-completer';
import { AppError } from '../common/app-error';
import { ConsentsService } from './consents.service';

/**
 * The decision after a consent request timed out (`DECIDE_CONSENT_<kind>`, taken with `takeStep` like any step) is
 * about the case's latest timed-out request of that kind: the api adds its id; no caller names it. The workflow's
 * ConsentDesk checks again that it waits for a decision on that request.
 */
@Injectable()
export class ConsentTimeoutCompleter implements StepInputCompleter {
  readonly step = { matches: (step: StepDefinition) => consentTimeoutKind(step.name) !== null };

  constructor(@Inject(ConsentsService) private readonly consents: ConsentsService) {}

  async complete(row: CaseSummaryEntity, value: Record<string, unknown>, step: StepDefinition): Promise<Record<string, unknown>> {
    const kind = consentTimeoutKind(step.name);
    // Oldest first: the last one is the latest request of that kind.
    const request = (await this.consents.forCase(row.id)).filter((r) => r.kind === kind && r.status === 'TIMED_OUT').at(-1);
    if (!request) throw new AppError('STEP_NOT_ALLOWED', 'Er wordt nu geen beslissing over een verlopen toestemmingsverzoek gevraagd', 'No decision on an expired consent request is asked for now');
    return { ...value, requestId: request.id };
  }
}
