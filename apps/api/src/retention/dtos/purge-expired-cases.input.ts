import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ADMIN_REASON_MAX, ADMIN_REASON_MIN } from '@zorgroute/workflows';

const REASON_MESSAGE = `reden is verplicht (${ADMIN_REASON_MIN} tot ${ADMIN_REASON_MAX} tekens)`;

@InputType({ description: 'Run the retention policy now: close inactive cases and purge closed cases past their retention period.' })
export class PurgeExpiredCasesInput {
  @Field() @IsString({ message: REASON_MESSAGE }) @Length(ADMIN_REASON_MIN, ADMIN_REASON_MAX, { message: REASON_MESSAGE }) reason!: string;

  @Field(() => ID, { nullable: true, description: 'Only this school (default: every school).' })
  @IsOptional()
  @IsUUID('all', { message: 'school moet een geldige id zijn' })
  schoolId?: string | null;
}
