// The browser shell against the real server and the small demo fair: fair
// overview, exhibitor directory with paging and the province filter, the
// language switch (and that it is remembered), an exhibitor page with its
// products, the product pages with an uploaded photo, and the not-found and
// API-error views. The tests run in order and share one browser page.
//
// Run from the repository root: FAIRMATCH_BIN=build/fairmatch node --test tests/e2e/

import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshotPath, runCli } from './harness.js';

const WAIT_MS = 10_000;

/** Waits until the locator's trimmed text satisfies check (a string to equal, or a predicate); returns the text. */
async function waitForText(locator, check, { timeout = WAIT_MS } = {}) {
  const ok = typeof check === 'function' ? check : (text) => text === check;
  const deadline = Date.now() + timeout;
  let text = null;
  for (;;) {
    text = (await locator.first().textContent({ timeout }).catch(() => null))?.trim() ?? null;
    if (text !== null && ok(text)) return text;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`text of ${locator} is ${JSON.stringify(text)}; expected ${typeof check === 'function' ? check.toString() : JSON.stringify(check)}`);
}

/** Waits until the view on screen is the finished rendering of the current URL hash and language. */
async function ready(page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return main?.dataset.ready === 'true'
      && main.dataset.hash === window.location.hash
      && main.dataset.lang === document.documentElement.lang;
  }, null, { timeout: WAIT_MS });
}

async function rowTexts(page, testid) {
  return page.getByTestId(testid).allTextContents();
}

/** Intl output uses narrow and no-break spaces; compare text with plain spaces. */
function squash(text) {
  return text.replace(/[\s\u00a0\u202f\u2009]+/g, ' ').trim();
}

describe('browser shell: directory, language switch, profiles', () => {
  let app;
  let page;
  let fair;
  let counts;
  let firstPage;
  let secondPage;

  before(async () => {
    app = await startApp({ scale: 'small' });
    page = app.page;
    const fairs = await app.api('/api/v1/fairs');
    assert.ok(fairs.items.length > 0, 'the demo database has a fair');
    fair = fairs.items[0];
    counts = (await app.api(`/api/v1/fairs/${fair.id}`)).counts;
    firstPage = await app.api(`/api/v1/exhibitors?fair=${fair.id}&limit=20&offset=0`);
    secondPage = await app.api(`/api/v1/exhibitors?fair=${fair.id}&limit=20&offset=20`);
    assert.ok(firstPage.total > 20, `the small demo fair has more than one page of exhibitors (total ${firstPage.total})`);
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

  test('the shell is served with a strict Content-Security-Policy', async () => {
    const response = await fetch(new URL('/', app.url));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/, `CSP: ${csp}`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `CSP: ${csp}`);
  });

  test('opens on the fair overview, in Vietnamese by default', async () => {
    await page.goto(app.url);
    await ready(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await waitForText(page.getByTestId('fair-name'), fair.name_vi);
    await waitForText(page.getByTestId('nav-exhibitors'), 'Doanh nghiệp trưng bày');
    const number = (n) => new Intl.NumberFormat('vi-VN').format(n);
    await waitForText(page.getByTestId('count-exhibitors'), (text) => text.includes(number(counts.exhibitors)));
    await waitForText(page.getByTestId('count-importers'), (text) => text.includes(number(counts.importers)));
    await waitForText(page.getByTestId('count-products'), (text) => text.includes(number(counts.products)));
    assert.equal(await page.getByTestId('nav-overview').getAttribute('aria-current'), 'page');
  });

  test('pages through the exhibitor directory', async () => {
    await page.getByTestId('nav-exhibitors').click();
    await page.waitForURL(/#\/exhibitors$/);
    await ready(page);
    const pages = Math.ceil(firstPage.total / 20);
    await waitForText(page.getByTestId('pager-status'), `Trang 1 / ${pages}`);
    assert.deepEqual((await rowTexts(page, 'exhibitor-link')).map((s) => s.trim()),
      firstPage.items.map((e) => e.name));
    assert.equal(await page.getByTestId('pager-prev').getAttribute('aria-disabled'), 'true');

    await page.getByTestId('pager-next').click();
    await page.waitForURL(/#\/exhibitors\?page=2$/);
    await ready(page);
    await waitForText(page.getByTestId('pager-status'), `Trang 2 / ${pages}`);
    assert.deepEqual((await rowTexts(page, 'exhibitor-link')).map((s) => s.trim()),
      secondPage.items.map((e) => e.name));
  });

  test('switches to English, and the choice survives a reload', async () => {
    await page.getByTestId('lang-en').click();
    await waitForText(page.getByTestId('nav-exhibitors'), 'Exhibitors');
    await waitForText(page.getByTestId('nav-overview'), 'Overview');
    await waitForText(page.getByTestId('nav-products'), 'Products');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.getByTestId('lang-en').getAttribute('aria-pressed'), 'true');
    await ready(page);
    await waitForText(page.getByTestId('pager-status'), (text) => text.startsWith('Page 2 of'));
    assert.deepEqual((await rowTexts(page, 'exhibitor-link')).map((s) => s.trim()),
      secondPage.items.map((e) => e.name_en || e.name));

    await page.reload();
    await ready(page);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await waitForText(page.getByTestId('nav-exhibitors'), 'Exhibitors');
    await waitForText(page.getByTestId('pager-status'), (text) => text.startsWith('Page 2 of'));
    assert.deepEqual((await rowTexts(page, 'exhibitor-link')).map((s) => s.trim()),
      secondPage.items.map((e) => e.name_en || e.name));
  });

  test('opens an exhibitor page with its profile and products', async () => {
    const exhibitor = secondPage.items[0];
    await page.getByTestId('exhibitor-link').first().click();
    await page.waitForURL(new RegExp(`#/exhibitors/${exhibitor.id}$`));
    await ready(page);
    await waitForText(page.getByTestId('exhibitor-name'), exhibitor.name_en || exhibitor.name);
    if (exhibitor.name_en && exhibitor.name_en !== exhibitor.name) {
      await waitForText(page.getByTestId('exhibitor-name-vi'), exhibitor.name);
    }
    if (exhibitor.description_en) {
      await waitForText(page.getByTestId('exhibitor-description'), exhibitor.description_en.trim());
    }
    const website = page.getByTestId('exhibitor-website');
    if (await website.count() > 0) {
      assert.equal(await website.getAttribute('rel'), 'noopener noreferrer');
    }

    const products = await app.api(`/api/v1/exhibitors/${exhibitor.id}/products?limit=20&offset=0`);
    if (products.total === 0) {
      await page.getByTestId('empty').waitFor({ timeout: WAIT_MS });
    } else {
      assert.deepEqual((await rowTexts(page, 'product-link')).map((s) => s.trim()),
        products.items.map((p) => p.name_en || p.name_vi));
    }
    await page.screenshot({ path: screenshotPath('exhibitor-page-en'), fullPage: true });
  });

  test('opens the product directory and a product page', async () => {
    const list = await app.api(`/api/v1/products?fair=${fair.id}&limit=20&offset=0`);
    await page.getByTestId('nav-products').click();
    await page.waitForURL(/#\/products$/);
    await ready(page);
    if (list.total === 0) {
      await page.getByTestId('empty').waitFor({ timeout: WAIT_MS });
      return;
    }
    assert.deepEqual((await rowTexts(page, 'product-link')).map((s) => s.trim()),
      list.items.map((p) => p.name_en || p.name_vi));

    const product = await app.api(`/api/v1/products/${list.items[0].id}`);
    await page.getByTestId('product-link').first().click();
    await page.waitForURL(new RegExp(`#/products/${product.id}$`));
    await ready(page);
    await waitForText(page.getByTestId('product-name'), product.name_en || product.name_vi);
    const digits = new Intl.NumberFormat('en', { style: 'currency', currency: product.currency })
      .resolvedOptions().maximumFractionDigits;
    const money = new Intl.NumberFormat('en-US', {
      style: 'currency', currency: product.currency, minimumFractionDigits: digits, maximumFractionDigits: digits,
    });
    const low = squash(money.format(product.fob_price_min / 10 ** digits));
    const high = squash(money.format(product.fob_price_max / 10 ** digits));
    // formatRange may drop a repeated currency sign; the amounts must be there.
    const price = squash(await waitForText(page.getByTestId('product-price'), (text) => text.length > 0));
    const amount = (formatted) => formatted.replace(/[^\d.,]/g, '');
    assert.ok(price.includes(amount(low)) && price.includes(amount(high)),
      `price ${JSON.stringify(price)} shows ${low} and ${high}`);
    await waitForText(page.getByTestId('product-hs'), (text) => text.includes(product.hs_code));
  });

  test('filters the exhibitor directory by province', async () => {
    const province = firstPage.items[0].province;
    const expected = await app.api(`/api/v1/exhibitors?fair=${fair.id}&province=${encodeURIComponent(province)}&limit=20`);
    const provinces = await app.api('/api/v1/reference/provinces');
    const provinceName = provinces.items.find((p) => p.code === province)?.name_en ?? province;
    await page.goto(new URL('/#/exhibitors?page=2', app.url).href);
    await ready(page);
    const filter = page.getByTestId('province-filter');
    await filter.focus();
    await filter.selectOption(province);
    await page.waitForURL(new RegExp(`#/exhibitors\\?province=${encodeURIComponent(province)}$`));
    await ready(page);
    assert.deepEqual((await rowTexts(page, 'exhibitor-link')).map((s) => s.trim()),
      expected.items.map((e) => e.name_en || e.name));
    for (const text of await rowTexts(page, 'exhibitor-province')) assert.equal(text.trim(), provinceName);
    assert.equal(await page.getByTestId('province-filter').inputValue(), province);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'province-filter',
      'focus stays on the filter after it re-rendered the list');
  });

  test('shows a not-found page for an unknown route', async () => {
    await page.goto(new URL('/#/no/such/page', app.url).href);
    await ready(page);
    await page.getByTestId('not-found').waitFor({ timeout: WAIT_MS });
    await waitForText(page.locator('h1'), 'Page not found');
  });

  test('shows the problem+json of a failed API call in an alert', async () => {
    // The browser logs the 404 of the API call itself; that one is expected.
    app.browser.allow(/status of 404 .*\/api\/v1\/exhibitors\/999999999(\/products)?\b/);
    await page.goto(new URL('/#/exhibitors/999999999', app.url).href);
    await ready(page);
    await page.getByTestId('not-found').waitFor({ timeout: WAIT_MS });
    const alert = page.getByTestId('error-alert');
    await alert.waitFor({ timeout: WAIT_MS });
    assert.equal(await alert.getAttribute('role'), 'alert');
    const title = await waitForText(page.getByTestId('error-title'), (text) => text.length > 0);
    assert.notEqual(title, 'Something went wrong', 'the alert shows the problem title from the server');
  });

  test('shows an uploaded product photo on the product page and in the directory', async () => {
    // Uploading needs an organizer of the fair: created with the CLI, authenticated with an API token.
    const email = 'e2e-organizer@example.com';
    await runCli(['user', 'add', '--db', app.dbPath, '--role', 'organizer', '--email', email,
      '--name', 'E2E Organizer', '--fair', String(fair.id)], { input: 'e2e-organizer-password-1\n' });
    const token = (await runCli(['token', 'create', '--db', app.dbPath, '--email', email]))
      .trim().split('\n').pop().trim();
    const product = (await app.api(`/api/v1/products?fair=${fair.id}&limit=1`)).items[0];
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: 320, height: 240 } });
    const response = await fetch(new URL(`/api/v1/products/${product.id}/photos`, app.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      body: png,
    });
    assert.equal(response.status, 201, await response.clone().text());
    const photo = await response.json();

    await page.goto(new URL(`/#/products/${product.id}`, app.url).href);
    await ready(page);
    const image = page.getByTestId('product-photos').locator('img').first();
    await image.waitFor({ timeout: WAIT_MS });
    assert.equal(await image.getAttribute('src'), photo.url);
    await page.waitForFunction((el) => el.complete && el.naturalWidth === 320, await image.elementHandle(),
      { timeout: WAIT_MS });

    await page.goto(new URL('/#/products', app.url).href);
    await ready(page);
    const thumb = page.locator(`[data-testid="product-row"][data-id="${product.id}"] img`);
    await page.waitForFunction((el) => el.complete && el.naturalWidth === 320, await thumb.elementHandle(),
      { timeout: WAIT_MS });
  });

  test('switches back to Vietnamese', async () => {
    await page.goto(new URL('/#/', app.url).href);
    await ready(page);
    await page.getByTestId('lang-vi').click();
    await waitForText(page.getByTestId('nav-overview'), 'Tổng quan');
    await waitForText(page.getByTestId('fair-name'), fair.name_vi);
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await page.screenshot({ path: screenshotPath('overview-vi'), fullPage: true });
  });
});
