// #/organizer/grid — the organizer's meeting grid (meeting days among the
// fair's dates, sessions in local time, slot length and pause, numbered
// tables, meetings at the exhibitor's booth) with a live count of the slots
// it makes and, once saved, the slots themselves; and the meeting-request
// rules (deadline in the fair's local time, cap of open requests).

import { h, append } from '../dom.js';
import { t, formatDateTime } from '../i18n.js';
import * as api from '../api.js';
import { field, fieldGroup, FormErrors, busy, statusRegion, announce, fieldMessage } from '../forms.js';
import { table } from './common.js';
import { organizerFair, organizerHead } from './organizer.js';
import { dayLabel, timeRange, timeZoneNote, minutesOf, hhmm } from './meeting-common.js';

const MAX_SESSIONS = 8;
const DEFAULTS = {
  sessions: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:00' }],
  slot_minutes: 30,
  pause_minutes: 5,
  tables: 20,
  use_booths: true,
};

/** Every date from start to end (YYYY-MM-DD), at most 31. */
function fairDays(start, end) {
  const out = [];
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Date.parse(`${end ?? start}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to)) return out;
  for (let day = from; day <= to && out.length < 31; day += 86_400_000) out.push(new Date(day).toISOString().slice(0, 10));
  return out;
}

function numberInput(id, value, min, max) {
  return h('input', { type: 'number', id, name: id, min: String(min), max: String(max), step: '1', inputmode: 'numeric',
    value: value === null || value === undefined ? '' : String(value), 'data-testid': id });
}

/** A whole number from an input within [min, max], or null after adding an error under name. */
function wholeNumber(errors, name, input, min, max, { required = true } = {}) {
  const text = input.value.trim();
  if (text === '') {
    if (required) errors.add(name, t('validation.required'));
    return required ? null : 0;
  }
  if (!/^\d{1,6}$/.test(text) || Number(text) < min || Number(text) > max) {
    errors.add(name, t('validation.range', { min, max }));
    return null;
  }
  return Number(text);
}

/** The text of a grid error (errors[] of PUT /grid) in the UI language. */
function gridMessage(entry) {
  const key = {
    outside_fair: 'meetings.grid.error.outsideFair',
    not_ascending: 'meetings.grid.error.notAscending',
    invalid_date: 'meetings.grid.error.invalidDate',
    invalid_session: 'meetings.grid.error.invalidSession',
    overlapping: 'meetings.grid.error.overlapping',
    too_short: 'meetings.grid.error.tooShort',
    invalid_time: 'meetings.grid.error.invalidTime',
    too_many_slots: 'meetings.grid.error.tooManySlots',
  }[entry?.code];
  return key ? t(key) : fieldMessage(entry);
}

/** Slots per day of sessions [{start, end}] in minutes, as the server derives them. */
function slotsPerDay(sessions, slot, pause) {
  let count = 0;
  for (const s of sessions) {
    for (let at = s.start; at + slot <= s.end; at += slot + pause) count += 1;
  }
  return count;
}

/** The saved grid's slots: per day and session, the first and last slot and how many. */
function slotSummary(grid) {
  if (!grid?.defined || !(grid.slots ?? []).length) return null;
  const rows = [];
  for (const day of grid.days) {
    const daySlots = grid.slots.filter((slot) => slot.day === day);
    for (const session of [...new Set(daySlots.map((slot) => slot.session))]) {
      const slots = daySlots.filter((slot) => slot.session === session);
      rows.push(h('tr', { 'data-testid': 'grid-slot-row' },
        h('th', { scope: 'row' }, dayLabel(day, { short: true })),
        h('td', {}, t(`meetings.session.${slots[0].session_kind === 'afternoon' ? 'afternoon' : 'morning'}`)),
        h('td', {}, timeRange(slots[0].start, slots[0].end)),
        h('td', {}, timeRange(slots[slots.length - 1].start, slots[slots.length - 1].end)),
        h('td', { 'data-testid': 'grid-slot-count' }, String(slots.length))));
    }
  }
  return table({
    caption: t('meetings.grid.slotsCaption', { count: grid.slots.length }),
    testid: 'grid-slots',
    headers: [t('meetings.grid.day'), t('meetings.grid.session'), t('meetings.grid.firstSlot'), t('meetings.grid.lastSlot'),
      t('meetings.grid.slotCount')],
    rows,
  });
}

function gridForm(fair, initial) {
  const grid = initial.defined ? initial : { ...DEFAULTS, days: fairDays(fair.start_date, fair.end_date) };
  const days = [...new Set([...fairDays(fair.start_date, fair.end_date), ...(grid.days ?? [])])].sort();
  const chosenDays = new Set(grid.days ?? []);
  const alertSlot = h('div', { class: 'form-alerts' });
  const status = statusRegion('grid-status');
  const preview = h('p', { class: 'grid-preview', 'aria-live': 'polite', 'data-testid': 'grid-preview' });
  const summarySlot = h('div', { 'data-testid': 'grid-summary' }, slotSummary(initial));
  const sessionList = h('ol', { class: 'session-list', 'data-testid': 'session-list' });
  const addSession = h('button', { type: 'button', class: 'button button-secondary button-small session-add', 'data-testid': 'session-add' },
    t('meetings.grid.addSession'));
  const slotMinutes = numberInput('slot-minutes', grid.slot_minutes, 5, 240);
  const pauseMinutes = numberInput('pause-minutes', grid.pause_minutes, 0, 120);
  const tables = numberInput('tables', grid.tables, 0, 10000);
  const useBooths = h('input', { type: 'checkbox', id: 'use-booths', name: 'use_booths', checked: Boolean(grid.use_booths),
    'data-testid': 'use-booths', 'aria-describedby': 'use-booths-hint' });
  const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'grid-save' }, t('meetings.grid.save'));
  let sessionCounter = 0;

  const sessionRow = ({ start, end }) => {
    sessionCounter += 1;
    const n = sessionCounter;
    const startInput = h('input', { type: 'time', id: `session-start-${n}`, name: 'start', value: start, step: '300', required: true,
      'data-testid': 'session-start' });
    const endInput = h('input', { type: 'time', id: `session-end-${n}`, name: 'end', value: end, step: '300', required: true,
      'data-testid': 'session-end' });
    const row = h('li', { class: 'session-row', 'data-testid': 'session-row' });
    const remove = h('button', { type: 'button', class: 'link-button', 'data-testid': 'session-remove' }, t('meetings.grid.removeSession'));
    remove.addEventListener('click', () => {
      const next = row.nextElementSibling ?? row.previousElementSibling;
      row.remove();
      renumber();
      update();
      (next?.querySelector('input') ?? addSession).focus();
    });
    row.append(
      h('span', { class: 'session-number', 'aria-hidden': 'true' }),
      h('span', { class: 'session-field' }, h('label', { for: startInput.id }), startInput),
      h('span', { class: 'session-field' }, h('label', { for: endInput.id }), endInput),
      remove);
    return row;
  };

  function renumber() {
    const rows = [...sessionList.children];
    rows.forEach((row, index) => {
      row.querySelector('.session-number').textContent = `${index + 1}.`;
      const [startLabel, endLabel] = row.querySelectorAll('label');
      startLabel.textContent = t('meetings.grid.sessionStart', { n: index + 1 });
      endLabel.textContent = t('meetings.grid.sessionEnd', { n: index + 1 });
      const remove = row.querySelector('[data-testid=session-remove]');
      remove.setAttribute('aria-label', t('meetings.grid.removeSessionNamed', { n: index + 1 }));
      remove.hidden = rows.length === 1;
    });
    addSession.hidden = rows.length >= MAX_SESSIONS;
  }

  for (const session of grid.sessions ?? []) sessionList.append(sessionRow(session));
  if (sessionList.children.length === 0) sessionList.append(sessionRow(DEFAULTS.sessions[0]));
  addSession.addEventListener('click', () => {
    const last = [...sessionList.querySelectorAll('[data-testid=session-end]')].pop();
    const from = minutesOf(last?.value) ?? 9 * 60;
    const start = Math.min(from + 60, 22 * 60);
    const row = sessionRow({ start: hhmm(start), end: hhmm(Math.min(start + 120, 23 * 60 + 55)) });
    sessionList.append(row);
    renumber();
    update();
    row.querySelector('input').focus();
  });

  const dayBoxes = h('ul', { class: 'check-list day-list', 'data-testid': 'grid-days' }, days.map((day) => h('li', {},
    h('input', { type: 'checkbox', id: `grid-day-${day}`, name: 'days', value: day, checked: chosenDays.has(day),
      'data-testid': `grid-day-${day}` }),
    h('label', { for: `grid-day-${day}` }, dayLabel(day)))));

  const form = h('form', { class: 'form grid-form', novalidate: true, 'data-testid': 'grid-form' },
    alertSlot,
    initial.defined ? null : h('p', { class: 'notice notice-info', 'data-testid': 'grid-undefined' }, t('meetings.grid.undefined')),
    fieldGroup({ name: 'days', id: 'grid-days-group', legend: t('meetings.grid.days'), hint: t('meetings.grid.daysHint'), required: true,
      content: dayBoxes }),
    fieldGroup({ name: 'sessions', id: 'grid-sessions-group', legend: t('meetings.grid.sessions'), required: true,
      hint: t('meetings.grid.sessionsHint'), content: [sessionList, addSession] }),
    h('div', { class: 'form-grid' },
      field({ name: 'slot_minutes', label: t('meetings.grid.slotMinutes'), control: slotMinutes, hint: t('meetings.grid.slotMinutesHint'), required: true }),
      field({ name: 'pause_minutes', label: t('meetings.grid.pauseMinutes'), control: pauseMinutes, hint: t('meetings.grid.pauseMinutesHint') }),
      field({ name: 'tables', label: t('meetings.grid.tables'), control: tables, hint: t('meetings.grid.tablesHint') })),
    h('div', { class: 'field field-check', 'data-field': 'use_booths' },
      h('div', { class: 'check-line' }, useBooths, h('label', { for: 'use-booths' }, t('meetings.grid.useBooths'))),
      h('p', { class: 'field-hint', id: 'use-booths-hint' }, t('meetings.grid.useBoothsHint')),
      h('p', { class: 'field-error', id: 'use-booths-error', hidden: true })),
    preview,
    h('div', { class: 'form-actions' }, submit, status));

  const read = () => ({
    days: [...form.querySelectorAll('input[name=days]:checked')].map((input) => input.value),
    sessions: [...sessionList.children].map((row) => ({
      start: row.querySelector('[data-testid=session-start]').value,
      end: row.querySelector('[data-testid=session-end]').value,
    })),
  });

  function update() {
    const { days: chosen, sessions } = read();
    const slot = Number(slotMinutes.value);
    const pause = Number(pauseMinutes.value || 0);
    const spans = sessions.map((s) => ({ start: minutesOf(s.start), end: minutesOf(s.end) }));
    if (!(slot >= 5) || spans.some((s) => s.start === null || s.end === null || s.end <= s.start) || !(pause >= 0)) {
      preview.textContent = t('meetings.grid.previewIncomplete');
      return;
    }
    const perDay = slotsPerDay(spans, slot, pause);
    const tableCount = Number(tables.value || 0);
    preview.textContent = [
      t('meetings.grid.preview', { perDay, days: chosen.length, count: perDay * chosen.length }),
      t('meetings.grid.previewPlaces', { count: tableCount }),
      useBooths.checked ? t('meetings.grid.previewBooths') : '',
      tableCount === 0 && !useBooths.checked ? t('meetings.grid.previewNoPlace') : '',
    ].filter(Boolean).join(' ');
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  renumber();
  update();

  const errors = new FormErrors(form, alertSlot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    announce(status, '');
    const { days: chosen, sessions } = read();
    if (chosen.length === 0) errors.add('days', t('validation.chooseOne'));
    sessions.forEach((s) => {
      const start = minutesOf(s.start);
      const end = minutesOf(s.end);
      if (start === null || end === null) errors.add('sessions', t('meetings.grid.error.invalidTime'));
      else if (end <= start) errors.add('sessions', t('meetings.grid.error.invalidSession'));
    });
    const body = {
      days: chosen,
      sessions,
      slot_minutes: wholeNumber(errors, 'slot_minutes', slotMinutes, 5, 240),
      pause_minutes: wholeNumber(errors, 'pause_minutes', pauseMinutes, 0, 120, { required: false }),
      tables: wholeNumber(errors, 'tables', tables, 0, 10000, { required: false }),
      use_booths: useBooths.checked,
    };
    if (errors.count > 0) {
      errors.show();
      return;
    }
    const done = busy(submit);
    try {
      const saved = await api.put(`/fairs/${fair.id}/grid`, body);
      summarySlot.replaceChildren(slotSummary(saved) ?? '');
      form.querySelector('[data-testid=grid-undefined]')?.remove();
      announce(status, t('meetings.grid.saved', { count: saved?.slots?.length ?? 0 }));
    } catch (error) {
      const list = Array.isArray(error?.problem?.errors) ? error.problem.errors : [];
      if (list.length === 0) {
        errors.fromProblem(error);
      } else {
        for (const entry of list) {
          const name = String(entry.field ?? '').replace(/[[.].*$/, '');
          const index = /^sessions\[(\d+)\]/.exec(entry.field ?? '')?.[1];
          const day = /^days\[(\d+)\]/.exec(entry.field ?? '')?.[1];
          let message = gridMessage(entry);
          if (index !== undefined) message = t('meetings.grid.error.sessionN', { n: Number(index) + 1, message });
          if (day !== undefined && chosen[Number(day)]) message = `${dayLabel(chosen[Number(day)])}: ${message}`;
          errors.add(name, message);
        }
        errors.show(error);
      }
    } finally {
      done();
    }
  });

  return h('section', { class: 'panel', 'aria-labelledby': 'grid-title', 'data-testid': 'grid-panel' },
    h('h2', { id: 'grid-title' }, t('meetings.grid.title')),
    h('p', {}, t('meetings.grid.intro')),
    timeZoneNote(initial.utc_offset),
    form,
    summarySlot);
}

/** An ISO instant as the value of a datetime-local input in the fair's time (UTC+7), or ''. */
function localInputValue(iso, minutes) {
  const ms = Date.parse(iso ?? '');
  if (Number.isNaN(ms)) return '';
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 16);
}

function offsetMinutes(text) {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(text ?? '');
  if (!match) return 7 * 60;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

function rulesForm(fair, initial, utcOffset) {
  const offset = offsetMinutes(utcOffset);
  const alertSlot = h('div', { class: 'form-alerts' });
  const status = statusRegion('rules-status');
  const state = h('p', { 'data-testid': 'rules-state' });
  const deadline = h('input', { type: 'datetime-local', id: 'request-deadline', name: 'request_deadline', step: '60',
    value: localInputValue(initial.request_deadline, offset), 'data-testid': 'request-deadline' });
  const cap = h('input', { type: 'number', id: 'requests-cap', name: 'requests_per_participant', min: '1', max: '10000', step: '1',
    inputmode: 'numeric', value: initial.requests_per_participant ?? '', 'data-testid': 'requests-cap' });
  const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'rules-save' }, t('meetings.rules.save'));
  const drawState = (rules) => {
    state.className = rules.requests_open ? 'notice notice-info' : 'warning';
    state.textContent = [
      rules.requests_open ? t('meetings.rules.open') : t('meetings.rules.closedNow'),
      rules.request_deadline ? t('meetings.rules.deadline', { deadline: formatDateTime(rules.request_deadline) }) : t('meetings.rules.noDeadline'),
      Number.isInteger(rules.requests_per_participant)
        ? t('meetings.rules.cap', { count: rules.requests_per_participant }) : t('meetings.rules.noCap'),
    ].join(' ');
  };
  const form = h('form', { class: 'form rules-form', novalidate: true, 'data-testid': 'rules-form' },
    alertSlot,
    h('div', { class: 'form-grid' },
      field({ name: 'request_deadline', label: t('meetings.rules.deadlineLabel'), control: deadline,
        hint: t('meetings.rules.deadlineHint', { offset: utcOffset ?? '+07:00' }) }),
      field({ name: 'requests_per_participant', label: t('meetings.rules.capLabel'), control: cap, hint: t('meetings.rules.capHint') })),
    h('div', { class: 'form-actions' }, submit, status));
  const errors = new FormErrors(form, alertSlot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    announce(status, '');
    const body = {};
    const when = deadline.value.trim();
    if (when === '') body.request_deadline = null;
    else if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(when)) errors.add('request_deadline', t('meetings.rules.deadlineInvalid'));
    else body.request_deadline = `${when}:00${utcOffset ?? '+07:00'}`;
    const capText = cap.value.trim();
    if (capText === '') body.requests_per_participant = null;
    else if (!/^\d{1,5}$/.test(capText) || Number(capText) < 1 || Number(capText) > 10000) {
      errors.add('requests_per_participant', t('validation.range', { min: 1, max: 10000 }));
    } else body.requests_per_participant = Number(capText);
    if (errors.count > 0) {
      errors.show();
      return;
    }
    const done = busy(submit);
    try {
      const saved = await api.put(`/fairs/${fair.id}/meeting-rules`, body);
      drawState(saved);
      announce(status, t('meetings.rules.saved'));
    } catch (error) {
      errors.fromProblem(error);
    } finally {
      done();
    }
  });
  drawState(initial);
  return h('section', { class: 'panel', 'aria-labelledby': 'rules-title', 'data-testid': 'rules-panel' },
    h('h2', { id: 'rules-title' }, t('meetings.rules.title')),
    h('p', {}, t('meetings.rules.intro')),
    state,
    form);
}

export async function render({ signal }) {
  const { fair, view } = await organizerFair({ signal, tab: 'grid' });
  if (view) return view;
  const [grid, rules] = await Promise.all([
    api.get(`/fairs/${fair.id}/grid`, { signal }),
    api.get(`/fairs/${fair.id}/meeting-rules`, { signal }),
  ]);
  const title = t('meetings.grid.pageTitle');
  const node = h('section', { class: 'page organizer meetings-admin', 'data-testid': 'grid-page' },
    organizerHead(fair, title, 'grid', t('meetings.grid.pageIntro')));
  append(node, [gridForm(fair, grid), rulesForm(fair, rules, grid.utc_offset)]);
  return { title, node };
}
