// Ports: choosing free ones and waiting until a service listens.
/* global fetch, AbortSignal -- Node.js 20 globals */
import net from 'node:net';
import { setTimeout } from 'node:timers';
import { ZorgrouteError } from './log.mjs';

/** Ports handed out by freePort in this process, so two services never get the same one. */
const handedOut = new Set();

function tryListen(port, host) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(null));
    server.listen({ port, host, exclusive: true }, () => {
      const { port: actual } = server.address();
      server.close(() => resolve(actual));
    });
  });
}

/** True when nothing listens on 127.0.0.1:`port` (and the port can be bound). */
export async function isPortFree(port, host = '127.0.0.1') {
  return (await tryListen(port, host)) === port;
}

/**
 * A free TCP port on 127.0.0.1: `preferred` when it is free, otherwise one the OS picks.
 * @param {number} [preferred] 0 or undefined: any free port
 */
export async function freePort(preferred = 0, host = '127.0.0.1') {
  if (preferred && !handedOut.has(preferred) && (await isPortFree(preferred, host))) {
    handedOut.add(preferred);
    return preferred;
  }
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await tryListen(0, host);
    if (port && !handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new ZorgrouteError(`Could not find a free TCP port on ${host}.`);
}

/**
 * Lets freePort hand out `port` again (it never repeats a port within one process otherwise): for a service that is
 * stopped and started again on the same port, as the fault tests do.
 */
export function releasePort(port) {
  handedOut.delete(port);
}

/** True when a TCP connection to host:port succeeds. */
export function canConnect(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wait until host:port accepts TCP connections.
 * @param {string} host
 * @param {number} port
 * @param {number} timeoutMs
 * @param {{ what?: string, process?: import('./process.mjs').ManagedProcess, intervalMs?: number }} [opts]
 *   process: fail at once (with its last output) if this process exits while we wait.
 * @returns {Promise<number>} milliseconds it took
 */
export async function waitForPort(host, port, timeoutMs, opts = {}) {
  const { what = `${host}:${port}`, process: proc, intervalMs = 100 } = opts;
  const start = Date.now();
  for (;;) {
    if (proc && !proc.running) {
      throw new ZorgrouteError(`${what} did not come up: ${proc.describeExit()}.`, { details: proc.recentOutput() });
    }
    if (await canConnect(host, port)) return Date.now() - start;
    if (Date.now() - start > timeoutMs) {
      throw new ZorgrouteError(`${what} did not accept connections on ${host}:${port} within ${Math.round(timeoutMs / 1000)} s.`, {
        details: proc ? proc.recentOutput() : undefined,
      });
    }
    await sleep(intervalMs);
  }
}

/**
 * Wait until an HTTP GET of `url` answers with status 200.
 * @param {string} url
 * @param {number} timeoutMs
 * @param {{ what?: string, process?: import('./process.mjs').ManagedProcess }} [opts]
 */
export async function waitForHttp(url, timeoutMs, opts = {}) {
  const { what = url, process: proc } = opts;
  const start = Date.now();
  let last = 'no answer';
  for (;;) {
    if (proc && !proc.running) {
      throw new ZorgrouteError(`${what} did not come up: ${proc.describeExit()}.`, { details: proc.recentOutput() });
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.status === 200) return Date.now() - start;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error?.cause?.code ?? error?.message ?? String(error);
    }
    if (Date.now() - start > timeoutMs) {
      throw new ZorgrouteError(`${what} did not answer 200 on ${url} within ${Math.round(timeoutMs / 1000)} s (last: ${last}).`, {
        details: proc ? proc.recentOutput() : undefined,
      });
    }
    await sleep(250);
  }
}

export { sleep };
