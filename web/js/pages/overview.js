// #/ — the current fair: names, venue, dates, status and headline figures.

import { h, route } from '../dom.js';
import { t, pick, getLang, formatDateRange, formatNumber } from '../i18n.js';
import * as api from '../api.js';
import { heading, facts } from './common.js';

function statusBadge(status, testid = null) {
  const known = ['draft', 'open', 'live', 'closed'].includes(status);
  return h('span', { class: `badge status-${known ? status : 'unknown'}`, 'data-testid': testid },
    known ? t(`status.${status}`) : status);
}

function figure(label, value, testid, href, linkText) {
  return h('li', { class: 'stat', 'data-testid': testid },
    h('span', { class: 'stat-value' }, Number.isFinite(value) ? formatNumber(value) : '—'),
    h('span', { class: 'stat-label' }, label),
    href ? h('a', { class: 'stat-link', href }, linkText) : null);
}

export async function render({ signal }) {
  const list = await api.fairs();
  const first = list[0];
  if (!first) {
    return {
      title: t('overview.title'),
      node: h('section', { class: 'page narrow' },
        heading(t('overview.title')),
        h('p', { class: 'empty', 'data-testid': 'no-fair' }, t('overview.noFair'))),
    };
  }
  const fair = await api.get(`/fairs/${encodeURIComponent(first.id)}`, { signal });
  const counts = fair.counts ?? {};
  const lang = getLang();
  const name = pick(fair, 'name');
  const otherName = lang === 'vi' ? fair.name_en : fair.name_vi;

  const others = list.slice(1);
  return {
    title: name,
    node: h('section', { class: 'page overview' },
      h('div', { class: 'hero' },
        h('p', { class: 'eyebrow' }, t('overview.current')),
        heading(name, { 'data-testid': 'fair-name' }),
        otherName && otherName !== name
          ? h('p', { class: 'subtitle', lang: lang === 'vi' ? 'en' : 'vi', 'data-testid': 'fair-name-other' }, otherName)
          : null,
        h('p', { class: 'hero-status' },
          h('span', { class: 'visually-hidden' }, `${t('overview.status')}: `),
          statusBadge(fair.status, 'fair-status')),
        facts([
          [t('overview.venue'), fair.venue, 'fair-venue'],
          [t('overview.city'), fair.city, 'fair-city'],
          [t('overview.dates'), formatDateRange(fair.start_date, fair.end_date), 'fair-dates'],
          [t('overview.timeZone'), fair.time_zone, 'fair-time-zone'],
        ], { class: 'facts facts-inline' })),
      h('section', { class: 'figures', 'aria-labelledby': 'figures-title' },
        h('h2', { id: 'figures-title' }, t('overview.figures')),
        h('ul', { class: 'stats' },
          figure(t('overview.count.exhibitors'), counts.exhibitors, 'count-exhibitors',
            route('/exhibitors'), t('overview.browse.exhibitors')),
          figure(t('overview.count.importers'), counts.importers, 'count-importers'),
          figure(t('overview.count.products'), counts.products, 'count-products',
            route('/products'), t('overview.browse.products')))),
      others.length > 0
        ? h('section', { class: 'other-fairs', 'aria-labelledby': 'other-fairs-title' },
          h('h2', { id: 'other-fairs-title' }, t('overview.otherFairs')),
          h('ul', { class: 'plain-list' }, others.map((other) => h('li', {},
            h('span', { class: 'other-fair-name' }, pick(other, 'name')), ' · ',
            formatDateRange(other.start_date, other.end_date), ' · ',
            statusBadge(other.status)))))
        : null),
  };
}
