// #/organizer/rates — the fair's exchange rates to USD, which turn every
// deal's value into USD for the dashboard and the report. One row per
// currency: USD for one unit, or (the other way round, as people quote the
// dong) units for one USD; either field updates the other.

import { h } from '../dom.js';
import { t, locale } from '../i18n.js';
import * as api from '../api.js';
import { FormErrors, busy, statusRegion, announce } from '../forms.js';
import { organizerFair, organizerHead } from './organizer.js';

// Offered first in the currency lists: what buyers at a Hanoi fair pay in.
export const COMMON_CURRENCIES = ['EUR', 'JPY', 'GBP', 'AUD', 'CAD', 'KRW', 'CNY', 'SGD', 'CHF', 'SEK', 'DKK', 'NOK', 'HKD',
  'TWD', 'THB', 'INR', 'AED', 'NZD', 'VND'];

/** Every ISO 4217 currency the browser knows, common ones first, as [code, "EUR — Euro"] options. */
export function currencyOptions(exclude = []) {
  let all = [];
  try {
    all = Intl.supportedValuesOf('currency');
  } catch {
    all = [];
  }
  const names = (() => {
    try {
      return new Intl.DisplayNames([locale()], { type: 'currency' });
    } catch {
      return null;
    }
  })();
  const label = (code) => {
    const name = names?.of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  };
  const codes = [...new Set([...COMMON_CURRENCIES, ...all])].filter((code) => !exclude.includes(code));
  return codes.map((code) => [code, label(code)]);
}

function decimal(value, digits = 6) {
  return new Intl.NumberFormat(locale(), { maximumSignificantDigits: digits }).format(value);
}

/** A number typed in a number field, or NaN. */
function numberOf(input) {
  return input.value.trim() === '' ? NaN : Number(input.value);
}

let rowSequence = 0;

function rateRow({ code = '', rate = null, onRemove, onChange }) {
  const n = ++rowSequence;
  const currency = h('select', { id: `rate-currency-${n}`, 'data-testid': 'rate-currency' },
    h('option', { value: '' }, t('rates.chooseCurrency')),
    currencyOptions(['USD']).map(([value, label]) => h('option', { value, selected: value === code }, label)));
  const perUnit = h('input', { type: 'number', id: `rate-value-${n}`, min: '0', step: 'any', inputmode: 'decimal',
    'data-testid': 'rate-value', value: rate ? String(rate) : '' });
  const perUsd = h('input', { type: 'number', id: `rate-inverse-${n}`, min: '0', step: 'any', inputmode: 'decimal',
    'data-testid': 'rate-inverse', value: rate ? String(Number((1 / rate).toPrecision(8))) : '' });
  const preview = h('p', { class: 'rate-preview small muted', 'data-testid': 'rate-preview', 'aria-live': 'polite' });
  const remove = h('button', { type: 'button', class: 'link-button', 'data-testid': 'rate-remove' }, t('rates.remove'));
  const wrapper = h('fieldset', { class: 'rate-row', 'data-testid': 'rate-row', 'data-field': `rate-row-${n}` });

  const draw = () => {
    const value = numberOf(perUnit);
    const unit = currency.value || '…';
    wrapper.dataset.currency = currency.value;
    remove.setAttribute('aria-label', t('rates.removeNamed', { currency: unit }));
    preview.textContent = Number.isFinite(value) && value > 0
      ? t('rates.preview', { currency: unit, perUnit: decimal(value), perUsd: decimal(1 / value) })
      : '';
  };
  perUnit.addEventListener('input', () => {
    const value = numberOf(perUnit);
    perUsd.value = Number.isFinite(value) && value > 0 ? String(Number((1 / value).toPrecision(8))) : '';
    draw();
    onChange();
  });
  perUsd.addEventListener('input', () => {
    const value = numberOf(perUsd);
    perUnit.value = Number.isFinite(value) && value > 0 ? String(Number((1 / value).toPrecision(8))) : '';
    draw();
    onChange();
  });
  currency.addEventListener('change', () => {
    draw();
    onChange();
  });
  remove.addEventListener('click', () => onRemove(wrapper));

  wrapper.append(
    h('legend', { class: 'visually-hidden' }, t('rates.row')),
    h('div', { class: 'rate-fields' },
      h('div', { class: 'field' }, h('label', { for: currency.id }, t('rates.currency')), currency),
      h('div', { class: 'field' }, h('label', { for: perUnit.id }, t('rates.perUnit')), perUnit),
      h('div', { class: 'field' }, h('label', { for: perUsd.id }, t('rates.perUsd')), perUsd),
      remove),
    preview,
    h('p', { class: 'field-error', 'data-testid': 'field-error-rate', hidden: true }));
  draw();
  return { node: wrapper, name: `rate-row-${n}`, currency, perUnit, code: () => currency.value, rate: () => numberOf(perUnit) };
}

export async function render({ signal }) {
  const { fair, view } = await organizerFair({ signal, tab: 'rates' });
  if (view) return view;
  const body = await api.get(`/fairs/${fair.id}/rates`, { signal });
  const title = t('rates.title');
  const status = statusRegion('rates-status');
  const alertSlot = h('div', { class: 'form-alerts' });
  const list = h('div', { class: 'rate-rows', 'data-testid': 'rate-rows' });
  const empty = h('p', { class: 'muted', 'data-testid': 'rates-empty' }, t('rates.empty'));
  const rows = [];
  const refresh = () => {
    empty.hidden = rows.length > 0;
  };
  const onChange = () => announce(status, '');
  const add = h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'rate-add' }, t('rates.add'));
  const addRow = (code, rate) => {
    const row = rateRow({
      code, rate, onChange,
      onRemove: (node) => {
        const index = rows.findIndex((candidate) => candidate.node === node);
        if (index >= 0) rows.splice(index, 1);
        node.remove();
        refresh();
        add.focus();
      },
    });
    rows.push(row);
    list.append(row.node);
    refresh();
    return row;
  };
  for (const [code, rate] of Object.entries(body?.rates ?? {}).sort()) addRow(code, rate);

  add.addEventListener('click', () => addRow('', null).currency.focus());
  const save = h('button', { type: 'submit', class: 'button', 'data-testid': 'rates-save' }, t('rates.save'));
  const form = h('form', { class: 'form', novalidate: true, 'data-testid': 'rates-form' },
    alertSlot,
    h('p', { class: 'field-hint' }, t('rates.hint')),
    list, empty,
    h('div', { class: 'form-actions' }, add, save, status));
  const errors = new FormErrors(form, alertSlot);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    announce(status, '');
    const rates = {};
    for (const row of rows) {
      const code = row.code();
      const rate = row.rate();
      if (!code) errors.add(row.name, t('rates.needCurrency'));
      else if (code in rates) errors.add(row.name, t('rates.duplicate', { currency: code }));
      else if (!Number.isFinite(rate) || rate <= 0) errors.add(row.name, t('rates.needRate', { currency: code }));
      else rates[code] = rate;
    }
    if (errors.count > 0) {
      errors.show();
      return;
    }
    const done = busy(save);
    try {
      const saved = await api.put(`/fairs/${fair.id}/rates`, { rates });
      announce(status, t('rates.saved', { count: Object.keys(saved?.rates ?? rates).length }));
    } catch (error) {
      errors.fromProblem(error, Object.fromEntries(rows.map((row) => [`rates.${row.code()}`, row.name])));
    } finally {
      done();
    }
  });

  return {
    title,
    node: h('section', { class: 'page organizer rates-page', 'data-testid': 'rates-page' },
      organizerHead(fair, title, 'rates', t('rates.intro')),
      h('div', { class: 'panel' }, form)),
  };
}
