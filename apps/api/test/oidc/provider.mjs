/*
 * A real OpenID provider for the OIDC integration test: panva's oidc-provider (a certified OP; ESM
 * only, so the test runs this file in a child process). One public client (PKCE S256 required, no
 * client secret), static accounts, and an interaction handler that logs the "current" account in
 * and grants the requested scopes without a form. Not for anything but tests.
 *
 *   OIDC_TEST_PORT=7335 OIDC_TEST_CLIENT_ID=zorgroute OIDC_TEST_REDIRECT_URI=http://127.0.0.1:3000/auth/oidc/callback \
 *   OIDC_TEST_POST_LOGOUT_URI=http://127.0.0.1:4200/login OIDC_TEST_ACCOUNTS='{"u1":"a@x.example"}' node provider.mjs
 *
 * Prints `READY <issuer>` once it listens. `POST /__test/account/<id>` chooses which account logs in next.
 */
import { createServer } from 'node:http';
import process from 'node:process';
import { URL } from 'node:url';
import { Provider } from 'oidc-provider';

const firstPort = Number(process.env.OIDC_TEST_PORT ?? 7335);
const clientId = process.env.OIDC_TEST_CLIENT_ID ?? 'zorgroute-test';
const redirectUri = process.env.OIDC_TEST_REDIRECT_URI;
const postLogoutUri = process.env.OIDC_TEST_POST_LOGOUT_URI;
/** @type {Record<string, string>} account id → e-mail address */
const accounts = JSON.parse(process.env.OIDC_TEST_ACCOUNTS ?? '{}');
if (!redirectUri || !postLogoutUri) throw new Error('OIDC_TEST_REDIRECT_URI and OIDC_TEST_POST_LOGOUT_URI are required');
let currentAccount = Object.keys(accounts)[0];

/** Listens on the first free port from firstPort on. */
async function listen(server) {
  for (let port = firstPort; port < firstPort + 40; port += 1) {
    const ok = await new Promise((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) return port;
  }
  throw new Error('no free port');
}

let handler = (_req, res) => res.writeHead(503).end();
const server = createServer((req, res) => handler(req, res));
const port = await listen(server);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [postLogoutUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['zorgroute-oidc-test-cookie-key'] },
  async findAccount(_ctx, sub) {
    const email = accounts[sub];
    if (!email) return undefined;
    return { accountId: sub, claims: async () => ({ sub, email, email_verified: true, name: `Testaccount ${sub}` }) };
  },
});

const callback = provider.callback();
handler = async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', issuer);
    if (req.method === 'POST' && url.pathname.startsWith('/__test/account/')) {
      currentAccount = decodeURIComponent(url.pathname.slice('/__test/account/'.length));
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'GET' && url.pathname.startsWith('/interaction/')) {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(req, res, { login: { accountId: currentAccount } }, { mergeWithLastSubmission: false });
        return;
      }
      const { missingOIDCScope = [], missingOIDCClaims = [] } = details.prompt.details;
      const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      if (missingOIDCScope.length) grant.addOIDCScope(missingOIDCScope.join(' '));
      if (missingOIDCClaims.length) grant.addOIDCClaims(missingOIDCClaims);
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    callback(req, res);
  } catch (err) {
    process.stderr.write(`[oidc-test-provider] ${err instanceof Error ? err.stack : String(err)}\n`);
    if (!res.headersSent) res.writeHead(500).end();
  }
};

process.stdout.write(`READY ${issuer}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
