// The service report and paid repairs (#19), in real Chromium against the real server: an agent
// quotes an out-of-warranty repair from the workspace; the customer's open ticket page shows the
// quote live and the customer accepts it there; the agent writes the 售后服务报告单 with the part
// used (the report form refuses bad input field by field and keeps what was typed); the customer's
// page shows the report with its charges and prints it: the printed page carries the service
// number, the charges and a QR code to the ticket's lookup (no token on paper). An escalated
// repair's workspace asks for the interim plan agreed with the customer (§19 应急方案) until one is
// recorded; the customer's page shows it. Screenshots: zh desktop workspace, zh phone quote, en
// phone report, the printed report, the workspace asking for the interim plan, the plan on the
// customer's phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { api as callApi, pickOption, staffToken, tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';

const LIVE = { timeout: 30000 };  // bounds a hung build; measures nothing

const ADMIN = { username: 'admin', password: 'an admin passphrase for tests' };
const PHONE_SIZE = { width: 390, height: 844 };

describe('service report', () => {
  let server;
  let browser;
  let adminToken;

  const api = (method, path, options) => callApi(server, method, path, options);

  async function staffDoes(number, path, body) {
    const answer = await api('POST', `/api/v1/staff/tickets/${number}/${path}`, { token: adminToken, body });
    assert.ok(answer.status === 200 || answer.status === 201, `${path}: ${JSON.stringify(answer.body)}`);
    return answer.body;
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

  const shot = async (page, name) => {
    await waitForSettled(page);
    saveScreenshot(name, await page.locator('#canvas').screenshot());
  };

  test('quote, the customer accepts on their page, the report with its part and charges, printed', async () => {
    const created = await api('POST', '/api/v1/tickets', {
      body: {
        kind: 'repair', priority: 'general', repair: { mode: 'drop_off' },
        customer: { name: '𠮷田 美穗', phone: '13922224444' },
        product: { model: '康复理疗仪 KF-200', serial: 'KF200-1903-0777', purchase_date: '2019-03-10' },
        subject: '开机无反应', description: '按电源键没有任何反应，指示灯不亮。',
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const number = created.body.service_number;
    const token = created.body.access_token;
    await staffDoes(number, 'transition', { action: 'accept' });
    await staffDoes(number, 'assign', { assignee: ADMIN.username });
    await staffDoes(number, 'transition', { action: 'start' });

    const customer = await openPage(browser, `${server.url}#/track/${number}?t=${token}`, { ...PHONE_SIZE, locale: 'zh-CN' });
    const mine = customer.page;
    await waitForPortal(mine);
    await mine.getByText('开机无反应').first().waitFor();

    const staff = await openPage(browser, `${server.url}staff.html#/staff/ticket/${number}`, { width: 1280, height: 900, locale: 'zh-CN' });
    const { page } = staff;
    try {
      await waitForPortal(page);
      await type(page.getByRole('textbox', { name: '用户名' }), ADMIN.username);
      await type(page.getByRole('textbox', { name: '密码' }), ADMIN.password);
      await tap(page.getByRole('button', { name: '登录', exact: true }));
      await page.getByRole('heading', { name: '售后服务报告单' }).waitFor();

      // No resolving before the report: the button is not offered, the card says why.
      await page.getByText('标记“已解决”之前必须有报告', { exact: false }).waitFor();
      assert.equal(await page.getByRole('button', { name: '标记已解决' }).count(), 0);

      // The quote: a part at cost; a cost that is not money is refused under its field.
      await tap(page.getByRole('button', { name: '向客户报价（保修期外或人为损坏）' }));
      await type(page.getByRole('textbox', { name: '备件编号' }), 'MB-2040');
      await type(page.getByRole('textbox', { name: '名称' }), '主板');
      await type(page.getByRole('textbox', { name: '单价（成本价，元）' }), '三百五');
      await tap(page.getByRole('button', { name: '发送报价给客户' }));
      await page.getByText('请填写金额，如 150 或 150.50').first().waitFor();
      await type(page.getByRole('textbox', { name: '单价（成本价，元）' }), '350');
      await tap(page.getByRole('button', { name: '发送报价给客户' }));
      await page.getByRole('status').filter({ hasText: '报价已发给客户，等待确认；确认前各项计时暂停' }).waitFor();
      await page.getByText('待客户确认').first().waitFor();
      // The wait is the customer's: the ticket's clocks stop until they answer.
      await page.getByText('已暂停，剩余', { exact: false }).first().waitFor(LIVE);

      // The customer's open page shows it live; they accept there.
      await mine.getByText('维修报价待您确认').waitFor(LIVE);
      await mine.getByText('¥350.00').first().waitFor();
      await mine.getByText('保修期外，原厂备件只收成本费，免收服务及人工费', { exact: false }).first().waitFor();
      const quotePause = mine.getByText('维修报价等您确认，您接受或不接受后继续计时。');
      await quotePause.waitFor();
      await shot(mine, 'service-quote-zh-phone.png');
      // The same pause in English, then back to Chinese for the answer.
      await tap(mine.getByRole('button', { name: 'English' }));
      await mine.getByText('The repair quote is waiting for your answer; the clock restarts when you accept or decline it.').waitFor();
      await shot(mine, 'service-quote-en-phone.png');
      await tap(mine.getByRole('button', { name: '中文' }));
      await quotePause.waitFor();
      await tap(mine.getByRole('button', { name: '接受报价，开始维修' }));
      await mine.getByText('您已接受报价，工程师将按报价维修。').waitFor();
      await quotePause.waitFor({ state: 'detached' });
      const accepted = await api('GET', `/api/v1/staff/tickets/${number}`, { token: adminToken });
      assert.equal(accepted.body.quote_answer.work.kind, 'quote_accepted');
      await page.getByText('客户已接受').first().waitFor(LIVE);

      // The report: required fields named under themselves, nothing typed lost.
      await type(page.getByRole('textbox', { name: '处理措施' }), '更换主板，试机 30 分钟正常');
      await tap(page.getByRole('button', { name: '添加备件' }));
      await type(page.getByRole('textbox', { name: '备件编号' }), 'MB-2040');
      await type(page.getByRole('textbox', { name: '名称' }), '主板');
      await type(page.getByRole('textbox', { name: '单价（成本价，元）' }), '350.00');
      await type(page.getByRole('textbox', { name: '新件序列号（可选）' }), 'mb-2612-0001');
      await tap(page.getByRole('button', { name: '保存服务报告单' }));
      await page.getByText('请填写故障诊断').first().waitFor();
      assert.equal(await page.getByRole('textbox', { name: '处理措施' }).inputValue(), '更换主板，试机 30 分钟正常');
      await type(page.getByRole('textbox', { name: '故障诊断' }), '主板电源管理芯片击穿');
      await tap(page.getByRole('button', { name: '保存服务报告单' }));
      await page.getByRole('status').filter({ hasText: '服务报告单已保存' }).waitFor();
      const view = (await api('GET', `/api/v1/staff/tickets/${number}`, { token: adminToken })).body;
      const report = view.service_report.work.report;
      assert.equal(report.charges.total_fen, 35000);
      assert.equal(report.parts[0].new_serial, 'MB-2612-0001');
      await page.getByRole('heading', { name: '售后服务报告单' }).scrollIntoViewIfNeeded();
      await shot(page, 'service-report-staff-zh.png');

      await tap(page.getByRole('button', { name: '标记已解决' }));
      await page.getByRole('status').filter({ hasText: '已完成：标记已解决' }).waitFor();
    } finally {
      await staff.context.close();
    }

    // The customer's copy, in English on a phone, and on paper.
    try {
      await tap(mine.getByRole('button', { name: 'English' }));
      await mine.getByRole('heading', { name: 'Service report' }).waitFor(LIVE);
      await mine.getByText('Total').first().waitFor();
      await shot(mine, 'service-report-en-phone.png');
      await mine.evaluate(() => { window.print = () => { window.__printed = (window.__printed || 0) + 1; }; });
      await tap(mine.getByRole('button', { name: 'Print the service report' }));
      await mine.waitForFunction(() => window.__printed === 1);
      const paper = mine.locator('#print-report');
      assert.equal(await paper.getAttribute('lang'), 'en');
      const text = await paper.textContent();
      for (const expected of [number, 'Service report', '¥350.00', 'MB-2040', 'MB-2612-0001', '主板电源管理芯片击穿',
        'Engineer\'s signature', 'Customer\'s signature']) {
        assert.ok(text.includes(expected), `the printed report shows ${expected}`);
      }
      const qr = mine.locator('#print-report svg');
      assert.equal(await qr.getAttribute('data-qr-text'), `${server.url.replace(/\/$/, '')}/#/track/${number}`, 'no token on paper');
      await mine.emulateMedia({ media: 'print' });
      await mine.setViewportSize({ width: 794, height: 1123 });  // A4 at 96 dpi
      saveScreenshot('service-report-print-en.png', await mine.screenshot({ fullPage: true }));
    } finally {
      await customer.context.close();
    }
  });

  test('an escalated repair asks for an interim plan until one is recorded; the customer sees it', async () => {
    const created = await api('POST', '/api/v1/tickets', {
      body: {
        kind: 'repair', priority: 'serious', repair: { mode: 'drop_off' },
        customer: { name: '𠮷野 康', phone: '13922225555' },
        product: { model: '康复理疗仪 KF-200', serial: 'KF200-2401-0088' },
        subject: '治疗模式无法启动', description: '开机正常，但选择治疗模式后立即报错 E07。',
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const number = created.body.service_number;
    await staffDoes(number, 'transition', { action: 'accept' });
    await staffDoes(number, 'assign', { assignee: ADMIN.username });
    await staffDoes(number, 'transition', { action: 'start' });
    await staffDoes(number, 'transition', { action: 'escalate', note: '4 小时内未能修复' });

    const staff = await openPage(browser, `${server.url}staff.html#/staff/ticket/${number}`, { width: 1280, height: 900, locale: 'zh-CN' });
    const customer = await openPage(browser, `${server.url}#/track/${number}?t=${created.body.access_token}`, { ...PHONE_SIZE, locale: 'zh-CN' });
    const { page } = staff;
    const mine = customer.page;
    try {
      await waitForPortal(page);
      await type(page.getByRole('textbox', { name: '用户名' }), ADMIN.username);
      await type(page.getByRole('textbox', { name: '密码' }), ADMIN.password);
      await tap(page.getByRole('button', { name: '登录', exact: true }));
      const asked = page.getByText('请与客户商定故障期间的应急方案', { exact: false });
      await asked.waitFor(LIVE);
      await asked.scrollIntoViewIfNeeded();
      await shot(page, 'interim-plan-asked-staff-zh.png');

      // The plan needs its words: nothing is sent without them.
      await tap(page.getByRole('button', { name: '记录类型' }));
      await pickOption(page, '应急方案（备用机、备用件）');
      await tap(page.getByRole('button', { name: '添加记录' }));
      await page.getByText('请写明与客户商定的应急方案', { exact: false }).first().waitFor();
      const plan = '维修期间借用备用机一台（KF200-LOAN-03），修复后到店归还';
      await type(page.getByRole('textbox', { name: '与客户商定的应急方案' }), plan);
      await tap(page.getByRole('button', { name: '添加记录' }));
      await page.getByRole('status').filter({ hasText: '已记录：应急方案（备用机、备用件）' }).waitFor();
      await asked.waitFor({ state: 'detached' });
      const view = (await api('GET', `/api/v1/staff/tickets/${number}`, { token: adminToken })).body;
      assert.equal(view.interim_plan.note, plan);

      // The customer's open page shows it live, in the team's words.
      await waitForPortal(mine);
      await mine.getByText('与您商定的应急方案').first().waitFor(LIVE);
      await mine.getByText(plan).first().waitFor(LIVE);
      await mine.getByText('与您商定的应急方案').first().scrollIntoViewIfNeeded();
      await shot(mine, 'interim-plan-zh-phone.png');
      await tap(mine.getByRole('button', { name: 'English' }));
      await mine.getByText('The interim plan agreed with you').first().waitFor();
      await mine.getByText(plan).first().waitFor();
      await mine.getByText('The interim plan agreed with you').first().scrollIntoViewIfNeeded();
      await shot(mine, 'interim-plan-en-phone.png');
    } finally {
      await staff.context.close();
      await customer.context.close();
    }
  });
});
