import { describeError, redactMessage, redactSql, SafeTypeormLogger } from './safe-log';

describe('redactSql', () => {
  it('replaces every literal by ?, keeps names and placeholders, on one line', () => {
    expect(redactSql(`SELECT * FROM "pupil" p\n  WHERE p.first_name = 'Jan de Vries' AND p.id = $1 AND age > 15 LIMIT 10`)).toBe(
      'SELECT * FROM "pupil" p WHERE p.first_name = ? AND p.id = $1 AND age > ? LIMIT ?',
    );
    expect(redactSql(`INSERT INTO t (a, b) VALUES (E'O\\'Brien', 'it''s'), ($$geheim$$, $x$ook geheim$x$)`)).toBe('INSERT INTO t (a, b) VALUES (?, ?), (?, ?)');
    expect(redactSql('SELECT "IDX_123", t1.col2 FROM t1')).toBe('SELECT "IDX_123", t1.col2 FROM t1');
  });
});

describe('redactMessage', () => {
  it('removes the values PostgreSQL quotes into its messages, keeps the rest', () => {
    expect(redactMessage('invalid input syntax for type uuid: "Jan de Vries"')).toBe('invalid input syntax for type uuid: "…"');
    expect(redactMessage('invalid input value for enum role: "GEHEIM"')).toBe('invalid input value for enum role: "…"');
    expect(redactMessage('duplicate key value violates unique constraint "UQ_user_email"')).toBe('duplicate key value violates unique constraint "UQ_user_email"');
    expect(redactMessage('relation "pupil" does not exist')).toBe('relation "pupil" does not exist');
    expect(redactMessage(`syntax error at or near "Vries"`)).toBe('syntax error at or near "…"');
    expect(redactMessage(`Could not find any entity of type "UserEntity" matching: {\n "email": "jan@voorbeeld.example"\n}`)).not.toContain('jan@');
    expect(redactMessage("value 'Jan' is wrong; BSN 123456789")).toBe("value '…' is wrong; BSN …");
  });
});

describe('describeError', () => {
  it('gives name, SQLSTATE, the redacted message and the stack frames, without the values', () => {
    const error = Object.assign(new Error('invalid input syntax for type uuid: "Noor Aksoy"'), { name: 'QueryFailedError', code: '22P02', parameters: ['Noor Aksoy'], detail: 'Noor Aksoy' });
    const line = describeError(error);
    expect(line).toMatch(/^QueryFailedError \[SQLSTATE 22P02\]: invalid input syntax for type uuid: "…"\n\s+at /);
    expect(line).not.toContain('Noor');
    expect(describeError('a string')).toBe('non-Error thrown (string)');
  });
});

describe('SafeTypeormLogger', () => {
  it('logs a failed statement without its parameters and literals', () => {
    const lines: string[] = [];
    const logger = new SafeTypeormLogger(['error'], (l) => lines.push(l));
    const error = Object.assign(new Error('invalid input syntax for type integer: "Sem de Groot"'), { code: '22P02' });
    (logger as { logQueryError(e: Error, q: string, p: unknown[]): void }).logQueryError(error, `SELECT $1::int, 'Lina Bakker'`, ['Sem de Groot']);
    logger.logQuery(`SELECT 'x'`);
    expect(lines).toEqual(['[db] query failed: Error [SQLSTATE 22P02]: invalid input syntax for type integer: "…" — in: SELECT $1::int, ?']);
  });
});
