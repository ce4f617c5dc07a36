// #/organizer/check-in — the check-in desk at the door: scan a badge with
// the device camera (where the browser can read QR codes) or type or paste
// its code (a handheld scanner types it followed by Enter); the desk says
// who it is and whether this is their first check-in. Checking in twice is
// harmless (the server answers first: false). The counts by hour come from
// the live feed, so they include every desk.

import { h, route } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import * as api from '../api.js';
import { connectLive } from '../live-feed.js';
import { barChart, countFormat } from '../charts.js';
import { cameraScanner, badgeCodeFrom } from '../scanner.js';
import { field, busy } from '../forms.js';
import { problemText } from './common.js';
import { organizerFair, organizerHead } from './organizer.js';
import { stat, countryName, clock, hourRows, connectionIndicator, ofTotal } from './live-common.js';

const HISTORY_KEPT = 15;

export async function render({ signal }) {
  const { fair, view } = await organizerFair({ signal, tab: 'checkin' });
  if (view) return view;
  const countries = await api.reference('countries');
  const title = t('checkin.title');

  const result = h('div', { class: 'checkin-result', role: 'status', 'aria-live': 'assertive', 'data-testid': 'checkin-result',
    'data-state': 'idle' }, h('p', { class: 'muted' }, t('checkin.waiting')));
  const history = h('ol', { class: 'activity', 'data-testid': 'checkin-history' });
  const historyEmpty = h('p', { class: 'muted' }, t('checkin.history.empty'));

  const input = h('input', { type: 'text', id: 'badge-code', name: 'badge_code', autocomplete: 'off', autocapitalize: 'off',
    spellcheck: 'false', maxlength: '200', 'data-testid': 'badge-code', enterkeyhint: 'go' });
  const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'checkin-submit' }, t('checkin.submit'));
  const form = h('form', { class: 'form checkin-form', novalidate: true, 'data-testid': 'checkin-form' },
    field({ name: 'badge_code', label: t('checkin.code'), control: input, hint: t('checkin.code.hint') }),
    h('div', { class: 'form-actions' }, submit));

  const show = (state, ...children) => {
    result.dataset.state = state;
    result.className = `checkin-result checkin-${state}`;
    result.replaceChildren(...children);
  };

  const remember = (entry) => {
    history.prepend(entry);
    while (history.children.length > HISTORY_KEPT) history.lastElementChild.remove();
    historyEmpty.hidden = true;
  };

  let pending = Promise.resolve();
  const checkIn = (raw) => {
    const code = badgeCodeFrom(raw);
    if (!code) {
      show('error', h('p', { class: 'checkin-headline' }, t('checkin.empty')));
      input.focus();
      return pending;
    }
    // One request at a time, in the order the badges were read.
    pending = pending.then(async () => {
      const done = busy(submit);
      show('busy', h('p', { class: 'muted' }, t('checkin.checking')));
      try {
        const body = await api.post(`/fairs/${fair.id}/check-ins`, { badge_code: code });
        const who = body?.participant ?? {};
        const kind = who.kind === 'exhibitor' ? 'exhibitor' : 'importer';
        const first = body?.first === true;
        result.dataset.first = String(first);
        result.dataset.kind = kind;
        show(first ? 'first' : 'again',
          h('p', { class: 'checkin-headline', 'data-testid': 'checkin-headline' },
            first ? t('checkin.welcome') : t('checkin.again', { time: clock(body?.checked_in_at) })),
          h('p', { class: 'checkin-name', 'data-testid': 'checkin-name' }, who.name ?? '—'),
          h('p', { class: 'checkin-who', 'data-testid': 'checkin-who' },
            t(`role.${kind}`), ' · ', countryName(countries, who.country)));
        remember(h('li', { class: 'activity-item', 'data-testid': 'checkin-history-item', 'data-first': String(first) },
          h('time', { class: 'activity-time' }, clock(body?.checked_in_at)), ' ',
          h('span', {}, who.name ?? '—', ' · ', first ? t('checkin.history.first') : t('checkin.history.again'))));
        input.value = '';
      } catch (error) {
        if (error?.name === 'AbortError') return;
        const type = String(error?.problem?.type ?? '').replace(/^\/problems\//, '');
        let headline;
        let detail = null;
        if (type === 'unknown-badge') {
          headline = t('checkin.unknown');
          detail = t('checkin.unknown.detail', { code });
        } else if (type === 'not-approved') {
          headline = t('checkin.notApproved');
          detail = error.problem.detail;
        } else {
          ({ title: headline, detail } = problemText(error));
        }
        result.dataset.first = '';
        show('error', h('p', { class: 'checkin-headline', 'data-testid': 'checkin-headline' }, headline),
          detail ? h('p', { class: 'checkin-who', 'data-testid': 'checkin-error-detail' }, detail) : null);
        input.select();
      } finally {
        done();
      }
    });
    return pending;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    checkIn(input.value).then(() => input.focus());
  });

  const scanner = cameraScanner({ signal, testid: 'checkin-scanner', onCode: (code) => checkIn(code) });

  // Counts by hour, for the whole fair (every desk), from the live feed.
  const total = stat({ label: t('live.checkedIn'), value: '—', testid: 'checkin-total' });
  const byHour = barChart({ title: t('checkin.byHour'), testid: 'chart-desk-hour', valueLabel: t('live.chart.checkIns'),
    format: countFormat });
  const connection = connectionIndicator('checkin-connection');
  const counts = { known: false, participants: 0, total: 0, byHour: new Map() };
  const draw = () => {
    if (counts.known) {
      total.set(formatNumber(counts.total), ofTotal(counts.total, counts.participants));
      total.node.dataset.value = String(counts.total);
    }
    byHour.update(hourRows(counts.byHour));
  };
  // A burst of events (a replay after reconnecting) costs one redraw.
  let drawTimer = null;
  const scheduleDraw = () => {
    drawTimer ??= setTimeout(() => {
      drawTimer = null;
      if (!signal.aborted) draw();
    }, 100);
  };
  connectLive(fair.id, {
    signal,
    onState: (state, info) => connection.set(state, info),
    onSnapshot: (message) => {
      const participants = message.participants ?? {};
      counts.participants = (Number(participants.exhibitors) || 0) + (Number(participants.importers) || 0);
      counts.total = Number(message.check_ins?.total) || 0;
      counts.byHour = new Map(Object.entries(message.check_ins?.by_hour ?? {}).map(([hour, n]) => [Number(hour), Number(n) || 0]));
      counts.known = true;
      draw();
    },
    onEvent: (event) => {
      if (event.type !== 'check_in') return;
      counts.total += 1;
      const hour = Number(event.hour);
      if (Number.isInteger(hour)) counts.byHour.set(hour, (counts.byHour.get(hour) ?? 0) + 1);
      scheduleDraw();
    },
  });
  signal.addEventListener('abort', () => {
    clearTimeout(drawTimer);
    byHour.destroy();
  }, { once: true });
  draw();

  return {
    title,
    node: h('section', { class: 'page organizer checkin-page', 'data-testid': 'checkin-page' },
      organizerHead(fair, title, 'checkin', t('checkin.intro')),
      h('div', { class: 'checkin-layout' },
        h('div', { class: 'panel checkin-desk' },
          h('h2', {}, t('checkin.scan')),
          scanner.node,
          form,
          result),
        h('div', { class: 'checkin-side' },
          h('div', { class: 'live-bar' }, connection.node,
            h('p', { class: 'live-links' }, h('a', { href: route('/organizer/live') }, t('live.title')))),
          h('ul', { class: 'stats' }, total.node),
          byHour.node,
          h('section', { class: 'panel', 'aria-labelledby': 'checkin-history-title' },
            h('h2', { id: 'checkin-history-title' }, t('checkin.history')),
            historyEmpty, history)))),
  };
}
