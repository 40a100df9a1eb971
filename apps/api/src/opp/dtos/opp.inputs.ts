import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Allow, IsOptional, Matches } from 'class-validator';
import { OPP_SOURCES, type OppSource } from '@zorgroute/workflows';

export const OppSourceEnum = Object.fromEntries(OPP_SOURCES.map((s) => [s, s])) as { [K in OppSource]: K };
registerEnumType(OppSourceEnum, {
  name: 'OppSource',
  description: 'Where the OPP comes from: a zorgplicht decision (TOEGELATEN with an arrangement), an IZO/ZAT decision (ZORGROUTE), an OOV placement, or the zorgcoördinator (DIRECT).',
});

@InputType({ description: 'The zorgcoördinator starts an ontwikkelingsperspectiefplan (OPP) for a pupil who receives extra support.' })
export class StartOppInput {
  // The fields, bounds and Dutch messages are defined once, in the start definition of the step catalogue (OPP_START,
  // libs/processes/src/opp/steps.ts), and checked by StartOppUseCase; only the api-only `requestKey` is checked here.
  @Field(() => ID) @Allow() pupilId!: string;
  @Field({ description: 'Why the pupil gets extra support (the arrangement).' }) @Allow() reason!: string;
  @Field(() => OppSourceEnum) @Allow() source!: OppSource;
  @Field(() => ID, { nullable: true, description: 'The case of the same pupil the OPP comes from (required unless the source is DIRECT).' }) @Allow() sourceCaseId?: string | null;
  @Field(() => String, { nullable: true, description: 'The day the extra support starts (YYYY-MM-DD); the draw-up term counts from it. Default today.' })
  @Allow()
  supportStartedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Idempotency key: the same key never starts a second case.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'requestKey mag alleen letters, cijfers, - en _ bevatten (max. 64)' })
  requestKey?: string | null;
}

/*
 * The step inputs below only give API clients typed mutations: what a field means, whether it is required, its bounds
 * and its Dutch messages are defined once, in the step catalogue (libs/processes/src/opp/steps.ts), and checked by
 * CaseStepService and the workflow. apps/api/test/opp.int-spec.ts keeps these field names equal to the catalogue's.
 */

@InputType({ description: 'One line of the handelingsdeel: the support, who gives it, how long (and how often).' })
export class OppSupportLineInput {
  @Field() support!: string;
  @Field() providedBy!: string;
  @Field() duration!: string;
  @Field(() => String, { nullable: true }) frequency?: string | null;
}

@InputType({ description: 'OPP_DRAW_UP / OPP_ADJUST: the content of a version of the OPP (see the step catalogue).' })
export class OppContentInput {
  @Field() onderwijsbehoeften!: string;
  @Field() belemmerendeFactoren!: string;
  @Field() bevorderendeFactoren!: string;
  @Field({ description: 'DAGBESTEDING, ARBEID, MBO_ENTREE, MBO_2, MBO_3_4, HBO or WO.' }) uitstroomperspectief!: string;
  @Field() uitstroomOnderbouwing!: string;
  @Field(() => [OppSupportLineInput]) handelingsdeel!: OppSupportLineInput[];
  @Field(() => String, { nullable: true }) programmeDeviations?: string | null;
  @Field(() => [String], { description: 'Name and function of each author.' }) authors!: string[];
  @Field({ description: 'YYYY-MM-DD: the "op overeenstemming gericht overleg" with the parents, not in the future.' }) parentsConsultedOn!: string;
  @Field(() => String, { nullable: true, description: 'What changed and why (required for OPP_ADJUST).' }) changeReason?: string | null;
}

@InputType({ description: 'OPP_HEAR_PUPIL: the pupil’s view (hoorrecht), or why he was not heard (see the step catalogue).' })
export class OppPupilViewInput {
  @Field({ description: 'HEARD or WAIVED.' }) mode!: string;
  @Field(() => String, { nullable: true }) heardOn?: string | null;
  @Field(() => String, { nullable: true }) pupilView?: string | null;
  @Field(() => String, { nullable: true }) weighing?: string | null;
  @Field(() => Boolean, { nullable: true }) explainedBack?: boolean | null;
  @Field(() => String, { nullable: true }) waiverReason?: string | null;
}

@InputType({ description: 'OPP_REFUSAL_FOLLOW_UP: NEW_VERSION or CLOSE, with a reason (see the step catalogue).' })
export class OppRefusalFollowUpInput {
  @Field() decision!: string;
  @Field() reason!: string;
}

@InputType({ description: 'OPP_EVALUATE (see the step catalogue).' })
export class OppEvaluationInput {
  @Field() heldOn!: string;
  @Field() parentsPresent!: boolean;
  @Field() summary!: string;
  @Field({ description: 'CONTINUE, ADJUST or END.' }) outcome!: string;
}

@InputType({ description: 'OPP_REGISTER_BRON (see the step catalogue).' })
export class OppBronInput {
  @Field() registeredOn!: string;
  @Field(() => String, { nullable: true }) reference?: string | null;
}

@InputType({ description: 'STOP_OPP (see the step catalogue).' })
export class StopOppInput {
  @Field() reason!: string;
}
