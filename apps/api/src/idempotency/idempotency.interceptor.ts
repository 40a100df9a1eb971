import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Observable } from 'rxjs';
import { AppError } from '../common/app-error';
import { assertIdempotencyKey, IDEMPOTENCY_HEADER, runWithIdempotencyScope } from './idempotency-key';

type Req = { headers?: Record<string, string | string[] | undefined> };

/**
 * Reads the standard `Idempotency-Key` HTTP header of a GraphQL mutation request and runs each mutation field with it
 * in scope (AsyncLocalStorage), where CaseStepService, the consent and the admin-action paths pick it up when the
 * mutation has no explicit `idempotencyKey` argument. A malformed header, or a header on an operation with more than
 * one mutation field (one key must name one user action), is refused with BAD_USER_INPUT before anything runs.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation') return next.handle();
    const headerKey = headerKeyOf(gql.getContext<{ req?: Req }>().req);
    if (headerKey !== null) {
      assertIdempotencyKey(headerKey, 'Idempotency-Key');
      if (rootFieldCount(info.operation.selectionSet, info.fragments) > 1) {
        throw new AppError(
          'BAD_USER_INPUT',
          'Ongeldige invoer: een Idempotency-Key hoort bij één mutatie; stuur meerdere mutaties elk in een eigen verzoek met een eigen sleutel',
          'Invalid input: an Idempotency-Key belongs to one mutation; send several mutations each in its own request with its own key',
        );
      }
    }
    return new Observable((subscriber) => runWithIdempotencyScope({ headerKey }, () => next.handle().subscribe(subscriber)));
  }
}

/** The header's value; a repeated header (several values) is kept as one string that fails validation. */
export function headerKeyOf(req: Req | undefined): string | null {
  const raw = req?.headers?.[IDEMPOTENCY_HEADER];
  if (raw === undefined) return null;
  return Array.isArray(raw) ? raw.join(', ') : raw;
}

/** How many fields the operation selects at its root (through fragments; `__typename` does not count). */
export function rootFieldCount(selectionSet: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>): number {
  let count = 0;
  for (const s of selectionSet.selections) {
    if (s.kind === 'Field') count += s.name.value === '__typename' ? 0 : 1;
    else if (s.kind === 'InlineFragment') count += rootFieldCount(s.selectionSet, fragments);
    else {
      const fragment = fragments[s.name.value];
      if (fragment) count += rootFieldCount(fragment.selectionSet, fragments);
    }
  }
  return count;
}
