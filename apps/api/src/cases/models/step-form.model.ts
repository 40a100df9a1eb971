import { Field, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { ResolvedField } from '@zorgroute/processes';

/**
 * The form of a step the case offers now, from the step catalogue (libs/processes): the admin's generic step dialog
 * renders it; `takeStep` takes it. Bounds that come from the school's policy are resolved to the case's own numbers.
 */
@ObjectType('StepForm')
export class StepFormModel {
  @Field({ description: 'Machine name of the step, e.g. RECORD_INTAKE (the `step` of takeStep).' }) step!: string;
  @Field({ description: 'Dutch name of the step.' }) label!: string;
  @Field({ description: 'Title of the form.' }) title!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field() submitLabel!: string;
  @Field({ description: 'Someone waits for this step (an open step); false for a step that may be taken any time, e.g. stop.' }) open!: boolean;
  @Field({ description: 'Whether the caller may take it (the api refuses anyone else with FORBIDDEN).' }) mayTake!: boolean;
  @Field({ description: 'Dutch: who may take it.' }) whoLabel!: string;
  @Field(() => GraphQLJSON, { description: 'The fields (name, kind, label, helper, required, showIf, bounds, options, nested fields) as the catalogue defines them.' })
  fields!: ResolvedField[];
}
