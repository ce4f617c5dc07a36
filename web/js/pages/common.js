// Building blocks shared by the pages: headings, pager, fact lists, chips and
// the problem+json alert. Each returns DOM nodes; none touches the document.

import { h } from '../dom.js';
import { t, getLang, pick, formatDateTime, isoDateTime } from '../i18n.js';
import { PAGE_SIZE } from '../api.js';

const MAX_PAGE = 1_000_000;

/** The 1-based page number from a query (?page=N); anything invalid is page 1, huge numbers are capped. */
export function pageFrom(query) {
  const text = query.get('page') ?? '1';
  const page = /^\d{1,9}$/.test(text) ? Number(text) : 1;
  return Math.min(Math.max(page, 1), MAX_PAGE);
}

/** The page's main heading; the router focuses it after navigation. */
export function heading(text, attrs = {}) {
  return h('h1', { tabindex: '-1', class: 'page-title', ...attrs }, text);
}

/** A breadcrumb back to a directory. */
export function backLink(href, text) {
  return h('nav', { class: 'breadcrumb', 'aria-label': t('common.breadcrumb') },
    h('a', { href, 'data-testid': 'back-link' }, h('span', { 'aria-hidden': 'true' }, '← '), text));
}

/**
 * Previous/next links and "page X of Y" for a list of total items.
 * hrefFor(page) gives the route of a page.
 */
export function pager({ page, total, hrefFor, label = t('pager.label') }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (target, enabled, text, testid, rel) => (enabled
    ? h('a', { class: `pager-link ${rel}`, href: hrefFor(target), rel, id: testid, 'data-testid': testid }, text)
    : h('a', { class: `pager-link ${rel}`, 'aria-disabled': 'true', 'data-testid': testid }, text));
  return h('nav', { class: 'pager', 'aria-label': label },
    link(page - 1, page > 1, [h('span', { 'aria-hidden': 'true' }, '‹ '), t('pager.prev')], 'pager-prev', 'prev'),
    h('p', { class: 'pager-status', 'data-testid': 'pager-status' },
      t('pager.status', { page, pages })),
    link(page + 1, page < pages, [t('pager.next'), h('span', { 'aria-hidden': 'true' }, ' ›')], 'pager-next', 'next'));
}

/** A description list from [label, value] pairs; a null value shows "not provided". */
export function facts(rows, attrs = {}) {
  const dl = h('dl', { class: 'facts', ...attrs });
  for (const [label, value, testid] of rows) {
    const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
    dl.append(h('div', { class: 'fact', 'data-testid': testid },
      h('dt', {}, label),
      h('dd', { class: empty ? 'muted' : null }, empty ? t('common.none') : value)));
  }
  return dl;
}

/** A list of small labels (categories, materials, markets). */
export function chips(labels, attrs = {}) {
  if (!labels || labels.length === 0) return null;
  return h('ul', { class: 'chips', ...attrs }, labels.map((label) => h('li', { class: 'chip' }, label)));
}

/** Name of a reference item (category, province, country, certification) in the current language. */
export function refName(ref, code) {
  const item = ref?.byCode.get(code);
  return item ? pick(item, 'name') : code;
}

/**
 * Marks a node as Vietnamese text when the UI is in English, so that screen
 * readers pronounce craft villages and company names correctly.
 */
export function vietnamese(tag, attrs, text) {
  return h(tag, { ...attrs, lang: getLang() === 'vi' ? null : 'vi' }, text);
}

// Problem types whose title and detail the UI words itself (the server's
// texts are English); others show the server's title and detail.
const KNOWN_PROBLEMS = new Set([
  'invalid-credentials', 'too-many-attempts', 'email-taken', 'invalid-token', 'forbidden', 'csrf',
  'unauthenticated', 'no-profile', 'not-approved', 'conflict', 'validation-error', 'not-found',
  'invalid-csv', 'too-many-rows', 'unsupported-media-type',
]);

/**
 * The {title, detail} to show for an API error, in the UI language when its
 * problem type is known (retryAfter: seconds, for too-many-attempts).
 */
export function problemText(error) {
  const problem = error?.problem ?? {};
  if (error?.kind === 'network') return { title: t('error.heading'), detail: t('error.network') };
  if (error?.kind === 'parse') return { title: t('error.badResponse'), detail: problem.detail };
  if (!error?.problem) return { title: t('error.heading'), detail: error?.message };
  const type = String(problem.type ?? '').replace(/^\/problems\//, '');
  if (KNOWN_PROBLEMS.has(type)) {
    const retry = Number(error.response?.headers?.get('retry-after'));
    const detailKey = `problem.${type}.detail`;
    let detail = t(detailKey, { seconds: Number.isFinite(retry) && retry > 0 ? retry : 1 });
    // A server detail that says more than the generic text (e.g. why a CSV failed) is kept.
    if (['invalid-csv', 'conflict', 'not-found'].includes(type) && problem.detail) detail = problem.detail;
    return { title: t(`problem.${type}.title`), detail: detail === detailKey ? problem.detail : detail };
  }
  return { title: problem.title, detail: problem.detail };
}

/** The alert box for an API error: the problem's title, detail and (unless fields is false) field errors. */
export function problemAlert(error, { fields: showFields = true } = {}) {
  const problem = error?.problem ?? {};
  const { title, detail } = problemText(error);
  const fields = showFields && Array.isArray(problem.errors) ? problem.errors : [];
  return h('div', { class: 'alert', role: 'alert', 'data-testid': 'error-alert' },
    h('p', { class: 'alert-title', 'data-testid': 'error-title' }, title || t('error.heading')),
    detail ? h('p', { class: 'alert-detail', 'data-testid': 'error-detail' }, detail) : null,
    fields.length > 0
      ? h('ul', { class: 'alert-fields', 'aria-label': t('error.details') },
        fields.map((field) => h('li', {},
          field.field ? h('code', {}, field.field) : null,
          field.field ? ': ' : null,
          field.message ?? '')))
      : null);
}

/** A <time> element for a moment (unix seconds or ISO text), shown in the fair's time zone. */
export function timeEl(value, options = {}) {
  if (value === null || value === undefined || value === '' || value === 0) return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: isoDateTime(value) }, formatDateTime(value, options));
}

/** A participation status (pending, approved, rejected) as a badge. */
export function participationBadge(status, testid = 'participation-status') {
  const known = ['pending', 'approved', 'rejected'].includes(status);
  return h('span', { class: `badge participation-${known ? status : 'unknown'}`, 'data-testid': testid, 'data-status': status },
    known ? t(`participation.${status}`) : status);
}

/** A table with a caption, header cells and rows of cells (nodes or text). */
export function table({ caption, headers, rows, testid, captionHidden = false, className = '' }) {
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption },
    h('table', { class: `data-table ${className}`.trim(), 'data-testid': testid },
      h('caption', { class: captionHidden ? 'visually-hidden' : null }, caption),
      h('thead', {}, h('tr', {}, headers.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, rows)));
}
