import { bindingCookie, pkceChallengeS256, randomToken, readCookie, sameHex, sha256Hex } from './oidc-crypto';

describe('oidc-crypto', () => {
  it('computes the PKCE S256 challenge of RFC 7636 appendix B', () => {
    expect(pkceChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('refuses a code_verifier outside the RFC 7636 alphabet or length', () => {
    expect(() => pkceChallengeS256('short')).toThrow();
    expect(() => pkceChallengeS256(`${'a'.repeat(42)}!`)).toThrow();
    expect(() => pkceChallengeS256('a'.repeat(129))).toThrow();
  });

  it('makes URL-safe random tokens that are valid verifiers', () => {
    const a = randomToken(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken(32)).not.toBe(a);
    expect(() => pkceChallengeS256(randomToken(48))).not.toThrow();
  });

  it('compares digests in constant time', () => {
    expect(sameHex(sha256Hex('a'), sha256Hex('a'))).toBe(true);
    expect(sameHex(sha256Hex('a'), sha256Hex('b'))).toBe(false);
    expect(sameHex('', '')).toBe(false);
  });

  it('reads and writes the binding cookie', () => {
    expect(readCookie('a=1; zr_oidc_binding=abc; b=2', 'zr_oidc_binding')).toBe('abc');
    expect(readCookie(undefined, 'x')).toBeNull();
    const set = bindingCookie('zr_oidc_binding', 'abc', { path: '/auth/oidc', maxAgeSeconds: 600, secure: true });
    expect(set).toBe('zr_oidc_binding=abc; Path=/auth/oidc; Max-Age=600; HttpOnly; SameSite=Lax; Secure');
  });
});
