// What the meeting pages share: times in the fair's time zone, status and
// priority badges, the counterpart of a request, locations in words, the
// problems of the meeting API worded in the UI language, the participant's
// tabs (requests, schedule, availability), and the "request a meeting" panel
// shown on an exhibitor's page and on recommendation cards.

import { h, route } from '../dom.js';
import { t, getLang, locale, pick, FAIR_TIME_ZONE, formatDateTime } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { heading, problemAlert, problemText } from './common.js';
import { FormErrors, busy, radios, field, fieldGroup } from '../forms.js';
import { exhibitorNames } from './exhibitors.js';

export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'cancelled', 'expired'];
export const OPEN_STATUSES = ['pending', 'accepted'];
export const PRIORITIES = ['must_meet', 'would_like'];
export const MESSAGE_MAX = 1000;
export const REASON_MAX = 500;

// ---------- Times ----------

function clockFormat() {
  return new Intl.DateTimeFormat(locale(), getLang() === 'vi'
    ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: FAIR_TIME_ZONE }
    : { hour: 'numeric', minute: '2-digit', timeZone: FAIR_TIME_ZONE });
}

/** "09:30" (vi) or "9:30 AM" (en): the local time of an instant at the fair. */
export function clock(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  return clockFormat().format(date);
}

/** The start of a range without its day period when the end has the same one: "9:00" of "9:00–9:30 AM". */
function rangeStart(start, end) {
  const a = new Date(start);
  const b = new Date(end);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return clock(start);
  const format = clockFormat();
  const parts = format.formatToParts(a);
  const period = parts.find((part) => part.type === 'dayPeriod')?.value;
  if (!period || period !== format.formatToParts(b).find((part) => part.type === 'dayPeriod')?.value) return format.format(a);
  return parts.filter((part) => part.type !== 'dayPeriod').map((part) => part.value).join('').trim();
}

/** A calendar day (YYYY-MM-DD) with its weekday: "Thứ Năm, 3 tháng 12, 2026" / "Thursday, December 3, 2026". */
export function dayLabel(day, { short = false } = {}) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  if (!match) return String(day ?? '');
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const options = short
    ? { weekday: 'short', day: 'numeric', month: 'numeric', timeZone: 'UTC' }
    : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  const text = new Intl.DateTimeFormat(locale(), options).format(date);
  return text.charAt(0).toLocaleUpperCase(locale()) + text.slice(1);
}

/** "09:00–09:30" as two <time> elements (machine-readable UTC instants). */
export function timeRange(start, end, attrs = {}) {
  return h('span', { class: 'time-range', ...attrs },
    h('time', { datetime: start }, rangeStart(start, end)),
    h('span', { 'aria-hidden': 'true' }, '–'),
    h('span', { class: 'visually-hidden' }, ` ${t('meetings.until')} `),
    h('time', { datetime: end }, clock(end)));
}

/** The fair's time zone in words: "Giờ Việt Nam (UTC+07:00)". */
export function timeZoneNote(offset = '+07:00') {
  return h('p', { class: 'time-zone-note', 'data-testid': 'time-zone-note' }, t('meetings.timeZone', { offset: offset ?? '+07:00' }));
}

/** Minutes since midnight from "HH:MM", or null. */
export function minutesOf(text) {
  const match = /^(\d{2}):(\d{2})$/.exec(text ?? '');
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** "HH:MM" from minutes since midnight. */
export function hhmm(minutes) {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// ---------- Words for statuses, priorities, places ----------

export function requestBadge(status, testid = 'request-status') {
  const known = REQUEST_STATUSES.includes(status);
  return h('span', { class: `badge request-badge request-${known ? status : 'unknown'}`, 'data-testid': testid, 'data-status': status },
    known ? t(`meetings.status.${status}`) : status);
}

export function priorityBadge(priority, testid = 'request-priority') {
  const known = PRIORITIES.includes(priority);
  return h('span', { class: `badge priority-badge priority-${known ? priority : 'unknown'}`, 'data-testid': testid,
    'data-priority': priority }, known ? t(`meetings.priority.${priority}`) : priority);
}

/** Where a meeting takes place, in words: "Bàn 3", "Gian A-1" / "Table 3", "Booth A-1". */
export function locationText(kind, location) {
  if (kind === 'table') {
    const match = /^Table (\d+)$/.exec(location ?? '');
    if (match) return t('meetings.table', { number: match[1] });
  }
  if (kind === 'booth' && location) return t('meetings.booth', { code: location });
  return location ?? '';
}

/**
 * The other side of a request or meeting as {kind, id, name, lang, country}:
 * the exhibitor for an importer, the importer for an exhibitor.
 */
export function counterpartOf(item, mySide) {
  if (mySide === 'importer') {
    const exhibitor = item.exhibitor ?? item.counterpart ?? {};
    const names = exhibitorNames(exhibitor);
    return { kind: 'exhibitor', id: exhibitor.id, name: names.primary, lang: names.primaryLang, secondary: names.secondary };
  }
  const importer = item.importer ?? item.counterpart ?? {};
  return { kind: 'importer', id: importer.id, name: importer.name, lang: null, country: importer.country };
}

/** The counterpart's name as a node: a link to an exhibitor's page, plain text for an importer. */
export function counterpartName(other, countries = null, attrs = {}) {
  const country = other.country ? (countries?.byCode.get(other.country) ? pick(countries.byCode.get(other.country), 'name') : other.country) : null;
  const name = other.kind === 'exhibitor'
    ? h('a', { href: route(`/exhibitors/${other.id}`), lang: getLang() === 'vi' ? null : other.lang, 'data-testid': 'counterpart-name', ...attrs },
      other.name)
    : h('span', { 'data-testid': 'counterpart-name', ...attrs }, other.name);
  return [name, country ? h('span', { class: 'counterpart-country', 'data-testid': 'counterpart-country' }, ` · ${country}`) : null];
}

// ---------- Problems of the meeting API ----------

const MEETING_PROBLEMS = new Set([
  'duplicate-request', 'request-limit', 'requests-closed', 'request-closed', 'request-expired', 'not-admitted',
  'no-grid', 'run-in-progress', 'run-not-finished', 'run-failed', 'unsupported-time-zone',
]);

export const SESSION_WISHES = ['any', 'morning', 'afternoon'];

/** A fill-in's reason ({vi, en}) in the UI language. */
export function fillInReason(reason) {
  if (!reason || typeof reason !== 'object') return '';
  return reason[getLang()] || reason.en || reason.vi || '';
}

/** The type of an API error without its "/problems/" prefix. */
export function problemType(error) {
  return String(error?.problem?.type ?? '').replace(/^\/problems\//, '');
}

/** {title, detail} for an error of the meeting API, in the UI language. */
export function meetingProblemText(error) {
  const type = problemType(error);
  if (!MEETING_PROBLEMS.has(type)) return problemText(error);
  const detail = String(error?.problem?.detail ?? '');
  const params = {};
  if (type === 'request-limit') params.count = Number(/at most (\d+)/.exec(detail)?.[1] ?? 0);
  if (type === 'requests-closed') {
    const iso = /\((\d{4}-\d{2}-\d{2}T[^)]+)\)/.exec(detail)?.[1];
    params.deadline = iso ? formatDateTime(iso) : '—';
  }
  if (type === 'request-closed') {
    const status = /is (\w+) already/.exec(detail)?.[1];
    params.status = REQUEST_STATUSES.includes(status) ? t(`meetings.status.${status}`).toLocaleLowerCase(locale()) : status ?? '';
  }
  return { title: t(`meetings.problem.${type}.title`), detail: t(`meetings.problem.${type}.detail`, params) };
}

/** An alert for an error of the meeting API (the same shape as problemAlert). */
export function meetingAlert(error, extra = null) {
  if (!MEETING_PROBLEMS.has(problemType(error))) return problemAlert(error);
  const { title, detail } = meetingProblemText(error);
  return h('div', { class: 'alert', role: 'alert', tabindex: '-1', 'data-testid': 'error-alert', 'data-type': problemType(error) },
    h('p', { class: 'alert-title', 'data-testid': 'error-title' }, title),
    detail ? h('p', { class: 'alert-detail', 'data-testid': 'error-detail' }, detail) : null,
    extra);
}

// ---------- The participant's pages ----------

const TABS = [
  ['requests', '#/meetings', 'meetings.tab.requests'],
  ['schedule', '#/meetings/schedule', 'meetings.tab.schedule'],
  ['availability', '#/meetings/availability', 'meetings.tab.availability'],
];

export function participantTabs(current) {
  return h('nav', { class: 'tabs', 'aria-label': t('meetings.tabs') },
    h('ul', {}, TABS.map(([key, href, label]) => h('li', {},
      h('a', { href, 'aria-current': key === current ? 'page' : null, 'data-testid': `tab-${key}` }, t(label))))));
}

/** The head of a participant's meeting page: the fair, the title, the tabs and a lead. */
export function participantHead(fair, title, tab, lead = null) {
  return h('div', { class: 'page-head' },
    fair ? h('p', { class: 'eyebrow' }, pick(fair, 'name')) : null,
    heading(title),
    participantTabs(tab),
    lead ? h('p', { class: 'lead' }, lead) : null);
}

/**
 * The current fair and the signed-in participant's profile in it. Throws
 * SignInRequired / RoleRequired; resolves to {fair, profile, side} or, when
 * there is no fair or no profile, {view} saying so.
 */
export async function participantFair({ signal, tab, title }) {
  session.requireUser('importer', 'exhibitor');
  const [fair] = await Promise.all([api.currentFair(), session.refresh({ signal })]);
  const user = session.user();
  if (!user) throw new session.SignInRequired();
  const profile = fair ? session.profileIn(fair.id) : null;
  if (!fair || !profile) {
    return {
      view: {
        title,
        node: h('section', { class: 'page narrow meetings-page', 'data-testid': 'meetings-no-profile' },
          participantHead(fair, title, tab),
          h('div', { class: 'notice notice-info', 'data-testid': 'meetings-blocked' },
            h('p', { class: 'alert-title' }, fair ? t('problem.no-profile.title') : t('overview.noFair')),
            fair ? h('p', {}, t('meetings.needProfile')) : null,
            fair ? h('p', {}, h('a', { class: 'button button-secondary', href: '#/profile' }, t('recommendations.toProfile'))) : null)),
      },
    };
  }
  return { fair, profile, side: user.role };
}

// ---------- Requesting a meeting ----------

/**
 * The signed-in participant's open requests in a fair, by the counterpart's
 * id ({byCounterpart: Map, rules}); null for anyone who cannot request.
 */
export async function requestContext(fairId, { signal } = {}) {
  const user = session.user();
  if (!user || !['importer', 'exhibitor'].includes(user.role)) return null;
  const profile = session.profileIn(fairId);
  if (!profile || profile.status === 'rejected') return null;
  const [outbox, inbox] = await Promise.all(['outbox', 'inbox'].map((box) =>
    api.get('/me/meeting-requests', { params: { fair: fairId, box }, signal })));
  const otherKey = user.role === 'importer' ? 'exhibitor' : 'importer';
  const byCounterpart = new Map();
  for (const item of [...(outbox?.items ?? []), ...(inbox?.items ?? [])]) {
    if (OPEN_STATUSES.includes(item.status)) byCounterpart.set(item[otherKey]?.id, item);
  }
  return { byCounterpart, rules: outbox?.rules ?? null, side: user.role, fairId: Number(fairId) };
}

/** Where an open request stands, with a link to it in the inbox or outbox. */
function requestState(request, other) {
  const box = request.box === 'inbox' ? 'inbox' : 'outbox';
  const text = request.status === 'accepted'
    ? t('meetings.request.stateAccepted', { name: other.name })
    : t(box === 'inbox' ? 'meetings.request.stateInbox' : 'meetings.request.stateOutbox', { name: other.name });
  return h('div', { class: 'request-state', tabindex: '-1', 'data-testid': 'request-state', 'data-status': request.status, 'data-box': box },
    requestBadge(request.status),
    h('span', {}, text),
    h('a', { href: route('/meetings', { box }), 'data-testid': 'request-state-link' },
      t(box === 'inbox' ? 'meetings.request.toInbox' : 'meetings.request.toOutbox')));
}

/**
 * The "request a meeting" panel for a counterpart ({kind, id, name, lang}):
 * the state of an open request with it, or a button that opens a form
 * (priority and message). context comes from requestContext().
 */
export function requestPanel(context, other, { compact = false } = {}) {
  const panel = h('div', { class: compact ? 'meeting-request meeting-request-compact' : 'meeting-request',
    'data-testid': 'meeting-request', 'data-counterpart': other.id });
  const existing = context.byCounterpart.get(other.id);
  if (existing) {
    panel.append(requestState(existing, other));
    return panel;
  }
  if (context.rules && context.rules.requests_open === false) {
    panel.append(h('p', { class: 'muted small', 'data-testid': 'requests-closed' },
      t('meetings.request.closed', { deadline: formatDateTime(context.rules.request_deadline) })));
    return panel;
  }
  const suffix = `${other.kind}-${other.id}`;
  const formId = `request-form-${suffix}`;
  const open = h('button', { type: 'button', class: 'button button-small', 'aria-expanded': 'false', 'aria-controls': formId,
    'data-testid': 'request-open', 'aria-label': t('meetings.request.openNamed', { name: other.name }) }, t('meetings.request.open'));
  const alertSlot = h('div', { class: 'form-alerts' });
  const message = h('textarea', { id: `request-message-${suffix}`, name: 'message', rows: '4', maxlength: String(MESSAGE_MAX),
    'data-testid': 'request-message' });
  const sessionWish = h('select', { id: `request-session-${suffix}`, name: 'session_wish', 'data-testid': 'request-session-wish' },
    SESSION_WISHES.map((value) => h('option', { value }, t(`meetings.sessionWish.${value}`))));
  const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'request-submit' }, t('meetings.request.send'));
  const cancel = h('button', { type: 'button', class: 'link-button', 'data-testid': 'request-cancel' }, t('common.cancel'));
  const form = h('form', { class: 'form request-form', id: formId, novalidate: true, hidden: true, 'data-testid': 'request-form',
    'aria-label': t('meetings.request.formNamed', { name: other.name }) },
  alertSlot,
  fieldGroup({ name: 'priority', id: `request-priority-${suffix}`, legend: t('meetings.request.priority'),
    hint: t('meetings.request.priorityHint'),
    content: radios({ idPrefix: `request-priority-${suffix}`, name: `priority-${suffix}`, value: 'would_like',
      options: PRIORITIES.map((value) => [value, t(`meetings.priority.${value}`)]) }) }),
  field({ name: 'session_wish', label: t('meetings.request.sessionWish'), control: sessionWish,
    hint: t('meetings.request.sessionWishHint') }),
  field({ name: 'message', label: t('meetings.request.message'), control: message, wide: true,
    hint: t(other.kind === 'exhibitor' ? 'meetings.request.messageHint.exhibitor' : 'meetings.request.messageHint.importer',
      { max: MESSAGE_MAX }) }),
  h('div', { class: 'form-actions' }, submit, cancel));
  for (const input of form.querySelectorAll('input[type=radio]')) input.dataset.testid = `request-priority-${input.value}`;
  const errors = new FormErrors(form, alertSlot);
  const toggle = (show) => {
    form.hidden = !show;
    open.hidden = show;
    open.setAttribute('aria-expanded', String(show));
    panel.classList.toggle('is-open', show);
    if (show) form.querySelector('input[type=radio]:checked')?.focus();
    else open.focus();
  };
  open.addEventListener('click', () => toggle(true));
  cancel.addEventListener('click', () => {
    errors.clear();
    toggle(false);
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    const priority = form.querySelector('input[type=radio]:checked')?.value ?? 'would_like';
    const text = message.value.trim();
    if (text.length > MESSAGE_MAX) {
      errors.add('message', t('meetings.validation.tooLong', { max: MESSAGE_MAX }));
      errors.show();
      return;
    }
    const done = busy(submit);
    try {
      const body = { priority, message: text };
      if (sessionWish.value !== 'any') body.session_wish = sessionWish.value;
      body[other.kind === 'exhibitor' ? 'exhibitor_id' : 'importer_id'] = Number(other.id);
      const created = await api.post('/me/meeting-requests', body);
      context.byCounterpart.set(other.id, created);
      const state = requestState(created, other);
      panel.replaceChildren(
        h('p', { class: 'notice notice-success', role: 'status', 'data-testid': 'request-sent' },
          t('meetings.request.sent', { name: other.name })),
        state);
      state.focus();
    } catch (error) {
      done();
      const type = problemType(error);
      const list = Array.isArray(error?.problem?.errors) ? error.problem.errors : [];
      if (list.some((entry) => entry.code === 'not_found')) {
        alertSlot.replaceChildren(h('div', { class: 'alert', role: 'alert', tabindex: '-1', 'data-testid': 'error-alert' },
          h('p', { class: 'alert-title', 'data-testid': 'error-title' }, t('meetings.request.notApproved'))));
        alertSlot.firstChild.focus();
        return;
      }
      if (list.length > 0) {
        errors.fromProblem(error);
        return;
      }
      const link = type === 'duplicate-request'
        ? h('p', {}, h('a', { href: route('/meetings', { box: 'outbox' }) }, t('meetings.request.toOutbox')))
        : null;
      const alert = meetingAlert(error, link);
      alert.setAttribute('tabindex', '-1');
      alertSlot.replaceChildren(alert);
      alert.focus();
    }
  });
  panel.append(open, form);
  return panel;
}

/** A line inviting a visitor who is not signed in to sign in to request a meeting. */
export function signInToRequest(hash) {
  return h('p', { class: 'meeting-request meeting-request-anon', 'data-testid': 'request-sign-in' },
    h('a', { href: route('/login', { next: hash }) }, t('meetings.request.signIn')));
}

/** Page title and heading for the meeting pages. */
export function meetingsTitle(tab) {
  return t(`meetings.title.${tab}`);
}
