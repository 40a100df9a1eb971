import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError } from '../common/app-error';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from './public.decorator';

type Req = { headers: Record<string, string | string[] | undefined>; user?: AuthUser };

/** Global guard: every operation needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req: Req =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<{ req: Req }>().req
        : context.switchToHttp().getRequest<Req>();
    const header = req.headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    const token = value?.startsWith('Bearer ') ? value.slice(7) : undefined;
    if (!token) throw new AppError('UNAUTHENTICATED', 'U bent niet ingelogd', 'You are not logged in');
    req.user = await this.auth.authenticate(token);
    return true;
  }
}
