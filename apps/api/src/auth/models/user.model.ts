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
  @Field(() => String, { nullable: true, description: 'What to try first as this demo user (only in demoUsers, for the demo login page).' })
  demoHint?: string | null;
}

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field({ description: 'The access token, for API clients (Authorization: Bearer). Browsers use the session cookie set with the answer.' }) token!: string;
  @Field(() => UserModel) user!: UserModel;
}

@ObjectType('LoginResult', { description: 'A started browser session: the access token is only in the httpOnly session cookie.' })
export class LoginResultModel {
  @Field(() => UserModel) user!: UserModel;
}
