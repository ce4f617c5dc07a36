// Company profiles: #/profile (my profile in the current fair: apply with a
// new one, or see its participation status and edit it) and
// #/exhibitors/{id}/edit, #/importers/{id}/edit (its owner, or an organizer
// of its fair; anyone else is refused with the reason).

import { h, route } from '../dom.js';
import { t, pick, compareText, languageName, currencyDigits } from '../i18n.js';
import * as api from '../api.js';
import * as session from '../session.js';
import { go } from '../nav.js';
import { heading, backLink, participationBadge } from './common.js';
import {
  field, fieldGroup, select, checkboxes, checkedValues, codePicker, FormErrors, busy, requiredNote,
  statusRegion, announce,
} from '../forms.js';

export const PRICE_TIERS = ['budget', 'mid', 'premium', 'luxury'];
export const BUYER_TYPES = ['wholesaler', 'retail_chain', 'e_commerce', 'interior_designer', 'sourcing_agent',
  'department_store', 'gift_shop'];
// Languages of trade offered in the pickers (ISO 639-1); a profile's own codes are always offered too.
export const TRADE_LANGUAGES = ['vi', 'en', 'fr', 'de', 'es', 'it', 'pt', 'nl', 'ru', 'zh', 'ja', 'ko', 'th', 'ar',
  'hi', 'id', 'ms', 'pl', 'sv', 'da', 'nb', 'fi', 'tr', 'cs', 'el', 'he', 'hu', 'ro', 'uk', 'km', 'lo', 'tl'];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'KRW', 'AUD', 'CAD', 'CHF', 'SGD', 'HKD', 'TWD', 'THB',
  'SEK', 'NOK', 'DKK', 'NZD', 'AED', 'INR', 'VND'];

function sorted(pairs) {
  return [...pairs].sort((a, b) => compareText(a[1], b[1]));
}

export function refOptions(ref, { withHs = false } = {}) {
  return sorted(ref.items.map((item) => [item.code,
    withHs && item.hs_code ? `${pick(item, 'name')} (HS ${item.hs_code})` : pick(item, 'name')]));
}

export function languageOptions(extra = []) {
  return sorted([...new Set([...TRADE_LANGUAGES, ...extra])].map((code) => [code, languageName(code)]));
}

function currencyName(code) {
  try {
    const name = new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'currency' }).of(code);
    return name && name !== code ? `${code} — ${name}` : code;
  } catch {
    return code;
  }
}

function textInput(id, value = '', attrs = {}) {
  return h('input', { type: 'text', id, name: id, value: value ?? '', 'data-testid': id, ...attrs });
}

function numberInput(id, value, attrs = {}) {
  return h('input', { type: 'number', id, name: id, min: '0', step: '1', inputmode: 'numeric',
    value: Number.isFinite(value) && value > 0 ? String(value) : '', 'data-testid': id, ...attrs });
}

/** A whole number from an input: null when empty, NaN when not a whole number ≥ 0. */
function wholeNumber(input) {
  const text = input.value.trim();
  if (text === '') return null;
  return /^\d{1,12}$/.test(text) ? Number(text) : Number.NaN;
}

function section(titleKey, ...children) {
  const id = `section-${titleKey.replace(/\W+/g, '-')}`;
  return h('section', { class: 'form-section', 'aria-labelledby': id },
    h('h2', { id }, t(titleKey)),
    h('div', { class: 'form-grid' }, children));
}

/**
 * The exhibitor form. Returns {node, collect(errors)}: collect adds
 * client-side errors and returns the JSON body for POST/PATCH.
 */
function exhibitorForm(data, refs) {
  const c = {
    name: textInput('name', data.name, { maxlength: '200', autocomplete: 'organization' }),
    name_en: textInput('name_en', data.name_en, { maxlength: '200', lang: 'en' }),
    tax_code: textInput('tax_code', data.tax_code, { inputmode: 'numeric', maxlength: '14', autocomplete: 'off' }),
    province: select({ id: 'province', name: 'province', value: data.province ?? '', placeholder: t('form.choose'),
      options: refOptions(refs.provinces) }),
    craft_village: textInput('craft_village', data.craft_village, { maxlength: '120' }),
    website: h('input', { type: 'url', id: 'website', name: 'website', value: data.website ?? '', 'data-testid': 'website',
      placeholder: 'https://', autocomplete: 'url' }),
    materials: textInput('materials', (data.materials ?? []).join(', ')),
    moq: numberInput('moq', data.moq),
    monthly_capacity: numberInput('monthly_capacity', data.monthly_capacity),
    lead_time_days: numberInput('lead_time_days', data.lead_time_days, { max: '730' }),
    price_tier: select({ id: 'price_tier', name: 'price_tier', value: data.price_tier ?? '', placeholder: t('form.choose'),
      options: PRICE_TIERS.map((tier) => [tier, t(`tier.${tier}`)]) }),
    description_vi: h('textarea', { id: 'description_vi', name: 'description_vi', rows: '5', lang: 'vi', 'data-testid': 'description_vi',
      maxlength: '4000' }, data.description_vi ?? ''),
    description_en: h('textarea', { id: 'description_en', name: 'description_en', rows: '5', lang: 'en', 'data-testid': 'description_en',
      maxlength: '4000' }, data.description_en ?? ''),
  };
  const categories = checkboxes({ idPrefix: 'categories', name: 'categories', selected: data.categories ?? [],
    options: refOptions(refs.categories, { withHs: true }) });
  const certifications = checkboxes({ idPrefix: 'certifications', name: 'certifications', selected: data.certifications ?? [],
    options: refOptions(refs.certifications) });
  const markets = codePicker({ id: 'export_markets', options: refOptions(refs.countries), selected: data.export_markets ?? [],
    addLabel: t('profile.addCountry') });
  const languages = codePicker({ id: 'languages', options: languageOptions(data.languages ?? []), selected: data.languages ?? [],
    addLabel: t('profile.addLanguage') });

  const node = h('div', {},
    section('profile.section.company',
      field({ name: 'name', label: t('profile.name'), control: c.name, hint: t('profile.name.hint'), required: true }),
      field({ name: 'name_en', label: t('profile.nameEn'), control: c.name_en }),
      field({ name: 'tax_code', label: t('exhibitor.taxCode'), control: c.tax_code, hint: t('profile.taxCode.hint'), required: true }),
      field({ name: 'province', label: t('exhibitors.province'), control: c.province, required: true }),
      field({ name: 'craft_village', label: t('exhibitors.village'), control: c.craft_village, hint: t('profile.village.hint') }),
      field({ name: 'website', label: t('exhibitor.website'), control: c.website })),
    section('profile.section.products',
      fieldGroup({ name: 'categories', id: 'categories', legend: t('exhibitors.categories'), content: categories,
        hint: t('profile.categories.hint'), required: true }),
      field({ name: 'materials', label: t('exhibitor.materials'), control: c.materials, hint: t('profile.materials.hint'), wide: true }),
      fieldGroup({ name: 'certifications', id: 'certifications', legend: t('exhibitor.certifications'), content: certifications }),
      field({ name: 'price_tier', label: t('exhibitor.priceTier'), control: c.price_tier, required: true }),
      field({ name: 'moq', label: t('exhibitor.moq'), control: c.moq, hint: t('profile.pieces.hint') }),
      field({ name: 'monthly_capacity', label: t('profile.capacity'), control: c.monthly_capacity, hint: t('profile.pieces.hint') }),
      field({ name: 'lead_time_days', label: t('profile.leadTime'), control: c.lead_time_days, hint: t('profile.days.hint') })),
    section('profile.section.markets',
      fieldGroup({ name: 'export_markets', id: 'export_markets-group', legend: t('exhibitor.exportMarkets'), content: markets.node,
        hint: t('profile.markets.hint') }),
      fieldGroup({ name: 'languages', id: 'languages-group', legend: t('exhibitor.languages'), content: languages.node })),
    section('profile.section.description',
      field({ name: 'description_vi', label: t('profile.descriptionVi'), control: c.description_vi, wide: true }),
      field({ name: 'description_en', label: t('profile.descriptionEn'), control: c.description_en, wide: true })));

  const collect = (errors) => {
    const body = {
      name: c.name.value.trim(),
      name_en: c.name_en.value.trim(),
      tax_code: c.tax_code.value.trim(),
      province: c.province.value,
      craft_village: c.craft_village.value.trim(),
      website: c.website.value.trim(),
      categories: checkedValues(node, 'categories'),
      certifications: checkedValues(node, 'certifications'),
      materials: c.materials.value.split(/[,;\n]/).map((item) => item.trim()).filter(Boolean),
      price_tier: c.price_tier.value,
      export_markets: markets.values(),
      languages: languages.values(),
      description_vi: c.description_vi.value.trim(),
      description_en: c.description_en.value.trim(),
    };
    if (!body.name) errors.add('name', t('validation.required'));
    if (!body.tax_code) errors.add('tax_code', t('validation.required'));
    else if (!/^\d{10}(-\d{3})?$/.test(body.tax_code)) errors.add('tax_code', t('validation.taxCode'));
    if (!body.province) errors.add('province', t('validation.choose'));
    if (body.categories.length === 0) errors.add('categories', t('validation.chooseOne'));
    if (!body.price_tier) errors.add('price_tier', t('validation.choose'));
    for (const key of ['moq', 'monthly_capacity', 'lead_time_days']) {
      const value = wholeNumber(c[key]);
      if (Number.isNaN(value)) errors.add(key, t('validation.integer'));
      else body[key] = value ?? 0;
    }
    if (body.lead_time_days > 730) errors.add('lead_time_days', t('validation.range', { min: 0, max: 730 }));
    return body;
  };
  return { node, collect, focus: () => c.name.focus() };
}

/** The importer form (see exhibitorForm). */
function importerForm(data, refs) {
  const budget = data.annual_budget ?? { amount: 0, currency: 'USD' };
  const digits = currencyDigits(budget.currency || 'USD');
  const c = {
    name: textInput('name', data.name, { maxlength: '200', autocomplete: 'organization' }),
    country: select({ id: 'country', name: 'country', value: data.country ?? '', placeholder: t('form.choose'),
      options: refOptions(refs.countries) }),
    buyer_type: select({ id: 'buyer_type', name: 'buyer_type', value: data.buyer_type ?? '', placeholder: t('form.choose'),
      options: BUYER_TYPES.map((type) => [type, t(`buyer.${type}`)]) }),
    price_tier: select({ id: 'price_tier', name: 'price_tier', value: data.price_tier ?? '', placeholder: t('form.choose'),
      options: PRICE_TIERS.map((tier) => [tier, t(`tier.${tier}`)]) }),
    order_quantity: numberInput('order_quantity', data.order_quantity),
    max_lead_time_days: numberInput('max_lead_time_days', data.max_lead_time_days, { max: '730' }),
    budget: h('input', { type: 'number', id: 'annual_budget', name: 'annual_budget', min: '0', step: 'any', inputmode: 'decimal',
      'data-testid': 'annual_budget', value: budget.amount > 0 ? String(budget.amount / 10 ** digits) : '' }),
    currency: select({ id: 'annual_budget_currency', name: 'annual_budget_currency', value: budget.currency || 'USD',
      options: [...new Set([...CURRENCIES, budget.currency || 'USD'])].map((code) => [code, currencyName(code)]) }),
  };
  const categories = checkboxes({ idPrefix: 'categories', name: 'categories', selected: data.categories ?? [],
    options: refOptions(refs.categories, { withHs: true }) });
  const certifications = checkboxes({ idPrefix: 'required_certifications', name: 'required_certifications',
    selected: data.required_certifications ?? [], options: refOptions(refs.certifications) });
  const languages = codePicker({ id: 'languages', options: languageOptions(data.languages ?? []), selected: data.languages ?? [],
    addLabel: t('profile.addLanguage') });
  // Consent to be saved as a lead when an exhibitor scans the badge at its booth (issue 7).
  const leadSharing = checkboxes({ idPrefix: 'lead_sharing', name: 'lead_sharing', columns: false,
    options: [['yes', t('profile.leadSharing.label')]], selected: data.lead_sharing === true ? ['yes'] : [] });

  const node = h('div', {},
    section('profile.section.company',
      field({ name: 'name', label: t('profile.importerName'), control: c.name, required: true }),
      field({ name: 'country', label: t('profile.country'), control: c.country, required: true }),
      field({ name: 'buyer_type', label: t('profile.buyerType'), control: c.buyer_type, required: true }),
      fieldGroup({ name: 'languages', id: 'languages-group', legend: t('profile.importerLanguages'), content: languages.node,
        required: true })),
    section('profile.section.sourcing',
      fieldGroup({ name: 'categories', id: 'categories', legend: t('profile.wantedCategories'), content: categories,
        hint: t('profile.categories.hint'), required: true }),
      fieldGroup({ name: 'required_certifications', id: 'required_certifications', legend: t('profile.requiredCertifications'),
        content: certifications, hint: t('profile.requiredCertifications.hint') }),
      field({ name: 'price_tier', label: t('exhibitor.priceTier'), control: c.price_tier, required: true }),
      field({ name: 'order_quantity', label: t('profile.orderQuantity'), control: c.order_quantity, hint: t('profile.private.hint') }),
      field({ name: 'max_lead_time_days', label: t('profile.maxLeadTime'), control: c.max_lead_time_days, hint: t('profile.private.hint') }),
      field({ name: 'annual_budget', label: t('profile.budget'), control: c.budget, hint: t('profile.private.hint'), required: true }),
      field({ name: 'annual_budget_currency', label: t('profile.currency'), control: c.currency, required: true })),
    section('profile.section.atTheFair',
      fieldGroup({ name: 'lead_sharing', id: 'lead_sharing-group', legend: t('profile.leadSharing'), content: leadSharing,
        hint: t('profile.leadSharing.hint') })));

  const collect = (errors) => {
    const body = {
      name: c.name.value.trim(),
      country: c.country.value,
      buyer_type: c.buyer_type.value,
      lead_sharing: checkedValues(node, 'lead_sharing').includes('yes'),
      categories: checkedValues(node, 'categories'),
      required_certifications: checkedValues(node, 'required_certifications'),
      price_tier: c.price_tier.value,
      languages: languages.values(),
    };
    if (!body.name) errors.add('name', t('validation.required'));
    if (!body.country) errors.add('country', t('validation.choose'));
    if (!body.buyer_type) errors.add('buyer_type', t('validation.choose'));
    if (body.categories.length === 0) errors.add('categories', t('validation.chooseOne'));
    if (!body.price_tier) errors.add('price_tier', t('validation.choose'));
    if (body.languages.length === 0) errors.add('languages', t('validation.chooseOne'));
    for (const key of ['order_quantity', 'max_lead_time_days']) {
      const value = wholeNumber(c[key]);
      if (Number.isNaN(value)) errors.add(key, t('validation.integer'));
      else body[key] = value ?? 0;
    }
    const currency = c.currency.value;
    const amountText = c.budget.value.trim().replace(',', '.');
    const amount = Number(amountText);
    if (amountText === '') errors.add('annual_budget', t('validation.required'));
    else if (!Number.isFinite(amount) || amount < 0) errors.add('annual_budget', t('validation.amountMajor'));
    else body.annual_budget = { amount: Math.round(amount * 10 ** currencyDigits(currency)), currency };
    return body;
  };
  return { node, collect, focus: () => c.name.focus() };
}

const ALIASES = { 'annual_budget.amount': 'annual_budget', 'annual_budget.currency': 'annual_budget_currency' };

function loadRefs() {
  return Promise.all(['categories', 'provinces', 'countries', 'certifications'].map((kind) => api.reference(kind)))
    .then(([categories, provinces, countries, certifications]) => ({ categories, provinces, countries, certifications }));
}

/** The participation status of a profile with the organizer's reason. */
function statusPanel(kind, data) {
  const status = data.status;
  return h('section', { class: `status-panel status-panel-${status}`, 'aria-labelledby': 'status-title', 'data-testid': 'status-panel' },
    h('h2', { id: 'status-title' }, t('profile.status.title'), ' ', participationBadge(status)),
    h('p', { 'data-testid': 'status-explanation' }, t(`profile.status.${status}.text`)),
    data.status_reason
      ? h('p', { class: 'status-reason' }, h('strong', {}, `${t('profile.status.reason')}: `),
        h('span', { 'data-testid': 'status-reason' }, data.status_reason))
      : null,
    kind === 'exhibitor'
      ? h('p', {}, h('a', { href: route(`/exhibitors/${data.id}`), 'data-testid': 'public-page-link' }, t('profile.viewPage')))
      : null);
}

/**
 * The form of a profile (new when data.id is absent). onSaved(saved) runs
 * after the server accepted it.
 */
function profileEditor(kind, data, refs, { fairId, onSaved }) {
  const editor = kind === 'exhibitor' ? exhibitorForm(data, refs) : importerForm(data, refs);
  const alertSlot = h('div', { class: 'form-alerts' });
  const status = statusRegion('save-status');
  const creating = !data.id;
  const submit = h('button', { type: 'submit', class: 'button', 'data-testid': 'profile-save' },
    creating ? t('profile.apply') : t('profile.save'));
  const form = h('form', { class: 'form profile-form', novalidate: true, 'data-testid': 'profile-form' },
    requiredNote(), alertSlot, editor.node, h('div', { class: 'form-actions form-actions-sticky' }, submit, status));
  const errors = new FormErrors(form, alertSlot);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    announce(status, '');
    const body = editor.collect(errors);
    if (errors.count > 0) {
      errors.show();
      return;
    }
    const done = busy(submit);
    try {
      const path = kind === 'exhibitor' ? '/exhibitors' : '/importers';
      const saved = creating
        ? await api.post(path, { ...body, fair_id: fairId })
        : await api.patch(`${path}/${data.id}`, body);
      done();
      announce(status, creating ? t('profile.applied') : t('profile.saved'));
      await onSaved(saved);
    } catch (error) {
      done();
      errors.fromProblem(error, ALIASES);
    }
  });
  return form;
}

/** The page refusing to edit a profile the user may not change. */
function refusedView(kind, data, id) {
  const title = t('profile.refused.title');
  return {
    title,
    node: h('section', { class: 'page narrow', 'data-testid': 'edit-refused' },
      heading(title),
      h('div', { class: 'alert', role: 'alert', 'data-testid': 'error-alert' },
        h('p', { class: 'alert-title', 'data-testid': 'error-title' }, t('problem.forbidden.title')),
        h('p', { class: 'alert-detail', 'data-testid': 'error-detail' },
          t('profile.refused.text', { name: data?.name ?? `#${id}` }))),
      kind === 'exhibitor'
        ? h('p', {}, h('a', { class: 'button button-secondary', href: route(`/exhibitors/${id}`) }, t('profile.backToPage')))
        : null,
      session.user()?.role !== 'organizer'
        ? h('p', {}, h('a', { href: '#/profile' }, t('profile.goToMine')))
        : null),
  };
}

/** #/exhibitors/{id}/edit and #/importers/{id}/edit. */
function editPage(kind) {
  return {
    async render({ params, signal }) {
      session.requireUser();
      const id = params[0];
      const [data, refs] = await Promise.all([
        api.get(`/${kind}s/${id}`, { signal }),
        loadRefs(),
      ]);
      // The server tells the participation status to the owner and the fair's organizers only.
      const mayEdit = 'status' in data;
      if (!mayEdit) return refusedView(kind, data, id);
      const title = t('profile.editTitle', { name: data.name });
      const statusSlot = h('div', {}, statusPanel(kind, data));
      const page = h('section', { class: 'page profile-edit', 'data-testid': 'profile-edit-page', 'data-kind': kind, 'data-id': data.id },
        kind === 'exhibitor' ? backLink(route(`/exhibitors/${data.id}`), t('profile.backToPage')) : null,
        h('div', { class: 'page-head' }, heading(title, { 'data-testid': 'profile-title' })),
        statusSlot,
        profileEditor(kind, data, refs, {
          fairId: data.fair_id,
          onSaved: async (saved) => {
            statusSlot.replaceChildren(statusPanel(kind, saved));
            await session.refresh().catch(() => {});
          },
        }));
      return { title, node: page };
    },
  };
}

export const editExhibitor = editPage('exhibitor');
export const editImporter = editPage('importer');

/** #/profile — my company profile in the current fair. */
export const mine = {
  async render({ query, signal }) {
    session.requireUser('exhibitor', 'importer');
    const [me, fair, refs] = await Promise.all([session.refresh({ signal }), api.currentFair(), loadRefs()]);
    if (!me) throw new session.SignInRequired();
    const kind = me.role;
    const title = t('profile.title');
    if (!fair) {
      return { title, node: h('section', { class: 'page narrow' }, heading(title), h('p', { class: 'empty' }, t('overview.noFair'))) };
    }
    const own = session.profileIn(fair.id);
    const fairName = pick(fair, 'name');
    if (!own) {
      const page = h('section', { class: 'page profile-edit', 'data-testid': 'profile-create-page', 'data-kind': kind },
        h('div', { class: 'page-head' },
          heading(title),
          query.get('welcome')
            ? h('p', { class: 'notice notice-success', 'data-testid': 'welcome' }, t('profile.welcome', { name: me.display_name }))
            : null,
          h('p', { class: 'lead' }, t(`profile.create.intro.${kind}`, { fair: fairName }))),
        profileEditor(kind, {}, refs, {
          fairId: fair.id,
          onSaved: async () => {
            await session.refresh().catch(() => {});
            go(route('/profile', { applied: 1 }));
          },
        }));
      return { title, node: page };
    }
    const data = await api.get(`/${own.kind}s/${own.id}`, { signal });
    const statusSlot = h('div', {}, statusPanel(own.kind, data));
    const page = h('section', { class: 'page profile-edit', 'data-testid': 'profile-edit-page', 'data-kind': own.kind, 'data-id': own.id },
      h('div', { class: 'page-head' },
        heading(title, { 'data-testid': 'profile-title' }),
        h('p', { class: 'lead' }, t('profile.inFair', { fair: fairName }))),
      query.get('applied') ? h('p', { class: 'notice notice-success', 'data-testid': 'applied' }, t('profile.appliedLong')) : null,
      statusSlot,
      profileEditor(own.kind, data, refs, {
        fairId: fair.id,
        onSaved: async (saved) => {
          statusSlot.replaceChildren(statusPanel(own.kind, saved));
          await session.refresh().catch(() => {});
        },
      }));
    return { title, node: page };
  },
};
