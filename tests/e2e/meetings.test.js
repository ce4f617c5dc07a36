// Meetings in the browser, against the real server and the small demo fair:
// the organizer sets the meeting grid (a client-side error first) and the
// request rules; an importer, in English, requests a meeting from an
// exhibitor's page (must meet, with a message) and another from a
// recommendation card, cancels the second in its outbox and marks its first
// morning unavailable; the exhibitor, in Vietnamese, accepts the request in
// its inbox and declines another buyer's with a reason; the organizer runs
// the scheduler, watches the progress bar reach 100 %, reads the result and
// publishes it, then finds the meeting among all meetings and in the CSV;
// both sides see the meeting on their schedule pages at the same time and
// place, in the fair's time zone; the importer creates its calendar link,
// copies it, and the .ics it serves parses with python3-icalendar (one
// VEVENT, the exhibitor's company in it, a UTC DTSTART); replacing and
// revoking the link work. Then the organizer runs again filling free slots
// with recommended meetings (only for pairs who both accept them, never the
// declined pair), is warned that publishing moves the published meeting,
// confirms, and the workshop that got a suggested meeting sees it labelled
// with its reason. The tests run in order and share one browser page.

import { describe, test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startApp, screenshotPath, runCli } from './harness.js';
import { WAIT_MS, waitForText, ready, open, makeOrganizer, apiClient, squash } from './helpers.js';

const EXHIBITOR = {
  email: 'may.tre.phu.vinh@example.com', password: 'may-tre-dan-phu-vinh-2026',
  name: 'Cơ sở Mây tre đan Hoàng Lan', nameEn: 'Hoang Lan Rattan Workshop',
};
const IMPORTER = {
  email: 'olivia.bennett@hearth-home.example', password: 'hearth-and-home-2026', displayName: 'Olivia Bennett',
  company: 'Hearth & Home Interiors Ltd',
};
const OTHER_IMPORTER = { email: 'purchasing@kyoto-zakka.example', company: 'Kyoto Zakka Trading' };
const SECOND_WORKSHOP = { email: 'may.tre.2@example.com', password: 'may-tre-xuong-hai-2026', name: 'Xưởng mây tre Phú Vinh 2' };
const MESSAGE = 'We stock rattan baskets for 40 stores in the UK and would like to see your water hyacinth line.';
const DECLINE_REASON = 'Lịch kín tuần đó, xin lỗi quý khách';

/** The fair's local time (Asia/Ho_Chi_Minh) of an ISO instant, as the page writes it in English ("1:30 PM"). */
function localClock(iso) {
  return new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' })
    .format(new Date(iso));
}

/** The start and end a time range on the page shows: [text, datetime] of its two <time> elements. */
async function shownRange(locator) {
  return locator.locator('time').evaluateAll((times) => times.map((time) => [time.textContent, time.getAttribute('datetime')]));
}

/** Parses an iCalendar text with Debian's python3-icalendar; resolves to {name, events[]}. */
function parseIcs(bytes) {
  const script = [
    'import icalendar, sys, json, datetime',
    'cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())',
    'events = []',
    'for ev in cal.walk("VEVENT"):',
    '    start = ev.decoded("DTSTART")',
    '    end = ev.decoded("DTEND")',
    '    events.append({"uid": str(ev.get("UID")), "summary": str(ev.get("SUMMARY")),',
    '        "description": str(ev.get("DESCRIPTION")), "location": str(ev.get("LOCATION")),',
    '        "status": str(ev.get("STATUS", "")), "sequence": int(ev.get("SEQUENCE", 0)),',
    '        "start": start.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),',
    '        "end": end.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),',
    '        "start_is_utc": start.tzinfo is not None and start.utcoffset() == datetime.timedelta(0),',
    '        "dtstart": ev["DTSTART"].to_ical().decode()})',
    'print(json.dumps({"name": str(cal.get("X-WR-CALNAME", "")), "events": events}))',
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', ['-c', script], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`python3-icalendar could not parse the feed (exit ${code}):\n${err}`));
      else resolve(JSON.parse(out));
    });
    child.stdin.end(bytes);
  });
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

/** Clicks a link (or tab) and waits for the view of the route it leads to. */
async function follow(page, locator, hashPattern) {
  await locator.click();
  await page.waitForURL(hashPattern);
  await ready(page);
}

describe('meetings: request, accept, schedule, publish, calendar', () => {
  let app;
  let page;
  let fair;
  let organizer;
  let orgApi;
  let exhibitor;
  let importer;
  let otherImporterApi;
  let deadline;
  let meeting;

  before(async () => {
    app = await startApp({ scale: 'small' });
    page = app.page;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    fair = (await app.api('/api/v1/fairs')).items[0];
    organizer = await makeOrganizer(app, fair.id);
    orgApi = apiClient(app.url, { token: organizer.token });

    // A rattan workshop imported from a spreadsheet; it sets its password with its invitation.
    const importCsv = async (kind, rows) => {
      const response = await fetch(new URL(`/api/v1/fairs/${fair.id}/imports/${kind}?dry_run=false`, app.url), {
        method: 'POST', headers: { authorization: `Bearer ${organizer.token}`, 'content-type': 'text/csv' }, body: rows.join('\n'),
      });
      const body = await response.json();
      assert.equal(response.status, 201, JSON.stringify(body));
      return body;
    };
    const imported = await importCsv('exhibitors', [
      'email,name,name_en,tax_code,province,craft_village,categories,price_tier,languages',
      `${EXHIBITOR.email},${EXHIBITOR.name},${EXHIBITOR.nameEn},0102345678,ha-noi,Phú Vinh,basketry.rattan|basketry.water_hyacinth,mid,vi|en`,
    ]);
    const link = imported.invitations.find((invitation) => invitation.email === EXHIBITOR.email).link;
    const accepted = await apiClient(app.url).call('POST', '/auth/invitations/accept',
      { token: new URL(link).hash.split('token=')[1], password: EXHIBITOR.password });
    assert.ok(accepted.status < 300, JSON.stringify(accepted.body));
    const exhibitors = (await orgApi.call('GET', `/fairs/${fair.id}/participants?kind=exhibitor&limit=100`)).body.items;
    const named = exhibitors.filter((item) => item.name === EXHIBITOR.name);
    assert.equal(named.length, 1, 'the imported exhibitor has a profile, and its name is its own');
    [exhibitor] = named;

    // A British buyer who registers in English; the organizer approves its profile.
    const buyer = apiClient(app.url);
    assert.equal((await buyer.call('POST', '/auth/register', {
      email: IMPORTER.email, password: IMPORTER.password, display_name: IMPORTER.displayName, language: 'en', role: 'importer',
    })).status, 201);
    const created = await buyer.call('POST', '/importers', {
      fair_id: fair.id, name: IMPORTER.company, country: 'GB', buyer_type: 'retail_chain',
      categories: ['basketry.rattan', 'basketry.water_hyacinth', 'furniture.rattan'], price_tier: 'mid', order_quantity: 500,
      max_lead_time_days: 90, annual_budget: { amount: 50_000_000, currency: 'GBP' }, languages: ['en'],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    importer = created.body;
    assert.equal((await orgApi.call('POST', `/fairs/${fair.id}/participants/importer/${importer.id}/decision`,
      { decision: 'approve', reason: '' })).status, 200);

    // A second buyer, imported, that uses the API.
    await importCsv('importers', [
      'email,name,country,buyer_type,categories,price_tier,annual_budget_amount,annual_budget_currency,languages',
      `${OTHER_IMPORTER.email},${OTHER_IMPORTER.company},JP,wholesaler,basketry.rattan,mid,3000000,JPY,ja|en`,
    ]);
    const token = (await runCli(['token', 'create', '--db', app.dbPath, '--email', OTHER_IMPORTER.email])).trim().split('\n').pop().trim();
    otherImporterApi = apiClient(app.url, { token });
  });

  afterEach(() => {
    app?.browser.assertNoErrors();
  });

  after(async () => {
    if (!app) return;
    const exit = await app.teardown();
    assert.equal(exit.code, 0, 'the server shuts down cleanly');
  });

  test('the organizer sets the meeting grid and the request rules', async () => {
    await signIn(page, app.url, organizer);
    await follow(page, page.getByTestId('tab-grid'), /#\/organizer\/grid$/);
    await waitForText(page.getByTestId('grid-undefined'), /^Hội chợ chưa có khung giờ gặp\./);
    // Two meeting days out of the fair's four; the suggested sessions; 3 tables.
    for (const day of ['2026-12-05', '2026-12-06']) await page.getByTestId(`grid-day-${day}`).uncheck();
    await page.getByTestId('tables').fill('3');
    await waitForText(page.getByTestId('grid-preview'),
      'Mỗi ngày 11 khung giờ, 2 ngày gặp: tổng cộng 22 khung giờ gặp. Khu gặp gỡ có 3 bàn. Cuộc gặp diễn ra tại gian hàng khi doanh nghiệp đã có gian.');
    // An afternoon that ends before it starts is refused next to the sessions, before anything is sent.
    const ends = page.getByTestId('session-end');
    await ends.nth(1).fill('13:00');
    await page.getByTestId('grid-save').click();
    await waitForText(page.getByTestId('field-error-sessions'), 'Buổi phải kết thúc sau khi bắt đầu, trong cùng một ngày.');
    assert.equal((await app.api(`/api/v1/fairs/${fair.id}/grid`)).defined, false, 'nothing was saved');
    await ends.nth(1).fill('17:00');
    await page.getByTestId('grid-save').click();
    await waitForText(page.getByTestId('grid-status'), 'Đã lưu khung giờ gặp: 22 khung giờ.');
    assert.equal(await page.getByTestId('grid-slot-row').count(), 4, 'two days of two sessions');
    assert.deepEqual(await page.getByTestId('grid-slot-count').allTextContents(), ['5', '6', '5', '6']);
    const grid = await app.api(`/api/v1/fairs/${fair.id}/grid`);
    assert.deepEqual(grid.days, ['2026-12-03', '2026-12-04']);
    assert.deepEqual(grid.sessions.map((s) => [s.start, s.end]), [['09:00', '12:00'], ['13:30', '17:00']]);
    assert.deepEqual([grid.slot_minutes, grid.pause_minutes, grid.tables, grid.use_booths], [30, 5, 3, true]);
    assert.equal(grid.slots.length, 22);
    assert.equal(grid.slots[0].start, '2026-12-03T02:00:00Z', '09:00 in Hanoi is 02:00 UTC');

    // Requests close in 30 days at 17:00 Hanoi time; at most 5 open requests each.
    const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    deadline = new Date(`${day}T10:00:00Z`).toISOString().replace('.000Z', 'Z');
    await page.getByTestId('request-deadline').fill(`${day}T17:00`);
    await page.getByTestId('requests-cap').fill('5');
    await page.getByTestId('rules-save').click();
    await waitForText(page.getByTestId('rules-status'), 'Đã lưu quy định về yêu cầu gặp.');
    await waitForText(page.getByTestId('rules-state'), /^Đang nhận yêu cầu gặp\. Hạn chót gửi yêu cầu gặp: .*Mỗi doanh nghiệp được có tối đa 5 yêu cầu đã gửi đang mở\.$/);
    const rules = await app.api(`/api/v1/fairs/${fair.id}/meeting-rules`);
    assert.deepEqual([rules.request_deadline, rules.requests_per_participant, rules.requests_open], [deadline, 5, true]);
    await page.screenshot({ path: screenshotPath('meeting-grid-vi'), fullPage: true });
    await signOut(page);
  });

  test('the importer requests a meeting from the exhibitor page and another from a recommendation', async () => {
    await signIn(page, app.url, IMPORTER);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await open(page, app.url, `#/exhibitors/${exhibitor.id}`);
    await waitForText(page.getByTestId('exhibitor-name'), EXHIBITOR.nameEn);
    const panel = page.getByTestId('meeting-request');
    const openButton = panel.getByTestId('request-open');
    assert.equal(await openButton.getAttribute('aria-expanded'), 'false');
    await openButton.click();
    const form = panel.getByTestId('request-form');
    await form.waitFor({ timeout: WAIT_MS });
    assert.equal(await page.evaluate(() => document.activeElement?.value), 'would_like', 'focus moves into the form');
    await form.getByTestId('request-priority-must_meet').check();
    await form.getByTestId('request-message').fill(MESSAGE);
    await form.getByTestId('request-submit').click();
    await waitForText(panel.getByTestId('request-sent'),
      `Meeting request sent to ${EXHIBITOR.nameEn}. Their answer will appear among your sent requests.`);
    const state = panel.getByTestId('request-state');
    assert.equal(await state.getAttribute('data-status'), 'pending');
    await waitForText(state.getByTestId('request-status'), 'Awaiting answer');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'request-state');
    const importerApi = apiClient(app.url);
    await importerApi.call('POST', '/auth/login', { email: IMPORTER.email, password: IMPORTER.password });
    const outbox = (await importerApi.call('GET', `/me/meeting-requests?fair=${fair.id}&box=outbox`)).body.items;
    assert.equal(outbox.length, 1);
    assert.deepEqual([outbox[0].exhibitor.id, outbox[0].priority, outbox[0].message, outbox[0].status],
      [exhibitor.id, 'must_meet', MESSAGE, 'pending']);
    // A fresh load of the page says where the request stands instead of offering a second one.
    await page.reload();
    await ready(page);
    await waitForText(page.getByTestId('request-state'), /^Awaiting answer\s*You asked Hoang Lan Rattan Workshop for a meeting\./);
    assert.equal(await page.getByTestId('request-open').count(), 0);

    // From a recommendation card: a would-like request to another supplier.
    await follow(page, page.getByTestId('nav-recommendations'), /#\/recommendations$/);
    const card = page.locator(`[data-testid="recommendation"]:not([data-id="${exhibitor.id}"])`).first();
    const other = { id: Number(await card.getAttribute('data-id')), name: squash(await card.getByTestId('recommendation-name').textContent()) };
    await card.getByTestId('request-open').click();
    await card.getByTestId('request-message').fill('Could we talk about your lead times?');
    await card.getByTestId('request-submit').click();
    await waitForText(card.getByTestId('request-sent'), `Meeting request sent to ${other.name}. Their answer will appear among your sent requests.`);
    assert.equal(await card.getByTestId('request-state').getAttribute('data-status'), 'pending');
    await page.screenshot({ path: screenshotPath('meeting-request-card-en'), fullPage: true });

    // The outbox lists both; the second is cancelled there.
    await follow(page, page.getByTestId('nav-meetings'), /#\/meetings$/);
    await waitForText(page.locator('h1'), 'Meeting requests');
    await page.getByTestId('requests-empty').waitFor({ timeout: WAIT_MS });
    await follow(page, page.getByTestId('box-outbox'), /#\/meetings\?box=outbox$/);
    assert.equal(await page.getByTestId('request').count(), 2);
    await waitForText(page.getByTestId('meeting-rules'), /^Meeting requests close on .*; requests not answered by then expire\.\s*Each company may have at most 5 sent requests open\.$/);
    const mine = page.locator(`[data-testid="request"][data-id="${outbox[0].id}"]`);
    await waitForText(mine.getByTestId('request-priority'), 'Must meet');
    await waitForText(mine.getByTestId('request-message-text'), MESSAGE);
    const second = page.locator(`[data-testid="request"]:not([data-id="${outbox[0].id}"])`);
    await second.getByTestId('request-withdraw').click();
    await waitForText(second.getByTestId('withdraw-box'), `Cancel your meeting request to ${other.name}? They will no longer be able to accept it.Yes, cancel the requestKeep it`);
    await second.getByTestId('withdraw-confirm').click();
    await waitForText(page.getByTestId('requests-status'), `You cancelled your meeting request to ${other.name}.`);
    await waitForText(second.getByTestId('request-status'), 'Cancelled');
    assert.equal(await second.getByTestId('request-withdraw').count(), 0, 'a cancelled request has no actions');
    await waitForText(page.getByTestId('count-cancelled'), '(1)');
    await waitForText(page.getByTestId('count-pending'), '(1)');
    const afterCancel = (await importerApi.call('GET', `/me/meeting-requests?fair=${fair.id}&box=outbox`)).body;
    assert.deepEqual(Object.fromEntries(afterCancel.items.map((item) => [item.exhibitor.id, item.status])),
      { [exhibitor.id]: 'pending', [other.id]: 'cancelled' });

    // Availability: away on the first morning; fill-in meetings welcome.
    await follow(page, page.getByTestId('tab-availability'), /#\/meetings\/availability$/);
    await waitForText(page.getByTestId('availability-count'), '0 of 22 slots marked unavailable.');
    const firstDay = page.locator('[data-testid="availability-day"][data-day="2026-12-03"]');
    await firstDay.getByTestId('session-busy').first().click();
    await waitForText(page.getByTestId('availability-count'), '5 of 22 slots marked unavailable.');
    await page.getByTestId('accepts-fill-ins').check();
    await page.getByTestId('availability-save').click();
    await waitForText(page.getByTestId('availability-status'), 'Availability saved.');
    const availability = (await importerApi.call('GET', `/fairs/${fair.id}/availability`)).body;
    assert.deepEqual(availability.unavailable_slots, [0, 1, 2, 3, 4]);
    assert.equal(availability.accepts_fill_ins, true);
    await page.screenshot({ path: screenshotPath('meeting-availability-en'), fullPage: true });
    await signOut(page);
  });

  test('the exhibitor accepts the request in its inbox and declines another buyer with a reason', async () => {
    const asked = await otherImporterApi.call('POST', '/me/meeting-requests',
      { exhibitor_id: exhibitor.id, priority: 'would_like', message: 'Giỏ mây cho thị trường Nhật Bản' });
    assert.equal(asked.status, 201, JSON.stringify(asked.body));
    await signIn(page, app.url, { email: EXHIBITOR.email, password: EXHIBITOR.password });
    assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
    await follow(page, page.getByTestId('nav-meetings'), /#\/meetings$/);
    await waitForText(page.locator('h1'), 'Yêu cầu gặp');
    assert.equal(await page.getByTestId('request').count(), 2);
    await waitForText(page.getByTestId('count-pending'), '(2)');

    const fromBuyer = page.locator('[data-testid="request"]').filter({ hasText: IMPORTER.company });
    await waitForText(fromBuyer.getByTestId('counterpart-name'), IMPORTER.company);
    const britain = (await app.api('/api/v1/reference/countries')).items.find((country) => country.code === 'GB');
    await waitForText(fromBuyer.getByTestId('counterpart-country'), `· ${britain.name_vi}`);
    await waitForText(fromBuyer.getByTestId('request-priority'), 'Nhất định gặp');
    await waitForText(fromBuyer.getByTestId('request-message-text'), MESSAGE);
    await waitForText(fromBuyer.getByTestId('request-status'), 'Chờ trả lời');
    await page.screenshot({ path: screenshotPath('meeting-inbox-vi'), fullPage: true });
    await fromBuyer.getByTestId('request-accept').click();
    await waitForText(page.getByTestId('requests-status'),
      `Đã nhận lời gặp ${IMPORTER.company}. Cuộc gặp sẽ có trong lịch sau khi ban tổ chức xếp lịch.`);
    await waitForText(fromBuyer.getByTestId('request-status'), 'Đã nhận lời');
    assert.equal(await fromBuyer.getByTestId('request-accept').count(), 0);

    const fromOther = page.locator('[data-testid="request"]').filter({ hasText: OTHER_IMPORTER.company });
    await fromOther.getByTestId('request-decline').click();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'decline-reason');
    await fromOther.getByTestId('decline-reason').fill(DECLINE_REASON);
    await fromOther.getByTestId('decline-confirm').click();
    await waitForText(page.getByTestId('requests-status'), `Đã từ chối yêu cầu gặp của ${OTHER_IMPORTER.company}.`);
    await waitForText(fromOther.getByTestId('request-status'), 'Đã từ chối');
    await waitForText(fromOther.getByTestId('request-reason'), `Lý do: ${DECLINE_REASON}`);
    await waitForText(page.getByTestId('count-accepted'), '(1)');
    await waitForText(page.getByTestId('count-declined'), '(1)');

    const theirs = (await otherImporterApi.call('GET', `/me/meeting-requests?fair=${fair.id}&box=outbox`)).body.items[0];
    assert.deepEqual([theirs.status, theirs.reason], ['declined', DECLINE_REASON]);
    await page.screenshot({ path: screenshotPath('meeting-inbox-answered-vi'), fullPage: true });
    await signOut(page);
  });

  test('the organizer runs the scheduler, sees the progress reach 100 % and the result, and publishes', async () => {
    await signIn(page, app.url, organizer);
    await follow(page, page.getByTestId('tab-schedule'), /#\/organizer\/schedule$/);
    await page.getByTestId('runs-empty').waitFor({ timeout: WAIT_MS });
    await waitForText(page.getByTestId('scheduler-grid'), /^Khung giờ hiện tại: 22 khung giờ trong 2 ngày, 3 bàn\./);
    // Every value the progress bar shows, and the run's status, as the page draws them.
    await page.evaluate(() => {
      window.progressSeen = [];
      const note = () => {
        const bar = document.querySelector('[data-testid="run-progress"]');
        const panel = document.querySelector('[data-testid="run-panel"]');
        if (!bar || !panel) return;
        const entry = `${panel.dataset.status}:${bar.dataset.value}`;
        if (window.progressSeen.at(-1) !== entry) window.progressSeen.push(entry);
      };
      new MutationObserver(note).observe(document.getElementById('main'), { subtree: true, childList: true, attributes: true });
    });
    await page.getByTestId('run-seconds').fill('2');
    await page.getByTestId('run-seed').fill('7');
    await page.getByTestId('run-start').click();
    await page.waitForURL(/#\/organizer\/schedule\?run=\d+$/);
    await ready(page);
    const runId = Number(new URL(page.url()).hash.split('run=')[1]);
    const panel = page.getByTestId('run-panel');
    await page.waitForFunction(() => document.querySelector('[data-testid="run-panel"]')?.dataset.status === 'done', null,
      { timeout: 30_000 });
    const seen = await page.evaluate(() => window.progressSeen);
    assert.equal(seen[0], 'running:0', `the bar starts at 0 while the run is running: ${seen}`);
    assert.equal(seen.at(-1), 'done:100', `the bar ends at 100: ${seen}`);
    const values = seen.map((entry) => Number(entry.split(':')[1]));
    assert.deepEqual(values, [...values].sort((a, b) => a - b), `the progress never goes back: ${seen}`);
    assert.equal(await panel.getByTestId('run-progress').evaluate((bar) => bar.value), 100);
    await waitForText(panel.getByTestId('run-progress-text'), '100%');
    await waitForText(panel.getByTestId('run-status'), 'Đã xong');
    await waitForText(page.getByTestId('run-announce'), 'Đã xếp xong: 1 trên 1 cuộc gặp được xếp lịch.');
    await waitForText(panel.getByTestId('figure-held-value'), '1/1');
    await waitForText(panel.getByTestId('figure-held'), /Nhất định gặp: 1\/1 · Mong muốn gặp: 0\/0$/);
    await waitForText(panel.getByTestId('figure-breaks-value'), '0');
    await waitForText(panel.getByTestId('figure-unscheduled-value'), '0');
    await waitForText(panel.getByTestId('unscheduled-none'), 'Mọi yêu cầu đã được nhận lời đều được xếp lịch.');
    const run = (await orgApi.call('GET', `/fairs/${fair.id}/schedule-runs/${runId}`)).body;
    assert.deepEqual([run.status, run.progress, run.figures.held, run.figures.requested], ['done', 100, 1, 1]);
    await page.screenshot({ path: screenshotPath('meeting-scheduler-vi'), fullPage: true });

    await panel.getByTestId('run-publish').click();
    await waitForText(page.getByTestId('run-announce'),
      'Đã công bố lịch với 1 cuộc gặp: 1 mới, 0 đổi giờ, 0 giữ nguyên, 0 bị hủy.');
    await waitForText(page.getByTestId('run-panel').getByTestId('run-status'), 'Đã công bố');
    await page.getByTestId('run-published').waitFor({ timeout: WAIT_MS });
    await waitForText(page.locator(`[data-testid="run-row"][data-id="${runId}"]`).getByTestId('run-row-status'), 'Đã công bố');
    assert.equal((await orgApi.call('GET', `/fairs/${fair.id}/schedule-runs/${runId}`)).body.status, 'published');

    // All meetings, and the CSV export.
    await follow(page, page.getByTestId('to-meetings'), /#\/organizer\/meetings$/);
    await waitForText(page.getByTestId('meetings-total'), '1 cuộc gặp');
    const all = (await orgApi.call('GET', `/fairs/${fair.id}/meetings?limit=100`)).body.items;
    assert.equal(all.length, 1);
    meeting = all[0];
    assert.equal(meeting.location_kind, 'table', 'the cooperative has no booth');
    assert.match(meeting.location, /^Table [123]$/);
    assert.ok(meeting.slot >= 5, 'not on the importer’s first morning');
    const row = page.locator(`[data-testid="meeting-row"][data-id="${meeting.id}"]`);
    await waitForText(row.getByTestId('meeting-row-location'), meeting.location.replace('Table', 'Bàn'));
    await waitForText(row.getByTestId('meeting-row-importer'), new RegExp(`^${IMPORTER.company}`));
    await waitForText(row.getByTestId('meeting-row-exhibitor'), EXHIBITOR.name);
    // Vietnamese times are the fair's local time, exactly as the server computes it.
    assert.deepEqual(await shownRange(row.getByTestId('meeting-row-time')),
      [[meeting.local_start, meeting.start], [meeting.local_end, meeting.end]]);
    const href = await page.getByTestId('meetings-csv').getAttribute('href');
    assert.equal(href, `/api/v1/fairs/${fair.id}/meetings.csv`);
    const csv = await page.context().request.get(new URL(href, app.url).href);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines.length, 2, 'a header and one meeting');
    assert.ok(lines[1].includes(EXHIBITOR.name) && lines[1].includes(meeting.start), lines[1]);
    await page.screenshot({ path: screenshotPath('meeting-all-vi'), fullPage: true });
    await signOut(page);
  });

  test('the importer sees the meeting on its schedule and subscribes to its calendar', async () => {
    await signIn(page, app.url, IMPORTER);
    await open(page, app.url, '#/meetings/schedule');
    await waitForText(page.locator('h1'), 'My schedule');
    await waitForText(page.getByTestId('schedule-summary'), '1 meeting on 1 day.');
    await waitForText(page.getByTestId('time-zone-note'), 'Times are Vietnam time (UTC+07:00), the local time at the fair.');
    const entry = page.getByTestId('schedule-meeting');
    assert.equal(await entry.count(), 1);
    assert.equal(await entry.getAttribute('data-start'), meeting.start);
    await waitForText(entry.getByTestId('counterpart-name'), EXHIBITOR.nameEn);
    await waitForText(entry.getByTestId('meeting-location'), meeting.location);
    await waitForText(entry.getByTestId('meeting-priority'), 'Must meet');
    // "1:30–2:00 PM": the start drops the day period it shares with the end.
    const [[startText, startAt], [endText, endAt]] = await shownRange(entry.getByTestId('meeting-time'));
    assert.deepEqual([startAt, endAt, squash(endText)], [meeting.start, meeting.end, squash(localClock(meeting.end))]);
    assert.ok(squash(localClock(meeting.start)).startsWith(squash(startText)), `${startText} is ${localClock(meeting.start)}`);
    assert.equal(squash(startText).split(':')[0], String(Number(meeting.local_start.split(':')[0]) % 12 || 12),
      'the hour is the fair’s local hour');
    const day = page.locator(`[data-testid="schedule-day"][data-day="${meeting.day}"]`);
    await waitForText(day.locator('h2'), /\(1 meeting\)$/);
    // The first morning the importer marked unavailable shows as such.
    await waitForText(page.locator('[data-testid="schedule-day"][data-day="2026-12-03"]').getByTestId('schedule-busy').first(),
      /You are unavailable \(5 slots\)$/);

    // The calendar link: created, shown once, copied; the feed parses with python3-icalendar.
    await page.getByTestId('calendar-create').click();
    await waitForText(page.getByTestId('calendar-status'), 'Calendar link created.');
    const url = await page.getByTestId('calendar-url').inputValue();
    assert.match(url, new RegExp(`^${app.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    assert.equal(await page.getByTestId('calendar-webcal').getAttribute('href'), url.replace(/^http:/, 'webcal:'));
    await page.getByTestId('calendar-url-copy').click();
    await waitForText(page.getByTestId('calendar-reveal').locator('.copy-status'), 'Copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
    await page.screenshot({ path: screenshotPath('meeting-schedule-en'), fullPage: true });

    const feed = await fetch(url);
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type'), /^text\/calendar/);
    const cal = await parseIcs(Buffer.from(await feed.arrayBuffer()));
    assert.equal(cal.events.length, 1, JSON.stringify(cal));
    const [event] = cal.events;
    assert.ok(event.summary.includes(EXHIBITOR.nameEn) || event.description.includes(EXHIBITOR.nameEn),
      `the counterpart's company is named: ${JSON.stringify(event)}`);
    assert.ok(event.description.includes(EXHIBITOR.nameEn), event.description);
    assert.ok(event.start_is_utc, `DTSTART is in UTC: ${event.dtstart}`);
    assert.match(event.dtstart, /^\d{8}T\d{6}Z$/);
    assert.deepEqual([event.start, event.end, event.location, event.uid, event.status],
      [meeting.start, meeting.end, meeting.location, meeting.uid, 'CONFIRMED']);

    // A new link replaces the old one; revoking ends it.
    await page.getByTestId('calendar-create').click();
    await waitForText(page.getByTestId('calendar-status'), 'New link created; the old one no longer works.');
    const rotated = await page.getByTestId('calendar-url').inputValue();
    assert.notEqual(rotated, url);
    assert.equal((await fetch(url)).status, 404);
    assert.equal((await fetch(rotated)).status, 200);
    await page.getByTestId('calendar-revoke').click();
    await waitForText(page.getByTestId('calendar-status'), 'Calendar link revoked; it no longer works.');
    assert.equal(await page.getByTestId('calendar-url').count(), 0, 'the revoked link is no longer shown');
    assert.equal((await fetch(rotated)).status, 404);
    await signOut(page);
  });

  test('the exhibitor sees the same meeting on its schedule, in Vietnamese', async () => {
    await signIn(page, app.url, { email: EXHIBITOR.email, password: EXHIBITOR.password });
    await follow(page, page.getByTestId('nav-meetings'), /#\/meetings$/);
    await follow(page, page.getByTestId('tab-schedule'), /#\/meetings\/schedule$/);
    await waitForText(page.locator('h1'), 'Lịch gặp của tôi');
    await waitForText(page.getByTestId('schedule-summary'), '1 cuộc gặp trong 1 ngày.');
    const entry = page.getByTestId('schedule-meeting');
    assert.equal(await entry.count(), 1);
    assert.equal(await entry.getAttribute('data-id'), String(meeting.id), 'the same meeting as the importer’s');
    await waitForText(entry.getByTestId('counterpart-name'), IMPORTER.company);
    await waitForText(entry.getByTestId('meeting-location'), meeting.location.replace('Table', 'Bàn'));
    await waitForText(entry.getByTestId('meeting-priority'), 'Nhất định gặp');
    assert.deepEqual(await shownRange(entry.getByTestId('meeting-time')),
      [[meeting.local_start, meeting.start], [meeting.local_end, meeting.end]]);
    await page.screenshot({ path: screenshotPath('meeting-schedule-vi'), fullPage: true });
    await signOut(page);
  });

  test('the organizer runs with fill-ins, sees them, is warned when re-publishing, confirms; the workshop sees its suggested meeting', async () => {
    // A second rattan workshop, imported; it and both buyers and the first workshop let the organizer fill free slots.
    const imported = await (await fetch(new URL(`/api/v1/fairs/${fair.id}/imports/exhibitors?dry_run=false`, app.url), {
      method: 'POST', headers: { authorization: `Bearer ${organizer.token}`, 'content-type': 'text/csv' },
      body: ['email,name,tax_code,province,craft_village,categories,price_tier,languages',
        `${SECOND_WORKSHOP.email},${SECOND_WORKSHOP.name},0102345999,ha-noi,Phú Vinh,basketry.rattan|basketry.water_hyacinth,mid,vi|en`].join('\n'),
    })).json();
    const link = imported.invitations.find((invitation) => invitation.email === SECOND_WORKSHOP.email).link;
    assert.ok((await apiClient(app.url).call('POST', '/auth/invitations/accept',
      { token: new URL(link).hash.split('token=')[1], password: SECOND_WORKSHOP.password })).status < 300);
    const signedIn = async (who) => {
      const client = apiClient(app.url);
      const r = await client.call('POST', '/auth/login', { email: who.email, password: who.password });
      assert.ok(r.status < 300, JSON.stringify(r.body));
      return client;
    };
    const workshop2 = await signedIn(SECOND_WORKSHOP);
    const workshop1 = await signedIn(EXHIBITOR);
    const buyer = await signedIn(IMPORTER);
    for (const client of [workshop2, workshop1, otherImporterApi]) {
      const r = await client.call('PUT', `/fairs/${fair.id}/availability`, { accepts_fill_ins: true });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    // The British buyer is now away at its published meeting's time too: the next run must move it.
    const away = (await buyer.call('GET', `/fairs/${fair.id}/availability`)).body.unavailable_slots;
    assert.equal((await buyer.call('PUT', `/fairs/${fair.id}/availability`,
      { accepts_fill_ins: true, unavailable_slots: [...away, meeting.slot] })).status, 200);
    const workshop2Id = (await workshop2.call('GET', '/me')).body.profiles[0].id;
    const otherId = (await otherImporterApi.call('GET', '/me')).body.profiles[0].id;

    await signIn(page, app.url, organizer);
    await follow(page, page.getByTestId('tab-schedule'), /#\/organizer\/schedule/);
    await page.getByTestId('run-seconds').fill('1');
    await page.getByTestId('run-fill-ins').check();
    await page.getByTestId('run-start').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="run-panel"]')?.dataset.status === 'done', null,
      { timeout: 30_000 });
    const runId = Number(new URL(page.url()).hash.split('run=')[1]);
    const run = (await orgApi.call('GET', `/fairs/${fair.id}/schedule-runs/${runId}`)).body;
    assert.equal(run.fill_ins, true);
    assert.ok(run.fill_in_meetings.length >= 1, JSON.stringify(run.figures));
    for (const fill of run.fill_in_meetings) {
      assert.equal(fill.exhibitor.id, workshop2Id, 'the only consenting exhibitor without a request or a refusal');
      assert.ok([importer.id, otherId].includes(fill.importer.id));
    }
    const rows = page.getByTestId('fill-in-row');
    assert.equal(await rows.count(), run.fill_in_meetings.length);
    await waitForText(page.getByTestId('figure-fill-ins-value'), String(run.fill_in_meetings.length));
    assert.equal(await page.locator(`[data-testid="fill-in-row"][data-exhibitor="${exhibitor.id}"][data-importer="${otherId}"]`).count(), 0,
      'the declined pair never comes back as a fill-in');
    await waitForText(rows.first().getByTestId('fill-in-score'), String(run.fill_in_meetings[0].score));

    // Publishing would move the published meeting: the page warns and lists it; nothing changes until confirmed.
    app.browser.allow(/status of 409 .*\/schedule-runs\/\d+\/publish/);
    await page.getByTestId('run-publish').click();
    const warning = page.getByTestId('publish-warning');
    await warning.waitFor({ timeout: WAIT_MS });
    await waitForText(warning.getByTestId('publish-warning-counts'), /^Sẽ đổi giờ 1 và hủy 0 cuộc gặp đã công bố;/);
    const affected = warning.locator(`[data-testid="affected-row"][data-request="${meeting.request_id}"]`);
    assert.equal(await affected.getAttribute('data-change'), 'moved');
    await waitForText(affected.locator('td').nth(1), IMPORTER.company);
    assert.equal((await orgApi.call('GET', `/fairs/${fair.id}/schedule-runs/${runId}`)).body.status, 'done');
    await page.screenshot({ path: screenshotPath('meeting-publish-warning-vi'), fullPage: true });
    await warning.getByTestId('publish-confirm').click();
    await waitForText(page.getByTestId('run-announce'), /^Đã công bố lịch với \d+ cuộc gặp: \d+ mới, 1 đổi giờ, 0 giữ nguyên, 0 bị hủy\.$/);
    await page.getByTestId('run-published').waitFor({ timeout: WAIT_MS });
    const moved = (await orgApi.call('GET', `/fairs/${fair.id}/meetings?limit=100`)).body.items;
    const again = moved.find((m) => m.request_id === meeting.request_id);
    assert.notEqual(again.start, meeting.start);
    assert.equal(moved.filter((m) => m.fill_in).length, run.fill_in_meetings.length);
    await follow(page, page.getByTestId('to-meetings'), /#\/organizer\/meetings$/);
    assert.equal(await page.getByTestId('meeting-row-fill-in').count(), run.fill_in_meetings.length);
    await signOut(page);

    // The second workshop sees the suggested meeting, labelled, with the reason.
    await signIn(page, app.url, SECOND_WORKSHOP);
    await open(page, app.url, '#/meetings/schedule');
    const entries = page.getByTestId('schedule-meeting');
    await entries.first().waitFor({ timeout: WAIT_MS });
    assert.equal(await entries.count(), run.fill_in_meetings.length);
    await waitForText(entries.first().getByTestId('meeting-fill-in'), 'Gợi ý từ ban tổ chức');
    await waitForText(entries.first().getByTestId('meeting-fill-in-reason'), /^Vì sao: .+/);
    await page.screenshot({ path: screenshotPath('meeting-fill-in-vi'), fullPage: true });
    await signOut(page);
  });

  test('the organizer fixes the meeting to a slot; a wrong precedence is refused in the row; the next run follows it', async () => {
    const grid = await app.api(`/api/v1/fairs/${fair.id}/grid`);
    const away = new Set((await orgApi.call('GET', `/fairs/${fair.id}/meetings?limit=100`)).body.items
      .filter((m) => m.request_id === meeting.request_id).map((m) => m.slot).concat([meeting.slot]));
    const target = [...grid.slots].reverse().find((slot) => !away.has(slot.index) && slot.index >= 5);
    await signIn(page, app.url, organizer);
    await follow(page, page.getByTestId('tab-requests'), /#\/organizer\/requests$/);
    const row = page.locator(`[data-testid="constraint-row"][data-request="${meeting.request_id}"]`);
    await row.waitFor({ timeout: WAIT_MS });
    app.browser.allow(/status of 422 .*\/meeting-requests\/\d+\/constraints/);
    await row.getByTestId('constraint-after').fill('#999999');
    await row.getByTestId('constraint-save').click();
    await waitForText(row.getByTestId('constraint-errors'), 'Diễn ra sau yêu cầu: không có yêu cầu này trong hội chợ');
    await row.getByTestId('constraint-after').fill('');
    await row.getByTestId('constraint-fixed').selectOption(String(target.index));
    await row.getByTestId('constraint-save').click();
    await waitForText(page.getByTestId('constraints-status'), `Đã lưu ràng buộc của yêu cầu #${meeting.request_id}.`);
    const listed = (await orgApi.call('GET', `/fairs/${fair.id}/meeting-requests?status=accepted&limit=100`)).body.items;
    const saved = listed.find((q) => q.id === meeting.request_id);
    assert.deepEqual([saved.fixed_slot, saved.fixed_start, saved.after], [target.index, target.start, []]);
    await page.screenshot({ path: screenshotPath('meeting-constraints-vi'), fullPage: true });

    const started = await orgApi.call('POST', `/fairs/${fair.id}/schedule-runs`, { seconds: 1, fill_ins: true });
    assert.equal(started.status, 202);
    let run = started.body;
    while (run.status === 'running') {
      await new Promise((resolve) => { setTimeout(resolve, 100); });
      run = (await orgApi.call('GET', `/fairs/${fair.id}/schedule-runs/${run.id}`)).body;
    }
    assert.equal(run.status, 'done', JSON.stringify(run));
    const published = await orgApi.call('POST', `/fairs/${fair.id}/schedule-runs/${run.id}/publish`, { confirm: true });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    const fixed = (await orgApi.call('GET', `/fairs/${fair.id}/meetings?limit=100`)).body.items
      .find((m) => m.request_id === meeting.request_id);
    assert.deepEqual([fixed.status, fixed.start, fixed.slot], ['scheduled', target.start, target.index]);
  });
});
