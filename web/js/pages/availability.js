// #/meetings/availability — the participant marks the meeting slots when it
// cannot meet (a checkbox per slot of the fair's grid, by day and session,
// with "whole session" shortcuts) and says whether the organizer may fill its
// free slots with recommended meetings.

import { h, append } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { FormErrors, busy, statusRegion, announce, fieldMessage } from '../forms.js';
import {
  participantFair, participantHead, dayLabel, timeRange, timeZoneNote, meetingsTitle, clock,
} from './meeting-common.js';

function slotCheckbox(slot, checked) {
  const id = `slot-${slot.index}`;
  return h('li', { class: 'slot-choice' },
    h('input', { type: 'checkbox', id, name: 'unavailable', value: String(slot.index), checked, 'data-testid': id }),
    h('label', { for: id }, timeRange(slot.start, slot.end)));
}

function sessionGroup(slots, chosen, onChange) {
  const first = slots[0];
  const kind = first.session_kind === 'afternoon' ? 'afternoon' : 'morning';
  const id = `session-${first.day}-${first.session}`;
  const boxes = slots.map((slot) => slotCheckbox(slot, chosen.has(slot.index)));
  const setAll = (value) => {
    for (const item of boxes) item.querySelector('input').checked = value;
    onChange();
  };
  const sessionName = `${t(`meetings.session.${kind}`)} ${clock(first.start)}–${clock(slots[slots.length - 1].end)}`;
  return h('div', { class: 'slot-session', role: 'group', 'aria-labelledby': `${id}-name`, 'data-testid': 'availability-session' },
    h('div', { class: 'slot-session-head' },
      h('h3', { id: `${id}-name`, class: 'slot-session-name' }, t(`meetings.session.${kind}`), ' ',
        timeRange(first.start, slots[slots.length - 1].end, { class: 'time-range muted' })),
      h('div', { class: 'button-row' },
        h('button', { type: 'button', class: 'link-button small', 'data-testid': 'session-busy',
          'aria-label': t('meetings.availability.allBusyNamed', { session: sessionName, day: dayLabel(first.day) }),
          onclick: () => setAll(true) }, t('meetings.availability.allBusy')),
        h('button', { type: 'button', class: 'link-button small', 'data-testid': 'session-free',
          'aria-label': t('meetings.availability.allFreeNamed', { session: sessionName, day: dayLabel(first.day) }),
          onclick: () => setAll(false) }, t('meetings.availability.allFree')))),
    h('ul', { class: 'slot-list' }, boxes));
}

export async function render({ signal }) {
  const title = meetingsTitle('availability');
  const { fair, view } = await participantFair({ signal, tab: 'availability', title });
  if (view) return view;
  const [grid, current] = await Promise.all([
    api.get(`/fairs/${fair.id}/grid`, { signal }),
    api.get(`/fairs/${fair.id}/availability`, { signal }),
  ]);
  const slots = grid?.defined ? grid.slots ?? [] : [];
  const chosen = new Set(current?.unavailable_slots ?? []);
  const alertSlot = h('div', { class: 'form-alerts' });
  const status = statusRegion('availability-status');
  const count = h('p', { class: 'slot-count', 'aria-live': 'polite', 'data-testid': 'availability-count' });
  const fillIns = h('input', { type: 'checkbox', id: 'accepts-fill-ins', name: 'accepts_fill_ins', checked: Boolean(current?.accepts_fill_ins),
    'data-testid': 'accepts-fill-ins' });
  const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'availability-save' }, t('meetings.availability.save'));

  const form = h('form', { class: 'form availability-form', novalidate: true, 'data-testid': 'availability-form' });
  const updateCount = () => {
    const marked = form.querySelectorAll('input[name=unavailable]:checked').length;
    count.textContent = t('meetings.availability.count', { count: marked, total: slots.length });
  };

  const days = [...new Set(slots.map((slot) => slot.day))];
  const dayGroups = days.map((day) => {
    const daySlots = slots.filter((slot) => slot.day === day);
    const sessions = [...new Set(daySlots.map((slot) => slot.session))];
    const legendId = `avail-day-${day}`;
    return h('fieldset', { class: 'field field-group field-wide slot-day', 'data-field': 'unavailable_slots', 'data-testid': 'availability-day',
      'data-day': day, 'aria-describedby': 'availability-hint' },
    h('legend', { id: legendId }, dayLabel(day)),
    h('div', { class: 'slot-sessions' },
      sessions.map((session) => sessionGroup(daySlots.filter((slot) => slot.session === session), chosen, updateCount))));
  });

  append(form, [alertSlot,
    slots.length === 0
      ? h('div', { class: 'notice notice-info', 'data-testid': 'availability-no-grid' }, h('p', {}, t('meetings.availability.noGrid')))
      : [h('p', { class: 'field-hint', id: 'availability-hint' }, t('meetings.availability.hint')), timeZoneNote(grid.utc_offset), ...dayGroups, count],
    h('div', { class: 'field field-check', 'data-field': 'accepts_fill_ins' },
      h('div', { class: 'check-line' }, fillIns, h('label', { for: 'accepts-fill-ins' }, t('meetings.availability.fillIns'))),
      h('p', { class: 'field-hint', id: 'accepts-fill-ins-hint' }, t('meetings.availability.fillInsHint')),
      h('p', { class: 'field-error', id: 'accepts-fill-ins-error', hidden: true })),
    h('div', { class: 'form-actions' }, submit, status)]);
  fillIns.setAttribute('aria-describedby', 'accepts-fill-ins-hint');
  form.addEventListener('change', (event) => {
    if (event.target?.name === 'unavailable') updateCount();
  });
  updateCount();

  const errors = new FormErrors(form, alertSlot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    announce(status, '');
    const body = { accepts_fill_ins: fillIns.checked };
    if (slots.length > 0) {
      body.unavailable_slots = [...form.querySelectorAll('input[name=unavailable]:checked')].map((input) => Number(input.value));
    }
    const done = busy(submit);
    try {
      const saved = await api.put(`/fairs/${fair.id}/availability`, body);
      const now = new Set(saved?.unavailable_slots ?? []);
      for (const input of form.querySelectorAll('input[name=unavailable]')) input.checked = now.has(Number(input.value));
      fillIns.checked = Boolean(saved?.accepts_fill_ins);
      updateCount();
      announce(status, t('meetings.availability.saved'));
    } catch (error) {
      const list = Array.isArray(error?.problem?.errors) ? error.problem.errors : [];
      for (const entry of list) {
        errors.add(String(entry.field ?? '').replace(/\[.*$/, ''),
          entry.code === 'unknown_slot' ? t('meetings.availability.unknownSlot') : fieldMessage(entry));
      }
      if (list.length > 0) errors.show(error);
      else errors.fromProblem(error);
    } finally {
      done();
    }
  });

  return {
    title,
    node: h('section', { class: 'page meetings-page', 'data-testid': 'availability-page' },
      participantHead(fair, title, 'availability', t('meetings.availability.intro')),
      h('div', { class: 'panel' }, form)),
  };
}
