// Complaints (#/complain) in real Chromium against the real server: field errors next to their
// fields, and the answer deadline in working days, checked against the rule computed here
// independently (weekends, the policy's holidays and make-up workdays).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { addWorkingDays, dayNumber, formatDayEn, formatDayZh, weekdayOfDay, yearOfDay } from './lib/dates.mjs';
import { api, eventually, saveScreenshot, storedToken, switchLanguage, tap, type } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';

const DESKTOP = { width: 1280, height: 800, timezoneId: 'Asia/Shanghai' };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, timezoneId: 'Asia/Shanghai' };
const SERVICE_NUMBER = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
const DAY = 86400;

async function fillComplaint(page) {
  await tap(page.getByRole('radio', { name: '响应或上门不及时' }));
  await type(page.getByRole('textbox', { name: '具体经过' }), '约定上午十点上门，工程师十二点才到，也没有提前电话通知。');
  await type(page.getByRole('textbox', { name: '您的称呼' }), '周杰');
  await type(page.getByRole('textbox', { name: '手机号' }), '13700137000');
}

// Submits and returns the service number and the server's answer deadline (Unix seconds).
async function submitAndCheck(server, page, expectedDay, thisYear) {
  await tap(page.getByRole('button', { name: '提交投诉' }));
  const numberNode = page.getByRole('status').filter({ hasText: SERVICE_NUMBER });
  await numberNode.waitFor();
  const number = (await numberNode.textContent()).trim();
  assert.match(number, /^C/, 'complaints get a complaint service number (C…)');
  const promise = `我们将在 ${formatDayZh(expectedDay, thisYear)}前答复您。`;
  await page.getByText(promise).waitFor();

  const token = await storedToken(page, number);
  const ticket = await api(server, 'GET', `/api/v1/tickets/${number}`, { token });
  assert.equal(ticket.status, 200);
  assert.equal(ticket.body.kind, 'complaint');
  assert.equal(ticket.body.subject, '投诉：响应或上门不及时');
  const resolution = ticket.body.sla.deadlines.find((d) => d.clock === 'resolution');
  // The server's clock and ours agree: due at the end of the expected day, vendor time (UTC+8).
  assert.equal(dayNumber(resolution.due_at, 480), expectedDay);
  assert.equal(dayNumber(resolution.due_at + 1, 480), expectedDay + 1, 'the last second of that day');
  return number;
}

describe('complaints', () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  test('field errors appear next to their fields, before anything is sent', async () => {
    const server = await startServer();
    const { context, page, problems } = await openPage(browser, server.url, DESKTOP);
    try {
      await waitForPortal(page);
      await tap(page.getByRole('button', { name: '投诉建议', exact: true }));  // the home card
      await page.waitForFunction(() => window.location.hash === '#/complain');
      let creates = 0;
      page.on('request', (request) => { if (request.url().endsWith('/api/v1/tickets')) creates += 1; });
      await type(page.getByRole('textbox', { name: '手机号' }), '123');
      await type(page.getByRole('textbox', { name: '相关服务编号（选填）' }), 'R7KX-4M9Q-P2HO');
      await tap(page.getByRole('button', { name: '提交投诉' }));

      const what = page.getByRole('textbox', { name: '具体经过' });
      await page.waitForFunction(() =>
        document.querySelector('textarea[aria-label="具体经过"]')?.getAttribute('aria-invalid') === 'true');
      assert.equal(await what.getAttribute('aria-description'), '此项为必填项');
      // Drawn right under the field it is about.
      const field = await what.boundingBox();
      const message = await page.getByRole('alert').filter({ hasText: '此项为必填项' }).first().boundingBox();
      assert.ok(message.y >= field.y + field.height && message.y - (field.y + field.height) < 24,
        `the message sits under its field (${JSON.stringify({ field, message })})`);
      assert.match(await page.getByRole('textbox', { name: '手机号' }).getAttribute('aria-description'),
        /请输入有效的手机号码/);
      assert.equal(await page.getByRole('textbox', { name: '您的称呼' }).getAttribute('aria-invalid'), 'true');
      await page.getByRole('alert').filter({ hasText: '请选择投诉类型' }).waitFor();
      assert.ok(await page.getByRole('textbox', { name: '相关服务编号（选填）' }).getAttribute('aria-invalid'),
        'a mistyped service number is caught on the device');
      assert.equal(creates, 0, 'core refused the draft on the device');
      await saveScreenshot(page, 'complaint-errors-zh-desktop.png');

      // Fixing a field clears its error.
      await type(what, '上门迟到两个小时，也没有提前通知。');
      await page.waitForFunction(() =>
        !document.querySelector('textarea[aria-label="具体经过"]')?.hasAttribute('aria-invalid'));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await server.stop();
    }
  });

  test('submitted today: the service number and the answer date by the working-day rule', async () => {
    const server = await startServer();
    const { context, page, problems } = await openPage(browser, `${server.url}#/complain`, DESKTOP);
    try {
      const policy = (await api(server, 'GET', '/api/v1/policy')).body;
      await waitForPortal(page);
      await fillComplaint(page);
      const today = dayNumber(Date.now() / 1000, policy.calendar.vendor_utc_offset_minutes);
      const expected = addWorkingDays(today, policy.sla.complaint_answer_working_days, policy.calendar);
      // Before sending, the form already says when (the same rule on the device).
      await page.getByText(`${formatDayZh(expected, yearOfDay(today))}前答复您`, { exact: false }).waitFor();
      await saveScreenshot(page, 'complaint-zh-desktop.png');
      await submitAndCheck(server, page, expected, yearOfDay(today));
      await saveScreenshot(page, 'complaint-done-zh-desktop.png');
      // The draft is gone once submitted.
      assert.equal(await page.evaluate(() => window.sessionStorage.getItem('aftercare.draft.complaint')), null);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await server.stop();
    }
  });

  test('submitted on a Thursday: the answer date skips the weekend', async () => {
    // Next Thursday, 10:00 in Beijing: the server's clock is moved there, and the page's clock too.
    const now = Date.now() / 1000;
    let thursday = dayNumber(now, 480) + 1;
    while (weekdayOfDay(thursday) !== 4) thursday += 1;
    const at = thursday * DAY + 2 * 3600;  // 10:00 UTC+8 = 02:00 UTC
    const server = await startServer({ extraArgs: ['--clock-offset', String(Math.round(at - now))] });
    const { context, page, problems } = await openPage(browser, `${server.url}#/complain`, PHONE);
    try {
      await page.clock.setFixedTime(new Date(at * 1000));
      const policy = (await api(server, 'GET', '/api/v1/policy')).body;
      await waitForPortal(page);
      await fillComplaint(page);
      const expected = addWorkingDays(thursday, policy.sla.complaint_answer_working_days, policy.calendar);
      // Friday is one working day; Saturday and Sunday are not; so the third is at least Tuesday.
      assert.ok(expected - thursday >= 5, `Thursday + 3 working days passes a weekend (${expected - thursday} days)`);
      await saveScreenshot(page, 'complaint-zh-phone.png');
      await submitAndCheck(server, page, expected, yearOfDay(thursday));
      await saveScreenshot(page, 'complaint-done-zh-phone.png');

      // The same date in English.
      await switchLanguage(page);
      await page.getByText(`We will answer you by ${formatDayEn(expected, yearOfDay(thursday))}.`).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await server.stop();
    }
  });

  test('offline: the form is kept, retry sends it once', async () => {
    const server = await startServer();
    const { context, page } = await openPage(browser, `${server.url}#/complain`, DESKTOP);
    try {
      await waitForPortal(page);
      await fillComplaint(page);
      await context.setOffline(true);
      await tap(page.getByRole('button', { name: '提交投诉' }));
      await page.getByRole('alert').filter({ hasText: '网络连接不可用' }).waitFor();
      assert.equal(await page.getByRole('textbox', { name: '您的称呼' }).inputValue(), '周杰', 'nothing typed is lost');
      await context.setOffline(false);
      await tap(page.getByRole('button', { name: '重试' }));
      const numberNode = page.getByRole('status').filter({ hasText: SERVICE_NUMBER });
      await numberNode.waitFor();
      // Exactly one complaint was created by the attempt that failed and the retry together. The
      // server counts a request after its answer is written: wait for the count, then check it.
      const created = async () => {
        const metrics = await server.metrics();
        const line = metrics.match(/aftercare_http_requests_total\{method="POST",route="\/api\/v1\/tickets",status="201"\} (\d+)/);
        return Number(line?.[1] ?? 0);
      };
      assert.equal(await eventually(created, (n) => n >= 1, 'the created complaint is counted'), 1);
    } finally {
      await context.close();
      await server.stop();
    }
  });

  test('in English, and the draft survives a reload', async () => {
    const server = await startServer();
    const { context, page } = await openPage(browser, `${server.url}#/complain`, DESKTOP);
    try {
      await waitForPortal(page);
      await switchLanguage(page);
      await tap(page.getByRole('radio', { name: 'Charges' }));
      await type(page.getByRole('textbox', { name: 'Details' }), 'I was charged for a visit that was in warranty.');
      await type(page.getByRole('textbox', { name: 'Your name' }), 'Li Na');
      await saveScreenshot(page, 'complaint-en-desktop.png');
      await page.reload();
      await waitForPortal(page);
      await switchLanguage(page);
      assert.equal(await page.getByRole('textbox', { name: 'Details' }).inputValue(),
        'I was charged for a visit that was in warranty.');
      assert.equal(await page.getByRole('textbox', { name: 'Your name' }).inputValue(), 'Li Na');
      assert.equal(await page.getByRole('radio', { name: 'Charges' }).getAttribute('aria-checked'), 'true');
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
