// Organizer matching tools: #/organizer/weights (the fair's weights of each
// part of the fit score, 0–100, and the partial credits) and
// #/organizer/match?importer=ID&exhibitor=ID (any pair's score, every part
// with its weight, points and reasons).

import { h, route } from '../dom.js';
import { t, getLang } from '../i18n.js';
import * as api from '../api.js';
import { go } from '../nav.js';
import { refName, problemAlert, table } from './common.js';
import { field, fieldGroup, FormErrors, busy, statusRegion, announce } from '../forms.js';
import { organizerFair, organizerHead } from './organizer.js';
import { PARTS, scoreBar } from './recommendations.js';

const CREDITS = ['hs_group_credit', 'interpreter_credit', 'other_market_credit'];

function weightInput(key, value) {
  const input = h('input', { type: 'number', id: `weight-${key}`, name: key, min: '0', max: '100', step: '1', inputmode: 'numeric',
    value: Number.isFinite(value) ? String(value) : '', 'data-testid': `weight-${key}` });
  const slider = h('input', { type: 'range', min: '0', max: '100', step: '1', value: Number.isFinite(value) ? String(value) : '0',
    class: 'weight-slider', tabindex: '-1', 'aria-hidden': 'true' });
  input.addEventListener('input', () => {
    if (/^\d{1,3}$/.test(input.value)) slider.value = input.value;
  });
  slider.addEventListener('input', () => {
    input.value = slider.value;
  });
  return { input, slider };
}

export const editor = {
  async render({ signal }) {
    const { fair, view } = await organizerFair({ signal, tab: 'weights' });
    if (view) return view;
    const weights = await api.get(`/fairs/${fair.id}/weights`, { signal });
    const title = t('weights.title');
    const inputs = new Map();
    const makeField = (key, hintKey) => {
      const { input, slider } = weightInput(key, weights[key]);
      inputs.set(key, input);
      return field({ name: key, label: t(`weights.${key}`), control: input, after: slider, hint: t(hintKey) });
    };
    const alertSlot = h('div', { class: 'form-alerts' });
    const status = statusRegion('weights-status');
    const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'weights-save' }, t('weights.save'));
    const form = h('form', { class: 'form', novalidate: true, 'data-testid': 'weights-form' },
      alertSlot,
      fieldGroup({ name: 'weights', id: 'weights-parts', legend: t('weights.parts'), hint: t('weights.parts.hint'),
        content: h('div', { class: 'form-grid' }, PARTS.map((key) => makeField(key, `weights.${key}.hint`))) }),
      fieldGroup({ name: 'credits', id: 'weights-credits', legend: t('weights.credits'), hint: t('weights.credits.hint'),
        content: h('div', { class: 'form-grid' }, CREDITS.map((key) => makeField(key, `weights.${key}.hint`))) }),
      h('div', { class: 'form-actions' }, submit, status));
    const errors = new FormErrors(form, alertSlot);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      announce(status, '');
      const body = {};
      for (const [key, input] of inputs) {
        const text = input.value.trim();
        if (!/^\d{1,3}$/.test(text) || Number(text) > 100) errors.add(key, t('validation.range', { min: 0, max: 100 }));
        else body[key] = Number(text);
      }
      if (errors.count > 0) {
        errors.show();
        return;
      }
      const done = busy(submit);
      try {
        const saved = await api.put(`/fairs/${fair.id}/weights`, body);
        for (const [key, input] of inputs) if (Number.isFinite(saved?.[key])) input.value = String(saved[key]);
        announce(status, t('weights.saved'));
      } catch (error) {
        errors.fromProblem(error);
      } finally {
        done();
      }
    });
    return {
      title,
      node: h('section', { class: 'page organizer', 'data-testid': 'weights-page' },
        organizerHead(fair, title, 'weights', t('weights.intro')),
        h('div', { class: 'panel' }, form)),
    };
  },
};

function idInput(id, value, label, hint) {
  const input = h('input', { type: 'number', id, name: id, min: '1', step: '1', inputmode: 'numeric', value: value ?? '',
    'data-testid': id });
  return field({ name: id, label, control: input, hint, required: true });
}

function partRows(parts) {
  return parts.map((part) => h('tr', { 'data-testid': 'pair-part', 'data-part': part.part },
    h('th', { scope: 'row' }, t(`part.${part.part}`)),
    h('td', {}, String(part.weight ?? '—')),
    h('td', { 'data-testid': 'pair-points' }, String(part.points ?? 0)),
    h('td', {}, h('ul', { class: 'plain-reasons' }, (part.reasons ?? []).map((reason) => h('li', { 'data-testid': 'reason', 'data-code': reason.code }, reason.text))))));
}

export const pair = {
  async render({ query, signal }) {
    const { fair, view } = await organizerFair({ signal, tab: 'match' });
    if (view) return view;
    const title = t('pair.title');
    const importerId = /^\d{1,17}$/.test(query.get('importer') ?? '') ? query.get('importer') : '';
    const exhibitorId = /^\d{1,17}$/.test(query.get('exhibitor') ?? '') ? query.get('exhibitor') : '';
    const alertSlot = h('div', { class: 'form-alerts' });
    const form = h('form', { class: 'form form-row', novalidate: true, 'data-testid': 'pair-form' },
      alertSlot,
      h('div', { class: 'form-grid' },
        idInput('pair-importer', importerId, t('pair.importer'), t('pair.idHint')),
        idInput('pair-exhibitor', exhibitorId, t('pair.exhibitor'), t('pair.idHint'))),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'button', 'data-testid': 'pair-submit' }, t('pair.submit'))));
    const errors = new FormErrors(form, alertSlot);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      errors.clear();
      const importer = form.querySelector('#pair-importer').value.trim();
      const exhibitor = form.querySelector('#pair-exhibitor').value.trim();
      if (!/^[1-9]\d{0,16}$/.test(importer)) errors.add('pair-importer', t('validation.required'));
      if (!/^[1-9]\d{0,16}$/.test(exhibitor)) errors.add('pair-exhibitor', t('validation.required'));
      if (errors.count > 0) {
        errors.show();
        return;
      }
      go(route('/organizer/match', { importer, exhibitor }));
    });

    let result = null;
    if (importerId && exhibitorId) {
      try {
        const [x, countries, provinces] = await Promise.all([
          api.get(`/fairs/${fair.id}/match`, { params: { importer: importerId, exhibitor: exhibitorId, lang: getLang() }, signal }),
          api.reference('countries'), api.reference('provinces'),
        ]);
        result = h('section', { class: 'panel pair-result', 'aria-labelledby': 'pair-result-title', 'data-testid': 'pair-result' },
          h('h2', { id: 'pair-result-title' }, t('pair.result')),
          h('dl', { class: 'facts facts-inline' },
            h('div', { class: 'fact' }, h('dt', {}, t('pair.importer')),
              h('dd', { 'data-testid': 'pair-importer-name' }, `${x.importer?.name ?? importerId} · ${refName(countries, x.importer?.country)}`)),
            h('div', { class: 'fact' }, h('dt', {}, t('pair.exhibitor')),
              h('dd', { 'data-testid': 'pair-exhibitor-name', lang: getLang() === 'vi' ? null : 'vi' },
                `${x.exhibitor?.name ?? exhibitorId} · ${refName(provinces, x.exhibitor?.province)}`))),
          scoreBar(x.score, { testid: 'pair-score' }),
          h('p', { class: 'sides' }, t('pair.sides', { importer: x.importer_score, exhibitor: x.exhibitor_score })),
          x.excluded
            ? h('div', { class: 'notice notice-error', 'data-testid': 'pair-excluded' },
              h('p', { class: 'alert-title' }, t('pair.excluded')),
              h('ul', {}, (x.exclusions ?? []).map((reason) => h('li', {}, reason.text))))
            : null,
          table({
            caption: t('pair.parts'),
            testid: 'pair-parts',
            headers: [t('pair.part'), t('pair.weight'), t('pair.points'), t('match.reasons')],
            rows: partRows(x.parts ?? []),
          }));
      } catch (error) {
        if (error?.name === 'AbortError') throw error;
        result = problemAlert(error);
      }
    }
    return {
      title,
      node: h('section', { class: 'page organizer', 'data-testid': 'pair-page' },
        organizerHead(fair, title, 'match', t('pair.intro')),
        h('div', { class: 'panel' }, form),
        result),
    };
  },
};
