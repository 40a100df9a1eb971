import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { lastValueFrom, of } from 'rxjs';
import { Role } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { stepUpdateOptions } from '../cases/step-update-options';
import { currentHeaderKey, effectiveIdempotencyKey, idempotentUuid, runWithIdempotencyScope, updateIdFor } from './idempotency-key';
import { IdempotencyInterceptor, rootFieldCount } from './idempotency.interceptor';

const user: AuthUser = { id: 'u1', name: 'Marieke Verhoef', email: 'zc@school.test', role: Role.ZORGCOORDINATOR, schoolId: null, swvId: null, pupilId: null };
const KEY = '0b6f3c1e-8f7a-4a5e-9a55-3c1d2e4f5a6b';

function caught(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('no error');
}

describe('idempotency key of a case-changing mutation', () => {
  it('comes from the explicit argument, else the Idempotency-Key header, else none', () => {
    expect(effectiveIdempotencyKey(undefined)).toBeNull();
    runWithIdempotencyScope({ headerKey: `header-${KEY}` }, () => {
      expect(effectiveIdempotencyKey(null)).toBe(`header-${KEY}`);
      expect(effectiveIdempotencyKey(KEY)).toBe(KEY);
      expect(stepUpdateOptions(user, undefined)).toEqual({ updateId: `u1/header-${KEY}` });
      expect(stepUpdateOptions(user, KEY)).toEqual({ updateId: `u1/${KEY}` });
    });
    runWithIdempotencyScope({ headerKey: null }, () => expect(stepUpdateOptions(user, null)).toEqual({}));
  });

  it('keeps the header through awaits of the same request, and not beyond it', async () => {
    const seen = await runWithIdempotencyScope({ headerKey: KEY }, async () => {
      await new Promise((r) => setTimeout(r, 5));
      return currentHeaderKey();
    });
    expect(seen).toBe(KEY);
    expect(currentHeaderKey()).toBeNull();
  });

  it('refuses a malformed argument or header with BAD_USER_INPUT and a Dutch message naming it', () => {
    const arg = caught(() => effectiveIdempotencyKey('kort'));
    expect(arg).toBeInstanceOf(AppError);
    expect(arg.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(arg.message).toBe('Ongeldige invoer: idempotencyKey moet 8 tot 100 tekens zijn (letters, cijfers, . _ : -)');
    for (const bad of ['kort', 'x'.repeat(101), 'met spatie erin', 'a/b/c/d/e/f', `${KEY}, ${KEY}`]) {
      const header = caught(() => runWithIdempotencyScope({ headerKey: bad }, () => effectiveIdempotencyKey(undefined)));
      expect(header.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(header.message).toMatch(/^Ongeldige invoer: Idempotency-Key moet/);
    }
  });

  it('scopes the update id to the user', () => {
    expect(updateIdFor('u1', KEY)).toBe(`u1/${KEY}`);
    expect(updateIdFor('u2', KEY)).not.toBe(updateIdFor('u1', KEY));
    expect(updateIdFor('u1', null)).toBeUndefined();
  });

  it('derives the same valid UUID for the same purpose, user and key, and another one otherwise', () => {
    const id = idempotentUuid('aanmelding-pupil', 'u1', KEY);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(idempotentUuid('aanmelding-pupil', 'u1', KEY)).toBe(id);
    expect(idempotentUuid('aanmelding-pupil', 'u2', KEY)).not.toBe(id);
    expect(idempotentUuid('other', 'u1', KEY)).not.toBe(id);
  });
});

describe('IdempotencyInterceptor', () => {
  const doc = (source: string) => {
    const d = parse(source);
    const operation = d.definitions.find((x) => x.kind === 'OperationDefinition') as OperationDefinitionNode;
    const fragments = Object.fromEntries(d.definitions.filter((x): x is FragmentDefinitionNode => x.kind === 'FragmentDefinition').map((f) => [f.name.value, f]));
    return { operation, fragments };
  };

  function context(source: string, parentType: string, headers: Record<string, string | string[]>): ExecutionContextHost {
    const { operation, fragments } = doc(source);
    const info = { operation, fragments, parentType: { name: parentType }, fieldName: 'x' };
    const host = new ExecutionContextHost([{}, {}, { req: { headers } }, info]);
    host.setType('graphql');
    return host;
  }

  const run = (ctx: ExecutionContextHost) => lastValueFrom(new IdempotencyInterceptor().intercept(ctx, { handle: () => of(currentHeaderKey()) }));

  it('counts the root fields of an operation (through fragments, without __typename)', () => {
    const one = doc('mutation { a(x: 1) { id } __typename }');
    expect(rootFieldCount(one.operation.selectionSet, one.fragments)).toBe(1);
    const two = doc('mutation { a { id } ...F } fragment F on Mutation { b { id } }');
    expect(rootFieldCount(two.operation.selectionSet, two.fragments)).toBe(2);
    const inline = doc('mutation { ... on Mutation { a { id } b { id } } }');
    expect(rootFieldCount(inline.operation.selectionSet, inline.fragments)).toBe(2);
  });

  it('runs a mutation with its header in scope', async () => {
    expect(await run(context('mutation { a { id } }', 'Mutation', { 'idempotency-key': KEY }))).toBe(KEY);
    expect(await run(context('mutation { a { id } }', 'Mutation', {}))).toBeNull();
    expect(await run(context('query { a { id } }', 'Query', { 'idempotency-key': 'kort' }))).toBeNull();
  });

  it('refuses a malformed or repeated header and one header on several mutations', () => {
    const malformed = caught(() => new IdempotencyInterceptor().intercept(context('mutation { a { id } }', 'Mutation', { 'idempotency-key': 'kort' }), { handle: () => of(null) }));
    expect(malformed.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const repeated = caught(() => new IdempotencyInterceptor().intercept(context('mutation { a { id } }', 'Mutation', { 'idempotency-key': [KEY, KEY] }), { handle: () => of(null) }));
    expect(repeated.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const several = caught(() => new IdempotencyInterceptor().intercept(context('mutation { a { id } b { id } }', 'Mutation', { 'idempotency-key': KEY }), { handle: () => of(null) }));
    expect(several.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(several.message).toMatch(/één mutatie/);
  });
});
