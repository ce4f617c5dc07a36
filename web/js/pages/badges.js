// Badges: every approved participant's badge carries a QR code of its
// unguessable badge code. A badge is bilingual whatever the UI language
// (the door staff read Vietnamese, the buyers English) and prints on A6.
//   #/badge                          my own badge (exhibitor or importer)
//   #/badge/{kind}/{id}              one badge (its participant, or the fair's organizers)
//   #/organizer/badges?kind=&page=   the organizer's list, with the codes
//   #/organizer/badges/print?kind=&page=  every badge of that list page, one per A6 sheet

import { h, route } from '../dom.js';
import { t, dictionaries } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { go } from '../nav.js';
import { heading, backLink, pager, pageFrom, refName, table } from './common.js';
import { select } from '../forms.js';
import { organizerFair, organizerHead } from './organizer.js';

const KINDS = ['exhibitor', 'importer'];

/** The Vietnamese and the English text of a key, for the bilingual badge. */
function both(key) {
  return [dictionaries.vi[key] ?? key, dictionaries.en[key] ?? key];
}

function bilingual(tag, attrs, [vi, en]) {
  return h(tag, attrs, h('span', { lang: 'vi' }, vi), h('span', { class: 'badge-sep', 'aria-hidden': 'true' }, ' · '),
    h('span', { lang: 'en' }, en));
}

function dates(fair) {
  try {
    const format = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    const from = new Date(`${fair.start_date}T00:00:00Z`);
    const to = new Date(`${fair.end_date ?? fair.start_date}T00:00:00Z`);
    return format.formatRange(from, to);
  } catch {
    return [fair.start_date, fair.end_date].filter(Boolean).join(' – ');
  }
}

/** Where a participant comes from, in both languages: the importer's country, or the exhibitor's province in Viet Nam. */
function origin(profile, refs) {
  const country = (code, lang) => {
    const item = refs.countries?.byCode.get(code);
    return item?.[`name_${lang}`] || code;
  };
  if (profile.kind === 'exhibitor') {
    const province = refs.provinces?.byCode.get(profile.province);
    return [
      [province?.name_vi, country('VN', 'vi')].filter(Boolean).join(', '),
      [province?.name_en, country('VN', 'en')].filter(Boolean).join(', '),
    ];
  }
  return [country(profile.country, 'vi'), country(profile.country, 'en')];
}

/**
 * One badge: the fair, the role, the person (when known), the company, where
 * it comes from, the QR code and (for organizers) the code in letters.
 */
export function badgeCard({ fair, profile, person = null, code = null, refs, qr = true }) {
  const kind = profile.kind === 'exhibitor' ? 'exhibitor' : 'importer';
  const qrSrc = `/api/v1/${kind}s/${encodeURIComponent(profile.id)}/badge.svg`;
  const [qrVi, qrEn] = both('badge.qrAlt');
  return h('article', { class: `badge-card badge-${kind}`, 'data-testid': 'badge-card', 'data-kind': kind, 'data-id': profile.id },
    h('header', { class: 'badge-band' },
      h('p', { class: 'badge-fair', lang: 'vi' }, fair.name_vi),
      fair.name_en ? h('p', { class: 'badge-fair-en', lang: 'en' }, fair.name_en) : null,
      h('p', { class: 'badge-dates' }, dates(fair))),
    bilingual('p', { class: 'badge-role', 'data-testid': 'badge-role' }, both(`badge.role.${kind}`)),
    h('div', { class: 'badge-body' },
      person ? h('p', { class: 'badge-person', 'data-testid': 'badge-person' }, person) : null,
      h('p', { class: 'badge-company', 'data-testid': 'badge-company', lang: kind === 'exhibitor' ? 'vi' : null }, profile.name),
      kind === 'exhibitor' && profile.name_en && profile.name_en !== profile.name
        ? h('p', { class: 'badge-company-en', lang: 'en' }, profile.name_en) : null,
      bilingual('p', { class: 'badge-origin', 'data-testid': 'badge-origin' }, origin({ ...profile, kind }, refs))),
    qr
      ? h('img', { class: 'badge-qr', src: qrSrc, alt: `${qrVi} · ${qrEn}`, width: '220', height: '220', 'data-testid': 'badge-qr' })
      : h('p', { class: 'badge-no-qr', 'data-testid': 'badge-no-qr' }, t('badge.pending')),
    code ? h('p', { class: 'badge-code', 'data-testid': 'badge-code' }, code) : null);
}

function printButton() {
  return h('button', { type: 'button', class: 'button', 'data-testid': 'badge-print', onclick: () => window.print() },
    t('badge.print'));
}

async function refsOf() {
  const [countries, provinces] = await Promise.all([api.reference('countries'), api.reference('provinces')]);
  return { countries, provinces };
}

async function loadProfile(kind, id, signal) {
  return { ...(await api.get(`/${kind}s/${encodeURIComponent(id)}`, { signal })), kind };
}

/** #/badge — the signed-in participant's own badge. */
export const mine = {
  async render({ signal }) {
    const user = session.requireUser('exhibitor', 'importer');
    const title = t('badge.title');
    const fair = await api.currentFair();
    const own = fair ? session.profileIn(fair.id) : null;
    if (!fair || !own) {
      return {
        title,
        node: h('section', { class: 'page narrow', 'data-testid': 'badge-page' }, heading(title),
          h('p', { class: 'empty', 'data-testid': 'badge-no-profile' }, t('badge.noProfile'), ' ',
            h('a', { href: route('/profile') }, t('nav.profile')))),
      };
    }
    const [profile, refs, fullFair] = await Promise.all([loadProfile(own.kind, own.id, signal), refsOf(),
      api.get(`/fairs/${fair.id}`, { signal })]);
    const approved = profile.status === 'approved';
    // The person's name, unless it is only the company's name again (accounts made from a spreadsheet).
    const person = (user.display_name ?? '').trim();
    const same = person.toLocaleLowerCase() === String(profile.name ?? '').trim().toLocaleLowerCase();
    return {
      title,
      node: h('section', { class: 'page badge-page', 'data-testid': 'badge-page' },
        h('div', { class: 'page-head no-print' }, heading(title), h('p', { class: 'lead' }, t('badge.intro'))),
        approved ? null : h('p', { class: 'notice notice-info no-print', 'data-testid': 'badge-pending' }, t('badge.pending')),
        h('div', { class: 'badge-sheets' }, h('div', { class: 'badge-sheet' },
          badgeCard({ fair: fullFair, profile, person: person && !same ? person : null, refs, qr: approved }))),
        h('div', { class: 'button-row no-print' }, approved ? printButton() : null)),
    };
  },
};

/** #/badge/{kind}/{id} — one participant's badge (the participant or the fair's organizers). */
export const one = {
  async render({ params, signal }) {
    session.requireUser();
    const [kind, id] = params; // the route admits exhibitor|importer only
    const title = t('badge.title');
    const [profile, refs] = await Promise.all([loadProfile(kind, id, signal), refsOf()]);
    const fair = await api.get(`/fairs/${profile.fair_id}`, { signal });
    const approved = profile.status === undefined || profile.status === 'approved';
    const organizer = session.organizes(profile.fair_id);
    return {
      title,
      node: h('section', { class: 'page badge-page', 'data-testid': 'badge-page' },
        h('div', { class: 'page-head no-print' },
          organizer ? backLink(route('/organizer/badges', { kind }), t('badges.title')) : null,
          heading(title)),
        approved ? null : h('p', { class: 'notice notice-info no-print', 'data-testid': 'badge-pending' }, t('badge.pending')),
        h('div', { class: 'badge-sheets' }, h('div', { class: 'badge-sheet' }, badgeCard({ fair, profile, refs, qr: approved }))),
        h('div', { class: 'button-row no-print' }, approved ? printButton() : null)),
    };
  },
};

function kindFrom(query) {
  return KINDS.includes(query.get('kind')) ? query.get('kind') : 'exhibitor';
}

async function approvedPage(fair, kind, page, signal) {
  return api.getPage(`/fairs/${fair.id}/participants`, { page, params: { kind, status: 'approved' }, signal });
}

/** #/organizer/badges — the approved participants with their badge codes, a link to each badge and to print a page of them. */
export const list = {
  async render({ query, signal }) {
    const { fair, view } = await organizerFair({ signal, tab: 'badges' });
    if (view) return view;
    const kind = kindFrom(query);
    const page = pageFrom(query);
    const [items, refs] = await Promise.all([approvedPage(fair, kind, page, signal), refsOf()]);
    const title = t('badges.title');
    const kindSelect = select({ id: 'badges-kind', name: 'kind', value: kind,
      options: KINDS.map((value) => [value, t(`participants.kind.${value}`)]) });
    kindSelect.addEventListener('change', () => go(route('/organizer/badges', { kind: kindSelect.value })));
    const hrefFor = (target) => route('/organizer/badges', { kind, page: target > 1 ? target : null });
    const where = (item) => (kind === 'exhibitor' ? refName(refs.provinces, item.province) : refName(refs.countries, item.country));
    return {
      title,
      node: h('section', { class: 'page organizer', 'data-testid': 'badges-page' },
        organizerHead(fair, title, 'badges', t('badges.intro')),
        h('div', { class: 'toolbar' },
          h('form', { class: 'filters', role: 'search', 'aria-label': t('participants.filters'),
            onsubmit: (event) => event.preventDefault() },
          h('label', { for: 'badges-kind' }, t('participants.kind')), kindSelect),
          h('p', { class: 'result-count', 'data-testid': 'result-count' }, t('participants.count', { count: items.total })),
          items.items.length > 0
            ? h('a', { class: 'button button-secondary', href: route('/organizer/badges/print', { kind, page: page > 1 ? page : null }),
              'data-testid': 'badges-print-page' }, t('badges.printPage', { count: items.items.length }))
            : null),
        items.items.length === 0
          ? h('p', { class: 'empty', 'data-testid': 'empty' }, t('participants.empty'))
          : table({
            caption: t('badges.caption', { kind: t(`participants.kind.${kind}`) }),
            captionHidden: true,
            testid: 'badges-table',
            headers: [t('participants.name'), kind === 'exhibitor' ? t('exhibitors.province') : t('badges.country'),
              t('badges.code'), t('common.actions')],
            rows: items.items.map((item) => h('tr', { 'data-testid': 'badge-row', 'data-id': item.id },
              h('th', { scope: 'row', lang: kind === 'exhibitor' ? 'vi' : null }, item.name),
              h('td', {}, where(item)),
              h('td', {}, h('code', { 'data-testid': 'badge-row-code' }, item.badge_code || '—')),
              h('td', {}, h('a', { href: route(`/badge/${kind}/${item.id}`), 'data-testid': 'badge-view',
                'aria-label': t('badges.viewNamed', { name: item.name }) }, t('badges.view'))))),
          }),
        items.total > api.PAGE_SIZE || page > 1 ? pager({ page, total: items.total, hrefFor }) : null),
    };
  },
};

/** #/organizer/badges/print — the badges of one list page, each on its own A6 sheet. */
export const printPage = {
  async render({ query, signal }) {
    const { fair: current, view } = await organizerFair({ signal, tab: 'badges' });
    if (view) return view;
    const kind = kindFrom(query);
    const page = pageFrom(query);
    const [items, refs, fair] = await Promise.all([approvedPage(current, kind, page, signal), refsOf(),
      api.get(`/fairs/${current.id}`, { signal })]);
    const title = t('badges.printTitle');
    return {
      title,
      node: h('section', { class: 'page badge-page', 'data-testid': 'badges-print' },
        h('div', { class: 'page-head no-print' },
          backLink(route('/organizer/badges', { kind, page: page > 1 ? page : null }), t('badges.title')),
          heading(title),
          h('p', { class: 'lead' }, t('badges.printIntro', { count: items.items.length })),
          h('div', { class: 'button-row' }, printButton())),
        h('div', { class: 'badge-sheets' }, items.items.map((item) => h('div', { class: 'badge-sheet' },
          badgeCard({ fair, profile: { ...item, kind }, code: item.badge_code, refs, qr: Boolean(item.badge_code) }))))),
    };
  },
};
