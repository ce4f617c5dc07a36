// What the organizer pages share: the check that the signed-in user
// organises the current fair, and the tabs between those pages.

import { h } from '../dom.js';
import { t, pick } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { heading } from './common.js';

const TABS = [
  ['participants', '#/organizer/participants', 'organizer.tab.participants'],
  ['import', '#/organizer/import', 'organizer.tab.import'],
  ['audit', '#/organizer/audit', 'organizer.tab.audit'],
  ['outbox', '#/organizer/outbox', 'organizer.tab.outbox'],
  ['weights', '#/organizer/weights', 'organizer.tab.weights'],
  ['match', '#/organizer/match', 'organizer.tab.match'],
  ['booths', '#/organizer/booths', 'organizer.tab.booths'],
  ['grid', '#/organizer/grid', 'organizer.tab.grid'],
  ['requests', '#/organizer/requests', 'organizer.tab.requests'],
  ['schedule', '#/organizer/schedule', 'organizer.tab.schedule'],
  ['meetings', '#/organizer/meetings', 'organizer.tab.meetings'],
  ['live', '#/organizer/live', 'organizer.tab.live'],
  ['checkin', '#/organizer/check-in', 'organizer.tab.checkin'],
  ['badges', '#/organizer/badges', 'organizer.tab.badges'],
  ['rates', '#/organizer/rates', 'organizer.tab.rates'],
  ['report', '#/organizer/report', 'organizer.tab.report'],
];

export function organizerTabs(current) {
  return h('nav', { class: 'tabs', 'aria-label': t('organizer.tabs') },
    h('ul', {}, TABS.map(([key, href, label]) => h('li', {},
      h('a', { href, 'aria-current': key === current ? 'page' : null, 'data-testid': `tab-${key}` }, t(label))))));
}

/**
 * The current fair, when the signed-in user is an organizer of it. Throws
 * SignInRequired / RoleRequired; resolves to {fair} or, for an organizer of
 * other fairs only, {view} explaining that.
 */
export async function organizerFair({ signal, tab }) {
  session.requireUser('organizer');
  const [fair] = await Promise.all([api.currentFair(), session.refresh({ signal })]);
  if (!session.user()) throw new session.SignInRequired();
  if (!fair || !session.organizes(fair.id)) {
    const title = t('organizer.title');
    return {
      view: {
        title,
        node: h('section', { class: 'page narrow', 'data-testid': 'not-organizer' },
          heading(title),
          organizerTabs(tab),
          h('div', { class: 'alert', role: 'alert', 'data-testid': 'error-alert' },
            h('p', { class: 'alert-title', 'data-testid': 'error-title' },
              fair ? t('organizer.notOfFair', { fair: pick(fair, 'name') }) : t('overview.noFair')))),
      },
    };
  }
  return { fair };
}

/** The head of an organizer page: the fair's name, the title and the tabs. */
export function organizerHead(fair, title, tab, lead = null) {
  return h('div', { class: 'page-head' },
    h('p', { class: 'eyebrow' }, pick(fair, 'name')),
    heading(title),
    organizerTabs(tab),
    lead ? h('p', { class: 'lead' }, lead) : null);
}
