// #/meetings[?box=inbox|outbox&status=pending|accepted|declined|cancelled|expired]
// — the participant's meeting requests: those received (accept, or decline
// with an optional reason) and those sent (cancel), each with its status,
// priority, message and dates; the organizer's deadline and cap on top.

import { h, route, append } from '../dom.js';
import { t, formatDateTime, formatNumber } from '../i18n.js';
import * as api from '../api.js';
import { field, FormErrors, busy, statusRegion, announce } from '../forms.js';
import {
  REQUEST_STATUSES, REASON_MAX, participantFair, participantHead, requestBadge, priorityBadge, counterpartOf,
  counterpartName, meetingAlert, meetingsTitle,
} from './meeting-common.js';
import { timeEl } from './common.js';

const BOXES = ['inbox', 'outbox'];

function rulesNotice(rules) {
  if (!rules) return null;
  const parts = [];
  if (rules.request_deadline) {
    parts.push(rules.requests_open
      ? t('meetings.rules.deadline', { deadline: formatDateTime(rules.request_deadline) })
      : t('meetings.rules.closed', { deadline: formatDateTime(rules.request_deadline) }));
  }
  if (Number.isInteger(rules.requests_per_participant)) {
    parts.push(t('meetings.rules.cap', { count: rules.requests_per_participant }));
  }
  if (parts.length === 0) return null;
  return h('div', { class: rules.requests_open ? 'notice notice-info' : 'warning', 'data-testid': 'meeting-rules' },
    parts.map((text) => h('p', {}, text)));
}

function boxTabs(box, status) {
  return h('nav', { class: 'segmented', 'aria-label': t('meetings.box.label') },
    h('ul', {}, BOXES.map((key) => h('li', {},
      h('a', { href: route('/meetings', { box: key === 'inbox' ? null : key, status }), 'aria-current': key === box ? 'page' : null,
        'data-testid': `box-${key}` }, t(`meetings.box.${key}`))))));
}

function statusFilter(box, status, counts) {
  const total = REQUEST_STATUSES.reduce((sum, key) => sum + (counts?.[key] ?? 0), 0);
  const link = (key, label, count) => h('li', {},
    h('a', { href: route('/meetings', { box: box === 'inbox' ? null : box, status: key }), class: 'filter-chip',
      'aria-current': (key ?? '') === (status ?? '') ? 'true' : null, 'data-testid': `filter-${key ?? 'all'}` },
    label, ' ', h('span', { class: 'filter-count', 'data-testid': `count-${key ?? 'all'}` }, `(${formatNumber(count)})`)));
  return h('nav', { class: 'status-filter', 'aria-label': t('meetings.filter.label') },
    h('ul', {}, link(null, t('meetings.filter.all'), total),
      REQUEST_STATUSES.map((key) => link(key, t(`meetings.status.${key}`), counts?.[key] ?? 0))));
}

/** One request as a card, with the actions its viewer may take. */
function requestCard(item, { side, box, countries, act }) {
  const other = counterpartOf(item, side);
  const headingId = `request-${item.id}-title`;
  const actions = h('div', { class: 'request-actions' });
  const alertSlot = h('div', { class: 'form-alerts' });
  const card = h('li', { class: `card request-card request-card-${item.status}`, 'data-testid': 'request', 'data-id': item.id,
    'data-status': item.status, 'aria-labelledby': headingId },
  h('div', { class: 'request-head' },
    h('h2', { class: 'card-title', id: headingId, tabindex: '-1' }, counterpartName(other, countries)),
    h('p', { class: 'request-badges' }, requestBadge(item.status), ' ', priorityBadge(item.priority))),
  h('dl', { class: 'request-facts' },
    h('div', {}, h('dt', {}, t(box === 'inbox' ? 'meetings.request.receivedAt' : 'meetings.request.sentAt')),
      h('dd', { 'data-testid': 'request-created' }, timeEl(item.created_at))),
    item.status === 'pending' && item.expires_at
      ? h('div', {}, h('dt', {}, t('meetings.request.expiresAt')), h('dd', { 'data-testid': 'request-expires' }, timeEl(item.expires_at)))
      : null,
    item.closed_at
      ? h('div', {}, h('dt', {}, t(`meetings.request.closedAt.${item.status}`)), h('dd', {}, timeEl(item.closed_at)))
      : null),
  item.message
    ? h('figure', { class: 'request-message' },
      h('figcaption', {}, t(box === 'inbox' ? 'meetings.request.theirMessage' : 'meetings.request.yourMessage')),
      h('blockquote', { 'data-testid': 'request-message-text' }, item.message))
    : null,
  item.status === 'declined' && item.reason
    ? h('p', { class: 'status-reason', 'data-testid': 'request-reason' }, `${t('meetings.request.reason')}: `, item.reason)
    : null,
  alertSlot,
  actions);

  const run = async (button, action) => {
    const done = busy(button);
    alertSlot.replaceChildren();
    try {
      await act(item, action);
    } catch (error) {
      done();
      const alert = meetingAlert(error);
      alert.setAttribute('tabindex', '-1');
      alertSlot.replaceChildren(alert);
      alert.focus();
    }
  };

  const drawButtons = () => {
    actions.replaceChildren();
    if (box === 'inbox' && item.status === 'pending') {
      const accept = h('button', { type: 'button', class: 'button button-small', 'data-testid': 'request-accept',
        'aria-label': t('meetings.request.acceptNamed', { name: other.name }) }, t('meetings.request.accept'));
      accept.addEventListener('click', () => run(accept, { kind: 'accept' }));
      const decline = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-testid': 'request-decline',
        'aria-label': t('meetings.request.declineNamed', { name: other.name }) }, t('meetings.request.decline'));
      decline.addEventListener('click', () => declineForm());
      actions.append(h('div', { class: 'button-row' }, accept, decline));
    }
    if (box === 'outbox' && (item.status === 'pending' || item.status === 'accepted')) {
      const cancel = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-testid': 'request-withdraw',
        'aria-label': t('meetings.request.withdrawNamed', { name: other.name }) }, t('meetings.request.withdraw'));
      cancel.addEventListener('click', () => confirmCancel());
      actions.append(h('div', { class: 'button-row' }, cancel));
    }
  };

  const declineForm = () => {
    const reasonId = `decline-reason-${item.id}`;
    const reason = h('textarea', { id: reasonId, name: 'reason', rows: '3', maxlength: String(REASON_MAX), 'data-testid': 'decline-reason' });
    const formAlerts = h('div', { class: 'form-alerts' });
    const confirm = h('button', { type: 'submit', class: 'button button-danger button-small', 'data-testid': 'decline-confirm' },
      t('meetings.request.declineConfirm'));
    const back = h('button', { type: 'button', class: 'link-button', 'data-testid': 'decline-back' }, t('common.cancel'));
    const form = h('form', { class: 'form decline-form', novalidate: true, 'data-testid': 'decline-form' },
      formAlerts,
      field({ name: 'reason', label: t('meetings.request.reasonOptional'), control: reason, hint: t('meetings.request.reasonHint') }),
      h('div', { class: 'form-actions' }, confirm, back));
    const errors = new FormErrors(form, formAlerts);
    back.addEventListener('click', () => {
      drawButtons();
      actions.querySelector('[data-testid=request-decline]')?.focus();
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      errors.clear();
      if (reason.value.trim().length > REASON_MAX) {
        errors.add('reason', t('meetings.validation.tooLong', { max: REASON_MAX }));
        errors.show();
        return;
      }
      run(confirm, { kind: 'decline', reason: reason.value.trim() });
    });
    actions.replaceChildren(form);
    reason.focus();
  };

  const confirmCancel = () => {
    const yes = h('button', { type: 'button', class: 'button button-danger button-small', 'data-testid': 'withdraw-confirm' },
      t('meetings.request.withdrawConfirm'));
    const keep = h('button', { type: 'button', class: 'link-button', 'data-testid': 'withdraw-keep' }, t('meetings.request.keep'));
    const question = h('p', { class: 'confirm-question', id: `withdraw-question-${item.id}`, tabindex: '-1' },
      t(item.status === 'accepted' ? 'meetings.request.withdrawAccepted' : 'meetings.request.withdrawPending', { name: other.name }));
    yes.setAttribute('aria-describedby', question.id);
    yes.addEventListener('click', () => run(yes, { kind: 'cancel' }));
    keep.addEventListener('click', () => {
      drawButtons();
      actions.querySelector('[data-testid=request-withdraw]')?.focus();
    });
    actions.replaceChildren(h('div', { class: 'confirm-box', 'data-testid': 'withdraw-box' }, question,
      h('div', { class: 'button-row' }, yes, keep)));
    yes.focus();
  };

  drawButtons();
  return card;
}

export async function render({ query, signal }) {
  const title = meetingsTitle('requests');
  const { fair, side, view } = await participantFair({ signal, tab: 'requests', title });
  if (view) return view;
  const box = query.get('box') === 'outbox' ? 'outbox' : 'inbox';
  const status = REQUEST_STATUSES.includes(query.get('status')) ? query.get('status') : null;
  const [first, countries] = await Promise.all([
    api.get('/me/meeting-requests', { params: { fair: fair.id, box, status }, signal }),
    api.reference('countries'),
  ]);
  let body = first;
  const liveStatus = statusRegion('requests-status');
  const listSlot = h('div', { class: 'request-list-slot' });
  const filterSlot = h('div', {});
  const rulesSlot = h('div', {});

  const draw = (focusId = null) => {
    rulesSlot.replaceChildren(rulesNotice(body.rules) ?? '');
    filterSlot.replaceChildren(statusFilter(box, status, body.counts));
    const items = body.items ?? [];
    if (items.length === 0) {
      listSlot.replaceChildren();
      append(listSlot, [h('p', { class: 'empty', 'data-testid': 'requests-empty', tabindex: '-1' },
        t(status ? 'meetings.requests.noneStatus' : `meetings.requests.none.${box}`,
          { status: status ? t(`meetings.status.${status}`) : '' })),
      box === 'outbox' && !status
        ? h('p', { class: 'empty-next' }, h('a', { href: side === 'importer' ? '#/recommendations' : '#/buyers' },
          t(side === 'importer' ? 'meetings.requests.findSuppliers' : 'meetings.requests.findBuyers')))
        : null]);
    } else {
      listSlot.replaceChildren(h('ul', { class: 'cards request-cards', 'data-testid': 'request-list',
        'aria-label': t(`meetings.box.${box}`) },
      items.map((item) => requestCard(item, { side, box, countries, act }))));
    }
    if (focusId !== null) {
      const target = listSlot.querySelector(`#request-${focusId}-title`) ?? listSlot.querySelector('[tabindex="-1"]');
      target?.focus();
    }
  };

  // Runs an action on a request, reloads the list, says what happened and keeps the reader's place.
  async function act(item, action) {
    const other = counterpartOf(item, side);
    if (action.kind === 'cancel') {
      await api.post(`/me/meeting-requests/${item.id}/cancel`);
    } else {
      await api.post(`/me/meeting-requests/${item.id}/response`,
        action.kind === 'decline' ? { decision: 'decline', reason: action.reason } : { decision: 'accept' });
    }
    body = await api.get('/me/meeting-requests', { params: { fair: fair.id, box, status } });
    draw(item.id);
    announce(liveStatus, t(`meetings.request.done.${action.kind}`, { name: other.name }));
  }

  draw();
  return {
    title,
    node: h('section', { class: 'page meetings-page', 'data-testid': 'requests-page', 'data-box': box },
      participantHead(fair, title, 'requests', t(side === 'importer' ? 'meetings.requests.intro.importer' : 'meetings.requests.intro.exhibitor')),
      rulesSlot,
      h('div', { class: 'requests-toolbar' }, boxTabs(box, status), filterSlot),
      liveStatus,
      listSlot),
  };
}
