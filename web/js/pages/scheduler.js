// #/organizer/schedule[?run=ID] — the organizer runs the scheduler on the
// accepted requests: a time budget and a seed, then a progress bar (the run
// is polled every 300 ms), then the result: meetings held against those
// requested (must-meet and would-like apart, and the priority weight),
// breaks, the unscheduled meetings with their reasons, the fill-in meetings
// it placed (when asked to fill free slots from the recommendations);
// publish makes it the fair's schedule — when that would move or cancel
// published meetings the server answers 409 with the list, shown here with a
// confirm button. The earlier runs are listed below.

import { h, route } from '../dom.js';
import { t, formatNumber, locale } from '../i18n.js';
import * as api from '../api.js';
import { replaceRoute, viewUpdated } from '../nav.js';
import { field, FormErrors, busy, statusRegion, announce } from '../forms.js';
import { table, timeEl } from './common.js';
import { organizerFair, organizerHead } from './organizer.js';
import { priorityBadge, meetingAlert, problemType, fillInReason } from './meeting-common.js';

export const POLL_MS = 300;
const RUN_STATUSES = ['running', 'done', 'failed', 'published'];
const REASONS = ['no_common_slot', 'no_table', 'capacity', 'precedence', 'absent', 'cancelled', 'not_selected', 'fixed_slot_gone'];
const CHANGES = ['moved', 'cancelled', 'added_in_past'];

function whenText(slot) {
  if (!slot) return '—';
  return slot.day ? `${slot.day} ${slot.local_start}–${slot.local_end}` : slot.start;
}

function runBadge(status, testid = 'run-status') {
  const known = RUN_STATUSES.includes(status);
  return h('span', { class: `badge run-badge run-${known ? status : 'unknown'}`, 'data-testid': testid, 'data-status': status },
    known ? t(`meetings.run.status.${status}`) : status);
}

export function reasonText(code) {
  return REASONS.includes(code) ? t(`meetings.reason.${code}`) : t('meetings.reason.unknown', { code: code ?? '' });
}

/** A share (0–1) or a progress (0–100) as a percentage in the UI language: "100%". */
function percentText(value, { of = 1 } = {}) {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 1 }).format(value / of);
}

function secondsText(value) {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(Number(value) || 0);
}

function stat(label, value, testid, detail = null) {
  return h('li', { class: 'stat', 'data-testid': testid },
    h('span', { class: 'stat-value', 'data-testid': `${testid}-value` }, value),
    h('span', { class: 'stat-label' }, label),
    detail ? h('span', { class: 'stat-detail small muted' }, detail) : null);
}

/** The figures of a finished run: held vs requested, priority weight, breaks, fairness, time. */
function figuresView(f) {
  return h('div', { class: 'run-figures' },
    h('ul', { class: 'stats run-stats', 'data-testid': 'run-figures' },
      stat(t('meetings.run.held'), t('meetings.run.heldOf', { held: f.held, requested: f.requested }), 'figure-held',
        t('meetings.run.heldDetail', { must: f.must_meet?.held ?? 0, mustOf: f.must_meet?.requested ?? 0,
          would: f.would_like?.held ?? 0, wouldOf: f.would_like?.requested ?? 0 })),
      stat(t('meetings.run.weight'), f.weight_requested ? percentText(f.weight_held / f.weight_requested) : '—', 'figure-weight',
        t('meetings.run.weightDetail', { held: f.weight_held ?? 0, requested: f.weight_requested ?? 0 })),
      stat(t('meetings.run.breaks'), formatNumber(f.breaks ?? 0), 'figure-breaks',
        f.breaks_lower_bound > 0 ? t('meetings.run.breaksBound', { bound: f.breaks_lower_bound }) : null),
      stat(t('meetings.run.unscheduled'), formatNumber(f.unscheduled ?? 0), 'figure-unscheduled'),
      f.fill_ins?.candidates > 0 || f.fill_ins?.held > 0
        ? stat(t('meetings.run.fillIns'), formatNumber(f.fill_ins.held ?? 0), 'figure-fill-ins',
          t('meetings.run.fillInsDetail', { candidates: f.fill_ins.candidates ?? 0, score: f.fill_ins.score ?? 0 }))
        : null),
    h('p', { class: 'small muted', 'data-testid': 'run-extra' },
      t('meetings.run.extra', { participants: f.participants ?? 0, slots: f.slots ?? 0, seconds: secondsText(f.seconds_used),
        shortfall: f.max_importer_shortfall ?? 0 })),
    h('p', { class: 'small muted' }, t('meetings.run.breaksExplained')));
}

function unscheduledView(items, figures) {
  if (!items?.length) {
    return h('p', { class: 'notice notice-success', 'data-testid': 'unscheduled-none' }, t('meetings.run.allHeld'));
  }
  const counts = figures?.unscheduled_reasons ?? {};
  return h('div', { class: 'unscheduled', 'data-testid': 'unscheduled' },
    h('h3', {}, t('meetings.run.unscheduledTitle', { count: items.length })),
    h('ul', { class: 'chips', 'data-testid': 'reason-counts' }, Object.entries(counts).map(([code, count]) =>
      h('li', { class: 'chip', 'data-code': code }, `${reasonText(code)}: ${formatNumber(count)}`))),
    table({
      caption: t('meetings.run.unscheduledCaption'),
      captionHidden: true,
      testid: 'unscheduled-table',
      headers: [t('meetings.run.request'), t('role.importer'), t('role.exhibitor'), t('meetings.request.priority'), t('meetings.run.reason')],
      rows: items.map((item) => h('tr', { 'data-testid': 'unscheduled-row', 'data-request': item.request_id, 'data-reason': item.reason },
        h('td', {}, `#${item.request_id}`),
        h('td', {}, item.importer?.name ?? ''),
        h('td', { lang: 'vi' }, h('a', { href: route(`/exhibitors/${item.exhibitor?.id}`) }, item.exhibitor?.name ?? '')),
        h('td', {}, priorityBadge(item.priority)),
        h('td', { 'data-testid': 'unscheduled-reason' }, reasonText(item.reason)))),
    }));
}

function fillInsView(items) {
  if (!items?.length) return null;
  return h('div', { class: 'fill-ins', 'data-testid': 'fill-ins' },
    h('h3', {}, t('meetings.run.fillInsTitle', { count: items.length })),
    h('p', { class: 'small muted' }, t('meetings.run.fillInsHint')),
    table({
      caption: t('meetings.run.fillInsTitle', { count: items.length }),
      captionHidden: true,
      testid: 'fill-ins-table',
      headers: [t('role.importer'), t('role.exhibitor'), t('meetings.run.when'), t('meetings.run.where'), t('meetings.run.score'),
        t('meetings.run.reason')],
      rows: items.map((item) => h('tr', { 'data-testid': 'fill-in-row', 'data-importer': item.importer?.id, 'data-exhibitor': item.exhibitor?.id },
        h('td', {}, item.importer?.name ?? ''),
        h('td', { lang: 'vi' }, item.exhibitor?.name ?? ''),
        h('td', {}, whenText(item)),
        h('td', {}, item.location ?? ''),
        h('td', { 'data-testid': 'fill-in-score' }, formatNumber(item.score ?? 0)),
        h('td', {}, fillInReason(item.reason)))),
    }));
}

/** The 409 publish-needs-confirmation answer: counts, the first affected meetings, and a confirm button. */
function publishWarning(problem, onConfirm, onCancel) {
  const affected = Array.isArray(problem?.affected) ? problem.affected : [];
  const total = Number(problem?.affected_total ?? affected.length);
  const confirm = h('button', { type: 'button', class: 'button button-danger', 'data-testid': 'publish-confirm' }, t('meetings.run.confirmPublish'));
  const cancel = h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'publish-cancel' }, t('meetings.run.keepPublished'));
  confirm.addEventListener('click', () => onConfirm(confirm));
  cancel.addEventListener('click', onCancel);
  return h('div', { class: 'notice notice-warning publish-warning', role: 'alert', tabindex: '-1', 'data-testid': 'publish-warning' },
    h('p', { class: 'alert-title' }, t('meetings.run.warningTitle')),
    h('p', { 'data-testid': 'publish-warning-counts' }, t('meetings.run.warningCounts', { moved: problem?.moved ?? 0,
      cancelled: problem?.cancelled ?? 0, started: problem?.started ?? 0 })),
    table({
      caption: t('meetings.run.warningCaption'),
      captionHidden: true,
      testid: 'publish-warning-table',
      headers: [t('meetings.run.change'), t('role.importer'), t('role.exhibitor'), t('meetings.run.before'), t('meetings.run.after')],
      rows: affected.map((item) => h('tr', { 'data-testid': 'affected-row', 'data-change': item.change, 'data-request': item.request_id },
        h('td', {}, CHANGES.includes(item.change) ? t(`meetings.run.change.${item.change}`) : item.change,
          item.started ? [' ', h('span', { class: 'badge badge-moved' }, t('meetings.run.startedBadge'))] : null),
        h('td', {}, item.importer?.name ?? ''),
        h('td', { lang: 'vi' }, item.exhibitor?.name ?? ''),
        h('td', {}, item.before ? `${whenText(item.before)} · ${item.before.location}` : '—'),
        h('td', {}, item.after ? `${whenText(item.after)} · ${item.after.location}` : '—'))),
    }),
    total > affected.length ? h('p', { class: 'small muted' }, t('meetings.run.warningMore', { count: total - affected.length })) : null,
    h('div', { class: 'form-actions' }, confirm, cancel));
}

function runsTable(runs, current) {
  if (!runs.length) return h('p', { class: 'muted', 'data-testid': 'runs-empty' }, t('meetings.run.none'));
  return table({
    caption: t('meetings.run.listCaption'),
    testid: 'runs-table',
    headers: [t('meetings.run.run'), t('meetings.run.startedAt'), t('meetings.run.statusLabel'), t('meetings.run.held'),
      t('meetings.run.breaks'), h('span', { class: 'visually-hidden' }, t('common.actions'))],
    rows: runs.map((run) => h('tr', { 'data-testid': 'run-row', 'data-id': run.id, 'aria-current': run.id === current ? 'true' : null },
      h('th', { scope: 'row' }, `#${run.id}`),
      h('td', {}, timeEl(run.started_at)),
      h('td', {}, runBadge(run.status, 'run-row-status')),
      h('td', {}, run.figures ? t('meetings.run.heldOf', { held: run.figures.held, requested: run.figures.requested }) : '—'),
      h('td', {}, run.figures ? formatNumber(run.figures.breaks ?? 0) : '—'),
      h('td', {}, run.id === current
        ? h('span', { class: 'muted' }, t('meetings.run.shown'))
        : h('a', { href: route('/organizer/schedule', { run: run.id }), 'data-testid': 'run-view' },
          t('meetings.run.view', { id: String(run.id) }))))),
  });
}

export async function render({ query, signal }) {
  const { fair, view } = await organizerFair({ signal, tab: 'schedule' });
  if (view) return view;
  const wanted = /^[1-9]\d{0,17}$/.test(query.get('run') ?? '') ? Number(query.get('run')) : null;
  const [grid, runs] = await Promise.all([
    api.get(`/fairs/${fair.id}/grid`, { signal }),
    api.get(`/fairs/${fair.id}/schedule-runs`, { params: { limit: 10 }, signal }),
  ]);
  let runList = runs?.items ?? [];
  const shownId = wanted ?? runList[0]?.id ?? null;
  let run = shownId ? await api.get(`/fairs/${fair.id}/schedule-runs/${shownId}`, { signal }) : null;

  const title = t('meetings.run.pageTitle');
  const liveStatus = statusRegion('run-announce');
  const resultSlot = h('div', { 'data-testid': 'run-slot' });
  const runsSlot = h('div', {}, runsTable(runList, run?.id));

  // ---- The start form ----
  const alertSlot = h('div', { class: 'form-alerts' });
  const seconds = h('input', { type: 'number', id: 'run-seconds', name: 'seconds', min: '1', max: '60', step: '1', inputmode: 'numeric',
    value: '10', 'data-testid': 'run-seconds' });
  const seed = h('input', { type: 'number', id: 'run-seed', name: 'seed', min: '0', step: '1', inputmode: 'numeric',
    value: '1', 'data-testid': 'run-seed' });
  const fillIns = h('input', { type: 'checkbox', id: 'run-fill-ins', name: 'fill_ins', 'data-testid': 'run-fill-ins',
    'aria-describedby': 'run-fill-ins-hint' });
  const start = h('button', { type: 'submit', class: 'button', 'data-testid': 'run-start' }, t('meetings.run.start'));
  const form = h('form', { class: 'form run-form', novalidate: true, 'data-testid': 'run-form' },
    alertSlot,
    h('div', { class: 'form-grid' },
      field({ name: 'seconds', label: t('meetings.run.seconds'), control: seconds, hint: t('meetings.run.secondsHint'), required: true }),
      field({ name: 'seed', label: t('meetings.run.seed'), control: seed, hint: t('meetings.run.seedHint') }),
      h('div', { class: 'field field-check field-wide', 'data-field': 'fill_ins' },
        h('div', { class: 'check-line' }, fillIns, h('label', { for: 'run-fill-ins' }, t('meetings.run.fillInsOption'))),
        h('p', { class: 'field-hint', id: 'run-fill-ins-hint' }, t('meetings.run.fillInsOptionHint')),
        h('p', { class: 'field-error', id: 'run-fill-ins-error', hidden: true }))),
    h('div', { class: 'form-actions' }, start));
  const errors = new FormErrors(form, alertSlot);

  let polling = null;
  // The router aborts signal when another view (or this one again) is rendered: polling stops then.
  const stillHere = () => !signal.aborted;

  // ---- The run: progress while running, then the result ----
  function drawRun(focus = false) {
    if (!run) {
      resultSlot.replaceChildren();
      return;
    }
    const running = run.status === 'running';
    const progress = Math.max(0, Math.min(100, Number(run.progress ?? (running ? 0 : 100)) || 0));
    const headingNode = h('h2', { id: 'run-title', tabindex: '-1', 'data-testid': 'run-title' },
      t('meetings.run.title', { id: String(run.id) }), ' ', runBadge(run.status));
    const bar = h('div', { class: 'run-progress' },
      h('label', { for: 'run-progress', id: 'run-progress-label' }, t('meetings.run.progress')),
      h('progress', { id: 'run-progress', max: '100', value: String(progress), 'data-testid': 'run-progress',
        'data-value': String(progress), 'aria-valuetext': percentText(progress, { of: 100 }) }, percentText(progress, { of: 100 })),
      h('span', { class: 'run-progress-text', 'data-testid': 'run-progress-text' }, percentText(progress, { of: 100 })));
    const parts = [headingNode,
      h('p', { class: 'small muted' }, t('meetings.run.started', { seconds: run.seconds, seed: run.seed }), ' ', timeEl(run.started_at)),
      bar];
    if (running) {
      parts.push(h('p', { class: 'muted', 'data-testid': 'run-running' }, t('meetings.run.running')));
    } else if (run.status === 'failed') {
      parts.push(h('div', { class: 'notice notice-error', role: 'alert', 'data-testid': 'run-failed' },
        h('p', { class: 'alert-title' }, t('meetings.run.failed')),
        run.error ? h('p', { lang: 'en' }, run.error) : null));
    } else {
      if (run.figures) parts.push(figuresView(run.figures));
      parts.push(unscheduledView(run.unscheduled ?? [], run.figures));
      parts.push(fillInsView(run.fill_in_meetings ?? []));
      parts.push(publishArea());
    }
    resultSlot.replaceChildren(h('section', { class: 'panel run-panel', 'aria-labelledby': 'run-title', 'data-testid': 'run-panel',
      'data-status': run.status, 'aria-busy': running ? 'true' : null }, parts));
    if (focus) headingNode.focus();
  }

  function publishArea() {
    const area = h('div', { class: 'publish-area', 'data-testid': 'publish-area' });
    if (run.status === 'published') {
      area.append(h('p', { class: 'notice notice-success', 'data-testid': 'run-published' },
        t('meetings.run.publishedAt'), ' ', timeEl(run.published_at), ' ',
        h('a', { href: route('/organizer/meetings'), 'data-testid': 'to-meetings' }, t('meetings.run.toMeetings'))));
      return area;
    }
    const publishAlert = h('div', { class: 'form-alerts' });
    const publish = h('button', { type: 'button', class: 'button', 'data-testid': 'run-publish' }, t('meetings.run.publish'));
    const send = async (button, confirm) => {
      const done = busy(button);
      publishAlert.replaceChildren();
      try {
        const result = await api.post(`/fairs/${fair.id}/schedule-runs/${run.id}/publish`, confirm ? { confirm: true } : undefined);
        const s = result?.published ?? {};
        run = { ...run, ...result.run, unscheduled: run.unscheduled, fill_in_meetings: run.fill_in_meetings };
        drawRun(true);
        await refreshRuns();
        announce(liveStatus, t('meetings.run.publishedSummary', { count: s.meetings ?? 0, added: s.added ?? 0, moved: s.moved ?? 0,
          unchanged: s.unchanged ?? 0, cancelled: s.cancelled ?? 0 }));
      } catch (error) {
        done();
        if (!confirm && problemType(error) === 'publish-needs-confirmation') {
          publish.style.display = 'none';
          const warning = publishWarning(error.body ?? error.problem, (button2) => send(button2, true), () => {
            publishAlert.replaceChildren();
            publish.style.display = '';
            publish.focus();
          });
          publishAlert.replaceChildren(warning);
          warning.focus?.();
          return;
        }
        const alert = meetingAlert(error);
        publishAlert.replaceChildren(alert);
        alert.focus?.();
      }
    };
    publish.addEventListener('click', () => send(publish, false));
    area.append(h('p', {}, t('meetings.run.publishHint')), publishAlert, publish);
    return area;
  }

  async function refreshRuns() {
    try {
      const fresh = await api.get(`/fairs/${fair.id}/schedule-runs`, { params: { limit: 10 } });
      runList = fresh?.items ?? runList;
      runsSlot.replaceChildren(runsTable(runList, run?.id));
    } catch {
      // The list stays as it was; the run itself is on screen.
    }
  }

  function poll(id) {
    clearTimeout(polling);
    polling = setTimeout(async () => {
      if (!stillHere() || run?.id !== id) return;
      try {
        const next = await api.get(`/fairs/${fair.id}/schedule-runs/${id}`, { signal });
        if (!stillHere() || run?.id !== id) return;
        run = next;
        if (run.status === 'running') {
          const value = Math.max(0, Math.min(100, Number(run.progress) || 0));
          const bar = resultSlot.querySelector('#run-progress');
          if (bar) {
            bar.value = value;
            bar.dataset.value = String(value);
            bar.setAttribute('aria-valuetext', percentText(value, { of: 100 }));
            bar.textContent = percentText(value, { of: 100 });
            resultSlot.querySelector('[data-testid=run-progress-text]').textContent = percentText(value, { of: 100 });
          } else drawRun();
          poll(id);
          return;
        }
        drawRun(true);
        start.disabled = false;
        refreshRuns();
        announce(liveStatus, run.status === 'failed' ? t('meetings.run.failed')
          : t('meetings.run.finished', { held: run.figures?.held ?? 0, requested: run.figures?.requested ?? 0 }), run.status === 'failed' ? 'error' : 'success');
      } catch (error) {
        if (error?.name === 'AbortError' || !stillHere()) return;
        const retry = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-testid': 'run-retry',
          onclick: () => {
            retryBox.remove();
            poll(id);
          } }, t('meetings.run.checkAgain'));
        const retryBox = h('div', { class: 'run-poll-error' }, meetingAlert(error), retry);
        resultSlot.querySelector('.run-panel')?.append(retryBox);
      }
    }, POLL_MS);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    announce(liveStatus, '');
    const budgetText = seconds.value.trim();
    const seedText = seed.value.trim();
    if (!/^\d{1,2}$/.test(budgetText) || Number(budgetText) < 1 || Number(budgetText) > 60) {
      errors.add('seconds', t('validation.range', { min: 1, max: 60 }));
    }
    if (seedText !== '' && !/^\d{1,15}$/.test(seedText)) errors.add('seed', t('validation.integer'));
    if (errors.count > 0) {
      errors.show();
      return;
    }
    const done = busy(start);
    try {
      const body = { seconds: Number(budgetText), fill_ins: fillIns.checked };
      if (seedText !== '') body.seed = Number(seedText);
      run = { ...(await api.post(`/fairs/${fair.id}/schedule-runs`, body)), unscheduled: [], fill_in_meetings: [] };
    } catch (error) {
      done();
      if (problemType(error) === 'run-in-progress' && error.body?.run_id) {
        alertSlot.replaceChildren(meetingAlert(error, h('p', {},
          h('a', { href: route('/organizer/schedule', { run: error.body.run_id }) }, t('meetings.run.view', { id: String(error.body.run_id) })))));
      } else if (Array.isArray(error?.problem?.errors) && error.problem.errors.length > 0) {
        errors.fromProblem(error);
      } else {
        const alert = meetingAlert(error);
        alertSlot.replaceChildren(alert);
        alert.focus?.();
      }
      return;
    }
    done();
    start.disabled = true;
    replaceRoute(route('/organizer/schedule', { run: run.id }));
    drawRun(true);
    viewUpdated();
    announce(liveStatus, t('meetings.run.startedAnnounce', { id: String(run.id) }), 'info');
    refreshRuns();
    poll(run.id);
  });

  drawRun();
  if (run?.status === 'running') {
    start.disabled = true;
    poll(run.id);
  }
  const noGrid = !grid?.defined;
  return {
    title,
    node: h('section', { class: 'page organizer meetings-admin', 'data-testid': 'scheduler-page' },
      organizerHead(fair, title, 'schedule', t('meetings.run.intro')),
      noGrid
        ? h('div', { class: 'notice notice-info', 'data-testid': 'scheduler-no-grid' },
          h('p', {}, t('meetings.run.noGrid')), h('p', {}, h('a', { href: route('/organizer/grid') }, t('meetings.run.toGrid'))))
        : h('p', { class: 'small muted', 'data-testid': 'scheduler-grid' },
          t('meetings.run.gridSummary', { slots: grid.slots?.length ?? 0, days: grid.days?.length ?? 0, tables: grid.tables ?? 0 }),
          ' ', h('a', { href: route('/organizer/grid') }, t('meetings.run.toGrid'))),
      h('section', { class: 'panel', 'aria-labelledby': 'run-form-title' },
        h('h2', { id: 'run-form-title' }, t('meetings.run.new')),
        form),
      liveStatus,
      resultSlot,
      h('section', { class: 'runs-list', 'aria-labelledby': 'runs-title' },
        h('h2', { id: 'runs-title' }, t('meetings.run.list')),
        runsSlot)),
  };
}
