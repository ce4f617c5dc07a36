// The not-found page (unknown route, or a resource the API says does not
// exist) and the error page (any other failure while loading a view).

import { h, route } from '../dom.js';
import { t } from '../i18n.js';
import { heading, problemAlert } from './common.js';

/** The page shown for an unknown route, or for a resource the API says does not exist. */
export function notFoundView(error = null) {
  return {
    title: t('notFound.title'),
    node: h('section', { class: 'page narrow', 'data-testid': 'not-found' },
      heading(t('notFound.title')),
      h('p', { class: 'lead' }, t('notFound.text')),
      error ? problemAlert(error) : null,
      h('p', {}, h('a', { class: 'button', href: route('/') }, t('notFound.home')))),
  };
}

/** The page shown when loading a view failed; retry re-renders the route. */
export function errorView(error, retry) {
  if (error?.status === 404) return notFoundView(error);
  return {
    title: t('error.heading'),
    node: h('section', { class: 'page narrow', 'data-testid': 'error-page' },
      heading(t('error.heading')),
      problemAlert(error),
      h('p', {}, h('button', { type: 'button', class: 'button', onclick: retry }, t('error.retry')))),
  };
}
