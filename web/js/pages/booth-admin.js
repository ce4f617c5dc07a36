// #/organizer/booths[?status=confirmed|held|approved|rejected|released|expired]
// — the organizer's booth editor: the bookings awaiting approval (approve, or
// reject with a reason the exhibitor sees), the halls (add one with its plan
// size), a generated grid of booths, and every booth with its price, kind and
// whether it is open (edit in place).

import { h, route, append } from '../dom.js';
import { t, formatNumber, currencyDigits } from '../i18n.js';
import * as api from '../api.js';
import { go } from '../nav.js';
import { table, timeEl, problemAlert } from './common.js';
import { field, FormErrors, busy, statusRegion, announce, select, fieldMessage, reasonForm } from '../forms.js';
import { organizerFair, organizerHead } from './organizer.js';
import {
  KINDS, BOOKING_STATUSES, loadPlan, kindLabel, priceText, areaText, hallName, statusBadge, bookingAlert,
} from './booth-common.js';

const CURRENCIES = ['VND', 'USD', 'EUR'];
const ACTIVE = ['held', 'confirmed'];

// ---------- Small form helpers ----------

function numberInput(id, value, { min = '0', max = null, step = '1', inputmode = 'numeric' } = {}) {
  return h('input', { type: 'number', id, name: id, min, max, step, inputmode, 'data-testid': id,
    value: value === null || value === undefined ? '' : String(value) });
}

function textInput(id, value = '', { maxlength = '120', autocomplete = 'off' } = {}) {
  return h('input', { type: 'text', id, name: id, maxlength, autocomplete, spellcheck: 'false', 'data-testid': id, value });
}

/** A whole number from an input within [min, max]; adds the error under name and returns null otherwise. */
function wholeNumber(errors, name, input, min, max, { required = true } = {}) {
  const text = input.value.trim();
  if (text === '') {
    if (required) errors.add(name, t('validation.required'));
    return null;
  }
  if (!/^\d{1,9}$/.test(text)) {
    errors.add(name, t('validation.integer'));
    return null;
  }
  const value = Number(text);
  if (value < min || value > max) {
    errors.add(name, t('validation.range', { min, max }));
    return null;
  }
  return value;
}

/** A money amount typed in major units ("15000000", "1200.50") as {amount (minor units), currency}, or null. */
function moneyFrom(errors, name, input, currency) {
  const text = input.value.trim().replace(/\s/g, '').replace(',', '.');
  const value = Number(text);
  if (text === '') errors.add(name, t('validation.required'));
  else if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) errors.add(name, t('validation.amountMajor'));
  else return { amount: Math.round(value * 10 ** currencyDigits(currency)), currency };
  return null;
}

function majorUnits(price) {
  if (!price) return '';
  return String(price.amount / 10 ** currencyDigits(price.currency));
}

function currencySelect(id, value = 'VND') {
  return select({ id, name: id, value, options: [...new Set([...CURRENCIES, value])].map((code) => [code, code]) });
}

function kindSelect(id, value = 'standard') {
  return select({ id, name: id, value, options: KINDS.map((kind) => [kind, kindLabel(kind)]) });
}

/**
 * Puts a problem's errors[] next to the fields of a form (aliases maps an API
 * field to a [data-field] name), worded in the UI language; a problem without
 * field errors becomes an alert. Returns nothing: the form shows it all.
 */
function showProblem(errors, error, aliases = {}, { booth = '' } = {}) {
  const list = Array.isArray(error?.problem?.errors) ? error.problem.errors : [];
  if (list.length === 0) {
    const type = String(error?.problem?.type ?? '');
    const alert = type.endsWith('/conflict') ? bookingAlert(error, { action: 'block', booth }) : problemAlert(error);
    alert.setAttribute('tabindex', '-1');
    errors.alertSlot.replaceChildren(alert);
    alert.focus();
    return;
  }
  for (const entry of list) {
    const raw = String(entry.field ?? '');
    const name = aliases[raw] ?? raw;
    const named = /Booth (?:code )?(\S+?)[ .]/.exec(String(entry.message ?? ''))?.[1] ?? booth;
    let message;
    if (entry.code === 'taken') message = t(raw === 'code' && !named ? 'booths.validation.hallTaken' : 'booths.validation.codeTaken', { booth: named });
    else if (entry.code === 'outside_hall') message = t('booths.validation.outside', { booth: named });
    else if (entry.code === 'not_found') message = t('booths.validation.noHall');
    else message = fieldMessage(entry);
    errors.add(name, message);
  }
  errors.show(error);
}

// ---------- Bookings awaiting approval ----------

function bookingBadge(status) {
  const known = BOOKING_STATUSES.includes(status);
  return h('span', { class: `badge booking-badge booking-${known ? status : 'unknown'}`, 'data-testid': 'booking-status',
    'data-status': status }, known ? t(`booths.booking.${status}`) : status);
}

function bookingWhen(item) {
  const lines = [h('span', { class: 'block' }, `${t('booths.booking.heldAt')}: `, timeEl(item.held_at))];
  if (item.status === 'held') lines.push(h('span', { class: 'block small muted' }, `${t('booths.booking.expiresAt')}: `, timeEl(item.expires_at)));
  else if (item.decided_at) lines.push(h('span', { class: 'block small' }, `${t(`booths.booking.when.${item.status}`)}: `, timeEl(item.decided_at)));
  return lines;
}

function bookingRow(item, { fair, boothCode, liveStatus, onDecided }) {
  const statusCell = h('td', {});
  const whenCell = h('td', {});
  const actions = h('td', { class: 'actions' });
  const code = boothCode(item.booth_id);
  const row = h('tr', { 'data-testid': 'booking-row', 'data-id': item.id, 'data-booth': code },
    h('th', { scope: 'row' }, h('a', { href: route(`/booths/${item.booth_id}`), 'data-testid': 'booking-booth' }, code)),
    h('td', {}, h('a', { href: route(`/exhibitors/${item.exhibitor_id}`), 'data-testid': 'booking-exhibitor', lang: 'vi' },
      item.exhibitor_name)),
    whenCell,
    statusCell,
    actions);

  const decide = async (decision, reason, button) => {
    const done = busy(button);
    try {
      const booth = await api.post(`/fairs/${fair.id}/booths/${item.booth_id}/decision`,
        decision === 'reject' ? { decision, reason } : { decision });
      Object.assign(item, { status: decision === 'approve' ? 'approved' : 'rejected', reason: reason ?? '',
        decided_at: Math.floor(Date.now() / 1000) });
      draw();
      announce(liveStatus, t(decision === 'approve' ? 'booths.booking.approvedNamed' : 'booths.booking.rejectedNamed',
        { booth: code, name: item.exhibitor_name }));
      onDecided(booth);
      row.querySelector('th a')?.focus();
    } catch (error) {
      done();
      throw error;
    }
  };

  const rejectForm = () => {
    const { form, reason } = reasonForm({
      id: `booking-reason-${item.id}`, maxlength: 500,
      testids: { form: 'booking-reject-form', reason: 'booking-reason', confirm: 'booking-reject-confirm',
        cancel: 'booking-reject-cancel' },
      confirmLabel: t('booths.booking.rejectConfirm'), hint: t('booths.booking.reasonHint'),
      submit: (text, confirm) => decide('reject', text, confirm),
      onProblem: (errors, error) => showProblem(errors, error, {}, { booth: code }),
      onCancel: () => {
        draw();
        actions.querySelector('[data-testid=booking-reject]')?.focus();
      },
    });
    actions.replaceChildren(form);
    reason.focus();
  };

  function draw() {
    row.dataset.status = item.status;
    whenCell.replaceChildren(...bookingWhen(item));
    statusCell.replaceChildren();
    append(statusCell, [bookingBadge(item.status),
      item.reason ? h('p', { class: 'status-reason small', 'data-testid': 'booking-reason-text' }, item.reason) : null]);
    if (!ACTIVE.includes(item.status)) {
      actions.replaceChildren();
      return;
    }
    const alertSlot = h('div', {});
    const approve = h('button', { type: 'button', class: 'button button-small', 'data-testid': 'booking-approve',
      'aria-label': t('booths.booking.approveNamed', { booth: code, name: item.exhibitor_name }),
      onclick: async (event) => {
        try {
          await decide('approve', '', event.currentTarget);
        } catch (error) {
          alertSlot.replaceChildren(bookingAlert(error, { action: 'decide', booth: code }));
        }
      } }, t('participants.approve'));
    const reject = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-testid': 'booking-reject',
      'aria-label': t('booths.booking.rejectNamed', { booth: code, name: item.exhibitor_name }), onclick: rejectForm },
    t('participants.reject'));
    actions.replaceChildren(h('div', { class: 'button-row' }, approve, reject), alertSlot);
  }
  draw();
  return row;
}

// ---------- The page ----------

export async function render({ query, signal }) {
  const { fair, view } = await organizerFair({ signal, tab: 'booths' });
  if (view) return view;
  const status = BOOKING_STATUSES.includes(query.get('status')) ? query.get('status') : 'confirmed';
  const [plan, bookings] = await Promise.all([
    loadPlan(fair.id, { signal }),
    api.get(`/fairs/${fair.id}/bookings`, { params: { status }, signal }),
  ]);
  const title = t('booths.admin.title');
  const halls = [...plan.halls];
  let booths = plan.booths;
  const codeOf = (id) => booths.find((booth) => booth.id === id)?.code ?? `#${id}`;
  const liveStatus = statusRegion('booth-admin-status');

  // Every part that shows halls or booths redraws from these two lists.
  const redraws = [];
  const redraw = () => {
    for (const fn of redraws) fn();
  };
  const reloadBooths = async () => {
    const next = await loadPlan(fair.id);
    booths = next.booths;
    redraw();
  };

  // ----- Bookings -----
  const statusFilter = select({ id: 'booking-status-filter', name: 'status', value: status, testid: 'booking-status-filter',
    options: BOOKING_STATUSES.map((value) => [value, t(`booths.booking.filter.${value}`)]) });
  statusFilter.addEventListener('change', () => go(route('/organizer/booths', { status: statusFilter.value })));
  const bookingItems = api.asList(bookings, '/bookings').items;
  const bookingsSection = h('section', { class: 'admin-section', 'aria-labelledby': 'bookings-title', 'data-testid': 'bookings-section' },
    h('h2', { id: 'bookings-title' }, t('booths.admin.bookings')),
    h('form', { class: 'filters', role: 'search', 'aria-label': t('booths.booking.filter'), onsubmit: (event) => event.preventDefault() },
      h('label', { for: 'booking-status-filter' }, t('booths.booking.filter')), statusFilter),
    bookingItems.length === 0
      ? h('p', { class: 'empty', 'data-testid': 'bookings-empty' }, t(`booths.booking.empty.${status}`))
      : table({
        caption: t('booths.booking.caption', { status: t(`booths.booking.filter.${status}`) }),
        captionHidden: true,
        testid: 'bookings-table',
        headers: [t('booths.code'), t('booths.exhibitor'), t('booths.booking.time'), t('booths.status'), t('common.actions')],
        rows: bookingItems.map((item) => bookingRow(item, {
          fair, boothCode: codeOf, liveStatus,
          onDecided: (booth) => {
            if (booth?.id) booths = booths.map((known) => (known.id === booth.id ? { ...known, ...booth } : known));
            redraw();
          },
        })),
      }));

  // ----- Halls -----
  const hallTable = h('div', { 'data-testid': 'halls' });
  redraws.push(() => {
    hallTable.replaceChildren(halls.length === 0
      ? h('p', { class: 'empty', 'data-testid': 'halls-empty' }, t('booths.admin.noHalls'))
      : table({
        caption: t('booths.admin.halls'),
        captionHidden: true,
        testid: 'halls-table',
        headers: [t('booths.hall.code'), t('booths.hall.name'), t('booths.hall.size'), t('booths.admin.boothCount')],
        rows: halls.map((hall) => h('tr', { 'data-testid': 'hall-row', 'data-id': hall.id },
          h('th', { scope: 'row' }, hall.code),
          h('td', {}, hallName(hall)),
          h('td', { class: 'nowrap' }, t('booths.hall.sizeValue', { width: formatNumber(hall.width), height: formatNumber(hall.height) })),
          h('td', {}, formatNumber(booths.filter((booth) => booth.hall_id === hall.id).length)))),
      }));
  });

  const hallInputs = {
    code: textInput('hall-code', '', { maxlength: '20' }),
    name_vi: textInput('hall-name-vi'),
    name_en: textInput('hall-name-en'),
    width: numberInput('hall-width', '', { min: '1', max: '100000' }),
    height: numberInput('hall-height', '', { min: '1', max: '100000' }),
  };
  hallInputs.name_vi.setAttribute('lang', 'vi');
  hallInputs.name_en.setAttribute('lang', 'en');
  const hallAlerts = h('div', { class: 'form-alerts' });
  const hallSubmit = h('button', { type: 'submit', class: 'button', 'data-testid': 'hall-submit' }, t('booths.hall.create'));
  const hallForm = h('form', { class: 'form', novalidate: true, 'data-testid': 'hall-form', 'aria-labelledby': 'hall-form-title' },
    h('h3', { id: 'hall-form-title' }, t('booths.hall.new')),
    hallAlerts,
    h('div', { class: 'form-grid' },
      field({ name: 'code', label: t('booths.hall.code'), control: hallInputs.code, hint: t('booths.hall.codeHint'), required: true }),
      field({ name: 'name_vi', label: t('booths.hall.nameVi'), control: hallInputs.name_vi, required: true }),
      field({ name: 'name_en', label: t('booths.hall.nameEn'), control: hallInputs.name_en, required: true }),
      field({ name: 'width', label: t('booths.hall.width'), control: hallInputs.width, hint: t('booths.hall.unitsHint'), required: true }),
      field({ name: 'height', label: t('booths.hall.height'), control: hallInputs.height, required: true })),
    h('div', { class: 'form-actions' }, hallSubmit));
  const hallErrors = new FormErrors(hallForm, hallAlerts);
  hallForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    hallErrors.clear();
    const body = {};
    for (const key of ['code', 'name_vi', 'name_en']) {
      body[key] = hallInputs[key].value.trim();
      if (!body[key]) hallErrors.add(key, t('validation.required'));
    }
    body.width = wholeNumber(hallErrors, 'width', hallInputs.width, 1, 100000);
    body.height = wholeNumber(hallErrors, 'height', hallInputs.height, 1, 100000);
    if (hallErrors.count > 0) {
      hallErrors.show();
      return;
    }
    const done = busy(hallSubmit);
    try {
      const hall = await api.post(`/fairs/${fair.id}/halls`, body);
      halls.push(hall);
      for (const input of Object.values(hallInputs)) input.value = '';
      redraw();
      gridInputs.hall.value = String(hall.id);
      announce(liveStatus, t('booths.hall.created', { hall: hallName(hall) }));
      hallInputs.code.focus();
    } catch (error) {
      showProblem(hallErrors, error);
    } finally {
      done();
    }
  });

  // ----- Grid of booths -----
  const hallOptions = () => halls.map((hall) => [String(hall.id), `${hall.code} · ${hallName(hall)}`]);
  const gridInputs = {
    hall: select({ id: 'grid-hall', name: 'hall_id', options: hallOptions(), testid: 'grid-hall' }),
    prefix: textInput('grid-prefix', '', { maxlength: '10' }),
    start: numberInput('grid-start', 1),
    rows: numberInput('grid-rows', '', { min: '1', max: '100' }),
    cols: numberInput('grid-cols', '', { min: '1', max: '100' }),
    x: numberInput('grid-x', 0),
    y: numberInput('grid-y', 0),
    w: numberInput('grid-w', '', { min: '1' }),
    h: numberInput('grid-h', '', { min: '1' }),
    gap: numberInput('grid-gap', 0),
    kind: kindSelect('grid-kind'),
    area: numberInput('grid-area', 9, { min: '0.5', step: '0.5', inputmode: 'decimal' }),
    price: numberInput('grid-price', '', { step: 'any', inputmode: 'decimal' }),
    currency: currencySelect('grid-currency'),
  };
  redraws.push(() => {
    const chosen = gridInputs.hall.value;
    gridInputs.hall.replaceChildren(...hallOptions().map(([value, label]) => h('option', { value, selected: value === chosen }, label)));
  });
  const preview = h('p', { class: 'notice notice-info grid-preview', 'data-testid': 'grid-preview', 'aria-live': 'polite' });
  const gridNumbers = () => {
    const read = (input) => (/^\d{1,9}$/.test(input.value.trim()) ? Number(input.value.trim()) : null);
    return {
      rows: read(gridInputs.rows), cols: read(gridInputs.cols), x: read(gridInputs.x), y: read(gridInputs.y),
      w: read(gridInputs.w), h: read(gridInputs.h), gap: read(gridInputs.gap) ?? 0, start: read(gridInputs.start) ?? 1,
    };
  };
  const drawPreview = () => {
    const g = gridNumbers();
    const prefix = gridInputs.prefix.value.trim();
    if (!prefix || !g.rows || !g.cols || !g.w || !g.h || g.x === null || g.y === null) {
      preview.textContent = t('booths.grid.previewEmpty');
      return;
    }
    const width = g.cols * g.w + (g.cols - 1) * g.gap;
    const height = g.rows * g.h + (g.rows - 1) * g.gap;
    const hall = halls.find((candidate) => String(candidate.id) === gridInputs.hall.value);
    const text = [t('booths.grid.preview', {
      count: g.rows * g.cols, first: `${prefix}-${g.start}`, last: `${prefix}-${g.start + g.rows * g.cols - 1}`,
      width: formatNumber(width), height: formatNumber(height),
    })];
    if (hall && (g.x + width > hall.width || g.y + height > hall.height)) {
      text.push(t('booths.grid.tooBig', { width: formatNumber(hall.width), height: formatNumber(hall.height) }));
    }
    preview.textContent = text.join(' ');
  };
  for (const input of Object.values(gridInputs)) input.addEventListener('input', drawPreview);
  drawPreview();
  const gridAlerts = h('div', { class: 'form-alerts' });
  const gridSubmit = h('button', { type: 'submit', class: 'button', 'data-testid': 'grid-submit' }, t('booths.grid.create'));
  const gridForm = h('form', { class: 'form', novalidate: true, 'data-testid': 'grid-form', 'aria-labelledby': 'grid-title' },
    gridAlerts,
    h('div', { class: 'form-grid' },
      field({ name: 'hall_id', label: t('booths.hall'), control: gridInputs.hall, required: true }),
      field({ name: 'grid.prefix', label: t('booths.grid.prefix'), control: gridInputs.prefix, hint: t('booths.grid.prefixHint'), required: true }),
      field({ name: 'grid.start', label: t('booths.grid.start'), control: gridInputs.start }),
      field({ name: 'grid.rows', label: t('booths.grid.rows'), control: gridInputs.rows, required: true }),
      field({ name: 'grid.cols', label: t('booths.grid.cols'), control: gridInputs.cols, required: true }),
      field({ name: 'grid.x', label: t('booths.grid.x'), control: gridInputs.x, hint: t('booths.grid.xyHint'), required: true }),
      field({ name: 'grid.y', label: t('booths.grid.y'), control: gridInputs.y, required: true }),
      field({ name: 'grid.w', label: t('booths.grid.w'), control: gridInputs.w, hint: t('booths.grid.whHint'), required: true }),
      field({ name: 'grid.h', label: t('booths.grid.h'), control: gridInputs.h, required: true }),
      field({ name: 'grid.gap', label: t('booths.grid.gap'), control: gridInputs.gap, hint: t('booths.grid.gapHint') }),
      field({ name: 'kind', label: t('booths.kind'), control: gridInputs.kind, required: true }),
      field({ name: 'area_m2', label: t('booths.area'), control: gridInputs.area, hint: t('booths.grid.areaHint'), required: true }),
      field({ name: 'price', label: t('booths.grid.price'), control: gridInputs.price, hint: t('booths.grid.priceHint'), required: true }),
      field({ name: 'price.currency', label: t('booths.grid.currency'), control: gridInputs.currency, required: true })),
    preview,
    h('div', { class: 'form-actions' }, gridSubmit));
  const gridErrors = new FormErrors(gridForm, gridAlerts);
  gridForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    gridErrors.clear();
    const hallId = Number(gridInputs.hall.value);
    if (!hallId) gridErrors.add('hall_id', t('booths.validation.noHall'));
    const prefix = gridInputs.prefix.value.trim();
    if (!prefix) gridErrors.add('grid.prefix', t('validation.required'));
    const grid = {
      prefix,
      rows: wholeNumber(gridErrors, 'grid.rows', gridInputs.rows, 1, 100),
      cols: wholeNumber(gridErrors, 'grid.cols', gridInputs.cols, 1, 100),
      x: wholeNumber(gridErrors, 'grid.x', gridInputs.x, 0, 100000),
      y: wholeNumber(gridErrors, 'grid.y', gridInputs.y, 0, 100000),
      w: wholeNumber(gridErrors, 'grid.w', gridInputs.w, 1, 10000),
      h: wholeNumber(gridErrors, 'grid.h', gridInputs.h, 1, 10000),
      gap: wholeNumber(gridErrors, 'grid.gap', gridInputs.gap, 0, 10000, { required: false }) ?? 0,
      start: wholeNumber(gridErrors, 'grid.start', gridInputs.start, 0, 100000, { required: false }) ?? 1,
    };
    const areaInput = gridInputs.area.value.trim().replace(',', '.');
    const area = Number(areaInput);
    if (areaInput === '') gridErrors.add('area_m2', t('validation.required'));
    else if (!Number.isFinite(area) || area <= 0) gridErrors.add('area_m2', t('booths.validation.area'));
    const price = moneyFrom(gridErrors, 'price', gridInputs.price, gridInputs.currency.value);
    if (gridErrors.count > 0) {
      gridErrors.show();
      return;
    }
    const done = busy(gridSubmit);
    try {
      const created = await api.post(`/fairs/${fair.id}/booths`, { hall_id: hallId, kind: gridInputs.kind.value, area_m2: area, price, grid });
      const items = Array.isArray(created?.items) ? created.items : [];
      await reloadBooths();
      boothHall.value = String(hallId);
      redraw();
      announce(liveStatus, t('booths.grid.created', {
        count: items.length, first: items[0]?.code ?? '', last: items[items.length - 1]?.code ?? '',
      }));
    } catch (error) {
      showProblem(gridErrors, error, { 'price.amount': 'price', x: 'grid.x', y: 'grid.y', code: 'grid.prefix' });
    } finally {
      done();
    }
  });

  // ----- Booths -----
  const boothHall = select({ id: 'booth-hall-filter', name: 'hall', options: hallOptions(), testid: 'booth-hall-filter' });
  const boothTable = h('div', { 'data-testid': 'booths-admin-list' });
  boothHall.addEventListener('change', () => redraw());
  redraws.push(() => {
    const chosen = boothHall.value || String(halls[0]?.id ?? '');
    boothHall.replaceChildren(...hallOptions().map(([value, label]) => h('option', { value, selected: value === chosen }, label)));
    const list = booths.filter((booth) => String(booth.hall_id) === chosen).sort((a, b) => (a.y - b.y) || (a.x - b.x));
    boothTable.replaceChildren(list.length === 0
      ? h('p', { class: 'empty', 'data-testid': 'booths-admin-empty' }, t('booths.admin.noBooths'))
      : table({
        caption: t('booths.admin.booths'),
        captionHidden: true,
        testid: 'booths-admin-table',
        headers: [t('booths.code'), t('booths.kind'), t('booths.area'), t('booths.price'), t('booths.status'), t('common.actions')],
        rows: list.map((booth) => adminRow(booth)),
      }));
  });

  function adminRow(booth) {
    const edit = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-testid': 'booth-edit',
      'aria-label': t('booths.edit.named', { booth: booth.code }), 'aria-expanded': 'false' }, t('booths.edit'));
    const row = h('tr', { 'data-testid': 'booth-admin-row', 'data-id': booth.id, 'data-code': booth.code, 'data-status': booth.status },
      h('th', { scope: 'row' }, h('a', { href: route(`/booths/${booth.id}`) }, booth.code)),
      h('td', { 'data-testid': 'booth-admin-kind' }, kindLabel(booth.kind)),
      h('td', { class: 'nowrap' }, areaText(booth)),
      h('td', { class: 'nowrap', 'data-testid': 'booth-admin-price' }, priceText(booth)),
      h('td', {}, statusBadge(booth.status, 'booth-admin-status'),
        booth.exhibitor?.name ? h('span', { class: 'block small' }, booth.exhibitor.name) : null),
      h('td', { class: 'actions' }, edit));
    edit.addEventListener('click', () => {
      const open = row.nextElementSibling?.classList.contains('edit-row');
      if (open) {
        row.nextElementSibling.remove();
        edit.setAttribute('aria-expanded', 'false');
        return;
      }
      row.after(editRow(booth, row, edit));
      edit.setAttribute('aria-expanded', 'true');
    });
    return row;
  }

  function editRow(booth, row, edit) {
    const id = `edit-${booth.id}`;
    const inputs = {
      price: numberInput(`${id}-price`, majorUnits(booth.price), { step: 'any', inputmode: 'decimal' }),
      currency: currencySelect(`${id}-currency`, booth.price?.currency ?? 'VND'),
      kind: kindSelect(`${id}-kind`, booth.kind),
      blocked: h('input', { type: 'checkbox', id: `${id}-blocked`, name: 'blocked', checked: booth.blocked, 'data-testid': 'edit-blocked' }),
    };
    inputs.price.dataset.testid = 'edit-price';
    inputs.currency.dataset.testid = 'edit-currency';
    inputs.kind.dataset.testid = 'edit-kind';
    const alertSlot = h('div', { class: 'form-alerts' });
    const save = h('button', { type: 'submit', class: 'button button-small', 'data-testid': 'edit-save' }, t('booths.edit.save'));
    const cancel = h('button', { type: 'button', class: 'link-button', 'data-testid': 'edit-cancel' }, t('common.cancel'));
    const form = h('form', { class: 'form booth-edit-form', novalidate: true, 'data-testid': 'booth-edit-form',
      'aria-label': t('booths.edit.named', { booth: booth.code }) },
    alertSlot,
    h('div', { class: 'form-grid' },
      field({ name: 'price', label: t('booths.grid.price'), control: inputs.price, required: true }),
      field({ name: 'price.currency', label: t('booths.grid.currency'), control: inputs.currency }),
      field({ name: 'kind', label: t('booths.kind'), control: inputs.kind }),
      h('div', { class: 'field', 'data-field': 'blocked' },
        h('span', { class: 'check-inline' }, inputs.blocked, h('label', { for: `${id}-blocked` }, t('booths.edit.blocked'))),
        h('p', { class: 'field-hint' }, t('booths.edit.blockedHint')),
        h('p', { class: 'field-error', id: `${id}-blocked-error`, 'data-testid': 'field-error-blocked', hidden: true }))),
    h('div', { class: 'form-actions' }, save, cancel));
    const tr = h('tr', { class: 'edit-row', 'data-testid': 'booth-edit-row' }, h('td', { colspan: '6' }, form));
    const errors = new FormErrors(form, alertSlot);
    cancel.addEventListener('click', () => {
      tr.remove();
      edit.setAttribute('aria-expanded', 'false');
      edit.focus();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      const price = moneyFrom(errors, 'price', inputs.price, inputs.currency.value);
      if (errors.count > 0) {
        errors.show();
        return;
      }
      const done = busy(save);
      try {
        const updated = await api.patch(`/fairs/${fair.id}/booths/${booth.id}`,
          { price, kind: inputs.kind.value, blocked: inputs.blocked.checked });
        booths = booths.map((known) => (known.id === updated.id ? { ...known, ...updated } : known));
        redraw();
        announce(liveStatus, t('booths.edit.saved', { booth: booth.code }));
        boothTable.querySelector(`[data-testid="booth-admin-row"][data-id="${booth.id}"] [data-testid="booth-edit"]`)?.focus();
      } catch (error) {
        done();
        showProblem(errors, error, { 'price.amount': 'price' }, { booth: booth.code });
      }
    });
    queueMicrotask(() => inputs.price.focus());
    return tr;
  }

  redraw();

  return {
    title,
    node: h('section', { class: 'page organizer booth-admin', 'data-testid': 'booth-admin-page' },
      organizerHead(fair, title, 'booths', t('booths.admin.intro', { minutes: plan.holdMinutes, count: plan.perExhibitor })),
      h('p', {}, h('a', { href: route('/booths'), 'data-testid': 'open-plan' }, t('booths.admin.openPlan'))),
      liveStatus,
      bookingsSection,
      h('section', { class: 'admin-section', 'aria-labelledby': 'halls-title', 'data-testid': 'halls-section' },
        h('h2', { id: 'halls-title' }, t('booths.admin.halls')),
        hallTable,
        h('div', { class: 'panel' }, hallForm)),
      h('section', { class: 'admin-section', 'aria-labelledby': 'grid-title', 'data-testid': 'grid-section' },
        h('h2', { id: 'grid-title' }, t('booths.grid.title')),
        h('p', { class: 'field-hint' }, t('booths.grid.intro')),
        h('div', { class: 'panel' }, gridForm)),
      h('section', { class: 'admin-section', 'aria-labelledby': 'booths-admin-title', 'data-testid': 'booths-section' },
        h('h2', { id: 'booths-admin-title' }, t('booths.admin.booths')),
        h('form', { class: 'filters', role: 'search', 'aria-label': t('booths.admin.booths'), onsubmit: (event) => event.preventDefault() },
          h('label', { for: 'booth-hall-filter' }, t('booths.hall')), boothHall),
        boothTable)),
  };
}
