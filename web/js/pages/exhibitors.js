// #/exhibitors?page=N[&province=CODE] — the paged exhibitor directory.

import { h, route } from '../dom.js';
import { t, getLang, pick, compareText } from '../i18n.js';
import * as api from '../api.js';
import { heading, pager, pageFrom, chips, refName, vietnamese } from './common.js';

/** The exhibitor's display name and, in English, the company's own name below it. */
export function exhibitorNames(exhibitor) {
  const english = getLang() === 'en' && exhibitor.name_en;
  return {
    primary: english ? exhibitor.name_en : exhibitor.name,
    primaryLang: english ? null : 'vi',
    secondary: english && exhibitor.name !== exhibitor.name_en ? exhibitor.name : null,
  };
}

function provinceFilter(provinces, selected) {
  const options = [...provinces.items].sort((a, b) => compareText(pick(a, 'name'), pick(b, 'name')));
  const select = h('select', { id: 'province-filter', name: 'province', 'data-testid': 'province-filter' },
    h('option', { value: '' }, t('exhibitors.filter.all')),
    options.map((province) => h('option', { value: province.code, selected: province.code === selected },
      pick(province, 'name'))));
  select.addEventListener('change', () => {
    window.location.hash = route('/exhibitors', { province: select.value });
  });
  return h('form', { class: 'filters', role: 'search', 'aria-label': t('exhibitors.filter.label'),
    onsubmit: (event) => event.preventDefault() },
  h('label', { for: 'province-filter' }, t('exhibitors.filter.province')),
  select);
}

function row(exhibitor, refs) {
  const names = exhibitorNames(exhibitor);
  const place = [refName(refs.provinces, exhibitor.province)];
  return h('li', { class: 'card exhibitor-card', 'data-testid': 'exhibitor-row', 'data-id': exhibitor.id },
    h('h2', { class: 'card-title' },
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
      { 'aria-label': t('exhibitors.categories'), 'data-testid': 'exhibitor-categories' }));
}

export async function render({ query, signal }) {
  const page = pageFrom(query);
  const province = query.get('province') ?? '';
  const [fair, provinces, categories] = await Promise.all([
    api.currentFair(), api.reference('provinces'), api.reference('categories'),
  ]);
  const title = t('exhibitors.title');
  if (!fair) {
    return {
      title,
      node: h('section', { class: 'page' }, heading(title), h('p', { class: 'empty' }, t('overview.noFair'))),
    };
  }
  const list = await api.getPage('/exhibitors', { page, params: { fair: fair.id, province }, signal });
  const hrefFor = (target) => route('/exhibitors', { page: target > 1 ? target : null, province });
  return {
    title,
    node: h('section', { class: 'page directory' },
      h('div', { class: 'page-head' },
        heading(title),
        h('p', { class: 'lead' }, t('exhibitors.intro')),
        h('div', { class: 'toolbar' },
          provinceFilter(provinces, province),
          h('p', { class: 'result-count', 'data-testid': 'result-count' }, t('exhibitors.count', { count: list.total })))),
      list.items.length === 0
        ? h('p', { class: 'empty', 'data-testid': 'empty' }, t('exhibitors.empty'))
        : h('ul', { class: 'cards', 'data-testid': 'exhibitor-list' },
          list.items.map((exhibitor) => row(exhibitor, { provinces, categories }))),
      list.total > 0 || page > 1 ? pager({ page, total: list.total, hrefFor }) : null),
  };
}
