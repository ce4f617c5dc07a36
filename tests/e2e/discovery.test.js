// Discovery in the browser, against the real server and the small demo fair:
// an importer (whose profile an organizer approved through the API) signs
// in, types "bat trang" in the catalogue search and sees the Bát Tràng
// ceramics exhibitors as it types, narrows them with a filter whose facet
// count it saw, sorts them by name; opens its recommendations and sees the
// reasons; adds one to its shortlist and finds it on the shortlist page. An
// exhibitor sees the buyers it should meet; the organizer edits the weights
// (with field errors) and explains a pair. The tests run in order and share
// one browser page.

import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshotPath } from './harness.js';
import { WAIT_MS, waitForText, ready, open, makeOrganizer, apiClient } from './helpers.js';

const IMPORTER = { email: 'claire.martin@maison-lyon.example', password: 'faience-de-lyon-2026', name: 'Claire Martin' };
const EXHIBITOR = { email: 'gom.thanh.ha@example.com', password: 'gom-thanh-ha-hoi-an-1975', name: 'Lê Thị Hoa' };

async function signIn(page, url, user) {
  await open(page, url, '#/login');
  await page.getByTestId('login-email').fill(user.email);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((target) => !target.hash.startsWith('#/login'));
  await ready(page);
}

async function signOut(page) {
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/#\/login/);
  await ready(page);
}

describe('discovery: catalogue search, recommendations, shortlist, weights', () => {
  let app;
  let page;
  let fair;
  let organizer;
  let importerProfile;
  let shortlisted;

  before(async () => {
    app = await startApp({ scale: 'small' });
    page = app.page;
    fair = (await app.api('/api/v1/fairs')).items[0];
    organizer = await makeOrganizer(app, fair.id);
    const organizerApi = apiClient(app.url, { token: organizer.token });

    // An importer from France that sources ceramics, approved by the organizer.
    const importer = apiClient(app.url);
    assert.equal((await importer.call('POST', '/auth/register', {
      email: IMPORTER.email, password: IMPORTER.password, display_name: IMPORTER.name, language: 'en', role: 'importer',
    })).status, 201);
    const created = await importer.call('POST', '/importers', {
      fair_id: fair.id, name: 'Maison Lyon Décoration', country: 'FR', buyer_type: 'retail_chain',
      categories: ['ceramics.ornaments', 'ceramics.tableware'], price_tier: 'mid', order_quantity: 1000,
      max_lead_time_days: 90, annual_budget: { amount: 25_000_000, currency: 'EUR' }, languages: ['fr', 'en'],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    importerProfile = created.body;
    const approved = await organizerApi.call('POST', `/fairs/${fair.id}/participants/importer/${importerProfile.id}/decision`,
      { decision: 'approve', reason: '' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));

    // A Vietnamese ceramics workshop, approved too.
    const exhibitor = apiClient(app.url);
    assert.equal((await exhibitor.call('POST', '/auth/register', {
      email: EXHIBITOR.email, password: EXHIBITOR.password, display_name: EXHIBITOR.name, language: 'vi', role: 'exhibitor',
    })).status, 201);
    const workshop = await exhibitor.call('POST', '/exhibitors', {
      fair_id: fair.id, name: 'Cơ sở Gốm Thanh Hà Lê Hoa', name_en: 'Le Hoa Thanh Ha Pottery', tax_code: '4000123456',
      province: 'da-nang', craft_village: 'Thanh Hà', categories: ['ceramics.ornaments', 'ceramics.garden'],
      price_tier: 'mid', moq: 200, monthly_capacity: 5000, lead_time_days: 45, languages: ['vi', 'en', 'fr'],
      export_markets: ['FR', 'DE'],
    });
    assert.equal(workshop.status, 201, JSON.stringify(workshop.body));
    assert.equal((await organizerApi.call('POST', `/fairs/${fair.id}/participants/exhibitor/${workshop.body.id}/decision`,
      { decision: 'approve', reason: '' })).status, 200);
  });

  afterEach(() => {
    app?.browser.assertNoErrors();
  });

  after(async () => {
    if (!app) return;
    const exit = await app.teardown();
    assert.equal(exit.code, 0, 'the server shuts down cleanly');
  });

  test('the importer signs in, in its own language, and sees its approved profile', async () => {
    await signIn(page, app.url, IMPORTER);
    assert.match(page.url(), /#\/profile$/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'the UI follows the user’s language');
    await waitForText(page.getByTestId('participation-status'), 'Approved');
    assert.equal(await page.getByTestId('name').inputValue(), 'Maison Lyon Décoration');
    assert.equal(await page.getByTestId('country').inputValue(), 'FR');
    assert.equal(await page.getByTestId('annual_budget').inputValue(), '250000');
    assert.equal(await page.getByTestId('annual_budget_currency').inputValue(), 'EUR');
    await page.getByTestId('nav-recommendations').waitFor({ timeout: WAIT_MS });
    await page.getByTestId('nav-shortlist').waitFor({ timeout: WAIT_MS });
    await page.screenshot({ path: screenshotPath('importer-profile-en'), fullPage: true });
  });

  test('types "bat trang" in the catalogue and sees the Bát Tràng ceramics exhibitors as it types', async () => {
    const expected = await app.api(`/api/v1/exhibitors?fair=${fair.id}&q=${encodeURIComponent('bat trang')}&facets=true&limit=20`);
    assert.ok(expected.total > 0, 'the demo fair has exhibitors in Bát Tràng');
    await page.getByTestId('nav-exhibitors').click();
    await page.waitForURL(/#\/exhibitors$/);
    await ready(page);
    const search = page.getByTestId('search-input');
    await search.click();
    await search.pressSequentially('bat trang', { delay: 40 });
    await page.waitForURL(/#\/exhibitors\?q=bat(\+|%20)trang$/);
    await ready(page);
    await waitForText(page.getByTestId('result-count'), `${expected.total} exhibitor${expected.total === 1 ? '' : 's'} for “bat trang”`);
    const ids = await page.getByTestId('exhibitor-row').evaluateAll((rows) => rows.map((row) => Number(row.dataset.id)));
    assert.deepEqual(ids, expected.items.map((e) => e.id), 'the results are the server’s, in its order');
    const villages = await page.getByTestId('exhibitor-village').allTextContents();
    assert.ok(villages.filter((v) => v === 'Bát Tràng').length >= Math.min(3, expected.total), `Bát Tràng villages: ${villages}`);
    const first = page.getByTestId('exhibitor-row').first();
    await waitForText(first.getByTestId('exhibitor-village'), 'Bát Tràng');
    await waitForText(first.getByTestId('exhibitor-categories'), /Ceramic/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'catalogue-search', 'focus stays in the search box');
    assert.equal(await search.inputValue(), 'bat trang');
    await page.screenshot({ path: screenshotPath('catalogue-bat-trang-en'), fullPage: true });

    // Facet counts stand next to the filter options; choosing one narrows the results.
    const ornaments = expected.facets.category['ceramics.ornaments'];
    assert.ok(ornaments > 0);
    const option = page.locator('#category-filter option[value="ceramics.ornaments"]');
    await waitForText(option, `Ceramic ornaments and vases (${ornaments})`);
    await page.getByTestId('category-filter').selectOption('ceramics.ornaments');
    await page.waitForURL(/category=ceramics\.ornaments/);
    await ready(page);
    const narrowed = await app.api(`/api/v1/exhibitors?fair=${fair.id}&q=bat%20trang&category=ceramics.ornaments&limit=20`);
    assert.equal(narrowed.total, ornaments);
    assert.deepEqual(await page.getByTestId('exhibitor-row').evaluateAll((rows) => rows.map((row) => Number(row.dataset.id))),
      narrowed.items.map((e) => e.id));

    await page.getByTestId('sort-select').selectOption('name');
    await page.waitForURL(/sort=name/);
    await ready(page);
    const byName = await app.api(`/api/v1/exhibitors?fair=${fair.id}&q=bat%20trang&category=ceramics.ornaments&sort=name&limit=20`);
    assert.deepEqual(await page.getByTestId('exhibitor-row').evaluateAll((rows) => rows.map((row) => Number(row.dataset.id))),
      byName.items.map((e) => e.id));

    // The search is in the URL: a reload shows the same results.
    await page.reload();
    await ready(page);
    assert.equal(await page.getByTestId('search-input').inputValue(), 'bat trang');
    assert.equal(await page.getByTestId('category-filter').inputValue(), 'ceramics.ornaments');
    assert.equal(await page.getByTestId('exhibitor-row').count(), byName.items.length);

    await page.getByTestId('clear-filters').click();
    await page.waitForURL(/#\/exhibitors$/);
    await ready(page);
    await waitForText(page.getByTestId('result-count'), /^\d+ exhibitors$/);
  });

  test('opens its recommendations and sees the reasons', async () => {
    const expected = await apiClient(app.url).call('GET', `/exhibitors?fair=${fair.id}&limit=1`);
    assert.ok(expected.body.total > 0);
    await page.getByTestId('nav-recommendations').click();
    await page.waitForURL(/#\/recommendations$/);
    await ready(page);
    await waitForText(page.locator('h1'), 'Recommended for you');
    const cards = page.getByTestId('recommendation');
    assert.ok(await cards.count() > 0, 'there are recommendations');
    const card = cards.first();
    await waitForText(card.getByTestId('score'), /^\d{1,3}\/100$/);
    const reasons = await card.getByTestId('reason').allTextContents();
    assert.ok(reasons.length > 0, 'the first recommendation has reasons');
    assert.ok(reasons.some((text) => /Ceramic/.test(text)), `a reason names the shared ceramics category: ${reasons}`);
    assert.ok(await card.locator('meter').count() === 1, 'a bar shows the score');
    await page.screenshot({ path: screenshotPath('recommendations-en'), fullPage: true });
  });

  test('adds a recommendation to the shortlist and finds it on the shortlist page', async () => {
    const card = page.getByTestId('recommendation').first();
    shortlisted = Number(await card.getAttribute('data-id'));
    const name = (await card.getByTestId('recommendation-name').textContent()).trim();
    const toggle = card.getByTestId('shortlist-toggle');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    await page.waitForFunction((id) => document.querySelector(`[data-testid="recommendation"][data-id="${id}"] [data-testid="shortlist-toggle"]`)
      ?.getAttribute('aria-pressed') === 'true', shortlisted, { timeout: WAIT_MS });
    await waitForText(page.getByTestId('shortlist-status'), `${name} added to your shortlist.`);

    await page.getByTestId('nav-shortlist').click();
    await page.waitForURL(/#\/shortlist$/);
    await ready(page);
    const row = page.locator(`[data-testid="exhibitor-row"][data-id="${shortlisted}"]`);
    await waitForText(row.getByTestId('exhibitor-link'), name);
    await row.getByTestId('shortlist-note').fill('Ask for blue-and-white samples.');
    await row.getByTestId('shortlist-note-save').click();
    await waitForText(page.getByTestId('shortlist-status'), `Note saved for ${name}.`);
    const stored = await page.evaluate(async () => (await (await fetch('/api/v1/me/shortlist')).json()).items);
    assert.deepEqual(stored.map((item) => [item.exhibitor.id, item.note]), [[shortlisted, 'Ask for blue-and-white samples.']]);
    await page.screenshot({ path: screenshotPath('shortlist-en'), fullPage: true });

    // The exhibitor's page knows it is on the shortlist, and can take it off.
    await row.getByTestId('exhibitor-link').click();
    await page.waitForURL(new RegExp(`#/exhibitors/${shortlisted}$`));
    await ready(page);
    const onPage = page.getByTestId('shortlist-toggle');
    assert.equal(await onPage.getAttribute('aria-pressed'), 'true');
    await onPage.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="shortlist-toggle"]')?.getAttribute('aria-pressed') === 'false',
      null, { timeout: WAIT_MS });
    await open(page, app.url, '#/shortlist');
    await page.getByTestId('empty').waitFor({ timeout: WAIT_MS });
  });

  test('an exhibitor sees the buyers it should meet, with reasons in Vietnamese', async () => {
    await signOut(page);
    await signIn(page, app.url, EXHIBITOR);
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await page.getByTestId('nav-buyers').click();
    await page.waitForURL(/#\/buyers$/);
    await ready(page);
    await waitForText(page.locator('h1'), 'Người mua nên gặp');
    const card = page.locator(`[data-testid="recommendation"][data-id="${importerProfile.id}"]`);
    await waitForText(card.getByTestId('recommendation-name'), 'Maison Lyon Décoration');
    const reasons = await card.getByTestId('reason').allTextContents();
    assert.ok(reasons.some((text) => text.includes('Gốm sứ trang trí')), `a reason in Vietnamese names the category: ${reasons}`);
    await page.screenshot({ path: screenshotPath('buyers-vi'), fullPage: true });
  });

  test('the organizer edits the weights with field errors, and explains a pair', async () => {
    await signOut(page);
    await signIn(page, app.url, organizer);
    await open(page, app.url, '#/organizer/weights');
    const category = page.getByTestId('weight-category');
    await category.fill('150');
    await page.getByTestId('weights-save').click();
    await waitForText(page.getByTestId('field-error-category'), 'Giá trị phải từ 0 đến 100.');

    // Every criterion at 0: the server refuses, and says so next to the criteria.
    app.browser.allow(/status of 422 .*\/api\/v1\/fairs\/\d+\/weights/);
    for (const part of ['category', 'certification', 'price', 'moq', 'lead_time', 'capacity', 'language',
      'export_experience', 'target_market', 'buyer_type']) {
      await page.getByTestId(`weight-${part}`).fill('0');
    }
    await page.getByTestId('weights-save').click();
    await waitForText(page.getByTestId('field-error-weights'), 'Cần ít nhất một trọng số lớn hơn 0.');

    await page.reload();
    await ready(page);
    await page.getByTestId('weight-category').fill('50');
    await page.getByTestId('weights-save').click();
    await waitForText(page.getByTestId('weights-status'), /^Đã lưu trọng số/);
    const weights = await apiClient(app.url, { token: organizer.token }).call('GET', `/fairs/${fair.id}/weights`);
    assert.equal(weights.body.category, 50);
    await page.screenshot({ path: screenshotPath('weights-vi'), fullPage: true });

    await page.getByTestId('tab-match').click();
    await page.waitForURL(/#\/organizer\/match$/);
    await ready(page);
    await page.getByTestId('pair-importer').fill(String(importerProfile.id));
    await page.getByTestId('pair-exhibitor').fill(String(shortlisted));
    await page.getByTestId('pair-submit').click();
    await page.waitForURL(/#\/organizer\/match\?importer=\d+&exhibitor=\d+$/);
    await ready(page);
    await waitForText(page.getByTestId('pair-importer-name'), /^Maison Lyon Décoration · Pháp$/);
    await waitForText(page.getByTestId('pair-score'), /^\d{1,3}\/100$/);
    const categoryPart = page.locator('[data-testid="pair-part"][data-part="category"]');
    await waitForText(categoryPart.getByTestId('pair-points'), /^\d+$/);
    assert.ok(await page.getByTestId('pair-part').count() >= 8, 'every part of the score is listed');
    await page.screenshot({ path: screenshotPath('pair-vi'), fullPage: true });
  });
});
