// #/today — a participant's day at the fair: the next meeting (time, place,
// who) with a countdown, today's meetings, and after a meeting the buttons
// to say how it went (held, or the other side did not come), a rating, and
// a shortcut to record a deal. Changes arrive over the participant's own
// live feed (a WebSocket, no polling): a moved or cancelled meeting, the
// "next meeting in 10 minutes" reminder, a recorded no-show; the schedule is
// read again when one arrives and when the tab comes back into view.

import { h, route } from '../dom.js';
import { t, getLang, formatDateTime, locale, FAIR_TIME_ZONE } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { heading, problemAlert } from './common.js';
import { busy } from '../forms.js';
import { countryName, clock, fairToday, endpointMissing, connectionIndicator } from './live-common.js';
import { connectLive } from '../live-feed.js';

const SOON_MS = 10 * 60_000;
const CHANGES_KEPT = 20;

/** Where a meeting takes place, in the UI language: "Gian A-12" / "Booth A-12", "Bàn 3" / "Table 3". */
export function placeOf(meeting) {
  const where = String(meeting?.location ?? '').trim();
  if (!where) return t('today.place.unknown');
  if (meeting.location_kind === 'booth') return t('today.place.booth', { code: where });
  const table = /^table\s+(\S+)$/i.exec(where);
  return t('today.place.table', { code: table ? table[1] : where });
}

/** "Thursday 4 December 10:30, Table 2" for a placement {start, location_kind, location} of a feed message. */
function whenAndWhere(placement) {
  if (!placement?.start) return '—';
  const date = new Date(placement.start);
  const day = new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: FAIR_TIME_ZONE }).format(date);
  return `${day} ${clock(placement.start)}, ${placeOf(placement)}`;
}

/** The sentence a personal feed message shows on the page, or null for messages this page does not show. */
export function changeText(message) {
  const name = message.counterpart?.name ?? '—';
  switch (message.type) {
    case 'schedule_changed':
      return t('today.live.moved', { name, from: whenAndWhere(message.before), to: whenAndWhere(message.after) });
    case 'meeting_cancelled':
      return t('today.live.cancelled', { name, when: whenAndWhere(message.before) });
    case 'next_meeting':
      return t('today.live.next', { name, place: placeOf(message), count: Number(message.minutes) || 0 });
    case 'no_show_recorded':
      return t(message.you_absent ? 'today.live.noShowYou' : 'today.live.noShowThem', { name });
    default:
      return null;
  }
}

/**
 * "I am running late": the time of arrival today (fair time); the server
 * moves my meetings before then and tells the people concerned.
 */
function lateArrivalForm() {
  const input = h('input', { type: 'time', id: 'late-arrival-time', required: true, 'data-testid': 'late-arrival-time' });
  const status = h('p', { class: 'small', role: 'status', 'data-testid': 'late-arrival-status' });
  const send = h('button', { type: 'submit', class: 'button button-secondary button-small', 'data-testid': 'late-arrival-submit' },
    t('today.late.send'));
  const form = h('form', { class: 'late-arrival-form', novalidate: true },
    h('label', { for: input.id }, t('today.late.label')), input, h('div', { class: 'form-actions' }, send), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!/^\d{2}:\d{2}$/.test(input.value)) {
      status.className = 'small field-error';
      status.textContent = t('today.late.needTime');
      input.focus();
      return;
    }
    const done = busy(send);
    try {
      // The fair's zone (FAIR_TIME_ZONE, Asia/Ho_Chi_Minh) has no daylight saving: UTC+7 all year.
      const body = await api.post(`/fairs/${form.dataset.fair}/me/late-arrival`, { arrives_at: `${fairToday()}T${input.value}:00+07:00` });
      const moved = (body?.changes ?? []).length;
      status.className = 'small notice notice-success';
      status.textContent = moved ? t('today.late.moved', { count: moved }) : t('today.late.none');
      status.dataset.moved = String(moved);
    } catch (error) {
      status.className = 'small notice notice-info';
      status.textContent = problemAlert(error).textContent;
      status.dataset.moved = 'error';
    } finally {
      done();
    }
  });
  return form;
}

function startOf(meeting) {
  return Date.parse(meeting.start);
}

function endOf(meeting) {
  return Date.parse(meeting.end);
}

/** "in 2 days 3 h", "in 12 min 30 s", as words in the UI language. */
export function countdownText(ms) {
  const total = Math.max(0, Math.round(ms / 1000));
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = [];
  if (days) parts.push(t('today.unit.days', { count: days }));
  if (hours) parts.push(t('today.unit.hours', { count: hours }));
  if (!days && minutes) parts.push(t('today.unit.minutes', { count: minutes }));
  if (!days && !hours && total < 600) parts.push(t('today.unit.seconds', { count: seconds }));
  return t('today.in', { time: parts.join(' ') || t('today.unit.seconds', { count: 0 }) });
}

function counterpartLine(meeting, countries) {
  const other = meeting.counterpart ?? {};
  const name = other.kind === 'exhibitor' && getLang() !== 'vi' && other.name_en ? other.name_en : other.name;
  return [h('span', { class: 'day-meeting-who', 'data-testid': 'meeting-counterpart', lang: other.kind === 'exhibitor' && !other.name_en ? 'vi' : null },
    name ?? '—'),
  other.country ? h('span', { class: 'muted' }, ` · ${countryName(countries, other.country)}`) : null];
}

function timeRange(meeting) {
  return h('span', { class: 'day-meeting-time', 'data-testid': 'meeting-time' },
    h('time', { datetime: meeting.start }, meeting.local_start ?? clock(meeting.start)), '–',
    h('time', { datetime: meeting.end }, meeting.local_end ?? clock(meeting.end)));
}

function dayLabel(meeting) {
  const date = new Date(meeting.start);
  return new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', timeZone: FAIR_TIME_ZONE }).format(date);
}

/** After a meeting: "held" / "they did not come", a 1–5 rating with a comment, and a link to record a deal. */
function afterMeeting(meeting) {
  const box = h('div', { class: 'after-meeting', 'data-testid': 'after-meeting' });
  const outcomeStatus = h('p', { class: 'small', role: 'status', 'data-testid': 'outcome-status' });
  const sendOutcome = async (outcome, button) => {
    const done = busy(button);
    try {
      await api.post(`/meetings/${meeting.id}/outcome`, { outcome });
      outcomeStatus.className = 'small notice notice-success';
      outcomeStatus.textContent = t(`today.outcome.saved.${outcome}`);
      outcomeStatus.dataset.outcome = outcome;
    } catch (error) {
      outcomeStatus.className = 'small notice notice-info';
      outcomeStatus.textContent = endpointMissing(error) ? t('live.notYet') : problemAlert(error).textContent;
      outcomeStatus.dataset.outcome = endpointMissing(error) ? 'unavailable' : 'error';
    } finally {
      done();
    }
  };
  const outcome = h('fieldset', { class: 'outcome' },
    h('legend', {}, t('today.outcome')),
    h('div', { class: 'button-row' },
      h('button', { type: 'button', class: 'button button-small', 'data-testid': 'outcome-held',
        onclick: (event) => sendOutcome('held', event.currentTarget) }, t('today.outcome.held')),
      h('button', { type: 'button', class: 'button button-secondary button-small', 'data-testid': 'outcome-no-show',
        onclick: (event) => sendOutcome('no_show', event.currentTarget) }, t('today.outcome.noShow'))),
    outcomeStatus);

  const idBase = `feedback-${meeting.id}`;
  const stars = h('div', { class: 'rating' }, [1, 2, 3, 4, 5].map((value) => [
    h('input', { type: 'radio', id: `${idBase}-${value}`, name: `${idBase}-rating`, value: String(value),
      'data-testid': `rating-${value}` }),
    h('label', { for: `${idBase}-${value}`, title: t(`today.rating.${value}`) },
      h('span', { 'aria-hidden': 'true' }, '★'), h('span', { class: 'visually-hidden' }, t(`today.rating.${value}`)))]));
  const comment = h('textarea', { id: `${idBase}-comment`, rows: '2', maxlength: '2000', 'data-testid': 'feedback-comment' });
  const feedbackStatus = h('p', { class: 'small', role: 'status', 'data-testid': 'feedback-status' });
  const send = h('button', { type: 'submit', class: 'button button-secondary button-small', 'data-testid': 'feedback-submit' },
    t('today.feedback.send'));
  const feedback = h('form', { class: 'feedback-form', novalidate: true, 'data-testid': 'feedback-form' },
    h('fieldset', {}, h('legend', {}, t('today.feedback.rating')), stars),
    h('label', { for: comment.id }, t('today.feedback.comment')), comment,
    h('div', { class: 'form-actions' }, send), feedbackStatus);
  feedback.addEventListener('submit', async (event) => {
    event.preventDefault();
    const rating = Number(feedback.querySelector(`input[name="${idBase}-rating"]:checked`)?.value ?? 0);
    if (!rating) {
      feedbackStatus.className = 'small field-error';
      feedbackStatus.textContent = t('today.feedback.needRating');
      stars.querySelector('input')?.focus();
      return;
    }
    const done = busy(send);
    try {
      await api.post(`/meetings/${meeting.id}/feedback`, { rating, comment: comment.value.trim() });
      feedbackStatus.className = 'small notice notice-success';
      feedbackStatus.textContent = t('today.feedback.saved');
    } catch (error) {
      feedbackStatus.className = 'small notice notice-info';
      feedbackStatus.textContent = endpointMissing(error) ? t('live.notYet') : problemAlert(error).textContent;
    } finally {
      done();
    }
  });

  box.append(outcome,
    h('details', { class: 'feedback' }, h('summary', {}, t('today.feedback')), feedback),
    h('p', {}, h('a', { class: 'button button-secondary button-small', 'data-testid': 'meeting-deal',
      href: route('/deals', { counterpart: meeting.counterpart?.id, meeting: meeting.id }) }, t('today.recordDeal'))));
  return box;
}

function meetingItem(meeting, { countries, now }) {
  const started = startOf(meeting) <= now;
  const ended = endOf(meeting) <= now;
  const state = ended ? 'past' : started ? 'now' : 'later';
  return h('li', { class: `day-meeting day-meeting-${state}`, 'data-testid': 'meeting', 'data-id': meeting.id, 'data-state': state },
    h('p', { class: 'day-meeting-head' }, timeRange(meeting), ' ',
      h('span', { class: 'day-meeting-place', 'data-testid': 'meeting-place' }, placeOf(meeting)),
      state === 'now' ? h('span', { class: 'badge badge-current' }, t('today.now')) : null),
    h('p', {}, counterpartLine(meeting, countries)),
    started ? afterMeeting(meeting) : null);
}

export async function render({ signal }) {
  session.requireUser('exhibitor', 'importer');
  const title = t('today.title');
  const fair = await api.currentFair();
  const own = fair ? session.profileIn(fair.id) : null;
  const head = h('div', { class: 'page-head' }, heading(title), h('p', { class: 'lead' }, t('today.intro')));
  if (!fair || !own || own.status !== 'approved') {
    return {
      title,
      node: h('section', { class: 'page narrow', 'data-testid': 'today-page' }, head,
        h('p', { class: 'notice notice-info', 'data-testid': 'today-blocked' }, t(own ? 'deals.notApproved' : 'deals.noProfile'), ' ',
          h('a', { href: route('/profile') }, t('nav.profile')))),
    };
  }
  const countries = await api.reference('countries');
  const nextBox = h('section', { class: 'next-meeting', 'aria-labelledby': 'next-title', 'data-testid': 'next-meeting' });
  const todayList = h('ol', { class: 'day-meetings', 'data-testid': 'today-meetings' });
  const todayEmpty = h('p', { class: 'empty', 'data-testid': 'today-empty' }, t('today.none'));
  const pastList = h('ol', { class: 'day-meetings', 'data-testid': 'past-meetings' });
  const pastBox = h('details', { class: 'past-meetings', hidden: true }, h('summary', {}, t('today.earlier')), pastList);
  const announcer = h('p', { class: 'visually-hidden', role: 'status', 'data-testid': 'today-announce' });
  const refreshAlert = h('div', {});
  const connection = connectionIndicator('today-connection');
  const reminder = h('p', { class: 'notice notice-info today-reminder', role: 'alert', hidden: true, 'data-testid': 'today-reminder' });
  const changes = h('ol', { class: 'activity', 'data-testid': 'today-changes' });
  const lateForm = lateArrivalForm();
  lateForm.dataset.fair = String(fair.id);
  const changesBox = h('section', { class: 'panel today-changes', hidden: true, 'aria-labelledby': 'today-changes-title' },
    h('h2', { id: 'today-changes-title' }, t('today.live.title')), changes);
  let items = [];
  let announced = new Set();
  let countdown = null;
  let countdownTarget = null;
  let currentEnd = null;
  let lastKey = null;

  const drawNext = (now) => {
    const current = items.find((meeting) => startOf(meeting) <= now && endOf(meeting) > now);
    const next = items.find((meeting) => startOf(meeting) > now);
    const shown = current ?? next;
    countdown = null;
    countdownTarget = null;
    currentEnd = current ? endOf(current) : null;
    if (!shown) {
      nextBox.dataset.id = '';
      nextBox.replaceChildren(h('h2', { id: 'next-title' }, t('today.next')),
        h('p', { class: 'muted', 'data-testid': 'next-none' }, t('today.noNext')));
      return;
    }
    nextBox.dataset.id = String(shown.id);
    countdown = h('p', { class: 'countdown', role: 'timer', 'aria-live': 'off', 'data-testid': 'countdown' });
    countdownTarget = current ? null : startOf(shown);
    const isToday = shown.day === fairToday();
    nextBox.replaceChildren(
      h('h2', { id: 'next-title' }, current ? t('today.current') : t('today.next')),
      h('p', { class: 'next-when' }, isToday ? null : h('span', { class: 'next-day', 'data-testid': 'next-day' }, `${dayLabel(shown)} · `),
        timeRange(shown)),
      h('p', { class: 'next-place', 'data-testid': 'next-place' }, placeOf(shown)),
      h('p', { class: 'next-who', 'data-testid': 'next-counterpart' }, counterpartLine(shown, countries)),
      current ? h('p', { class: 'countdown', 'data-testid': 'countdown' }, t('today.endsIn', { time: clock(shown.end) })) : countdown);
    tick();
  };

  const draw = () => {
    const now = Date.now();
    const today = fairToday();
    drawNext(now);
    const todays = items.filter((meeting) => meeting.day === today);
    todayList.replaceChildren(...todays.map((meeting) => meetingItem(meeting, { countries, now })));
    todayEmpty.hidden = todays.length > 0;
    todayList.hidden = todays.length === 0;
    const past = items.filter((meeting) => meeting.day !== today && endOf(meeting) <= now).reverse();
    pastList.replaceChildren(...past.map((meeting) => meetingItem(meeting, { countries, now })));
    pastBox.hidden = past.length === 0;
  };

  function tick() {
    if (currentEnd !== null && Date.now() >= currentEnd) {
      draw();
      return;
    }
    if (!countdown || countdownTarget === null) return;
    const left = countdownTarget - Date.now();
    if (left <= 0) {
      draw();
      return;
    }
    countdown.textContent = countdownText(left);
    countdown.dataset.seconds = String(Math.round(left / 1000));
    const id = nextBox.dataset.id;
    if (left <= SOON_MS && !announced.has(id)) {
      announced.add(id);
      const shown = items.find((meeting) => String(meeting.id) === id);
      announcer.textContent = t('today.soon', { place: placeOf(shown), name: shown?.counterpart?.name ?? '' });
    }
  }

  const load = async () => {
    const body = await api.get('/me/schedule', { params: { fair: fair.id }, signal });
    const key = JSON.stringify(body?.items ?? []);
    // Unchanged: keep the page as it is (and whatever is being typed in it).
    if (key === lastKey) return;
    lastKey = key;
    items = [...(body?.items ?? [])].sort((a, b) => startOf(a) - startOf(b));
    draw();
  };
  await load();

  const reload = () => load().then(() => refreshAlert.replaceChildren()).catch((error) => {
    if (!signal.aborted && error?.name !== 'AbortError') refreshAlert.replaceChildren(problemAlert(error));
  });
  const onEvent = (message) => {
    const text = changeText(message);
    if (!text) return;
    changes.prepend(h('li', { class: `activity-item today-change today-change-${message.type}`, 'data-testid': 'today-change',
      'data-type': message.type, 'data-meeting': String(message.meeting_id ?? ''), 'data-id': String(message.id) },
    h('time', { class: 'activity-time' }, clock(message.at)), ' ', h('span', {}, text)));
    while (changes.children.length > CHANGES_KEPT) changes.lastElementChild.remove();
    changesBox.hidden = false;
    if (message.type === 'next_meeting') {
      reminder.textContent = text;
      reminder.hidden = false;
      reminder.dataset.meeting = String(message.meeting_id);
      announced.add(String(message.meeting_id));
    } else {
      announcer.textContent = text;
    }
    if (message.type === 'schedule_changed' || message.type === 'meeting_cancelled') reload();
  };
  let reconnected = false;
  connectLive(fair.id, {
    signal,
    path: 'me/live',
    onEvent,
    onState: (state, info) => {
      connection.set(state, info);
      // Back after a gap: the feed replays what was missed; the schedule is read again as well.
      if (state === 'reconnecting') reconnected = true;
      if (state === 'live' && reconnected) {
        reconnected = false;
        reload();
      }
    },
  });

  const timer = setInterval(tick, 1000);
  const onVisible = () => {
    if (document.visibilityState === 'visible') load().catch(() => {});
  };
  document.addEventListener('visibilitychange', onVisible);
  signal.addEventListener('abort', () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisible);
    announced = new Set();
  }, { once: true });

  return {
    title,
    node: h('section', { class: 'page today-page', 'data-testid': 'today-page' },
      head, connection.node, announcer, refreshAlert, reminder,
      nextBox, changesBox,
      h('section', { 'aria-labelledby': 'today-list-title' },
        h('h2', { id: 'today-list-title' }, t('today.list', { date: formatDateTime(Math.floor(Date.now() / 1000), { dateOnly: true }) })),
        todayEmpty, todayList),
      pastBox,
      h('details', { class: 'late-arrival', 'data-testid': 'late-arrival' }, h('summary', {}, t('today.late')), lateForm),
      h('p', { class: 'today-links' },
        h('a', { href: route('/deals'), 'data-testid': 'to-deals' }, t('deals.title')), ' · ',
        h('a', { href: route('/badge'), 'data-testid': 'to-badge' }, t('badge.title')))),
  };
}
