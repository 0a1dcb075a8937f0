// Structured complaints and suggestions (#19) in real Chromium against the real server: a customer
// links a complaint to their own ticket (another phone's number is refused under the field, by the
// server); staff see the category and open the linked ticket in one tap, and cannot answer without
// root cause and corrective action, which then appear live on the customer's page; a suggestion is
// its own kind with no deadline; the statistics count complaints by category. Screenshots: zh phone
// form and answered complaint, zh desktop workspace, en phone suggestion, zh stats.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { api as callApi, staffToken, storedToken, switchLanguage, tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';

const LIVE = { timeout: 30000 };  // bounds a hung build; measures nothing
const ADMIN = { username: 'admin', password: 'an admin passphrase for tests' };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, timezoneId: 'Asia/Shanghai' };
const DESKTOP = { width: 1280, height: 900, timezoneId: 'Asia/Shanghai' };
const SERVICE_NUMBER = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

describe('complaint answers and suggestions', () => {
  let server;
  let browser;
  let adminToken;

  const api = (method, path, options) => callApi(server, method, path, options);
  const shot = async (page, name) => {
    await waitForSettled(page);
    saveScreenshot(name, await page.locator('#canvas').screenshot());
  };

  async function repairFor(phone, subject) {
    const created = await api('POST', '/api/v1/tickets', {
      body: {
        kind: 'repair', priority: 'general', repair: { mode: 'drop_off' },
        customer: { name: '𠮷田 美穗', phone }, product: { model: '康复理疗仪 KF-200' },
        subject, description: '按电源键没有任何反应，指示灯不亮。',
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.service_number;
  }

  before(async () => {
    server = await startServer({ admin: ADMIN });
    adminToken = await staffToken(server, ADMIN);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a complaint linked to the customer\'s own ticket, answered with its findings', async () => {
    const mine = await repairFor('13922226666', '开机无反应');
    const theirs = await repairFor('13933337777', '屏幕不亮');

    const customer = await openPage(browser, `${server.url}#/complain`, PHONE);
    const form = customer.page;
    let number;
    try {
      await waitForPortal(form);
      await tap(form.getByRole('radio', { name: '收费问题' }));
      await type(form.getByRole('textbox', { name: '具体经过' }), '保修期内维修却收了 50 元上门费。');
      await type(form.getByRole('textbox', { name: '您的称呼' }), '𠮷田 美穗');
      await type(form.getByRole('textbox', { name: '手机号' }), '13922226666');
      // Someone else's ticket: the server refuses it under the field, and reveals nothing about it.
      const related = form.getByRole('textbox', { name: '相关服务编号（选填）' });
      await type(related, theirs);
      await tap(form.getByRole('button', { name: '提交投诉' }));
      await form.getByText('这个手机号下没有该服务编号的工单', { exact: false }).first().waitFor(LIVE);
      assert.equal(await related.getAttribute('aria-invalid'), 'true');
      assert.equal(await form.getByRole('textbox', { name: '具体经过' }).inputValue(), '保修期内维修却收了 50 元上门费。',
        'nothing typed is lost');
      await shot(form, 'complaint-related-refused-zh-phone.png');

      await type(related, mine.toLowerCase());
      await tap(form.getByRole('button', { name: '提交投诉' }));
      const numberNode = form.getByRole('status').filter({ hasText: SERVICE_NUMBER });
      await numberNode.waitFor(LIVE);
      number = (await numberNode.textContent()).trim();
      const token = await storedToken(form, number);
      const view = (await api('GET', `/api/v1/tickets/${number}`, { token })).body;
      assert.deepEqual(view.complaint, { category: 'charges', related_ticket: mine });
      await tap(form.getByRole('button', { name: '查看处理进度' }));
      await form.getByText('收费问题').first().waitFor(LIVE);
    } catch (error) {
      await customer.context.close();
      throw error;
    }

    const staff = await openPage(browser, `${server.url}staff.html#/staff/ticket/${number}`, DESKTOP);
    const { page } = staff;
    try {
      await waitForPortal(page);
      await type(page.getByRole('textbox', { name: '用户名' }), ADMIN.username);
      await type(page.getByRole('textbox', { name: '密码' }), ADMIN.password);
      await tap(page.getByRole('button', { name: '登录', exact: true }));
      await page.getByRole('heading', { name: '投诉信息' }).waitFor(LIVE);
      await page.getByText('收费问题').first().waitFor();
      await tap(page.getByRole('button', { name: '受理', exact: true }));
      await page.getByRole('status').filter({ hasText: '已完成：受理' }).waitFor(LIVE);

      // No answer without its findings: both named under their fields; the note typed stays.
      await type(page.getByRole('textbox', { name: '处理说明' }), '已退还上门费 50 元。');
      await tap(page.getByRole('button', { name: '标记已解决' }));
      await page.getByText('请填写投诉原因分析').first().waitFor();
      await page.getByText('请填写纠正和预防措施').first().waitFor();
      assert.equal((await api('GET', `/api/v1/staff/tickets/${number}`, { token: adminToken })).body.state, 'accepted');
      await type(page.getByRole('textbox', { name: '原因分析' }), '工程师未核对购买日期，按保修期外收取上门费。');
      await type(page.getByRole('textbox', { name: '纠正和预防措施' }), '退还费用；收费前由系统按购买日期核对保修。');
      await shot(page, 'complaint-answer-staff-zh.png');
      await tap(page.getByRole('button', { name: '标记已解决' }));
      await page.getByRole('status').filter({ hasText: '已完成：标记已解决' }).waitFor(LIVE);
      const answered = (await api('GET', `/api/v1/staff/tickets/${number}`, { token: adminToken })).body;
      assert.equal(answered.findings.root_cause, '工程师未核对购买日期，按保修期外收取上门费。');

      // The customer's open page shows the findings with the answer, live.
      await customer.page.getByText('退还费用；收费前由系统按购买日期核对保修。').waitFor(LIVE);
      await customer.page.getByText('改进措施').first().scrollIntoViewIfNeeded();
      await shot(customer.page, 'complaint-answered-zh-phone.png');

      // The linked ticket is one tap away.
      await tap(page.getByRole('button', { name: mine }).first());  // the complaint card's link (the history lists it too)
      await page.getByRole('heading', { name: mine, level: 1 }).waitFor(LIVE);
    } finally {
      await staff.context.close();
      await customer.context.close();
    }
  });

  test('a suggestion: no category, no deadline, its own service number', async () => {
    const { context, page, problems } = await openPage(browser, `${server.url}#/complain`, PHONE);
    try {
      await waitForPortal(page);
      await switchLanguage(page);
      await tap(page.getByRole('radio', { name: 'Suggest something' }));
      assert.equal(await page.getByRole('radio', { name: 'Charges' }).count(), 0, 'no category for a suggestion');
      assert.equal(await page.getByRole('textbox', { name: 'Related service number (optional)' }).count(), 0);
      await page.getByText('Suggestions have no answer deadline', { exact: false }).waitFor();
      await type(page.getByRole('textbox', { name: 'Your suggestion' }), 'Please offer visits on weekends too.');
      await type(page.getByRole('textbox', { name: 'Your name' }), 'Li Na');
      await type(page.getByRole('textbox', { name: 'Phone number' }), '13944448888');
      await shot(page, 'suggestion-en-phone.png');
      await tap(page.getByRole('button', { name: 'Send suggestion' }));
      const numberNode = page.getByRole('status').filter({ hasText: SERVICE_NUMBER });
      await numberNode.waitFor(LIVE);
      const number = (await numberNode.textContent()).trim();
      assert.match(number, /^S/, 'suggestions get a suggestion service number (S…)');
      await page.getByText('Suggestion sent').waitFor();
      const view = (await api('GET', `/api/v1/tickets/${number}`, { token: await storedToken(page, number) })).body;
      assert.equal(view.kind, 'suggestion');
      assert.ok(view.sla.deadlines.every((d) => d.status === 'not_applicable'), 'no clock runs');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('statistics count the period\'s complaints by category', async () => {
    const stats = (await api('GET', '/api/v1/staff/stats', { token: adminToken })).body;
    const charges = stats.complaints_by_category.charges;
    assert.ok(charges.total >= 1 && charges.answered >= 1, JSON.stringify(charges));
    const { context, page } = await openPage(browser, `${server.url}staff.html#/staff/stats`, DESKTOP);
    try {
      await waitForPortal(page);
      await type(page.getByRole('textbox', { name: '用户名' }), ADMIN.username);
      await type(page.getByRole('textbox', { name: '密码' }), ADMIN.password);
      await tap(page.getByRole('button', { name: '登录', exact: true }));
      const chart = page.getByRole('img', { name: /按投诉类型：.*收费问题 \d+/ });
      await chart.waitFor(LIVE);
      await chart.scrollIntoViewIfNeeded();
      await shot(page, 'stats-complaint-categories-zh.png');
    } finally {
      await context.close();
    }
  });
});
