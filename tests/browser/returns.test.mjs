// Returns and exchanges (#/returns) in real Chromium against the real server and its demo orders:
// DD-20261001 delivered 3 days ago, DD-20261002 30 days ago, DD-20261003 not delivered.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { dayNumber, formatDayZh, yearOfDay } from './lib/dates.mjs';
import { api, saveScreenshot, storedToken, switchLanguage, tap, type, waitForSettled, waitForValue } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';

const DESKTOP = { width: 1280, height: 800, timezoneId: 'Asia/Shanghai' };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, timezoneId: 'Asia/Shanghai' };
const SERVICE_NUMBER = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

async function findOrder(page, orderNumber, phone, labels = { order: '订单号', phone: '手机号', find: '查询订单' }) {
  await type(page.getByRole('textbox', { name: labels.order }), orderNumber);
  await type(page.getByRole('textbox', { name: labels.phone }), phone);
  await tap(page.getByRole('button', { name: labels.find }));
}

describe('returns and exchanges', () => {
  let server;
  let browser;

  before(async () => {
    // Several lookups per test: the per-client lookup budget is the API test's business.
    server = await startServer({ extraArgs: ['--rate-lookup', '1000'] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('inside the window: granted, exchange, the RMA number, instructions, a real ticket', async () => {
    const { context, page, problems } = await openPage(browser, `${server.url}#/returns`, DESKTOP);
    try {
      await waitForPortal(page);
      await findOrder(page, 'DD-20261001', '138 0013 8000');
      const item = page.getByRole('radio', { name: '磁疗仪 MT-5' });
      await item.waitFor();
      assert.equal(await item.getAttribute('aria-checked'), 'true', 'the only item is chosen for the customer');
      await tap(page.getByRole('radio', { name: '不想要了（无理由）' }));
      await tap(page.getByRole('button', { name: '查看能否退换' }));

      await page.getByRole('status').filter({ hasText: '可以退货退款，也可以换货' }).waitFor();
      await page.getByText('签收后第 3 天', { exact: false }).waitFor();
      await page.getByText('依据规则：15 天无理由退换货').waitFor();
      await saveScreenshot(page, 'returns-verdict-zh-desktop.png');

      await tap(page.getByRole('button', { name: '继续办理' }));
      await tap(page.getByRole('radio', { name: '换货' }));
      await type(page.getByRole('textbox', { name: '联系人' }), '张伟');
      await type(page.getByRole('textbox', { name: '新品收货地址' }), '上海市徐汇区示例路 1 号');
      await type(page.getByRole('textbox', { name: '补充说明（选填）' }), '外包装已拆，配件齐全');
      await tap(page.getByRole('button', { name: '提交申请' }));

      const numberNode = page.getByRole('status').filter({ hasText: SERVICE_NUMBER });
      await numberNode.waitFor();
      const number = (await numberNode.textContent()).trim();
      assert.match(number, /^E/, 'an exchange gets an exchange service number (E…)');
      await page.getByRole('status').filter({ hasText: '申请已提交' }).waitFor();
      // Instructions: where, what, by when (7 days from today, in the customer's calendar).
      await page.getByText('上海市浦东新区张江路 88 号', { exact: false }).waitFor();
      await page.getByText('商品本体、全部配件、说明书和原包装。').waitFor();
      const today = dayNumber(Date.now() / 1000, 480);
      await page.getByText(`请在 ${formatDayZh(today + 7, yearOfDay(today))}前寄出`, { exact: false }).waitFor();
      await page.getByText(`写有单号 ${number} 的纸条`, { exact: false }).waitFor();
      await saveScreenshot(page, 'returns-done-zh-desktop.png');

      // The ticket exists on the server as submitted, with the token the portal kept on the device.
      const token = await storedToken(page, number);
      assert.ok(token, 'the portal kept the ticket token on the device');
      const ticket = await api(server, 'GET', `/api/v1/tickets/${number}`, { token });
      assert.equal(ticket.status, 200, JSON.stringify(ticket.body));
      assert.equal(ticket.body.kind, 'exchange');
      assert.equal(ticket.body.return_reason, 'no_reason');
      assert.equal(ticket.body.state, 'submitted');
      assert.equal(ticket.body.customer_name, '张伟');
      assert.equal(ticket.body.phone_masked, '138****8000');
      assert.equal(ticket.body.address, '上海市徐汇区示例路 1 号');
      assert.equal(ticket.body.product.order_number, 'DD-20261001');
      assert.equal(ticket.body.product.serial, 'MT5-2611-1001');
      assert.match(ticket.body.description, /外包装已拆，配件齐全/);

      // Tracking it like any ticket: its page opens with its state, without asking who the
      // customer is (the link carries the token, which the page then takes out of the address).
      await tap(page.getByRole('button', { name: '查看处理进度' }));
      await page.getByRole('status').filter({ hasText: '当前状态：已提交' }).waitFor();
      await page.getByText(`服务编号 ${number}`).first().waitFor();
      assert.equal(await page.getByRole('textbox', { name: '手机号后四位' }).count(), 0, 'no lookup asked for');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('outside the window: refused with the rule and the reason, and a repair offered instead', async () => {
    const { context, page, problems } = await openPage(browser, `${server.url}#/returns`, DESKTOP);
    try {
      await waitForPortal(page);
      await findOrder(page, 'DD-20261002', '13800138000');
      await tap(page.getByRole('radio', { name: '不想要了（无理由）' }));
      await tap(page.getByRole('button', { name: '查看能否退换' }));

      await page.getByRole('status').filter({ hasText: '抱歉，这件商品无法退换货' }).waitFor();
      await page.getByText('签收后第 30 天，已超过 15 天无理由退换货期限', { exact: false }).waitFor();
      await page.getByText('依据规则：已超过 15 天退换期限').waitFor();
      await page.getByText('我们可以为您提供：免费维修。').waitFor();
      assert.equal(await page.getByRole('button', { name: '继续办理' }).count(), 0, 'nothing to continue with');
      await saveScreenshot(page, 'returns-refused-zh-desktop.png');

      // The server's rules say the same for both remedies.
      const order = await api(server, 'POST', '/api/v1/orders/lookup',
        { body: { order_number: 'DD-20261002', phone: '13800138000' } });
      for (const wanted of ['refund', 'exchange']) {
        const decision = await api(server, 'POST', '/api/v1/returns/eligibility', {
          body: { order_number: 'DD-20261002', phone_last4: '8000', reason: 'no_reason', wanted,
                  delivered_at: order.body.delivered_at },
        });
        assert.equal(decision.body.granted, false);
        assert.equal(decision.body.rule, 'window_expired');
      }

      // The repair wizard opens with what the order proved filled in, and the live warranty verdict.
      await tap(page.getByRole('button', { name: '申请维修' }));
      const serial = page.getByRole('textbox', { name: '产品序列号' });
      await waitForValue(serial, 'KF200-2610-0321');
      await waitForValue(page.getByRole('textbox', { name: '购买日期' }), order.body.purchase_date);
      await waitForValue(page.getByRole('textbox', { name: '产品型号（选填）' }), '康复理疗仪 KF-200');
      await page.getByText('以下内容取自您的订单 DD-20261002，请核对。').waitFor();
      const warranty = await api(server, 'POST', '/api/v1/warranty', { body: { serial: 'KF200-2610-0321' } });
      assert.equal(warranty.status, 200, JSON.stringify(warranty.body));
      await page.getByRole('heading', { name: '在保修期内' }).waitFor();
      await page.getByText(`保修至 ${warranty.body.decision.covered_until}`, { exact: false }).waitFor();
      await saveScreenshot(page, 'repair-from-return-zh-desktop.png');

      // The draft is on the device: a reload keeps the order's product. The ticket names the order.
      await page.reload();
      await waitForPortal(page);
      await waitForValue(serial, 'KF200-2610-0321');
      await page.getByRole('heading', { name: '在保修期内' }).waitFor();
      await tap(page.getByRole('button', { name: '下一步' }));
      await tap(page.getByRole('radio', { name: '无法开机' }));
      await type(page.getByRole('textbox', { name: '问题描述' }), '用了一个月，按电源键没有反应。');
      await tap(page.getByRole('button', { name: '下一步' }));
      await tap(page.getByRole('radio', { name: '远程指导' }));
      await tap(page.getByRole('button', { name: '下一步' }));
      await type(page.getByRole('textbox', { name: '姓名' }), '王芳');
      await type(page.getByRole('textbox', { name: '手机号' }), '13800138000');
      await tap(page.getByRole('button', { name: '下一步' }));
      await page.getByText('DD-20261002', { exact: true }).waitFor();  // the review's order row
      await tap(page.getByRole('button', { name: '提交报修' }));
      const numberNode = page.getByRole('heading', { level: 2 }).filter({ hasText: SERVICE_NUMBER });
      await numberNode.waitFor();
      const number = (await numberNode.textContent()).trim();
      // Read back the way a customer reaches it: number + last 4 digits.
      const lookup = await api(server, 'POST', '/api/v1/lookup', { body: { service_number: number, phone_last4: '8000' } });
      assert.equal(lookup.status, 200, JSON.stringify(lookup.body));
      const ticket = await api(server, 'GET', `/api/v1/tickets/${number}`, { token: lookup.body.access_token });
      assert.equal(ticket.status, 200, JSON.stringify(ticket.body));
      assert.deepEqual(
        { serial: ticket.body.product.serial, model: ticket.body.product.model, order: ticket.body.product.order_number },
        { serial: 'KF200-2610-0321', model: '康复理疗仪 KF-200', order: 'DD-20261002' });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('a wrong phone: a clear error next to the order number, nothing else happens', async () => {
    const { context, page, problems } = await openPage(browser, `${server.url}#/returns`, DESKTOP);
    try {
      await waitForPortal(page);
      // A phone that is not a phone number is refused before anything is sent.
      let lookups = 0;
      page.on('request', (request) => { if (request.url().includes('/orders/lookup')) lookups += 1; });
      await findOrder(page, 'DD-20261001', '12345');
      const phone = page.getByRole('textbox', { name: '手机号' });
      await page.waitForFunction(() =>
        document.querySelector('input[aria-label="手机号"]')?.getAttribute('aria-invalid') === 'true');
      assert.match(await phone.getAttribute('aria-description'), /请输入有效的手机号码/);
      assert.equal(lookups, 0, 'core rejected the phone on the device');

      await type(phone, '13912345678');  // a real number, but not the order's
      await tap(page.getByRole('button', { name: '查询订单' }));
      const orderNumber = page.getByRole('textbox', { name: '订单号' });
      await page.waitForFunction(() =>
        document.querySelector('input[aria-label="订单号"]')?.getAttribute('aria-invalid') === 'true');
      assert.equal(await orderNumber.getAttribute('aria-description'), '没有找到与该手机号匹配的订单');
      // The message is drawn right under its field.
      const alert = page.getByRole('alert').filter({ hasText: '没有找到与该手机号匹配的订单' });
      const field = await orderNumber.boundingBox();
      const message = await alert.boundingBox();
      assert.ok(message.y >= field.y + field.height && message.y - (field.y + field.height) < 24,
        `the message sits right under the order number (${JSON.stringify({ field, message })})`);
      assert.equal(await page.getByRole('radio').count(), 0, 'no items were shown');
      assert.equal(lookups, 1);
      assert.deepEqual(problems.filter((p) => !p.includes('404')), []);
    } finally {
      await context.close();
    }
  });

  test('from the home card; an order not delivered yet says so; the draft survives a reload', async () => {
    const { context, page } = await openPage(browser, server.url, PHONE);
    try {
      await waitForPortal(page);
      await tap(page.getByRole('button', { name: '退换货', exact: true }));
      await page.waitForFunction(() => window.location.hash === '#/returns');
      await findOrder(page, 'DD-20261003', '13912345678');
      await page.getByRole('status').filter({ hasText: '商品签收后才能申请退换货' }).waitFor();
      assert.equal(await page.getByRole('button', { name: '查看能否退换' }).count(), 0);

      await tap(page.getByRole('button', { name: '更换订单' }));
      await type(page.getByRole('textbox', { name: '订单号' }), 'DD-20261001');
      await type(page.getByRole('textbox', { name: '手机号' }), '13800138000');
      await page.reload();
      await waitForPortal(page);
      await waitForSettled(page);
      assert.equal(await page.getByRole('textbox', { name: '订单号' }).inputValue(), 'DD-20261001');
      assert.equal(await page.getByRole('textbox', { name: '手机号' }).inputValue(), '13800138000');

      // On a phone: every tappable thing is at least 44 px tall.
      await tap(page.getByRole('button', { name: '查询订单' }));
      await tap(page.getByRole('radio', { name: '质量问题' }));
      await waitForSettled(page);
      for (const element of await page.locator('#a11y-scroll button').all()) {
        const box = await element.boundingBox();
        assert.ok(box.height >= 44, `${await element.textContent()} is ${box.height} px tall`);
      }
      await saveScreenshot(page, 'returns-zh-phone.png');
      await tap(page.getByRole('button', { name: '查看能否退换' }));
      await page.getByRole('status').filter({ hasText: '可以退货退款，也可以换货' }).waitFor();
      await saveScreenshot(page, 'returns-verdict-zh-phone.png');
    } finally {
      await context.close();
    }
  });

  test('in English: the verdict and the rule in the UI language', async () => {
    const { context, page, problems } = await openPage(browser, `${server.url}#/returns`, DESKTOP);
    try {
      await waitForPortal(page);
      await switchLanguage(page);
      await findOrder(page, 'DD-20261001', '13800138000',
        { order: 'Order number', phone: 'Phone number', find: 'Find my order' });
      await tap(page.getByRole('radio', { name: 'Broken on arrival' }));
      await tap(page.getByRole('button', { name: 'Check what is possible' }));
      await page.getByRole('status').filter({ hasText: 'You can return it for a refund, or exchange it' }).waitFor();
      await page.getByText('day 3 after delivery', { exact: false }).waitFor();
      await saveScreenshot(page, 'returns-en-desktop.png');
      await tap(page.getByRole('button', { name: 'Continue' }));
      await page.getByRole('radio', { name: 'Exchange' }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
