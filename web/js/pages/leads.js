// #/leads — an exhibitor's leads: at the booth, scan a buyer's badge (or
// type its code) and keep a note about what they asked for. The server keeps
// a lead only when the buyer agreed to lead sharing when registering (403
// otherwise). Until the server offers the leads endpoints, the page says so.

import { h, route } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { heading, problemAlert, problemText, timeEl } from './common.js';
import { field, FormErrors, busy, statusRegion, announce } from '../forms.js';
import { cameraScanner, badgeCodeFrom } from '../scanner.js';
import { countryName, endpointMissing, notYetNotice } from './live-common.js';

function leadItem(lead, countries) {
  const buyer = lead?.importer ?? lead?.participant ?? {};
  return h('li', { class: 'lead-item', 'data-testid': 'lead', 'data-id': lead?.id },
    h('p', { class: 'lead-name' }, h('strong', {}, buyer.name ?? '—'),
      buyer.country ? h('span', { class: 'muted' }, ` · ${countryName(countries, buyer.country)}`) : null),
    lead?.note ? h('p', { class: 'lead-note' }, lead.note) : null,
    lead?.created_at ? h('p', { class: 'small muted' }, timeEl(lead.created_at)) : null);
}

export async function render({ signal }) {
  session.requireUser('exhibitor');
  const title = t('leads.title');
  const fair = await api.currentFair();
  const own = fair ? session.profileIn(fair.id) : null;
  const head = h('div', { class: 'page-head' }, heading(title), h('p', { class: 'lead' }, t('leads.intro')));
  if (!fair || !own || own.status !== 'approved') {
    return {
      title,
      node: h('section', { class: 'page narrow', 'data-testid': 'leads-page' }, head,
        h('p', { class: 'notice notice-info', 'data-testid': 'leads-blocked' }, t(own ? 'deals.notApproved' : 'deals.noProfile'), ' ',
          h('a', { href: route('/profile') }, t('nav.profile')))),
    };
  }
  const countries = await api.reference('countries');
  const list = h('ol', { class: 'leads', 'data-testid': 'leads-list' });
  const empty = h('p', { class: 'empty', 'data-testid': 'leads-empty' }, t('leads.empty'));
  let available = true;
  let listNotice = null;
  try {
    const body = await api.get('/me/leads', { params: { fair: fair.id }, signal });
    for (const lead of body?.items ?? []) list.append(leadItem(lead, countries));
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    if (endpointMissing(error)) {
      available = false;
      listNotice = notYetNotice('leads-not-yet', t('leads.notYet'));
    } else {
      listNotice = problemAlert(error);
    }
  }
  const refresh = () => {
    empty.hidden = list.children.length > 0 || !available;
    list.hidden = list.children.length === 0;
  };
  refresh();

  const code = h('input', { type: 'text', id: 'lead-code', name: 'badge_code', autocomplete: 'off', spellcheck: 'false',
    maxlength: '200', 'data-testid': 'lead-code' });
  const note = h('textarea', { id: 'lead-note', name: 'note', rows: '3', maxlength: '2000', 'data-testid': 'lead-note' });
  const status = statusRegion('lead-status');
  const alertSlot = h('div', { class: 'form-alerts' });
  const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'lead-submit' }, t('leads.save'));
  const scanner = cameraScanner({ signal, testid: 'lead-scanner', onCode: (value) => {
    code.value = value;
    note.focus();
    announce(status, t('leads.scanned'), 'info');
  } });
  const form = h('form', { class: 'form', novalidate: true, 'data-testid': 'lead-form' },
    alertSlot,
    scanner.node,
    field({ name: 'badge_code', label: t('leads.code'), control: code, hint: t('leads.code.hint'), required: true }),
    field({ name: 'note', label: t('leads.note'), control: note, hint: t('leads.note.hint'), wide: true }),
    h('div', { class: 'form-actions' }, submit, status));
  const errors = new FormErrors(form, alertSlot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    announce(status, '');
    const badge = badgeCodeFrom(code.value);
    if (!badge) {
      errors.add('badge_code', t('validation.required'));
      errors.show();
      return;
    }
    const done = busy(submit);
    try {
      const lead = await api.post(`/fairs/${fair.id}/leads`, { badge_code: badge, note: note.value.trim() });
      const name = lead?.importer?.name ?? lead?.participant?.name ?? '';
      if (lead?.created === false) {
        announce(status, t('leads.already', { name }), 'info');
      } else {
        if (lead) list.prepend(leadItem({ ...lead, created_at: lead.created_at ?? Math.floor(Date.now() / 1000) }, countries));
        refresh();
        announce(status, t('leads.saved', { name }));
      }
      code.value = '';
      note.value = '';
      code.focus();
    } catch (error) {
      const type = String(error?.problem?.type ?? '').replace(/^\/problems\//, '');
      if (endpointMissing(error)) announce(status, t('leads.notYet'), 'error');
      else if (error?.status === 403) announce(status, t('leads.noConsent'), 'error');
      else if (type === 'unknown-badge' || error?.status === 404) announce(status, t('checkin.unknown'), 'error');
      else if (error?.problem?.errors?.length) errors.fromProblem(error);
      else announce(status, problemText(error).title ?? t('error.heading'), 'error');
    } finally {
      done();
    }
  });

  return {
    title,
    node: h('section', { class: 'page leads-page', 'data-testid': 'leads-page' },
      head,
      h('section', { class: 'panel', 'aria-labelledby': 'lead-form-title' }, h('h2', { id: 'lead-form-title' }, t('leads.new')), form),
      h('section', { 'aria-labelledby': 'leads-list-title' },
        h('h2', { id: 'leads-list-title' }, t('leads.list')), listNotice, empty, list)),
  };
}
