// Thin client for the fairmatch JSON API under /api/v1.
//
// Every failure becomes an ApiError whose .problem is an RFC 9457 problem
// object ({type, title, status, detail, errors[]}): the server's own
// problem+json when it sent one, otherwise one built here. An aborted request
// rejects with the browser's AbortError, untouched, so callers can ignore it.

const BASE = '/api/v1';

export const PAGE_SIZE = 20;

export class ApiError extends Error {
  /**
   * @param {object} problem RFC 9457 fields; kind is "problem" (from the
   *   server), "http" (an error status without problem+json), "network"
   *   (no response) or "parse" (a success status with a body that is not the
   *   expected JSON).
   */
  constructor(problem, kind = 'problem') {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status ?? 0;
    this.kind = kind;
  }
}

export function isAbort(error) {
  return error?.name === 'AbortError';
}

function buildUrl(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return `${BASE}${path}${text ? `?${text}` : ''}`;
}

async function problemFrom(response) {
  const type = response.headers.get('content-type') ?? '';
  if (/json/i.test(type)) {
    try {
      const body = await response.json();
      if (body && typeof body === 'object') {
        const error = new ApiError({
          type: body.type ?? 'about:blank',
          title: body.title ?? response.statusText,
          status: body.status ?? response.status,
          detail: body.detail,
          errors: Array.isArray(body.errors) ? body.errors : [],
        }, 'problem');
        // The whole JSON answer, for error bodies that carry more than a problem (a CSV dry-run report).
        error.body = body;
        return error;
      }
    } catch {
      // Fall through to a problem built from the status line.
    }
  }
  return new ApiError({
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    errors: [],
  }, 'http');
}

// The CSRF token of the signed-in session (from login, register or GET /me).
// The session cookie is HttpOnly; every state-changing request made with it
// must echo this token in X-CSRF-Token.
let csrfToken = null;

/** Remembers (or, with null, forgets) the CSRF token sent with POST/PUT/PATCH/DELETE. */
export function setCsrfToken(token) {
  csrfToken = typeof token === 'string' && token !== '' ? token : null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sends a request to path (relative to /api/v1) and resolves to the parsed
 * JSON body, or null for a response without one (204). body is sent as JSON
 * unless contentType is given (then as is: a string or a Blob). Rejects with
 * ApiError (its .response is the raw Response, for headers such as
 * Retry-After) or AbortError.
 */
export async function request(method, path, { params, body, contentType, signal } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  let payload;
  if (body !== undefined) {
    if (contentType) {
      headers['Content-Type'] = contentType;
      payload = body;
    } else {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
  }
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(buildUrl(path, params), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError({ type: 'about:blank', title: error.message, status: 0, errors: [] }, 'network');
  }
  if (!response.ok) {
    const error = await problemFrom(response);
    error.response = response;
    throw error;
  }
  if (response.status === 204) return null;
  let text;
  try {
    text = await response.text();
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError({ type: 'about:blank', title: error.message, status: response.status, errors: [] }, 'network');
  }
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'Invalid JSON', status: response.status, errors: [] }, 'parse');
  }
}

/**
 * GETs path (relative to /api/v1) with the given query params and resolves to
 * the parsed JSON body. Rejects with ApiError or AbortError.
 */
export function get(path, { params, signal } = {}) {
  return request('GET', path, { params, signal });
}

export function post(path, body, options = {}) {
  return request('POST', path, { ...options, body });
}

export function put(path, body, options = {}) {
  return request('PUT', path, { ...options, body });
}

export function patch(path, body, options = {}) {
  return request('PATCH', path, { ...options, body });
}

export function del(path, options = {}) {
  return request('DELETE', path, options);
}

/** Asserts that a list response has the documented shape and returns it. */
export function asList(body, path) {
  if (!body || !Array.isArray(body.items)) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Unexpected response',
      detail: `${path}: expected {"items": [...]}`,
      status: 200,
      errors: [],
    }, 'parse');
  }
  const total = Number.isInteger(body.total) ? body.total : body.items.length;
  return { items: body.items, total, limit: body.limit, offset: body.offset };
}

/** GETs one page of a list: page is 1-based, PAGE_SIZE items per page. */
export async function getPage(path, { page = 1, params = {}, signal } = {}) {
  const body = await get(path, {
    params: { ...params, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    signal,
  });
  return asList(body, path);
}

// Reference lists and the fair list change rarely: one request per page load,
// shared by every view. A failed request is forgotten so the next view retries.
const cache = new Map();

function cached(key, load) {
  if (!cache.has(key)) {
    const promise = load().catch((error) => {
      cache.delete(key);
      throw error;
    });
    cache.set(key, promise);
  }
  return cache.get(key);
}

/**
 * A reference list ("categories", "countries", "provinces",
 * "certifications") as {items, byCode}, byCode being a Map from code to item.
 */
export function reference(kind) {
  return cached(`reference:${kind}`, async () => {
    const { items } = asList(await get(`/reference/${kind}`), `/reference/${kind}`);
    return { items, byCode: new Map(items.map((item) => [item.code, item])) };
  });
}

/** All fairs, in the order the server lists them. */
export function fairs() {
  return cached('fairs', async () => asList(await get('/fairs', { params: { limit: 100 } }), '/fairs').items);
}

/** The current fair: the first one the server lists, or null when there is none. */
export async function currentFair() {
  const list = await fairs();
  return list[0] ?? null;
}
