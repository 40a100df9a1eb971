import { Role } from '@zorgroute/domain';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { stepUpdateOptions } from './step-update-options';

const user = (id: string): AuthUser => ({ id, name: 'Marieke Verhoef', email: 'zc@school.test', role: Role.ZORGCOORDINATOR, schoolId: null, swvId: null, pupilId: null });

describe('stepUpdateOptions (idempotency key of a step mutation)', () => {
  it('without a key: no update id (Temporal picks a fresh one, a retry is a new request)', () => {
    expect(stepUpdateOptions(user('u1'), undefined)).toEqual({});
    expect(stepUpdateOptions(user('u1'), null)).toEqual({});
  });

  it('with a key: a deterministic update id scoped to the caller', () => {
    const key = '0b6f3c1e-8f7a-4a5e-9a55-3c1d2e4f5a6b';
    expect(stepUpdateOptions(user('u1'), key)).toEqual({ updateId: `u1/${key}` });
    expect(stepUpdateOptions(user('u1'), key)).toEqual(stepUpdateOptions(user('u1'), key));
    expect(stepUpdateOptions(user('u2'), key).updateId).not.toBe(stepUpdateOptions(user('u1'), key).updateId);
  });

  it('refuses a key that is too short, too long or has other characters, with a Dutch message', () => {
    for (const bad of ['kort', 'x'.repeat(101), 'met spatie erin', 'a/b/c/d/e/f']) {
      let error: unknown;
      try {
        stepUpdateOptions(user('u1'), bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((error as AppError).message).toMatch(/idempotencyKey/);
    }
  });
});
