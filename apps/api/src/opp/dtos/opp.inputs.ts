import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsUUID, Length, Matches } from 'class-validator';
import { OPP_SOURCES, type OppSource } from '@zorgroute/workflows';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const OppSourceEnum = Object.fromEntries(OPP_SOURCES.map((s) => [s, s])) as { [K in OppSource]: K };
registerEnumType(OppSourceEnum, {
  name: 'OppSource',
  description: 'Where the OPP comes from: a zorgplicht decision (TOEGELATEN with an arrangement), an IZO/ZAT decision (ZORGROUTE), an OOV placement, or the zorgcoördinator (DIRECT).',
});

/*
 * The steps of the OPP have no typed mutations: they run through the generic `takeStep` with the fields the step
 * catalogue defines (libs/processes/src/opp/steps.ts), rendered by the admin from `CaseDetail.stepForms`.
 */

@InputType({ description: 'The zorgcoördinator starts an ontwikkelingsperspectiefplan (OPP) for a pupil who receives extra support.' })
export class StartOppInput {
  @Field(() => ID) @IsUUID('all', { message: 'pupilId moet een geldige id zijn' }) pupilId!: string;

  @Field({ description: 'Why the pupil gets extra support (the arrangement).' })
  @Length(10, 2000, { message: 'de reden moet 10 tot 2000 tekens lang zijn' })
  reason!: string;

  @Field(() => OppSourceEnum)
  @IsIn(OPP_SOURCES, { message: `herkomst moet een van ${OPP_SOURCES.join(', ')} zijn` })
  source!: OppSource;

  @Field(() => ID, { nullable: true, description: 'The case of the same pupil the OPP comes from (required unless the source is DIRECT).' })
  @IsOptional()
  @Length(1, 200, { message: 'sourceCaseId is ongeldig' })
  sourceCaseId?: string | null;

  @Field(() => String, { nullable: true, description: 'The day the extra support starts (YYYY-MM-DD); the draw-up term counts from it. Default today.' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'startdatum ondersteuning moet een datum zijn (JJJJ-MM-DD)' })
  supportStartedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: the same key never starts a second case.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'requestKey mag alleen letters, cijfers, - en _ bevatten (max. 64)' })
  requestKey?: string | null;
}
