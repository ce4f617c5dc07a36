// Signing in and out of accounts: #/login, #/register, #/forgot (ask for a
// reset link), #/reset?token= (choose a new password) and
// #/invitation?token= (accept an invitation from an organizer's import).

import { h, route } from '../dom.js';
import { t, getLang, setLang } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { go, safeNext } from '../nav.js';
import { heading } from './common.js';
import {
  field, passwordInput, radios, FormErrors, busy, requiredNote, statusRegion, announce,
} from '../forms.js';

const MIN_PASSWORD = 10;

/** Where a user goes after signing in: back to where they were sent from, or their own start page. */
export function landingFor(user) {
  if (user?.role === 'organizer') return '#/organizer/participants';
  if (user?.role === 'exhibitor' || user?.role === 'importer') return '#/profile';
  return '#/';
}

function emailInput(id, autocomplete = 'email') {
  return h('input', { type: 'email', id, name: 'email', autocomplete, spellcheck: 'false',
    autocapitalize: 'off', 'data-testid': id });
}

/** Client-side check of a new password (the server checks again, with its list of common passwords). */
function checkNewPassword(errors, password, confirm, email = '') {
  if (!password) errors.add('password', t('validation.required'));
  else if ([...password].length < MIN_PASSWORD) errors.add('password', t('validation.passwordShort'));
  else if (email && password.toLowerCase() === email.toLowerCase()) errors.add('password', t('validation.passwordEmail'));
  if (confirm !== undefined && password && confirm !== password) errors.add('confirm', t('validation.passwordMismatch'));
}

function alreadySignedIn(user) {
  return h('div', { class: 'notice notice-info', 'data-testid': 'already-signed-in' },
    h('p', {}, t('auth.alreadySignedIn', { name: user.display_name || user.email })),
    h('p', {}, h('a', { href: landingFor(user) }, t('auth.continue'))));
}

/** Signs the browser in with a {user, csrf_token} answer, adopts the user's language and leaves for next. */
async function finishSignIn(body, next) {
  const user = await session.signedIn(body);
  if (user?.language) setLang(user.language);
  go(safeNext(next) ?? landingFor(user));
}

export const login = {
  async render({ query }) {
    const title = t('auth.login.title');
    const next = safeNext(query.get('next'));
    const user = session.user();
    const alertSlot = h('div', { class: 'form-alerts' });
    const email = emailInput('login-email', 'username');
    const password = passwordInput({ id: 'login-password' });
    const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'login-submit' }, t('auth.login.submit'));
    const form = h('form', { class: 'form', novalidate: true, 'data-testid': 'login-form', 'aria-labelledby': 'login-title' },
      alertSlot,
      field({ name: 'email', label: t('auth.email'), control: email, required: true }),
      field({ name: 'password', label: t('auth.password'), control: password.input, after: password.toggle, required: true }),
      h('div', { class: 'form-actions' }, submit,
        h('a', { href: '#/forgot', 'data-testid': 'forgot-link' }, t('auth.login.forgot'))));
    const errors = new FormErrors(form, alertSlot);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      if (!email.value.trim()) errors.add('email', t('validation.required'));
      if (!password.input.value) errors.add('password', t('validation.required'));
      if (errors.count > 0) {
        errors.show();
        return;
      }
      const done = busy(submit);
      try {
        const body = await api.post('/auth/login', { email: email.value.trim(), password: password.input.value });
        await finishSignIn(body, next);
      } catch (error) {
        done();
        errors.fromProblem(error);
        if (error?.status === 401) password.input.select();
      }
    });
    return {
      title,
      node: h('section', { class: 'page narrow auth-page', 'data-testid': 'login-page' },
        heading(title, { id: 'login-title' }),
        query.get('signedOut') ? h('p', { class: 'notice notice-success', role: 'status', 'data-testid': 'signed-out' }, t('auth.signedOut')) : null,
        query.get('reset') ? h('p', { class: 'notice notice-success', role: 'status', 'data-testid': 'reset-done' }, t('auth.reset.done')) : null,
        next && !user ? h('p', { class: 'notice notice-info', 'data-testid': 'login-needed' }, t('auth.login.needed')) : null,
        user ? alreadySignedIn(user) : null,
        h('div', { class: 'panel' }, form),
        h('p', { class: 'auth-switch' }, t('auth.login.noAccount'), ' ',
          h('a', { href: route('/register', { next }), 'data-testid': 'register-link' }, t('auth.login.register')))),
    };
  },
};

export const register = {
  async render({ query }) {
    const title = t('auth.register.title');
    const next = safeNext(query.get('next'));
    const user = session.user();
    const alertSlot = h('div', { class: 'form-alerts' });
    const name = h('input', { type: 'text', id: 'register-name', name: 'display_name', autocomplete: 'name',
      'data-testid': 'register-name', maxlength: '120' });
    const email = emailInput('register-email');
    const password = passwordInput({ id: 'register-password', autocomplete: 'new-password' });
    const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'register-submit' }, t('auth.register.submit'));
    const roleGroup = radios({ idPrefix: 'register-role', name: 'role', value: query.get('role') === 'importer' ? 'importer' : 'exhibitor',
      options: [['exhibitor', t('auth.role.exhibitor')], ['importer', t('auth.role.importer')]] });
    const langGroup = radios({ idPrefix: 'register-language', name: 'language', value: getLang(),
      options: [['vi', 'Tiếng Việt'], ['en', 'English']] });
    for (const input of langGroup.querySelectorAll('input')) {
      input.nextElementSibling.setAttribute('lang', input.value);
    }
    const form = h('form', { class: 'form', novalidate: true, 'data-testid': 'register-form', 'aria-labelledby': 'register-title' },
      requiredNote(),
      alertSlot,
      h('fieldset', { class: 'field field-group', 'data-field': 'role', id: 'register-role' },
        h('legend', {}, t('auth.role.legend')),
        roleGroup,
        h('p', { class: 'field-error', id: 'register-role-error', hidden: true })),
      field({ name: 'display_name', label: t('auth.displayName'), control: name, hint: t('auth.displayName.hint'), required: true }),
      field({ name: 'email', label: t('auth.email'), control: email, required: true }),
      field({ name: 'password', label: t('auth.password'), control: password.input, after: password.toggle,
        hint: t('auth.password.rules'), required: true }),
      h('fieldset', { class: 'field field-group', 'data-field': 'language', id: 'register-language' },
        h('legend', {}, t('auth.language.legend')),
        h('p', { class: 'field-hint' }, t('auth.language.hint')),
        langGroup,
        h('p', { class: 'field-error', id: 'register-language-error', hidden: true })),
      h('div', { class: 'form-actions' }, submit));
    const errors = new FormErrors(form, alertSlot);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      const values = {
        email: email.value.trim(),
        password: password.input.value,
        display_name: name.value.trim(),
        language: form.querySelector('input[name=language]:checked')?.value ?? getLang(),
        role: form.querySelector('input[name=role]:checked')?.value ?? '',
      };
      if (!values.display_name) errors.add('display_name', t('validation.required'));
      if (!values.email) errors.add('email', t('validation.required'));
      else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) errors.add('email', t('validation.email'));
      checkNewPassword(errors, values.password, undefined, values.email);
      if (errors.count > 0) {
        errors.show();
        return;
      }
      const done = busy(submit);
      try {
        const body = await api.post('/auth/register', values);
        await finishSignIn(body, next ?? route('/profile', { welcome: 1 }));
      } catch (error) {
        done();
        errors.fromProblem(error);
      }
    });
    return {
      title,
      node: h('section', { class: 'page narrow auth-page', 'data-testid': 'register-page' },
        heading(title, { id: 'register-title' }),
        h('p', { class: 'lead' }, t('auth.register.intro')),
        user ? alreadySignedIn(user) : null,
        h('div', { class: 'panel' }, form),
        h('p', { class: 'auth-switch' }, t('auth.register.haveAccount'), ' ',
          h('a', { href: route('/login', { next }), 'data-testid': 'login-link' }, t('auth.register.login')))),
    };
  },
};

export const forgot = {
  async render() {
    const title = t('auth.forgot.title');
    const alertSlot = h('div', { class: 'form-alerts' });
    const email = emailInput('forgot-email');
    const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'forgot-submit' }, t('auth.forgot.submit'));
    const status = statusRegion('forgot-status');
    const form = h('form', { class: 'form', novalidate: true, 'data-testid': 'forgot-form', 'aria-labelledby': 'forgot-title' },
      alertSlot,
      field({ name: 'email', label: t('auth.email'), control: email, required: true }),
      h('div', { class: 'form-actions' }, submit));
    const errors = new FormErrors(form, alertSlot);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      errors.clear();
      announce(status, '');
      if (!email.value.trim()) {
        errors.add('email', t('validation.required'));
        errors.show();
        return;
      }
      const done = busy(submit);
      try {
        await api.post('/auth/password-reset', { email: email.value.trim() });
        announce(status, t('auth.forgot.sent'));
      } catch (error) {
        errors.fromProblem(error);
      } finally {
        done();
      }
    });
    return {
      title,
      node: h('section', { class: 'page narrow auth-page', 'data-testid': 'forgot-page' },
        heading(title, { id: 'forgot-title' }),
        h('p', { class: 'lead' }, t('auth.forgot.intro')),
        status,
        h('div', { class: 'panel' }, form),
        h('p', { class: 'auth-switch' }, h('a', { href: '#/login' }, t('auth.backToLogin')))),
    };
  },
};

/**
 * The form shared by the reset and invitation pages: a new password twice,
 * sent with the link's token. onDone(body) runs after the server accepted it.
 */
function newPasswordPage({ kind, query, endpoint, onDone }) {
  const title = t(`auth.${kind}.title`);
  const token = query.get('token') ?? '';
  const section = h('section', { class: 'page narrow auth-page', 'data-testid': `${kind}-page` },
    heading(title, { id: `${kind}-title` }));
  if (!/^[A-Za-z0-9_-]{10,100}$/.test(token)) {
    section.append(h('div', { class: 'alert', role: 'alert', 'data-testid': 'error-alert' },
      h('p', { class: 'alert-title', 'data-testid': 'error-title' }, t('problem.invalid-token.title')),
      h('p', { class: 'alert-detail' }, t('auth.tokenMissing'))),
    h('p', {}, h('a', { href: '#/forgot' }, t('auth.forgot.title'))));
    return { title, node: section };
  }
  const alertSlot = h('div', { class: 'form-alerts' });
  const password = passwordInput({ id: `${kind}-password`, autocomplete: 'new-password' });
  const confirm = h('input', { type: 'password', id: `${kind}-confirm`, name: 'confirm', autocomplete: 'new-password',
    'data-testid': `${kind}-confirm` });
  const submit = h('button', { type: 'submit', class: 'button', 'data-testid': `${kind}-submit` }, t(`auth.${kind}.submit`));
  const form = h('form', { class: 'form', novalidate: true, 'data-testid': `${kind}-form`, 'aria-labelledby': `${kind}-title` },
    alertSlot,
    field({ name: 'password', label: t('auth.newPassword'), control: password.input, after: password.toggle,
      hint: t('auth.password.rules'), required: true }),
    field({ name: 'confirm', label: t('auth.confirmPassword'), control: confirm, required: true }),
    h('div', { class: 'form-actions' }, submit));
  const errors = new FormErrors(form, alertSlot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    checkNewPassword(errors, password.input.value, confirm.value);
    if (errors.count > 0) {
      errors.show();
      return;
    }
    const done = busy(submit);
    try {
      const body = await api.post(endpoint, { token, password: password.input.value });
      await onDone(body);
    } catch (error) {
      done();
      errors.fromProblem(error, { token: 'password' });
    }
  });
  section.append(h('p', { class: 'lead' }, t(`auth.${kind}.intro`)), h('div', { class: 'panel' }, form));
  return { title, node: section };
}

export const reset = {
  async render({ query }) {
    return newPasswordPage({
      kind: 'reset',
      query,
      endpoint: '/auth/password-reset/confirm',
      onDone: async () => {
        // The server signed out every session of the account: if that was this browser's, it is anonymous now.
        if (session.user()) await session.refresh().catch(() => {});
        go(route('/login', { reset: 1 }));
      },
    });
  },
};

export const invitation = {
  async render({ query }) {
    return newPasswordPage({
      kind: 'invitation',
      query,
      endpoint: '/auth/invitations/accept',
      onDone: (body) => finishSignIn(body, null),
    });
  },
};
