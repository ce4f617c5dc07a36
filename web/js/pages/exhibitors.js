// #/exhibitors?q=&category=&province=&certification=&price_tier=&moq_max=&language=&market=&sort=&page=
// — the catalogue: search as you type (accents optional), filters combined
// with the text, facet counts next to the filter options, sort by relevance
// or name, paging.
//
// Typing or changing a filter updates the results in place (the form is not
// re-rendered, so focus and the caret stay where they are) and replaces the
// route, so the URL can be shared and reloaded; paging is a normal
// navigation.

import { h, route } from '../dom.js';
import { t, getLang, pick, compareText, languageName } from '../i18n.js';
import * as api from '../api.js';
import { replaceRoute, viewUpdated } from '../nav.js';
import { heading, pager, pageFrom, chips, refName, vietnamese, problemAlert } from './common.js';

const SEARCH_DELAY_MS = 200;
export const FILTERS = ['category', 'province', 'certification', 'price_tier', 'moq_max', 'language', 'market'];
const PRICE_TIERS = ['budget', 'mid', 'premium', 'luxury'];
const LANGUAGES = ['vi', 'en', 'fr', 'de', 'es', 'it', 'ja', 'ko', 'zh', 'ru', 'nl', 'ar'];

/** The exhibitor's display name and, in English, the company's own name below it. */
export function exhibitorNames(exhibitor) {
  const english = getLang() === 'en' && exhibitor.name_en;
  return {
    primary: english ? exhibitor.name_en : exhibitor.name,
    primaryLang: english ? null : 'vi',
    secondary: english && exhibitor.name !== exhibitor.name_en ? exhibitor.name : null,
  };
}

/** An exhibitor as a card of the directory (also used by the shortlist). */
export function exhibitorCard(exhibitor, refs, { level = 2, extra = null } = {}) {
  const names = exhibitorNames(exhibitor);
  const place = [refName(refs.provinces, exhibitor.province)];
  return h('li', { class: 'card exhibitor-card', 'data-testid': 'exhibitor-row', 'data-id': exhibitor.id },
    h(`h${level}`, { class: 'card-title' },
      h('a', { href: route(`/exhibitors/${exhibitor.id}`), 'data-testid': 'exhibitor-link',
        lang: getLang() === 'vi' ? null : names.primaryLang }, names.primary)),
    names.secondary ? h('p', { class: 'card-subtitle', lang: 'vi', 'data-testid': 'exhibitor-row-name-vi' }, names.secondary) : null,
    h('p', { class: 'card-meta' },
      h('span', { class: 'visually-hidden' }, `${t('exhibitors.province')}: `),
      h('span', { 'data-testid': 'exhibitor-province' }, place),
      exhibitor.craft_village
        ? [h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
          h('span', { class: 'visually-hidden' }, `${t('exhibitors.village')}: `),
          vietnamese('span', { 'data-testid': 'exhibitor-village' }, exhibitor.craft_village)]
        : null),
    chips((exhibitor.categories ?? []).map((code) => refName(refs.categories, code)),
      { 'aria-label': t('exhibitors.categories'), 'data-testid': 'exhibitor-categories' }),
    extra);
}

/** The search and filter values of a route's query. */
function stateFrom(query) {
  const state = { q: (query.get('q') ?? '').slice(0, 200), sort: query.get('sort') === 'name' ? 'name' : 'relevance' };
  for (const key of FILTERS) state[key] = query.get(key) ?? '';
  if (state.moq_max && !/^\d{1,9}$/.test(state.moq_max)) state.moq_max = '';
  return state;
}

/** The route of a search state (defaults left out, so "#/exhibitors?province=X" stays that short). */
function routeOf(state, page = 1) {
  const params = { q: state.q.trim() };
  for (const key of FILTERS) params[key] = state[key];
  params.sort = state.sort === 'name' ? 'name' : null;
  params.page = page > 1 ? page : null;
  return route('/exhibitors', params);
}

function apiParams(state, fair) {
  const params = { fair: fair.id, q: state.q.trim(), facets: 'true' };
  for (const key of FILTERS) params[key] = state[key];
  if (state.sort === 'name') params.sort = 'name';
  return params;
}

function withCount(label, count) {
  return Number.isFinite(count) ? `${label} (${count})` : label;
}

/**
 * A filter <select>: [value, label, facetKey?] options; facet counts are
 * written into the option texts by update().
 */
function filterSelect({ id, key, label, allLabel, options, value, groups = null }) {
  const control = h('select', { id, name: key, 'data-testid': id });
  const optionNodes = [];
  const make = ([optionValue, text]) => {
    const option = h('option', { value: optionValue, selected: optionValue === value }, text);
    option.dataset.label = text;
    optionNodes.push(option);
    return option;
  };
  control.append(h('option', { value: '' }, allLabel));
  if (groups) {
    for (const [groupLabel, groupOptions] of groups) control.append(h('optgroup', { label: groupLabel }, groupOptions.map(make)));
  } else {
    control.append(...options.map(make));
  }
  return {
    key,
    control,
    node: h('div', { class: 'filter' }, h('label', { for: id }, label), control),
    /** Writes facet counts (an object code → count, or null) into the option labels. */
    counts(facet) {
      for (const option of optionNodes) {
        const count = facet ? facet[option.value] : undefined;
        option.textContent = facet ? withCount(option.dataset.label, count ?? 0) : option.dataset.label;
      }
    },
  };
}

function sortedRef(ref) {
  return [...ref.items].sort((a, b) => compareText(pick(a, 'name'), pick(b, 'name'))).map((item) => [item.code, pick(item, 'name')]);
}

/** Categories, and below them their HS headings (the server filters on either). */
function categoryGroups(categories) {
  const byHs = new Map();
  for (const item of categories.items) {
    if (!item.hs_code) continue;
    if (!byHs.has(item.hs_code)) byHs.set(item.hs_code, []);
    byHs.get(item.hs_code).push(pick(item, 'name'));
  }
  const hs = [...byHs.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([code, names]) => [code, `HS ${code} — ${names.join(', ')}`]);
  return [[t('catalogue.categories'), sortedRef(categories)], [t('catalogue.hsHeadings'), hs]];
}

export async function render({ query, signal }) {
  const state = stateFrom(query);
  const page = pageFrom(query);
  const [fair, provinces, categories, certifications, countries] = await Promise.all([
    api.currentFair(), api.reference('provinces'), api.reference('categories'), api.reference('certifications'),
    api.reference('countries'),
  ]);
  const refs = { provinces, categories };
  const title = t('exhibitors.title');
  if (!fair) {
    return {
      title,
      node: h('section', { class: 'page' }, heading(title), h('p', { class: 'empty' }, t('overview.noFair'))),
    };
  }
  const firstBody = await api.get('/exhibitors', {
    params: { ...apiParams(state, fair), limit: api.PAGE_SIZE, offset: (page - 1) * api.PAGE_SIZE }, signal,
  });
  const first = { ...api.asList(firstBody, '/exhibitors'), facets: firstBody.facets };

  // ----- the form -----
  const search = h('input', { type: 'search', id: 'catalogue-search', name: 'q', value: state.q, autocomplete: 'off',
    enterkeyhint: 'search', spellcheck: 'false', 'data-testid': 'search-input', 'aria-describedby': 'catalogue-search-hint' });
  const selects = [
    filterSelect({ id: 'category-filter', key: 'category', label: t('catalogue.category'), allLabel: t('catalogue.anyCategory'),
      groups: categoryGroups(categories), value: state.category }),
    filterSelect({ id: 'province-filter', key: 'province', label: t('exhibitors.filter.province'), allLabel: t('exhibitors.filter.all'),
      options: sortedRef(provinces), value: state.province }),
    filterSelect({ id: 'certification-filter', key: 'certification', label: t('exhibitor.certifications'),
      allLabel: t('catalogue.anyCertification'), options: sortedRef(certifications), value: state.certification }),
    filterSelect({ id: 'price-tier-filter', key: 'price_tier', label: t('exhibitor.priceTier'), allLabel: t('catalogue.anyTier'),
      options: PRICE_TIERS.map((tier) => [tier, t(`tier.${tier}`)]), value: state.price_tier }),
    filterSelect({ id: 'language-filter', key: 'language', label: t('catalogue.language'), allLabel: t('catalogue.anyLanguage'),
      options: [...new Set([...LANGUAGES, state.language].filter(Boolean))].map((code) => [code, languageName(code)])
        .sort((a, b) => compareText(a[1], b[1])), value: state.language }),
    filterSelect({ id: 'market-filter', key: 'market', label: t('catalogue.market'), allLabel: t('catalogue.anyMarket'),
      options: sortedRef(countries), value: state.market }),
  ];
  const moq = h('input', { type: 'number', id: 'moq-filter', name: 'moq_max', min: '0', step: '1', inputmode: 'numeric',
    value: state.moq_max, 'data-testid': 'moq-filter', 'aria-describedby': 'moq-filter-hint' });
  const sort = h('select', { id: 'sort-select', name: 'sort', 'data-testid': 'sort-select' },
    h('option', { value: 'relevance', selected: state.sort === 'relevance' }, t('catalogue.sort.relevance')),
    h('option', { value: 'name', selected: state.sort === 'name' }, t('catalogue.sort.name')));
  const clear = h('button', { type: 'button', class: 'link-button', 'data-testid': 'clear-filters' }, t('catalogue.clear'));

  // ----- the results -----
  const count = h('p', { class: 'result-count', role: 'status', 'data-testid': 'result-count' });
  const results = h('div', { class: 'results', 'data-testid': 'results' });

  const facetCounts = (facets) => {
    for (const select of selects) {
      const facet = facets?.[select.key === 'price_tier' ? 'price_tier' : select.key];
      select.counts(facet && typeof facet === 'object' ? facet : null);
    }
  };

  const draw = (list, current, shownPage) => {
    count.textContent = current.q.trim()
      ? t('catalogue.countFor', { count: list.total, q: current.q.trim() })
      : t('exhibitors.count', { count: list.total });
    results.replaceChildren(
      list.items.length === 0
        ? h('p', { class: 'empty', 'data-testid': 'empty' }, t(current.q.trim() || FILTERS.some((key) => current[key])
          ? 'catalogue.noMatch' : 'exhibitors.empty'))
        : h('ul', { class: 'cards', 'data-testid': 'exhibitor-list' },
          list.items.map((exhibitor) => exhibitorCard(exhibitor, refs))),
      list.total > 0 || shownPage > 1
        ? pager({ page: shownPage, total: list.total, hrefFor: (target) => routeOf(current, target) })
        : null);
    facetCounts(list.facets);
  };

  const read = () => {
    const current = { q: search.value.slice(0, 200), sort: sort.value === 'name' ? 'name' : 'relevance' };
    for (const select of selects) current[select.key] = select.control.value;
    current.moq_max = /^\d{1,9}$/.test(moq.value.trim()) ? moq.value.trim() : '';
    return current;
  };

  let controller = null;
  let timer = null;
  const update = async () => {
    clearTimeout(timer);
    controller?.abort();
    controller = new AbortController();
    const current = read();
    replaceRoute(routeOf(current));
    results.setAttribute('aria-busy', 'true');
    try {
      const body = await api.get('/exhibitors', {
        params: { ...apiParams(current, fair), limit: api.PAGE_SIZE, offset: 0 }, signal: controller.signal,
      });
      const list = api.asList(body, '/exhibitors');
      draw({ ...list, facets: body.facets }, current, 1);
    } catch (error) {
      if (api.isAbort(error)) return;
      count.textContent = '';
      results.replaceChildren(problemAlert(error));
    }
    results.removeAttribute('aria-busy');
    viewUpdated();
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(update, SEARCH_DELAY_MS);
  };
  search.addEventListener('input', later);
  moq.addEventListener('input', later);
  for (const select of selects) select.control.addEventListener('change', update);
  sort.addEventListener('change', update);
  clear.addEventListener('click', () => {
    search.value = '';
    moq.value = '';
    for (const select of selects) select.control.value = '';
    sort.value = 'relevance';
    update();
    search.focus();
  });

  draw(first, state, page);

  const form = h('form', { class: 'catalogue-search', role: 'search', 'aria-label': t('catalogue.label'),
    'data-testid': 'catalogue-form',
    onsubmit: (event) => {
      event.preventDefault();
      update();
    } },
  h('div', { class: 'search-box' },
    h('label', { for: 'catalogue-search' }, t('catalogue.search')),
    h('div', { class: 'search-row' }, search,
      h('button', { type: 'submit', class: 'button' }, t('catalogue.searchButton'))),
    h('p', { class: 'field-hint', id: 'catalogue-search-hint' }, t('catalogue.search.hint'))),
  h('div', { class: 'filter-grid' },
    selects.map((select) => select.node),
    h('div', { class: 'filter' },
      h('label', { for: 'moq-filter' }, t('catalogue.moqMax')),
      moq,
      h('p', { class: 'field-hint', id: 'moq-filter-hint' }, t('catalogue.moqMax.hint'))),
    h('div', { class: 'filter' }, h('label', { for: 'sort-select' }, t('catalogue.sort')), sort)),
  h('div', { class: 'filter-actions' }, clear));

  return {
    title,
    node: h('section', { class: 'page directory', 'data-testid': 'catalogue' },
      h('div', { class: 'page-head' },
        heading(title),
        h('p', { class: 'lead' }, t('exhibitors.intro')),
        form,
        h('div', { class: 'toolbar' }, count)),
      results),
  };
}
