// Form building blocks: labelled controls with a hint and an error message
// next to each, groups of checkboxes, a picker for lists of codes, and
// FormErrors, which puts a problem+json's errors[] next to the fields they
// name, summarises them at the top of the form and moves focus to the first.

import { h } from './dom.js';
import { t } from './i18n.js';
import { problemAlert } from './pages/common.js';

/**
 * A labelled control: label, optional hint, the control, and the place for
 * its error message, tied together with for/aria-describedby. name is the API
 * field the control edits (errors[].field is matched against it).
 */
export function field({ name, label, control, hint = null, required = false, wide = false, after = null }) {
  const id = control.id;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  if (required) control.setAttribute('aria-required', 'true');
  return h('div', { class: wide ? 'field field-wide' : 'field', 'data-field': name },
    h('label', { for: id }, label, required ? requiredMark() : null),
    hint ? h('p', { class: 'field-hint', id: hintId }, hint) : null,
    control,
    after,
    h('p', { class: 'field-error', id: errorId, 'data-testid': `field-error-${name}`, hidden: true }));
}

/**
 * A password input and its "show" toggle: {input, toggle}; pass input as the
 * field's control and toggle as its after.
 */
export function passwordInput({ id, name = 'password', autocomplete = 'current-password' }) {
  const input = h('input', { type: 'password', id, name, autocomplete, 'data-testid': id, spellcheck: 'false' });
  const toggle = h('button', { type: 'button', class: 'link-button password-toggle', 'aria-pressed': 'false',
    'aria-controls': id, 'data-testid': `${id}-toggle` }, t('form.showPassword'));
  toggle.addEventListener('click', () => {
    const show = input.type === 'password';
    input.type = show ? 'text' : 'password';
    toggle.setAttribute('aria-pressed', String(show));
  });
  return { input, toggle };
}

/** A fieldset of controls that form one answer (checkboxes, radios, a code picker). */
export function fieldGroup({ name, legend, content, hint = null, required = false, id }) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  return h('fieldset', { class: 'field field-group field-wide', 'data-field': name, id,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') },
  h('legend', {}, legend, required ? requiredMark() : null),
  hint ? h('p', { class: 'field-hint', id: hintId }, hint) : null,
  content,
  h('p', { class: 'field-error', id: errorId, 'data-testid': `field-error-${name}`, hidden: true }));
}

function requiredMark() {
  return [h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *'),
    h('span', { class: 'visually-hidden' }, ` (${t('form.required')})`)];
}

/** A note under a form's title: "* required". */
export function requiredNote() {
  return h('p', { class: 'form-note' }, h('span', { class: 'required-mark', 'aria-hidden': 'true' }, '* '),
    t('form.requiredNote'));
}

/** A <select> of [value, label] options with the value selected; placeholder adds an empty first option. */
export function select({ id, name, options, value = '', placeholder = null, testid = null }) {
  return h('select', { id, name, 'data-testid': testid ?? id },
    placeholder !== null ? h('option', { value: '' }, placeholder) : null,
    options.map(([optionValue, label]) => h('option', { value: optionValue, selected: optionValue === value }, label)));
}

/** Checkboxes for a list of [value, label] options; read them back with checkedValues(). */
export function checkboxes({ idPrefix, name, options, selected = [], columns = true }) {
  const chosen = new Set(selected);
  return h('ul', { class: columns ? 'check-list check-columns' : 'check-list', 'data-testid': `${idPrefix}-list` },
    options.map(([value, label], index) => {
      const id = `${idPrefix}-${index}`;
      return h('li', {},
        h('input', { type: 'checkbox', id, name, value, checked: chosen.has(value) }),
        h('label', { for: id }, label));
    }));
}

/** Radio buttons for [value, label] options. */
export function radios({ idPrefix, name, options, value }) {
  return h('ul', { class: 'check-list radio-list' }, options.map(([optionValue, label]) => {
    const id = `${idPrefix}-${optionValue}`;
    return h('li', {},
      h('input', { type: 'radio', id, name, value: optionValue, checked: optionValue === value,
        'data-testid': id }),
      h('label', { for: id }, label));
  }));
}

export function checkedValues(container, name) {
  return [...container.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
}

/**
 * A list of codes chosen from many (countries, languages): a select to add
 * one, and the chosen ones as removable chips. Returns {node, values()}.
 */
export function codePicker({ id, options, selected = [], addLabel }) {
  const labels = new Map(options);
  const values = [...new Set(selected)];
  const list = h('ul', { class: 'picked', 'data-testid': `${id}-picked` });
  const chooser = h('select', { id, 'data-testid': id, 'aria-label': addLabel },
    h('option', { value: '' }, addLabel),
    options.map(([value, label]) => h('option', { value }, label)));

  const draw = () => {
    list.replaceChildren(...values.map((value) => {
      const label = labels.get(value) ?? value;
      return h('li', { class: 'chip chip-removable' },
        h('span', {}, label),
        h('button', {
          type: 'button',
          class: 'chip-remove',
          'aria-label': t('form.remove', { item: label }),
          'data-testid': `${id}-remove-${value}`,
          onclick: () => {
            values.splice(values.indexOf(value), 1);
            draw();
            chooser.focus();
          },
        }, '×'));
    }));
    list.hidden = values.length === 0;
    for (const option of chooser.options) option.disabled = option.value !== '' && values.includes(option.value);
  };
  chooser.addEventListener('change', () => {
    if (chooser.value && !values.includes(chooser.value)) values.push(chooser.value);
    chooser.value = '';
    draw();
  });
  draw();
  return { node: h('div', { class: 'picker' }, chooser, list), values: () => [...values] };
}

/** The text of one errors[] entry in the UI language when its code is known, else the server's text. */
export function fieldMessage(error) {
  const message = error?.message ?? '';
  const numbers = (message.match(/-?\d+/g) ?? []).map(Number);
  switch (error?.code) {
    case 'required': return t('validation.required');
    case 'invalid_email': return t('validation.email');
    case 'taken': return t('validation.emailTaken');
    case 'weak_password':
      if (/at least 10/i.test(message)) return t('validation.passwordShort');
      if (/email/i.test(message)) return t('validation.passwordEmail');
      if (/common/i.test(message)) return t('validation.passwordCommon');
      return message;
    case 'invalid_tax_code': return t('validation.taxCode');
    case 'unknown_code': return t('validation.unknownCode');
    case 'not_allowed': return t('validation.notAllowed');
    case 'invalid_url': return t('validation.url');
    case 'not_an_integer': return t('validation.integer');
    case 'invalid_amount': return t('validation.amount');
    case 'duplicate': return t('validation.duplicate');
    case 'unknown_column': return t('validation.unknownColumn');
    case 'missing_column': return t('validation.missingColumn');
    case 'out_of_range':
      return numbers.length >= 2 ? t('validation.range', { min: numbers[0], max: numbers[1] }) : message;
    case 'wrong_count':
      return numbers.length >= 2 ? t('validation.count', { min: numbers[0], max: numbers[1] }) : message;
    case 'invalid_weight':
      if (/at most/i.test(message) && numbers.length) return t('validation.range', { min: 0, max: numbers[0] });
      if (/negative/i.test(message)) return t('validation.range', { min: 0, max: 100 });
      if (/positive/i.test(message)) return t('validation.weightsPositive');
      return message;
    default: return message;
  }
}

/**
 * The errors of one form: messages next to its fields ([data-field] wrappers),
 * a summary alert in alertSlot, and focus on the first field in error.
 */
export class FormErrors {
  constructor(form, alertSlot) {
    this.form = form;
    this.alertSlot = alertSlot;
    this.pending = [];
  }

  /** Removes every message. */
  clear() {
    this.pending = [];
    this.alertSlot.replaceChildren();
    for (const wrapper of this.form.querySelectorAll('[data-field].has-error')) {
      wrapper.classList.remove('has-error');
      const message = wrapper.querySelector(':scope > .field-error');
      if (message) {
        message.textContent = '';
        message.hidden = true;
      }
      for (const control of wrapper.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    }
  }

  /** Adds a message for the field (client-side checks); call show() after the last one. */
  add(name, message) {
    this.pending.push({ name, message });
  }

  get count() {
    return this.pending.length;
  }

  /**
   * Places the added messages next to their fields and focuses the first.
   * error (an ApiError) adds its summary when it also has messages for no field.
   */
  show(error = null) {
    const placed = [];
    const unplaced = [];
    for (const { name, message } of this.pending) {
      const wrapper = this.form.querySelector(`[data-field="${CSS.escape(name)}"]`);
      const slot = wrapper?.querySelector(':scope > .field-error');
      if (!slot) {
        unplaced.push({ name, message });
        continue;
      }
      wrapper.classList.add('has-error');
      slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
      slot.hidden = false;
      const controls = wrapper.matches('fieldset')
        ? wrapper.querySelectorAll('input, select, textarea')
        : wrapper.querySelectorAll(':scope > input, :scope > select, :scope > textarea');
      for (const control of controls) control.setAttribute('aria-invalid', 'true');
      if (!placed.includes(wrapper)) placed.push(wrapper);
    }
    let alert;
    if (placed.length === 0 && error) {
      alert = problemAlert(error, { fields: unplaced.length > 0 });
    } else {
      alert = h('div', { class: 'alert', role: 'alert', tabindex: '-1', 'data-testid': 'form-alert' },
        h('p', { class: 'alert-title', 'data-testid': 'error-title' },
          placed.length > 0 ? t('form.fixErrors', { count: placed.length }) : t('error.heading')),
        unplaced.length > 0
          ? h('ul', { class: 'alert-fields' }, unplaced.map(({ name, message }) => h('li', {},
            name ? [h('code', {}, name), ': '] : null, message)))
          : null);
    }
    this.alertSlot.replaceChildren(alert);
    const first = placed[0];
    const target = first?.querySelector('input:not([type=hidden]), select, textarea');
    if (target) target.focus();
    else alert.focus?.();
    this.pending = [];
    return placed.length;
  }

  /**
   * Shows an API error: its errors[] next to the fields (aliases maps an API
   * field such as "annual_budget.amount" to a wrapper's name), or the problem
   * as an alert when it names no field.
   */
  fromProblem(error, aliases = {}) {
    const list = Array.isArray(error?.problem?.errors) ? error.problem.errors : [];
    for (const entry of list) {
      const raw = String(entry.field ?? '');
      const name = aliases[raw] ?? aliases[raw.replace(/[[.].*$/, '')] ?? raw.replace(/[[.].*$/, '');
      this.add(name, fieldMessage(entry));
    }
    if (list.length === 0) {
      this.alertSlot.replaceChildren(problemAlert(error));
      this.alertSlot.firstChild?.setAttribute('tabindex', '-1');
      this.alertSlot.firstChild?.focus();
      return 0;
    }
    return this.show(error);
  }
}

/** Disables a submit button while work is in flight; returns a function that re-enables it. */
export function busy(button) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  return () => {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  };
}

/** A polite live region for "saved" and similar messages. */
export function statusRegion(testid = 'status-message') {
  // Present (and empty) from the start, so that screen readers announce what is put in it later.
  return h('p', { class: 'notice', role: 'status', 'data-testid': testid });
}

/** Shows text in a status region (empty text hides it). */
export function announce(region, text, kind = 'success') {
  region.textContent = text;
  region.className = text ? `notice notice-${kind}` : 'notice';
}

// A refusal with a required reason (a participant's application, a booth
// booking): a textarea, confirm and cancel. `submit(reason, confirmButton)`
// does the request; a problem it throws is shown by `onProblem(errors, error)`.
// `testids` names the form's parts: { form, reason, confirm, cancel }.
export function reasonForm({ id, maxlength, testids, confirmLabel, hint, submit, onCancel,
  onProblem = (errors, error) => errors.fromProblem(error) }) {
  const reason = h('textarea', { id, name: 'reason', rows: '3', maxlength: String(maxlength), 'data-testid': testids.reason });
  const alertSlot = h('div', { class: 'form-alerts' });
  const confirm = h('button', { type: 'submit', class: 'button button-danger button-small', 'data-testid': testids.confirm },
    confirmLabel);
  const form = h('form', { class: 'form reject-form', novalidate: true, 'data-testid': testids.form },
    alertSlot,
    field({ name: 'reason', label: t('participants.reason'), control: reason, hint, required: true }),
    h('div', { class: 'form-actions' }, confirm,
      h('button', { type: 'button', class: 'link-button', 'data-testid': testids.cancel, onclick: onCancel },
        t('common.cancel'))));
  const errors = new FormErrors(form, alertSlot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    if (!reason.value.trim()) {
      errors.add('reason', t('participants.reason.required'));
      errors.show();
      return;
    }
    try {
      await submit(reason.value.trim(), confirm);
    } catch (error) {
      onProblem(errors, error);
    }
  });
  return { form, reason };
}
