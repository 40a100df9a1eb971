import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@zorgroute/domain';
// Registers the Role enum with GraphQL.
import '../../auth/models/user.model';

@ObjectType('StaffMember', { description: 'A staff member of a school, to choose as owner of a step (coach, mentor, JOS worker, …).' })
export class StaffMemberModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ID) schoolId!: string;
}
