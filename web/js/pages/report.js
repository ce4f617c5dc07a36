// #/organizer/report — the programme report as the organizer publishes it:
// exhibitors by province and category, importers by country and how many
// countries, meetings requested to held, contracts and their value in USD,
// the average per exhibitor, top categories. Figures, charts (each with its
// table), the CSV download and a print layout.

import { h } from '../dom.js';
import { t, formatNumber, formatDateTime } from '../i18n.js';
import * as api from '../api.js';
import { barChart, usdFormat, countFormat, openTablesWhilePrinting } from '../charts.js';
import { organizerFair, organizerHead } from './organizer.js';
import { rowName, usdWhole, dealParts, meetingParts } from './live-common.js';

const MEETING_STAGES = ['requested', 'accepted', 'scheduled', 'held', 'no_show'];

function countRows(list) {
  return (list ?? []).map((row) => ({ key: row.code, label: rowName(row), value: Number(row.count) || 0 }));
}

function valueRows(list) {
  return (list ?? []).map((row) => ({ key: row.code, label: rowName(row), value: Number(row.usd_cents) || 0 }));
}

function figure(label, value, testid, detail = null) {
  return h('li', { class: 'stat', 'data-testid': testid },
    h('span', { class: 'stat-value', 'data-testid': `${testid}-value` }, value),
    h('span', { class: 'stat-label' }, label),
    detail ? h('span', { class: 'stat-detail small', 'data-testid': `${testid}-detail` }, detail) : null);
}

function chartOf(options, rows, signal) {
  const chart = barChart(options);
  chart.update(rows);
  signal.addEventListener('abort', () => chart.destroy(), { once: true });
  return chart.node;
}

export async function render({ signal }) {
  const { fair, view } = await organizerFair({ signal, tab: 'report' });
  if (view) return view;
  const report = await api.get(`/fairs/${fair.id}/report`, { signal });
  const title = t('report.title');
  const ex = report?.exhibitors ?? {};
  const im = report?.importers ?? {};
  const meetings = report?.meetings ?? {};
  const deals = report?.deals ?? {};
  const n = (value) => Number(value) || 0;

  const csvHref = `/api/v1/fairs/${encodeURIComponent(fair.id)}/report.csv`;
  const actions = h('div', { class: 'button-row report-actions no-print' },
    h('a', { class: 'button', href: csvHref, download: 'fairmatch-report.csv', 'data-testid': 'report-csv' }, t('report.csv')),
    h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'report-print',
      onclick: () => window.print() }, t('report.print')));

  const section = (id, heading, ...children) => h('section', { class: 'report-section', 'aria-labelledby': id },
    h('h2', { id }, heading), ...children);

  const node = h('section', { class: 'page organizer report-page', 'data-testid': 'report-page' },
    organizerHead(fair, title, 'report', t('report.intro')),
    actions,
    h('p', { class: 'print-only small' }, t('report.generated', { time: formatDateTime(Math.floor(Date.now() / 1000)) })),
    section('report-summary-title', t('report.summary'),
      h('ul', { class: 'stats report-stats' },
        figure(t('report.exhibitors'), formatNumber(n(ex.total)), 'report-exhibitors',
          t('report.exhibitorsDetail', { count: n(ex.provinces) })),
        figure(t('report.importers'), formatNumber(n(im.total)), 'report-importers',
          t('report.importersDetail', { count: n(im.countries) })),
        figure(t('report.checkIns'), formatNumber(n(report?.check_ins)), 'report-check-ins'),
        figure(t('report.meetingsHeld'), formatNumber(n(meetings.held)), 'report-meetings-held',
          meetingParts(meetings)),
        figure(t('report.contracts'), formatNumber(n(deals.contracts)), 'report-contracts',
          t('report.contractsDetail', { parts: dealParts(deals, ['samples', 'negotiations']) })),
        figure(t('report.contractValue'), usdWhole(deals.contract_value_usd_cents), 'report-contract-value'),
        figure(t('report.averagePerExhibitor'), usdWhole(deals.average_per_exhibitor_usd_cents), 'report-average',
          t('report.averageDetail', { value: usdWhole(deals.average_per_contracting_exhibitor_usd_cents) })))),
    section('report-participants-title', t('report.participants'),
      h('div', { class: 'chart-grid' },
        chartOf({ title: t('report.chart.byProvince'), testid: 'chart-report-province', valueLabel: t('report.chart.exhibitors'),
          format: countFormat, horizontal: true, tall: true, limit: 15 }, countRows(ex.by_province), signal),
        chartOf({ title: t('report.chart.byCategory'), testid: 'chart-report-category', valueLabel: t('report.chart.exhibitors'),
          format: countFormat, horizontal: true, color: 2, tall: true, limit: 15 }, countRows(ex.by_category), signal),
        chartOf({ title: t('report.chart.byCountry'), testid: 'chart-report-country', valueLabel: t('report.chart.importers'),
          format: countFormat, horizontal: true, color: 1, tall: true, limit: 15 }, countRows(im.by_country), signal),
        chartOf({ title: t('report.chart.meetings'), testid: 'chart-report-meetings', valueLabel: t('report.chart.meetingsCount'),
          format: countFormat, color: 3 }, MEETING_STAGES.map((stage) => ({ key: stage, label: t(`report.meetings.${stage}`),
          value: n(meetings[stage]) })), signal))),
    section('report-deals-title', t('report.deals'),
      h('div', { class: 'chart-grid' },
        chartOf({ title: t('report.chart.valueByCategory'), testid: 'chart-report-deal-category', valueLabel: t('live.chart.usd'),
          format: usdFormat, horizontal: true, color: 2, emptyText: t('live.noContracts'), limit: 15 }, valueRows(deals.by_category), signal),
        chartOf({ title: t('report.chart.valueByCountry'), testid: 'chart-report-deal-country', valueLabel: t('live.chart.usd'),
          format: usdFormat, horizontal: true, color: 3, emptyText: t('live.noContracts'), limit: 15 }, valueRows(deals.by_country), signal))),
    section('report-top-title', t('report.topCategories'),
      (report?.top_categories ?? []).length === 0
        ? h('p', { class: 'muted' }, t('chart.empty'))
        : h('ol', { class: 'top-list', 'data-testid': 'report-top-categories' }, (report.top_categories).map((row) => h('li', {},
          h('span', {}, rowName(row)), ' ', h('span', { class: 'muted' }, t('report.exhibitorCount', { count: n(row.count) })))))));
  openTablesWhilePrinting(node, signal);
  return { title, node };
}
