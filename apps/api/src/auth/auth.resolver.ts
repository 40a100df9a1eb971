import { Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import { DataSource, In } from 'typeorm';
import { IsEmail, MaxLength, validateSync } from 'class-validator';
import { SchoolEntity, UserEntity } from '@zorgroute/domain';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { LoginRateLimiter } from '../security/login-rate-limiter';
import { AppError } from '../common/app-error';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { AuthPayloadModel, LoginResultModel, UserModel } from './models/user.model';
import { AuthOptionsModel, LogoutResultModel } from './models/auth-options.model';
import { OidcClient } from './oidc/oidc-client';
import { readCookie } from './oidc/oidc-crypto';
import { OidcLoginError, OIDC_ERROR_MESSAGES } from './oidc/oidc-errors';
import { OidcLoginService } from './oidc/oidc-login.service';
import { BINDING_COOKIE, bindingCookieFor } from './oidc/oidc.controller';
import { Public } from './public.decorator';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { DEMO_USER_HINTS } from '../seed/demo-data';

type HttpContext = { req?: Request; res?: Response };

@Resolver(() => UserModel)
export class AuthResolver {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LoginRateLimiter) private readonly limiter: LoginRateLimiter,
    @Inject(OidcClient) private readonly oidc: OidcClient,
    @Inject(OidcLoginService) private readonly oidcLogin: OidcLoginService,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadModel, {
    description: 'Development login for the demo users (only with AUTH_DEV_LOGIN=true, never in production). Sets the session cookie; the token is for API clients.',
  })
  async devLogin(@Args('email') email: string, @Context() ctx: HttpContext): Promise<AuthPayloadModel> {
    this.limiter.hit(ctx.req?.ip, typeof email === 'string' ? email.slice(0, 320) : undefined);
    const check = Object.assign(new DevLoginArgs(), { email });
    if (validateSync(check).length > 0) {
      throw new AppError('BAD_USER_INPUT', 'Vul een geldig e-mailadres in', 'Enter a valid e-mail address');
    }
    const { token, user } = await this.auth.devLogin(email);
    const [model] = await this.toModels([user]);
    setSessionCookie(ctx.res, this.config, token);
    return { token, user: model };
  }

  @Public()
  @Mutation(() => LoginResultModel, {
    description:
      'Finishes an OpenID Connect login: exchanges the one-time code the callback put in the login page URL (#code=…), once, within a minute, only in the browser that started the login (its binding cookie). Sets the session cookie.',
  })
  async completeOidcLogin(@Args('code') code: string, @Context() ctx: HttpContext): Promise<LoginResultModel> {
    const binding = readCookie(ctx.req?.headers.cookie, BINDING_COOKIE);
    try {
      const { token, user } = await this.oidcLogin.complete(typeof code === 'string' ? code : undefined, binding, ctx.req?.ip);
      setSessionCookie(ctx.res, this.config, token);
      const [model] = await this.toModels([user]);
      return { user: model };
    } catch (err) {
      if (!(err instanceof OidcLoginError)) throw err;
      const text = OIDC_ERROR_MESSAGES[err.code];
      // Like devLogin when it is off: FORBIDDEN when there is no OpenID Connect login at all.
      const code = err.code === 'RATE_LIMITED' ? 'RATE_LIMITED' : err.code === 'OIDC_DISABLED' ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      throw new AppError(code, text.nl, text.en, { oidcCode: err.code });
    } finally {
      // The binding cookie has done its work (also when the exchange was refused: the code is burnt).
      if (binding !== null) ctx.res?.append('Set-Cookie', bindingCookieFor(this.config, '', 0));
    }
  }

  @Public()
  @Query(() => [UserModel], { description: 'The demo users, for the development login screen.' })
  async demoUsers(): Promise<UserModel[]> {
    if (!this.config.devLoginEnabled) return [];
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { role: 'ASC', name: 'ASC' } });
    return (await this.toModels(users)).map((u) => ({ ...u, demoHint: DEMO_USER_HINTS[u.email] ?? null }));
  }

  @Public()
  @Query(() => AuthOptionsModel, { description: 'Which logins are offered (for the login page).' })
  authOptions(): AuthOptionsModel {
    const oidcEnabled = this.config.oidc !== null;
    return {
      oidcEnabled,
      devLoginEnabled: this.config.devLoginEnabled,
      oidcLoginUrl: oidcEnabled ? `${this.config.publicApiUrl.replace(/\/$/, '')}/auth/oidc/login` : null,
    };
  }

  @Mutation(() => LogoutResultModel, { description: "Ends the current session: its token is refused from now on. For an OpenID Connect session also returns the provider's logout URL." })
  async logout(@CurrentUser() user: AuthUser, @Context() ctx: HttpContext): Promise<LogoutResultModel> {
    const ended = user.sessionId ? await this.auth.endSession(user.sessionId) : null;
    clearSessionCookie(ctx.res, this.config);
    let providerLogoutUrl: string | null = null;
    if (ended?.method === 'OIDC' && this.config.oidc) {
      // The local session is over either way; an unreachable provider only means no provider logout.
      providerLogoutUrl = await this.oidc.endSessionUrl(ended.idToken).catch(() => null);
    }
    return { ok: ended !== null, providerLogoutUrl };
  }

  @Query(() => UserModel)
  async me(@CurrentUser() user: AuthUser): Promise<UserModel> {
    const entity = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    const [model] = await this.toModels([entity]);
    return model;
  }

  private async toModels(users: UserEntity[]): Promise<UserModel[]> {
    const schoolIds = [...new Set(users.map((u) => u.schoolId).filter((x): x is string => !!x))];
    const schools = schoolIds.length ? await this.dataSource.getRepository(SchoolEntity).findBy({ id: In(schoolIds) }) : [];
    const names = new Map(schools.map((s) => [s.id, s.name]));
    return users.map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role, schoolId: u.schoolId, schoolName: u.schoolId ? (names.get(u.schoolId) ?? null) : null }));
  }
}

class DevLoginArgs {
  @IsEmail()
  @MaxLength(320)
  email!: string;
}
