// #/booths[?hall=ID&free=1&kind=K&view=plan|list&booth=ID] and
// #/booths/{id}[?…] — the floor plan of a hall (or the same booths as a
// table), filters (free only, kind), and the detail of the chosen booth:
// code, hall, size, kind, price, status; for an exhibitor, hold it (then a
// live countdown of the hold, confirm or release it).
//
// Choosing a booth, a filter or the view updates the page in place and
// replaces the route (#/booths/{id} while a booth is chosen), so the URL can
// be shared and reloaded. The plan refreshes itself every few seconds, and at
// once when a hold on screen runs out.

import { h, route, append } from '../dom.js';
import { t, pick } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { replaceRoute, viewUpdated } from '../nav.js';
import { heading, facts, table } from './common.js';
import { busy, statusRegion, announce, select as selectControl } from '../forms.js';
import { floorPlan, legend } from './floor-plan.js';
import {
  KINDS, loadPlan, withDeadline, secondsLeft, clock, kindLabel, priceText, areaText, hallName,
  statusBadge, bookingAlert, myBookings, rememberBooking, forgetBooking, pruneBookings, qrUrl,
} from './booth-common.js';

const REFRESH_MS = 20_000;
const TICK_MS = 1_000;
const WARN_SECONDS = 60;
const NARROW = '(max-width: 40rem)';

function idFrom(text) {
  return /^[1-9]\d{0,15}$/.test(text ?? '') ? Number(text) : null;
}

function noHallsView(fair, title) {
  return {
    title,
    node: h('section', { class: 'page', 'data-testid': 'booths-page' },
      h('div', { class: 'page-head' },
        fair ? h('p', { class: 'eyebrow' }, pick(fair, 'name')) : null,
        heading(title)),
      h('p', { class: 'empty', 'data-testid': 'empty' }, fair ? t('booths.noHalls') : t('overview.noFair')),
      fair && session.organizes(fair.id)
        ? h('p', {}, h('a', { class: 'button', href: route('/organizer/booths') }, t('booths.manage')))
        : null),
  };
}

export async function render({ params, query, signal }) {
  const title = t('booths.title');
  const fair = await api.currentFair();
  if (!fair) return noHallsView(null, title);
  const user = session.user();
  const profile = user?.role === 'exhibitor' ? session.profileIn(fair.id) : null;
  const [first, own] = await Promise.all([
    loadPlan(fair.id, { signal }),
    profile ? api.get(`/exhibitors/${profile.id}`, { signal }).catch((error) => {
      if (api.isAbort(error)) throw error;
      return null;
    }) : null,
  ]);
  if (first.halls.length === 0) return noHallsView(fair, title);
  if (profile) pruneBookings(first.booths);

  const { halls, holdMinutes, perExhibitor } = first;
  let booths = first.booths;
  let byId = new Map(booths.map((booth) => [booth.id, booth]));
  let selectedId = idFrom(params[0]) ?? idFrom(query.get('booth'));
  if (selectedId !== null && !byId.has(selectedId)) selectedId = null;
  const hallId = selectedId !== null
    ? byId.get(selectedId).hall_id
    : (halls.find((hall) => hall.id === idFrom(query.get('hall')))?.id ?? halls[0].id);
  const hall = halls.find((candidate) => candidate.id === hallId) ?? halls[0];
  const filters = {
    free: query.get('free') === '1',
    kind: KINDS.includes(query.get('kind')) ? query.get('kind') : '',
  };
  let mode = ['plan', 'list'].includes(query.get('view')) ? query.get('view')
    : (window.matchMedia?.(NARROW).matches ? 'list' : 'plan');
  const ownCode = own?.booth ?? null;
  const organizer = session.organizes(fair.id);

  const hallBooths = () => booths.filter((booth) => booth.hall_id === hall.id);
  const matches = (booth) => (!filters.free || booth.status === 'free') && (!filters.kind || booth.kind === filters.kind);
  let remembered = myBookings();
  const isMine = (booth) => Boolean(profile) && (
    booth.exhibitor?.id === profile.id
    || (booth.booking_id !== undefined && booth.booking_id !== null && remembered.has(booth.booking_id))
    || (ownCode !== null && booth.code === ownCode && ['confirmed', 'booked'].includes(booth.status)));

  const liveStatus = statusRegion('booth-status-message');
  const routeNow = () => route(selectedId !== null ? `/booths/${selectedId}` : '/booths', {
    hall: selectedId === null && halls.length > 1 ? hall.id : null,
    free: filters.free ? 1 : null,
    kind: filters.kind || null,
    view: mode === 'list' ? 'list' : null,
  });

  // ---------- The plan, the list and the counts ----------

  const plan = floorPlan({
    hall,
    booths: hallBooths(),
    title: t('booths.planOf', { hall: hallName(hall) }),
    onActivate: (booth) => choose(booth.id),
    isMine,
  });
  plan.setFilter(matches);
  if (selectedId !== null) plan.select(selectedId);

  const listSlot = h('div', { class: 'booth-list', 'data-testid': 'booth-list' });
  const count = h('p', { class: 'result-count', 'data-testid': 'booth-count' });

  function drawList() {
    const shown = hallBooths().filter(matches).sort((a, b) => (a.y - b.y) || (a.x - b.x));
    listSlot.replaceChildren(shown.length === 0
      ? h('p', { class: 'empty', 'data-testid': 'list-empty' }, t('booths.noMatch'))
      : table({
        caption: t('booths.listOf', { hall: hallName(hall) }),
        testid: 'booth-table',
        headers: [t('booths.code'), `${t('booths.kind')} · ${t('booths.area')}`, t('booths.price'), t('booths.status')],
        rows: shown.map((booth) => {
          const mine = isMine(booth);
          return h('tr', { 'data-testid': 'booth-row', 'data-id': booth.id, 'data-code': booth.code, 'data-status': booth.status,
            class: booth.id === selectedId ? 'is-selected' : null },
          h('th', { scope: 'row' },
            h('button', { type: 'button', class: 'link-button booth-open', 'data-testid': 'booth-open', 'data-id': booth.id,
              'aria-current': booth.id === selectedId ? 'true' : null, onclick: () => choose(booth.id) }, booth.code)),
          h('td', {}, kindLabel(booth.kind), h('span', { class: 'block small muted' }, areaText(booth))),
          h('td', { class: 'nowrap' }, priceText(booth)),
          h('td', {}, statusBadge(booth.status, 'booth-row-status'),
            booth.exhibitor?.name ? h('span', { class: 'block small', 'data-testid': 'booth-row-exhibitor' }, booth.exhibitor.name) : null,
            mine ? h('span', { class: 'block small mine-note' }, t('booths.yoursTitle')) : null));
        }),
      }));
  }

  function drawCount() {
    const all = hallBooths();
    count.textContent = t('booths.count', {
      count: all.length, shown: all.filter(matches).length, free: all.filter((booth) => booth.status === 'free').length,
    });
  }

  // ---------- The detail of the chosen booth ----------

  const detail = h('aside', { class: 'panel booth-detail', 'aria-labelledby': 'booth-detail-title', 'data-testid': 'booth-detail' });
  detail.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && selectedId !== null) {
      event.preventDefault();
      close();
    }
  });

  function placeholder() {
    detail.dataset.id = '';
    detail.dataset.status = '';
    detail.replaceChildren(
      h('h2', { id: 'booth-detail-title', tabindex: '-1', 'data-testid': 'booth-detail-title' }, t('booths.detail')),
      h('p', { class: 'muted', 'data-testid': 'booth-detail-empty' }, t('booths.choose')));
  }

  function countdown(booth, mine) {
    const left = secondsLeft(booth);
    if (left === null) return null;
    return h('div', { class: `hold-timer${mine ? ' hold-timer-mine' : ''}`, 'data-testid': 'hold-timer' },
      h('p', { class: 'hold-timer-line', role: 'timer', 'aria-atomic': 'true' },
        h('span', {}, t(mine ? 'booths.timer.mine' : 'booths.timer.other')), ' ',
        h('strong', { class: 'hold-clock', 'data-testid': 'hold-countdown', 'data-seconds': left, 'data-countdown': booth.id },
          clock(left))),
      mine ? h('p', { class: 'small' }, t('booths.timer.hint')) : null);
  }

  function qrFigure(booth) {
    const src = qrUrl(fair.id, booth.id);
    const booked = booth.status === 'booked' && booth.exhibitor?.name;
    return h('figure', { class: 'booth-qr', 'data-testid': 'booth-qr' },
      h('img', { src, alt: t('booths.qr.alt', { booth: booth.code }), width: '128', height: '128', loading: 'lazy' }),
      h('figcaption', {},
        h('span', { class: 'block small' }, booked
          ? t('booths.qr.exhibitor', { name: booth.exhibitor.name }) : t('booths.qr.plan')),
        h('a', { href: src, target: '_blank', rel: 'noopener', 'data-testid': 'booth-qr-link' },
          t('booths.qr.print'), h('span', { class: 'visually-hidden' }, ` ${t('common.newTab')}`))));
  }

  /** What the viewer may do with the booth: hold, confirm, release, or why not. */
  function actions(booth, mine) {
    if (!user) {
      return h('p', { class: 'notice notice-info', 'data-testid': 'booth-sign-in' },
        t('booths.signInToHold'), ' ',
        h('a', { href: route('/login', { next: routeNow() }) }, t('nav.signIn')));
    }
    if (organizer) {
      return h('p', {}, h('a', { href: route('/organizer/booths'), 'data-testid': 'booth-manage' }, t('booths.manage')));
    }
    if (user.role !== 'exhibitor') return null;
    if (!profile) {
      return h('p', { class: 'notice notice-info', 'data-testid': 'booth-no-profile' },
        t('booths.needProfile'), ' ', h('a', { href: route('/profile') }, t('booths.createProfile')));
    }
    const failed = (error, action) => {
      if (api.isAbort(error)) return;
      refresh().finally(() => {
        renderDetail({ alert: bookingAlert(error, { action, booth: booth.code, perExhibitor }) });
      });
    };
    if (booth.status === 'free') {
      const hold = h('button', { type: 'button', class: 'button', 'data-testid': 'booth-hold' },
        t('booths.hold', { minutes: holdMinutes }));
      hold.addEventListener('click', async () => {
        const done = busy(hold);
        try {
          const body = await api.post(`/fairs/${fair.id}/booths/${booth.id}/hold`);
          if (Number.isInteger(body?.booking?.id)) rememberBooking(body.booking.id);
          replaceBooth(withDeadline(body.booth));
          announce(liveStatus, t('booths.heldNow', { booth: booth.code, minutes: holdMinutes }));
          renderDetail({ focus: 'booth-confirm' });
        } catch (error) {
          done();
          failed(error, 'hold');
        }
      });
      return h('div', { class: 'booth-actions' },
        h('p', { class: 'small' }, t('booths.holdHint', { minutes: holdMinutes, count: perExhibitor })),
        h('div', { class: 'button-row' }, hold));
    }
    if (!mine) {
      return h('p', { class: 'muted', 'data-testid': 'booth-unavailable' },
        t(booth.status === 'blocked' ? 'booths.notOpen' : 'booths.taken'));
    }
    const release = h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'booth-release' },
      t(booth.status === 'held' ? 'booths.release' : 'booths.cancel'));
    const doRelease = async () => {
      const done = busy(release);
      try {
        await api.del(`/fairs/${fair.id}/booths/${booth.id}/hold`);
        if (booth.booking_id) forgetBooking(booth.booking_id);
        await refresh();
        announce(liveStatus, t('booths.released', { booth: booth.code }));
        renderDetail({ focus: 'booth-detail-title' });
      } catch (error) {
        done();
        failed(error, 'release');
      }
    };
    if (booth.status === 'held') {
      const confirm = h('button', { type: 'button', class: 'button', 'data-testid': 'booth-confirm', id: 'booth-confirm' },
        t('booths.confirm'));
      confirm.addEventListener('click', async () => {
        const done = busy(confirm);
        try {
          const updated = await api.post(`/fairs/${fair.id}/booths/${booth.id}/confirm`);
          replaceBooth(withDeadline(updated));
          announce(liveStatus, t('booths.confirmed', { booth: booth.code }));
          renderDetail({ focus: 'booth-detail-title' });
        } catch (error) {
          done();
          failed(error, 'confirm');
        }
      });
      release.addEventListener('click', doRelease);
      return h('div', { class: 'booth-actions' }, h('div', { class: 'button-row' }, confirm, release));
    }
    // A confirmed or booked booth: cancelling asks once more.
    const note = h('p', { 'data-testid': 'booth-mine-note' },
      t(booth.status === 'booked' ? 'booths.bookedMine' : 'booths.awaiting'));
    const area = h('div', { class: 'button-row' }, release);
    release.addEventListener('click', () => {
      const yes = h('button', { type: 'button', class: 'button button-danger', 'data-testid': 'booth-cancel-confirm' },
        t('booths.cancelYes'));
      const no = h('button', { type: 'button', class: 'link-button', 'data-testid': 'booth-cancel-no',
        onclick: () => {
          area.replaceChildren(release);
          release.focus();
        } }, t('booths.cancelNo'));
      yes.addEventListener('click', () => {
        release.replaceWith(yes);
        doRelease();
      }, { once: true });
      area.replaceChildren(h('p', { class: 'warning', id: 'booth-cancel-question' }, t('booths.cancelAsk', { booth: booth.code })), yes, no);
      yes.focus();
    });
    return h('div', { class: 'booth-actions' }, note, area);
  }

  /** Draws the chosen booth; alert: a problem to show in it; focus: the id of an element to focus afterwards. */
  function renderDetail({ alert = null, focus = null } = {}) {
    const booth = selectedId === null ? null : byId.get(selectedId);
    if (!booth) {
      placeholder();
      return;
    }
    const mine = isMine(booth);
    const boothHall = halls.find((candidate) => candidate.id === booth.hall_id);
    const alertSlot = h('div', { class: 'form-alerts', 'data-testid': 'booth-alerts' }, alert);
    detail.dataset.id = String(booth.id);
    detail.dataset.status = booth.status;
    detail.replaceChildren();
    append(detail, [
      h('div', { class: 'booth-detail-head' },
        h('h2', { id: 'booth-detail-title', tabindex: '-1', 'data-testid': 'booth-detail-title' },
          t('booths.detailOf', { booth: booth.code })),
        h('button', { type: 'button', class: 'link-button', 'data-testid': 'booth-close', onclick: close,
          'aria-label': t('booths.closeNamed', { booth: booth.code }) }, t('booths.close'))),
      h('p', { class: 'booth-detail-status' }, statusBadge(booth.status),
        mine ? h('span', { class: 'badge badge-current', 'data-testid': 'booth-mine' }, t('booths.yoursTitle')) : null),
      facts([
        [t('booths.hall'), hallName(boothHall), 'booth-hall'],
        [t('booths.kind'), kindLabel(booth.kind), 'booth-kind'],
        [t('booths.area'), areaText(booth), 'booth-area'],
        [t('booths.price'), h('span', { class: 'price', 'data-testid': 'booth-price' }, priceText(booth)), 'booth-price-row'],
        booth.exhibitor?.name
          ? [t('booths.exhibitor'), h('a', { href: route(`/exhibitors/${booth.exhibitor.id}`), 'data-testid': 'booth-exhibitor' },
            booth.exhibitor.name), 'booth-exhibitor-row']
          : null,
      ].filter(Boolean), { class: 'facts booth-facts' }),
      countdown(booth, mine),
      alertSlot,
      actions(booth, mine),
      qrFigure(booth)]);
    if (alert) {
      alert.focus?.();
    } else if (focus) {
      detail.querySelector(`#${focus}, [data-testid="${focus}"]`)?.focus();
    }
  }

  // ---------- Choosing, filtering, switching views ----------

  function choose(id) {
    selectedId = id;
    plan.select(id);
    drawList();
    renderDetail({ focus: 'booth-detail-title' });
    replaceRoute(routeNow());
    viewUpdated();
  }

  function close() {
    const id = selectedId;
    selectedId = null;
    plan.select(null);
    drawList();
    placeholder();
    replaceRoute(routeNow());
    viewUpdated();
    // Back to where the booth was chosen.
    if (mode === 'plan') plan.focusBooth(id);
    else listSlot.querySelector(`[data-testid="booth-open"][data-id="${id}"]`)?.focus();
  }

  function apply(list) {
    remembered = myBookings();
    booths = list;
    byId = new Map(booths.map((booth) => [booth.id, booth]));
    plan.update(hallBooths());
    drawList();
    drawCount();
  }

  function replaceBooth(updated) {
    apply(booths.map((booth) => (booth.id === updated.id ? updated : booth)));
  }

  let refreshing = null;
  /** Loads the plan again and redraws it; the detail follows when its booth changed. */
  function refresh() {
    refreshing ??= (async () => {
      try {
        const next = await loadPlan(fair.id, { signal });
        if (profile) pruneBookings(next.booths);
        const before = selectedId === null ? null : byId.get(selectedId);
        apply(next.booths);
        const after = selectedId === null ? null : byId.get(selectedId);
        if (before && after && (before.status !== after.status || before.booking_id !== after.booking_id)) {
          // Focus stays on the same control when it is still there, else goes to the heading.
          const focused = detail.contains(document.activeElement) ? document.activeElement.dataset.testid ?? null : null;
          renderDetail();
          if (focused) (detail.querySelector(`[data-testid="${focused}"]`) ?? detail.querySelector('h2'))?.focus();
        }
      } catch (error) {
        if (!api.isAbort(error)) console.warn('fairmatch: refreshing the floor plan failed', error);
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  const freeOnly = h('input', { type: 'checkbox', id: 'booth-free-only', name: 'free', 'data-testid': 'filter-free',
    checked: filters.free });
  const kindSelect = selectControl({ id: 'booth-kind', name: 'kind', value: filters.kind, testid: 'filter-kind',
    options: [['', t('booths.kind.all')], ...KINDS.map((kind) => [kind, kindLabel(kind)])] });
  const applyFilters = () => {
    filters.free = freeOnly.checked;
    filters.kind = kindSelect.value;
    plan.setFilter(matches);
    drawList();
    drawCount();
    replaceRoute(routeNow());
    viewUpdated();
  };
  freeOnly.addEventListener('change', applyFilters);
  kindSelect.addEventListener('change', applyFilters);
  const filterForm = h('form', { class: 'filters booth-filters', role: 'search', 'aria-label': t('booths.filters'),
    onsubmit: (event) => event.preventDefault() },
  h('span', { class: 'check-inline' }, freeOnly, h('label', { for: 'booth-free-only' }, t('booths.freeOnly'))),
  h('label', { for: 'booth-kind' }, t('booths.kind')), kindSelect);

  const planArea = h('div', { class: 'plan-area', 'data-testid': 'plan-area' }, plan.node, legend(`legend-${hall.id}`));
  const viewButtons = ['plan', 'list'].map((value) => h('button', {
    type: 'button', class: 'view-toggle', 'data-view': value, 'data-testid': `view-${value}`,
    'aria-pressed': String(mode === value), 'aria-controls': value === 'plan' ? 'booth-plan-area' : 'booth-list-area',
    onclick: () => setMode(value),
  }, t(`booths.view.${value}`)));
  planArea.id = 'booth-plan-area';
  listSlot.id = 'booth-list-area';
  function setMode(value) {
    mode = value;
    planArea.hidden = mode !== 'plan';
    listSlot.hidden = mode !== 'list';
    for (const button of viewButtons) button.setAttribute('aria-pressed', String(button.dataset.view === mode));
    replaceRoute(routeNow());
    viewUpdated();
  }
  planArea.hidden = mode !== 'plan';
  listSlot.hidden = mode !== 'list';

  const hallNav = halls.length > 1
    ? h('nav', { class: 'tabs hall-tabs', 'aria-label': t('booths.halls') },
      h('ul', {}, halls.map((candidate) => h('li', {},
        h('a', { href: route('/booths', { hall: candidate.id }), 'aria-current': candidate.id === hall.id ? 'page' : null,
          'data-testid': 'hall-tab', 'data-id': candidate.id }, hallName(candidate))))))
    : null;

  drawList();
  drawCount();
  renderDetail();

  // ---------- Timers: the countdown every second, a refresh now and then ----------

  let mounted = false;
  let lastExpiryRefresh = 0;
  const warned = new Set();
  const node = h('section', { class: 'page booths', 'data-testid': 'booths-page', 'data-hall': hall.id },
    h('div', { class: 'page-head' },
      h('p', { class: 'eyebrow' }, pick(fair, 'name')),
      heading(title),
      h('p', { class: 'lead' }, t('booths.intro', { minutes: holdMinutes, count: perExhibitor })),
      hallNav),
    h('div', { class: 'toolbar booth-toolbar' },
      filterForm,
      h('div', { class: 'view-switch', role: 'group', 'aria-label': t('booths.view') }, viewButtons),
      count),
    liveStatus,
    h('div', { class: 'booths-layout' },
      h('div', { class: 'booths-main' }, planArea, listSlot),
      detail));

  const stop = () => {
    clearInterval(ticker);
    clearInterval(poller);
  };
  const alive = () => {
    if (node.isConnected) mounted = true;
    else if (mounted || signal?.aborted) stop();
    return node.isConnected;
  };
  const ticker = setInterval(() => {
    if (!alive()) return;
    const now = Date.now();
    for (const clockEl of detail.querySelectorAll('[data-countdown]')) {
      const booth = byId.get(Number(clockEl.dataset.countdown));
      const left = booth ? secondsLeft(booth, now) : null;
      if (left === null) continue;
      clockEl.textContent = clock(left);
      clockEl.dataset.seconds = String(left);
      if (left <= WARN_SECONDS && left > 0 && isMine(booth) && !warned.has(booth.booking_id)) {
        warned.add(booth.booking_id);
        announce(liveStatus, t('booths.timer.warn', { booth: booth.code }), 'info');
      }
    }
    const expired = hallBooths().some((booth) => booth.status === 'held' && secondsLeft(booth, now) === 0);
    if (expired && now - lastExpiryRefresh > 5_000) {
      lastExpiryRefresh = now;
      refresh();
    }
  }, TICK_MS);
  const poller = setInterval(() => {
    if (alive() && document.visibilityState === 'visible') refresh();
  }, REFRESH_MS);
  signal?.addEventListener('abort', stop);

  return { title: selectedId !== null ? `${byId.get(selectedId).code} · ${title}` : title, node };
}
