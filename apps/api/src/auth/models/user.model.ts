import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ProcessType, Role } from '@zorgroute/domain';

registerEnumType(Role, { name: 'Role' });
registerEnumType(ProcessType, { name: 'ProcessType' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => Role) role!: Role;
  @Field(() => ID, { nullable: true }) schoolId!: string | null;
  @Field(() => String, { nullable: true }) schoolName!: string | null;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field() token!: string;
  @Field(() => UserModel) user!: UserModel;
}
