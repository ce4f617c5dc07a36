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

/** The page shown when the signed-in user's role may not use a page (e.g. an importer on an organizer page). */
export function roleRequiredView(roles) {
  const names = roles.map((role) => t(`role.${role}`)).join(` ${t('common.or')} `);
  return {
    title: t('forbidden.title'),
    node: h('section', { class: 'page narrow', 'data-testid': 'role-required' },
      heading(t('forbidden.title')),
      h('div', { class: 'alert', role: 'alert', 'data-testid': 'error-alert' },
        h('p', { class: 'alert-title', 'data-testid': 'error-title' }, t('forbidden.role', { roles: names }))),
      h('p', {}, h('a', { class: 'button', href: route('/') }, t('notFound.home')))),
  };
}
