// Who is signed in. The session itself is an HttpOnly cookie set by the
// server; this module keeps the matching GET /api/v1/me (user, role, CSRF
// token, organised fairs, company profiles) for every view, hands the CSRF
// token to api.js, and tells listeners when the user changes.
//
// A hint in localStorage records that this browser signed in, so an anonymous
// visitor's page load does not ask /me only to be told 401. A stale hint
// costs one 401 and is then cleared.

import * as api from './api.js';

const HINT_KEY = 'fairmatch.session';

let me = null;
const listeners = new Set();

function readHint() {
  try {
    return globalThis.localStorage?.getItem(HINT_KEY) === '1';
  } catch {
    return true; // Storage unavailable: ask the server.
  }
}

function writeHint(on) {
  try {
    if (on) globalThis.localStorage?.setItem(HINT_KEY, '1');
    else globalThis.localStorage?.removeItem(HINT_KEY);
  } catch {
    // Not remembered: the next page load asks /me anyway.
  }
}

function set(next) {
  const changed = JSON.stringify(next) !== JSON.stringify(me);
  me = next;
  api.setCsrfToken(next?.csrf_token ?? null);
  writeHint(Boolean(next));
  if (changed) for (const listener of listeners) listener(me);
}

/** The signed-in user as GET /api/v1/me returned it, or null for an anonymous visitor. */
export function user() {
  return me;
}

/** Calls listener(user) whenever the signed-in user changes; returns a function that stops it. */
export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Asks the server who is signed in (GET /me) and resolves to the user or null.
 * Only a 401 means "anonymous"; other failures reject and keep what was known.
 */
export async function refresh({ signal } = {}) {
  try {
    const body = await api.get('/me', { signal });
    set(body && typeof body === 'object' ? body : null);
  } catch (error) {
    if (error?.status === 401) set(null);
    else throw error;
  }
  return me;
}

/** Called once at start: resolves to the user, or null (also when the server cannot be reached). */
export async function load() {
  if (!readHint()) {
    set(null);
    return null;
  }
  try {
    return await refresh();
  } catch {
    return null;
  }
}

/** After login, registration or an accepted invitation ({user, csrf_token}): loads the full /me. */
export async function signedIn(body) {
  api.setCsrfToken(body?.csrf_token ?? null);
  writeHint(true);
  try {
    await refresh();
  } catch {
    // /me failed right after signing in: use what the sign-in answer said.
    set({ ...body.user, csrf_token: body.csrf_token, fairs_organized: [], profiles: [] });
  }
  return me;
}

/** Signs out this browser (everywhere: every session of the user). The local state is cleared even when the server cannot be reached. */
export async function signOut({ everywhere = false } = {}) {
  try {
    await api.post(everywhere ? '/auth/logout-all' : '/auth/logout');
  } finally {
    set(null);
  }
}

/** Forgets the user after the server said the session is gone (a 401 on a signed-in page). */
export function expired() {
  set(null);
}

export function hasRole(...roles) {
  return Boolean(me && roles.includes(me.role));
}

/** Whether the signed-in user organises the fair with this id. */
export function organizes(fairId) {
  return Boolean(me && me.role === 'organizer' && (me.fairs_organized ?? []).includes(Number(fairId)));
}

/** The signed-in user's company profile in a fair ({kind, id, fair_id, name, status, status_reason}), or null. */
export function profileIn(fairId) {
  return (me?.profiles ?? []).find((profile) => profile.fair_id === Number(fairId)) ?? null;
}

/** Thrown by a view that needs a signed-in user: the router sends the visitor to the sign-in page and back. */
export class SignInRequired extends Error {
  constructor() {
    super('sign-in required');
    this.name = 'SignInRequired';
  }
}

/** Thrown by a view for a role the user does not have: the router shows why. */
export class RoleRequired extends Error {
  constructor(roles) {
    super(`needs role ${roles.join(' or ')}`);
    this.name = 'RoleRequired';
    this.roles = roles;
  }
}

/** Returns the signed-in user, or throws SignInRequired / RoleRequired. */
export function requireUser(...roles) {
  if (!me) throw new SignInRequired();
  if (roles.length > 0 && !roles.includes(me.role)) throw new RoleRequired(roles);
  return me;
}
