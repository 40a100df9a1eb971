import { Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsEmail, MaxLength, validateSync } from 'class-validator';
import { SchoolEntity, type UserEntity } from '@zorgroute/domain';
import { DataSource, In } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app.config';
import { AppError } from '../../common/app-error';
import { LoginResultModel, type UserModel } from '../models/user.model';
import { Public } from '../public.decorator';
import { setSessionCookie } from '../session-cookie';
import { EmailCodeService } from './email-code.service';
import { FamilyLoginResultModel, LoginInvitationModel, LoginInvitationStatusModel } from './family-login.models';
import { InvitationService } from './invitation.service';
import { PasskeyService } from './passkey.service';

type HttpContext = { req?: Request; res?: Response };

const MAX_RESPONSE_LENGTH = 8000;

/**
 * The logins of parents/guardians and pupils without a school account (all public; docs/security.md): the invitation
 * page (status, renewal, accepting with or without a passkey), the passkey login and the e-mail code. Thin: the work is
 * in InvitationService, PasskeyService and EmailCodeService.
 */
@Resolver()
export class FamilyLoginResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(InvitationService) private readonly invitations: InvitationService,
    @Inject(PasskeyService) private readonly passkeys: PasskeyService,
    @Inject(EmailCodeService) private readonly codes: EmailCodeService,
  ) {}

  @Public()
  @Query(() => LoginInvitationModel, { description: 'Whether an invitation link still works (and for whom), or why not: expired, used or unknown.' })
  async loginInvitation(@Args('token') token: string): Promise<LoginInvitationModel> {
    const info = await this.invitations.info(str(token, 100));
    return { status: info.status as LoginInvitationStatusModel, name: info.name, schoolName: info.schoolName };
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Sends a new invitation to the address the given one went to (after it expired or was used). Always true: the answer does not say whether the link was known or an e-mail was sent.',
  })
  async renewLoginInvitation(@Args('token') token: string, @Context() ctx: HttpContext): Promise<boolean> {
    await this.invitations.renew(str(token, 100), ctx.req?.ip);
    return true;
  }

  @Public()
  @Mutation(() => String, { description: 'Starts registering a passkey with a valid invitation: the options for navigator.credentials.create, as JSON.' })
  startPasskeyRegistration(@Args('token') token: string, @Context() ctx: HttpContext): Promise<string> {
    return this.passkeys.registrationOptions(str(token, 100) ?? '', ctx.req?.ip);
  }

  @Public()
  @Mutation(() => FamilyLoginResultModel, { description: 'Finishes the passkey registration (the browser’s answer as JSON): uses the invitation once, starts the session (cookie).' })
  async finishPasskeyRegistration(@Args('token') token: string, @Args('response') response: string, @Context() ctx: HttpContext): Promise<FamilyLoginResultModel> {
    const done = await this.passkeys.register(str(token, 100) ?? '', json(response), ctx.req?.ip);
    setSessionCookie(ctx.res, this.config, done.token);
    return { user: await this.toModel(done.user), returnPath: done.returnPath };
  }

  @Public()
  @Mutation(() => FamilyLoginResultModel, { description: 'Accepts a valid invitation without a passkey: later logins use an e-mail code. Uses the invitation once, starts the session (cookie).' })
  async acceptLoginInvitation(@Args('token') token: string, @Context() ctx: HttpContext): Promise<FamilyLoginResultModel> {
    const done = await this.invitations.acceptWithoutPasskey(str(token, 100) ?? '');
    setSessionCookie(ctx.res, this.config, done.token);
    return { user: await this.toModel(done.user), returnPath: done.returnPath };
  }

  @Public()
  @Mutation(() => String, { description: 'Starts a passkey login: the options for navigator.credentials.get, as JSON (no user name asked).' })
  startPasskeyLogin(@Context() ctx: HttpContext): Promise<string> {
    return this.passkeys.loginOptions(ctx.req?.ip);
  }

  @Public()
  @Mutation(() => LoginResultModel, { description: 'Finishes a passkey login (the browser’s answer as JSON) and starts the session (cookie).' })
  async finishPasskeyLogin(@Args('response') response: string, @Context() ctx: HttpContext): Promise<LoginResultModel> {
    const done = await this.passkeys.login(json(response), ctx.req?.ip);
    setSessionCookie(ctx.res, this.config, done.token);
    return { user: await this.toModel(done.user) };
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Sends a one-time login code to this address when it belongs to a parent or pupil with a login. Always true: the answer is the same for every address.',
  })
  async requestEmailLoginCode(@Args('email') email: string, @Context() ctx: HttpContext): Promise<boolean> {
    await this.codes.request(validEmail(email), ctx.req?.ip);
    return true;
  }

  @Public()
  @Mutation(() => LoginResultModel, { description: 'Logs in with the e-mailed code (once, within its minutes, at most five tries) and starts the session (cookie).' })
  async verifyEmailLoginCode(@Args('email') email: string, @Args('code') code: string, @Context() ctx: HttpContext): Promise<LoginResultModel> {
    const done = await this.codes.verify(validEmail(email), str(code, 20) ?? '', ctx.req?.ip);
    setSessionCookie(ctx.res, this.config, done.token);
    return { user: await this.toModel(done.user) };
  }

  private async toModel(u: UserEntity): Promise<UserModel> {
    const school = u.schoolId ? await this.dataSource.getRepository(SchoolEntity).findOneBy({ id: In([u.schoolId]) }) : null;
    return { id: u.id, name: u.name, email: u.email, role: u.role, schoolId: u.schoolId, schoolName: school?.name ?? null };
  }
}

class EmailArgs {
  @IsEmail()
  @MaxLength(320)
  email!: string;
}

function validEmail(email: unknown): string {
  const check = Object.assign(new EmailArgs(), { email: typeof email === 'string' ? email.trim() : email });
  if (validateSync(check).length > 0) throw new AppError('BAD_USER_INPUT', 'Vul een geldig e-mailadres in', 'Enter a valid e-mail address');
  return check.email;
}

function str(value: unknown, max: number): string | undefined {
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

function json(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_RESPONSE_LENGTH) throw new AppError('BAD_USER_INPUT', 'Het antwoord van de passkey is onleesbaar', 'The passkey response cannot be read');
  return value;
}
