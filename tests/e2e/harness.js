// End-to-end harness: a real fairmatch server on a free port with the small
// demo fair in a temporary database, and Debian's Chromium driven by
// playwright-core with a fresh profile. Any console error or uncaught page
// error (CSP violations included) is recorded and fails the test.
//
// Environment:
//   FAIRMATCH_BIN   the server binary (default: <repo>/build/fairmatch)
//   CHROMIUM_BIN    the browser (default: /usr/bin/chromium)
//   E2E_KEEP_TMP=1  keep the temporary directories (database, photos, browser profile) for debugging

import { spawn, execFile } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const execFileAsync = promisify(execFile);

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fairmatchBin = process.env.FAIRMATCH_BIN || path.join(repoRoot, 'build', 'fairmatch');
export const chromiumBin = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

const STARTUP_TIMEOUT_MS = 30_000;
const DEMO_TIMEOUT_MS = 120_000;
const SHUTDOWN_TIMEOUT_MS = 10_000;
const LOG_LINES_KEPT = 200;

/** Creates a fresh temporary directory; remove it with removeTempDir. */
export function makeTempDir(prefix = 'fairmatch-e2e-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDir(dir) {
  if (dir && !process.env.E2E_KEEP_TMP) fs.rmSync(dir, { recursive: true, force: true });
}

function assertExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
  } catch {
    throw new Error(`fairmatch binary not found or not executable: ${file} (build it, or set FAIRMATCH_BIN)`);
  }
}

/** Runs `fairmatch demo` to create the demo fair in dbPath. */
export async function seedDemo(dbPath, { scale = 'small', seed } = {}) {
  assertExecutable(fairmatchBin);
  const args = ['demo', '--db', dbPath, '--scale', scale];
  if (seed !== undefined) args.push('--seed', String(seed));
  try {
    await execFileAsync(fairmatchBin, args, { timeout: DEMO_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    throw new Error(`fairmatch ${args.join(' ')} failed (${error.code ?? error.signal}):\n${error.stderr || error.stdout || error.message}`);
  }
}

/**
 * Runs a fairmatch subcommand to completion (e.g. ['token', 'create', ...]),
 * with input written to its stdin; resolves to its stdout. Rejects with the
 * command's stderr when it fails.
 */
export function runCli(args, { input = '' } = {}) {
  assertExecutable(fairmatchBin);
  return new Promise((resolve, reject) => {
    const child = execFile(fairmatchBin, args, { timeout: DEMO_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error) reject(new Error(`fairmatch ${args.join(' ')} failed (${error.code ?? error.signal}):\n${stderr || stdout}`));
      else resolve(stdout);
    });
    // A command that does not read its stdin may exit before the write: that EPIPE is not a failure
    // (the exit status says whether the command worked).
    child.stdin.on('error', () => {});
    if (input) child.stdin.end(input);
    else child.stdin.end();
  });
}

/**
 * Starts `fairmatch serve` on a free port and resolves once it printed its
 * first line, `listening on http://HOST:PORT`. Returns
 * {url, process, logs(), stop()}; stop() sends SIGTERM and resolves to
 * {code, signal} when the process has exited (SIGKILL after a bounded wait).
 */
export async function startServer({ dbPath, webRoot = path.join(repoRoot, 'web'), extraArgs = [] }) {
  assertExecutable(fairmatchBin);
  const args = ['serve', '--db', dbPath, '--port', '0', '--web-root', webRoot, ...extraArgs];
  const child = spawn(fairmatchBin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = [];
  const keep = (stream, line) => {
    lines.push(`[${stream}] ${line}`);
    if (lines.length > LOG_LINES_KEPT) lines.shift();
  };
  const exited = once(child, 'exit').then(([code, signal]) => ({ code, signal }));

  // stderr is drained for the whole life of the process so a chatty server never blocks on a full pipe.
  readline.createInterface({ input: child.stderr }).on('line', (line) => keep('stderr', line));
  const stdout = readline.createInterface({ input: child.stdout });

  const url = await new Promise((resolve, reject) => {
    let first = true;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fairmatch serve did not announce its address within ${STARTUP_TIMEOUT_MS} ms:\n${lines.join('\n')}`));
    }, STARTUP_TIMEOUT_MS);
    stdout.on('line', (line) => {
      keep('stdout', line);
      if (!first) return;
      first = false;
      const match = /^listening on (http:\/\/\S+?:\d+)\/?$/.exec(line.trim());
      clearTimeout(timer);
      if (match) resolve(match[1]);
      else {
        child.kill('SIGKILL');
        reject(new Error(`fairmatch serve: the first stdout line is not "listening on http://HOST:PORT": ${JSON.stringify(line)}`));
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`fairmatch serve exited early (code ${code}, signal ${signal}):\n${lines.join('\n')}`));
    });
  });

  let stopping = null;
  return {
    url,
    process: child,
    logs: () => lines.join('\n'),
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return exited;
        child.kill('SIGTERM');
        const timeout = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS, 'timeout'));
        if (await Promise.race([exited, timeout]) === 'timeout') {
          child.kill('SIGKILL');
          const result = await exited;
          return { ...result, timedOut: true };
        }
        return exited;
      })();
      return stopping;
    },
  };
}

/**
 * Launches Chromium with a fresh profile in its own temporary directory and
 * returns {context, page, errors, assertNoErrors(), close()}. Every console
 * message of type "error" and every uncaught exception on any page of the
 * context lands in errors; allow is a list of RegExps for errors a test
 * provokes on purpose (matched against the message text followed by its
 * source URL).
 */
export async function launchBrowser({ allow = [], viewport = { width: 1280, height: 900 }, locale = 'en-US' } = {}) {
  const profileDir = makeTempDir('fairmatch-chromium-');
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumBin,
      headless: true,
      viewport,
      locale,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    removeTempDir(profileDir);
    throw error;
  }

  const errors = [];
  const allowList = [...allow];
  const record = (kind, text, where) => {
    if (allowList.some((pattern) => pattern.test(`${text} ${where ?? ''}`))) return;
    errors.push(`${kind}: ${text}${where ? ` (${where})` : ''}`);
  };
  const watch = (page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const { url, lineNumber } = message.location() ?? {};
      record('console error', message.text(), url ? `${url}:${lineNumber}` : '');
    });
    page.on('pageerror', (error) => record('page error', error.stack || error.message));
    page.on('crash', () => record('crash', 'the page crashed'));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  const page = context.pages()[0] ?? await context.newPage();
  return {
    context,
    page,
    errors,
    /** Lets errors matching pattern through from now on (for a test that provokes them). */
    allow(pattern) {
      allowList.push(pattern);
    },
    /** Throws if any console or page error was recorded since the last call, and clears the list. */
    assertNoErrors() {
      if (errors.length > 0) {
        const text = errors.splice(0).join('\n');
        throw new Error(`browser reported errors:\n${text}`);
      }
    },
    async close() {
      try {
        await context.close();
      } finally {
        removeTempDir(profileDir);
      }
    },
  };
}

/**
 * The whole set-up of an end-to-end test: temp dir, demo database, server,
 * browser. Returns {url, page, browser, server, tmp, api(path), teardown()}.
 * teardown() closes the browser, stops the server and removes the temp dir;
 * it resolves to the server's exit status.
 */
export async function startApp({ scale = 'small', browser: browserOptions } = {}) {
  const tmp = makeTempDir();
  const dbPath = path.join(tmp, 'fair.db');
  let server = null;
  let browser = null;
  const teardown = async () => {
    let exit = null;
    try {
      if (browser) await browser.close();
    } finally {
      if (server) exit = await server.stop();
      removeTempDir(tmp);
    }
    return exit;
  };
  try {
    await seedDemo(dbPath, { scale });
    server = await startServer({ dbPath });
    browser = await launchBrowser(browserOptions);
  } catch (error) {
    await teardown().catch(() => {});
    throw error;
  }
  return {
    url: server.url,
    page: browser.page,
    browser,
    server,
    tmp,
    dbPath,
    /** GETs a JSON API path (e.g. "/api/v1/fairs") from the server directly, outside the browser. */
    async api(apiPath) {
      const response = await fetch(new URL(apiPath, server.url));
      if (!response.ok) throw new Error(`GET ${apiPath}: HTTP ${response.status}: ${await response.text()}`);
      return response.json();
    },
    teardown,
  };
}

/** Where a test may write its screenshot: a temp path, never the repository. */
export function screenshotPath(name) {
  const dir = path.join(os.tmpdir(), 'fairmatch-e2e-screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
