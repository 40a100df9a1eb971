import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('AuthOptions', { description: 'Which logins the api offers (public).' })
export class AuthOptionsModel {
  @Field({ description: 'OpenID Connect login ("Inloggen met schoolaccount") is configured.' }) oidcEnabled!: boolean;
  @Field({ description: 'The development login (devLogin, demoUsers) is on.' }) devLoginEnabled!: boolean;
  @Field(() => String, { nullable: true, description: 'Where the browser starts an OpenID Connect login.' }) oidcLoginUrl!: string | null;
}

@ObjectType('LogoutResult')
export class LogoutResultModel {
  @Field({ description: 'The session was ended (false when it had already ended).' }) ok!: boolean;
  @Field(() => String, { nullable: true, description: "The provider's logout URL (RP-initiated logout) for an OpenID Connect session." })
  providerLogoutUrl!: string | null;
}
