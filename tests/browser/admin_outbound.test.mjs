// The admin console's messages tab (#/staff/admin?tab=outbound) in real Chromium against the real
// server, with an SMS gateway and a webhook receiver on loopback ports (node http servers that check
// what the server sends: the gateway's Bearer token, the webhook's Aftercare-Signature):
// an admin sets the generic SMS gateway up on the screen and sends a test message; adds a webhook
// receiver and copies its secret (shown once). The customers' forms then offer SMS and the
// submitted page promises it, the SMS arrives with the service number, the vendor's receiver gets a
// correctly signed ticket.created, and the admin's delivery list shows it sent and sends it again
// with the same event id. On the staff tab a manager's notice e-mail, mobile and language are set.
// Screenshots in zh-CN and en, desktop and phone width.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { api, describeScreen, eventually, pickOption, staffToken, switchLanguage, tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';

const ADMIN = { username: 'admin', password: 'an admin passphrase for tests' };
const DESKTOP = { width: 1280, height: 900, timezoneId: 'Asia/Shanghai' };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, timezoneId: 'Asia/Shanghai' };
const GATEWAY_TOKEN = 'gw-token-for-browser-tests';
const SERVICE_NUMBER = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
// Bounds for what happens on its own (the sender's delivery): they keep a broken build from
// hanging; they measure nothing.
const LIVE = { timeout: 30000 };

// A loopback HTTP receiver: records every POST's headers and JSON body, answers 200.
async function startReceiver() {
  const received = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      received.push({ path: req.url, headers: req.headers, raw: body, json: JSON.parse(body) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: (path) => `http://127.0.0.1:${server.address().port}${path}`,
    received,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

// Aftercare-Signature: t=<t>,v1=<hex>: true when a v1 is HMAC-SHA256(secret, "<t>.<body>") (docs/integration.md).
function signatureValid(header, body, secret) {
  const parts = header.split(',');
  const t = parts.find((part) => part.startsWith('t='))?.slice(2);
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return Boolean(t) && parts.some((part) => part === `v1=${expected}`);
}

// The vendor's policy with its clock at midday now, so SMS quiet hours (22:00-08:00) never hold
// this test's messages, whenever it runs.
function middayPolicy(dir) {
  const policy = JSON.parse(readFileSync(fileURLToPath(new URL('../../assets/policy.json', import.meta.url)), 'utf8'));
  const minutesNow = Math.floor(Date.now() / 60000) % 1440;
  let offset = (((12 * 60 - minutesNow) % 1440) + 1440) % 1440;
  if (offset > 840) offset -= 1440;
  policy.calendar.vendor_utc_offset_minutes = offset;
  const path = join(dir, 'policy.json');
  writeFileSync(path, JSON.stringify(policy));
  return path;
}

describe('admin: messages (SMS, e-mail, webhooks)', () => {
  let browser;
  let server;
  let gateway;
  let vendor;
  let dir;

  before(async () => {
    browser = await launchBrowser();
    gateway = await startReceiver();
    vendor = await startReceiver();
    dir = mkdtempSync(join(tmpdir(), 'aftercare-outbound-'));
    server = await startServer({ admin: ADMIN, extraArgs: ['--policy', middayPolicy(dir)] });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await gateway?.stop();
    await vendor?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(viewport = DESKTOP) {
    const opened = await openPage(browser, `${server.url}staff.html#/staff/admin?tab=outbound`, { ...viewport, locale: 'zh-CN' });
    const { page } = opened;
    await waitForPortal(page);
    await type(page.getByRole('textbox', { name: '用户名' }), ADMIN.username);
    await type(page.getByRole('textbox', { name: '密码' }), ADMIN.password);
    await tap(page.getByRole('button', { name: '登录', exact: true }));
    await page.getByRole('heading', { name: '短信', exact: true }).waitFor(LIVE);
    return opened;
  }

  const shot = async (page, name) => {
    await waitForSettled(page);
    saveScreenshot(name, await page.locator('#canvas').screenshot());
  };

  test('SMS set up on the screen: a test message, then the customer is offered, promised and sent an SMS; a signed webhook, resent', async () => {
    const { context, page, problems } = await signedIn();
    let customer = null;
    try {
      // Nothing is on yet.
      assert.equal(await page.getByText('未启用', { exact: true }).count(), 2);
      await tap(page.getByRole('button', { name: /短信服务商/ }));
      await pickOption(page, '通用 HTTP 网关');
      await type(page.getByRole('textbox', { name: '网关地址' }), gateway.url('/sms'));
      await type(page.getByRole('textbox', { name: '访问令牌（Bearer）' }), GATEWAY_TOKEN);
      await tap(page.getByRole('button', { name: '保存短信设置' }));
      await page.getByRole('status').filter({ hasText: '已保存，立即生效。' }).waitFor(LIVE);
      await page.getByText('已保存一个密钥；留空则保持不变。').waitFor();
      assert.equal(await page.getByRole('textbox', { name: '访问令牌（Bearer）' }).inputValue(), '', 'never shown back');

      await type(page.getByRole('textbox', { name: '测试手机号' }), '139 1111 2222');
      await tap(page.getByRole('button', { name: '发送测试消息' }).nth(1));
      await page.getByRole('status').filter({ hasText: '测试消息已发出，请查收。' }).waitFor(LIVE);
      const testSms = gateway.received.at(-1);
      assert.equal(testSms.path, '/sms');
      assert.equal(testSms.json.to, '+8613911112222');
      assert.equal(testSms.headers.authorization, `Bearer ${GATEWAY_TOKEN}`);
      assert.match(testSms.json.text, /测试/);

      // A webhook receiver; its signing secret is on screen this once.
      await type(page.getByRole('textbox', { name: '接收地址' }), vendor.url('/events'));
      await tap(page.getByRole('checkbox', { name: 'ticket.created' }));
      await tap(page.getByRole('button', { name: '添加接收地址' }));
      await page.getByRole('alert').filter({ hasText: '只显示这一次' }).waitFor(LIVE);
      const secret = (await page.getByText(/^whsec_[0-9a-f]{64}$/).textContent()).trim();
      await shot(page, 'admin-outbound-zh.png');

      // The customer's complaint form now offers SMS, and the submitted page promises it.
      customer = await openPage(browser, `${server.url}#/complain`, PHONE);
      await waitForPortal(customer.page);
      await tap(customer.page.getByRole('radio', { name: '响应或上门不及时' }));
      await type(customer.page.getByRole('textbox', { name: '具体经过' }), '约好上午上门，工程师下午才到，也没有提前电话。');
      await type(customer.page.getByRole('textbox', { name: '您的称呼' }), '𠮷田 美穗');
      await type(customer.page.getByRole('textbox', { name: '手机号' }), '13700137000');
      await customer.page.getByRole('checkbox', { name: '短信（发到上面的手机号）', checked: true }).waitFor();
      await tap(customer.page.getByRole('button', { name: '提交投诉' }));
      const numberNode = customer.page.getByRole('status').filter({ hasText: SERVICE_NUMBER });
      await numberNode.waitFor(LIVE);
      const number = (await numberNode.textContent()).trim();
      await customer.page.getByText('服务编号也会以短信发到您的手机；处理有进展时，我们会短信告诉您。').waitFor();

      const sms = await eventually(async () => gateway.received.find((r) => r.json.text?.includes(number)), Boolean,
        'the customer\'s SMS', LIVE);
      assert.equal(sms.json.to, '+8613700137000');
      assert.equal(sms.headers.authorization, `Bearer ${GATEWAY_TOKEN}`);

      const event = await eventually(async () => vendor.received.find((r) => r.json.data?.service_number === number),
        Boolean, 'the vendor\'s ticket.created', LIVE);
      assert.equal(event.json.type, 'ticket.created');
      assert.ok(signatureValid(event.headers['aftercare-signature'], event.raw, secret), 'signed with the shown secret');

      // The admin's delivery list: sent; "send again" delivers the same event id once more.
      await tap(page.getByRole('button', { name: '刷新发送记录' }));
      await page.getByText('Webhook · ticket.created', { exact: true }).first().waitFor(LIVE);
      await page.getByText('已发送', { exact: true }).first().waitFor(LIVE);
      const before = vendor.received.length;
      await tap(page.getByRole('button', { name: '重新发送' }).first());
      const again = await eventually(async () => vendor.received.slice(before).find((r) => r.json.id === event.json.id),
        Boolean, 'the resent event', LIVE);
      assert.ok(signatureValid(again.headers['aftercare-signature'], again.raw, secret));

      await switchLanguage(page);
      await page.getByRole('heading', { name: 'Webhook deliveries' }).waitFor();
      await page.getByRole('heading', { name: 'Webhook deliveries' }).scrollIntoViewIfNeeded();
      await shot(page, 'admin-outbound-en.png');
      assert.deepEqual(problems, []);
      assert.deepEqual(customer.problems, []);
    } catch (error) {
      console.log(await describeScreen(page));
      throw error;
    } finally {
      await customer?.context.close();
      await context.close();
    }
  });

  test('the tab at phone width: a bad gateway address is refused on its field', async () => {
    const { context, page, problems } = await signedIn(PHONE);
    try {
      await page.getByRole('textbox', { name: '网关地址' }).waitFor(LIVE);
      await type(page.getByRole('textbox', { name: '网关地址' }), 'http://sms.example.com/send');
      await tap(page.getByRole('button', { name: '保存短信设置' }));
      await page.getByText('网关地址须为 https:// 开头的网址（本机测试可用 http://127.0.0.1）').waitFor(LIVE);
      await shot(page, 'admin-outbound-zh-phone.png');
      // Nothing of the refused save is in force: the gateway set up before is still the one.
      const policy = await (await fetch(new URL('/api/v1/policy', server.url))).json();
      assert.equal(policy.channels.sms, true);
      assert.deepEqual(problems.filter((p) => !p.includes('422')), []);
    } finally {
      await context.close();
    }
  });

  test('where escalation notices reach a manager: e-mail, mobile and language set on the staff tab', async () => {
    const { context, page, problems } = await signedIn();
    try {
      const token = await staffToken(server, ADMIN);
      const members = await api(server, 'GET', '/api/v1/staff/members', { token });
      const me = members.body.members.find((m) => m.id === ADMIN.username);
      await tap(page.getByRole('tab', { name: '员工账号' }));
      await tap(page.getByRole('button', { name: `编辑${me.display_name || me.id}` }));
      await type(page.getByRole('textbox', { name: '通知邮箱' }), 'boss@vendor.example');
      await type(page.getByRole('textbox', { name: '通知手机号' }), '139 0013 9000');
      await tap(page.getByRole('button', { name: /通知语言/ }));
      await pickOption(page, 'English');
      await tap(page.getByRole('button', { name: '保存', exact: true }));
      await page.getByRole('status').filter({ hasText: '已保存' }).waitFor(LIVE);
      const saved = (await api(server, 'GET', '/api/v1/staff/members', { token })).body.members
        .find((m) => m.id === ADMIN.username);
      assert.equal(saved.email, 'boss@vendor.example');
      assert.equal(saved.phone, '+8613900139000');
      assert.equal(saved.language, 'en');
      assert.deepEqual(problems, []);
    } catch (error) {
      console.log(await describeScreen(page));
      throw error;
    } finally {
      await context.close();
    }
  });
});
