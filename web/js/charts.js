// Charts for figures people compare (check-ins by hour, deal value by
// country…), drawn with Chart.js and always paired with the same figures as a
// table, for screen readers, for printing and for when the charts cannot load.
//
// Chart.js is pinned in web/package.json and served from /node_modules. The
// UMD build is self-contained, so it is loaded on first use with a
// <script src> (allowed by the CSP's script-src 'self'); its ES module build
// imports a bare specifier that browsers cannot resolve without an import map.
// Chart.js sizes its canvas through the CSSOM, which style-src 'self' allows.

import { h } from './dom.js';
import { t, locale, formatNumber } from './i18n.js';

const CHART_JS = '/node_modules/chart.js/dist/chart.umd.min.js';

let loading = null;

/**
 * Resolves to the Chart constructor, loading Chart.js once; rejects when it
 * cannot be loaded (and keeps rejecting until the page is loaded again).
 */
export function loadChartJs() {
  if (globalThis.Chart) return Promise.resolve(globalThis.Chart);
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = CHART_JS;
    script.async = true;
    script.addEventListener('load', () => {
      if (globalThis.Chart) resolve(globalThis.Chart);
      else reject(new Error('Chart.js loaded without defining Chart'));
    });
    script.addEventListener('error', () => {
      script.remove();
      console.warn(`fairmatch: charts unavailable: Chart.js could not be loaded from ${CHART_JS}`);
      reject(new Error(`Chart.js could not be loaded from ${CHART_JS}`));
    });
    document.head.append(script);
  });
  return loading;
}

/** The palette, from the stylesheet's custom properties (one place for colours). */
function palette() {
  const style = getComputedStyle(document.documentElement);
  const read = (name, fallback) => style.getPropertyValue(name).trim() || fallback;
  return {
    bars: [read('--terracotta', '#a4481f'), read('--indigo', '#34507a'), read('--jade', '#2f6b4f'), read('--gold', '#c8962e')],
    ink: read('--ink-soft', '#5e5046'),
    grid: read('--line', '#e2d5c3'),
    font: read('--font-sans', 'system-ui, sans-serif'),
  };
}

function reducedMotion() {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

let sequence = 0;

/**
 * A bar chart with its table: barChart({title, testid, valueLabel, format,
 * horizontal, color, limit}) → {node, update(rows)}. rows is [{key, label,
 * value}], largest first when order matters; the chart draws the first
 * `limit` of them (a long tail would squash the bars), the table lists them
 * all. format(value) writes a value for people (default: a plain number).
 * The figure carries data-values (the values drawn, JSON) and data-state
 * ("drawn", "table" when Chart.js is unavailable) for tests.
 */
export function barChart({ title, testid, valueLabel, format = formatNumber, horizontal = false, color = 0,
  emptyText = t('chart.empty'), tall = false, limit = Infinity }) {
  const id = `chart-${++sequence}`;
  const canvas = h('canvas', { id: `${id}-canvas`, role: 'img', 'aria-label': title, 'data-testid': `${testid}-canvas` });
  const canvasBox = h('div', { class: tall ? 'chart-canvas chart-canvas-tall' : 'chart-canvas' }, canvas);
  const empty = h('p', { class: 'chart-empty', 'data-testid': `${testid}-empty`, hidden: true }, emptyText);
  const body = h('tbody', {});
  const tableBox = h('details', { class: 'chart-data' },
    h('summary', {}, t('chart.showTable')),
    h('table', { class: 'data-table chart-table', 'data-testid': `${testid}-table` },
      h('caption', { class: 'visually-hidden' }, title),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('chart.item')), h('th', { scope: 'col', class: 'num' }, valueLabel))),
      body));
  const note = h('p', { class: 'chart-note small muted', hidden: true }, t('chart.unavailable'));
  const more = h('p', { class: 'chart-more small muted', hidden: true });
  const node = h('figure', { class: 'chart', 'data-testid': testid, 'aria-labelledby': `${id}-title`, 'data-state': 'loading' },
    h('figcaption', { id: `${id}-title`, class: 'chart-title' }, title),
    canvasBox, more, empty, note, tableBox);

  let chart = null;
  let rows = [];
  let all = [];
  let failed = false;

  const describe = () => {
    // The canvas speaks for itself to screen readers: its title and the first figures.
    const shown = rows.slice(0, 8).map((row) => `${row.label}: ${format(row.value)}`).join('; ');
    canvas.setAttribute('aria-label', rows.length ? `${title}. ${shown}${rows.length > 8 ? '; …' : ''}` : `${title}. ${emptyText}`);
  };

  const drawTable = () => {
    body.replaceChildren(...all.map((row) => h('tr', { 'data-key': row.key },
      h('th', { scope: 'row' }, row.label), h('td', { class: 'num' }, format(row.value)))));
  };

  const draw = (Chart) => {
    const colors = palette();
    const values = rows.map((row) => row.value);
    const labels = rows.map((row) => row.label);
    if (chart) {
      chart.data.labels = labels;
      chart.data.datasets[0].data = values;
      chart.update();
      return;
    }
    chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels,
        datasets: [{ label: valueLabel, data: values, backgroundColor: colors.bars[color % colors.bars.length],
          borderRadius: 3, maxBarThickness: 36 }],
      },
      options: {
        locale: locale(),
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: reducedMotion() ? false : { duration: 300 },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (context) => `${valueLabel}: ${format(context.parsed[horizontal ? 'x' : 'y'])}` } },
        },
        scales: {
          [horizontal ? 'x' : 'y']: {
            beginAtZero: true,
            ticks: { color: colors.ink, precision: 0, callback: (value) => format(value, { compact: true }) },
            grid: { color: colors.grid },
          },
          [horizontal ? 'y' : 'x']: {
            ticks: { color: colors.ink, autoSkip: !horizontal },
            grid: { display: false },
          },
        },
      },
    });
  };

  const update = (next) => {
    all = next.filter((row) => Number.isFinite(row.value));
    rows = all.slice(0, limit);
    more.hidden = all.length <= rows.length;
    more.textContent = more.hidden ? '' : t('chart.more', { count: all.length - rows.length });
    drawTable();
    describe();
    const isEmpty = rows.length === 0;
    empty.hidden = !isEmpty;
    canvasBox.hidden = isEmpty || failed;
    node.dataset.values = JSON.stringify(rows.map((row) => [row.key, row.value]));
    if (failed) return;
    loadChartJs().then((Chart) => {
      if (isEmpty && !chart) {
        node.dataset.state = 'drawn';
        return;
      }
      draw(Chart);
      node.dataset.state = 'drawn';
    }).catch(() => {
      failed = true;
      canvasBox.hidden = true;
      note.hidden = false;
      tableBox.open = true;
      node.dataset.state = 'table';
    });
  };

  return {
    node,
    update,
    /** Frees the chart (its canvas and listeners). */
    destroy() {
      chart?.destroy();
      chart = null;
    },
  };
}

/** Formats USD cents for a chart: whole dollars, or compact ("$1.2M") on an axis. */
export function usdFormat(cents, { compact = false } = {}) {
  const options = { style: 'currency', currency: 'USD', maximumFractionDigits: 0 };
  if (compact) options.notation = 'compact';
  return new Intl.NumberFormat(locale(), options).format(cents / 100);
}

/** Formats a count for a chart (compact on an axis). */
export function countFormat(value, { compact = false } = {}) {
  return compact ? new Intl.NumberFormat(locale(), { notation: 'compact' }).format(value) : formatNumber(value);
}

/** Opens every chart's table while printing (the charts alone do not give exact figures on paper). */
export function openTablesWhilePrinting(root, signal) {
  let opened = [];
  const before = () => {
    opened = [...root.querySelectorAll('details.chart-data:not([open])')];
    for (const details of opened) details.open = true;
  };
  const after = () => {
    for (const details of opened) details.open = false;
    opened = [];
  };
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  signal?.addEventListener('abort', () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
  }, { once: true });
}
