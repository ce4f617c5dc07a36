// Accounts in the browser, against the real server and the small demo fair:
// register as an exhibitor (with field errors from the browser and from the
// server next to their fields), be signed in, apply to the fair with a
// company profile (pending), edit it and see the change on the company page;
// be refused when editing a demo exhibitor's profile; create, use and revoke
// an API token; see this session; sign out, be sent to sign in by a private
// page, fail with a wrong password, sign in again and land back there; reset
// a forgotten password with the outbox link. The tests run in order and share
// one browser page.

import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshotPath, runCli } from './harness.js';
import { WAIT_MS, waitForText, ready, open } from './helpers.js';

const EMAIL = 'xuong.gom.minh.chau@example.com';
const PASSWORD = 'men-lam-bat-trang-1958';
const NAME = 'Nguyễn Minh Châu';
const COMPANY = 'Xưởng gốm Minh Châu';

describe('accounts: register, company profile, access, tokens, sign-in', () => {
  let app;
  let page;
  let fair;
  let demo;
  let profileId;

  before(async () => {
    app = await startApp({ scale: 'small' });
    page = app.page;
    fair = (await app.api('/api/v1/fairs')).items[0];
    demo = (await app.api(`/api/v1/exhibitors?fair=${fair.id}&limit=1`)).items[0];
    assert.ok(demo, 'the demo fair has an approved exhibitor');
  });

  afterEach(() => {
    app?.browser.assertNoErrors();
  });

  after(async () => {
    if (!app) return;
    const exit = await app.teardown();
    assert.equal(exit.code, 0, 'the server shuts down cleanly');
  });

  test('an anonymous visitor sees sign-in and register links, and asks /me nothing', async () => {
    const asked = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/me')) asked.push(request.url());
    });
    await open(page, app.url, '#/');
    await page.getByTestId('nav-login').waitFor({ timeout: WAIT_MS });
    await waitForText(page.getByTestId('nav-register'), 'Đăng ký');
    assert.equal(await page.getByTestId('user-name').count(), 0);
    assert.deepEqual(asked, [], 'no /me request without a session');
  });

  test('registering shows field errors next to the fields, then signs in', async () => {
    await page.getByTestId('nav-register').click();
    await page.waitForURL(/#\/register$/);
    await ready(page);
    await page.getByTestId('register-name').fill(NAME);
    await page.getByTestId('register-email').fill(EMAIL);
    await page.getByTestId('register-password').fill('ngắn');
    await page.getByTestId('register-submit').click();
    await waitForText(page.getByTestId('field-error-password'), 'Mật khẩu phải có ít nhất 10 ký tự.');
    assert.equal(await page.getByTestId('register-password').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'register-password',
      'focus moves to the field in error');
    const describedBy = await page.getByTestId('register-password').getAttribute('aria-describedby');
    assert.match(describedBy, /register-password-error/, 'the error message describes the field');

    // The server refuses a password equal to the email's name: its error lands next to the field too.
    await page.getByTestId('register-password').fill(EMAIL);
    app.browser.allow(/status of 422 .*\/api\/v1\/auth\/register/);
    await page.getByTestId('register-submit').click();
    await waitForText(page.getByTestId('field-error-password'), 'Mật khẩu không được trùng với địa chỉ email.');

    await page.getByTestId('register-password').fill(PASSWORD);
    assert.equal(await page.getByTestId('register-role-exhibitor').isChecked(), true, 'exhibitor is the default role');
    await page.getByTestId('register-language-vi').check();
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/#\/profile\?welcome=1$/);
    await ready(page);
    await waitForText(page.getByTestId('user-name'), (text) => text.endsWith(NAME));
    await waitForText(page.getByTestId('welcome'), `Chào mừng ${NAME}! Tài khoản của bạn đã được tạo.`);
    await page.getByTestId('nav-profile').waitFor({ timeout: WAIT_MS });
    assert.equal(await page.getByTestId('nav-login').count(), 0, 'no sign-in link once signed in');
    assert.equal(await page.getByTestId('nav-organizer').count(), 0, 'no organizer pages for an exhibitor');
  });

  test('applies to the fair with a company profile, which is pending', async () => {
    await page.getByTestId('profile-create-page').waitFor({ timeout: WAIT_MS });
    await page.getByTestId('name').fill(COMPANY);
    await page.getByTestId('tax_code').fill('0109876543');
    await page.getByTestId('province').selectOption('ha-noi');
    await page.getByTestId('craft_village').fill('Bát Tràng');
    await page.getByLabel('Gốm sứ trang trí (HS 6913)').check();
    await page.getByTestId('price_tier').selectOption('mid');
    await page.getByTestId('export_markets').selectOption('DE');
    await page.getByTestId('languages').selectOption('en');
    // A website the server refuses: its message appears next to the website field, in Vietnamese.
    await page.getByTestId('website').fill('ftp://gom-minh-chau.vn');
    app.browser.allow(/status of 422 .*\/api\/v1\/exhibitors/);
    await page.getByTestId('profile-save').click();
    await waitForText(page.getByTestId('field-error-website'), 'Địa chỉ trang web phải bắt đầu bằng http:// hoặc https://.');
    await waitForText(page.getByTestId('form-alert'), 'Vui lòng sửa 1 mục được đánh dấu bên dưới.');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'website');

    await page.getByTestId('website').fill('https://gom-minh-chau.vn');
    await page.getByTestId('profile-save').click();
    await page.waitForURL(/#\/profile\?applied=1$/);
    await ready(page);
    const status = page.getByTestId('participation-status');
    await waitForText(status, 'Chờ duyệt');
    assert.equal(await status.getAttribute('data-status'), 'pending');
    profileId = Number(await page.getByTestId('profile-edit-page').getAttribute('data-id'));
    assert.ok(profileId > 0);
    assert.equal(await page.getByTestId('name').inputValue(), COMPANY);
    assert.deepEqual(await page.getByTestId('export_markets-picked').locator('li span').allTextContents(), ['Đức']);
    await page.screenshot({ path: screenshotPath('profile-pending-vi'), fullPage: true });
  });

  test('edits the profile and sees the change on the company page', async () => {
    const description = 'Gốm men lam vẽ tay, nung ở 1.280 °C tại Bát Tràng.';
    await page.getByTestId('description_vi').fill(description);
    await page.getByTestId('name_en').fill('Minh Chau Ceramics Workshop');
    await page.getByTestId('profile-save').click();
    await waitForText(page.getByTestId('save-status'), 'Đã lưu thay đổi.');

    await page.getByTestId('public-page-link').click();
    await page.waitForURL(new RegExp(`#/exhibitors/${profileId}$`));
    await ready(page);
    await waitForText(page.getByTestId('exhibitor-name'), COMPANY);
    await waitForText(page.getByTestId('exhibitor-description'), description);
    await waitForText(page.getByTestId('insider-tools'), (text) => text.includes('Chờ duyệt'));

    await page.getByTestId('edit-profile').click();
    await page.waitForURL(new RegExp(`#/exhibitors/${profileId}/edit$`));
    await ready(page);
    assert.equal(await page.getByTestId('description_vi').inputValue(), description);
    assert.equal(await page.getByTestId('name_en').inputValue(), 'Minh Chau Ceramics Workshop');
  });

  test('is refused when editing another company’s profile', async () => {
    await open(page, app.url, `#/exhibitors/${demo.id}`);
    assert.equal(await page.getByTestId('edit-profile').count(), 0, 'no edit link on someone else’s page');

    await open(page, app.url, `#/exhibitors/${demo.id}/edit`);
    await page.getByTestId('edit-refused').waitFor({ timeout: WAIT_MS });
    await waitForText(page.getByTestId('error-title'), 'Không có quyền');
    await waitForText(page.getByTestId('error-detail'),
      `Chỉ chủ hồ sơ “${demo.name}” hoặc ban tổ chức hội chợ mới được sửa hồ sơ này.`);
    assert.equal(await page.getByTestId('profile-form').count(), 0, 'no form to fill in');

    // The server refuses it too, whatever the page shows.
    app.browser.allow(/status of 403 .*\/api\/v1\/exhibitors\//);
    const status = await page.evaluate(async (id) => {
      const me = await (await fetch('/api/v1/me')).json();
      const response = await fetch(`/api/v1/exhibitors/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrf_token },
        body: JSON.stringify({ name: 'Hijacked' }),
      });
      return response.status;
    }, demo.id);
    assert.equal(status, 403);
    assert.equal((await app.api(`/api/v1/exhibitors/${demo.id}`)).name, demo.name);
  });

  test('creates an API token shown once, uses it, and revokes it', async () => {
    await page.getByTestId('user-name').click();
    await page.waitForURL(/#\/account$/);
    await ready(page);
    await waitForText(page.getByTestId('account-email'), (text) => text.includes(EMAIL));
    await waitForText(page.getByTestId('account-profiles-row'), (text) => text.includes(COMPANY) && text.includes('Chờ duyệt'));
    await page.getByTestId('tokens-empty').waitFor({ timeout: WAIT_MS });
    await page.getByTestId('token-name-input').fill('Bảng tính đơn hàng');
    await page.getByTestId('token-create').click();
    const value = page.getByTestId('new-token-value');
    await value.waitFor({ timeout: WAIT_MS });
    const token = await value.inputValue();
    assert.match(token, /^fm_[A-Za-z0-9_-]{20,}$/);
    await waitForText(page.getByTestId('new-token-warning'), /chỉ hiện một lần duy nhất/);
    await waitForText(page.getByTestId('token-name'), 'Bảng tính đơn hàng');

    const asBearer = () => fetch(new URL('/api/v1/me', app.url), { headers: { authorization: `Bearer ${token}` } });
    const me = await asBearer();
    assert.equal(me.status, 200);
    assert.equal((await me.json()).email, EMAIL);

    await page.getByTestId('token-revoke').click();
    await page.getByTestId('tokens-empty').waitFor({ timeout: WAIT_MS });
    await waitForText(page.getByTestId('token-status'), 'Đã thu hồi khóa Bảng tính đơn hàng.');
    assert.equal((await asBearer()).status, 401, 'a revoked token no longer works');

    const current = page.locator('[data-testid="session-row"][data-current="true"]');
    assert.equal(await current.count(), 1, 'this browser’s session is listed and marked');
    await waitForText(current.getByTestId('session-current'), 'Thiết bị này');
    await page.screenshot({ path: screenshotPath('account-vi'), fullPage: true });
  });

  test('shows the account page in English', async () => {
    await page.getByTestId('lang-en').click();
    await ready(page);
    await waitForText(page.locator('h1'), 'My account');
    await waitForText(page.getByTestId('sign-out'), 'Sign out');
    await waitForText(page.getByTestId('nav-profile'), 'Company profile');
    await page.screenshot({ path: screenshotPath('account-en'), fullPage: true });
    await open(page, app.url, '#/profile');
    await waitForText(page.getByTestId('participation-status'), 'Pending review');
    await page.screenshot({ path: screenshotPath('profile-pending-en'), fullPage: true });
    await page.getByTestId('lang-vi').click();
    await ready(page);
  });

  test('signs out, is sent to sign in by a private page, and signs in again', async () => {
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/#\/login\?signedOut=1$/);
    await ready(page);
    await waitForText(page.getByTestId('signed-out'), 'Bạn đã đăng xuất.');
    await page.getByTestId('nav-login').waitFor({ timeout: WAIT_MS });
    assert.equal(await page.getByTestId('user-name').count(), 0);

    await open(page, app.url, '#/account');
    await page.waitForURL(/#\/login\?next=%23%2Faccount$/);
    await ready(page);
    await waitForText(page.getByTestId('login-needed'), 'Vui lòng đăng nhập để tiếp tục.');

    app.browser.allow(/status of 401 .*\/api\/v1\/auth\/login/);
    await page.getByTestId('login-email').fill(EMAIL);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await waitForText(page.getByTestId('error-title'), 'Đăng nhập không thành công');
    await waitForText(page.getByTestId('error-detail'), 'Email hoặc mật khẩu không đúng.');

    await page.getByTestId('login-password').fill(PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/#\/account$/);
    await ready(page);
    await waitForText(page.getByTestId('user-name'), (text) => text.endsWith(NAME));
  });

  test('signs out everywhere', async () => {
    await page.getByTestId('sign-out-everywhere').click();
    await page.waitForURL(/#\/login\?signedOut=1$/);
    await ready(page);
    await page.getByTestId('nav-login').waitFor({ timeout: WAIT_MS });
    const cookies = await page.context().cookies();
    const me = await fetch(new URL('/api/v1/me', app.url), {
      headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    assert.equal(me.status, 401);
  });

  test('resets a forgotten password with the link from the outbox', async () => {
    await page.getByTestId('forgot-link').click();
    await page.waitForURL(/#\/forgot$/);
    await ready(page);
    await page.getByTestId('forgot-email').fill(EMAIL);
    await page.getByTestId('forgot-submit').click();
    await waitForText(page.getByTestId('forgot-status'), /liên kết đặt lại mật khẩu đã được tạo/);

    const outbox = await runCli(['outbox', '--db', app.dbPath]);
    const link = outbox.split('\n').find((line) => line.includes(EMAIL) && line.includes('#/reset?token='))
      ?.match(/(http\S+#\/reset\?token=\S+)/)?.[1];
    assert.ok(link, `a reset link for ${EMAIL} in the outbox:\n${outbox}`);
    // The link names the server's public address; the test server listens on a port of its own.
    const local = new URL(`/${new URL(link).hash}`, app.url).href;
    await page.goto(local);
    await ready(page);
    await page.getByTestId('reset-password').fill('men-ran-bat-trang-2026');
    await page.getByTestId('reset-confirm').fill('men-ran-bat-trang-2025');
    await page.getByTestId('reset-submit').click();
    await waitForText(page.getByTestId('field-error-confirm'), 'Hai mật khẩu không khớp nhau.');
    await page.getByTestId('reset-confirm').fill('men-ran-bat-trang-2026');
    await page.getByTestId('reset-submit').click();
    await page.waitForURL(/#\/login\?reset=1$/);
    await ready(page);
    await waitForText(page.getByTestId('reset-done'), 'Đã đổi mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.');

    await page.getByTestId('login-email').fill(EMAIL);
    await page.getByTestId('login-password').fill('men-ran-bat-trang-2026');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/#\/profile$/);
    await ready(page);
    await waitForText(page.getByTestId('user-name'), (text) => text.endsWith(NAME));

    // The link was used: it does not work twice.
    app.browser.allow(/status of 400 .*\/api\/v1\/auth\/password-reset\/confirm/);
    await page.goto(local);
    await ready(page);
    await page.getByTestId('reset-password').fill('another-password-2027');
    await page.getByTestId('reset-confirm').fill('another-password-2027');
    await page.getByTestId('reset-submit').click();
    await waitForText(page.getByTestId('error-title'), 'Liên kết không hợp lệ');
  });
});
