// Outbound messages as the portal shows them (#17), in real Chromium against the real server with
// a real SMTP server (tests/api/smtp_sink.py, Debian's python3-aiosmtpd) on a loopback port:
// the complaint form offers "notify me by e-mail" only once an address is typed (and no SMS, which
// this server has not), the ticket is created with the address, the choice and the UI language (the
// customer's mail arrives in English), the submitted page promises the e-mail and nothing else, and
// the staff workspace's delivery log lists the message, masked, as sent. An escalation notice that
// went out is named on the customer's escalation card. A server without any channel promises
// nothing and its workspace says so.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { api, describeScreen, eventually, staffToken, switchLanguage, tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';

const DESKTOP = { width: 1280, height: 800, timezoneId: 'Asia/Shanghai' };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, timezoneId: 'Asia/Shanghai' };
const SERVICE_NUMBER = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
const ADMIN = { username: 'admin', password: 'an admin passphrase for tests' };
// Bounds for what happens on its own (the sender's delivery): they keep a broken build from
// hanging; they measure nothing.
const LIVE = { timeout: 30000 };

// The SMTP sink: a python child writing one .eml per message into a temporary folder.
async function startSmtpSink() {
  const dir = mkdtempSync(join(tmpdir(), 'aftercare-smtp-'));
  const script = fileURLToPath(new URL('../api/smtp_sink.py', import.meta.url));
  const child = spawn('/usr/bin/python3', [script, dir], { stdio: 'ignore' });
  await eventually(async () => existsSync(join(dir, 'port')), (ok) => ok, 'the SMTP sink listening', LIVE);
  const port = Number(readFileSync(join(dir, 'port'), 'utf8'));
  return {
    url: `smtp://127.0.0.1:${port}`,
    // Every message so far: the envelope recipient and the decoded (base64) body.
    messages() {
      return readdirSync(dir).filter((name) => name.endsWith('.eml')).sort().map((name) => {
        const raw = readFileSync(join(dir, name), 'utf8');
        const split = raw.indexOf('\r\n\r\n');
        return {
          to: raw.match(/^X-Envelope-To: (.*)\r$/m)?.[1],
          body: Buffer.from(raw.slice(split + 4).replace(/\s+/g, ''), 'base64').toString('utf8'),
        };
      });
    },
    stop() {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const T = {
  'zh-CN': {
    category: '响应或上门不及时', what: '具体经过', name: '您的称呼', phone: '手机号',
    email: '邮箱（选填）', byEmail: '电子邮件（发到上面的邮箱）', bySms: '短信（发到上面的手机号）', submit: '提交投诉',
    promiseEmail: '服务编号也会发到您的邮箱；处理有进展时，我们会发邮件告诉您。',
    promiseAny: /也会以短信|也会发到您的邮箱/,
  },
  en: {
    category: 'Late response or visit', what: 'Details', name: 'Your name',
    phone: 'Phone number', email: 'E-mail (optional)', byEmail: 'E-mail (to the address above)',
    bySms: 'Text message (to the phone above)', submit: 'Submit complaint',
    promiseEmail: 'We also e-mail the service number to you, and e-mail you when there is progress.',
    promiseAny: /We also (text|e-mail|send)/,
  },
};

// The complaint form, filled in; `email` empty leaves the field alone.
async function fillComplaint(page, t, email) {
  await tap(page.getByRole('radio', { name: t.category }));
  await type(page.getByRole('textbox', { name: t.what }), 'The engineer came two hours late without calling.');
  await type(page.getByRole('textbox', { name: t.name }), 'Alice Zhou');
  await type(page.getByRole('textbox', { name: t.phone }), '13700137000');
  if (email) await type(page.getByRole('textbox', { name: t.email }), email);
}

// Submits and returns the service number; `sent` gets the create request's body.
async function submitComplaint(page, t, sent = {}) {
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/api/v1/tickets')) sent.body = request.postDataJSON();
  });
  await tap(page.getByRole('button', { name: t.submit }));
  const numberNode = page.getByRole('status').filter({ hasText: SERVICE_NUMBER });
  await numberNode.waitFor();
  return (await numberNode.textContent()).trim();
}

// A page of the staff console (`hash`), signed in as the admin through the login screen.
async function openConsole(browser, server, hash, { lang = 'zh-CN', viewport = DESKTOP } = {}) {
  const opened = await openPage(browser, `${server.url}staff.html${hash}`, { ...viewport, locale: lang });
  const { page } = opened;
  await waitForPortal(page);
  if (lang === 'en') await switchLanguage(page);
  await type(page.getByRole('textbox', { name: lang === 'en' ? 'Username' : '用户名' }), ADMIN.username);
  await type(page.getByRole('textbox', { name: lang === 'en' ? 'Password' : '密码' }), ADMIN.password);
  await tap(page.getByRole('button', { name: lang === 'en' ? 'Sign in' : '登录', exact: true }));
  return opened;
}

// The staff console on a ticket's workspace.
async function openWorkspace(browser, server, number, options) {
  const opened = await openConsole(browser, server, `#/staff/ticket/${number}`, options);
  await opened.page.getByRole('heading', { name: number, exact: true }).waitFor(LIVE);
  return opened;
}

// A new repair ticket that staff escalated by hand: its creation answer and service number.
async function escalatedTicket(server, token) {
  const created = await api(server, 'POST', '/api/v1/tickets', {
    body: {
      kind: 'repair', priority: 'general', customer: { name: '周敏', phone: '13911112222' },
      subject: '理疗仪屏幕闪烁', description: '开机后屏幕闪烁，无法进入治疗模式。',
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const number = created.body.service_number;
  const escalated = await api(server, 'POST', `/api/v1/staff/tickets/${number}/transition`,
    { token, body: { action: 'escalate', note: '客户多次来电' } });
  assert.equal(escalated.status, 200, JSON.stringify(escalated.body));
  return { created, number };
}

// Scrolls the delivery log's heading into view (the mirror's scroll container follows the canvas).
async function showDeliveryLog(page, lang) {
  const heading = page.getByRole('heading', { name: lang === 'en' ? 'Messages sent' : '消息发送记录' });
  await heading.waitFor(LIVE);
  await heading.scrollIntoViewIfNeeded();
  await waitForSettled(page);
}

describe('outbound messages in the portal', () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  test('with e-mail configured: the form offers e-mail once an address is typed, the mail comes in the UI language, the delivery log shows it sent', async () => {
    const sink = await startSmtpSink();
    const server = await startServer({
      extraArgs: ['--smtp-url', sink.url, '--smtp-from', 'service@aftercare.test'],
      admin: ADMIN,
    });
    const { context, page, problems } = await openPage(browser, `${server.url}#/complain`, DESKTOP);
    try {
      await waitForPortal(page);
      await switchLanguage(page);  // English: the ticket's messages are in the UI language
      const t = T.en;
      await page.getByRole('textbox', { name: t.email }).waitFor();
      // No address yet: no e-mail choice; no SMS here at all (this server has no SMS gateway).
      assert.equal(await page.getByRole('checkbox', { name: t.byEmail }).count(), 0);
      assert.equal(await page.getByRole('checkbox', { name: t.bySms }).count(), 0);
      await fillComplaint(page, t, 'alice@example.com');
      const byEmail = page.getByRole('checkbox', { name: t.byEmail });
      await byEmail.waitFor();
      assert.equal(await byEmail.getAttribute('aria-checked'), 'true', 'on by default');
      await saveScreenshot('notify-form-en.png', await page.locator('#canvas').screenshot());

      // A reload keeps the address and the choice (the draft on the device).
      await tap(byEmail);
      assert.equal(await byEmail.getAttribute('aria-checked'), 'false');
      await tap(byEmail);
      await page.reload();
      await waitForPortal(page);
      await page.getByRole('textbox', { name: T['zh-CN'].email }).waitFor();
      assert.equal(await page.getByRole('textbox', { name: T['zh-CN'].email }).inputValue(), 'alice@example.com');
      await page.getByRole('checkbox', { name: T['zh-CN'].byEmail, checked: true }).waitFor();
      await page.getByRole('checkbox', { name: T['zh-CN'].byEmail }).scrollIntoViewIfNeeded();
      await waitForSettled(page);
      await saveScreenshot('notify-form-zh.png', await page.locator('#canvas').screenshot());
      await page.setViewportSize({ width: PHONE.width, height: PHONE.height });
      await page.getByRole('checkbox', { name: T['zh-CN'].byEmail }).scrollIntoViewIfNeeded();
      await waitForSettled(page);
      await saveScreenshot('notify-form-zh-phone.png', await page.locator('#canvas').screenshot());
      await page.setViewportSize({ width: DESKTOP.width, height: DESKTOP.height });
      await waitForSettled(page);
      await switchLanguage(page);

      const sent = {};
      const number = await submitComplaint(page, t, sent);
      await page.getByText(t.promiseEmail).waitFor();
      assert.equal(sent.body.customer.email, 'alice@example.com');
      assert.equal(sent.body.language, 'en');
      assert.deepEqual(sent.body.notify_by, ['sms', 'email'], 'e-mail ticked; SMS, not offered here, at its default');

      // The customer's mail, in English, to the typed address, with the service number.
      const mail = await eventually(async () => sink.messages().find((m) => m.body.includes(number)), Boolean,
        'the received mail', LIVE);
      assert.equal(mail.to, 'alice@example.com');
      assert.match(mail.body, /We received your service request/);

      // The staff workspace: the delivery log lists it, masked, as sent.
      const token = await staffToken(server, ADMIN);
      const log = await eventually(
        async () => (await api(server, 'GET', `/api/v1/staff/tickets/${number}/deliveries`, { token })).body,
        (body) => body.deliveries.length === 1 && body.deliveries[0].state === 'sent', 'the delivery log', LIVE);
      assert.equal(log.deliveries[0].recipient, 'a***@example.com');
      assert.deepEqual(problems, []);
      for (const [lang, viewport, suffix] of [['zh-CN', DESKTOP, 'zh'], ['en', DESKTOP, 'en'], ['zh-CN', PHONE, 'zh-phone'], ['en', PHONE, 'en-phone']]) {
        const staff = await openWorkspace(browser, server, number, { lang, viewport });
        try {
          await showDeliveryLog(staff.page, lang);
          const sent = lang === 'en' ? 'Sent' : '已发送';
          const line = lang === 'en' ? 'E-mail · Request received' : '邮件 · 已收到申请';
          const to = lang === 'en' ? 'To the customer: a***@example.com' : '发给客户：a***@example.com';
          await staff.page.getByText(line, { exact: true }).waitFor(LIVE);
          await staff.page.getByText(to, { exact: true }).waitFor();
          await staff.page.getByText(sent, { exact: true }).waitFor();
          // The README shows three of the four (desktop zh and en, phone zh).
          if (suffix !== 'en-phone') await saveScreenshot(`delivery-log-${suffix}.png`, await staff.page.locator('#canvas').screenshot());
          assert.deepEqual(staff.problems.filter((p) => !(p.includes('ERR_ABORTED') && (p.includes('/events') || p.includes('/changes')))), []);
        } finally {
          await staff.context.close();
        }
      }
    } catch (error) {
      console.log(await describeScreen(page));
      throw error;
    } finally {
      await context.close();
      await server.stop();
      sink.stop();
    }
  });

  test('an escalation whose notice was sent: the customer\'s card says who was told and when', async () => {
    const sink = await startSmtpSink();
    const server = await startServer({
      extraArgs: ['--smtp-url', sink.url, '--smtp-from', 'service@aftercare.test'],
      admin: ADMIN,
    });
    let customer = null;
    try {
      const token = await staffToken(server, ADMIN);
      // The admin holds the manager roles; with an address, the escalation notice goes to them.
      const member = await api(server, 'POST', `/api/v1/staff/members/${ADMIN.username}`,
        { token, body: { email: 'boss@vendor.example' } });
      assert.equal(member.status, 200, JSON.stringify(member.body));
      const { created, number } = await escalatedTicket(server, token);
      await eventually(async () => sink.messages().find((m) => m.to === 'boss@vendor.example'), Boolean,
        'the manager\'s notice', LIVE);
      await eventually(
        async () => (await api(server, 'GET', `/api/v1/tickets/${number}`, { token: created.body.access_token })).body,
        (view) => view.escalation_notices.length === 1, 'the notice in the customer\'s view', LIVE);

      customer = await openPage(browser, `${server.url}#/track/${number}?t=${created.body.access_token}`, DESKTOP);
      await waitForPortal(customer.page);
      // On breach the standard reports to both managers (policy default), so both are named.
      await customer.page.getByText(/^已升级至部门经理督办，已通知部门经理、总经理（.+）。$/).waitFor(LIVE);
      assert.equal(await customer.page.getByText('boss@vendor.example').count(), 0, 'never the manager\'s address');
      await switchLanguage(customer.page);
      await customer.page.getByText(/^Escalated to the department manager; department manager, general manager notified \(.+\)\.$/).waitFor();
      assert.deepEqual(customer.problems.filter((p) => !(p.includes('ERR_ABORTED') && p.includes('/events'))), []);

      // The workspace says the same, from the same notices.
      const staff = await openWorkspace(browser, server, number);
      try {
        await staff.page.getByText(/^已升级至部门经理，已通知：部门经理、总经理（.+）$/).waitFor(LIVE);
      } finally {
        await staff.context.close();
      }
    } finally {
      await customer?.context.close();
      await server.stop();
      sink.stop();
    }
  });

  test('an escalation nobody could be told of: the workspace says so instead of naming the roles', async () => {
    // E-mail works, but no account holding a manager role has an address: no notice can go out.
    const sink = await startSmtpSink();
    const server = await startServer({
      extraArgs: ['--smtp-url', sink.url, '--smtp-from', 'service@aftercare.test'],
      admin: ADMIN,
    });
    try {
      const token = await staffToken(server, ADMIN);
      const { created, number } = await escalatedTicket(server, token);

      for (const lang of ['zh-CN', 'en']) {
        const staff = await openWorkspace(browser, server, number, { lang });
        try {
          const untold = lang === 'en' ? /^Escalated to Dept\. manager\. No one has been told yet/ : /^已升级至部门经理。尚未通知到任何人/;
          await staff.page.getByText(untold).waitFor(LIVE);
          assert.equal(await staff.page.getByText(lang === 'en' ? /notified: / : /已通知：/).count(), 0, 'no one named as told');
        } finally {
          await staff.context.close();
        }
      }
      const view = await api(server, 'GET', `/api/v1/tickets/${number}`, { token: created.body.access_token });
      assert.deepEqual(view.body.escalation_notices, [], 'the server sent nothing');

      // The admin page says why, until a manager has an address.
      // Both levels notify the same two roles: one line names both.
      const unreachable = /^升级至部门经理、总经理的督办通知目前无人接收：没有在职的部门经理、总经理账号填写了邮箱或手机/;
      for (const email of [null, 'boss@vendor.example']) {
        if (email) {
          const member = await api(server, 'POST', `/api/v1/staff/members/${ADMIN.username}`, { token, body: { email } });
          assert.equal(member.status, 200, JSON.stringify(member.body));
        }
        const admin = await openConsole(browser, server, '#/staff/admin');
        try {
          await admin.page.getByRole('heading', { name: '全部员工' }).waitFor(LIVE);
          await admin.page.getByText(ADMIN.username, { exact: true }).first().waitFor(LIVE);  // the list has loaded
          await waitForSettled(admin.page);
          assert.equal(await admin.page.getByText(unreachable).count(), email ? 0 : 1, `with e-mail ${email}`);
          // The admin does not hold the quality role: its notices reach no one either way.
          assert.equal(await admin.page.getByText(/^重大质量问题通知目前无人接收：没有在职的质量管理账号/).count(), 1);
        } finally {
          await admin.context.close();
        }
      }
    } finally {
      await server.stop();
      sink.stop();
    }
  });

  test('without any channel: no choice, no promise, and the workspace says no message was sent', async () => {
    const server = await startServer({ admin: ADMIN });
    const { context, page, problems } = await openPage(browser, `${server.url}#/complain`, PHONE);
    try {
      await waitForPortal(page);
      const t = T['zh-CN'];
      await fillComplaint(page, t, 'wang@example.cn');
      await waitForSettled(page);
      assert.equal(await page.getByRole('checkbox').count(), 0, 'nothing to choose: nothing is sent');
      const sent = {};
      const number = await submitComplaint(page, t, sent);
      await waitForSettled(page);
      assert.equal(sent.body.customer.email, 'wang@example.cn', 'the address is kept with the ticket all the same');
      assert.equal(sent.body.language, 'zh-CN');
      assert.equal(sent.body.notify_by, undefined, 'no choice was offered: the server\'s default');
      assert.equal(await page.getByText(t.promiseAny).count(), 0, 'no message promised');
      const token = await staffToken(server, ADMIN);
      const log = await api(server, 'GET', `/api/v1/staff/tickets/${number}/deliveries`, { token });
      assert.deepEqual(log.body.deliveries, []);
      assert.deepEqual(problems, []);

      const staff = await openWorkspace(browser, server, number);
      try {
        await showDeliveryLog(staff.page, 'zh-CN');
        await staff.page.getByText(/这张工单还没有发出或待发的消息/).waitFor();
      } finally {
        await staff.context.close();
      }
    } catch (error) {
      console.log(await describeScreen(page));
      throw error;
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
