import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PupilEntity, type CaseSummaryEntity } from '@zorgroute/domain';
import { ZORGROUTE_STEPS } from '@zorgroute/processes';
import type { StepInputCompleter } from '../../cases/step-input-completer';

/**
 * An IZO decision that starts JOS (P3) names the pupil's mentor, who fills in the JOS form: the api takes him from the
 * pupil record when the discussion is recorded (RECORD_IZO); no caller sets him. Decisions without JOS are left as
 * they are.
 */
@Injectable()
export class IzoJosMentorCompleter implements StepInputCompleter {
  readonly step = ZORGROUTE_STEPS.RECORD_IZO;

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async complete(row: CaseSummaryEntity, value: Record<string, unknown>): Promise<Record<string, unknown>> {
    const decisions = Array.isArray(value.decisions) ? (value.decisions as Record<string, unknown>[]) : [];
    if (!decisions.some((d) => d.startProcess === 'JOS')) return value;
    const pupil = await this.dataSource.getRepository(PupilEntity).findOneBy({ id: row.pupilId });
    const mentorId = pupil?.mentorId ?? null;
    return { ...value, decisions: decisions.map((d) => (d.startProcess === 'JOS' ? { ...d, mentorId } : d)) };
  }
}
