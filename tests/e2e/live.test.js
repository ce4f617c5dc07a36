// The live fair in the browser, against the real server and the small demo
// fair: the organizer opens the live dashboard (its WebSocket connects under
// the strict CSP); in a second tab the check-in desk checks a buyer's badge
// in and shows who it is, and the dashboard's check-in count rises and its
// charts (Chart.js) update without a reload; a check-in made outside the
// browser arrives too, a repeated one is not counted twice and an unknown
// badge is refused at the desk; the desk reads a badge with the camera where
// the browser can (here a stand-in BarcodeDetector); the organizer sets an
// exchange rate in the rates editor, a buyer records a contract in euros and
// the dashboard shows its USD value by category and country; the report page shows the
// programme's figures, its charts and a working CSV link, in Vietnamese and
// in English; and the dashboard, cut off, reconnects with the last event id
// and gets the check-in it missed, once. The tests run in order and share
// one browser.

import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshotPath } from './harness.js';
import { WAIT_MS, waitForText, ready, open, makeOrganizer, apiClient, squash } from './helpers.js';

const BUYER = { email: 'einkauf@hausundhof.example', password: 'haus-und-hof-berlin-2026', name: 'Haus & Hof Interior GmbH' };

async function signIn(page, url, { email, password }) {
  await open(page, url, '#/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((target) => !target.hash.startsWith('#/login'));
  await ready(page);
}

/** The values a chart on the page has drawn: Chart.js's own data, summed per label. */
async function chartData(page, testid) {
  return page.evaluate((id) => {
    const canvas = document.querySelector(`[data-testid="${id}-canvas"]`);
    const chart = canvas && globalThis.Chart?.getChart(canvas);
    if (!chart) return null;
    return Object.fromEntries(chart.data.labels.map((label, index) => [label, chart.data.datasets[0].data[index]]));
  }, testid);
}

const total = (values) => Object.values(values ?? {}).reduce((sum, value) => sum + value, 0);

async function statValue(page, testid) {
  return Number(await page.getByTestId(testid).getAttribute('data-value'));
}

describe('live fair: the dashboard, the check-in desk, rates, deals and the report', () => {
  let app;
  let page;
  let desk;
  let fair;
  let organizer;
  let orgApi;
  let buyers;
  let buyerApi;
  let exhibitor;

  before(async () => {
    app = await startApp({ scale: 'small' });
    page = app.page;
    fair = (await app.api('/api/v1/fairs')).items[0];
    organizer = await makeOrganizer(app, fair.id);
    orgApi = apiClient(app.url, { token: organizer.token });
    const listed = await orgApi.call('GET', `/fairs/${fair.id}/participants?kind=importer&status=approved&limit=5`);
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    buyers = listed.body.items;
    assert.ok(buyers.length >= 3 && buyers.every((buyer) => buyer.badge_code), 'approved importers have badge codes');
    // A buyer with an account, to record a deal; approved by the organizer.
    buyerApi = apiClient(app.url);
    const registered = await buyerApi.call('POST', '/auth/register', {
      email: BUYER.email, password: BUYER.password, display_name: 'Jana Vogel', language: 'en', role: 'importer' });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    const profile = await buyerApi.call('POST', '/importers', {
      fair_id: fair.id, name: BUYER.name, country: 'DE', buyer_type: 'retail_chain', categories: ['ceramics.tableware'],
      price_tier: 'mid', annual_budget: { amount: 50_000_000, currency: 'EUR' }, languages: ['de', 'en'] });
    assert.equal(profile.status, 201, JSON.stringify(profile.body));
    const approved = await orgApi.call('POST', `/fairs/${fair.id}/participants/importer/${profile.body.id}/decision`,
      { decision: 'approve', reason: '' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));
    exhibitor = (await app.api(`/api/v1/exhibitors?fair=${fair.id}&limit=1`)).items[0];
    assert.ok(exhibitor?.categories?.length > 0, 'a demo exhibitor with a category');
  });

  afterEach(() => {
    app?.browser.assertNoErrors();
  });

  after(async () => {
    if (!app) return;
    const exit = await app.teardown();
    assert.equal(exit.code, 0, 'the server shuts down cleanly');
  });

  test('the organizer opens the live dashboard and it connects', async () => {
    await signIn(page, app.url, organizer);
    await page.getByTestId('nav-live').click();
    await page.waitForURL(/#\/organizer\/live$/);
    await ready(page);
    await page.locator('[data-testid="live-connection"][data-state="live"]').waitFor({ timeout: WAIT_MS });
    await waitForText(page.getByTestId('live-connection'), 'Đang cập nhật trực tiếp');
    assert.equal(await statValue(page, 'live-checked-in'), 0);
    await waitForText(page.getByTestId('live-checked-in-detail'), /^trên 171 doanh nghiệp tham dự \(0\s?%\)$/);
    await page.locator('[data-testid="chart-checkins-hour"][data-state="drawn"]').waitFor({ timeout: WAIT_MS });
    assert.equal(total(await chartData(page, 'chart-checkins-hour')), 0, 'no check-ins drawn yet');
    assert.equal(await page.getByTestId('chart-checkins-country-empty').isVisible(), true);
    // A marker that a reload would wipe out.
    await page.evaluate(() => {
      globalThis.fairmatchSamePage = true;
    });
  });

  test('a badge checked in at the desk in another tab shows on the dashboard without a reload', async () => {
    desk = await app.browser.context.newPage();
    await open(desk, app.url, '#/organizer/check-in');
    await desk.locator('[data-testid="checkin-connection"][data-state="live"]').waitFor({ timeout: WAIT_MS });
    const [first] = buyers;
    await desk.getByTestId('badge-code').fill(`  ${first.badge_code} `);
    await desk.getByTestId('checkin-submit').click();
    const result = desk.getByTestId('checkin-result');
    await desk.locator('[data-testid="checkin-result"][data-state="first"]').waitFor({ timeout: WAIT_MS });
    await waitForText(result.getByTestId('checkin-headline'), 'Chào mừng! Check-in lần đầu.');
    await waitForText(result.getByTestId('checkin-name'), first.name);
    await waitForText(result.getByTestId('checkin-who'), /^Nhà nhập khẩu · /);
    assert.equal(await desk.getByTestId('badge-code').inputValue(), '', 'the field is cleared for the next badge');
    await desk.waitForFunction(() => document.querySelector('[data-testid="checkin-total"]')?.dataset.value === '1', null,
      { timeout: WAIT_MS });

    // The dashboard, in the first tab: the count rises, the charts follow, the page was not reloaded.
    await page.waitForFunction(() => document.querySelector('[data-testid="live-checked-in"]')?.dataset.value === '1', null,
      { timeout: WAIT_MS });
    assert.equal(await page.evaluate(() => globalThis.fairmatchSamePage), true, 'the dashboard was not reloaded');
    await waitForText(page.getByTestId('live-checked-in-value'), '1');
    await page.waitForFunction(() => {
      const canvas = document.querySelector('[data-testid="chart-checkins-hour-canvas"]');
      const data = globalThis.Chart?.getChart(canvas)?.data.datasets[0].data ?? [];
      return data.reduce((sum, value) => sum + value, 0) === 1;
    }, null, { timeout: WAIT_MS });
    const byCountry = await chartData(page, 'chart-checkins-country');
    assert.equal(total(byCountry), 1, `one check-in by country: ${JSON.stringify(byCountry)}`);
    assert.equal(await page.getByTestId('chart-checkins-country-canvas').isVisible(), true, 'the country chart replaced its empty note');
    assert.equal(await page.locator(`[data-testid="chart-checkins-country-table"] tr[data-key="${first.country}"] td`).textContent(), '1');
    await waitForText(page.getByTestId('activity-check-in').first(), (text) => text.includes(first.name));
  });

  test('a check-in from outside the browser arrives; a repeated badge counts once; an unknown badge is refused', async () => {
    const second = buyers[1];
    const made = await orgApi.call('POST', `/fairs/${fair.id}/check-ins`, { badge_code: second.badge_code });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    await page.waitForFunction(() => document.querySelector('[data-testid="live-checked-in"]')?.dataset.value === '2', null,
      { timeout: WAIT_MS });

    await desk.getByTestId('badge-code').fill(buyers[0].badge_code);
    await desk.getByTestId('badge-code').press('Enter');
    await desk.locator('[data-testid="checkin-result"][data-state="again"]').waitFor({ timeout: WAIT_MS });
    await waitForText(desk.getByTestId('checkin-headline'), /^Đã check-in trước đó, lúc \d{2}:\d{2}\.$/);
    await waitForText(desk.getByTestId('checkin-name'), buyers[0].name);
    assert.deepEqual(await desk.getByTestId('checkin-history-item').evaluateAll((items) => items.map((item) => item.dataset.first)),
      ['false', 'true']);

    app.browser.allow(/status of 404 .*\/api\/v1\/fairs\/\d+\/check-ins/);
    await desk.getByTestId('badge-code').fill('khong-co-the-nay');
    await desk.getByTestId('checkin-submit').click();
    await desk.locator('[data-testid="checkin-result"][data-state="error"]').waitFor({ timeout: WAIT_MS });
    await waitForText(desk.getByTestId('checkin-headline'), 'Không tìm thấy thẻ này');
    await waitForText(desk.getByTestId('checkin-error-detail'), /khong-co-the-nay/);
    await desk.screenshot({ path: screenshotPath('checkin-desk-vi'), fullPage: true });

    // Neither the repeat nor the refusal changed the count.
    await page.waitForTimeout(300);
    assert.equal(await statValue(page, 'live-checked-in'), 2);
    assert.equal(total(await chartData(page, 'chart-checkins-hour')), 2);
  });

  test('the desk reads a badge with the camera where the browser can (a stand-in BarcodeDetector and camera)', async () => {
    // Chromium on Linux has no BarcodeDetector: stand in for it and for the camera, as a phone's browser would offer them.
    await desk.addInitScript(() => {
      if (!navigator.mediaDevices) return; // about:blank
      globalThis.BarcodeDetector = class {
        static async getSupportedFormats() {
          return ['qr_code', 'ean_13'];
        }

        async detect() {
          return globalThis.fairmatchShownBadge ? [{ format: 'qr_code', rawValue: globalThis.fairmatchShownBadge }] : [];
        }
      };
      navigator.mediaDevices.getUserMedia = async () => {
        const canvas = document.createElement('canvas');
        canvas.width = 64;
        canvas.height = 48;
        const context = canvas.getContext('2d');
        let frame = 0;
        setInterval(() => {
          frame += 1;
          context.fillStyle = frame % 2 ? '#a4481f' : '#34507a';
          context.fillRect(0, 0, 64, 48);
        }, 50);
        return canvas.captureStream(20);
      };
    });
    await desk.goto('about:blank'); // a new document, so that the stand-ins are in place before the app starts
    await open(desk, app.url, '#/organizer/check-in');
    await desk.locator('[data-testid="checkin-connection"][data-state="live"]').waitFor({ timeout: WAIT_MS });
    await desk.locator('[data-testid="checkin-scanner"][data-state="off"]').waitFor({ timeout: WAIT_MS });
    const toggle = desk.getByTestId('checkin-scanner-toggle');
    await waitForText(toggle, 'Bật camera để quét');
    assert.equal(await desk.getByTestId('checkin-scanner-unsupported').isVisible(), false);
    await toggle.click();
    await desk.locator('[data-testid="checkin-scanner"][data-state="on"]').waitFor({ timeout: WAIT_MS });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await waitForText(desk.getByTestId('checkin-scanner-status'), 'Camera đang bật. Đưa mã QR trên thẻ vào khung hình.');

    // A badge held in front of the camera for a while: checked in once, not once per frame.
    const third = buyers[2];
    await desk.evaluate((code) => {
      globalThis.fairmatchShownBadge = code;
    }, third.badge_code);
    await desk.locator('[data-testid="checkin-result"][data-state="first"]').waitFor({ timeout: WAIT_MS });
    await waitForText(desk.getByTestId('checkin-name'), third.name);
    await desk.waitForTimeout(1000);
    await desk.evaluate(() => {
      globalThis.fairmatchShownBadge = null;
    });
    assert.equal(await desk.getByTestId('checkin-history-item').count(), 1, 'one check-in for one badge shown');
    await page.waitForFunction(() => document.querySelector('[data-testid="live-checked-in"]')?.dataset.value === '3', null,
      { timeout: WAIT_MS });
    await toggle.click();
    await desk.locator('[data-testid="checkin-scanner"][data-state="off"]').waitFor({ timeout: WAIT_MS });
    assert.equal(await desk.getByTestId('checkin-scanner-video').isVisible(), false, 'the camera is off');
  });

  test('the organizer sets a rate; a buyer’s contract in euros shows on the dashboard in USD', async () => {
    await open(desk, app.url, '#/organizer/rates');
    await desk.getByTestId('rates-empty').waitFor({ timeout: WAIT_MS });
    await desk.getByTestId('rate-add').click();
    const row = desk.getByTestId('rate-row').last();
    await row.getByTestId('rate-currency').selectOption('EUR');
    await row.getByTestId('rate-value').fill('1.08');
    assert.equal(Number(await row.getByTestId('rate-inverse').inputValue()).toFixed(4), '0.9259', 'the inverse follows');
    await waitForText(row.getByTestId('rate-preview'), /^1 EUR = 1,08 USD · 1 USD = 0,925926 EUR$/);
    await desk.getByTestId('rates-save').click();
    await waitForText(desk.getByTestId('rates-status'), 'Đã lưu tỷ giá của 1 đồng tiền.');
    const rates = await orgApi.call('GET', `/fairs/${fair.id}/rates`);
    assert.deepEqual(rates.body.rates, { EUR: 1.08 });

    assert.equal(await statValue(page, 'live-deals'), 0);
    const deal = await buyerApi.call('POST', `/fairs/${fair.id}/deals`, {
      counterpart_id: exhibitor.id, kind: 'contract', value: { amount: 1_000_000, currency: 'EUR' }, note: 'Bát Tràng tableware' });
    assert.equal(deal.status, 201, JSON.stringify(deal.body));
    assert.equal(deal.body.usd_cents, 1_080_000);
    await page.waitForFunction(() => document.querySelector('[data-testid="live-contract-value"]')?.dataset.value === '1080000',
      null, { timeout: WAIT_MS });
    assert.equal(await statValue(page, 'live-deals'), 1);
    assert.match(squash(await page.getByTestId('live-contract-value-value').textContent()), /^10\.800 US\$$/);
    await page.waitForFunction(() => {
      const canvas = document.querySelector('[data-testid="chart-deals-country-canvas"]');
      return globalThis.Chart?.getChart(canvas)?.data.datasets[0].data[0] === 1_080_000;
    }, null, { timeout: WAIT_MS });
    const byCategory = JSON.parse(await page.getByTestId('chart-deals-category').getAttribute('data-values'));
    assert.deepEqual(byCategory, [[exhibitor.categories[0], 1_080_000]]);
    await waitForText(page.getByTestId('activity-deal').first(), /^\d{2}:\d{2} Hợp đồng đã ký: 10\.800,00 US\$ · .+ · Đức$/);
    await page.screenshot({ path: screenshotPath('live-dashboard-vi'), fullPage: true });
  });

  test('the report page shows the programme’s figures, charts and the CSV', async () => {
    await open(desk, app.url, '#/organizer/report');
    await waitForText(desk.getByTestId('report-exhibitors-value'), '50');
    await waitForText(desk.getByTestId('report-importers-value'), '121');
    await waitForText(desk.getByTestId('report-importers-detail'), /^đến từ \d+ quốc gia và vùng lãnh thổ$/);
    await waitForText(desk.getByTestId('report-check-ins-value'), '3');
    await waitForText(desk.getByTestId('report-contracts-value'), '1');
    assert.match(squash(await desk.getByTestId('report-contract-value-value').textContent()), /^10\.800 US\$$/);
    for (const chart of ['chart-report-province', 'chart-report-category', 'chart-report-country', 'chart-report-meetings',
      'chart-report-deal-category', 'chart-report-deal-country']) {
      await desk.locator(`[data-testid="${chart}"][data-state="drawn"]`).waitFor({ timeout: WAIT_MS });
    }
    const provinces = JSON.parse(await desk.getByTestId('chart-report-province').getAttribute('data-values'));
    assert.equal(provinces.reduce((sum, [, count]) => sum + count, 0), 50, 'every exhibitor counted by province');
    const byCountry = await chartData(desk, 'chart-report-deal-country');
    assert.equal(total(byCountry), 1_080_000);

    const href = await desk.getByTestId('report-csv').getAttribute('href');
    assert.equal(href, `/api/v1/fairs/${fair.id}/report.csv`);
    const csv = await desk.request.get(new URL(href, app.url).href);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /^text\/csv/);
    assert.match(await csv.text(), /\r\ndeals,contracts,Hợp đồng,Contracts,1,10800\.00\r\n/);
    await desk.screenshot({ path: screenshotPath('report-vi'), fullPage: true });

    await desk.getByTestId('lang-en').click();
    await ready(desk);
    await waitForText(desk.locator('h1'), 'Programme report');
    assert.match(squash(await desk.getByTestId('report-contract-value-value').textContent()), /^\$10,800$/);
    await waitForText(desk.getByTestId('report-exhibitors-detail'), /^from \d+ provinces$/);
    await desk.screenshot({ path: screenshotPath('report-en'), fullPage: true });

    // The dashboard follows the language switch (another tab) and starts again from a fresh snapshot.
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: WAIT_MS });
    await ready(page);
    await page.locator('[data-testid="live-connection"][data-state="live"]').waitFor({ timeout: WAIT_MS });
    await waitForText(page.getByTestId('live-connection'), 'Live');
    await page.waitForFunction(() => document.querySelector('[data-testid="live-checked-in"]')?.dataset.value === '3', null,
      { timeout: WAIT_MS });
    await page.waitForFunction(() => document.querySelector('[data-testid="live-contract-value"]')?.dataset.value === '1080000',
      null, { timeout: WAIT_MS });
    await page.locator('[data-testid="chart-checkins-hour"][data-state="drawn"]').waitFor({ timeout: WAIT_MS });
    assert.equal(total(await chartData(page, 'chart-checkins-hour')), 3);
    await page.screenshot({ path: screenshotPath('live-dashboard-en'), fullPage: true });
    await desk.emulateMedia({ reducedMotion: 'reduce' });
    await open(desk, app.url, '#/organizer/check-in');
    await desk.locator('[data-testid="chart-desk-hour"][data-state="drawn"]').waitFor({ timeout: WAIT_MS });
    await desk.screenshot({ path: screenshotPath('checkin-desk-en'), fullPage: true });
    await desk.getByTestId('lang-vi').click();
    await ready(desk);
    await desk.close();
  });

  test('the dashboard reconnects after losing its connection, resumes after the last event and misses nothing', async () => {
    // Watch the sockets the page opens, and be able to refuse new ones for a while (as a network cut would).
    await page.addInitScript(() => {
      const Native = globalThis.WebSocket;
      globalThis.fairmatchSockets = [];
      globalThis.fairmatchOffline = false;
      globalThis.WebSocket = class extends Native {
        constructor(url, protocols) {
          if (globalThis.fairmatchOffline) throw new DOMException('offline (test)', 'NetworkError');
          super(url, protocols);
          globalThis.fairmatchSockets.push({ url: String(url), socket: this });
        }
      };
    });
    await page.goto('about:blank');
    await open(page, app.url, '#/organizer/live');
    await page.locator('[data-testid="live-connection"][data-state="live"]').waitFor({ timeout: WAIT_MS });
    await page.waitForFunction(() => document.querySelector('[data-testid="live-checked-in"]')?.dataset.value === '3', null,
      { timeout: WAIT_MS });
    assert.deepEqual(await page.evaluate(() => globalThis.fairmatchSockets.map((entry) => new URL(entry.url).search)), [''],
      'the first connection asks for a snapshot');

    await page.evaluate(() => {
      globalThis.fairmatchOffline = true;
      globalThis.fairmatchSockets.at(-1).socket.close();
    });
    await page.locator('[data-testid="live-connection"][data-state="reconnecting"]').waitFor({ timeout: WAIT_MS });
    await waitForText(page.getByTestId('live-connection'), /^Mất kết nối, (sẽ thử lại sau \d+ giây|đang kết nối lại…)$/);
    const fourth = buyers[3];
    const made = await orgApi.call('POST', `/fairs/${fair.id}/check-ins`, { badge_code: fourth.badge_code });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    await page.evaluate(() => {
      globalThis.fairmatchOffline = false;
    });

    await page.locator('[data-testid="live-connection"][data-state="live"]').waitFor({ timeout: 3 * WAIT_MS });
    await page.waitForFunction(() => document.querySelector('[data-testid="live-checked-in"]')?.dataset.value === '4', null,
      { timeout: WAIT_MS });
    const urls = await page.evaluate(() => globalThis.fairmatchSockets.map((entry) => new URL(entry.url).search));
    assert.equal(urls.length, 2, `one reconnection: ${urls}`);
    assert.match(urls[1], /^\?last_event_id=\d+$/, 'the reconnection resumes after the last event seen');
    await waitForText(page.getByTestId('activity-check-in').first(), (text) => text.includes(fourth.name));
    assert.equal(total(await chartData(page, 'chart-checkins-hour')), 4);
    assert.equal(await page.getByTestId('activity-check-in').count(), 1, 'the replay brought the missed event once');
  });
});
