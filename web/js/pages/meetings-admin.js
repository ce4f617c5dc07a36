// #/organizer/meetings[?page=N] — every published meeting of the fair, by
// time (local time at the fair), with its place, both companies, priority,
// status and version; and the whole schedule as a CSV download.

import { h, route } from '../dom.js';
import { t, pick, getLang } from '../i18n.js';
import * as api from '../api.js';
import { table, pager, pageFrom } from './common.js';
import { organizerFair, organizerHead } from './organizer.js';
import { exhibitorNames } from './exhibitors.js';
import { dayLabel, timeRange, timeZoneNote, locationText, priorityBadge } from './meeting-common.js';

/** The exhibitor's name in the UI language (with the Vietnamese name under an English one), linked to its page. */
function exhibitorCell(exhibitor = {}) {
  const names = exhibitorNames(exhibitor);
  return [h('a', { href: route(`/exhibitors/${exhibitor.id}`), lang: getLang() === 'vi' ? null : names.primaryLang }, names.primary),
    names.secondary ? h('span', { class: 'block small muted', lang: 'vi' }, names.secondary) : null];
}

function statusBadge(status) {
  const known = ['scheduled', 'cancelled'].includes(status);
  return h('span', { class: `badge meeting-badge meeting-${known ? status : 'unknown'}`, 'data-testid': 'meeting-status', 'data-status': status },
    known ? t(`meetings.meetingStatus.${status}`) : status);
}

export async function render({ query, signal }) {
  const { fair, view } = await organizerFair({ signal, tab: 'meetings' });
  if (view) return view;
  const page = pageFrom(query);
  const [list, countries] = await Promise.all([
    api.getPage(`/fairs/${fair.id}/meetings`, { page, signal }),
    api.reference('countries'),
  ]);
  const title = t('meetings.all.title');
  const csv = `/api/v1/fairs/${fair.id}/meetings.csv`;
  const country = (code) => {
    const item = countries.byCode.get(code);
    return item ? pick(item, 'name') : code;
  };
  return {
    title,
    node: h('section', { class: 'page organizer meetings-admin', 'data-testid': 'all-meetings-page' },
      organizerHead(fair, title, 'meetings', t('meetings.all.intro')),
      h('div', { class: 'toolbar' },
        h('p', { class: 'result-count', 'data-testid': 'meetings-total' }, t('meetings.all.count', { count: list.total })),
        h('a', { class: 'button button-secondary', href: csv, download: `meetings-fair-${fair.id}.csv`, 'data-testid': 'meetings-csv' },
          t('meetings.all.csv'))),
      timeZoneNote(),
      list.items.length === 0
        ? h('p', { class: 'empty', 'data-testid': 'meetings-empty' }, t('meetings.all.none'), ' ',
          h('a', { href: route('/organizer/schedule') }, t('meetings.all.toScheduler')))
        : table({
          caption: t('meetings.all.caption'),
          captionHidden: true,
          testid: 'meetings-table',
          headers: [t('meetings.all.when'), t('meetings.all.where'), t('role.importer'), t('role.exhibitor'),
            t('meetings.request.priority'), t('meetings.all.status')],
          rows: list.items.map((m) => h('tr', { 'data-testid': 'meeting-row', 'data-id': m.id, 'data-request': m.request_id },
            h('th', { scope: 'row' }, h('span', { class: 'block' }, dayLabel(m.day, { short: true })),
              timeRange(m.start, m.end, { 'data-testid': 'meeting-row-time' })),
            h('td', { 'data-testid': 'meeting-row-location' }, locationText(m.location_kind, m.location)),
            h('td', { 'data-testid': 'meeting-row-importer' }, m.importer?.name ?? '',
              m.importer?.country ? h('span', { class: 'block small muted' }, country(m.importer.country)) : null),
            h('td', { 'data-testid': 'meeting-row-exhibitor' }, exhibitorCell(m.exhibitor)),
            h('td', {}, m.fill_in
              ? h('span', { class: 'badge badge-fill-in', 'data-testid': 'meeting-row-fill-in' }, t('meetings.all.fillIn'),
                m.fill_in_score != null ? ` · ${m.fill_in_score}` : '')
              : priorityBadge(m.priority)),
            h('td', {}, statusBadge(m.status),
              m.flag === 'unconfirmed' ? h('span', { class: 'badge badge-moved', 'data-testid': 'meeting-flag' }, t('live.unconfirmed.flag')) : null,
              m.sequence > 0 ? h('span', { class: 'block small muted' }, t('meetings.all.version', { n: m.sequence + 1 })) : null,
              m.note ? h('span', { class: 'block small muted', lang: 'en' }, m.note) : null))),
        }),
      list.total > api.PAGE_SIZE || page > 1
        ? pager({ page, total: list.total, hrefFor: (target) => route('/organizer/meetings', { page: target > 1 ? target : null }) })
        : null,
      h('p', { class: 'small muted' }, t('meetings.all.csvHint'))),
  };
}
