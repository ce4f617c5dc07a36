// The SVG floor plan of one hall: a <rect> per booth in the hall's own
// coordinates (the viewBox is the hall's width × height), zoom and pan by
// buttons, wheel, drag and keyboard (+ − 0 and the arrow keys), every booth a
// focusable button (Tab, then Enter or Space). A booth's status shows as text
// on the plan (its code and a word) and as a pattern, never by colour alone;
// the legend explains the patterns.
//
// The widget owns its DOM: update() re-draws the booths in place, so focus
// and the zoom survive a refresh of the data.

import { h, svg, append } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { STATUSES, statusLabel, boothLabel } from './booth-common.js';

const MIN_SCALE = 1;
const MAX_SCALE = 8;
const STEP = 1.25;
const PAN_SHARE = 0.12;
const DRAG_THRESHOLD_PX = 4;

/**
 * The patterns of the statuses, in user units of size `size`: held has
 * diagonal stripes, confirmed dots, booked a cross-hatch, blocked a dense
 * cross; free is plain.
 */
function patternDefs(prefix, size, only = null) {
  const s = size;
  const pattern = (status, ...children) => {
    if (only && only !== status) return null;
    return svg('pattern', { id: `${prefix}-${status}`, patternUnits: 'userSpaceOnUse', width: s, height: s,
      class: `pat pat-${status}` }, children);
  };
  return svg('defs', {},
    pattern('held', svg('path', { d: `M0,${s} L${s},0 M${-s / 4},${s / 4} L${s / 4},${-s / 4} M${s * 0.75},${s * 1.25} L${s * 1.25},${s * 0.75}`,
      class: 'pat-line', 'stroke-width': s * 0.22 })),
    pattern('confirmed', svg('circle', { cx: s / 2, cy: s / 2, r: s * 0.17, class: 'pat-dot' })),
    pattern('booked', svg('path', { d: `M0,${s / 2} L${s},${s / 2} M${s / 2},0 L${s / 2},${s}`, class: 'pat-line',
      'stroke-width': s * 0.12 })),
    pattern('blocked', svg('path', { d: `M0,0 L${s},${s} M${s},0 L0,${s}`, class: 'pat-line', 'stroke-width': s * 0.1 })));
}

/** The legend: a swatch with the status's pattern and its words, for every status. */
export function legend(prefix = 'legend') {
  const items = STATUSES.map((status) => h('li', { class: 'legend-item', 'data-status': status },
    svg('svg', { class: 'legend-swatch', viewBox: '0 0 36 24', width: '36', height: '24', 'aria-hidden': 'true',
      focusable: 'false' },
    patternDefs(`${prefix}-${status}`, 8, status),
    svg('rect', { x: 1, y: 1, width: 34, height: 22, rx: 2, class: `booth-shape swatch-${status}` }),
    status === 'free' ? null : svg('rect', { x: 1, y: 1, width: 34, height: 22, rx: 2, class: 'booth-pattern',
      fill: `url(#${prefix}-${status}-${status})` })),
    h('span', { class: 'legend-text' },
      h('strong', {}, statusLabel(status)), ' — ', t(`booths.legend.${status}`))));
  items.push(h('li', { class: 'legend-item', 'data-status': 'mine' },
    svg('svg', { class: 'legend-swatch', viewBox: '0 0 36 24', width: '36', height: '24', 'aria-hidden': 'true',
      focusable: 'false' },
    svg('rect', { x: 2.5, y: 2.5, width: 31, height: 19, rx: 2, class: 'booth-shape swatch-mine' })),
    h('span', { class: 'legend-text' }, h('strong', {}, t('booths.yoursTitle')), ' — ', t('booths.legend.mine'))));
  return h('ul', { class: 'plan-legend', 'aria-label': t('booths.legend'), 'data-testid': 'plan-legend' }, items);
}

/** Cuts text to about max characters, with an ellipsis. */
function fit(text, max) {
  const chars = [...String(text)];
  if (chars.length <= max) return text;
  return max <= 1 ? '…' : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** Breaks text into at most maxLines lines of about width characters, at spaces; the last one ends in "…" when cut. */
function wrap(text, width, maxLines) {
  const lines = [];
  let rest = String(text).trim().split(/\s+/);
  while (rest.length > 0 && lines.length < maxLines) {
    let line = rest[0];
    let used = 1;
    while (used < rest.length && [...`${line} ${rest[used]}`].length <= width) {
      line = `${line} ${rest[used]}`;
      used += 1;
    }
    rest = rest.slice(used);
    lines.push(lines.length === maxLines - 1 && rest.length > 0 ? fit(`${line} ${rest.join(' ')}`, width) : fit(line, width));
  }
  return lines;
}

/**
 * The text drawn on a booth: its code, its status in a word, and who has it
 * (when the viewer may know) or "yours". Sized from the booth's rectangle,
 * at most maxFont plan units.
 */
function boothText(booth, mine, maxFont) {
  const { x, y, w, h: height } = booth;
  const big = Math.max(1, Math.min(height * 0.28, w * 0.24, maxFont));
  const small = big * 0.72;
  const widthFor = (size) => Math.max(1, Math.floor((w * 0.92) / (size * 0.56)));
  const lines = [{ text: fit(booth.code, widthFor(big)), size: big, cls: 'booth-code' }];
  const room = (height - big * 1.1) / (small * 1.2);
  if (room >= 1) lines.push({ text: fit(statusLabel(booth.status, { short: true }), widthFor(small)), size: small, cls: 'booth-state' });
  const who = booth.exhibitor?.name ?? (mine ? t('booths.yoursTitle') : null);
  if (who && room >= 2) {
    for (const text of wrap(who, widthFor(small), Math.min(2, Math.floor(room) - 1))) {
      lines.push({ text, size: small, cls: 'booth-name' });
    }
  }
  const total = big + (lines.length - 1) * small * 1.2;
  let baseline = y + (height - total) / 2 + big * 0.8;
  const cx = x + w / 2;
  return lines.map((line, index) => {
    if (index > 0) baseline += small * 1.2;
    return svg('text', { x: cx, y: baseline, 'font-size': line.size.toFixed(2), class: line.cls, 'text-anchor': 'middle',
      'aria-hidden': 'true' }, line.text);
  });
}

/**
 * A floor plan for one hall.
 *   hall: {id, code, width, height, …}; booths: that hall's booths;
 *   title: the plan's accessible name; onActivate(booth): a booth was
 *   clicked, or Enter/Space pressed on it; isMine(booth): the signed-in
 *   exhibitor's own booking.
 * Returns {node, update(booths), setFilter(predicate), select(id), focusBooth(id)}.
 */
export function floorPlan({ hall, booths, title, onActivate, isMine = () => false }) {
  const W = Math.max(1, hall.width);
  const H = Math.max(1, hall.height);
  const prefix = `plan-${hall.id}`;
  const hintId = `${prefix}-hint`;
  const patternSize = Math.max(W, H) / 110;
  // Labels stay in proportion to the hall: a big pavilion gets no giant letters.
  const maxFont = Math.min(W, H) * 0.045;
  let current = new Map();
  let selectedId = null;
  let filter = () => true;
  const nodes = new Map();
  const view = { x: 0, y: 0, w: W, h: H };

  const boothLayer = svg('g', { class: 'booth-layer' });
  const plan = svg('svg', {
    class: 'plan-svg', viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'xMidYMid meet', role: 'group',
    'aria-label': title, 'aria-describedby': hintId, 'data-testid': 'plan-svg', 'data-hall': hall.id,
  },
  patternDefs(prefix, patternSize),
  svg('rect', { x: 0, y: 0, width: W, height: H, class: 'plan-floor', 'aria-hidden': 'true' }),
  boothLayer);

  const zoomText = h('span', { class: 'plan-zoom', 'data-testid': 'plan-zoom', 'aria-live': 'polite' });
  const button = (label, text, testid, action) => h('button', { type: 'button', class: 'button button-secondary button-small plan-button',
    'aria-label': label, title: label, 'data-testid': testid, onclick: action }, h('span', { 'aria-hidden': 'true' }, text));
  const zoomIn = button(t('booths.zoomIn'), '+', 'zoom-in', () => zoomBy(STEP));
  const zoomOut = button(t('booths.zoomOut'), '−', 'zoom-out', () => zoomBy(1 / STEP));
  const reset = h('button', { type: 'button', class: 'button button-secondary button-small', 'data-testid': 'zoom-reset',
    onclick: () => setView(W / 2, H / 2, 1) }, t('booths.zoomReset'));
  const pans = [
    button(t('booths.panLeft'), '←', 'pan-left', () => pan(-1, 0)),
    button(t('booths.panUp'), '↑', 'pan-up', () => pan(0, -1)),
    button(t('booths.panDown'), '↓', 'pan-down', () => pan(0, 1)),
    button(t('booths.panRight'), '→', 'pan-right', () => pan(1, 0)),
  ];
  const controls = h('div', { class: 'plan-controls', role: 'group', 'aria-label': t('booths.controls') },
    h('div', { class: 'button-row' }, zoomIn, zoomOut, reset),
    h('div', { class: 'button-row' }, pans),
    zoomText);
  const viewport = h('div', { class: 'plan-viewport' }, plan);
  const node = h('div', { class: 'plan', 'data-testid': 'floor-plan', 'data-hall': hall.id },
    controls,
    viewport,
    h('p', { class: 'plan-help field-hint', id: hintId }, t('booths.planHelp')));

  function scale() {
    return W / view.w;
  }

  /** Shows the part of the hall around (cx, cy) at the given scale (1 = the whole hall). */
  function setView(cx, cy, nextScale) {
    const s = Math.min(MAX_SCALE, Math.max(MIN_SCALE, nextScale));
    view.w = W / s;
    view.h = H / s;
    view.x = Math.min(W - view.w, Math.max(0, cx - view.w / 2));
    view.y = Math.min(H - view.h, Math.max(0, cy - view.h / 2));
    plan.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
    const percent = Math.round(s * 100);
    zoomText.textContent = t('booths.zoomLevel', { percent: formatNumber(percent) });
    node.dataset.zoom = String(percent);
    zoomIn.disabled = s >= MAX_SCALE;
    zoomOut.disabled = s <= MIN_SCALE;
    for (const control of pans) control.disabled = s <= MIN_SCALE;
  }

  /** Zooms keeping the plan point (px, py) where it is on screen (the centre by default). */
  function zoomBy(factor, px = view.x + view.w / 2, py = view.y + view.h / 2) {
    const s = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale() * factor));
    const w = W / s;
    const hh = H / s;
    const rx = (px - view.x) / view.w;
    const ry = (py - view.y) / view.h;
    setView(px - rx * w + w / 2, py - ry * hh + hh / 2, s);
  }

  function pan(dx, dy) {
    setView(view.x + view.w / 2 + dx * view.w * PAN_SHARE * 2, view.y + view.h / 2 + dy * view.h * PAN_SHARE * 2, scale());
  }

  /** The plan point under a pointer position. */
  function planPoint(clientX, clientY) {
    const matrix = plan.getScreenCTM();
    if (!matrix) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
    const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
    return { x: point.x, y: point.y };
  }

  // Keyboard, anywhere in the plan (its buttons and booths): + − 0 and arrows.
  node.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const actions = {
      '+': () => zoomBy(STEP),
      '=': () => zoomBy(STEP),
      '-': () => zoomBy(1 / STEP),
      '_': () => zoomBy(1 / STEP),
      '0': () => setView(W / 2, H / 2, 1),
      ArrowLeft: () => pan(-1, 0),
      ArrowRight: () => pan(1, 0),
      ArrowUp: () => pan(0, -1),
      ArrowDown: () => pan(0, 1),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  });

  plan.addEventListener('wheel', (event) => {
    event.preventDefault();
    const point = planPoint(event.clientX, event.clientY);
    const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
    zoomBy(Math.exp(-delta * 0.0015), point.x, point.y);
  }, { passive: false });

  // Dragging pans; a drag never counts as a click on the booth it started on.
  let drag = null;
  let suppressClick = false;
  plan.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    drag = { id: event.pointerId, x: event.clientX, y: event.clientY, view: { ...view }, moved: false };
  });
  plan.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    if (!drag.moved) {
      drag.moved = true;
      plan.setPointerCapture?.(event.pointerId);
      plan.classList.add('is-dragging');
    }
    const rect = plan.getBoundingClientRect();
    const unitsPerPx = Math.max(drag.view.w / Math.max(1, rect.width), drag.view.h / Math.max(1, rect.height));
    setView(drag.view.x + drag.view.w / 2 - dx * unitsPerPx, drag.view.y + drag.view.h / 2 - dy * unitsPerPx, W / drag.view.w);
  });
  const endDrag = (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    if (drag.moved) {
      suppressClick = true;
      setTimeout(() => {
        suppressClick = false;
      }, 0);
    }
    plan.classList.remove('is-dragging');
    drag = null;
  };
  plan.addEventListener('pointerup', endDrag);
  plan.addEventListener('pointercancel', endDrag);
  plan.addEventListener('click', (event) => {
    if (!suppressClick) return;
    event.stopPropagation();
    event.preventDefault();
  }, true);

  /** Pans so that a booth that got focus is on screen. */
  function ensureVisible(booth) {
    const inside = booth.x >= view.x && booth.y >= view.y && booth.x + booth.w <= view.x + view.w && booth.y + booth.h <= view.y + view.h;
    if (!inside) setView(booth.x + booth.w / 2, booth.y + booth.h / 2, scale());
  }

  function draw(g, booth) {
    const mine = isMine(booth);
    const shown = filter(booth);
    g.setAttribute('class', ['booth', `booth-${booth.status}`, mine ? 'is-mine' : '', shown ? '' : 'is-dimmed',
      booth.id === selectedId ? 'is-selected' : ''].filter(Boolean).join(' '));
    g.setAttribute('data-status', booth.status);
    g.setAttribute('data-code', booth.code);
    g.setAttribute('aria-label', boothLabel(booth, { mine }));
    if (shown) {
      g.setAttribute('tabindex', '0');
      g.removeAttribute('aria-hidden');
    } else {
      g.setAttribute('tabindex', '-1');
      g.setAttribute('aria-hidden', 'true');
    }
    if (booth.id === selectedId) g.setAttribute('aria-current', 'true');
    else g.removeAttribute('aria-current');
    if (mine) g.setAttribute('data-mine', 'true');
    else g.removeAttribute('data-mine');
    const box = { x: booth.x, y: booth.y, width: booth.w, height: booth.h };
    const inset = Math.min(booth.w, booth.h) * 0.02;
    g.replaceChildren();
    append(g, [
      svg('rect', { ...box, class: 'booth-shape', rx: inset }),
      booth.status === 'free' ? null : svg('rect', { ...box, class: 'booth-pattern', rx: inset, fill: `url(#${prefix}-${booth.status})`,
        'aria-hidden': 'true' }),
      boothText(booth, mine, maxFont)]);
  }

  function boothNode(booth) {
    const g = svg('g', { role: 'button', 'data-testid': 'booth', 'data-id': booth.id });
    g.addEventListener('click', () => onActivate(current.get(booth.id)));
    g.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      onActivate(current.get(booth.id));
    });
    g.addEventListener('focus', () => ensureVisible(current.get(booth.id)));
    return g;
  }

  /** Draws these booths (the hall's), re-using the nodes of booths already on the plan. */
  function update(list) {
    current = new Map(list.map((booth) => [booth.id, booth]));
    for (const [id, g] of nodes) {
      if (!current.has(id)) {
        g.remove();
        nodes.delete(id);
      }
    }
    // In reading order (rows, then columns), which is also the Tab order.
    const ordered = [...list].sort((a, b) => (a.y - b.y) || (a.x - b.x) || a.code.localeCompare(b.code));
    let previous = null;
    for (const booth of ordered) {
      let g = nodes.get(booth.id);
      if (!g) {
        g = boothNode(booth);
        nodes.set(booth.id, g);
      }
      draw(g, booth);
      // Moved only when out of order: moving a node would take the focus away from it.
      const expected = previous ? previous.nextSibling : boothLayer.firstChild;
      if (g !== expected) boothLayer.insertBefore(g, expected);
      previous = g;
    }
  }

  update(booths);
  setView(W / 2, H / 2, 1);

  return {
    node,
    update,
    setFilter(predicate) {
      filter = predicate;
      for (const [id, g] of nodes) draw(g, current.get(id));
    },
    select(id) {
      const before = selectedId;
      selectedId = id;
      for (const key of [before, id]) {
        if (key !== null && nodes.has(key)) draw(nodes.get(key), current.get(key));
      }
    },
    focusBooth(id) {
      const g = nodes.get(id);
      if (!g) return false;
      g.focus();
      return true;
    },
  };
}
