import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { AuditTrailRepository } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { assertSafeArgs } from './input-guard';

type Req = { user?: AuthUser; zrRequestId?: string };

/** Keys whose values are identifiers (never personal data) and may go into the audit details. */
const ID_KEY = /(^id$|Id$|Ids$|^requestKey$|^scope$|^decision$|^outcome$|^mode$|^kind$|^process$)/;

/**
 * Every GraphQL operation passes the generic input guard first (string lengths, identifier shape);
 * every successful mutation then writes an api-side entry in the hash-chained audit trail: who (user
 * id and role, no name), which operation, when, on which case, the reason where one was given, and
 * the identifiers among the arguments (the case id in `details.caseId`, so the workflow-written case
 * timeline is unchanged) — never free text or other personal data. The event key is
 * `api:<request id>:<operation>`, so a retried append of the same request is stored once.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(@Inject(AuditTrailRepository) private readonly audit: AuditTrailRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const args = gql.getArgs<Record<string, unknown>>();
    assertSafeArgs(args);
    if (info.parentType.name !== 'Mutation') return next.handle();
    const req = gql.getContext<{ req: Req }>().req;
    req.zrRequestId ??= randomUUID();
    const requestId = req.zrRequestId;
    return from(
      (async () => {
        const result: unknown = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await this.record(info.fieldName, requestId, req.user ?? loginUser(result), args, result);
        return result;
      })(),
    );
  }

  private async record(operation: string, requestId: string, user: Pick<AuthUser, 'id' | 'role'> | null, args: Record<string, unknown>, result: unknown): Promise<void> {
    await this.audit.append({
      eventKey: `api:${requestId}:${operation}`,
      // The case goes into details, not case_id: the case timeline (built from case_id) stays the
      // workflow's own story; caseAudit reads both.
      caseId: null,
      at: new Date().toISOString(),
      actorId: user?.id ?? null,
      actorName: user?.role ?? null,
      action: `API_${operation.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`.slice(0, 60),
      description: `Mutatie ${operation} uitgevoerd`.slice(0, 500),
      details: { operation, caseId: caseIdOf(args, result), ids: identifiers(args) },
      reason: reasonOf(args),
    });
  }
}

function loginUser(result: unknown): Pick<AuthUser, 'id' | 'role'> | null {
  const user = (result as { user?: { id?: unknown; role?: unknown } } | null)?.user;
  return typeof user?.id === 'string' && typeof user.role === 'string' ? ({ id: user.id, role: user.role } as Pick<AuthUser, 'id' | 'role'>) : null;
}

function caseIdOf(args: Record<string, unknown>, result: unknown): string | null {
  const input = args.input as Record<string, unknown> | undefined;
  const fromArgs = args.caseId ?? input?.caseId;
  if (typeof fromArgs === 'string') return fromArgs.slice(0, 200);
  const r = result as { id?: unknown; process?: unknown; caseId?: unknown } | null;
  if (r && typeof r.caseId === 'string') return r.caseId;
  if (r && typeof r.id === 'string' && typeof r.process === 'string') return r.id;
  return null;
}

function reasonOf(args: Record<string, unknown>): string | null {
  const input = args.input as Record<string, unknown> | undefined;
  const reason = input?.reason ?? args.reason;
  return typeof reason === 'string' ? reason.slice(0, 1000) : null;
}

/** The identifier-valued arguments (recursively), flattened to `path → value`. */
export function identifiers(value: unknown, path = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (!value || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = path ? `${path}.${k}` : k;
    if (ID_KEY.test(k) && (typeof v === 'string' || typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'string')))) out[p] = v;
    else if (v && typeof v === 'object' && !Array.isArray(v)) identifiers(v, p, out);
  }
  return out;
}
