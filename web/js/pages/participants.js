// #/organizer/participants?kind=exhibitor|importer&status=pending|approved|rejected|all&page=N
// — the fair's applicants and participants; approve, or reject with a reason
// the applicant sees.

import { h, route } from '../dom.js';
import { t, getLang } from '../i18n.js';
import * as api from '../api.js';
import { go } from '../nav.js';
import { pager, pageFrom, refName, participationBadge, timeEl, table, problemAlert } from './common.js';
import { select, busy, statusRegion, announce, reasonForm } from '../forms.js';
import { organizerFair, organizerHead } from './organizer.js';

const KINDS = ['exhibitor', 'importer'];
const STATUSES = ['pending', 'approved', 'rejected', 'all'];

function filters(kind, status) {
  const kindSelect = select({ id: 'participant-kind', name: 'kind', value: kind,
    options: KINDS.map((value) => [value, t(`participants.kind.${value}`)]) });
  const statusSelect = select({ id: 'participant-status', name: 'status', value: status,
    options: STATUSES.map((value) => [value, t(`participants.status.${value}`)]) });
  const apply = () => go(route('/organizer/participants', { kind: kindSelect.value, status: statusSelect.value }));
  kindSelect.addEventListener('change', apply);
  statusSelect.addEventListener('change', apply);
  return h('form', { class: 'filters', role: 'search', 'aria-label': t('participants.filters'), onsubmit: (event) => event.preventDefault() },
    h('label', { for: 'participant-kind' }, t('participants.kind')), kindSelect,
    h('label', { for: 'participant-status' }, t('participants.status')), statusSelect);
}

/** The details column: where an exhibitor is and its tax code; an importer's country and buyer type. */
function details(item, refs) {
  if (item.kind === 'importer') {
    return [refName(refs.countries, item.country), ' · ', t(`buyer.${item.buyer_type}`)];
  }
  return [refName(refs.provinces, item.province), item.craft_village ? ` · ${item.craft_village}` : '',
    h('br'), h('span', { class: 'muted' }, `${t('exhibitor.taxCode')}: ${item.tax_code}`)];
}

function participantRow(item, { fair, refs, status: liveStatus }) {
  const statusCell = h('td', { 'data-testid': 'participant-status-cell' });
  const actions = h('td', { class: 'actions' });
  const row = h('tr', { 'data-testid': 'participant-row', 'data-id': item.id, 'data-kind': item.kind },
    h('th', { scope: 'row' },
      h('a', { href: item.kind === 'exhibitor' ? route(`/exhibitors/${item.id}`) : route(`/importers/${item.id}/edit`),
        'data-testid': 'participant-name', lang: item.kind === 'exhibitor' && getLang() !== 'vi' ? 'vi' : null }, item.name),
      item.name_en && item.name_en !== item.name ? h('span', { class: 'card-subtitle block' }, item.name_en) : null),
    h('td', {}, details(item, refs)),
    h('td', {}, timeEl(item.created_at, { dateOnly: true })),
    statusCell,
    actions);

  const decide = async (decision, reason, button) => {
    const done = busy(button);
    try {
      const updated = await api.post(`/fairs/${fair.id}/participants/${item.kind}/${item.id}/decision`,
        decision === 'reject' ? { decision, reason } : { decision, reason: reason ?? '' });
      Object.assign(item, { status: updated.status, status_reason: updated.status_reason });
      draw();
      announce(liveStatus, t(decision === 'approve' ? 'participants.approvedNamed' : 'participants.rejectedNamed', { name: item.name }));
      actions.querySelector('button')?.focus();
    } catch (error) {
      done();
      throw error;
    }
  };

  const rejectForm = () => {
    const { form, reason } = reasonForm({
      id: `reject-reason-${item.kind}-${item.id}`, maxlength: 1000,
      testids: { form: 'reject-form', reason: 'reject-reason', confirm: 'reject-confirm', cancel: 'reject-cancel' },
      confirmLabel: t('participants.rejectConfirm'), hint: t('participants.reason.hint'),
      submit: (text, confirm) => decide('reject', text, confirm),
      onCancel: () => {
        draw();
        actions.querySelector('[data-testid=participant-reject]')?.focus();
      },
    });
    actions.replaceChildren(form);
    reason.focus();
  };

  function draw() {
    statusCell.replaceChildren(participationBadge(item.status));
    if (item.status_reason) {
      statusCell.append(h('p', { class: 'status-reason small', 'data-testid': 'participant-reason' }, item.status_reason));
    }
    const alertSlot = h('div', {});
    const approve = item.status !== 'approved'
      ? h('button', { type: 'button', class: 'button button-small', 'data-testid': 'participant-approve',
        'aria-label': t('participants.approveNamed', { name: item.name }),
        onclick: async (event) => {
          try {
            await decide('approve', '', event.currentTarget);
          } catch (error) {
            alertSlot.replaceChildren(problemAlert(error));
          }
        } }, t('participants.approve'))
      : null;
    const reject = item.status !== 'rejected'
      ? h('button', { type: 'button', class: 'button button-secondary button-small', 'data-testid': 'participant-reject',
        'aria-label': t('participants.rejectNamed', { name: item.name }), onclick: rejectForm }, t('participants.reject'))
      : null;
    actions.replaceChildren(h('div', { class: 'button-row' }, approve, reject), alertSlot);
  }
  draw();
  return row;
}

export async function render({ query, signal }) {
  const { fair, view } = await organizerFair({ signal, tab: 'participants' });
  if (view) return view;
  const kind = KINDS.includes(query.get('kind')) ? query.get('kind') : 'exhibitor';
  const status = STATUSES.includes(query.get('status')) ? query.get('status') : 'pending';
  const page = pageFrom(query);
  const [list, provinces, countries] = await Promise.all([
    api.getPage(`/fairs/${fair.id}/participants`, { page, params: { kind, status: status === 'all' ? null : status }, signal }),
    api.reference('provinces'),
    api.reference('countries'),
  ]);
  const refs = { provinces, countries };
  const title = t('participants.title');
  const liveStatus = statusRegion('decision-status');
  const hrefFor = (target) => route('/organizer/participants', { kind, status, page: target > 1 ? target : null });
  return {
    title,
    node: h('section', { class: 'page organizer', 'data-testid': 'participants-page' },
      organizerHead(fair, title, 'participants', t('participants.intro')),
      h('div', { class: 'toolbar' }, filters(kind, status),
        h('p', { class: 'result-count', 'data-testid': 'result-count' }, t('participants.count', { count: list.total }))),
      liveStatus,
      list.items.length === 0
        ? h('p', { class: 'empty', 'data-testid': 'empty' }, t('participants.empty'))
        : table({
          caption: t('participants.caption', { kind: t(`participants.kind.${kind}`), status: t(`participants.status.${status}`) }),
          captionHidden: true,
          testid: 'participants-table',
          headers: [t('participants.name'), t('participants.details'), t('participants.applied'), t('participants.status'),
            t('common.actions')],
          rows: list.items.map((item) => participantRow({ ...item, kind: item.kind ?? kind }, { fair, refs, status: liveStatus })),
        }),
      list.total > api.PAGE_SIZE || page > 1 ? pager({ page, total: list.total, hrefFor }) : null),
  };
}
