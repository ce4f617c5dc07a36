// Helpers shared by the end-to-end tests: waiting for a finished view, for
// a text, signing up users and organizers outside the browser.

import assert from 'node:assert/strict';
import { runCli } from './harness.js';

export const WAIT_MS = 10_000;

/** Waits until the locator's trimmed text satisfies check (a string to equal, a RegExp, or a predicate); returns the text. */
export async function waitForText(locator, check, { timeout = WAIT_MS } = {}) {
  const ok = typeof check === 'function' ? check
    : check instanceof RegExp ? (text) => check.test(text)
      : (text) => text === check;
  const deadline = Date.now() + timeout;
  let text = null;
  for (;;) {
    text = (await locator.first().textContent({ timeout }).catch(() => null))?.replace(/\s+/g, ' ').trim() ?? null;
    if (text !== null && ok(text)) return text;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`text of ${locator} is ${JSON.stringify(text)}; expected ${check instanceof RegExp || typeof check !== 'function' ? String(check) : check.toString()}`);
}

/** Waits until the view on screen is the finished rendering of the current URL hash and language. */
export async function ready(page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return main?.dataset.ready === 'true'
      && main.dataset.hash === window.location.hash
      && main.dataset.lang === document.documentElement.lang;
  }, null, { timeout: WAIT_MS });
}

/** Opens a hash route of the app and waits for its view. */
export async function open(page, url, hash) {
  await page.goto(new URL(`/${hash}`, url).href);
  await ready(page);
}

/** Creates an organizer of the fair with the CLI; returns {email, password, token}. */
export async function makeOrganizer(app, fairId, { email = 'organizer@example.com', password = 'hanoi-fair-organizer-2026' } = {}) {
  await runCli(['user', 'add', '--db', app.dbPath, '--role', 'organizer', '--email', email, '--name', 'Ban tổ chức',
    '--language', 'vi', '--fair', String(fairId)], { input: `${password}\n` });
  const token = (await runCli(['token', 'create', '--db', app.dbPath, '--email', email])).trim().split('\n').pop().trim();
  return { email, password, token };
}

/**
 * A JSON API client outside the browser: with a bearer token, or signed in
 * through /auth/register or /auth/login (cookie and CSRF token kept).
 * call(method, path, body) resolves to {status, body}.
 */
export function apiClient(url, { token = null } = {}) {
  let cookie = null;
  let csrf = null;
  const call = async (method, path, body) => {
    const headers = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (cookie) headers.cookie = cookie;
    if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(new URL(`/api/v1${path}`, url), {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : null;
    if (parsed?.csrf_token) csrf = parsed.csrf_token;
    return { status: response.status, body: parsed };
  };
  return { call };
}

/** Intl output uses narrow and no-break spaces; compare text with plain spaces. */
export function squash(text) {
  return text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
}
