// Booths in the browser, against the real server and the small demo fair:
// the organizer adds a hall and generates a grid of booths in the booth
// editor (a grid outside the hall is refused next to its field), edits a
// booth's price and kind and closes another; an exhibitor imported from CSV
// signs in, opens the floor plan, holds a free booth by clicking its
// rectangle and sees it held with a running countdown; a second exhibitor's
// hold of the same booth is refused over the API (409 naming the booth) while
// the plan still shows it held; the first exhibitor releases it, is told in
// an alert that a booth the plan still showed free was taken meanwhile,
// holds the first booth again, is refused a second booth (the limit), and
// confirms; the keyboard reaches a booth with Tab, opens it with Enter,
// zooms and pans; the list view shows the same booths; the organizer rejects
// a hold (a reason is required) and approves the confirmed booking, after
// which the plan shows the booth booked with the exhibitor's name and the
// exhibitor's page shows its booth with the printable QR code. The tests run
// in order and share one browser page.

import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshotPath, runCli } from './harness.js';
import { WAIT_MS, waitForText, ready, open, makeOrganizer, apiClient, squash } from './helpers.js';

const HEADER = 'email,name,tax_code,province,craft_village,categories,price_tier,languages';
const FIRST = { email: 'gom.phu.lang@example.com', name: 'Hợp tác xã Gốm Phù Lãng', password: 'men-nau-phu-lang-2026' };
const SECOND = { email: 'may.tre.phu.vinh@example.com', name: 'Cơ sở Mây tre Phú Vinh' };

/** The booth with this code on the plan on screen. */
function boothOnPlan(page, code) {
  return page.locator(`[data-testid="floor-plan"] [data-testid="booth"][data-code="${code}"]`);
}

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

describe('booths: the floor plan, holding a booth, approvals', () => {
  let app;
  let page;
  let fair;
  let organizer;
  let first;
  let second;
  let secondApi;
  let booths;

  const boothId = (code) => booths.find((booth) => booth.code === code).id;
  const planFromApi = async () => (await app.api(`/api/v1/fairs/${fair.id}/booths`)).items;

  before(async () => {
    app = await startApp({ scale: 'small' });
    page = app.page;
    fair = (await app.api('/api/v1/fairs')).items[0];
    organizer = await makeOrganizer(app, fair.id);
    // Two exhibitors imported from a spreadsheet: the first sets its password with its
    // invitation (and signs in in the browser), the second uses an API token.
    const orgApi = apiClient(app.url, { token: organizer.token });
    const csv = [HEADER,
      `${FIRST.email},${FIRST.name},2300765432,bac-ninh,Phù Lãng,ceramics.ornaments,mid,vi|en`,
      `${SECOND.email},${SECOND.name},0101234567,ha-noi,Phú Vinh,basketry.rattan,budget,vi`].join('\n');
    const response = await fetch(new URL(`/api/v1/fairs/${fair.id}/imports/exhibitors?dry_run=false`, app.url), {
      method: 'POST', headers: { authorization: `Bearer ${organizer.token}`, 'content-type': 'text/csv' }, body: csv,
    });
    const imported = await response.json();
    assert.equal(response.status, 201, JSON.stringify(imported));
    const link = imported.invitations.find((invitation) => invitation.email === FIRST.email).link;
    const accepted = await apiClient(app.url).call('POST', '/auth/invitations/accept',
      { token: new URL(link).hash.split('token=')[1], password: FIRST.password });
    assert.ok(accepted.status < 300, JSON.stringify(accepted.body));
    const exhibitors = (await orgApi.call('GET', `/fairs/${fair.id}/participants?kind=exhibitor&limit=100`)).body.items;
    first = exhibitors.find((item) => item.name === FIRST.name);
    second = exhibitors.find((item) => item.name === SECOND.name);
    assert.ok(first && second, 'both imported exhibitors have a profile');
    const token = (await runCli(['token', 'create', '--db', app.dbPath, '--email', SECOND.email])).trim().split('\n').pop().trim();
    secondApi = apiClient(app.url, { token });
  });

  afterEach(() => {
    app?.browser.assertNoErrors();
  });

  after(async () => {
    if (!app) return;
    const exit = await app.teardown();
    assert.equal(exit.code, 0, 'the server shuts down cleanly');
  });

  test('the organizer adds a hall, generates a grid of booths and edits two of them', async () => {
    await signIn(page, app.url, organizer);
    await page.getByTestId('tab-booths').click();
    await page.waitForURL(/#\/organizer\/booths$/);
    await ready(page);
    await page.getByTestId('halls-empty').waitFor({ timeout: WAIT_MS });
    await waitForText(page.getByTestId('bookings-empty'), 'Không có lượt đặt gian nào chờ duyệt.');

    await page.getByTestId('hall-code').fill('A');
    await page.getByTestId('hall-name-vi').fill('Nhà A – Gốm sứ');
    await page.getByTestId('hall-name-en').fill('Hall A – Ceramics');
    await page.getByTestId('hall-width').fill('1000');
    await page.getByTestId('hall-height').fill('600');
    await page.getByTestId('hall-submit').click();
    await waitForText(page.getByTestId('booth-admin-status'), 'Đã thêm Nhà A – Gốm sứ.');
    await waitForText(page.getByTestId('hall-row').locator('td').nth(0), 'Nhà A – Gốm sứ');

    // A grid that sticks out of the hall: the server's refusal lands next to the position.
    await page.getByTestId('grid-prefix').fill('A');
    await page.getByTestId('grid-rows').fill('2');
    await page.getByTestId('grid-cols').fill('4');
    await page.getByTestId('grid-x').fill('950');
    await page.getByTestId('grid-y').fill('60');
    await page.getByTestId('grid-w').fill('120');
    await page.getByTestId('grid-h').fill('120');
    await page.getByTestId('grid-gap').fill('30');
    await page.getByTestId('grid-price').fill('15000000');
    await waitForText(page.getByTestId('grid-preview'), /^Sẽ tạo 8 gian, từ A-1 đến A-8, chiếm 570 × 270 đơn vị\. Dãy gian vượt ra ngoài nhà/);
    app.browser.allow(/status of 422 .*\/api\/v1\/fairs\/\d+\/booths/);
    await page.getByTestId('grid-submit').click();
    await waitForText(page.getByTestId('field-error-grid.x'), /^Gian A-\d+ nằm ngoài phạm vi nhà triển lãm\.$/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'grid-x', 'focus moves to the field in error');
    assert.equal((await planFromApi()).length, 0, 'nothing was created');

    await page.getByTestId('grid-x').fill('60');
    await page.getByTestId('grid-submit').click();
    await waitForText(page.getByTestId('booth-admin-status'), 'Đã tạo 8 gian, từ A-1 đến A-8.');
    assert.equal(await page.getByTestId('booth-admin-row').count(), 8);
    booths = await planFromApi();
    assert.deepEqual(booths.map((booth) => booth.code).sort(), ['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-7', 'A-8']);
    const a6 = booths.find((booth) => booth.code === 'A-6');
    assert.deepEqual([a6.x, a6.y, a6.w, a6.h], [210, 210, 120, 120], 'the second row, second column');
    assert.deepEqual(a6.price, { amount: 15000000, currency: 'VND' });

    // A-1 becomes a corner booth at 20 million; A-8 is closed.
    const a1 = page.locator('[data-testid="booth-admin-row"][data-code="A-1"]');
    await a1.getByTestId('booth-edit').click();
    const form = page.getByTestId('booth-edit-form');
    await page.getByTestId('edit-price').fill('20000000');
    await page.getByTestId('edit-kind').selectOption('corner');
    await form.getByTestId('edit-save').click();
    await waitForText(page.getByTestId('booth-admin-status'), 'Đã lưu gian A-1.');
    await waitForText(a1.getByTestId('booth-admin-kind'), 'Gian góc');
    await waitForText(a1.getByTestId('booth-admin-price'), (text) => squash(text) === '20.000.000 ₫');
    const a8 = page.locator('[data-testid="booth-admin-row"][data-code="A-8"]');
    await a8.getByTestId('booth-edit').click();
    await page.getByTestId('edit-blocked').check();
    await page.getByTestId('booth-edit-form').getByTestId('edit-save').click();
    await waitForText(a8.getByTestId('booth-admin-status'), 'Không mở bán');
    booths = await planFromApi();
    assert.equal(booths.find((booth) => booth.code === 'A-8').status, 'blocked');
    assert.equal(booths.find((booth) => booth.code === 'A-1').kind, 'corner');
    await page.screenshot({ path: screenshotPath('booth-admin-vi'), fullPage: true });
    await signOut(page);
  });

  test('an exhibitor holds a free booth by clicking it on the plan and sees the countdown', async () => {
    await signIn(page, app.url, { email: FIRST.email, password: FIRST.password });
    await page.getByTestId('nav-booths').click();
    await page.waitForURL(/#\/booths$/);
    await ready(page);
    const plan = page.getByTestId('plan-svg');
    assert.equal(await plan.getAttribute('viewBox'), '0 0 1000 600', 'the plan is drawn in the hall’s own units');
    assert.equal(await page.getByTestId('booth').count(), 8);
    const rect = boothOnPlan(page, 'A-6').locator('rect').first();
    assert.deepEqual(await rect.evaluate((el) => ['x', 'y', 'width', 'height'].map((name) => el.getAttribute(name))),
      ['210', '210', '120', '120']);
    // Status in words as well as colour: on the booth, in its name, and in the legend.
    const a8 = boothOnPlan(page, 'A-8');
    assert.equal(await a8.getAttribute('data-status'), 'blocked');
    assert.match(await a8.textContent(), /^A-8Khóa$/);
    assert.equal(squash(await boothOnPlan(page, 'A-2').getAttribute('aria-label')), 'A-2, Còn trống, 15.000.000 ₫');
    assert.equal(await boothOnPlan(page, 'A-2').getAttribute('role'), 'button');
    assert.equal(await page.getByTestId('plan-legend').locator('li').count(), 6);
    await waitForText(page.getByTestId('booth-count'), 'Đang hiện 8/8 gian · 7 gian còn trống');

    await boothOnPlan(page, 'A-2').locator('rect').first().click();
    await page.waitForURL(new RegExp(`#/booths/${boothId('A-2')}$`));
    await ready(page);
    const detail = page.getByTestId('booth-detail');
    await waitForText(detail.getByTestId('booth-detail-title'), 'Gian A-2');
    await waitForText(detail.getByTestId('booth-status'), 'Còn trống');
    await waitForText(detail.getByTestId('booth-hall'), /Nhà triển lãm\s*Nhà A – Gốm sứ/);
    await waitForText(detail.getByTestId('booth-area'), /9 m²$/);
    await waitForText(detail.getByTestId('booth-price'), (text) => squash(text) === '15.000.000 ₫');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'booth-detail-title');

    await detail.getByTestId('booth-hold').click();
    await waitForText(detail.getByTestId('booth-status'), 'Đang được giữ chỗ');
    await waitForText(page.getByTestId('booth-status-message'), 'Bạn đang giữ gian A-2. Hãy xác nhận trong vòng 15 phút.');
    const booth = boothOnPlan(page, 'A-2');
    assert.equal(await booth.getAttribute('data-status'), 'held');
    assert.equal(await booth.getAttribute('data-mine'), 'true');
    assert.match(squash(await booth.getAttribute('aria-label')), /^A-2, Đang được giữ chỗ, Hợp tác xã Gốm Phù Lãng, của bạn, 15\.000\.000 ₫$/);
    const countdown = detail.getByTestId('hold-countdown');
    const startText = await waitForText(countdown, /^1[45]:\d\d$/);
    const start = Number(await countdown.getAttribute('data-seconds'));
    assert.ok(start > 890 && start <= 900, `the hold lasts 15 minutes (${start} s left)`);
    await page.waitForFunction((seconds) => Number(document.querySelector('[data-testid="hold-countdown"]').dataset.seconds) <= seconds - 2,
      start, { timeout: WAIT_MS });
    assert.notEqual(await countdown.textContent(), startText, 'the countdown runs every second');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'booth-confirm');
    await page.screenshot({ path: screenshotPath('booth-held-vi'), fullPage: true });
  });

  test('a second exhibitor is refused the same booth, and the plan still shows it held', async () => {
    const attempt = await secondApi.call('POST', `/fairs/${fair.id}/booths/${boothId('A-2')}/hold`);
    assert.equal(attempt.status, 409);
    assert.equal(attempt.body.type, '/problems/booth-taken');
    assert.equal(attempt.body.booth, 'A-2', 'the refusal names the booth');
    const a2 = (await planFromApi()).find((booth) => booth.code === 'A-2');
    assert.equal(a2.status, 'held');

    // A fresh load of the plan: still held, still this exhibitor's own, the countdown still running.
    await open(page, app.url, `#/booths/${boothId('A-2')}`);
    assert.equal(await boothOnPlan(page, 'A-2').getAttribute('data-status'), 'held');
    assert.equal(await boothOnPlan(page, 'A-2').getAttribute('data-mine'), 'true');
    await waitForText(page.getByTestId('booth-detail').getByTestId('hold-countdown'), /^1[45]:\d\d$/);
    await page.getByTestId('booth-confirm').waitFor({ timeout: WAIT_MS });
  });

  test('a booth taken meanwhile is refused in an alert naming it; one booth per exhibitor', async () => {
    const detail = page.getByTestId('booth-detail');
    await detail.getByTestId('booth-release').click();
    await waitForText(page.getByTestId('booth-status-message'), 'Đã trả gian A-2; gian này đã trống trở lại.');
    await waitForText(detail.getByTestId('booth-status'), 'Còn trống');
    assert.equal(await boothOnPlan(page, 'A-2').getAttribute('data-status'), 'free');

    // The second exhibitor takes A-3 while this plan (just loaded) still shows it free.
    await open(page, app.url, '#/booths');
    const taken = await secondApi.call('POST', `/fairs/${fair.id}/booths/${boothId('A-3')}/hold`);
    assert.equal(taken.status, 201, JSON.stringify(taken.body));
    assert.equal(await boothOnPlan(page, 'A-3').getAttribute('data-status'), 'free', 'the plan on screen is stale');
    await boothOnPlan(page, 'A-3').locator('rect').first().click();
    await waitForText(detail.getByTestId('booth-detail-title'), 'Gian A-3');
    app.browser.allow(/status of 409 .*\/api\/v1\/fairs\/\d+\/booths\/\d+\/hold/);
    await detail.getByTestId('booth-hold').click();
    const alert = detail.getByTestId('error-alert');
    await waitForText(alert.getByTestId('error-title'), 'Gian hàng đã có người giữ');
    await waitForText(alert.getByTestId('error-detail'),
      'Gian A-3 vừa được một doanh nghiệp khác giữ chỗ hoặc đặt. Vui lòng chọn gian khác.');
    assert.equal(await alert.getAttribute('role'), 'alert');
    assert.equal(await boothOnPlan(page, 'A-3').getAttribute('data-status'), 'held', 'the plan now shows it held');
    assert.equal(await boothOnPlan(page, 'A-3').getAttribute('data-mine'), null);
    await waitForText(detail.getByTestId('booth-unavailable'), 'Gian này đã có doanh nghiệp khác giữ chỗ hoặc đặt.');
    await page.screenshot({ path: screenshotPath('booth-taken-vi'), fullPage: true });

    // Hold A-2 again, then try a second booth: the limit is one.
    await boothOnPlan(page, 'A-2').locator('rect').first().click();
    await detail.getByTestId('booth-hold').click();
    await waitForText(detail.getByTestId('booth-status'), 'Đang được giữ chỗ');
    await boothOnPlan(page, 'A-4').locator('rect').first().click();
    await detail.getByTestId('booth-hold').click();
    await waitForText(detail.getByTestId('error-title'), 'Đã đủ số gian được phép');
    await waitForText(detail.getByTestId('error-detail'), /tối đa 1 gian/);

    await boothOnPlan(page, 'A-2').locator('rect').first().click();
    await detail.getByTestId('booth-confirm').click();
    await waitForText(detail.getByTestId('booth-status'), 'Chờ duyệt');
    await waitForText(page.getByTestId('booth-status-message'), 'Đã xác nhận gian A-2. Ban tổ chức sẽ xem xét và duyệt.');
    await waitForText(detail.getByTestId('booth-mine-note'), 'Bạn đã xác nhận gian này; đang chờ ban tổ chức duyệt.');
    assert.equal(await detail.getByTestId('hold-timer').count(), 0, 'no countdown once confirmed');
    assert.equal(await boothOnPlan(page, 'A-2').getAttribute('data-status'), 'confirmed');
  });

  test('the keyboard reaches a booth with Tab, opens it with Enter, zooms and pans', async () => {
    await open(page, app.url, '#/booths');
    await page.getByTestId('zoom-reset').focus();
    let testid = null;
    for (let i = 0; i < 20 && testid !== 'booth'; i += 1) {
      await page.keyboard.press('Tab');
      testid = await page.evaluate(() => document.activeElement?.dataset.testid);
    }
    assert.equal(testid, 'booth', 'Tab reaches the booths');
    const code = await page.evaluate(() => document.activeElement.dataset.code);
    assert.equal(code, 'A-1', 'booths come in reading order');
    const plan = page.getByTestId('floor-plan');
    await page.keyboard.press('+');
    assert.equal(await plan.getAttribute('data-zoom'), '125');
    await waitForText(page.getByTestId('plan-zoom'), 'Tỉ lệ 125%');
    const before = await page.getByTestId('plan-svg').getAttribute('viewBox');
    await page.keyboard.press('ArrowRight');
    const after = await page.getByTestId('plan-svg').getAttribute('viewBox');
    assert.ok(Number(after.split(' ')[0]) > Number(before.split(' ')[0]), `the arrow key pans (${before} → ${after})`);
    await page.keyboard.press('-');
    assert.equal(await plan.getAttribute('data-zoom'), '100');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.code), 'A-1', 'focus stays on the booth');

    await page.keyboard.press('Enter');
    const detail = page.getByTestId('booth-detail');
    await waitForText(detail.getByTestId('booth-detail-title'), 'Gian A-1');
    await waitForText(detail.getByTestId('booth-kind'), /Gian góc$/);
    await waitForText(detail.getByTestId('booth-price'), (text) => squash(text) === '20.000.000 ₫');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'booth-detail-title');
    await page.waitForURL(new RegExp(`#/booths/${boothId('A-1')}$`));
    await page.keyboard.press('Escape');
    await page.waitForURL(/#\/booths$/);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.code), 'A-1', 'Escape goes back to the booth');
    await page.keyboard.press(' ');
    await waitForText(detail.getByTestId('booth-detail-title'), 'Gian A-1');

    // Wheel and drag: zoom in over the plan, then drag it.
    const box = await page.getByTestId('plan-svg').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="floor-plan"]').dataset.zoom) > 100, null, { timeout: WAIT_MS });
    const zoomed = await page.getByTestId('plan-svg').getAttribute('viewBox');
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 80, box.y + box.height / 2 - 40, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await page.getByTestId('plan-svg').getAttribute('viewBox'), zoomed, 'dragging pans the plan');
    await page.getByTestId('zoom-reset').click();
    assert.equal(await page.getByTestId('plan-svg').getAttribute('viewBox'), '0 0 1000 600');
  });

  test('the list view shows the same booths; the filters apply to plan and list', async () => {
    await page.getByTestId('view-list').click();
    assert.equal(await page.getByTestId('view-list').getAttribute('aria-pressed'), 'true');
    await page.getByTestId('booth-table').waitFor({ timeout: WAIT_MS });
    assert.equal(await page.getByTestId('plan-area').isHidden(), true);
    assert.equal(await page.getByTestId('booth-row').count(), 8);
    const a2 = page.locator('[data-testid="booth-row"][data-code="A-2"]');
    await waitForText(a2.getByTestId('booth-row-status'), 'Chờ duyệt');
    await page.getByTestId('filter-free').check();
    await page.waitForURL(/free=1/);
    assert.deepEqual(await page.getByTestId('booth-open').allTextContents(), ['A-1', 'A-4', 'A-5', 'A-6', 'A-7']);
    await page.getByTestId('filter-kind').selectOption('corner');
    await page.waitForURL(/kind=corner/);
    assert.deepEqual(await page.getByTestId('booth-open').allTextContents(), ['A-1']);
    await waitForText(page.getByTestId('booth-count'), 'Đang hiện 1/8 gian · 5 gian còn trống');
    await page.getByTestId('view-plan').click();
    assert.equal(await boothOnPlan(page, 'A-2').getAttribute('tabindex'), '-1', 'a booth filtered out leaves the Tab order');
    assert.equal(await boothOnPlan(page, 'A-1').getAttribute('tabindex'), '0');
    // The state is in the URL: a reload shows the same.
    await page.reload();
    await ready(page);
    assert.equal(await page.getByTestId('filter-kind').inputValue(), 'corner');
    assert.equal(await page.getByTestId('filter-free').isChecked(), true);
    await page.getByTestId('filter-free').uncheck();
    await page.getByTestId('filter-kind').selectOption('');
    await signOut(page);
  });

  test('the organizer rejects a hold only with a reason, and approves the confirmed booking', async () => {
    await signIn(page, app.url, organizer);
    await open(page, app.url, '#/organizer/booths');
    const row = page.locator('[data-testid="booking-row"][data-booth="A-2"]');
    await waitForText(row.getByTestId('booking-exhibitor'), FIRST.name);
    await waitForText(row.getByTestId('booking-status'), 'Chờ duyệt');
    assert.equal(await page.getByTestId('booking-row').count(), 1, 'only the confirmed booking awaits approval');

    await page.getByTestId('booking-status-filter').selectOption('held');
    await page.waitForURL(/status=held/);
    await ready(page);
    const held = page.locator('[data-testid="booking-row"][data-booth="A-3"]');
    await waitForText(held.getByTestId('booking-exhibitor'), SECOND.name);
    await held.getByTestId('booking-reject').click();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'booking-reason');
    await held.getByTestId('booking-reject-confirm').click();
    await waitForText(held.getByTestId('field-error-reason'), 'Vui lòng ghi lý do từ chối.');
    await held.getByTestId('booking-reason').fill('Gian A-3 dành cho khu trưng bày của làng nghề Bát Tràng.');
    await held.getByTestId('booking-reject-confirm').click();
    await waitForText(held.getByTestId('booking-status'), 'Đã từ chối');
    await waitForText(page.getByTestId('booth-admin-status'),
      `Đã từ chối lượt đặt gian A-3 của ${SECOND.name}; gian đã trống trở lại.`);
    assert.equal((await planFromApi()).find((booth) => booth.code === 'A-3').status, 'free', 'a rejection frees the booth');

    await page.getByTestId('booking-status-filter').selectOption('confirmed');
    await page.waitForURL(/status=confirmed/);
    await ready(page);
    await row.getByTestId('booking-approve').click();
    await waitForText(row.getByTestId('booking-status'), 'Đã duyệt');
    await waitForText(page.getByTestId('booth-admin-status'), `Đã duyệt gian A-2 cho ${FIRST.name}.`);
    await page.screenshot({ path: screenshotPath('booth-approvals-vi'), fullPage: true });
  });

  test('the plan shows the booth booked with the exhibitor’s name', async () => {
    await open(page, app.url, '#/booths');
    const a2 = boothOnPlan(page, 'A-2');
    assert.equal(await a2.getAttribute('data-status'), 'booked');
    assert.match(squash(await a2.getAttribute('aria-label')), new RegExp(`^A-2, Đã đặt, ${FIRST.name}, 15\\.000\\.000 ₫$`));
    assert.match(await a2.locator('.booth-state').textContent(), /^Đã đặt$/);
    assert.match((await a2.locator('.booth-name').allTextContents()).join(' '), /^Hợp tác xã/);
    await a2.locator('rect').first().click();
    const detail = page.getByTestId('booth-detail');
    await waitForText(detail.getByTestId('booth-exhibitor'), FIRST.name);
    await waitForText(detail.getByTestId('booth-status'), 'Đã đặt');
    const qr = detail.getByTestId('booth-qr').locator('img');
    await page.waitForFunction(() => document.querySelector('[data-testid="booth-qr"] img')?.naturalWidth > 0, null, { timeout: WAIT_MS });
    assert.equal(await qr.getAttribute('alt'), 'Mã QR của gian A-2');
    await page.screenshot({ path: screenshotPath('booth-booked-vi'), fullPage: true });

    await page.getByTestId('lang-en').click();
    await ready(page);
    await waitForText(detail.getByTestId('booth-detail-title'), 'Booth A-2');
    await waitForText(detail.getByTestId('booth-status'), 'Booked');
    assert.match(squash(await a2.getAttribute('aria-label')), new RegExp(`^A-2, Booked, ${FIRST.name}, ₫15,000,000$`));
    await page.screenshot({ path: screenshotPath('booth-booked-en'), fullPage: true });
    await open(page, app.url, '#/organizer/booths');
    await page.screenshot({ path: screenshotPath('booth-admin-en'), fullPage: true });
    await page.getByTestId('lang-vi').click();
    await ready(page);
  });

  test('the exhibitor’s page shows its booth and the printable QR code', async () => {
    await open(page, app.url, `#/exhibitors/${first.id}`);
    await waitForText(page.getByTestId('exhibitor-booth-code'), 'A-2');
    const qr = page.getByTestId('exhibitor-booth-qr');
    const href = await qr.getAttribute('href');
    assert.equal(href, `/api/v1/fairs/${fair.id}/booths/${boothId('A-2')}/qr.svg`);
    assert.equal(await qr.getAttribute('target'), '_blank');
    const response = await fetch(new URL(href, app.url));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^image\/svg\+xml/);
    assert.match(await response.text(), /<svg[^>]*>.*<title>Booth A-2<\/title>/s);
    await page.getByTestId('exhibitor-booth-plan').click();
    await page.waitForURL(new RegExp(`#/booths/${boothId('A-2')}$`));
    await ready(page);
    await waitForText(page.getByTestId('booth-detail-title'), 'Gian A-2');
  });

  test('on a phone the booths come as a list first', async () => {
    await signOut(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, app.url, '#/booths');
    assert.equal(await page.getByTestId('view-list').getAttribute('aria-pressed'), 'true');
    await page.getByTestId('booth-table').waitFor({ timeout: WAIT_MS });
    await page.locator('[data-testid="booth-open"][data-id]').first().click();
    await waitForText(page.getByTestId('booth-detail-title'), 'Gian A-1');
    await waitForText(page.getByTestId('booth-sign-in'), /^Doanh nghiệp trưng bày cần đăng nhập/);
    await page.screenshot({ path: screenshotPath('booths-phone-vi'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
