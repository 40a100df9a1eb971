import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsString, Length } from 'class-validator';

export enum GuardianLoginState {
  /** Has logged in (accepted an invitation). */
  ACTIVE = 'ACTIVE',
  /** An invitation is on its way and still works. */
  INVITED = 'INVITED',
  /** Invited, but the last invitation expired unused. */
  INVITATION_EXPIRED = 'INVITATION_EXPIRED',
  /** Never invited. */
  NONE = 'NONE',
}
registerEnumType(GuardianLoginState, { name: 'GuardianLoginState' });

@ObjectType('Guardian', { description: 'A parent/guardian of a pupil (or the pupil’s own account), with custody and login state.' })
export class GuardianModel {
  @Field(() => ID) userId!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field({ description: '"ouder", "voogd", … for a guardian; "leerling" for the pupil’s own account.' }) relation!: string;
  @Field({ description: 'Holds parental authority (gezag); only then does the guardian answer consent requests.' }) hasParentalAuthority!: boolean;
  @Field(() => GuardianLoginState) login!: GuardianLoginState;
  @Field(() => Int, { description: 'Registered passkeys.' }) passkeys!: number;
  @Field(() => Date, { nullable: true, description: 'Until when the latest unused invitation works.' }) invitationExpiresAt!: Date | null;
}

@ObjectType('PupilCustody', { description: 'Custody (gezag) of a pupil: whether the parents disagree, and the guardians.' })
export class PupilCustodyModel {
  @Field(() => ID) pupilId!: string;
  @Field({ description: 'The parents disagree: a consent request then needs every guardian with parental authority.' }) parentsDisagree!: boolean;
  @Field(() => [GuardianModel]) guardians!: GuardianModel[];
  @Field(() => GuardianModel, { nullable: true, description: 'The pupil’s own account, if he has one.' }) pupilAccount!: GuardianModel | null;
}

@InputType()
export class SetParentsDisagreeInput {
  @Field() @IsBoolean({ message: 'ouders oneens moet waar of onwaar zijn' }) parentsDisagree!: boolean;
  @Field() @IsString() @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' }) reason!: string;
}

@InputType()
export class SetParentalAuthorityInput {
  @Field() @IsBoolean({ message: 'gezag moet waar of onwaar zijn' }) hasParentalAuthority!: boolean;
  @Field() @IsString() @Length(3, 1000, { message: 'reden moet 3 tot 1000 tekens lang zijn' }) reason!: string;
}
