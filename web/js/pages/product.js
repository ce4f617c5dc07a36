// #/products/{id} — one product: names and description per language,
// category with HS code, FOB price range, MOQ, provenance and photos.

import { h, route, sameOriginUrl } from '../dom.js';
import { t, getLang, pick, formatMoneyRange } from '../i18n.js';
import * as api from '../api.js';
import { heading, backLink, facts, chips, refName, vietnamese } from './common.js';

function gallery(product, name) {
  const photos = (product.photos ?? [])
    .map((photo) => ({ ...photo, src: sameOriginUrl(photo.url) }))
    .filter((photo) => photo.src);
  if (photos.length === 0) {
    return h('p', { class: 'muted', 'data-testid': 'no-photos' }, t('product.noPhotos'));
  }
  return h('ul', { class: 'gallery', 'data-testid': 'product-photos' }, photos.map((photo, index) => h('li', {},
    h('img', { src: photo.src, alt: t('product.photoAlt', { n: index + 1, name }), loading: 'lazy' }))));
}

export async function render({ params, signal }) {
  const id = params[0];
  const [product, categories] = await Promise.all([
    api.get(`/products/${id}`, { signal }),
    api.reference('categories'),
  ]);
  const lang = getLang();
  const other = lang === 'vi' ? 'en' : 'vi';
  const name = pick(product, 'name');
  const otherName = product[`name_${other}`];
  const description = pick(product, 'description');
  const category = refName(categories, product.category);
  const hsCode = product.hs_code || categories.byCode.get(product.category)?.hs_code;

  return {
    title: name,
    node: h('article', { class: 'page profile', 'data-testid': 'product-page' },
      backLink(route('/products'), t('common.back.products')),
      h('header', { class: 'profile-head' },
        heading(name, { 'data-testid': 'product-name', lang: product[`name_${lang}`] ? null : other }),
        otherName && otherName !== name
          ? h('p', { class: 'subtitle', lang: other, 'data-testid': 'product-name-other' },
            h('span', { class: 'visually-hidden' }, `${t('product.otherName')}: `), otherName)
          : null,
        h('p', { class: 'price price-large', 'data-testid': 'product-price' },
          formatMoneyRange(product.fob_price_min, product.fob_price_max, product.currency),
          h('span', { class: 'price-unit' }, ' FOB'))),
      h('div', { class: 'profile-body' },
        h('section', { class: 'profile-main', 'aria-labelledby': 'description-title' },
          h('h2', { id: 'description-title' }, t('product.description')),
          description
            ? h('p', { class: 'description', 'data-testid': 'product-description',
              lang: product[`description_${lang}`] ? null : other }, description)
            : h('p', { class: 'muted' }, t('common.none')),
          h('h2', {}, t('product.photos')),
          gallery(product, name)),
        h('aside', { class: 'profile-facts', 'aria-labelledby': 'product-facts-title' },
          h('h2', { id: 'product-facts-title' }, t('product.facts')),
          facts([
            [t('products.category'), category, 'product-category'],
            [t('products.hsCode'), hsCode, 'product-hs'],
            [t('products.price'), formatMoneyRange(product.fob_price_min, product.fob_price_max, product.currency),
              'product-price-row'],
            [t('products.moq'), Number.isFinite(product.moq) ? t('common.pieces', { count: product.moq }) : null,
              'product-moq'],
            [t('product.materials'), chips(product.materials ?? []), 'product-materials'],
            [t('product.village'), product.village ? vietnamese('span', {}, product.village) : null, 'product-village'],
            [t('product.artisan'), product.artisan ? vietnamese('span', {}, product.artisan) : null, 'product-artisan'],
            [t('products.exhibitor'), product.exhibitor_id
              ? vietnamese('a', { href: route(`/exhibitors/${product.exhibitor_id}`), 'data-testid': 'product-exhibitor' },
                product.exhibitor_name || `#${product.exhibitor_id}`)
              : null, 'product-exhibitor-row'],
          ])))),
  };
}
