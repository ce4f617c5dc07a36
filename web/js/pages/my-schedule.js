// #/meetings/schedule — the participant's published meetings as a timeline
// per day, in the fair's local time: every session of the meeting grid with
// its meetings (counterpart, place, priority; a fill-in meeting is labelled
// as suggested by the organizer, with its reason), the free slots and the slots
// marked unavailable; meetings called off apart; and the calendar
// subscription link (create, replace, revoke; shown once, with a copy button).

import { h, route } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { busy, statusRegion, announce } from '../forms.js';
import { copyBox } from './account.js';
import {
  participantFair, participantHead, counterpartOf, counterpartName, timeRange, dayLabel, timeZoneNote, locationText,
  priorityBadge, meetingAlert, meetingsTitle, fillInReason,
} from './meeting-common.js';

function overlaps(a, b) {
  return a.start < b.end && b.start < a.end;
}

function meetingEntry(meeting, { side, countries }) {
  const other = counterpartOf(meeting, side);
  return h('li', { class: 'timeline-item timeline-meeting', 'data-testid': 'schedule-meeting', 'data-id': meeting.id,
    'data-request': meeting.request_id, 'data-start': meeting.start },
  h('div', { class: 'timeline-time', 'data-testid': 'meeting-time' }, timeRange(meeting.start, meeting.end)),
  h('div', { class: 'timeline-body' },
    h('h3', { class: 'timeline-title' }, counterpartName(other, countries)),
    h('p', { class: 'timeline-meta' },
      h('span', { class: 'meeting-place', 'data-testid': 'meeting-location', 'data-kind': meeting.location_kind },
        locationText(meeting.location_kind, meeting.location)),
      ' ', meeting.fill_in
        ? h('span', { class: 'badge badge-fill-in', 'data-testid': 'meeting-fill-in' }, t('meetings.schedule.fillIn'))
        : priorityBadge(meeting.priority, 'meeting-priority'),
      meeting.sequence > 0
        ? [' ', h('span', { class: 'badge badge-moved', 'data-testid': 'meeting-moved' }, t('meetings.schedule.moved'))]
        : null),
    meeting.fill_in && fillInReason(meeting.fill_in_reason)
      ? h('p', { class: 'fill-in-reason small', 'data-testid': 'meeting-fill-in-reason' },
        t('meetings.schedule.fillInWhy', { reason: fillInReason(meeting.fill_in_reason) }))
      : null,
    meeting.message ? h('p', { class: 'timeline-message small muted' }, meeting.message) : null));
}

function gapEntry(run) {
  const key = run.kind === 'busy' ? 'meetings.schedule.busy' : 'meetings.schedule.free';
  return h('li', { class: `timeline-item timeline-${run.kind}`, 'data-testid': `schedule-${run.kind}` },
    h('div', { class: 'timeline-time' }, timeRange(run.start, run.end)),
    h('div', { class: 'timeline-body' }, h('p', {}, t(key, { count: run.count }))));
}

function sessionEntry(slots) {
  const kind = slots[0].session_kind === 'afternoon' ? 'afternoon' : 'morning';
  return h('li', { class: 'timeline-session', 'data-testid': 'schedule-session' },
    h('span', { class: 'timeline-session-name' }, t(`meetings.session.${kind}`)), ' ',
    timeRange(slots[0].start, slots[slots.length - 1].end, { class: 'time-range muted' }));
}

/** The timeline of one day: sessions of the grid with meetings, free and unavailable runs of slots. */
function dayTimeline(day, { slots, meetings, unavailable, side, countries }) {
  const rows = [];
  const used = new Set();
  const sessions = new Map();
  for (const slot of slots) {
    if (!sessions.has(slot.session)) sessions.set(slot.session, []);
    sessions.get(slot.session).push(slot);
  }
  for (const sessionSlots of sessions.values()) {
    rows.push(sessionEntry(sessionSlots));
    let run = null;
    const flush = () => {
      if (run) rows.push(gapEntry(run));
      run = null;
    };
    for (const slot of sessionSlots) {
      const meeting = meetings.find((m) => overlaps(m, slot));
      if (meeting) {
        flush();
        if (!used.has(meeting)) rows.push(meetingEntry(meeting, { side, countries }));
        used.add(meeting);
        continue;
      }
      const kind = unavailable.has(slot.index) ? 'busy' : 'free';
      if (run && run.kind === kind) {
        run.end = slot.end;
        run.count += 1;
      } else {
        flush();
        run = { kind, start: slot.start, end: slot.end, count: 1 };
      }
    }
    flush();
  }
  // Meetings outside today's grid (it changed after publishing): at their times, after the sessions.
  for (const meeting of meetings) if (!used.has(meeting)) rows.push(meetingEntry(meeting, { side, countries }));
  const count = meetings.length;
  const id = `day-${day}`;
  return h('section', { class: 'timeline-day', 'data-testid': 'schedule-day', 'data-day': day, 'aria-labelledby': id },
    h('h2', { id }, dayLabel(day), ' ',
      h('span', { class: 'count', 'data-testid': 'day-count' }, `(${t('meetings.schedule.count', { count })})`)),
    h('ol', { class: 'timeline' }, rows));
}

function cancelledList(items, { side, countries }) {
  if (!items.length) return null;
  return h('section', { class: 'panel schedule-cancelled', 'aria-labelledby': 'cancelled-title', 'data-testid': 'schedule-cancelled' },
    h('h2', { id: 'cancelled-title' }, t('meetings.schedule.cancelled')),
    h('ul', { class: 'plain-list' }, items.map((meeting) => {
      const other = counterpartOf(meeting, side);
      return h('li', { 'data-testid': 'cancelled-meeting', 'data-id': meeting.id },
        h('s', {}, dayLabel(meeting.day, { short: true }), ' ', timeRange(meeting.start, meeting.end)), ' · ',
        counterpartName(other, countries),
        meeting.note ? h('span', { class: 'status-reason block small', lang: 'en' }, meeting.note) : null);
    })));
}

/** The calendar subscription: create (or replace) the secret link, copy it, revoke it. */
function calendarSection() {
  const status = statusRegion('calendar-status');
  const alertSlot = h('div', { class: 'form-alerts' });
  const reveal = h('div', { 'data-testid': 'calendar-slot' });
  const create = h('button', { type: 'button', class: 'button', 'data-testid': 'calendar-create' }, t('meetings.calendar.create'));
  const revoke = h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'calendar-revoke' },
    t('meetings.calendar.revoke'));

  create.addEventListener('click', async () => {
    const done = busy(create);
    alertSlot.replaceChildren();
    announce(status, '');
    try {
      const created = await api.post('/me/calendar');
      const url = created.url || new URL(created.path, window.location.origin).href;
      const webcal = /^https?:\/\//.test(url) ? url.replace(/^https?:/, 'webcal:') : null;
      const title = h('h3', { tabindex: '-1', 'data-testid': 'calendar-new-title' }, t('meetings.calendar.newTitle'));
      reveal.replaceChildren(h('div', { class: 'token-reveal calendar-reveal', 'data-testid': 'calendar-reveal' },
        title,
        h('p', {}, t('meetings.calendar.onceOnly')),
        copyBox({ value: url, label: t('meetings.calendar.linkLabel'), id: 'calendar-url', testid: 'calendar-url' }),
        webcal ? h('p', { class: 'small' }, h('a', { href: webcal, 'data-testid': 'calendar-webcal' }, t('meetings.calendar.openApp'))) : null));
      create.textContent = t('meetings.calendar.rotate');
      announce(status, t(created.replaced_previous ? 'meetings.calendar.replaced' : 'meetings.calendar.created'));
      title.focus();
    } catch (error) {
      alertSlot.replaceChildren(meetingAlert(error));
    } finally {
      done();
    }
  });

  revoke.addEventListener('click', async () => {
    const done = busy(revoke);
    alertSlot.replaceChildren();
    announce(status, '');
    try {
      await api.del('/me/calendar');
      reveal.replaceChildren();
      create.textContent = t('meetings.calendar.create');
      announce(status, t('meetings.calendar.revoked'));
    } catch (error) {
      alertSlot.replaceChildren(meetingAlert(error));
    } finally {
      done();
    }
  });

  return h('section', { class: 'panel calendar-panel', 'aria-labelledby': 'calendar-title', 'data-testid': 'calendar-panel' },
    h('h2', { id: 'calendar-title' }, t('meetings.calendar.title')),
    h('p', {}, t('meetings.calendar.intro')),
    h('p', { class: 'small muted' }, t('meetings.calendar.howTo')),
    alertSlot,
    reveal,
    h('div', { class: 'form-actions' }, create, revoke),
    status);
}

export async function render({ signal }) {
  const title = meetingsTitle('schedule');
  const { fair, side, view } = await participantFair({ signal, tab: 'schedule', title });
  if (view) return view;
  const [mine, grid, availability, countries] = await Promise.all([
    api.get('/me/schedule', { params: { fair: fair.id }, signal }),
    api.get(`/fairs/${fair.id}/grid`, { signal }),
    api.get(`/fairs/${fair.id}/availability`, { signal }).catch((error) => {
      if (error?.name === 'AbortError') throw error;
      return null;
    }),
    api.reference('countries'),
  ]);
  const items = [...(mine?.items ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  const slots = grid?.defined ? grid.slots ?? [] : [];
  const unavailable = new Set(availability?.unavailable_slots ?? []);
  const days = [...new Set([...(grid?.defined ? grid.days : []), ...items.map((m) => m.day)])].filter(Boolean).sort();

  const summary = h('p', { class: 'schedule-summary', 'data-testid': 'schedule-summary' },
    items.length === 0
      ? t('meetings.schedule.none')
      : `${t('meetings.schedule.summary', { count: items.length })} ${t('meetings.schedule.onDays', { count: new Set(items.map((m) => m.day)).size })}`);

  const timeline = items.length === 0 && days.length === 0
    ? null
    : h('div', { class: 'timeline-days', 'data-testid': 'schedule-timeline' }, days.map((day) => dayTimeline(day, {
      slots: slots.filter((slot) => slot.day === day),
      meetings: items.filter((m) => m.day === day),
      unavailable,
      side,
      countries,
    })));

  return {
    title,
    node: h('section', { class: 'page meetings-page', 'data-testid': 'schedule-page' },
      participantHead(fair, title, 'schedule', t('meetings.schedule.intro')),
      h('div', { class: 'schedule-head' },
        summary,
        timeZoneNote(mine?.utc_offset ?? grid?.utc_offset)),
      items.length === 0
        ? h('div', { class: 'notice notice-info', 'data-testid': 'schedule-empty' },
          h('p', {}, t('meetings.schedule.emptyHint')),
          h('p', {}, h('a', { href: route('/meetings') }, t('meetings.schedule.toRequests'))))
        : null,
      timeline,
      cancelledList(mine?.cancelled ?? [], { side, countries }),
      calendarSection(),
      h('p', { class: 'small' }, h('a', { href: route('/meetings/availability') }, t('meetings.schedule.toAvailability')))),
  };
}
