// #/organizer/requests[?page=N] — the fair's accepted meeting requests with
// what the scheduler is told about each: the session wish (the requester's,
// which the organizer may change), a fixed slot of the grid, and the requests
// it must come after. Each row saves on its own (PATCH .../constraints); the
// server's field errors (unknown slot, session mismatch, foreign or
// unaccepted request, a cycle) are shown in the row.

import { h, route } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { busy, statusRegion, announce } from '../forms.js';
import { table, pager, pageFrom } from './common.js';
import { organizerFair, organizerHead } from './organizer.js';
import { priorityBadge, meetingAlert, dayLabel, SESSION_WISHES } from './meeting-common.js';

const CODES = ['fill_in', 'unknown_slot', 'session_mismatch', 'foreign_request', 'not_accepted', 'cycle', 'duplicate', 'not_an_id', 'too_many'];

/** "12, 15" -> [12, 15]; null when a part is not a request number. */
function parseIds(text) {
  const parts = text.split(/[\s,;]+/).filter(Boolean).map((part) => part.replace(/^#/, ''));
  if (parts.some((part) => !/^[1-9]\d{0,17}$/.test(part))) return null;
  return parts.map(Number);
}

function errorText(entry) {
  const code = CODES.includes(entry.code) ? entry.code : null;
  const field = String(entry.field ?? '');
  const what = field.startsWith('after') ? t('meetings.constraints.after') : field === 'fixed_slot'
    ? t('meetings.constraints.fixedSlot') : t('meetings.constraints.sessionWish');
  return `${what}: ${code ? t(`meetings.constraints.error.${code}`) : entry.message ?? entry.code}`;
}

function row(fair, request, slots, status) {
  const id = request.id;
  const wish = h('select', { id: `wish-${id}`, 'data-testid': 'constraint-wish', 'aria-label': t('meetings.constraints.sessionWish') },
    SESSION_WISHES.map((value) => h('option', { value, selected: value === request.session_wish }, t(`meetings.sessionWish.${value}`))));
  const fixed = h('select', { id: `fixed-${id}`, 'data-testid': 'constraint-fixed', 'aria-label': t('meetings.constraints.fixedSlot') },
    h('option', { value: '' }, t('meetings.constraints.noFixedSlot')),
    slots.map((slot) => h('option', { value: String(slot.index), selected: slot.index === request.fixed_slot },
      `${dayLabel(slot.day, { short: true })} ${slot.local_start}–${slot.local_end}`)));
  const after = h('input', { type: 'text', id: `after-${id}`, 'data-testid': 'constraint-after', inputmode: 'numeric', size: '12',
    value: (request.after ?? []).map((other) => `#${other}`).join(', '), placeholder: '#12, #15',
    'aria-label': t('meetings.constraints.after') });
  const save = h('button', { type: 'button', class: 'button button-small', 'data-testid': 'constraint-save' }, t('meetings.constraints.save'));
  const problems = h('div', { class: 'constraint-errors small', 'data-testid': 'constraint-errors' });
  save.addEventListener('click', async () => {
    problems.replaceChildren();
    const ids = parseIds(after.value);
    if (ids === null) {
      problems.replaceChildren(h('p', { class: 'field-error', role: 'alert' }, `${t('meetings.constraints.after')}: ${t('meetings.constraints.error.not_an_id')}`));
      return;
    }
    const done = busy(save);
    try {
      const saved = await api.patch(`/fairs/${fair.id}/meeting-requests/${id}/constraints`, {
        session_wish: wish.value, fixed_slot: fixed.value === '' ? null : Number(fixed.value), after: ids,
      });
      after.value = (saved.after ?? []).map((other) => `#${other}`).join(', ');
      announce(status, t('meetings.constraints.saved', { id: String(id) }));
    } catch (error) {
      const list = Array.isArray(error?.problem?.errors) ? error.problem.errors : [];
      problems.replaceChildren(...(list.length
        ? list.map((entry) => h('p', { class: 'field-error', role: 'alert', 'data-code': entry.code }, errorText(entry)))
        : [meetingAlert(error)]));
    } finally {
      done();
    }
  });
  return h('tr', { 'data-testid': 'constraint-row', 'data-request': id },
    h('th', { scope: 'row' }, `#${id}`),
    h('td', {}, request.importer?.name ?? ''),
    h('td', { lang: 'vi' }, request.exhibitor?.name ?? ''),
    h('td', {}, priorityBadge(request.priority)),
    h('td', {}, wish),
    h('td', {}, fixed),
    h('td', {}, after),
    h('td', {}, save, problems));
}

export async function render({ query, signal }) {
  const { fair, view } = await organizerFair({ signal, tab: 'requests' });
  if (view) return view;
  const page = pageFrom(query);
  const [list, grid] = await Promise.all([
    api.getPage(`/fairs/${fair.id}/meeting-requests`, { page, params: { status: 'accepted', source: 'participant' }, signal }),
    api.get(`/fairs/${fair.id}/grid`, { signal }),
  ]);
  const slots = grid?.defined ? grid.slots ?? [] : [];
  const title = t('meetings.constraints.title');
  const status = statusRegion('constraints-status');
  return {
    title,
    node: h('section', { class: 'page organizer meetings-admin', 'data-testid': 'constraints-page' },
      organizerHead(fair, title, 'requests', t('meetings.constraints.intro')),
      status,
      list.items.length === 0
        ? h('p', { class: 'empty', 'data-testid': 'constraints-empty' }, t('meetings.constraints.none'))
        : table({
          caption: t('meetings.constraints.caption'),
          captionHidden: true,
          testid: 'constraints-table',
          headers: [t('meetings.run.request'), t('role.importer'), t('role.exhibitor'), t('meetings.request.priority'),
            t('meetings.constraints.sessionWish'), t('meetings.constraints.fixedSlot'), t('meetings.constraints.after'),
            h('span', { class: 'visually-hidden' }, t('common.actions'))],
          rows: list.items.map((request) => row(fair, request, slots, status)),
        }),
      list.total > api.PAGE_SIZE || page > 1
        ? pager({ page, total: list.total, hrefFor: (target) => route('/organizer/requests', { page: target > 1 ? target : null }) })
        : null,
      h('p', { class: 'small muted' }, t('meetings.constraints.hint'), ' ',
        h('a', { href: route('/organizer/schedule') }, t('meetings.all.toScheduler')))),
  };
}
