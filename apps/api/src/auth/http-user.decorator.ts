import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthUser } from './auth-user';

/** The authenticated user of a REST request (set by the global AuthGuard). */
export const HttpUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user?: AuthUser }>().user as AuthUser;
});
