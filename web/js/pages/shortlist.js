// The importer's shortlist: #/shortlist (the exhibitors kept, each with a
// private note), and the add/remove button shown on recommendations and
// exhibitor pages.

import { h, route } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { heading, problemAlert } from './common.js';
import { exhibitorCard, exhibitorNames } from './exhibitors.js';
import { busy, statusRegion, announce } from '../forms.js';

/** The ids of the exhibitors on the signed-in importer's shortlist (empty for anyone else). */
export async function shortlistIds({ signal } = {}) {
  if (!session.hasRole('importer')) return new Set();
  const body = await api.get('/me/shortlist', { signal });
  return new Set((body?.items ?? []).map((item) => item.exhibitor?.id));
}

/**
 * A toggle button that adds the exhibitor to the shortlist or removes it
 * (aria-pressed tells which); status is a live region for the outcome.
 */
export function shortlistButton(exhibitor, onList, status) {
  const name = exhibitorNames(exhibitor).primary;
  const button = h('button', { type: 'button', class: 'button button-secondary button-small shortlist-toggle',
    'data-testid': 'shortlist-toggle', 'data-id': exhibitor.id });
  let on = onList;
  const draw = () => {
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? t('shortlist.on') : t('shortlist.add');
    button.setAttribute('aria-label', on ? t('shortlist.removeNamed', { name }) : t('shortlist.addNamed', { name }));
  };
  button.addEventListener('click', async () => {
    const done = busy(button);
    try {
      if (on) await api.del(`/me/shortlist/${exhibitor.id}`);
      else await api.put(`/me/shortlist/${exhibitor.id}`, { note: '' });
      on = !on;
      draw();
      if (status) announce(status, on ? t('shortlist.added', { name }) : t('shortlist.removed', { name }));
    } catch (error) {
      if (status) announce(status, problemAlert(error).textContent, 'error');
    } finally {
      done();
    }
  });
  draw();
  return button;
}

function noteEditor(item, status) {
  const id = `note-${item.exhibitor.id}`;
  const note = h('textarea', { id, rows: '2', maxlength: '500', 'data-testid': 'shortlist-note' }, item.note ?? '');
  const save = h('button', { type: 'submit', class: 'button button-secondary button-small', 'data-testid': 'shortlist-note-save' },
    t('shortlist.saveNote'));
  return h('form', { class: 'note-form', novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const done = busy(save);
      try {
        await api.put(`/me/shortlist/${item.exhibitor.id}`, { note: note.value.trim() });
        announce(status, t('shortlist.noteSaved', { name: exhibitorNames(item.exhibitor).primary }));
      } catch (error) {
        announce(status, problemAlert(error).textContent, 'error');
      } finally {
        done();
      }
    } },
  h('label', { for: id }, t('shortlist.note')), note, save);
}

export async function render({ signal }) {
  session.requireUser('importer');
  const [body, provinces, categories] = await Promise.all([
    api.get('/me/shortlist', { signal }), api.reference('provinces'), api.reference('categories'),
  ]);
  const items = body?.items ?? [];
  const title = t('shortlist.title');
  const status = statusRegion('shortlist-status');
  const list = h('ul', { class: 'cards', 'data-testid': 'shortlist' });
  const empty = h('p', { class: 'empty', 'data-testid': 'empty' }, t('shortlist.empty'), ' ',
    h('a', { href: '#/recommendations' }, t('nav.recommendations')), ' · ',
    h('a', { href: '#/exhibitors' }, t('nav.exhibitors')));
  const refresh = () => {
    empty.hidden = list.children.length > 0;
    list.hidden = list.children.length === 0;
  };
  for (const item of items) {
    const remove = h('button', { type: 'button', class: 'link-button', 'data-testid': 'shortlist-remove',
      'aria-label': t('shortlist.removeNamed', { name: exhibitorNames(item.exhibitor).primary }) }, t('shortlist.remove'));
    const card = exhibitorCard(item.exhibitor, { provinces, categories }, {
      extra: h('div', { class: 'card-tools' }, noteEditor(item, status), remove),
    });
    remove.addEventListener('click', async () => {
      const done = busy(remove);
      try {
        await api.del(`/me/shortlist/${item.exhibitor.id}`);
        const next = card.nextElementSibling ?? card.previousElementSibling;
        card.remove();
        refresh();
        announce(status, t('shortlist.removed', { name: exhibitorNames(item.exhibitor).primary }));
        (next?.querySelector('a') ?? document.querySelector('main h1'))?.focus();
      } catch (error) {
        done();
        announce(status, problemAlert(error).textContent, 'error');
      }
    });
    list.append(card);
  }
  refresh();
  return {
    title,
    node: h('section', { class: 'page directory', 'data-testid': 'shortlist-page' },
      h('div', { class: 'page-head' }, heading(title), h('p', { class: 'lead' }, t('shortlist.intro'))),
      status, list, empty,
      h('p', {}, h('a', { href: route('/recommendations') }, t('shortlist.more')))),
  };
}
