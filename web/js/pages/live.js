// #/organizer/live — the organizer's live dashboard: arrivals and deals as
// they happen, without reloading. Check-in figures come from the live feed
// (a snapshot, then one event per check-in); deal and meeting figures from
// the programme report, fetched again whenever the feed says a deal was
// recorded or corrected (a correction does not say what it replaced, so the
// report is the one exact source). Meetings left without an outcome past the
// grace period are listed as unconfirmed, read again when the feed flags one
// or an outcome is recorded.

import { h, route } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import * as api from '../api.js';
import { connectLive } from '../live-feed.js';
import { barChart, usdFormat, countFormat } from '../charts.js';
import { problemAlert } from './common.js';
import { organizerFair, organizerHead } from './organizer.js';
import {
  stat, countryName, categoryName, rowName, usd, usdWhole, clock, hourRows, sortedRows, connectionIndicator, ofTotal, dealParts, meetingParts,
} from './live-common.js';

const RECENT_KEPT = 12;
const REPORT_DEBOUNCE_MS = 300;
const REPORT_EVERY_MS = 60_000;
const DRAW_MS = 100;

/** Rows of a report list with USD values, named in the UI language. */
function valueRows(list) {
  return (list ?? []).map((row) => ({ key: row.code, label: rowName(row), value: Number(row.usd_cents) || 0 }));
}

export async function render({ signal }) {
  const { fair, view } = await organizerFair({ signal, tab: 'live' });
  if (view) return view;
  const [countries, categories] = await Promise.all([api.reference('countries'), api.reference('categories')]);
  const title = t('live.title');

  const connection = connectionIndicator();
  const checkedIn = stat({ label: t('live.checkedIn'), value: '—', testid: 'live-checked-in' });
  const dealCount = stat({ label: t('live.deals'), value: '—', testid: 'live-deals' });
  const dealValue = stat({ label: t('live.contractValue'), value: '—', testid: 'live-contract-value' });
  const meetingsHeld = stat({ label: t('live.meetingsHeld'), value: '—', testid: 'live-meetings-held' });
  const unconfirmedStat = stat({ label: t('live.unconfirmed'), value: '—', testid: 'live-unconfirmed' });
  const unconfirmedList = h('ul', { class: 'unconfirmed-list', 'data-testid': 'unconfirmed-meetings' });
  const unconfirmedEmpty = h('p', { class: 'muted', 'data-testid': 'unconfirmed-empty' }, t('live.unconfirmed.none'));
  let unconfirmedTimer = null;
  const loadUnconfirmed = async () => {
    try {
      const body = await api.get(`/fairs/${fair.id}/unconfirmed-meetings`, { signal });
      const items = body?.items ?? [];
      unconfirmedStat.set(formatNumber(items.length), t('live.unconfirmed.detail'));
      unconfirmedStat.node.dataset.value = String(items.length);
      unconfirmedList.replaceChildren(...items.map((m) => h('li', { 'data-testid': 'unconfirmed-meeting', 'data-id': String(m.id) },
        h('time', { datetime: m.start }, `${clock(m.start)}–${clock(m.end)}`), ' · ', m.location, ' · ',
        h('span', { lang: 'vi' }, m.exhibitor?.name ?? '—'), ' – ', m.importer?.name ?? '—',
        ' ', h('span', { class: 'badge badge-moved' }, t('live.unconfirmed.flag')))));
      unconfirmedEmpty.hidden = items.length > 0;
    } catch (error) {
      if (!signal.aborted && error?.name !== 'AbortError') reportAlert.replaceChildren(problemAlert(error));
    }
  };
  const scheduleUnconfirmed = () => {
    clearTimeout(unconfirmedTimer);
    unconfirmedTimer = setTimeout(loadUnconfirmed, REPORT_DEBOUNCE_MS);
  };

  const byHourChart = barChart({ title: t('live.chart.byHour'), testid: 'chart-checkins-hour', valueLabel: t('live.chart.checkIns'),
    format: countFormat });
  const byCountryChart = barChart({ title: t('live.chart.byCountry'), testid: 'chart-checkins-country',
    valueLabel: t('live.chart.checkIns'), format: countFormat, horizontal: true, color: 1, limit: 10 });
  const byCategoryChart = barChart({ title: t('live.chart.valueByCategory'), testid: 'chart-deals-category',
    valueLabel: t('live.chart.usd'), format: usdFormat, horizontal: true, color: 2, emptyText: t('live.noContracts'), limit: 10 });
  const byDealCountryChart = barChart({ title: t('live.chart.valueByCountry'), testid: 'chart-deals-country',
    valueLabel: t('live.chart.usd'), format: usdFormat, horizontal: true, color: 3, emptyText: t('live.noContracts'), limit: 10 });

  const recent = h('ol', { class: 'activity', 'data-testid': 'live-activity' });
  const recentEmpty = h('p', { class: 'muted', 'data-testid': 'live-activity-empty' }, t('live.activity.empty'));
  const reportAlert = h('div', { class: 'form-alerts', 'data-testid': 'live-report-alert' });

  // Check-ins, from the feed. Drawn at most every DRAW_MS, so that a burst of events (a replay after
  // reconnecting, the morning rush) costs one redraw.
  const counts = { known: false, participants: 0, total: 0, byCountry: new Map(), byHour: new Map() };
  const drawCheckIns = () => {
    if (counts.known) {
      checkedIn.set(formatNumber(counts.total), ofTotal(counts.total, counts.participants));
      checkedIn.node.dataset.value = String(counts.total);
    }
    byHourChart.update(hourRows(counts.byHour));
    byCountryChart.update(sortedRows(counts.byCountry, (code) => countryName(countries, code)));
  };
  let drawTimer = null;
  const scheduleDraw = () => {
    drawTimer ??= setTimeout(() => {
      drawTimer = null;
      if (!signal.aborted) drawCheckIns();
    }, DRAW_MS);
  };

  const addActivity = (node) => {
    recent.prepend(node);
    while (recent.children.length > RECENT_KEPT) recent.lastElementChild.remove();
    recentEmpty.hidden = true;
  };

  const onSnapshot = (message) => {
    const participants = message.participants ?? {};
    counts.participants = (Number(participants.exhibitors) || 0) + (Number(participants.importers) || 0);
    counts.total = Number(message.check_ins?.total) || 0;
    counts.byCountry = new Map(Object.entries(message.check_ins?.by_country ?? {}).map(([code, n]) => [code, Number(n) || 0]));
    counts.byHour = new Map(Object.entries(message.check_ins?.by_hour ?? {}).map(([hour, n]) => [Number(hour), Number(n) || 0]));
    counts.known = true;
    drawCheckIns();
    scheduleReport(0);
  };

  // Deals and meetings, from the report.
  let reportTimer = null;
  let reportBusy = false;
  let reportAgain = false;
  const loadReport = async () => {
    if (signal.aborted) return;
    if (reportBusy) {
      reportAgain = true;
      return;
    }
    reportBusy = true;
    try {
      const report = await api.get(`/fairs/${fair.id}/report`, { signal });
      const deals = report?.deals ?? {};
      const total = (Number(deals.contracts) || 0) + (Number(deals.sample_orders) || 0) + (Number(deals.in_negotiation) || 0);
      dealCount.set(formatNumber(total), dealParts(deals));
      dealCount.node.dataset.value = String(total);
      dealValue.set(usdWhole(deals.contract_value_usd_cents), t('live.contractValueDetail', { count: Number(deals.contracts) || 0 }));
      dealValue.node.dataset.value = String(Number(deals.contract_value_usd_cents) || 0);
      const meetings = report?.meetings ?? {};
      meetingsHeld.set(formatNumber(Number(meetings.held) || 0), meetingParts(meetings));
      byCategoryChart.update(valueRows(deals.by_category));
      byDealCountryChart.update(valueRows(deals.by_country));
      reportAlert.replaceChildren();
    } catch (error) {
      if (!signal.aborted && error?.name !== 'AbortError') reportAlert.replaceChildren(problemAlert(error));
    } finally {
      reportBusy = false;
      if (reportAgain && !signal.aborted) {
        reportAgain = false;
        scheduleReport(0);
      }
    }
  };
  function scheduleReport(delay = REPORT_DEBOUNCE_MS) {
    clearTimeout(reportTimer);
    reportTimer = setTimeout(loadReport, delay);
  }
  const every = setInterval(() => scheduleReport(0), REPORT_EVERY_MS);
  signal.addEventListener('abort', () => {
    clearTimeout(reportTimer);
    clearTimeout(drawTimer);
    clearTimeout(unconfirmedTimer);
    clearInterval(every);
    for (const chart of [byHourChart, byCountryChart, byCategoryChart, byDealCountryChart]) chart.destroy();
  }, { once: true });

  const onEvent = (event) => {
    if (event.type === 'check_in') {
      counts.total += 1;
      const code = event.country || event.participant?.country || '';
      counts.byCountry.set(code, (counts.byCountry.get(code) ?? 0) + 1);
      const hour = Number(event.hour);
      if (Number.isInteger(hour)) counts.byHour.set(hour, (counts.byHour.get(hour) ?? 0) + 1);
      scheduleDraw();
      const who = event.participant ?? {};
      addActivity(h('li', { class: 'activity-item activity-check-in', 'data-testid': 'activity-check-in', 'data-id': String(event.id) },
        h('time', { class: 'activity-time' }, clock(event.at)), ' ',
        h('span', {}, t('live.activity.checkIn', {
          name: who.name ?? '—', kind: t(`role.${who.kind === 'exhibitor' ? 'exhibitor' : 'importer'}`),
          country: countryName(countries, code) }))));
    } else if (event.type === 'deal' || event.type === 'deal_corrected') {
      scheduleReport();
      const text = event.type === 'deal'
        ? t('live.activity.deal', { kind: t(`deals.kind.${event.kind}`), value: usd(event.usd_cents),
          category: categoryName(categories, event.category), country: countryName(countries, event.country) })
        : t('live.activity.dealCorrected', { kind: t(`deals.kind.${event.kind}`), value: usd(event.usd_cents) });
      addActivity(h('li', { class: 'activity-item activity-deal', 'data-testid': 'activity-deal', 'data-id': String(event.id) },
        h('time', { class: 'activity-time' }, clock(event.at)), ' ', h('span', {}, text)));
    } else {
      // Other events (meetings, no-shows) change the report's figures.
      scheduleReport();
      if (event.type === 'meeting_unconfirmed' || event.type === 'meeting_outcome') scheduleUnconfirmed();
      const text = event.type === 'meeting_unconfirmed'
        ? t('live.activity.unconfirmed', { exhibitor: event.exhibitor?.name ?? '—', importer: event.importer?.name ?? '—', time: clock(event.end) })
        : event.type === 'meeting_outcome' && event.outcome === 'no_show'
          ? t('live.activity.noShow', { side: t(`role.${event.absent_side === 'exhibitor' ? 'exhibitor' : 'importer'}`) })
          : event.type === 'schedule_changed'
            ? t('live.activity.scheduleChanged', { count: (event.meetings ?? []).length, people: Number(event.participants) || 0 })
            : null;
      if (text) {
        addActivity(h('li', { class: `activity-item activity-${event.type}`, 'data-testid': `activity-${event.type}`, 'data-id': String(event.id) },
          h('time', { class: 'activity-time' }, clock(event.at)), ' ', h('span', {}, text)));
      }
    }
  };

  let feed = null;
  const retry = h('button', { type: 'button', class: 'link-button', hidden: true, 'data-testid': 'live-retry',
    onclick: () => feed?.retry() }, t('live.retry'));
  const signIn = h('a', { href: route('/login', { next: '#/organizer/live' }), hidden: true }, t('nav.signIn'));
  feed = connectLive(fair.id, {
    signal,
    onSnapshot,
    onEvent,
    onState: (state, info) => {
      connection.set(state, info);
      retry.hidden = state !== 'reconnecting' && state !== 'signed-out';
      signIn.hidden = state !== 'signed-out';
    },
  });

  drawCheckIns();
  loadUnconfirmed();
  return {
    title,
    node: h('section', { class: 'page organizer live-page', 'data-testid': 'live-page' },
      organizerHead(fair, title, 'live', t('live.intro')),
      h('div', { class: 'live-bar' }, connection.node, retry, signIn,
        h('p', { class: 'live-links' },
          h('a', { href: route('/organizer/check-in'), 'data-testid': 'to-check-in' }, t('checkin.title')), ' · ',
          h('a', { href: route('/organizer/report'), 'data-testid': 'to-report' }, t('report.title')))),
      reportAlert,
      h('section', { 'aria-labelledby': 'live-figures-title' },
        h('h2', { id: 'live-figures-title', class: 'visually-hidden' }, t('live.figures')),
        h('ul', { class: 'stats live-stats' }, checkedIn.node, dealCount.node, dealValue.node, meetingsHeld.node,
          unconfirmedStat.node)),
      h('div', { class: 'chart-grid' }, byHourChart.node, byCountryChart.node, byCategoryChart.node, byDealCountryChart.node),
      h('section', { class: 'panel', 'aria-labelledby': 'live-unconfirmed-title', 'data-testid': 'unconfirmed-panel' },
        h('h2', { id: 'live-unconfirmed-title' }, t('live.unconfirmed.title')),
        h('p', { class: 'small muted' }, t('live.unconfirmed.intro')),
        unconfirmedEmpty, unconfirmedList),
      h('section', { class: 'panel', 'aria-labelledby': 'live-activity-title' },
        h('h2', { id: 'live-activity-title' }, t('live.activity')),
        recentEmpty, recent)),
  };
}
