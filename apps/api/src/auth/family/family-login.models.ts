import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { UserModel } from '../models/user.model';

export enum LoginInvitationStatusModel {
  VALID = 'VALID',
  EXPIRED = 'EXPIRED',
  USED = 'USED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(LoginInvitationStatusModel, { name: 'LoginInvitationStatus' });

@ObjectType('LoginInvitation', { description: 'What the invitation page may know of an invitation link (public).' })
export class LoginInvitationModel {
  @Field(() => LoginInvitationStatusModel) status!: LoginInvitationStatusModel;
  @Field(() => String, { nullable: true, description: 'The invitee (only while the link works).' }) name!: string | null;
  @Field(() => String, { nullable: true }) schoolName!: string | null;
}

@ObjectType('FamilyLoginResult', { description: 'A started session of a parent or pupil (the token is only in the session cookie).' })
export class FamilyLoginResultModel {
  @Field(() => UserModel) user!: UserModel;
  @Field(() => String, { nullable: true, description: 'The page to open now (a path of the app; e.g. the case of a consent request).' })
  returnPath!: string | null;
}
