// What the live-fair pages share: figures as stat tiles, names of countries
// and categories from the reference lists, USD amounts, times in the fair's
// time zone, the connection indicator of the live feed, and recognising a
// server that does not offer an endpoint yet.

import { h } from '../dom.js';
import { t, pick, locale, formatMoney, formatNumber, FAIR_TIME_ZONE, regionName } from '../i18n.js';

/** A country's name in the UI language (reference list first, then Intl). */
export function countryName(countries, code) {
  if (!code) return '—';
  const item = countries?.byCode.get(code);
  return item ? pick(item, 'name') : regionName(code);
}

/** A category's name in the UI language, or its code. */
export function categoryName(categories, code) {
  if (!code) return t('live.noCategory');
  const item = categories?.byCode.get(code);
  return item ? pick(item, 'name') : code;
}

/** A row of a report list ({code, name_vi, name_en}) named in the UI language. */
export function rowName(row) {
  return pick(row, 'name') || row.code || '—';
}

/** USD cents for people: "US$21,600.00" / "21.600,00 US$". */
export function usd(cents) {
  return formatMoney(Number(cents) || 0, 'USD');
}

/** A stat tile: a big value and its label; the value node is returned for updates. */
export function stat({ label, value, testid, detail = null }) {
  const valueNode = h('span', { class: 'stat-value', 'data-testid': `${testid}-value` }, value);
  const detailNode = h('span', { class: 'stat-detail small', 'data-testid': `${testid}-detail` }, detail ?? '');
  return {
    node: h('li', { class: 'stat', 'data-testid': testid }, valueNode, h('span', { class: 'stat-label' }, label), detailNode),
    set(text, detailText = null) {
      valueNode.textContent = text;
      if (detailText !== null) detailNode.textContent = detailText;
    },
  };
}

/** "HH:MM" of a moment (unix seconds or ISO text) in the fair's time zone. */
export function clock(value) {
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: FAIR_TIME_ZONE })
    .format(date);
}

/** Today's date in the fair's time zone, as YYYY-MM-DD. */
export function fairToday(now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: FAIR_TIME_ZONE })
    .formatToParts(now);
  const get = (type) => parts.find((part) => part.type === type)?.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** An hour of the day (0–23) as a label: "09:00". */
export function hourLabel(hour) {
  return `${String(hour).padStart(2, '0')}:00`;
}

/**
 * Rows for a check-ins-by-hour chart from {hour: count}: every hour of the
 * usual fair day (08:00–17:00) and any other hour that has check-ins.
 */
export function hourRows(byHour) {
  const hours = new Set([8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  for (const [hour, count] of byHour) if (count > 0) hours.add(Number(hour));
  return [...hours].sort((a, b) => a - b).map((hour) => ({ key: String(hour), label: hourLabel(hour), value: byHour.get(hour) ?? 0 }));
}

/** A Map of counts as chart rows, largest first (ties by key). */
export function sortedRows(map, labelOf) {
  return [...map].filter(([, value]) => value > 0).sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
    .map(([key, value]) => ({ key, label: labelOf(key), value }));
}

/** USD cents in whole dollars, for headline figures ("US$21,600"). */
export function usdWhole(cents) {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
    .format((Number(cents) || 0) / 100);
}

/**
 * The connection indicator of a live page: a dot and words, announced
 * politely; update with set(state, {inMs}). Carries data-state for tests.
 */
export function connectionIndicator(testid = 'live-connection') {
  const text = h('span', { class: 'connection-text' });
  const node = h('p', { class: 'connection', role: 'status', 'data-testid': testid, 'data-state': 'connecting' },
    h('span', { class: 'connection-dot', 'aria-hidden': 'true' }), text);
  const set = (state, { inMs = 0 } = {}) => {
    node.dataset.state = state;
    const seconds = Math.max(1, Math.round(inMs / 1000));
    text.textContent = state === 'reconnecting' && inMs > 0
      ? t('live.state.retryIn', { seconds })
      : t(`live.state.${state}`);
  };
  set('connecting');
  return { node, set };
}

/**
 * Whether an API error says the endpoint itself does not exist on this
 * server (yet), as opposed to a resource that does not exist.
 */
export function endpointMissing(error) {
  return error?.status === 404 && /no resource at this path/i.test(error?.problem?.detail ?? '');
}

/** The message shown where a feature waits for the server. */
export function notYetNotice(testid, text = t('live.notYet')) {
  return h('p', { class: 'notice notice-info', role: 'status', 'data-testid': testid }, text);
}

/** "3 contracts · 1 sample order · 2 in negotiation" from the report's deal figures (parts chosen by name). */
export function dealParts(deals, parts = ['contracts', 'samples', 'negotiations']) {
  const counts = { contracts: deals?.contracts, samples: deals?.sample_orders, negotiations: deals?.in_negotiation };
  return parts.map((part) => t(`live.part.${part}`, { count: Number(counts[part]) || 0 })).join(' · ');
}

/** "of 40 scheduled · 2 no-shows" from the report's meeting figures. */
export function meetingParts(meetings) {
  return [t('live.part.scheduled', { count: Number(meetings?.scheduled) || 0 }),
    t('live.part.noShows', { count: Number(meetings?.no_show) || 0 })].join(' · ');
}

/** A count with its share of a total: "12 / 170 (7 %)". */
export function ofTotal(count, total) {
  if (!total) return formatNumber(count);
  const share = new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(count / total);
  return t('live.ofTotal', { count, total, share });
}
