// #/exhibitors/{id}[?page=N] — an exhibitor's profile and its products (paged).

import { h, route, safeExternalUrl } from '../dom.js';
import { t, getLang, pick, formatNumber, languageName } from '../i18n.js';
import * as api from '../api.js';
import { heading, backLink, pager, pageFrom, facts, chips, refName, vietnamese, participationBadge } from './common.js';
import { exhibitorNames } from './exhibitors.js';
import { productCard } from './products.js';
import { shortlistButton, shortlistIds } from './shortlist.js';
import { statusRegion } from '../forms.js';
import * as session from '../session.js';
import { findBooth, qrUrl } from './booth-common.js';
import { requestContext, requestPanel, signInToRequest } from './meeting-common.js';

function websiteLink(text) {
  const href = safeExternalUrl(text);
  if (!href) return text || null;
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'exhibitor-website' },
    text, h('span', { class: 'visually-hidden' }, ` ${t('common.newTab')}`));
}

function tierLabel(tier) {
  return ['budget', 'mid', 'premium', 'luxury'].includes(tier) ? t(`tier.${tier}`) : tier;
}

function count(value, key) {
  return Number.isFinite(value) ? t(key, { count: value }) : null;
}

/** The booth's code; with the booth found on the plan, a link to it there and its printable QR code. */
function booth(value, found, fairId) {
  if (value === null || value === undefined) return h('span', { class: 'muted' }, t('exhibitor.boothNone'));
  const code = typeof value === 'object' ? value.code ?? value.name ?? String(value.id ?? '') : String(value);
  if (!found) return h('span', { 'data-testid': 'exhibitor-booth-code' }, code);
  return [
    h('strong', { 'data-testid': 'exhibitor-booth-code' }, code),
    h('span', { class: 'booth-links' },
      h('a', { href: route(`/booths/${found.id}`), 'data-testid': 'exhibitor-booth-plan' }, t('exhibitor.boothPlan')),
      h('a', { href: qrUrl(fairId, found.id), target: '_blank', rel: 'noopener', 'data-testid': 'exhibitor-booth-qr' },
        t('exhibitor.boothQr'), h('span', { class: 'visually-hidden' }, ` ${t('common.newTab')}`))),
  ];
}

/** For the owner and the fair's organizers (the server sends them the status): the status and an edit link. */
function insiderTools(exhibitor) {
  if (!('status' in exhibitor)) return null;
  return h('div', { class: 'insider-tools', 'data-testid': 'insider-tools' },
    h('span', {}, `${t('profile.status.title')}: `), participationBadge(exhibitor.status),
    h('a', { class: 'button button-secondary button-small', href: route(`/exhibitors/${exhibitor.id}/edit`),
      'data-testid': 'edit-profile' }, t('profile.edit')));
}

export async function render({ params, query, signal }) {
  const id = params[0];
  const page = pageFrom(query);
  const [exhibitor, products, provinces, categories, countries, certifications] = await Promise.all([
    api.get(`/exhibitors/${id}`, { signal }),
    api.getPage(`/exhibitors/${id}/products`, { page, signal }),
    api.reference('provinces'),
    api.reference('categories'),
    api.reference('countries'),
    api.reference('certifications'),
  ]);
  const boothFound = exhibitor.booth ? await findBooth(exhibitor.fair_id, exhibitor.booth, { signal }) : null;
  // An importer may keep the exhibitor on its shortlist.
  const shortlisted = session.hasRole('importer') ? await shortlistIds({ signal }).catch(() => null) : null;
  // An importer of the fair may request a meeting; a visitor is invited to sign in first.
  const meetings = session.hasRole('importer')
    ? await requestContext(exhibitor.fair_id, { signal }).catch((error) => {
      if (error?.name === 'AbortError') throw error;
      return null;
    })
    : null;
  const shortlistStatus = statusRegion('shortlist-status');
  const names = exhibitorNames(exhibitor);
  const lang = getLang();
  const description = pick(exhibitor, 'description');
  const descriptionIsOwnLang = Boolean(exhibitor[`description_${lang}`]);

  const profileFacts = facts([
    [t('exhibitor.moq'), count(exhibitor.moq, 'common.pieces'), 'exhibitor-moq'],
    [t('exhibitor.capacity'), Number.isFinite(exhibitor.monthly_capacity)
      ? t('common.perMonth', { count: exhibitor.monthly_capacity }) : null, 'exhibitor-capacity'],
    [t('exhibitor.leadTime'), count(exhibitor.lead_time_days, 'common.days'), 'exhibitor-lead-time'],
    [t('exhibitor.priceTier'), tierLabel(exhibitor.price_tier), 'exhibitor-price-tier'],
    [t('exhibitor.certifications'),
      chips((exhibitor.certifications ?? []).map((code) => refName(certifications, code))), 'exhibitor-certifications'],
    [t('exhibitor.exportMarkets'),
      chips((exhibitor.export_markets ?? []).map((code) => refName(countries, code))), 'exhibitor-markets'],
    [t('exhibitor.languages'),
      (exhibitor.languages ?? []).map((code) => languageName(code)).join(', '), 'exhibitor-languages'],
    [t('exhibitor.website'), websiteLink(exhibitor.website), 'exhibitor-website-row'],
    [t('exhibitor.taxCode'), exhibitor.tax_code, 'exhibitor-tax-code'],
    [t('exhibitor.booth'), booth(exhibitor.booth, boothFound, exhibitor.fair_id), 'exhibitor-booth'],
  ]);

  const hrefFor = (target) => route(`/exhibitors/${id}`, { page: target > 1 ? target : null });
  return {
    title: names.primary,
    node: h('article', { class: 'page profile', 'data-testid': 'exhibitor-page' },
      backLink(route('/exhibitors'), t('common.back.exhibitors')),
      h('header', { class: 'profile-head' },
        heading(names.primary, { 'data-testid': 'exhibitor-name', lang: lang === 'vi' ? null : names.primaryLang }),
        names.secondary ? h('p', { class: 'subtitle', lang: 'vi', 'data-testid': 'exhibitor-name-vi' }, names.secondary) : null,
        h('p', { class: 'card-meta' },
          h('span', { 'data-testid': 'exhibitor-province' }, refName(provinces, exhibitor.province)),
          exhibitor.craft_village
            ? [h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
              h('span', { class: 'visually-hidden' }, `${t('exhibitors.village')}: `),
              vietnamese('span', { 'data-testid': 'exhibitor-village' }, exhibitor.craft_village)]
            : null),
        chips((exhibitor.categories ?? []).map((code) => refName(categories, code)),
          { 'aria-label': t('exhibitors.categories'), 'data-testid': 'exhibitor-categories' }),
        insiderTools(exhibitor),
        shortlisted
          ? h('div', { class: 'insider-tools' }, shortlistButton(exhibitor, shortlisted.has(exhibitor.id), shortlistStatus), shortlistStatus)
          : null,
        meetings
          ? requestPanel(meetings, { kind: 'exhibitor', id: exhibitor.id, name: names.primary, lang: names.primaryLang })
          : (session.user() ? null : signInToRequest(route(`/exhibitors/${id}`)))),
      h('div', { class: 'profile-body' },
        h('section', { class: 'profile-main', 'aria-labelledby': 'about-title' },
          h('h2', { id: 'about-title' }, t('exhibitor.about')),
          description
            ? h('p', { class: 'description', 'data-testid': 'exhibitor-description',
              lang: descriptionIsOwnLang ? null : (lang === 'vi' ? 'en' : 'vi') }, description)
            : h('p', { class: 'muted' }, t('common.none')),
          (exhibitor.materials ?? []).length > 0
            ? [h('h3', {}, t('exhibitor.materials')),
              chips(exhibitor.materials, { 'data-testid': 'exhibitor-materials' })]
            : null),
        h('aside', { class: 'profile-facts', 'aria-labelledby': 'facts-title' },
          h('h2', { id: 'facts-title' }, t('exhibitor.facts')),
          profileFacts)),
      h('section', { class: 'profile-products', 'aria-labelledby': 'products-title' },
        h('h2', { id: 'products-title' }, t('exhibitor.products'), ' ',
          h('span', { class: 'count', 'data-testid': 'product-count' }, `(${formatNumber(products.total)})`)),
        products.items.length === 0
          ? h('p', { class: 'empty', 'data-testid': 'empty' }, t('exhibitor.noProducts'))
          : h('ul', { class: 'cards product-cards', 'data-testid': 'product-list' },
            products.items.map((product) => productCard(product, { categories }, { showExhibitor: false, level: 3 }))),
        products.total > api.PAGE_SIZE || page > 1
          ? pager({ page, total: products.total, hrefFor })
          : null)),
  };
}

