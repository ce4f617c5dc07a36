// #/products?page=N — the paged product directory, and the product card
// shared with the exhibitor page.

import { h, route, sameOriginUrl } from '../dom.js';
import { t, pick, formatMoneyRange } from '../i18n.js';
import * as api from '../api.js';
import { heading, pager, pageFrom, refName, vietnamese } from './common.js';

/**
 * The product's first photo, or a placeholder when it has none (or none the
 * CSP allows). Decorative: the product's name follows as the card title.
 */
function thumbnail(product) {
  const photo = (product.photos ?? []).find((p) => sameOriginUrl(p.url));
  if (photo) {
    return h('img', { class: 'thumb', src: sameOriginUrl(photo.url), alt: '', loading: 'lazy', width: 320, height: 240 });
  }
  return h('div', { class: 'thumb thumb-empty', 'aria-hidden': 'true' }, t('products.noPhoto'));
}

/**
 * A product as a card; showExhibitor adds the exhibitor's name (not needed on
 * the exhibitor's own page); level is the card title's heading level.
 */
export function productCard(product, { categories }, { showExhibitor = true, level = 2 } = {}) {
  const name = pick(product, 'name');
  const category = refName(categories, product.category);
  const hsCode = product.hs_code || categories?.byCode.get(product.category)?.hs_code;
  return h('li', { class: 'card product-card', 'data-testid': 'product-row', 'data-id': product.id },
    thumbnail(product),
    h('div', { class: 'card-body' },
      h(`h${level}`, { class: 'card-title' },
        h('a', { href: route(`/products/${product.id}`), 'data-testid': 'product-link' }, name)),
      h('p', { class: 'card-meta' },
        h('span', { 'data-testid': 'product-category' }, category),
        hsCode
          ? [h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
            h('span', { class: 'nowrap' },
              h('abbr', { title: t('products.hsCode') }, 'HS'), ' ', h('span', { 'data-testid': 'product-hs' }, hsCode))]
          : null),
      h('p', { class: 'price', 'data-testid': 'product-price' },
        h('span', { class: 'visually-hidden' }, `${t('products.price')}: `),
        formatMoneyRange(product.fob_price_min, product.fob_price_max, product.currency),
        h('span', { class: 'price-unit' }, ' FOB')),
      h('p', { class: 'card-meta' },
        `${t('products.moq')}: `, t('common.pieces', { count: product.moq ?? 0 }),
        product.village
          ? [h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · '),
            h('span', { class: 'visually-hidden' }, `${t('product.village')}: `),
            vietnamese('span', { 'data-testid': 'product-village' }, product.village)]
          : null),
      showExhibitor && product.exhibitor_name
        ? h('p', { class: 'card-meta' },
          h('span', { class: 'visually-hidden' }, `${t('products.exhibitor')}: `),
          vietnamese('a', { href: route(`/exhibitors/${product.exhibitor_id}`), 'data-testid': 'product-exhibitor' },
            product.exhibitor_name))
        : null));
}

export async function render({ query, signal }) {
  const page = pageFrom(query);
  const [fair, categories] = await Promise.all([api.currentFair(), api.reference('categories')]);
  const title = t('products.title');
  if (!fair) {
    return {
      title,
      node: h('section', { class: 'page' }, heading(title), h('p', { class: 'empty' }, t('overview.noFair'))),
    };
  }
  const list = await api.getPage('/products', { page, params: { fair: fair.id }, signal });
  return {
    title,
    node: h('section', { class: 'page directory' },
      h('div', { class: 'page-head' },
        heading(title),
        h('p', { class: 'lead' }, t('products.intro')),
        h('div', { class: 'toolbar' },
          h('p', { class: 'result-count', 'data-testid': 'result-count' }, t('products.count', { count: list.total })))),
      list.items.length === 0
        ? h('p', { class: 'empty', 'data-testid': 'empty' }, t('products.empty'))
        : h('ul', { class: 'cards product-cards', 'data-testid': 'product-list' },
          list.items.map((product) => productCard(product, { categories }))),
      list.total > 0 || page > 1
        ? pager({ page, total: list.total, hrefFor: (target) => route('/products', { page: target > 1 ? target : null }) })
        : null),
  };
}
