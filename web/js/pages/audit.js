// #/organizer/audit?page=N — the fair's audit log (who did what, when, and
// which fields changed), and #/organizer/outbox?page=N — messages with reset
// and invitation links for the organizer to pass on.

import { h, route } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { pager, pageFrom, timeEl, table } from './common.js';
import { organizerFair, organizerHead } from './organizer.js';
import { copyBox } from './account.js';

// Bookkeeping fields that change with every write: not worth a line in the diff.
const IGNORED = new Set(['updated_at']);
const DIFF_OPEN_LIMIT = 6;

function show(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(show).join(', ') : '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The fields whose values differ between before and after: [{field, before, after}]. */
export function changedFields(before, after) {
  const a = before && typeof before === 'object' ? before : {};
  const b = after && typeof after === 'object' ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => !IGNORED.has(key));
  return keys
    .filter((key) => JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null))
    .filter((key) => !(before === null && show(b[key]) === '—'))
    .map((key) => ({ field: key, before: a[key], after: b[key] }));
}

function diffView(entry) {
  const changes = changedFields(entry.before, entry.after);
  if (changes.length === 0) return h('span', { class: 'muted' }, t('audit.noChanges'));
  const list = h('table', { class: 'diff', 'data-testid': 'audit-diff' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('audit.field')),
      h('th', { scope: 'col' }, t('audit.before')),
      h('th', { scope: 'col' }, t('audit.after')))),
    h('tbody', {}, changes.map((change) => h('tr', { 'data-testid': 'audit-change', 'data-field': change.field },
      h('th', { scope: 'row' }, h('code', {}, change.field)),
      h('td', { class: 'diff-before' }, h('del', {}, show(change.before))),
      h('td', { class: 'diff-after' }, h('ins', {}, show(change.after)))))));
  if (changes.length <= DIFF_OPEN_LIMIT) return list;
  return h('details', {}, h('summary', {}, t('audit.fieldsChanged', { count: changes.length })), list);
}

function actionLabel(action) {
  const key = `audit.action.${action}`;
  const text = t(key);
  return text === key ? action : text;
}

function entityLink(entry) {
  const label = `${t(`audit.entity.${entry.entity}`) === `audit.entity.${entry.entity}` ? entry.entity : t(`audit.entity.${entry.entity}`)}${entry.entity_id ? ` #${entry.entity_id}` : ''}`;
  if (entry.entity === 'exhibitor' && entry.entity_id) return h('a', { href: route(`/exhibitors/${entry.entity_id}`) }, label);
  if (entry.entity === 'importer' && entry.entity_id) return h('a', { href: route(`/importers/${entry.entity_id}/edit`) }, label);
  return label;
}

export const log = {
  async render({ query, signal }) {
    const { fair, view } = await organizerFair({ signal, tab: 'audit' });
    if (view) return view;
    const page = pageFrom(query);
    const list = await api.getPage(`/fairs/${fair.id}/audit`, { page, signal });
    const title = t('audit.title');
    return {
      title,
      node: h('section', { class: 'page organizer', 'data-testid': 'audit-page' },
        organizerHead(fair, title, 'audit', t('audit.intro')),
        list.items.length === 0
          ? h('p', { class: 'empty', 'data-testid': 'empty' }, t('audit.empty'))
          : table({
            caption: t('audit.caption'),
            captionHidden: true,
            testid: 'audit-table',
            headers: [t('audit.when'), t('audit.who'), t('audit.action'), t('audit.entity'), t('audit.changes')],
            rows: list.items.map((entry) => h('tr', { 'data-testid': 'audit-row', 'data-action': entry.action, 'data-id': entry.id },
              h('td', { class: 'nowrap' }, timeEl(entry.created_at)),
              h('td', { 'data-testid': 'audit-actor' }, entry.actor_email || '—'),
              h('td', { 'data-testid': 'audit-action' }, actionLabel(entry.action)),
              h('td', { 'data-testid': 'audit-entity' }, entityLink(entry)),
              h('td', {}, diffView(entry)))),
          }),
        list.total > api.PAGE_SIZE || page > 1
          ? pager({ page, total: list.total, hrefFor: (target) => route('/organizer/audit', { page: target > 1 ? target : null }) })
          : null),
    };
  },
};

export const outbox = {
  async render({ query, signal }) {
    const { fair, view } = await organizerFair({ signal, tab: 'outbox' });
    if (view) return view;
    const page = pageFrom(query);
    const list = await api.getPage('/outbox', { page, signal });
    const title = t('outbox.title');
    return {
      title,
      node: h('section', { class: 'page organizer', 'data-testid': 'outbox-page' },
        organizerHead(fair, title, 'outbox', t('outbox.intro')),
        list.items.length === 0
          ? h('p', { class: 'empty', 'data-testid': 'empty' }, t('outbox.empty'))
          : table({
            caption: t('outbox.caption'),
            captionHidden: true,
            testid: 'outbox-table',
            headers: [t('audit.when'), t('outbox.kind'), t('outbox.to'), t('outbox.message'), t('outbox.link')],
            rows: list.items.map((message) => h('tr', { 'data-testid': 'outbox-row', 'data-id': message.id },
              h('td', { class: 'nowrap' }, timeEl(message.created_at)),
              h('td', {}, t(`outbox.kind.${message.kind}`) === `outbox.kind.${message.kind}` ? message.kind : t(`outbox.kind.${message.kind}`)),
              h('td', { 'data-testid': 'outbox-to' }, message.to_email),
              h('td', {}, h('strong', { class: 'block' }, message.subject), h('span', { class: 'muted' }, message.body)),
              h('td', {}, message.link
                ? copyBox({ value: message.link, id: `outbox-link-${message.id}`, testid: 'outbox-link',
                  label: t('import.linkFor', { email: message.to_email }) })
                : '—'))),
          }),
        list.total > api.PAGE_SIZE || page > 1
          ? pager({ page, total: list.total, hrefFor: (target) => route('/organizer/outbox', { page: target > 1 ? target : null }) })
          : null),
    };
  },
};
