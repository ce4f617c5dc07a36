// Script in every text field a user can fill (issue 8): an exhibitor's
// profile and product, an importer's company, a meeting request's message and
// a decline reason, a deal's note, a lead's note, an API token's name and the
// fair's names are set to script payloads through the API; then every page
// that renders them is opened in Chromium (directory, search, exhibitor and
// product pages, profile editors, recommendations, inbox and outbox, deals,
// leads, account, badges, both sides' published schedules, organizer pages,
// report). Nothing executes:
// window.__xss stays undefined, no dialog opens, no element comes out of a
// payload, the page logs no error (a CSP refusal would be one), and the
// payload shows as plain text where the field is shown.

import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from './harness.js';
import { WAIT_MS, ready, open, makeOrganizer, apiClient } from './helpers.js';

const IMG = '<img src=x onerror="window.__xss=1;alert(1)">';
const SCRIPT = '"><script>window.__xss=1</script>';
const SVG = "'><svg onload=window.__xss=1>";
const TPL = '${window.__xss=1}{{constructor.constructor("window.__xss=1")()}}';
const payload = (label) => `${label} ${IMG}${SCRIPT}${SVG}${TPL}`;

const EXHIBITOR = { email: 'xss.exhibitor@example.com', password: 'xss-exhibitor-pass-2026' };
const IMPORTER = { email: 'xss.importer@example.com', password: 'xss-importer-pass-2026' };

const TEXT = {
  fair: payload('Hội chợ'),
  exhibitor: payload('Xưởng gốm'),
  exhibitorEn: payload('Pottery'),
  village: payload('Làng'),
  description: payload('Mô tả'),
  product: payload('Bình'),
  productDesc: payload('Men lam'),
  artisan: payload('Nghệ nhân'),
  importer: payload('Buyer'),
  message: payload('Message'),
  reason: payload('Reason'),
  deal: payload('Deal'),
  lead: payload('Lead'),
  token: `T ${IMG}${SVG}`.slice(0, 80),
};

async function signIn(page, url, { email, password }) {
  await open(page, url, '#/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((target) => !target.hash.startsWith('#/login'));
  await ready(page);
}

async function signOut(page) {
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/#\/login/);
  await ready(page);
}

describe('script payloads in every text field are shown as text, never run', () => {
  let app;
  let page;
  let fair;
  let exhibitorId;
  let importerId;
  let productId;
  let dialogs = 0;

  before(async () => {
    app = await startApp({ scale: 'small' });
    page = app.page;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      dialog.dismiss().catch(() => {});
    });
    // Any page of the context: a payload that ran would set this flag on the page it ran in.
    fair = (await app.api('/api/v1/fairs')).items[0].id;
    const organizer = await makeOrganizer(app, fair, { email: 'xss.organizer@example.com' });
    const org = apiClient(app.url, { token: organizer.token });
    const check = (r, want, what) => assert.equal(r.status, want, `${what}: ${JSON.stringify(r.body)}`);

    check(await org.call('PATCH', `/fairs/${fair}`, { name_vi: TEXT.fair, name_en: TEXT.fair }), 200, 'fair names');

    const ex = apiClient(app.url);
    check(await ex.call('POST', '/auth/register', { ...EXHIBITOR, display_name: payload('Người').slice(0, 120), role: 'exhibitor', language: 'en' }), 201, 'register exhibitor');
    let r = await ex.call('POST', '/exhibitors', {
      fair_id: fair, name: TEXT.exhibitor, name_en: TEXT.exhibitorEn, tax_code: '0109998887', province: 'ha-noi',
      craft_village: TEXT.village.slice(0, 120), description_vi: TEXT.description, description_en: TEXT.description,
      categories: ['ceramics.tableware'], price_tier: 'mid', website: 'https://gom.example.vn/<script>',
    });
    check(r, 201, 'exhibitor profile');
    exhibitorId = r.body.id;
    for (const bad of ['javascript:window.__xss=1', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>1</script>']) {
      check(await ex.call('PATCH', `/exhibitors/${exhibitorId}`, { website: bad }), 422, `website ${bad}`);
    }
    r = await ex.call('POST', `/exhibitors/${exhibitorId}/products`, {
      name_vi: TEXT.product, name_en: TEXT.product, description_vi: TEXT.productDesc, description_en: TEXT.productDesc,
      village: TEXT.village.slice(0, 120), artisan: TEXT.artisan.slice(0, 120), category: 'ceramics.tableware',
      fob_price_min: 100, fob_price_max: 200,
    });
    check(r, 201, 'product');
    productId = r.body.id;
    check(await ex.call('POST', '/me/tokens', { name: TEXT.token }), 201, 'token');

    const imp = apiClient(app.url);
    check(await imp.call('POST', '/auth/register', { ...IMPORTER, display_name: payload('Olivia').slice(0, 120), role: 'importer', language: 'en' }), 201, 'register importer');
    r = await imp.call('POST', '/importers', {
      fair_id: fair, name: TEXT.importer, country: 'GB', buyer_type: 'retail_chain', categories: ['ceramics.tableware'],
      price_tier: 'mid', annual_budget: { amount: 100000, currency: 'GBP' }, languages: ['en'], lead_sharing: true,
    });
    check(r, 201, 'importer profile');
    importerId = r.body.id;
    for (const [kind, id] of [['exhibitor', exhibitorId], ['importer', importerId]]) {
      check(await org.call('POST', `/fairs/${fair}/participants/${kind}/${id}/decision`, { decision: 'approve' }), 200, `approve ${kind}`);
    }
    // A request the exhibitor declines (with a reason), and one it leaves in its inbox.
    r = await imp.call('POST', '/me/meeting-requests', { exhibitor_id: exhibitorId, priority: 'must_meet', message: TEXT.message });
    check(r, 201, 'meeting request');
    check(await ex.call('POST', `/me/meeting-requests/${r.body.id}/response`, { decision: 'decline', reason: TEXT.reason.slice(0, 500) }), 200, 'decline');
    r = await imp.call('POST', '/me/meeting-requests', { exhibitor_id: exhibitorId, priority: 'would_like', message: TEXT.message });
    check(r, 201, 'second request');
    const accepted = r.body.id;
    // A third, accepted and scheduled: the schedule pages show both companies' names.
    r = await imp.call('POST', '/me/meeting-requests', { exhibitor_id: exhibitorId, priority: 'must_meet', message: TEXT.message });
    check(r, 409, 'one open request per pair');
    check(await ex.call('POST', `/me/meeting-requests/${accepted}/response`, { decision: 'accept' }), 200, 'accept');
    const fairRow = (await org.call('GET', `/fairs/${fair}`)).body;
    check(await org.call('PUT', `/fairs/${fair}/grid`, {
      days: [fairRow.start_date], sessions: [{ start: '09:00', end: '12:00' }], slot_minutes: 30, pause_minutes: 0,
      tables: 2, use_booths: false,
    }), 200, 'grid');
    r = await org.call('POST', `/fairs/${fair}/schedule-runs`, { seconds: 1 });
    check(r, 202, 'schedule run');
    let run = r.body;
    for (let i = 0; i < 300 && run.status === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      run = (await org.call('GET', `/fairs/${fair}/schedule-runs/${run.id}`)).body;
    }
    assert.equal(run.status, 'done', JSON.stringify(run));
    check(await org.call('POST', `/fairs/${fair}/schedule-runs/${run.id}/publish`), 200, 'publish');
    check(await ex.call('POST', `/fairs/${fair}/deals`, {
      counterpart_id: importerId, kind: 'contract', value: { amount: 1234500, currency: 'USD' }, note: TEXT.deal,
    }), 201, 'deal');
    let badge = null;
    for (let offset = 0; !badge; offset += 100) {
      const page = await org.call('GET', `/fairs/${fair}/participants?kind=importer&limit=100&offset=${offset}`);
      assert.ok(page.body.items.length > 0, 'the importer is among the participants');
      badge = page.body.items.find((p) => p.id === importerId)?.badge_code;
    }
    check(await ex.call('POST', `/fairs/${fair}/leads`, { badge_code: badge, note: TEXT.lead }), 201, 'lead');
    check(await org.call('POST', `/fairs/${fair}/check-ins`, { badge_code: badge }), 201, 'check-in');
    // For the organizer's browser session.
    app.organizer = organizer;
  });

  afterEach(() => {
    app?.browser.assertNoErrors();
  });

  after(async () => {
    if (!app) return;
    const exit = await app.teardown();
    assert.deepEqual({ code: exit.code, signal: exit.signal, timedOut: exit.timedOut ?? false },
      { code: 0, signal: null, timedOut: false }, 'the server shuts down cleanly on SIGTERM');
  });

  /** Opens a page, waits for its view, and checks that nothing ran and `shown` texts are on it as text. */
  async function visit(hash, shown = []) {
    await open(page, app.url, hash);
    // Let late work (images, timers, live messages) happen before judging.
    await page.waitForTimeout(150);
    const state = await page.evaluate(() => ({
      xss: typeof window.__xss,
      injected: document.querySelectorAll('img[src="x"], svg[onload], script:not([src]), [onerror], [onload]').length,
      javascriptLinks: [...document.querySelectorAll('a[href]')]
        .filter((a) => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length,
      text: document.querySelector('main')?.innerText ?? '',
    }));
    assert.equal(state.xss, 'undefined', `${hash}: a payload ran`);
    assert.equal(dialogs, 0, `${hash}: a dialog opened`);
    assert.equal(state.injected, 0, `${hash}: an element came out of a payload`);
    assert.equal(state.javascriptLinks, 0, `${hash}: a javascript: link`);
    // Each entry: a text, or a list of texts of which one must show (a name in either language).
    const onPage = state.text.replace(/\s+/g, ' ').toLowerCase();
    for (const entry of shown) {
      const needles = (Array.isArray(entry) ? entry : [entry]).map((text) => text.replace(/\s+/g, ' ').slice(0, 60));
      assert.ok(needles.some((needle) => onPage.includes(needle.toLowerCase())),
        `${hash}: ${JSON.stringify(needles)} is not shown as text`);
    }
  }

  test('public pages: overview, directory, search, exhibitor, products, product', async () => {
    await visit('#/');
    await visit('#/exhibitors');
    await visit(`#/exhibitors?q=${encodeURIComponent('Xưởng gốm')}`, [[TEXT.exhibitor, TEXT.exhibitorEn]]);
    await visit(`#/exhibitors?q=${encodeURIComponent(IMG)}`);
    await visit(`#/exhibitors/${exhibitorId}`, [[TEXT.exhibitor, TEXT.exhibitorEn], TEXT.description]);
    await visit('#/products');
    await visit(`#/products?q=${encodeURIComponent('Bình')}`);
    await visit(`#/products/${productId}`, [TEXT.artisan.slice(0, 40)]);
    await page.getByRole('link', { name: /gom\.example\.vn/ }).count();  // the website shows, as an http(s) link only
  });

  test("the exhibitor's pages: profile, editor, inbox, buyers, deals, leads, account, badge", async () => {
    await signIn(page, app.url, EXHIBITOR);
    await visit('#/profile');
    await visit(`#/exhibitors/${exhibitorId}/edit`);
    const fields = await page.locator('main input, main textarea').evaluateAll((els) => els.map((el) => el.value));
    assert.ok(fields.includes(TEXT.exhibitor), 'the payload is the value of its field, as typed');
    await visit('#/meetings', [TEXT.message]);
    await visit('#/buyers');
    await visit('#/deals');
    await visit('#/leads', [TEXT.lead]);
    await visit('#/account', [TEXT.token.slice(0, 40)]);
    await visit('#/badge');
    await visit('#/today');
    await visit('#/meetings/schedule', [TEXT.importer.slice(0, 40)]);
    await signOut(page);
  });

  test("the importer's pages: recommendations, outbox, shortlist, deals, editor, badge", async () => {
    await signIn(page, app.url, IMPORTER);
    await visit('#/recommendations');
    await visit('#/meetings');
    await visit('#/meetings?box=outbox');
    await visit('#/shortlist');
    await visit('#/deals');
    await visit(`#/importers/${importerId}/edit`);
    await visit('#/badge');
    await visit('#/meetings/schedule', [[TEXT.exhibitor.slice(0, 40), TEXT.exhibitorEn.slice(0, 40)]]);
    await signOut(page);
  });

  test("the organizer's pages: participants, audit, badges, live, check-in, meetings, report", async () => {
    await signIn(page, app.url, { email: app.organizer.email, password: app.organizer.password });
    await visit('#/organizer/participants');
    await visit('#/organizer/participants?kind=importer');
    await visit('#/organizer/audit');
    await visit('#/organizer/outbox');
    await visit('#/organizer/badges');
    await visit('#/organizer/badges/print');
    await visit(`#/badge/importer/${importerId}`);
    await visit(`#/badge/exhibitor/${exhibitorId}`);
    await visit('#/organizer/live');
    await visit('#/organizer/check-in');
    await visit('#/organizer/meetings');
    await visit('#/organizer/match');
    await visit('#/organizer/report');
    await visit('#/organizer/booths');
    await visit('#/organizer/rates');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined');
    assert.equal(dialogs, 0);
    await signOut(page);
  });

  test('the payloads were stored exactly as typed', async () => {
    const got = await app.api(`/api/v1/exhibitors/${exhibitorId}`);
    assert.equal(got.name, TEXT.exhibitor);
    assert.equal(got.description_vi, TEXT.description);
    const product = await app.api(`/api/v1/products/${productId}`);
    assert.equal(product.name_vi, TEXT.product);
    const fairRow = await app.api(`/api/v1/fairs/${fair}`);
    assert.equal(fairRow.name_vi, TEXT.fair);
    assert.ok(WAIT_MS > 0);
  });
});
