// Organizer pages in the browser, against the real server and the small demo
// fair: an organizer made with the command line signs in, finds a pending
// application among the participants, is asked for a reason before
// rejecting, approves it instead; checks a CSV with one broken row (the
// report names the row and the column, nothing is imported, "import" stays
// disabled), then imports a clean file and gets the invitation links; the
// audit log shows the approval with the changed status; the outbox holds the
// invitation; and the invited company accepts it and is signed in. The tests
// run in order and share one browser page.

import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startApp, screenshotPath } from './harness.js';
import { WAIT_MS, waitForText, ready, open, makeOrganizer, apiClient } from './helpers.js';

const HEADER = 'email,name,tax_code,province,craft_village,categories,price_tier,languages';

describe('organizer: approve a participant, import from CSV, audit log, outbox', () => {
  let app;
  let page;
  let fair;
  let organizer;
  let applicant;
  let invitations;

  before(async () => {
    app = await startApp({ scale: 'small' });
    page = app.page;
    fair = (await app.api('/api/v1/fairs')).items[0];
    organizer = await makeOrganizer(app, fair.id);
    // A company registers and applies on its own: a pending application.
    const company = apiClient(app.url);
    const registered = await company.call('POST', '/auth/register', {
      email: 'son.mai.dinh.bang@example.com', password: 'son-mai-dinh-bang-1946', display_name: 'Trần Văn Bảng',
      language: 'vi', role: 'exhibitor',
    });
    assert.equal(registered.status, 201, JSON.stringify(registered.body));
    const created = await company.call('POST', '/exhibitors', {
      fair_id: fair.id, name: 'Cơ sở Sơn mài Đình Bảng', tax_code: '2300123456', province: 'bac-ninh',
      craft_village: 'Đình Bảng', categories: ['wood.lacquerware'], price_tier: 'premium',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    applicant = created.body;
    assert.equal(applicant.status, 'pending');
  });

  afterEach(() => {
    app?.browser.assertNoErrors();
  });

  after(async () => {
    if (!app) return;
    const exit = await app.teardown();
    assert.equal(exit.code, 0, 'the server shuts down cleanly');
  });

  test('signs in and lands on the pending applications', async () => {
    await open(page, app.url, '#/login');
    await page.getByTestId('login-email').fill(organizer.email);
    await page.getByTestId('login-password').fill(organizer.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/#\/organizer\/participants$/);
    await ready(page);
    await page.getByTestId('nav-organizer').waitFor({ timeout: WAIT_MS });
    assert.equal(await page.getByTestId('participant-status').inputValue(), 'pending');
    const row = page.locator(`[data-testid="participant-row"][data-id="${applicant.id}"]`);
    await waitForText(row.getByTestId('participant-name'), 'Cơ sở Sơn mài Đình Bảng');
    await waitForText(row.getByTestId('participation-status'), 'Chờ duyệt');
    assert.equal(await page.getByTestId('participant-row').count(), 1, 'only the pending application is listed');
  });

  test('asks for a reason before rejecting, then approves', async () => {
    const row = page.locator(`[data-testid="participant-row"][data-id="${applicant.id}"]`);
    await row.getByTestId('participant-reject').click();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'reject-reason');
    await row.getByTestId('reject-confirm').click();
    await waitForText(row.getByTestId('field-error-reason'), 'Vui lòng ghi lý do từ chối.');
    await row.getByTestId('reject-cancel').click();

    await row.getByTestId('participant-approve').click();
    await waitForText(row.getByTestId('participation-status'), 'Đã duyệt');
    await waitForText(page.getByTestId('decision-status'), 'Đã duyệt Cơ sở Sơn mài Đình Bảng.');
    assert.equal(await row.getByTestId('participant-approve').count(), 0, 'an approved profile cannot be approved again');
    const publicProfile = await app.api(`/api/v1/exhibitors/${applicant.id}`);
    assert.equal(publicProfile.name, 'Cơ sở Sơn mài Đình Bảng', 'the approved exhibitor is public now');

    await page.getByTestId('participant-status').selectOption('approved');
    await page.waitForURL(/status=approved/);
    await ready(page);
    const statuses = await page.getByTestId('participation-status').evaluateAll((badges) => badges.map((b) => b.dataset.status));
    assert.ok(statuses.length > 0 && statuses.every((s) => s === 'approved'), `only approved profiles: ${statuses}`);
    await page.screenshot({ path: screenshotPath('participants-vi'), fullPage: true });
  });

  test('a dry run of a CSV with a broken row reports its row and column and imports nothing', async () => {
    await page.getByTestId('tab-import').click();
    await page.waitForURL(/#\/organizer\/import$/);
    await ready(page);
    assert.equal(await page.getByTestId('import-run').isDisabled(), true, 'nothing to import before a check');
    const csv = [
      HEADER,
      'lang.gom.phu.lang@example.com,Hợp tác xã Gốm Phù Lãng,2300765432,bac-ninh,Phù Lãng,ceramics.ornaments|ceramics.garden,mid,vi|en',
      'may.tre.phu.vinh@example.com,Cơ sở Mây tre Phú Vinh,12345,ha-noi,Phú Vinh,basketry.rattan,budget,vi',
    ].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'trien-lam.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    app.browser.allow(/status of 422 .*\/api\/v1\/fairs\/\d+\/imports\/exhibitors/);
    await page.getByTestId('import-dry-run').click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: WAIT_MS });
    assert.equal(await report.getAttribute('data-clean'), 'false');
    await waitForText(page.getByTestId('report-summary'), /1 lỗi: 1\/2 dòng hợp lệ/);
    const errors = page.getByTestId('import-error-row');
    assert.equal(await errors.count(), 1);
    await waitForText(errors.getByTestId('import-error-line'), '3');
    await waitForText(errors.getByTestId('import-error-column'), 'tax_code');
    await waitForText(errors.getByTestId('import-error-message'), /^Mã số thuế gồm 10 chữ số/);
    assert.equal(await page.getByTestId('import-run').isDisabled(), true, 'a broken file cannot be imported');
    const users = await apiClient(app.url, { token: organizer.token }).call('GET', '/users?limit=100');
    assert.ok(!users.body.items.some((u) => u.email === 'lang.gom.phu.lang@example.com'), 'the dry run created nobody');
    await page.screenshot({ path: screenshotPath('import-broken-vi'), fullPage: true });
  });

  test('imports a clean file and shows the invitation links', async () => {
    const csv = [
      HEADER,
      'lang.gom.phu.lang@example.com,Hợp tác xã Gốm Phù Lãng,2300765432,bac-ninh,Phù Lãng,ceramics.ornaments|ceramics.garden,mid,vi|en',
      'may.tre.phu.vinh@example.com,"Cơ sở Mây tre Phú Vinh, Chương Mỹ",0101234567,ha-noi,Phú Vinh,basketry.rattan,budget,vi',
    ].join('\r\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'trien-lam-sua.csv', mimeType: 'text/csv',
      buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]) });
    assert.equal(await page.getByTestId('import-run').isDisabled(), true, 'a new file needs its own check');
    await page.getByTestId('import-dry-run').click();
    await waitForText(page.getByTestId('report-summary'), 'Tệp hợp lệ: 2 dòng sẵn sàng để nhập.');
    await page.waitForFunction(() => !document.querySelector('[data-testid="import-run"]').disabled, null, { timeout: WAIT_MS });
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-result').waitFor({ timeout: WAIT_MS });
    await waitForText(page.getByTestId('import-result').locator('h2'), 'Đã nhập 2 hồ sơ.');
    assert.deepEqual(await page.getByTestId('invitation-email').allTextContents(),
      ['lang.gom.phu.lang@example.com', 'may.tre.phu.vinh@example.com']);
    const links = page.getByTestId('invitation-link');
    invitations = [await links.nth(0).inputValue(), await links.nth(1).inputValue()];
    for (const link of invitations) assert.match(link, /#\/invitation\?token=[A-Za-z0-9_-]{20,}$/);
    await page.screenshot({ path: screenshotPath('import-done-vi'), fullPage: true });
    const found = await app.api(`/api/v1/exhibitors?fair=${fair.id}&q=${encodeURIComponent('Phù Lãng')}`);
    assert.ok(found.items.some((e) => e.name === 'Hợp tác xã Gốm Phù Lãng'), 'the imported exhibitor is listed');
  });

  test('the audit log shows the approval with the changed status', async () => {
    await page.getByTestId('tab-audit').click();
    await page.waitForURL(/#\/organizer\/audit$/);
    await ready(page);
    const approval = page.locator('[data-testid="audit-row"][data-action="participant.approve"]');
    assert.equal(await approval.count(), 1);
    await waitForText(approval.getByTestId('audit-action'), 'Duyệt hồ sơ');
    await waitForText(approval.getByTestId('audit-actor'), organizer.email);
    await waitForText(approval.getByTestId('audit-entity'), `Doanh nghiệp #${applicant.id}`);
    const status = approval.locator('[data-testid="audit-change"][data-field="status"]');
    await waitForText(status, (text) => text.includes('pending') && text.includes('approved'));
    const importRow = page.locator('[data-testid="audit-row"][data-action="import.exhibitors"]');
    await waitForText(importRow.getByTestId('audit-action'), 'Nhập doanh nghiệp từ CSV');
    await page.screenshot({ path: screenshotPath('audit-vi'), fullPage: true });
    await page.getByTestId('lang-en').click();
    await ready(page);
    await waitForText(approval.getByTestId('audit-action'), 'Approved a profile');
    await page.screenshot({ path: screenshotPath('audit-en'), fullPage: true });
    await page.getByTestId('lang-vi').click();
    await ready(page);
  });

  test('the outbox holds the invitations to pass on', async () => {
    await page.getByTestId('tab-outbox').click();
    await page.waitForURL(/#\/organizer\/outbox$/);
    await ready(page);
    const recipients = await page.getByTestId('outbox-to').allTextContents();
    assert.ok(recipients.includes('lang.gom.phu.lang@example.com'));
    const links = await page.getByTestId('outbox-link').evaluateAll((inputs) => inputs.map((input) => input.value));
    assert.ok(links.includes(invitations[0]), 'the invitation link is in the outbox');
  });

  test('the invited company accepts its invitation and is signed in', async () => {
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/#\/login/);
    await ready(page);
    await open(page, app.url, new URL(invitations[0]).hash);
    await page.getByTestId('invitation-page').waitFor({ timeout: WAIT_MS });
    await page.getByTestId('invitation-password').fill('gom-phu-lang-men-da-luon');
    await page.getByTestId('invitation-confirm').fill('gom-phu-lang-men-da-luon');
    await page.getByTestId('invitation-submit').click();
    await page.waitForURL(/#\/profile$/);
    await ready(page);
    await waitForText(page.getByTestId('user-name'), (text) => text.endsWith('Hợp tác xã Gốm Phù Lãng'));
    await waitForText(page.getByTestId('participation-status'), 'Đã duyệt');
    assert.equal(await page.getByTestId('name').inputValue(), 'Hợp tác xã Gốm Phù Lãng');
  });
});
