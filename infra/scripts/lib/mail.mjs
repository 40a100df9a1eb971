// A local mail catcher (the npm package maildev): SMTP server that keeps every message, with a web
// inbox and a REST API. Tests read delivered mail through the REST API of maildev 2.2.1
// (node_modules/maildev/lib/routes.js):
//   GET    <webUrl>/email            all messages, oldest first (query filters such as ?to.address=x@y)
//   GET    <webUrl>/email/:id        one message
//   GET    <webUrl>/email/:id/html   the HTML body
//   DELETE <webUrl>/email/all        delete all messages
//   DELETE <webUrl>/email/:id        delete one message
//   GET    <webUrl>/healthz          true
// A message is JSON like { id, subject, text, html, from: [{ address, name }], to: [{ address, name }],
// cc, date, time, headers, envelope: { from, to: [{ address }] }, attachments, read, size }.
// Messages show up in the list shortly after the SMTP transaction ends (parsing is asynchronous), so poll.
import fs from 'node:fs';
import path from 'node:path';
import { formatDuration, log, ZorgrouteError } from './log.mjs';
import { freePort, waitForHttp, waitForPort } from './net.mjs';
import { displayPath, fromRoot } from './paths.mjs';
import { startProcess } from './process.mjs';

/**
 * Start maildev on 127.0.0.1 and wait until SMTP and the web inbox accept connections.
 * @param {{ smtpPort?: number, webPort?: number, mailDir?: string, silent?: boolean }} [opts]
 *   smtpPort/webPort: preferred ports (default 1025/1080; other free ports when taken);
 *   mailDir: where messages are kept (and loaded from on the next start); silent: hide its log lines.
 * @returns {Promise<{ smtpUrl: string, webUrl: string, smtpPort: number, webPort: number,
 *                     process: import('./process.mjs').ManagedProcess, stop: () => Promise<void> }>}
 */
export async function startMailCatcher(opts = {}) {
  const { mailDir = fromRoot('.data', 'mail'), silent = false } = opts;
  const bin = fromRoot('node_modules', 'maildev', 'bin', 'maildev');
  if (!fs.existsSync(bin)) {
    throw new ZorgrouteError(`The mail catcher is not installed (${displayPath(bin)} is missing).`, {
      hint: 'Run `npm install` (npm start / npm test do this when node_modules is out of date).',
    });
  }
  fs.mkdirSync(path.resolve(mailDir), { recursive: true });
  const smtpPort = await freePort(opts.smtpPort ?? 1025);
  const webPort = await freePort(opts.webPort ?? 1080);
  log(`Mail catcher: starting (SMTP 127.0.0.1:${smtpPort}, inbox http://127.0.0.1:${webPort})…`);
  const started = Date.now();
  const args = [bin, '--smtp', String(smtpPort), '--web', String(webPort), '--ip', '127.0.0.1', '--mail-directory', path.resolve(mailDir)];
  if (silent) args.push('--silent');
  const proc = startProcess('mail', process.execPath, args, { silent });
  const stop = async () => {
    await proc.stop(10_000);
  };
  const webUrl = `http://127.0.0.1:${webPort}`;
  try {
    await waitForPort('127.0.0.1', smtpPort, 30_000, { what: 'Mail catcher SMTP', process: proc });
    await waitForHttp(`${webUrl}/healthz`, 30_000, { what: 'Mail catcher web inbox', process: proc });
  } catch (error) {
    await stop();
    throw error;
  }
  log(`Mail catcher: ready in ${formatDuration(Date.now() - started)}`);
  return { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, webUrl, smtpPort, webPort, process: proc, stop };
}
