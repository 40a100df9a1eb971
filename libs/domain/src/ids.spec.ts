import { isUuid } from './ids';

describe('isUuid', () => {
  it('accepts a random (version 4) UUID, in lower and upper case', () => {
    expect(isUuid('0b6f3c1e-8f7a-4a5e-9a55-3c1d2e4f5a6b')).toBe(true);
    expect(isUuid('0B6F3C1E-8F7A-4A5E-9A55-3C1D2E4F5A6B')).toBe(true);
  });

  it('accepts any version and variant, the nil and the max UUID (what a uuid column holds)', () => {
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(isUuid('ffffffff-ffff-ffff-ffff-ffffffffffff')).toBe(true);
    expect(isUuid('11111111-1111-1111-1111-111111111111')).toBe(true);
    expect(isUuid('0b6f3c1e-8f7a-0a5e-ca55-3c1d2e4f5a6b')).toBe(true);
  });

  it('refuses strings of another shape', () => {
    for (const s of ['', 'abc', 'BUILTIN_OVERDUE', '0b6f3c1e8f7a4a5e9a553c1d2e4f5a6b', '{0b6f3c1e-8f7a-4a5e-9a55-3c1d2e4f5a6b}', ' 0b6f3c1e-8f7a-4a5e-9a55-3c1d2e4f5a6b', '0b6f3c1e-8f7a-4a5e-9a55-3c1d2e4f5a6b\n', '0b6f3c1e-8f7a-4a5e-9a55-3c1d2e4f5a6g', '0b6f3c1e-8f7a-4a5e-9a55-3c1d2e4f5a6']) {
      expect(isUuid(s)).toBe(false);
    }
  });

  it('refuses values that are not strings', () => {
    for (const v of [undefined, null, 42, true, {}, ['0b6f3c1e-8f7a-4a5e-9a55-3c1d2e4f5a6b'], { toString: () => '0b6f3c1e-8f7a-4a5e-9a55-3c1d2e4f5a6b' }]) {
      expect(isUuid(v)).toBe(false);
    }
  });
});
