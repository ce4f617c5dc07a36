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
import { h, route } from './dom.js';
import * as session from './session.js';
import { onRouteReplaced, onViewUpdated, go } from './nav.js';
import { notFoundView, errorView, roleRequiredView } from './pages/errors.js';
import * as overview from './pages/overview.js';
import * as exhibitors from './pages/exhibitors.js';
import * as exhibitor from './pages/exhibitor.js';
import * as products from './pages/products.js';
import * as product from './pages/product.js';
import * as auth from './pages/auth.js';
import * as account from './pages/account.js';
import * as profile from './pages/profile.js';
import * as participants from './pages/participants.js';
import * as imports from './pages/imports.js';
import * as audit from './pages/audit.js';
import * as weights from './pages/weights.js';
import * as recommendations from './pages/recommendations.js';
import * as shortlist from './pages/shortlist.js';
import * as booths from './pages/booths.js';
import * as boothAdmin from './pages/booth-admin.js';
// Meetings: requests, my schedule, availability; the organizer's grid, scheduler and all meetings.
import * as meetingRequests from './pages/meeting-requests.js';
import * as mySchedule from './pages/my-schedule.js';
import * as availability from './pages/availability.js';
import * as meetingGrid from './pages/meeting-grid.js';
import * as scheduler from './pages/scheduler.js';
import * as meetingsAdmin from './pages/meetings-admin.js';
import * as meetingConstraints from './pages/meeting-constraints.js';
// The live fair: dashboard, check-in desk, badges, rates, report; a participant's day, deals, leads.
import * as live from './pages/live.js';
import * as checkin from './pages/checkin.js';
import * as badges from './pages/badges.js';
import * as rates from './pages/rates.js';
import * as report from './pages/report.js';
import * as today from './pages/today.js';
import * as deals from './pages/deals.js';
import * as leads from './pages/leads.js';

const ID = '([1-9]\\d{0,17})';

const routes = [
  { pattern: /^\/$/, page: overview, nav: 'overview' },
  { pattern: /^\/exhibitors$/, page: exhibitors, nav: 'exhibitors' },
  { pattern: new RegExp(`^/exhibitors/${ID}$`), page: exhibitor, nav: 'exhibitors' },
  { pattern: new RegExp(`^/exhibitors/${ID}/edit$`), page: profile.editExhibitor, nav: 'profile' },
  { pattern: new RegExp(`^/importers/${ID}/edit$`), page: profile.editImporter, nav: 'profile' },
  { pattern: /^\/products$/, page: products, nav: 'products' },
  { pattern: new RegExp(`^/products/${ID}$`), page: product, nav: 'products' },
  { pattern: /^\/booths$/, page: booths, nav: 'booths' },
  { pattern: new RegExp(`^/booths/${ID}$`), page: booths, nav: 'booths' },
  { pattern: /^\/login$/, page: auth.login, nav: 'login' },
  { pattern: /^\/register$/, page: auth.register, nav: 'register' },
  { pattern: /^\/forgot$/, page: auth.forgot, nav: 'login' },
  { pattern: /^\/reset$/, page: auth.reset, nav: 'login' },
  { pattern: /^\/invitation$/, page: auth.invitation, nav: 'login' },
  { pattern: /^\/account$/, page: account, nav: 'account' },
  { pattern: /^\/profile$/, page: profile.mine, nav: 'profile' },
  { pattern: /^\/recommendations$/, page: recommendations.forImporter, nav: 'recommendations' },
  { pattern: /^\/buyers$/, page: recommendations.forExhibitor, nav: 'buyers' },
  { pattern: /^\/shortlist$/, page: shortlist, nav: 'shortlist' },
  { pattern: /^\/organizer$/, page: participants, nav: 'organizer' },
  { pattern: /^\/organizer\/participants$/, page: participants, nav: 'organizer' },
  { pattern: /^\/organizer\/import$/, page: imports, nav: 'organizer' },
  { pattern: /^\/organizer\/audit$/, page: audit.log, nav: 'organizer' },
  { pattern: /^\/organizer\/outbox$/, page: audit.outbox, nav: 'organizer' },
  { pattern: /^\/organizer\/weights$/, page: weights.editor, nav: 'organizer' },
  { pattern: /^\/organizer\/match$/, page: weights.pair, nav: 'organizer' },
  { pattern: /^\/organizer\/booths$/, page: boothAdmin, nav: 'organizer' },
  { pattern: /^\/meetings$/, page: meetingRequests, nav: 'meetings' },
  { pattern: /^\/meetings\/schedule$/, page: mySchedule, nav: 'meetings' },
  { pattern: /^\/meetings\/availability$/, page: availability, nav: 'meetings' },
  { pattern: /^\/organizer\/grid$/, page: meetingGrid, nav: 'organizer' },
  { pattern: /^\/organizer\/requests$/, page: meetingConstraints, nav: 'organizer' },
  { pattern: /^\/organizer\/schedule$/, page: scheduler, nav: 'organizer' },
  { pattern: /^\/organizer\/meetings$/, page: meetingsAdmin, nav: 'organizer' },
  { pattern: /^\/organizer\/live$/, page: live, nav: 'live' },
  { pattern: /^\/organizer\/check-in$/, page: checkin, nav: 'live' },
  { pattern: /^\/organizer\/badges$/, page: badges.list, nav: 'organizer' },
  { pattern: /^\/organizer\/badges\/print$/, page: badges.printPage, nav: 'organizer' },
  { pattern: /^\/organizer\/rates$/, page: rates, nav: 'organizer' },
  { pattern: /^\/organizer\/report$/, page: report, nav: 'organizer' },
  { pattern: /^\/badge$/, page: badges.mine, nav: 'today' },
  { pattern: new RegExp(`^/badge/(exhibitor|importer)/${ID}$`), page: badges.one, nav: null },
  { pattern: /^\/today$/, page: today, nav: 'today' },
  { pattern: /^\/deals$/, page: deals, nav: 'deals' },
  { pattern: /^\/leads$/, page: leads, nav: 'leads' },
];

// Navigation entries that depend on who is signed in: [nav key, route, i18n key, roles].
const USER_NAV = [
  ['profile', '#/profile', 'nav.profile', ['exhibitor', 'importer']],
  ['recommendations', '#/recommendations', 'nav.recommendations', ['importer']],
  ['shortlist', '#/shortlist', 'nav.shortlist', ['importer']],
  ['buyers', '#/buyers', 'nav.buyers', ['exhibitor']],
  ['meetings', '#/meetings', 'nav.meetings', ['exhibitor', 'importer']],
  ['organizer', '#/organizer/participants', 'nav.organizer', ['organizer']],
  ['live', '#/organizer/live', 'nav.live', ['organizer']],
  ['today', '#/today', 'nav.today', ['exhibitor', 'importer']],
  ['deals', '#/deals', 'nav.deals', ['exhibitor', 'importer']],
  ['leads', '#/leads', 'nav.leads', ['exhibitor']],
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

/** The navigation entries and the account area (name and sign-out, or sign-in and register) for the current user. */
function renderUserChrome() {
  const user = session.user();
  const list = document.querySelector('.nav-user');
  list?.replaceChildren(...USER_NAV
    .filter(([, , , roles]) => user && roles.includes(user.role))
    .map(([key, href, label]) => h('li', {}, h('a', { href, 'data-nav': key, 'data-testid': `nav-${key}` }, t(label)))));
  const area = document.querySelector('.account-area');
  if (!area) return;
  if (user) {
    area.replaceChildren(
      h('a', { class: 'account-name', href: '#/account', 'data-nav': 'account', 'data-testid': 'user-name' },
        h('span', { class: 'visually-hidden' }, `${t('account.signedInAs')} `),
        user.display_name || user.email),
      h('button', { type: 'button', class: 'account-button', 'data-testid': 'sign-out', onclick: signOut },
        t('nav.signOut')));
  } else {
    area.replaceChildren(
      h('a', { class: 'account-link', href: '#/login', 'data-nav': 'login', 'data-testid': 'nav-login' }, t('nav.signIn')),
      h('a', { class: 'account-link account-link-strong', href: '#/register', 'data-nav': 'register',
        'data-testid': 'nav-register' }, t('nav.register')));
  }
  markNav(match(parseHash().path)?.nav ?? null);
}

async function signOut() {
  try {
    await session.signOut();
  } catch {
    // The local state is cleared anyway; the cookie expires on the server.
  }
  go(route('/login', { signedOut: 1 }));
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
    if (error instanceof session.SignInRequired || (error?.status === 401 && session.user())) {
      // Not signed in (or the session ended): sign in, then come back here.
      clearTimeout(loading);
      if (error?.status === 401) session.expired();
      window.location.replace(route('/login', { next: window.location.hash }));
      return;
    }
    if (error instanceof session.RoleRequired) {
      view = roleRequiredView(error.roles);
    } else {
      if (!error?.problem) console.warn('fairmatch: view failed', error);
      view = errorView(error, () => render({ moveFocus: true }));
    }
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
  renderUserChrome();
  render();
}

async function start() {
  applyShellText();
  renderUserChrome();
  session.onChange(() => renderUserChrome());
  // A view switched the language (to the user's own, after signing in).
  window.addEventListener('fairmatch:language', () => {
    applyShellText();
    renderUserChrome();
  });
  // A view replaced its own route (a live search): the content on screen belongs to the new hash.
  // Until it says its content is up to date, the view is not ready for that route.
  onRouteReplaced(() => {
    lastPath = parseHash().path;
    main.dataset.ready = 'false';
  });
  onViewUpdated(() => {
    if (inFlight && !inFlight.signal.aborted && main.getAttribute('aria-busy') === 'true') return;
    main.dataset.hash = window.location.hash;
    main.dataset.lang = getLang();
    main.dataset.ready = 'true';
  });
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
      renderUserChrome();
      render();
    }
    // Another tab signed in or out.
    if (event.key === 'fairmatch.session') session.load().then(() => render());
  });
  await session.load();
  render();
}

start();
