import { oidcConfigFromEnv } from './oidc.config';

const defaults = { appUrl: 'https://zorgroute.example.nl', publicApiUrl: 'https://zorgroute.example.nl/' };

describe('oidcConfigFromEnv', () => {
  it('is off when nothing is configured', () => {
    expect(oidcConfigFromEnv({}, defaults)).toBeNull();
  });

  it('fills in the defaults for a public client', () => {
    expect(oidcConfigFromEnv({ OIDC_ISSUER_URL: 'https://login.school.example/', OIDC_CLIENT_ID: 'zorgroute' }, defaults)).toEqual({
      issuerUrl: 'https://login.school.example',
      clientId: 'zorgroute',
      clientSecret: null,
      redirectUrl: 'https://zorgroute.example.nl/auth/oidc/callback',
      postLoginRedirectUrl: 'https://zorgroute.example.nl/login',
      postLogoutRedirectUrl: 'https://zorgroute.example.nl/login',
      scopes: ['openid', 'email', 'profile'],
      userClaim: 'email',
      userMatch: 'email',
      loginTtlSeconds: 600,
    });
  });

  it('reads every variable and always asks for openid', () => {
    const c = oidcConfigFromEnv(
      {
        OIDC_ISSUER_URL: 'https://login.school.example',
        OIDC_CLIENT_ID: 'zr',
        OIDC_CLIENT_SECRET: 's3cr3t',
        OIDC_REDIRECT_URL: 'https://api.example/auth/oidc/callback',
        OIDC_POST_LOGIN_REDIRECT_URL: 'https://admin.example/login',
        OIDC_POST_LOGOUT_REDIRECT_URL: 'https://admin.example/',
        OIDC_SCOPES: 'email,profile',
        OIDC_USER_CLAIM: 'upn',
        OIDC_USER_MATCH: 'external_id',
        OIDC_LOGIN_TTL_SECONDS: '300',
      },
      defaults,
    );
    expect(c).toMatchObject({ clientSecret: 's3cr3t', scopes: ['openid', 'email', 'profile'], userClaim: 'upn', userMatch: 'external_id', loginTtlSeconds: 300, postLogoutRedirectUrl: 'https://admin.example/' });
  });

  it('refuses half a configuration and bad values', () => {
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER_URL: 'https://login.school.example' }, defaults)).toThrow(/together/);
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER_URL: 'not a url', OIDC_CLIENT_ID: 'zr' }, defaults)).toThrow(/absolute URL/);
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER_URL: 'https://l.example', OIDC_CLIENT_ID: 'zr', OIDC_LOGIN_TTL_SECONDS: '5' }, defaults)).toThrow(/TTL/);
    expect(() => oidcConfigFromEnv({ OIDC_ISSUER_URL: 'https://l.example', OIDC_CLIENT_ID: 'zr', OIDC_USER_MATCH: 'name' }, defaults)).toThrow(/OIDC_USER_MATCH/);
  });
});
