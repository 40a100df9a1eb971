import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { validateDiscovery, verifyIdToken } from './oidc-client';

const ISSUER = 'https://login.zonnebloem.example';
const CLIENT = 'zorgroute';
const NONCE = 'n-0S6_WzA2Mj';

describe('verifyIdToken', () => {
  let keys: JWTVerifyGetKey;
  let privateKey: CryptoKey;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
    keys = createLocalJWKSet({ keys: [jwk] });
  });

  function idToken(claims: Record<string, unknown> = {}, opts: { iss?: string; aud?: string | string[]; exp?: number | string } = {}) {
    return new SignJWT({ nonce: NONCE, email: 'a.docent@zonnebloem.example', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(opts.iss ?? ISSUER)
      .setAudience(opts.aud ?? CLIENT)
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? '5m')
      .sign(privateKey);
  }
  const expected = { issuer: ISSUER, clientId: CLIENT, nonce: NONCE };

  it('accepts a valid ID token', async () => {
    const payload = await verifyIdToken(await idToken(), keys, expected);
    expect(payload.sub).toBe('user-1');
  });

  it('refuses a wrong nonce', async () => {
    await expect(verifyIdToken(await idToken({ nonce: 'other' }), keys, expected)).rejects.toMatchObject({ code: 'OIDC_TOKEN_INVALID' });
  });

  it('refuses a missing nonce', async () => {
    await expect(verifyIdToken(await idToken({ nonce: undefined }), keys, expected)).rejects.toMatchObject({ code: 'OIDC_TOKEN_INVALID' });
  });

  it('refuses a wrong audience', async () => {
    await expect(verifyIdToken(await idToken({}, { aud: 'another-client' }), keys, expected)).rejects.toMatchObject({ code: 'OIDC_TOKEN_INVALID' });
  });

  it('refuses several audiences without azp for us', async () => {
    await expect(verifyIdToken(await idToken({}, { aud: [CLIENT, 'other'] }), keys, expected)).rejects.toMatchObject({ code: 'OIDC_TOKEN_INVALID' });
    await expect(verifyIdToken(await idToken({ azp: CLIENT }, { aud: [CLIENT, 'other'] }), keys, expected)).resolves.toBeTruthy();
  });

  it('refuses a wrong issuer', async () => {
    await expect(verifyIdToken(await idToken({}, { iss: 'https://evil.example' }), keys, expected)).rejects.toMatchObject({ code: 'OIDC_TOKEN_INVALID' });
  });

  it('refuses an expired ID token', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    await expect(verifyIdToken(await idToken({}, { exp: past }), keys, expected)).rejects.toMatchObject({ code: 'OIDC_TOKEN_INVALID' });
  });

  it('refuses a token signed by another key or with a symmetric algorithm', async () => {
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT({ nonce: NONCE }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(ISSUER).setAudience(CLIENT).setSubject('x').setIssuedAt().setExpirationTime('5m').sign(other.privateKey);
    await expect(verifyIdToken(forged, keys, expected)).rejects.toMatchObject({ code: 'OIDC_TOKEN_INVALID' });
    const hs = await new SignJWT({ nonce: NONCE }).setProtectedHeader({ alg: 'HS256' }).setIssuer(ISSUER).setAudience(CLIENT).setSubject('x').setIssuedAt().setExpirationTime('5m').sign(new TextEncoder().encode('a-shared-secret-of-some-length'));
    await expect(verifyIdToken(hs, keys, expected)).rejects.toMatchObject({ code: 'OIDC_TOKEN_INVALID' });
  });
});

describe('validateDiscovery', () => {
  const doc = { issuer: ISSUER, authorization_endpoint: `${ISSUER}/auth`, token_endpoint: `${ISSUER}/token`, jwks_uri: `${ISSUER}/jwks` };

  it('accepts a document of the configured issuer (trailing slash ignored)', () => {
    expect(validateDiscovery({ ...doc, issuer: `${ISSUER}/` }, ISSUER).token_endpoint).toBe(`${ISSUER}/token`);
  });

  it('refuses another issuer, missing endpoints or no S256', () => {
    expect(() => validateDiscovery({ ...doc, issuer: 'https://other.example' }, ISSUER)).toThrow(/issuer/);
    expect(() => validateDiscovery({ ...doc, jwks_uri: undefined }, ISSUER)).toThrow(/jwks_uri/);
    expect(() => validateDiscovery({ ...doc, code_challenge_methods_supported: ['plain'] }, ISSUER)).toThrow(/S256/);
  });
});
