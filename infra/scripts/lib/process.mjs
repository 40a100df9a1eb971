// Child processes: one-shot commands (`run`, `capture`), long-running services (`startProcess`)
// and the supervisor that `npm start` uses to stop everything in reverse order.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { color, log, reportError, warn, ZorgrouteError } from './log.mjs';
import { displayPath, repoRoot } from './paths.mjs';

const PREFIX_COLORS = ['magenta', 'blue', 'green', 'yellow', 'cyan', 'gray'];
let nextColor = 0;

/** Pick the next colour for a child's output prefix. */
export function nextPrefixColor() {
  const c = PREFIX_COLORS[nextColor % PREFIX_COLORS.length];
  nextColor += 1;
  return c;
}

/** Find an executable on PATH (like `command -v`); returns its absolute path or null. */
export function which(cmd) {
  if (cmd.includes('/')) return isExecutable(cmd) ? path.resolve(cmd) : null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, cmd);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(file) {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Make sure a command exists; otherwise throw an error that says what it is needed for.
 * @param {string} cmd
 * @param {string} neededFor e.g. 'to build the Temporal CLI'
 * @param {string} [hint] how to install it
 */
export function requireCommand(cmd, neededFor, hint) {
  const found = which(cmd);
  if (!found) throw new ZorgrouteError(`\`${cmd}\` was not found on PATH; it is needed ${neededFor}.`, { hint });
  return found;
}

/** Quote one argument for display (not for a shell). */
function showArg(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${String(arg).replace(/'/g, "'\\''")}'`;
}

/** Human-readable command line for log lines and error messages. */
export function formatCommand(cmd, args = []) {
  const shorten = (a) => (path.isAbsolute(a) ? displayPath(a) : a);
  return [cmd === process.execPath ? 'node' : shorten(cmd), ...args.map((a) => showArg(shorten(String(a))))].join(' ');
}

/**
 * Forward a readable stream line by line to `out`, each line prefixed. Keeps the last lines in `tail`.
 * @param {import('node:stream').Readable} stream
 * @param {NodeJS.WritableStream | null | (() => NodeJS.WritableStream | null)} out null: keep only the tail
 * @param {string} prefix already coloured prefix, e.g. '[api]'
 * @param {string[]} tail ring buffer of recent lines
 * @param {number} [tailSize]
 */
function pipeLines(stream, out, prefix, tail, tailSize = 60) {
  let buffer = '';
  const emit = (line) => {
    // Drop lines with nothing visible (blank, or only colour codes such as Maven's "\e[0m").
    // eslint-disable-next-line no-control-regex
    if (line.replace(/\u001b\[[0-9;]*m/g, '').trim() === '') return;
    tail.push(line);
    if (tail.length > tailSize) tail.shift();
    const target = typeof out === 'function' ? out() : out;
    if (target) target.write(`${prefix} ${line}\n`);
  };
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffer += chunk;
    let index;
    while ((index = buffer.indexOf('\n')) >= 0) {
      emit(buffer.slice(0, index).replace(/\r$/, ''));
      buffer = buffer.slice(index + 1);
    }
  });
  stream.on('end', () => {
    if (buffer.length > 0) emit(buffer);
    buffer = '';
  });
}

/**
 * Run a command to completion. Output is inherited (keeps colours and progress bars) unless
 * `prefix` is given, then every line is printed with that prefix. Rejects with a clear message
 * (command, exit code, last output lines) on a non-zero exit or when the command cannot start.
 *
 * @param {string} cmd
 * @param {string[]} [args]
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, prefix?: string, quiet?: boolean,
 *           what?: string, hint?: string, allowFailure?: boolean, echo?: boolean }} [opts]
 *   what: short description used in the error ("build the Temporal CLI");
 *   quiet: capture the output, show it only on failure; allowFailure: resolve with the exit code.
 * @returns {Promise<{ code: number, output: string }>}
 */
export function run(cmd, args = [], opts = {}) {
  const { cwd = repoRoot, env = process.env, prefix, quiet = false, what, hint, allowFailure = false, echo = true } = opts;
  const shown = formatCommand(cmd, args);
  if (echo && !quiet) log(`$ ${shown}`);
  const piped = Boolean(prefix) || quiet;
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(cmd, args, { cwd, env, stdio: ['ignore', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit'] });
    } catch (error) {
      reject(startError(cmd, what, hint, error));
      return;
    }
    const tail = [];
    if (piped) {
      const label = prefix ? color('gray', prefix) : '';
      pipeLines(child.stdout, quiet ? null : process.stdout, label, tail, 200);
      pipeLines(child.stderr, quiet ? null : process.stderr, label, tail, 200);
    }
    child.on('error', (error) => reject(startError(cmd, what, hint, error)));
    child.on('close', (code, signal) => {
      const output = tail.join('\n');
      if (code === 0 || allowFailure) {
        resolve({ code: code ?? 1, output });
        return;
      }
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(
        new ZorgrouteError(`${what ? `Could not ${what}: ` : ''}\`${shown}\` ${how}.`, {
          hint,
          details: quiet && output ? indent(lastLines(output, 40)) : undefined,
        }),
      );
    });
  });
}

/**
 * Run a command quietly and return its stdout/stderr (for probes such as `--version`).
 * Never rejects: `ok` tells whether it started and exited with 0.
 * @returns {Promise<{ ok: boolean, code: number | null, stdout: string, stderr: string, error?: Error }>}
 */
export function capture(cmd, args = [], opts = {}) {
  const { cwd = repoRoot, env = process.env, timeoutMs = 60_000 } = opts;
  return new Promise((resolve) => {
    let child;
    try {
      child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      resolve({ ok: false, code: null, stdout: '', stderr: '', error });
      return;
    }
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, code: null, stdout, stderr, error });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ok: code === 0, code, stdout, stderr });
    });
  });
}

function startError(cmd, what, hint, error) {
  const reason = error?.code === 'ENOENT' ? 'the command was not found' : error?.message ?? String(error);
  return new ZorgrouteError(`${what ? `Could not ${what}: ` : ''}\`${formatCommand(cmd)}\` could not be started (${reason}).`, {
    hint,
    cause: error,
  });
}

function lastLines(text, n) {
  return text.split('\n').slice(-n).join('\n');
}

function indent(text) {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/** Processes started with startProcess that are still running; killed if this script dies. */
const liveProcesses = new Set();
process.on('exit', () => {
  for (const p of liveProcesses) p.killNow();
});

/**
 * A long-running child process in its own process group (so a Ctrl-C in the terminal reaches
 * only the script, which then stops its children in order), with prefixed output.
 */
export class ManagedProcess {
  /**
   * @param {string} name label used as the output prefix, e.g. 'api'
   * @param {string} cmd
   * @param {string[]} args
   * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, silent?: boolean, quietStop?: boolean, stopSignal?: NodeJS.Signals }} [opts]
   *   silent: keep the output only for error messages instead of printing it;
   *   quietStop: stop printing once stop() was called (for servers that log noise while shutting down).
   */
  constructor(name, cmd, args, opts = {}) {
    this.name = name;
    this.command = formatCommand(cmd, args);
    this.stopSignal = opts.stopSignal ?? 'SIGTERM';
    this.tail = [];
    this.exitInfo = null;
    this.stopping = false;
    const prefix = color(nextPrefixColor(), `[${name}]`);
    this.child = spawn(cmd, args, {
      cwd: opts.cwd ?? repoRoot,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    liveProcesses.add(this);
    const sink = (stream) => () => (opts.silent || (opts.quietStop && this.stopping) ? null : stream);
    pipeLines(this.child.stdout, sink(process.stdout), prefix, this.tail);
    pipeLines(this.child.stderr, sink(process.stderr), prefix, this.tail);
    /** Resolves when the process has exited and its output is drained. */
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.startError = error;
        this.exitInfo = { code: null, signal: null, error };
        liveProcesses.delete(this);
        resolve(this.exitInfo);
      });
      this.child.on('close', (code, signal) => {
        this.exitInfo ??= { code, signal };
        liveProcesses.delete(this);
        resolve(this.exitInfo);
      });
    });
  }

  get pid() {
    return this.child.pid;
  }

  get running() {
    return this.exitInfo === null;
  }

  /** Describe how the process ended, with its last output lines (for error messages). */
  describeExit() {
    const info = this.exitInfo;
    let how = 'is still running';
    if (info?.error) how = `could not be started (${info.error.code === 'ENOENT' ? 'command not found' : info.error.message})`;
    else if (info?.signal) how = `was killed by ${info.signal}`;
    else if (info) how = `exited with code ${info.code}`;
    return `${this.name} (\`${this.command}\`) ${how}`;
  }

  /** The last lines of output, indented, for error details. */
  recentOutput(n = 30) {
    return this.tail
      .slice(-n)
      .map((l) => `    ${l}`)
      .join('\n');
  }

  signalGroup(signal) {
    if (!this.running || !this.child.pid) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      try {
        this.child.kill(signal);
      } catch {
        // already gone
      }
    }
  }

  killNow() {
    this.signalGroup('SIGKILL');
  }

  /** Stop gracefully: the stop signal (SIGTERM) to the process group, SIGKILL after `timeoutMs`. */
  async stop(timeoutMs = 10_000) {
    this.stopping = true;
    if (!this.running) return this.exitInfo;
    this.signalGroup(this.stopSignal);
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      warn(`${this.name} did not stop within ${timeoutMs / 1000} s; killing it.`);
      this.killNow();
      await this.exited;
    }
    return this.exitInfo;
  }
}

/** Start a long-running child process (see ManagedProcess). */
export function startProcess(name, cmd, args = [], opts = {}) {
  return new ManagedProcess(name, cmd, args, opts);
}

/**
 * Keeps the services and children of a script and stops them in reverse order of registration,
 * on request or on SIGINT/SIGTERM (a second signal kills what is left at once).
 */
export class Supervisor {
  constructor() {
    /** @type {{ name: string, stop: () => Promise<unknown>, process?: ManagedProcess }[]} */
    this.entries = [];
    this.stoppingPromise = null;
    this.signalCount = 0;
  }

  /**
   * Register something to stop later.
   * @param {string} name
   * @param {{ stop: () => Promise<unknown> | unknown, process?: ManagedProcess }} service
   */
  add(name, service) {
    this.entries.push({ name, stop: () => service.stop(), process: service.process });
    return service;
  }

  /** Start a child process and register it. */
  spawn(name, cmd, args, opts) {
    const proc = startProcess(name, cmd, args, opts);
    this.add(name, { stop: () => proc.stop(), process: proc });
    return proc;
  }

  /**
   * Resolves with the first registered process that exits while the supervisor is not stopping
   * (an unexpected exit). Never resolves if none does.
   */
  firstUnexpectedExit() {
    const watched = this.entries.filter((e) => e.process).map((e) => e.process);
    return new Promise((resolve) => {
      for (const p of watched) {
        p.exited.then(() => {
          if (!p.stopping && !this.stoppingPromise) resolve(p);
        });
      }
    });
  }

  /** Stop everything in reverse order of registration; safe to call more than once. */
  stopAll() {
    this.stoppingPromise ??= (async () => {
      for (const entry of [...this.entries].reverse()) {
        try {
          if (entry.process && !entry.process.running) continue;
          log(`stopping ${entry.name}…`);
          await entry.stop();
        } catch (error) {
          warn(`could not stop ${entry.name} cleanly: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    })();
    return this.stoppingPromise;
  }

  /**
   * On SIGINT/SIGTERM: call `onSignal` (default: stop everything and exit 130/143).
   * A second signal while stopping kills the remaining child processes immediately.
   */
  handleSignals(onSignal) {
    const handler = (signal) => {
      this.signalCount += 1;
      if (this.signalCount > 1) {
        warn(`${signal} again: killing remaining processes now.`);
        for (const e of this.entries) e.process?.killNow();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
      log(`${signal} received: stopping (press Ctrl-C again to kill immediately)…`);
      if (onSignal) {
        onSignal(signal);
        return;
      }
      this.stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    process.on('SIGHUP', handler);
  }
}

/**
 * Run a script's main function: clear error output instead of stack traces, exit code 1 on failure.
 * @param {() => Promise<number | void>} main resolves with the exit code (default 0)
 */
export function runMain(main) {
  main().then(
    (code) => {
      process.exitCode = typeof code === 'number' ? code : 0;
    },
    (error) => {
      reportError(error);
      process.exitCode = 1;
    },
  );
}
