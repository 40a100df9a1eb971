import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Role } from '@zorgroute/domain';
import '../../auth/models/user.model';

@ObjectType('SchoolRecord', { description: 'A school as the organisation screens manage it: BRIN + vestiging, its holiday region and its SWV.' })
export class SchoolModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) swvId!: string;
  @Field() name!: string;
  @Field() brin!: string;
  @Field() vestiging!: string;
  @Field() region!: string;
  @Field(() => Int, { description: 'Active pupils (not left).' }) pupilCount!: number;
}

@ObjectType('Swv', { description: 'A samenwerkingsverband passend onderwijs and its member schools.' })
export class SwvModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() code!: string;
  @Field(() => [SchoolModel]) schools!: SchoolModel[];
}

@ObjectType('Account', { description: 'A staff, SWV or platform account as the organisation screens show it.' })
export class AccountModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ID, { nullable: true }) schoolId!: string | null;
  @Field(() => ID, { nullable: true }) swvId!: string | null;
  @Field() active!: boolean;
  @Field(() => String, { nullable: true }) deactivatedAt!: string | null;
  @Field(() => String, { nullable: true, description: 'The id in the school administration (imported accounts).' }) sourceId!: string | null;
}

@ObjectType('DeactivatedAccount', { description: 'A deactivated account: its sessions ended, and its open steps to reassign.' })
export class DeactivatedAccountModel {
  @Field(() => AccountModel) account!: AccountModel;
  @Field(() => Int) endedSessions!: number;
  @Field(() => [OpenStepToReassignModel]) openSteps!: OpenStepToReassignModel[];
}

@ObjectType('OpenStepToReassign', { description: 'An open step whose owner left, was deactivated, changed role or is no longer the pupil’s mentor.' })
export class OpenStepToReassignModel {
  @Field(() => ID) caseId!: string;
  @Field() process!: string;
  @Field() step!: string;
  @Field() stepLabel!: string;
  @Field(() => String, { nullable: true }) dueDate!: string | null;
  @Field(() => ID) ownerId!: string;
  @Field() ownerName!: string;
  @Field({ description: 'DEACTIVATED, OTHER_SCHOOL, ROLE_CHANGED or NOT_MENTOR_ANY_MORE.' }) reason!: string;
  @Field({ description: 'The reason in Dutch.' }) reasonLabel!: string;
  @Field({ description: 'The pupil’s first name (school staff and admins only see this list).' }) pupilFirstName!: string;
  @Field(() => String, { nullable: true }) className!: string | null;
}
