import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthUser } from './auth-user';

/** The authenticated user of a GraphQL operation (set by AuthGuard). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const ctx = GqlExecutionContext.create(context).getContext<{ req: { user?: AuthUser } }>();
  return ctx.req.user as AuthUser;
});
