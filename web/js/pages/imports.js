// #/organizer/import — onboarding from a spreadsheet: choose exhibitors or
// importers, pick a CSV file, check it with a dry run (every broken row,
// column and message in a table), then import it (enabled only after a clean
// dry run of that very file) and pass on the invitation links.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import * as api from '../api.js';
import { problemAlert, table } from './common.js';
import { radios, busy, statusRegion, announce, fieldMessage } from '../forms.js';
import { organizerFair, organizerHead } from './organizer.js';
import { copyBox } from './account.js';

export const COLUMNS = {
  exhibitors: ['email', 'name', 'name_en', 'tax_code', 'province', 'craft_village', 'description_vi', 'description_en',
    'categories', 'materials', 'certifications', 'moq', 'monthly_capacity', 'lead_time_days', 'price_tier',
    'export_markets', 'languages', 'website'],
  importers: ['email', 'name', 'country', 'buyer_type', 'categories', 'required_certifications', 'price_tier',
    'order_quantity', 'max_lead_time_days', 'annual_budget_amount', 'annual_budget_currency', 'languages'],
};
const REQUIRED = {
  exhibitors: ['email', 'name', 'tax_code', 'province', 'categories', 'price_tier'],
  importers: ['email', 'name', 'country', 'buyer_type', 'categories', 'price_tier', 'annual_budget_amount',
    'annual_budget_currency', 'languages'],
};

function columnsHelp(kind) {
  return h('details', { class: 'columns-help', 'data-testid': 'columns-help' },
    h('summary', {}, t('import.columns')),
    h('p', { class: 'field-hint' }, t('import.columns.hint')),
    h('ul', { class: 'chips' }, COLUMNS[kind].map((column) => h('li', { class: REQUIRED[kind].includes(column) ? 'chip chip-strong' : 'chip' },
      h('code', {}, column), REQUIRED[kind].includes(column) ? h('span', { class: 'visually-hidden' }, ` (${t('form.required')})`) : null))));
}

function reportView(report) {
  const errors = Array.isArray(report.errors) ? report.errors : [];
  const clean = errors.length === 0;
  return h('section', { class: `import-report ${clean ? 'report-clean' : 'report-broken'}`, 'aria-labelledby': 'report-title',
    'data-testid': 'import-report', 'data-clean': String(clean) },
  h('h2', { id: 'report-title', tabindex: '-1' }, t('import.report.title')),
  h('p', { 'data-testid': 'report-summary' },
    clean
      ? t('import.report.clean', { rows: report.rows ?? 0 })
      : t('import.report.broken', { rows: report.rows ?? 0, valid: report.valid_rows ?? 0, count: errors.length })),
  clean
    ? null
    : table({
      caption: t('import.report.caption'),
      testid: 'import-errors',
      headers: [t('import.report.row'), t('import.report.column'), t('import.report.message')],
      rows: errors.map((error) => h('tr', { 'data-testid': 'import-error-row' },
        h('td', { 'data-testid': 'import-error-line' }, String(error.row)),
        h('td', {}, h('code', { 'data-testid': 'import-error-column' }, error.column)),
        h('td', { 'data-testid': 'import-error-message' }, fieldMessage(error)))),
    }));
}

function invitationsView(result) {
  const invitations = result.invitations ?? [];
  return h('section', { class: 'import-result', 'aria-labelledby': 'result-title', 'data-testid': 'import-result' },
    h('h2', { id: 'result-title', tabindex: '-1' }, t('import.done', { count: result.imported ?? 0 })),
    h('p', {}, t('import.invitations.intro')),
    invitations.length === 0
      ? null
      : table({
        caption: t('import.invitations'),
        testid: 'invitations-table',
        headers: [t('auth.email'), t('import.invitationLink')],
        rows: invitations.map((invitation, index) => h('tr', { 'data-testid': 'invitation-row' },
          h('td', { 'data-testid': 'invitation-email' }, invitation.email),
          h('td', {}, copyBox({ value: invitation.link, id: `invitation-${index}`, testid: 'invitation-link',
            label: t('import.linkFor', { email: invitation.email }) })))),
      }));
}

export async function render({ signal }) {
  const { fair, view } = await organizerFair({ signal, tab: 'import' });
  if (view) return view;
  const title = t('import.title');

  let checked = null; // {file, kind} of the last clean dry run
  const kindGroup = radios({ idPrefix: 'import-kind', name: 'kind', value: 'exhibitors',
    options: [['exhibitors', t('import.kind.exhibitors')], ['importers', t('import.kind.importers')]] });
  const help = h('div', {}, columnsHelp('exhibitors'));
  const fileInput = h('input', { type: 'file', id: 'import-file', name: 'file', accept: '.csv,text/csv', 'data-testid': 'import-file',
    'aria-describedby': 'import-file-hint' });
  const dryRun = h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'import-dry-run' }, t('import.dryRun'));
  const run = h('button', { type: 'button', class: 'button', 'data-testid': 'import-run', disabled: true,
    'aria-describedby': 'import-run-hint' }, t('import.run'));
  const runHint = h('p', { class: 'field-hint', id: 'import-run-hint' }, t('import.run.hint'));
  const status = statusRegion('import-status');
  const output = h('div', { 'data-testid': 'import-output' });

  const kind = () => kindGroup.querySelector('input:checked')?.value ?? 'exhibitors';
  const invalidate = () => {
    checked = null;
    run.disabled = true;
    output.replaceChildren();
    announce(status, '');
  };
  kindGroup.addEventListener('change', () => {
    help.replaceChildren(columnsHelp(kind()));
    invalidate();
  });
  fileInput.addEventListener('change', invalidate);

  const send = async (dry) => {
    const file = fileInput.files?.[0];
    output.replaceChildren();
    if (!file) {
      output.replaceChildren(h('div', { class: 'alert', role: 'alert', 'data-testid': 'error-alert' },
        h('p', { class: 'alert-title' }, t('import.noFile'))));
      fileInput.focus();
      return;
    }
    const which = kind();
    const done = busy(dry ? dryRun : run);
    announce(status, dry ? t('import.checking') : t('import.importing'), 'info');
    try {
      const result = await api.request('POST', `/fairs/${fair.id}/imports/${which}`, {
        params: { dry_run: dry ? 'true' : 'false' }, body: file, contentType: 'text/csv; charset=utf-8',
      });
      if (dry) {
        checked = { file, kind: which };
        output.replaceChildren(reportView(result));
        announce(status, t('import.report.clean', { rows: result.rows ?? 0 }));
      } else {
        checked = null;
        fileInput.value = '';
        output.replaceChildren(invitationsView(result));
        announce(status, t('import.done', { count: result.imported ?? 0 }));
      }
    } catch (error) {
      checked = null;
      const report = error?.status === 422 ? reportFrom(error) : null;
      if (report) {
        output.replaceChildren(reportView(report));
        announce(status, t('import.report.broken', { rows: report.rows ?? 0, valid: report.valid_rows ?? 0,
          count: report.errors.length }), 'error');
      } else {
        announce(status, '');
        output.replaceChildren(problemAlert(error));
      }
    } finally {
      done();
      run.disabled = !(checked && checked.file === fileInput.files?.[0] && checked.kind === kind());
      output.querySelector('h2')?.focus();
    }
  };
  dryRun.addEventListener('click', () => send(true));
  run.addEventListener('click', () => send(false));

  return {
    title,
    node: h('section', { class: 'page organizer', 'data-testid': 'import-page' },
      organizerHead(fair, title, 'import', t('import.intro')),
      h('div', { class: 'panel form' },
        h('fieldset', { class: 'field field-group' }, h('legend', {}, t('import.kind')), kindGroup),
        help,
        h('div', { class: 'field' },
          h('label', { for: 'import-file' }, t('import.file')),
          h('p', { class: 'field-hint', id: 'import-file-hint' }, t('import.file.hint')),
          fileInput),
        h('div', { class: 'form-actions' }, dryRun, run),
        runHint,
        status),
      output),
  };
}

/** The dry-run report inside a 422 answer (broken rows), or null when the 422 is another problem. */
function reportFrom(error) {
  const body = error.body;
  if (body && Array.isArray(body.errors) && 'dry_run' in body) {
    return { rows: body.rows, valid_rows: body.valid_rows, errors: body.errors };
  }
  return null;
}
