/**
 * @jest-environment node
 */
// Browser test of a parent's first login (issue 13 item 4): the zorgcoördinator invites the parent from the pupil page;
// the parent follows the real invitation e-mail from the mail catcher, registers a passkey with Chromium's virtual
// authenticator (CDP WebAuthn domain), logs out and logs in again with the passkey alone (no user name asked). The app
// runs on http://localhost: browsers refuse a passkey whose relying party is an IP address.
import type { CDPSession } from 'playwright-core';
import { eventually, graphql, logInAs, shot, tokenFor, useBrowserSession } from './support/browser';
import { mailsTo } from './support/mail';
import { registerNewPupil } from './support/pupils';

jest.setTimeout(300_000);

const ZC_EMAIL = 'zc@daltoncollege.example';
const RUN = Date.now().toString(36);
const LAST_NAME = `Sleutelaar${RUN}`;
const PARENT = { name: `Eva ${LAST_NAME}`, email: `ouder.passkey.${RUN}@voorbeeldmail.example` };

const session = useBrowserSession(undefined, { appHost: 'localhost' });

let pupil: { id: string; displayName: string };
let cdp: CDPSession;
let authenticatorId: string;

beforeAll(async () => {
  const api = session.stack.apiUrl;
  const zc = await tokenFor(api, ZC_EMAIL);
  ({ pupil } = await registerNewPupil(api, zc, { firstName: 'Olivier', lastName: LAST_NAME, age: 12, parent: PARENT }));
  // Chromium's virtual authenticator: a platform authenticator with resident keys that answers at once.
  cdp = await session.context.newCDPSession(session.page);
  await cdp.send('WebAuthn.enable');
  const added = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  authenticatorId = added.authenticatorId;
}, 120_000);

it('a parent invited by the school registers a passkey from the e-mail, logs out and logs in with it', async () => {
  const { page, stack, pageErrors } = session;
  expect(new URL(stack.appUrl).hostname).toBe('localhost');

  // The zorgcoördinator invites the parent from the pupil page.
  await logInAs(page, stack.appUrl, ZC_EMAIL);
  await page.goto(`${stack.appUrl}/pupils/${encodeURIComponent(pupil.id)}`);
  await page.getByRole('heading', { level: 1, name: pupil.displayName }).waitFor();
  await page.getByRole('button', { name: `${PARENT.name}: uitnodigen` }).click();
  await page.getByText(`Uitnodiging verstuurd aan ${PARENT.name}.`).waitFor();
  await shot(page, 'passkey-invitation-sent');

  // The parent opens the link from the real e-mail, logged out.
  const mail = await eventually('the invitation e-mail', async () => (await mailsTo(PARENT.email)).find((m) => /\/uitnodiging#token=/.test(m.text)), 60_000);
  const link = mail.text.match(/https?:\/\/[^\s)>\]]+\/uitnodiging#token=[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeDefined();
  expect(new URL(link!).origin).toBe(stack.appUrl);
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
  await page.context().clearCookies();
  await page.goto(link!);
  await page.getByRole('heading', { level: 1, name: 'Uitnodiging voor Zorgroute' }).waitFor();
  await page.getByText(`Welkom, ${PARENT.name}.`).waitFor();
  // The token leaves the address bar at once.
  await page.waitForURL((url) => url.hash === '');
  await shot(page, 'passkey-invitation-page');

  await page.getByRole('button', { name: 'Passkey aanmaken' }).click();
  await page.waitForURL((url) => url.pathname === '/mijn');
  await page.getByText(PARENT.name).first().waitFor();
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);
  expect(credentials[0].rpId).toBe('localhost');
  await shot(page, 'passkey-registered-portal');

  // Logged out, the parent logs in again with the passkey alone: no e-mail address, no code.
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/login'));
  expect((await page.context().cookies()).filter((c) => /session/i.test(c.name))).toHaveLength(0);
  const passkeyLogin = page.getByRole('button', { name: 'Inloggen met passkey' });
  await passkeyLogin.waitFor();
  await shot(page, 'passkey-login-page');
  await passkeyLogin.click();
  await page.waitForURL((url) => url.pathname === '/mijn');
  await page.getByText(PARENT.name).first().waitFor();
  const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(after.credentials[0].signCount).toBeGreaterThan(credentials[0].signCount);

  // The link worked once: opened again it says so and offers a new one.
  await page.goto(link!);
  await page.getByText(/Deze uitnodiging is al gebruikt/).waitFor();
  await shot(page, 'passkey-invitation-used');

  // The school sees the parent's login with one passkey.
  const zc = await tokenFor(stack.apiUrl, ZC_EMAIL);
  const { pupilCustody } = await graphql<{ pupilCustody: { guardians: Array<{ name: string; login: string; passkeys: number }> } }>(
    stack.apiUrl,
    'query($pupilId: ID!) { pupilCustody(pupilId: $pupilId) { guardians { name login passkeys } } }',
    { pupilId: pupil.id },
    zc,
  );
  expect(pupilCustody.guardians.find((g) => g.name === PARENT.name)).toMatchObject({ passkeys: 1 });
  expect(pageErrors).toEqual([]);
});
