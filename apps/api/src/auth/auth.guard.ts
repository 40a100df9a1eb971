import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError } from '../common/app-error';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';
import { requestToken } from './session-cookie';

type Req = { headers: Record<string, string | string[] | undefined>; user?: AuthUser };

/** Global guard: every operation needs a valid session (bearer token, or the browser's session cookie) unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req: Req =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<{ req: Req }>().req
        : context.switchToHttp().getRequest<Req>();
    const token = requestToken(req.headers, this.config);
    if (!token) throw new AppError('UNAUTHENTICATED', 'U bent niet ingelogd', 'You are not logged in');
    req.user = await this.auth.authenticate(token);
    return true;
  }
}
