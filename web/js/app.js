// Entry point: the hash router, the header (navigation, language switch) and
// view mounting.
//
// Routes live in the URL hash ("#/exhibitors?page=2") because the server has
// no fallback for client paths. A page module exports
//   render({params, query, signal}) → Promise<{title, node}>
// and never touches the document: the router mounts what it returns, or an
// error view when it throws. A newer navigation aborts the older one (signal),
// and a stale result is dropped.

import { t, getLang, setLang, LANGS } from './i18n.js';
import { isAbort } from './api.js';
import { h } from './dom.js';
import { notFoundView, errorView } from './pages/errors.js';
import * as overview from './pages/overview.js';
import * as exhibitors from './pages/exhibitors.js';
import * as exhibitor from './pages/exhibitor.js';
import * as products from './pages/products.js';
import * as product from './pages/product.js';

const routes = [
  { pattern: /^\/$/, page: overview, nav: 'overview' },
  { pattern: /^\/exhibitors$/, page: exhibitors, nav: 'exhibitors' },
  { pattern: /^\/exhibitors\/([1-9]\d{0,17})$/, page: exhibitor, nav: 'exhibitors' },
  { pattern: /^\/products$/, page: products, nav: 'products' },
  { pattern: /^\/products\/([1-9]\d{0,17})$/, page: product, nav: 'products' },
];

const LOADING_DELAY_MS = 150;

const main = document.getElementById('main');
let inFlight = null;
let lastPath = null;

/** Splits location.hash into a normalised path and its query. */
function parseHash() {
  let text = window.location.hash.replace(/^#/, '');
  if (!text.startsWith('/')) text = `/${text}`;
  const [rawPath, rawQuery = ''] = text.split('?', 2);
  let path = rawPath.replace(/\/+$/, '') || '/';
  try {
    path = decodeURIComponent(path);
  } catch {
    // Leave a malformed path as is: it will match no route.
  }
  return { path, query: new URLSearchParams(rawQuery) };
}

function match(path) {
  for (const candidate of routes) {
    const found = candidate.pattern.exec(path);
    if (found) return { ...candidate, params: found.slice(1) };
  }
  return null;
}

/** Fills every [data-i18n] element of the static shell and marks the current language. */
function applyShellText() {
  const lang = getLang();
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
}

function markNav(section) {
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function mount(view, { moveFocus, keepFocusId }) {
  main.replaceChildren(view.node);
  document.title = view.title ? `${view.title} · fairmatch` : 'fairmatch';
  const keep = keepFocusId ? document.getElementById(keepFocusId) : null;
  if (keep && main.contains(keep)) {
    keep.focus();
  } else if (moveFocus) {
    main.querySelector('h1')?.focus({ preventScroll: true });
  }
}

/**
 * Renders the route in the hash. moveFocus puts focus on the new page's
 * heading (after a navigation, not on first load or a language switch).
 */
async function render({ moveFocus = false } = {}) {
  inFlight?.abort();
  const controller = new AbortController();
  inFlight = controller;
  main.dataset.ready = 'false';
  const { path, query } = parseHash();
  const samePath = path === lastPath;
  const keepFocusId = samePath && main.contains(document.activeElement) ? document.activeElement.id : null;
  lastPath = path;

  const found = match(path);
  markNav(found?.nav ?? null);
  if (!samePath && moveFocus) window.scrollTo(0, 0);

  const loading = setTimeout(() => {
    if (controller.signal.aborted) return;
    main.replaceChildren(h('p', { class: 'loading', role: 'status', 'data-testid': 'loading' }, t('app.loading')));
  }, LOADING_DELAY_MS);
  main.setAttribute('aria-busy', 'true');

  let view;
  try {
    view = found
      ? await found.page.render({ params: found.params, query, signal: controller.signal })
      : notFoundView();
  } catch (error) {
    if (controller.signal.aborted || isAbort(error)) return;
    if (!error?.problem) console.warn('fairmatch: view failed', error);
    view = errorView(error, () => render({ moveFocus: true }));
  } finally {
    clearTimeout(loading);
  }
  if (controller.signal.aborted) return;
  main.removeAttribute('aria-busy');
  mount(view, { moveFocus, keepFocusId });
  // Hooks for tests: which route and language the content on screen belongs to.
  main.dataset.hash = window.location.hash;
  main.dataset.lang = getLang();
  main.dataset.ready = 'true';
}

function switchLanguage(lang) {
  if (lang === getLang() || !LANGS.includes(lang)) return;
  setLang(lang);
  applyShellText();
  render();
}

function start() {
  applyShellText();
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => switchLanguage(button.dataset.lang));
  }
  // The skip link targets the main region without touching the hash (the hash is the route).
  document.querySelector('.skip-link')?.addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });
  window.addEventListener('hashchange', () => render({ moveFocus: true }));
  // Another tab switched the language: follow it.
  window.addEventListener('storage', (event) => {
    if (event.key === 'fairmatch.lang' && LANGS.includes(event.newValue) && event.newValue !== getLang()) {
      setLang(event.newValue);
      applyShellText();
      render();
    }
  });
  render();
}

start();
