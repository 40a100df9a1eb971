import { Inject } from '@nestjs/common';
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
import { AuthPayloadModel, UserModel } from './models/user.model';
import { AuthOptionsModel, LogoutResultModel } from './models/auth-options.model';
import { OidcClient } from './oidc/oidc-client';
import { Public } from './public.decorator';

@Resolver(() => UserModel)
export class AuthResolver {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LoginRateLimiter) private readonly limiter: LoginRateLimiter,
    @Inject(OidcClient) private readonly oidc: OidcClient,
  ) {}

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'Development login for the demo users (off in production).' })
  async devLogin(@Args('email') email: string, @Context() ctx: { req?: { ip?: string } }): Promise<AuthPayloadModel> {
    this.limiter.hit(ctx.req?.ip, typeof email === 'string' ? email.slice(0, 320) : undefined);
    const check = Object.assign(new DevLoginArgs(), { email });
    if (validateSync(check).length > 0) {
      throw new AppError('BAD_USER_INPUT', 'Vul een geldig e-mailadres in', 'Enter a valid e-mail address');
    }
    const { token, user } = await this.auth.devLogin(email);
    const [model] = await this.toModels([user]);
    return { token, user: model };
  }

  @Public()
  @Query(() => [UserModel], { description: 'The demo users, for the development login screen.' })
  async demoUsers(): Promise<UserModel[]> {
    if (!this.config.devLoginEnabled) return [];
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { role: 'ASC', name: 'ASC' } });
    return this.toModels(users);
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
  async logout(@CurrentUser() user: AuthUser): Promise<LogoutResultModel> {
    const ended = user.sessionId ? await this.auth.endSession(user.sessionId) : null;
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
