// #/deals?counterpart=ID&meeting=ID — a participant's deals at the fair:
// record one (a contract signed, a sample order, or a negotiation under
// way) with a company of the other side, in any currency; the server turns
// it into USD at the organizer's rates. The author of a deal can correct
// it, and every version is kept (its history).

import { h, route } from '../dom.js';
import { t, getLang, formatMoney, formatDateTime, currencyDigits, locale } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { heading, problemAlert, table, timeEl } from './common.js';
import { field, fieldGroup, radios, FormErrors, busy, statusRegion, announce } from '../forms.js';
import { currencyOptions } from './rates.js';
import { countryName, usd } from './live-common.js';

export const DEAL_KINDS = ['contract', 'sample_order', 'negotiation'];

const ID = /^[1-9]\d{0,16}$/;

/** The other side of a deal, seen from my side. */
function counterpartOf(deal, myKind) {
  return myKind === 'exhibitor' ? deal.importer : deal.exhibitor;
}

function money(value) {
  return value ? formatMoney(value.amount, value.currency) : '—';
}

/** Minor units from a number typed in major units, or null. */
function minorUnits(text, currency) {
  const value = Number(text);
  if (String(text).trim() === '' || !Number.isFinite(value) || value <= 0) return null;
  return Math.round(value * 10 ** currencyDigits(currency));
}

function majorUnits(value) {
  return value ? String(value.amount / 10 ** currencyDigits(value.currency)) : '';
}

function amountStep(currency) {
  const digits = currencyDigits(currency);
  return digits > 0 ? String(10 ** -digits) : '1';
}

function currencySelect(id, value, rates) {
  const rated = ['USD', ...Object.keys(rates).sort()];
  const others = currencyOptions(rated);
  const labelOf = new Map(currencyOptions());
  return h('select', { id, name: 'currency', 'data-testid': id },
    h('optgroup', { label: t('deals.currency.rated') },
      rated.map((code) => h('option', { value: code, selected: code === value }, labelOf.get(code) ?? code))),
    h('optgroup', { label: t('deals.currency.other') },
      others.map(([code, label]) => h('option', { value: code, selected: code === value }, label))));
}

/** "≈ US$10,800.00 at the organizer's rate (1 EUR = US$1.08)", or a warning when the currency has no rate. */
function usdPreview(node, amountText, currency, rates) {
  const minor = minorUnits(amountText, currency);
  node.className = 'deal-preview small';
  if (currency !== 'USD' && !(currency in rates)) {
    node.className = 'deal-preview small warning';
    node.textContent = t('deals.noRate', { currency });
    node.dataset.usd = '';
    return;
  }
  if (minor === null) {
    node.textContent = '';
    node.dataset.usd = '';
    return;
  }
  const rate = currency === 'USD' ? 1 : rates[currency];
  const cents = Math.round((minor / 10 ** currencyDigits(currency)) * rate * 100);
  node.dataset.usd = String(cents);
  node.textContent = currency === 'USD'
    ? t('deals.previewUsd', { value: formatMoney(minor, currency) })
    : t('deals.preview', { value: formatMoney(minor, currency), usd: usd(cents),
      rate: new Intl.NumberFormat(locale(), { maximumSignificantDigits: 6 }).format(rate), currency });
}

/**
 * The counterpart chooser: the companies I meet or dealt with, and a search
 * (importers search exhibitors by name; exhibitors list importers by
 * country). Returns {select, search, value(), nameOf(id)}.
 */
function counterpartPicker({ fair, myKind, known, countries, preset }) {
  const other = myKind === 'exhibitor' ? 'importer' : 'exhibitor';
  const names = new Map();
  const chooser = h('select', { id: 'deal-counterpart', name: 'counterpart_id', 'data-testid': 'deal-counterpart' });
  const found = h('optgroup', { label: t('deals.counterpart.found'), hidden: true });
  const label = (item) => (other === 'importer' && item.country ? `${item.name} (${countryName(countries, item.country)})` : item.name);
  const option = (item) => {
    names.set(String(item.id), item.name);
    return h('option', { value: String(item.id), selected: String(item.id) === String(preset ?? '') }, label(item));
  };
  chooser.append(h('option', { value: '' }, t('deals.counterpart.choose')));
  for (const [groupKey, items] of known) {
    if (items.length > 0) chooser.append(h('optgroup', { label: t(groupKey) }, items.map(option)));
  }
  chooser.append(found);

  const searchStatus = h('p', { class: 'small muted', role: 'status', 'data-testid': 'deal-search-status' });
  let search;
  const run = async (params) => {
    searchStatus.textContent = t('deals.search.busy');
    try {
      const path = other === 'exhibitor' ? '/exhibitors' : '/importers';
      const body = api.asList(await api.get(path, { params: { fair: fair.id, limit: other === 'exhibitor' ? 20 : 100, ...params } }), path);
      const items = body.items.filter((item) => item.fair_id === undefined || item.fair_id === fair.id);
      found.replaceChildren(...items.map(option));
      found.hidden = items.length === 0;
      if (items.length > 0) chooser.value = String(items[0].id);
      searchStatus.textContent = t('deals.search.found', { count: items.length });
    } catch (error) {
      searchStatus.textContent = problemAlert(error).textContent;
    }
  };
  if (other === 'exhibitor') {
    const text = h('input', { type: 'search', id: 'deal-search', 'data-testid': 'deal-search', autocomplete: 'off' });
    const go = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-testid': 'deal-search-run',
      onclick: () => text.value.trim() && run({ q: text.value.trim() }) }, t('deals.search.run'));
    text.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        go.click();
      }
    });
    search = h('div', { class: 'deal-search' }, h('label', { for: 'deal-search' }, t('deals.search.exhibitor')),
      h('div', { class: 'inline-controls' }, text, go));
  } else {
    const country = h('select', { id: 'deal-search-country', 'data-testid': 'deal-search-country' },
      h('option', { value: '' }, t('deals.search.chooseCountry')),
      [...countries.items].sort((a, b) => countryName(countries, a.code).localeCompare(countryName(countries, b.code), locale()))
        .map((item) => h('option', { value: item.code }, countryName(countries, item.code))));
    country.addEventListener('change', () => country.value && run({ country: country.value }));
    search = h('div', { class: 'deal-search' }, h('label', { for: 'deal-search-country' }, t('deals.search.importer')), country);
  }
  return {
    search: h('details', { class: 'deal-search-box', open: known.every(([, items]) => items.length === 0) },
      h('summary', {}, t('deals.search.other')), search, searchStatus),
    select: chooser,
    value: () => chooser.value,
    nameOf: (id) => names.get(String(id)) ?? '',
  };
}

function historyList(items) {
  if (!items.length) return h('p', { class: 'muted' }, t('deals.history.empty'));
  return h('ol', { class: 'deal-history', 'data-testid': 'deal-history' }, items.map((item) => {
    const before = item.before;
    const after = item.after ?? {};
    const changes = [];
    if (!before) changes.push(t('deals.history.created', { kind: t(`deals.kind.${after.kind}`), value: money(after.value) }));
    else {
      if (before.kind !== after.kind) {
        changes.push(t('deals.history.kind', { from: t(`deals.kind.${before.kind}`), to: t(`deals.kind.${after.kind}`) }));
      }
      if (JSON.stringify(before.value) !== JSON.stringify(after.value)) {
        changes.push(t('deals.history.value', { from: money(before.value), to: money(after.value) }));
      }
      if ((before.note ?? '') !== (after.note ?? '')) changes.push(t('deals.history.note'));
      if (changes.length === 0) changes.push(t('deals.history.same'));
    }
    return h('li', { 'data-testid': 'deal-history-item' }, timeEl(item.changed_at), ' — ', changes.join('; '));
  }));
}

function dealRow(deal, { myKind, rates, status }) {
  const row = h('tr', { 'data-testid': 'deal-row', 'data-id': deal.id });
  const extra = h('tr', { class: 'deal-extra', hidden: true }, h('td', { colspan: '6' }));
  const slot = extra.firstChild;

  const showExtra = (...children) => {
    slot.replaceChildren(...children);
    extra.hidden = false;
  };

  const editor = () => {
    const kind = h('select', { id: `deal-${deal.id}-kind`, 'data-testid': 'deal-edit-kind' },
      DEAL_KINDS.map((value) => h('option', { value, selected: value === deal.kind }, t(`deals.kind.${value}`))));
    const amount = h('input', { type: 'number', id: `deal-${deal.id}-amount`, min: '0', step: amountStep(deal.value.currency),
      inputmode: 'decimal', value: majorUnits(deal.value), 'data-testid': 'deal-edit-amount' });
    const currency = currencySelect(`deal-${deal.id}-currency`, deal.value.currency, rates);
    currency.dataset.testid = 'deal-edit-currency';
    const note = h('textarea', { id: `deal-${deal.id}-note`, rows: '2', maxlength: '2000', 'data-testid': 'deal-edit-note' }, deal.note ?? '');
    const preview = h('p', { class: 'deal-preview small', 'aria-live': 'polite' });
    const redraw = () => {
      amount.step = amountStep(currency.value);
      usdPreview(preview, amount.value, currency.value, rates);
    };
    amount.addEventListener('input', redraw);
    currency.addEventListener('change', redraw);
    const alertSlot = h('div', { class: 'form-alerts' });
    const save = h('button', { type: 'submit', class: 'button button-small', 'data-testid': 'deal-edit-save' }, t('deals.edit.save'));
    const form = h('form', { class: 'form deal-edit', novalidate: true, 'data-testid': 'deal-edit-form' },
      h('h3', {}, t('deals.edit.title')),
      alertSlot,
      h('div', { class: 'form-grid' },
        field({ name: 'kind', label: t('deals.kind'), control: kind }),
        field({ name: 'amount', label: t('deals.amount'), control: amount }),
        field({ name: 'currency', label: t('deals.currency'), control: currency })),
      preview,
      field({ name: 'note', label: t('deals.note'), control: note, wide: true }),
      h('div', { class: 'form-actions' }, save,
        h('button', { type: 'button', class: 'link-button', onclick: () => {
          extra.hidden = true;
          row.querySelector('[data-testid=deal-edit]')?.focus();
        } }, t('common.cancel'))));
    redraw();
    const errors = new FormErrors(form, alertSlot);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      const minor = minorUnits(amount.value, currency.value);
      if (minor === null) {
        errors.add('amount', t('deals.amountInvalid'));
        errors.show();
        return;
      }
      const done = busy(save);
      try {
        const updated = await api.patch(`/deals/${deal.id}`, { kind: kind.value, value: { amount: minor, currency: currency.value },
          note: note.value.trim() });
        Object.assign(deal, updated);
        draw();
        extra.hidden = true;
        announce(status, t('deals.edit.saved', { value: money(deal.value), usd: usd(deal.usd_cents) }));
        row.querySelector('[data-testid=deal-edit]')?.focus();
      } catch (error) {
        if (error?.status === 404) {
          alertSlot.replaceChildren(h('div', { class: 'alert', role: 'alert', tabindex: '-1', 'data-testid': 'deal-not-author' },
            h('p', { class: 'alert-title' }, t('deals.edit.notAuthor'))));
          alertSlot.firstChild.focus();
        } else {
          errors.fromProblem(error, { 'value.amount': 'amount', 'value.currency': 'currency', value: 'amount' });
        }
      } finally {
        done();
      }
    });
    showExtra(form);
    kind.focus();
  };

  const history = async (button) => {
    const done = busy(button);
    try {
      const body = await api.get(`/deals/${deal.id}/history`);
      showExtra(h('div', { class: 'deal-history-box' }, h('h3', {}, t('deals.history')), historyList(body?.items ?? [])));
    } catch (error) {
      showExtra(error?.status === 404
        ? h('p', { class: 'notice notice-info' }, t('deals.history.notAuthor'))
        : problemAlert(error));
    } finally {
      done();
    }
  };

  function draw() {
    const other = counterpartOf(deal, myKind) ?? {};
    row.replaceChildren(
      h('th', { scope: 'row', lang: myKind === 'importer' && getLang() !== 'vi' ? 'vi' : null, 'data-testid': 'deal-counterpart-name' },
        other.name ?? '—'),
      h('td', { 'data-testid': 'deal-kind', 'data-kind': deal.kind }, t(`deals.kind.${deal.kind}`)),
      h('td', { class: 'num', 'data-testid': 'deal-value' }, money(deal.value)),
      h('td', { class: 'num', 'data-testid': 'deal-usd' }, usd(deal.usd_cents)),
      h('td', {}, timeEl(deal.updated_at ?? deal.created_at)),
      h('td', { class: 'actions' }, h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'button button-secondary button-small', 'data-testid': 'deal-edit',
          'aria-label': t('deals.edit.named', { name: other.name ?? '' }), onclick: editor }, t('deals.edit')),
        h('button', { type: 'button', class: 'link-button', 'data-testid': 'deal-history-open',
          'aria-label': t('deals.history.named', { name: other.name ?? '' }),
          onclick: (event) => history(event.currentTarget) }, t('deals.history')))));
  }
  draw();
  return [row, extra];
}

export async function render({ query, signal }) {
  const user = session.requireUser('exhibitor', 'importer');
  const title = t('deals.title');
  const fair = await api.currentFair();
  const own = fair ? session.profileIn(fair.id) : null;
  const head = h('div', { class: 'page-head' }, heading(title), h('p', { class: 'lead' }, t('deals.intro')));
  if (!fair || !own || own.status !== 'approved') {
    return {
      title,
      node: h('section', { class: 'page narrow', 'data-testid': 'deals-page' }, head,
        h('p', { class: 'notice notice-info', 'data-testid': 'deals-blocked' }, t(own ? 'deals.notApproved' : 'deals.noProfile'), ' ',
          h('a', { href: route('/profile') }, t('nav.profile')))),
    };
  }
  const myKind = user.role;
  const [mine, rateBody, schedule, countries, shortlist] = await Promise.all([
    api.get('/me/deals', { params: { fair: fair.id }, signal }),
    api.get(`/fairs/${fair.id}/rates`, { signal }),
    api.get('/me/schedule', { params: { fair: fair.id }, signal }).catch((error) => {
      if (error?.name === 'AbortError') throw error;
      return null;
    }),
    api.reference('countries'),
    myKind === 'importer' ? api.get('/me/shortlist', { signal }).catch(() => null) : Promise.resolve(null),
  ]);
  const rates = rateBody?.rates ?? {};
  const deals = mine?.items ?? [];

  // Companies I know: from my meetings, my deals, my shortlist.
  const seen = new Set();
  const unique = (items) => items.filter((item) => item && item.id && !seen.has(item.id) && seen.add(item.id));
  const fromMeetings = unique((schedule?.items ?? []).map((meeting) => meeting.counterpart));
  const fromDeals = unique(deals.map((deal) => counterpartOf(deal, myKind)));
  const fromShortlist = unique((shortlist?.items ?? []).map((item) => item.exhibitor));
  const preset = ID.test(query.get('counterpart') ?? '') ? query.get('counterpart') : null;
  const meetingId = ID.test(query.get('meeting') ?? '') ? Number(query.get('meeting')) : null;
  const fromQuery = [];
  if (preset && !seen.has(Number(preset))) {
    try {
      const other = await api.get(`/${myKind === 'exhibitor' ? 'importers' : 'exhibitors'}/${preset}`, { signal });
      fromQuery.push(other);
    } catch (error) {
      if (error?.name === 'AbortError') throw error;
    }
  }
  const meeting = meetingId ? (schedule?.items ?? []).find((item) => item.id === meetingId) : null;

  const picker = counterpartPicker({
    fair, myKind, countries, preset,
    known: [['deals.counterpart.preset', fromQuery], ['deals.counterpart.meetings', fromMeetings],
      ['deals.counterpart.deals', fromDeals], ['deals.counterpart.shortlist', fromShortlist]],
  });

  const status = statusRegion('deal-status');
  const alertSlot = h('div', { class: 'form-alerts' });
  const amount = h('input', { type: 'number', id: 'deal-amount', name: 'amount', min: '0', step: '0.01', inputmode: 'decimal',
    'data-testid': 'deal-amount' });
  const currency = currencySelect('deal-currency', 'USD', rates);
  const note = h('textarea', { id: 'deal-note', name: 'note', rows: '3', maxlength: '2000', 'data-testid': 'deal-note' });
  const preview = h('p', { class: 'deal-preview small', 'aria-live': 'polite', 'data-testid': 'deal-preview' });
  const redraw = () => {
    amount.step = amountStep(currency.value);
    usdPreview(preview, amount.value, currency.value, rates);
  };
  amount.addEventListener('input', redraw);
  currency.addEventListener('change', redraw);
  let linkedMeeting = meeting ? meeting.id : null;
  const meetingNote = meeting
    ? h('p', { class: 'notice notice-info', 'data-testid': 'deal-meeting' },
      t('deals.meeting', { time: formatDateTime(meeting.start), name: meeting.counterpart?.name ?? '' }), ' ',
      h('button', { type: 'button', class: 'link-button', onclick: (event) => {
        linkedMeeting = null;
        event.currentTarget.parentElement.remove();
      } }, t('deals.meeting.unlink')))
    : null;
  const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'deal-submit' }, t('deals.submit'));
  const form = h('form', { class: 'form', novalidate: true, 'data-testid': 'deal-form' },
    alertSlot,
    meetingNote,
    field({ name: 'counterpart_id', label: t(myKind === 'exhibitor' ? 'deals.counterpart.importer' : 'deals.counterpart.exhibitor'),
      control: picker.select, after: picker.search, required: true, wide: true }),
    fieldGroup({ name: 'kind', id: 'deal-kind', legend: t('deals.kind'), required: true,
      content: radios({ idPrefix: 'deal-kind', name: 'kind', value: 'contract',
        options: DEAL_KINDS.map((value) => [value, t(`deals.kind.${value}`)]) }) }),
    h('div', { class: 'form-grid' },
      field({ name: 'amount', label: t('deals.amount'), control: amount, hint: t('deals.amount.hint'), required: true }),
      field({ name: 'currency', label: t('deals.currency'), control: currency, required: true })),
    preview,
    field({ name: 'note', label: t('deals.note'), control: note, hint: t('deals.note.hint'), wide: true }),
    h('div', { class: 'form-actions' }, submit, status));
  redraw();

  const tbody = [];
  const statusList = statusRegion('deal-list-status');
  for (const deal of deals) tbody.push(...dealRow(deal, { myKind, rates, status: statusList }));
  const listTable = table({
    caption: t('deals.list'), captionHidden: true, testid: 'deals-table',
    headers: [t(myKind === 'exhibitor' ? 'deals.counterpart.importer' : 'deals.counterpart.exhibitor'), t('deals.kind'),
      t('deals.value'), t('deals.usd'), t('deals.updated'), t('common.actions')],
    rows: tbody,
  });
  const empty = h('p', { class: 'empty', 'data-testid': 'deals-empty', hidden: deals.length > 0 }, t('deals.empty'));
  listTable.hidden = deals.length === 0;

  const errors = new FormErrors(form, alertSlot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    announce(status, '');
    const counterpart = picker.value();
    const kind = form.querySelector('input[name=kind]:checked')?.value;
    const minor = minorUnits(amount.value, currency.value);
    if (!counterpart) errors.add('counterpart_id', t('deals.counterpart.required'));
    if (!kind) errors.add('kind', t('validation.required'));
    if (minor === null) errors.add('amount', t('deals.amountInvalid'));
    else if (currency.value !== 'USD' && !(currency.value in rates)) errors.add('currency', t('deals.noRate', { currency: currency.value }));
    if (errors.count > 0) {
      errors.show();
      return;
    }
    const done = busy(submit);
    try {
      const body = { counterpart_id: Number(counterpart), kind, value: { amount: minor, currency: currency.value },
        note: note.value.trim() };
      if (linkedMeeting) body.meeting_id = linkedMeeting;
      const deal = await api.post(`/fairs/${fair.id}/deals`, body);
      const rows = dealRow(deal, { myKind, rates, status: statusList });
      listTable.querySelector('tbody').prepend(...rows);
      listTable.hidden = false;
      empty.hidden = true;
      announce(status, t('deals.saved', { kind: t(`deals.kind.${deal.kind}`), name: picker.nameOf(counterpart),
        value: money(deal.value), usd: usd(deal.usd_cents) }));
      amount.value = '';
      note.value = '';
      redraw();
    } catch (error) {
      errors.fromProblem(error, { 'value.amount': 'amount', 'value.currency': 'currency', value: 'amount' });
    } finally {
      done();
    }
  });

  return {
    title,
    node: h('section', { class: 'page deals-page', 'data-testid': 'deals-page' },
      head,
      h('section', { class: 'panel', 'aria-labelledby': 'deal-form-title' },
        h('h2', { id: 'deal-form-title' }, t('deals.new')), form),
      h('section', { 'aria-labelledby': 'deal-list-title' },
        h('h2', { id: 'deal-list-title' }, t('deals.list')), statusList, empty, listTable)),
  };
}
