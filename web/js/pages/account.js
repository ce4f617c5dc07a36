// #/account — my account: who I am, my API tokens (create, list, revoke; a
// new token is shown once) and my active sessions (sign one out, or every
// one at once).

import { h, route } from '../dom.js';
import { t, pick, languageName } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { go } from '../nav.js';
import { heading, facts, problemAlert, timeEl, participationBadge, table } from './common.js';
import { field, FormErrors, busy, statusRegion, announce } from '../forms.js';

/** Copies text to the clipboard; resolves to whether it worked. */
export async function copyText(text, fallbackInput = null) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallbackInput) return false;
    fallbackInput.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

/** A read-only text with a copy button and a live status ("copied"). */
export function copyBox({ value, label, id, testid }) {
  const input = h('input', { type: 'text', id, readonly: true, value, class: 'copy-input', 'data-testid': testid,
    spellcheck: 'false' });
  const status = h('span', { class: 'copy-status', role: 'status' });
  const button = h('button', { type: 'button', class: 'button button-secondary', 'data-testid': `${testid}-copy`,
    'aria-describedby': id }, t('common.copy'));
  button.addEventListener('click', async () => {
    const ok = await copyText(value, input);
    status.textContent = ok ? t('common.copied') : t('common.copyFailed');
    if (!ok) input.select();
  });
  input.addEventListener('focus', () => input.select());
  return h('div', { class: 'copy-box' },
    h('label', { for: id, class: 'visually-hidden' }, label),
    input, button, status);
}

function profileSummary(profiles) {
  if (!profiles?.length) return null;
  return h('ul', { class: 'plain-list', 'data-testid': 'account-profiles' }, profiles.map((profile) => h('li', {},
    h('a', { href: profile.kind === 'exhibitor' ? route(`/exhibitors/${profile.id}/edit`) : route(`/importers/${profile.id}/edit`) },
      profile.name),
    ' ', participationBadge(profile.status, null))));
}

function tokensSection(initial) {
  const alertSlot = h('div', { class: 'form-alerts' });
  const status = statusRegion('token-status');
  const reveal = h('div', { 'data-testid': 'new-token-slot' });
  const listSlot = h('div', {});
  let tokens = initial;

  const drawList = () => {
    if (tokens.length === 0) {
      listSlot.replaceChildren(h('p', { class: 'muted', 'data-testid': 'tokens-empty' }, t('account.tokens.none')));
      return;
    }
    listSlot.replaceChildren(table({
      caption: t('account.tokens.caption'),
      captionHidden: true,
      testid: 'tokens-table',
      headers: [t('account.tokens.name'), t('account.tokens.prefix'), t('account.tokens.created'),
        t('account.tokens.lastUsed'), h('span', { class: 'visually-hidden' }, t('common.actions'))],
      rows: tokens.map((token) => h('tr', { 'data-testid': 'token-row', 'data-id': token.id },
        h('td', { 'data-testid': 'token-name' }, token.name),
        h('td', {}, h('code', {}, `${token.prefix}…`)),
        h('td', {}, timeEl(token.created_at)),
        h('td', {}, token.last_used_at ? timeEl(token.last_used_at) : h('span', { class: 'muted' }, t('account.tokens.never'))),
        h('td', { class: 'actions' }, h('button', {
          type: 'button', class: 'button button-danger button-small', 'data-testid': 'token-revoke',
          'aria-label': t('account.tokens.revokeNamed', { name: token.name }),
          onclick: async (event) => {
            const done = busy(event.currentTarget);
            alertSlot.replaceChildren();
            try {
              await api.del(`/me/tokens/${token.id}`);
              tokens = tokens.filter((other) => other.id !== token.id);
              drawList();
              announce(status, t('account.tokens.revoked', { name: token.name }));
              nameInput.focus();
            } catch (error) {
              done();
              alertSlot.replaceChildren(problemAlert(error));
            }
          },
        }, t('account.tokens.revoke'))))),
    }));
  };

  const nameInput = h('input', { type: 'text', id: 'token-name', name: 'name', maxlength: '80', 'data-testid': 'token-name-input',
    autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'token-create' }, t('account.tokens.create'));
  const form = h('form', { class: 'form form-inline', novalidate: true, 'data-testid': 'token-form' },
    alertSlot,
    field({ name: 'name', label: t('account.tokens.name'), control: nameInput, hint: t('account.tokens.nameHint'), required: true }),
    h('div', { class: 'form-actions' }, submit));
  const errors = new FormErrors(form, alertSlot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    announce(status, '');
    const name = nameInput.value.trim();
    if (!name) {
      errors.add('name', t('validation.required'));
      errors.show();
      return;
    }
    const done = busy(submit);
    try {
      const created = await api.post('/me/tokens', { name });
      tokens = [{ id: created.id, name: created.name, prefix: created.prefix, created_at: created.created_at,
        last_used_at: null }, ...tokens];
      drawList();
      nameInput.value = '';
      const box = h('div', { class: 'token-reveal', role: 'group', 'aria-labelledby': 'new-token-title',
        'data-testid': 'new-token' },
      h('h3', { id: 'new-token-title', tabindex: '-1' }, t('account.tokens.newTitle', { name: created.name })),
      h('p', { class: 'warning', 'data-testid': 'new-token-warning' }, t('account.tokens.once')),
      copyBox({ value: created.token, label: t('account.tokens.newTitle', { name: created.name }), id: 'new-token-value',
        testid: 'new-token-value' }),
      h('p', { class: 'field-hint' }, t('account.tokens.usage')));
      reveal.replaceChildren(box);
      box.querySelector('h3').focus();
    } catch (error) {
      errors.fromProblem(error);
    } finally {
      done();
    }
  });
  drawList();
  return h('section', { class: 'panel account-section', 'aria-labelledby': 'tokens-title', 'data-testid': 'tokens-section' },
    h('h2', { id: 'tokens-title' }, t('account.tokens.title')),
    h('p', { class: 'muted' }, t('account.tokens.intro')),
    status, reveal, listSlot, form);
}

/** A short description of a browser from its user agent ("Chrome on Linux"), or the raw text. */
function deviceName(agent) {
  if (!agent) return t('account.sessions.unknownDevice');
  const browser = /Edg\//.test(agent) ? 'Edge'
    : /OPR\//.test(agent) ? 'Opera'
      : /(Chrome|Chromium)\//.test(agent) ? 'Chrome'
        : /Firefox\//.test(agent) ? 'Firefox'
          : /Safari\//.test(agent) ? 'Safari' : null;
  const system = /Android/.test(agent) ? 'Android'
    : /(iPhone|iPad)/.test(agent) ? 'iOS'
      : /Windows/.test(agent) ? 'Windows'
        : /Mac OS X/.test(agent) ? 'macOS'
          : /Linux/.test(agent) ? 'Linux' : null;
  if (browser && system) return t('account.sessions.device', { browser, system });
  return browser ?? agent.slice(0, 60);
}

function sessionsSection(initial) {
  const alertSlot = h('div', { class: 'form-alerts' });
  const status = statusRegion('session-status');
  const listSlot = h('div', {});
  let sessions = initial;

  const leave = async (everywhere) => {
    try {
      await session.signOut({ everywhere });
    } catch {
      // Signed out locally anyway.
    }
    go(route('/login', { signedOut: 1 }));
  };

  const draw = () => {
    listSlot.replaceChildren(table({
      caption: t('account.sessions.caption'),
      captionHidden: true,
      testid: 'sessions-table',
      headers: [t('account.sessions.device.label'), t('account.sessions.ip'), t('account.sessions.started'),
        t('account.sessions.lastSeen'), t('account.sessions.expires'), h('span', { class: 'visually-hidden' }, t('common.actions'))],
      rows: sessions.map((item) => h('tr', { 'data-testid': 'session-row', 'data-id': item.id, 'data-current': String(Boolean(item.current)) },
        h('td', {}, h('span', { title: item.user_agent || null }, deviceName(item.user_agent)),
          item.current ? [' ', h('span', { class: 'badge badge-current', 'data-testid': 'session-current' }, t('account.sessions.current'))] : null),
        h('td', {}, item.ip || '—'),
        h('td', {}, timeEl(item.created_at)),
        h('td', {}, timeEl(item.last_seen_at)),
        h('td', {}, timeEl(item.expires_at)),
        h('td', { class: 'actions' }, h('button', {
          type: 'button', class: 'button button-secondary button-small', 'data-testid': 'session-revoke',
          'aria-label': item.current ? t('account.sessions.signOutThis') : t('account.sessions.signOutNamed', { device: deviceName(item.user_agent) }),
          onclick: async (event) => {
            if (item.current) {
              await leave(false);
              return;
            }
            const done = busy(event.currentTarget);
            alertSlot.replaceChildren();
            try {
              await api.del(`/me/sessions/${item.id}`);
              sessions = sessions.filter((other) => other.id !== item.id);
              draw();
              announce(status, t('account.sessions.revoked'));
            } catch (error) {
              done();
              alertSlot.replaceChildren(problemAlert(error));
            }
          },
        }, t('account.sessions.signOut'))))),
    }));
  };
  draw();
  return h('section', { class: 'panel account-section', 'aria-labelledby': 'sessions-title', 'data-testid': 'sessions-section' },
    h('h2', { id: 'sessions-title' }, t('account.sessions.title')),
    h('p', { class: 'muted' }, t('account.sessions.intro')),
    status, alertSlot, listSlot,
    h('div', { class: 'form-actions' },
      h('button', { type: 'button', class: 'button button-danger', 'data-testid': 'sign-out-everywhere',
        onclick: () => leave(true) }, t('account.sessions.everywhere'))));
}

export async function render({ signal }) {
  session.requireUser();
  const me = await session.refresh({ signal });
  if (!me) throw new session.SignInRequired();
  const [tokens, sessions, fairs] = await Promise.all([
    api.get('/me/tokens', { signal }),
    api.get('/me/sessions', { signal }),
    api.fairs().catch(() => []),
  ]);
  const fairName = (id) => {
    const fair = fairs.find((item) => item.id === id);
    return fair ? pick(fair, 'name') : `#${id}`;
  };
  const title = t('account.title');
  return {
    title,
    node: h('section', { class: 'page account', 'data-testid': 'account-page' },
      h('div', { class: 'page-head' }, heading(title), h('p', { class: 'lead' }, t('account.intro'))),
      h('section', { class: 'panel account-section', 'aria-labelledby': 'me-title' },
        h('h2', { id: 'me-title' }, t('account.me')),
        facts([
          [t('auth.displayName'), me.display_name, 'account-name'],
          [t('auth.email'), me.email, 'account-email'],
          [t('account.role'), t(`role.${me.role}`), 'account-role'],
          [t('account.language'), languageName(me.language), 'account-language'],
          me.role === 'organizer' ? [t('account.fairs'), (me.fairs_organized ?? []).map(fairName).join(', '), 'account-fairs'] : null,
          me.role !== 'organizer' ? [t('account.profiles'), profileSummary(me.profiles), 'account-profiles-row'] : null,
        ].filter(Boolean))),
      tokensSection(tokens?.items ?? []),
      sessionsSection(sessions?.items ?? [])),
  };
}
