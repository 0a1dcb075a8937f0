// Questions (#/ask) in real Chromium against the real server: from the home card to a consultation
// ticket, field errors before anything is sent, the answer time from the server's SLA clock, the
// ticket page it leads to, English, and a draft that survives a reload.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { api, saveScreenshot, storedToken, switchLanguage, tap, type } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';

const DESKTOP = { width: 1280, height: 800, timezoneId: 'Asia/Shanghai' };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, timezoneId: 'Asia/Shanghai' };
const SERVICE_NUMBER = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

// "HH:MM" of a Unix time in Beijing, as the receipt shows it.
function beijingClock(seconds) {
  const at = new Date((seconds + 8 * 3600) * 1000);
  return `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
}

describe('consultation', () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  test('from the home card: errors first, then a consultation ticket answered by the SLA clock', async () => {
    const server = await startServer();
    const { context, page, problems } = await openPage(browser, server.url, PHONE);
    try {
      await waitForPortal(page);
      await tap(page.getByRole('button', { name: '咨询', exact: true }));  // the home card
      await page.waitForFunction(() => window.location.hash === '#/ask');
      let creates = 0;
      page.on('request', (request) => { if (request.url().endsWith('/api/v1/tickets')) creates += 1; });
      await tap(page.getByRole('button', { name: '提交咨询' }));
      await page.getByRole('alert').filter({ hasText: '请选择问题类型' }).waitFor();
      await page.waitForFunction(() =>
        document.querySelector('textarea[aria-label="您的问题"]')?.getAttribute('aria-invalid') === 'true');
      assert.equal(creates, 0, 'core refused the draft on the device');

      await tap(page.getByRole('radio', { name: '产品使用' }));
      await type(page.getByRole('textbox', { name: '您的问题' }), '理疗仪的定时功能怎么设置？最长可以定多久？');
      await type(page.getByRole('textbox', { name: '产品型号（选填）' }), '康复理疗仪 KF-200');
      await type(page.getByRole('textbox', { name: '您的称呼' }), '𠮷田 美穗');
      await type(page.getByRole('textbox', { name: '手机号' }), '13700137000');
      await page.getByText('小时内答复您', { exact: false }).waitFor();
      await saveScreenshot(page, 'consultation-zh-phone.png');
      await tap(page.getByRole('button', { name: '提交咨询' }));

      const numberNode = page.getByRole('status').filter({ hasText: SERVICE_NUMBER });
      await numberNode.waitFor();
      const number = (await numberNode.textContent()).trim();
      const token = await storedToken(page, number);
      const ticket = await api(server, 'GET', `/api/v1/tickets/${number}`, { token });
      assert.equal(ticket.status, 200);
      assert.equal(ticket.body.kind, 'consultation');
      assert.equal(ticket.body.subject, '咨询：产品使用');
      assert.equal(ticket.body.product.model, '康复理疗仪 KF-200');
      const policy = (await api(server, 'GET', '/api/v1/policy')).body;
      const answer = ticket.body.sla.deadlines.find((d) => d.clock === 'resolution');
      assert.ok(answer.due_at >= ticket.body.created_at + policy.sla.consultation_answer_hours * 3600,
        'the answer clock runs at least the policy\'s hours');
      // The receipt promises the server's deadline, on the customer's clock.
      await page.getByText(`${beijingClock(answer.due_at)} 前答复您`, { exact: false }).waitFor();
      await saveScreenshot(page, 'consultation-done-zh-phone.png');
      assert.equal(await page.evaluate(() => window.sessionStorage.getItem('aftercare.draft.consultation')), null,
        'the draft is gone once sent');

      // Followed like any ticket.
      await tap(page.getByRole('button', { name: '查看答复进度' }));
      await page.waitForFunction((n) => window.location.hash.startsWith(`#/track/${n}`), number);
      await page.getByText('咨询：产品使用').first().waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await server.stop();
    }
  });

  test('in English, and the draft survives a reload', async () => {
    const server = await startServer();
    const { context, page } = await openPage(browser, `${server.url}#/ask`, DESKTOP);
    try {
      await waitForPortal(page);
      await switchLanguage(page);
      await tap(page.getByRole('radio', { name: 'Warranty and policy' }));
      await type(page.getByRole('textbox', { name: 'Question' }), 'Is the battery covered by the 3-year warranty?');
      await type(page.getByRole('textbox', { name: 'Your name' }), 'Li Na');
      await saveScreenshot(page, 'consultation-en-desktop.png');
      await page.reload();
      await waitForPortal(page);
      await switchLanguage(page);
      assert.equal(await page.getByRole('textbox', { name: 'Question' }).inputValue(),
        'Is the battery covered by the 3-year warranty?');
      assert.equal(await page.getByRole('textbox', { name: 'Your name' }).inputValue(), 'Li Na');
      assert.equal(await page.getByRole('radio', { name: 'Warranty and policy' }).getAttribute('aria-checked'), 'true');
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
