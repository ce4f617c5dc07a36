// #/recommendations — exhibitors recommended to the signed-in importer, and
// #/buyers — importers an exhibitor should meet: each with its fit score (a
// bar and the number), both sides' view and the reasons, in the UI language.

import { h, route } from '../dom.js';
import { t, getLang } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { heading, refName, chips, problemText, vietnamese } from './common.js';
import { exhibitorNames } from './exhibitors.js';
import { shortlistButton, shortlistIds } from './shortlist.js';
import { statusRegion } from '../forms.js';
import { requestContext, requestPanel } from './meeting-common.js';

export const PARTS = ['category', 'certification', 'price', 'moq', 'lead_time', 'capacity', 'language',
  'export_experience', 'target_market', 'buyer_type'];

function partName(part) {
  const key = `part.${part}`;
  const text = t(key);
  return text === key ? part : text;
}

/** The score as a meter and its number out of 100. */
export function scoreBar(score, { label = t('match.score'), testid = 'score' } = {}) {
  const value = Math.max(0, Math.min(100, Math.round(Number(score) || 0)));
  return h('div', { class: 'score' },
    h('span', { class: 'score-label' }, label),
    h('meter', { class: 'score-meter', min: '0', max: '100', low: '40', high: '70', optimum: '100', value: String(value),
      'aria-hidden': 'true' }),
    h('span', { class: 'score-value', 'data-testid': testid }, t('match.outOf', { score: value })));
}

/** Every reason of the positive parts, as a list. */
export function reasonList(parts) {
  const items = [];
  for (const part of parts ?? []) {
    for (const reason of part.reasons ?? []) {
      items.push(h('li', { 'data-testid': 'reason', 'data-part': part.part, 'data-code': reason.code },
        h('span', { class: 'reason-part' }, partName(part.part)),
        h('span', { class: 'reason-text' }, reason.text),
        Number.isFinite(part.points) && part.points > 0
          ? h('span', { class: 'reason-points' }, t('match.points', { points: part.points }))
          : null));
    }
  }
  return h('ul', { class: 'reasons', 'aria-label': t('match.reasons'), 'data-testid': 'reasons' }, items);
}

function exhibitorCardOf(item, refs, shortlisted, status, meetings) {
  const exhibitor = item.exhibitor;
  const names = exhibitorNames(exhibitor);
  return h('li', { class: 'card match-card', 'data-testid': 'recommendation', 'data-id': exhibitor.id },
    h('div', { class: 'match-head' },
      h('div', {},
        h('h2', { class: 'card-title' },
          h('a', { href: route(`/exhibitors/${exhibitor.id}`), 'data-testid': 'recommendation-name',
            lang: getLang() === 'vi' ? null : names.primaryLang }, names.primary)),
        names.secondary ? h('p', { class: 'card-subtitle', lang: 'vi' }, names.secondary) : null,
        h('p', { class: 'card-meta' }, refName(refs.provinces, exhibitor.province),
          exhibitor.craft_village ? [' · ', vietnamese('span', {}, exhibitor.craft_village)] : null)),
      scoreBar(item.score)),
    h('p', { class: 'sides' }, t('match.sides.importer', { mine: item.importer_score, theirs: item.exhibitor_score })),
    reasonList(item.parts),
    chips((exhibitor.categories ?? []).map((code) => refName(refs.categories, code)), { 'aria-label': t('exhibitors.categories') }),
    h('div', { class: 'card-tools' }, shortlistButton(exhibitor, shortlisted.has(exhibitor.id), status),
      meetings
        ? requestPanel(meetings, { kind: 'exhibitor', id: exhibitor.id, name: names.primary, lang: names.primaryLang }, { compact: true })
        : null));
}

function importerCardOf(item, refs, meetings) {
  const importer = item.importer;
  return h('li', { class: 'card match-card', 'data-testid': 'recommendation', 'data-id': importer.id },
    h('div', { class: 'match-head' },
      h('div', {},
        h('h2', { class: 'card-title', 'data-testid': 'recommendation-name' }, importer.name),
        h('p', { class: 'card-meta' }, refName(refs.countries, importer.country), ' · ', t(`buyer.${importer.buyer_type}`))),
      scoreBar(item.score)),
    h('p', { class: 'sides' }, t('match.sides.exhibitor', { mine: item.exhibitor_score, theirs: item.importer_score })),
    reasonList(item.parts),
    chips((importer.categories ?? []).map((code) => refName(refs.categories, code)), { 'aria-label': t('profile.wantedCategories') }),
    meetings
      ? h('div', { class: 'card-tools' },
        requestPanel(meetings, { kind: 'importer', id: importer.id, name: importer.name }, { compact: true }))
      : null);
}

/** Why there are no recommendations yet (no profile, not approved), with the way forward. */
function blocked(error) {
  const type = String(error?.problem?.type ?? '').replace(/^\/problems\//, '');
  const { title, detail } = problemText(error);
  return h('div', { class: 'notice notice-info', 'data-testid': 'recommendations-blocked', 'data-reason': type },
    h('p', { class: 'alert-title' }, title),
    detail ? h('p', {}, detail) : null,
    h('p', {}, h('a', { class: 'button button-secondary', href: '#/profile' }, t('recommendations.toProfile'))));
}

function page(kind) {
  return {
    async render({ signal }) {
      session.requireUser(kind);
      const titleKey = kind === 'importer' ? 'recommendations.title' : 'buyers.title';
      const title = t(titleKey);
      const [fair, provinces, categories, countries] = await Promise.all([
        api.currentFair(), api.reference('provinces'), api.reference('categories'), api.reference('countries'),
      ]);
      const refs = { provinces, categories, countries };
      const head = h('div', { class: 'page-head' }, heading(title),
        h('p', { class: 'lead' }, t(kind === 'importer' ? 'recommendations.intro' : 'buyers.intro')));
      const section = h('section', { class: 'page directory', 'data-testid': 'recommendations-page', 'data-kind': kind }, head);
      if (!fair) {
        section.append(h('p', { class: 'empty' }, t('overview.noFair')));
        return { title, node: section };
      }
      let body;
      try {
        body = await api.get(`/fairs/${fair.id}/recommendations`, { params: { limit: 20, lang: getLang() }, signal });
      } catch (error) {
        if (error?.status === 409) {
          section.append(blocked(error));
          return { title, node: section };
        }
        throw error;
      }
      const items = body?.items ?? [];
      const status = statusRegion('shortlist-status');
      const shortlisted = kind === 'importer' ? await shortlistIds({ signal }) : new Set();
      // Each card offers to request a meeting (or says where the open request stands).
      const meetings = items.length > 0
        ? await requestContext(fair.id, { signal }).catch((error) => {
          if (error?.name === 'AbortError') throw error;
          return null;
        })
        : null;
      section.append(status,
        items.length === 0
          ? h('p', { class: 'empty', 'data-testid': 'empty' }, t('recommendations.none'))
          : h('ol', { class: 'cards match-cards', 'data-testid': 'recommendations' },
            items.map((item) => (kind === 'importer'
              ? exhibitorCardOf(item, refs, shortlisted, status, meetings)
              : importerCardOf(item, refs, meetings)))),
        kind === 'importer' ? h('p', {}, h('a', { href: '#/shortlist', 'data-testid': 'to-shortlist' }, t('recommendations.toShortlist'))) : null);
      return { title, node: section };
    },
  };
}

export const forImporter = page('importer');
export const forExhibitor = page('exhibitor');
