import { assertSafeArgs, MAX_TEXT } from './input-guard';

const problem = (args: unknown): string | null => {
  try {
    assertSafeArgs(args);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
};

describe('assertSafeArgs', () => {
  it('refuses any text argument longer than MAX_TEXT, wherever it is', () => {
    expect(problem({ reason: 'x'.repeat(MAX_TEXT) })).toBeNull();
    expect(problem({ reason: 'x'.repeat(MAX_TEXT + 1) })).toBe(`Ongeldige invoer: reason is te lang (maximaal ${MAX_TEXT} tekens)`);
    expect(problem({ input: { content: 'x'.repeat(MAX_TEXT + 1) } })).toBe(`Ongeldige invoer: input.content is te lang (maximaal ${MAX_TEXT} tekens)`);
  });

  it('lets a holiday file of several school years through as the top-level `content`, up to the file reader’s own limit', () => {
    expect(problem({ content: 'x'.repeat(40_000), fileDigest: 'a'.repeat(64) })).toBeNull();
    expect(problem({ content: 'x'.repeat(60_001) })).toBe('Ongeldige invoer: content is te lang (maximaal 60000 tekens)');
  });

  it('refuses control characters, identifiers that are not and dates that do not exist', () => {
    expect(problem({ note: 'a\u0007b' })).toBe('Ongeldige invoer: note bevat ongeldige tekens');
    expect(problem({ caseId: 'a b' })).toBe('Ongeldige invoer: caseId is geen geldige id');
    expect(problem({ date: '2027-02-30' })).toBe('Ongeldige invoer: date is geen bestaande datum');
  });
});
