import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ADMIN_REASON_MAX, ADMIN_REASON_MIN } from '@zorgroute/workflows';

const REASON_MESSAGE = `reden is verplicht (${ADMIN_REASON_MIN} tot ${ADMIN_REASON_MAX} tekens)`;

@InputType({ description: 'Extend the due date of the open human step of a case (the reminder ladder restarts from it).' })
export class AdminExtendDueDateInput {
  @Field({ description: 'YYYY-MM-DD, later than the current due date.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'nieuwe termijn moet een datum zijn (JJJJ-MM-DD)' })
  newDueDate!: string;

  @Field() @IsString({ message: REASON_MESSAGE }) @Length(ADMIN_REASON_MIN, ADMIN_REASON_MAX, { message: REASON_MESSAGE }) reason!: string;
}

@InputType({ description: 'Give the open human step of a case another owner (reminders go to the new owner).' })
export class AdminReassignStepInput {
  @Field(() => ID) @IsUUID('all', { message: 'nieuwe eigenaar moet een geldige id zijn' }) newOwnerId!: string;

  @Field() @IsString({ message: REASON_MESSAGE }) @Length(ADMIN_REASON_MIN, ADMIN_REASON_MAX, { message: REASON_MESSAGE }) reason!: string;
}

@InputType({ description: 'Send a message of the case that failed (or may not have arrived) once more, under a new key.' })
export class AdminResendInput {
  @Field({ description: 'The delivery key from the delivery log.' }) @IsString() @Length(1, 400, { message: 'bericht is verplicht' }) deliveryKey!: string;

  @Field() @IsString({ message: REASON_MESSAGE }) @Length(ADMIN_REASON_MIN, ADMIN_REASON_MAX, { message: REASON_MESSAGE }) reason!: string;

  @Field(() => Boolean, { nullable: true, description: 'Also re-send a message that was sent (default false).' })
  @IsOptional()
  @IsBoolean()
  force?: boolean | null;
}

@InputType({ description: 'Close a case by the admin (status GESLOTEN_DOOR_BEHEER).' })
export class AdminCloseCaseInput {
  @Field() @IsString({ message: REASON_MESSAGE }) @Length(ADMIN_REASON_MIN, ADMIN_REASON_MAX, { message: REASON_MESSAGE }) reason!: string;
}

/** At most this many cases in one bulk reassignment. */
export const BULK_REASSIGN_MAX = 100;

@InputType({ description: 'Give the open steps of several cases another owner, each through the case’s own admin update (one audit entry per case, with the reason).' })
export class ReassignOpenStepsInput {
  @Field(() => [ID])
  @IsArray({ message: 'kies ten minste één casus' })
  @ArrayMinSize(1, { message: 'kies ten minste één casus' })
  @ArrayMaxSize(BULK_REASSIGN_MAX, { message: `kies hoogstens ${BULK_REASSIGN_MAX} casussen tegelijk` })
  @ArrayUnique({ message: 'elke casus hoogstens één keer' })
  @IsString({ each: true, message: 'casus moet een geldige id zijn' })
  @Length(1, 260, { each: true, message: 'casus moet een geldige id zijn' })
  @Matches(/^[A-Za-z0-9:_.-]+$/, { each: true, message: 'casus moet een geldige id zijn' })
  caseIds!: string[];

  @Field(() => ID) @IsUUID('all', { message: 'nieuwe eigenaar moet een geldige id zijn' }) newOwnerId!: string;

  @Field() @IsString({ message: REASON_MESSAGE }) @Length(ADMIN_REASON_MIN, ADMIN_REASON_MAX, { message: REASON_MESSAGE }) reason!: string;
}
