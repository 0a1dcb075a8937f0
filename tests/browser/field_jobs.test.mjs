// The engineer's phone view (#/staff/jobs) in real Chromium at 390 × 844 with touch, against the
// real server: an engineer signs in on the phone, reveals the address (audited), taps 已出发, 已到达,
// 完成, and the customer signs with a finger on the pad; meanwhile the customer's own ticket page
// (a second browser context) follows every step live. The signature that reaches the server is the
// PNG the phone drew: checked through the API (type, size, SHA-256 on the timeline). Screenshots in
// zh-CN and en at phone width.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { eventually, staffToken, switchLanguage, tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';

// Only keeps a broken build from hanging (a change-feed or long-poll answer); measures nothing.
const LIVE = { timeout: 30000 };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, hasTouch: true, isMobile: true, timezoneId: 'Asia/Shanghai' };

const ADMIN = { username: 'admin', password: 'an admin passphrase for tests' };
const ENGINEER = { username: 'engineer.zhao', password: 'an engineer passphrase', name: '赵工' };

// The date `days` from today in Beijing, as the booking form offers it.
function dayInBeijing(days) {
  return new Date(Date.now() + 8 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
}

// What went wrong in a page, less what closing a page provokes: the long-poll in flight is aborted.
function unexpected(problems) {
  return problems.filter((p) => !(p.includes('ERR_ABORTED') && (p.includes('/events') || p.includes('/changes'))));
}

describe('the engineer\'s phone view', () => {
  let server;
  let browser;
  let adminToken;

  async function api(method, path, { token, body } = {}) {
    const response = await fetch(new URL(path, server.url), {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const json = (response.headers.get('content-type') || '').includes('json');
    return { status: response.status, body: json ? JSON.parse(bytes.toString()) : bytes };
  }

  // An on-site repair booked for tomorrow morning, accepted and assigned to the engineer.
  async function job(subject, name, slot = 'morning') {
    const created = await api('POST', '/api/v1/tickets', {
      body: {
        kind: 'repair', priority: 'general',
        customer: { name, phone: '13911112222' },
        product: { model: '康复理疗仪 KF-200', serial: 'KF200-2401-0123' },
        subject, description: '按电源键没有任何反应，指示灯不亮。',
        address: '杭州市西湖区文三路 90 号东部软件园 3 号楼 502',
        repair: { mode: 'on_site', visit: { date: dayInBeijing(1), slot }, fault_category: 'no_power' },
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const number = created.body.service_number;
    const base = `/api/v1/staff/tickets/${number}`;
    assert.equal((await api('POST', `${base}/transition`, { token: adminToken, body: { action: 'accept' } })).status, 200);
    assert.equal((await api('POST', `${base}/assign`, { token: adminToken, body: { assignee: ENGINEER.username } })).status, 200);
    return { number, token: created.body.access_token };
  }

  // The engineer signs in on the phone; the login sends them back to #/staff/jobs.
  async function phone(lang = 'zh-CN') {
    const opened = await openPage(browser, `${server.url}staff.html#/staff/jobs`, { ...PHONE, locale: lang });
    const { page } = opened;
    await waitForPortal(page);
    if (lang === 'en') await switchLanguage(page);
    const en = lang === 'en';
    await page.getByRole('heading', { name: en ? 'Staff sign-in' : '工作人员登录' }).waitFor();
    await type(page.getByRole('textbox', { name: en ? 'Username' : '用户名' }), ENGINEER.username);
    await type(page.getByRole('textbox', { name: en ? 'Password' : '密码' }), ENGINEER.password);
    await tap(page.getByRole('button', { name: en ? 'Sign in' : '登录', exact: true }));
    await page.getByRole('heading', { name: en ? 'My on-site jobs' : '我的上门工单' }).waitFor();
    return opened;
  }

  // A finger signing: touch events through the DevTools protocol (Playwright's touchscreen only taps).
  async function sign(page, pad) {
    await pad.scrollIntoViewIfNeeded();
    await waitForSettled(page);
    const box = await pad.boundingBox();
    const cdp = await page.context().newCDPSession(page);
    const at = (fx, fy) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
    const stroke = async (points) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(...points[0])] });
      for (const point of points.slice(1)) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(...point)] });
        await waitForSettled(page);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await waitForSettled(page);
    };
    await stroke([[0.15, 0.6], [0.3, 0.3], [0.45, 0.65], [0.6, 0.35], [0.75, 0.6]]);
    await stroke([[0.2, 0.75], [0.8, 0.75]]);
    await cdp.detach();
  }

  const shot = async (page, name) => {
    await waitForSettled(page);
    saveScreenshot(name, await page.locator('#canvas').screenshot());
  };

  before(async () => {
    server = await startServer();
    const created = spawnSync(process.env.AFTERCARE_SERVER,
      ['create-admin', '--username', ADMIN.username, '--data-dir', server.dataDir], { input: `${ADMIN.password}\n` });
    assert.equal(created.status, 0, created.stderr?.toString());
    adminToken = await staffToken(server, ADMIN);
    const engineer = await api('POST', '/api/v1/staff/members', {
      token: adminToken,
      body: { username: ENGINEER.username, display_name: ENGINEER.name, roles: ['engineer'], password: ENGINEER.password },
    });
    assert.equal(engineer.status, 201, JSON.stringify(engineer.body));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('depart, arrive, finish and the customer\'s signature on a phone; the customer\'s page follows live', async () => {
    const ticket = await job('理疗仪无法开机', '𠮷田 美穗');
    const customer = await openPage(browser, `${server.url}#/track/${ticket.number}?t=${ticket.token}`, { locale: 'zh-CN' });
    const engineer = await phone();
    const { page } = engineer;
    const mine = customer.page;
    try {
      await waitForPortal(mine);
      await mine.getByRole('status').filter({ hasText: '当前状态：' }).first().waitFor();

      // The job card: the booked window, the deadline, what and for whom (a name beyond the BMP).
      await page.getByRole('heading', { name: ticket.number }).waitFor();
      await page.getByText(/^预约：.+ 上午 9:00–12:00$/).waitFor();
      await page.getByText(/^到达时限：/).waitFor();
      await page.getByText('康复理疗仪 KF-200 · 无法开机').first().waitFor();
      await page.getByText('客户：𠮷田 美穗').waitFor();

      // Every control is a real, big-enough target in the mirror.
      for (const button of await page.getByRole('button').all()) {
        const box = await button.boundingBox();
        if (!box) continue;
        assert.ok(box.height >= 44, `${await button.textContent()} is ${box.height} px tall`);
      }

      // The address on tap: an audited reveal for the on-site visit.
      assert.equal(await page.getByText(/东部软件园/).count(), 0, 'masked until revealed');
      await tap(page.getByRole('button', { name: `显示 ${ticket.number} 的完整地址` }));
      await page.getByText('地址：杭州市西湖区文三路 90 号东部软件园 3 号楼 502').waitFor();
      const audit = (await api('GET', `/api/v1/staff/audit?ticket=${ticket.number}`, { token: adminToken })).body;
      assert.equal(audit.entries[0].action, 'reveal_address');
      assert.equal(audit.entries[0].staff, ENGINEER.username);
      assert.equal(audit.entries[0].detail, 'on_site_visit');
      await shot(page, 'jobs-zh-phone.png');

      // One tap each; the customer's page says so without a reload.
      await tap(page.getByRole('button', { name: `已出发：${ticket.number}` }));
      await page.getByRole('status').filter({ hasText: '已记录出发' }).waitFor();
      await mine.getByText('工程师已出发，正在赶往现场').waitFor(LIVE);
      assert.equal(await page.getByRole('button', { name: `已出发：${ticket.number}` }).count(), 0, 'departed once');

      await tap(page.getByRole('button', { name: `已到达：${ticket.number}` }));
      await page.getByRole('status').filter({ hasText: '已记录到达现场' }).waitFor();
      await mine.getByText('工程师已到达现场').waitFor(LIVE);

      // 完成 comes after the 售后服务报告单, written in the ticket's workspace on the same phone.
      assert.equal(await page.getByRole('button', { name: `完成：${ticket.number}` }).count(), 0, 'no finish before the report');
      await tap(page.getByRole('button', { name: `填写服务报告单：${ticket.number}` }));
      await page.getByRole('heading', { name: '售后服务报告单' }).waitFor();
      await type(page.getByRole('textbox', { name: '故障诊断' }), '电源板保险丝熔断');
      await type(page.getByRole('textbox', { name: '处理措施' }), '更换保险丝，试机 30 分钟正常');
      await tap(page.getByRole('button', { name: '保存服务报告单' }));
      await page.getByRole('status').filter({ hasText: '服务报告单已保存' }).waitFor();
      await tap(page.getByRole('tab', { name: '我的上门' }));

      await tap(page.getByRole('button', { name: `完成：${ticket.number}` }));
      await page.getByRole('status').filter({ hasText: '请客户签字确认' }).waitFor();
      const pad = page.getByRole('img', { name: `客户签名区：${ticket.number}` });
      await pad.waitFor();

      // Nothing signed yet: said next to the pad, nothing sent.
      await tap(page.getByRole('button', { name: `提交签名：${ticket.number}` }));
      await page.getByRole('alert').filter({ hasText: '客户还没有签名' }).waitFor();

      // The customer signs with a finger; the page does not scroll under it.
      const scrolled = await page.locator('#a11y-scroll').evaluate((s) => s.scrollTop);
      await sign(page, pad);
      assert.equal(await pad.getAttribute('aria-description'), '已签 2 笔');
      assert.equal(await page.locator('#a11y-scroll').evaluate((s) => s.scrollTop), scrolled, 'drawing did not scroll');
      assert.equal(await page.getByRole('alert').filter({ hasText: '客户还没有签名' }).count(), 0);
      await shot(page, 'jobs-sign-zh-phone.png');

      const sent = page.waitForRequest((r) => r.url().endsWith(`/api/v1/staff/tickets/${ticket.number}/signature`));
      await tap(page.getByRole('button', { name: `提交签名：${ticket.number}` }));
      const png = (await sent).postDataBuffer();
      await page.getByRole('status').filter({ hasText: `${ticket.number} · 客户已签字确认` }).waitFor();
      await page.getByText('没有待处理的上门工单').waitFor();
      await mine.getByText('您已在工程师手机上签字，确认维修完成').waitFor(LIVE);
      await mine.getByRole('status').filter({ hasText: '当前状态：已完成' }).waitFor(LIVE);

      // What the server kept is the PNG the phone drew, with its hash on the timeline.
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      assert.equal(png.readUInt32BE(16), 600);
      assert.equal(png.readUInt32BE(20), 240);
      const view = (await api('GET', `/api/v1/staff/tickets/${ticket.number}`, { token: adminToken })).body;
      assert.equal(view.state, 'confirmed');
      assert.equal(view.sign_off.work.kind, 'sign_off');
      assert.equal(view.sign_off.work.signature_sha256, createHash('sha256').update(png).digest('hex'));
      const kept = await api('GET', `/api/v1/staff/tickets/${ticket.number}/attachments/${view.sign_off.work.attachment_id}`,
        { token: adminToken });
      assert.equal(kept.status, 200);
      assert.ok(Buffer.compare(kept.body, png) === 0, 'the attachment is the PNG that was sent');
      assert.deepEqual(unexpected(engineer.problems), []);
      assert.deepEqual(unexpected(customer.problems), []);
    } finally {
      await engineer.context.close();
      await customer.context.close();
    }
  });

  test('in English: the customer confirms later online, and the customer\'s page asks them to', async () => {
    const ticket = await job('Unit does not power on', 'Mia 𠮷田', 'afternoon');
    const engineer = await phone('en');
    const { page } = engineer;
    try {
      await page.getByRole('heading', { name: ticket.number }).waitFor();
      await page.getByText(/^Booked: .+ Afternoon 13:00–18:00$/).waitFor();
      await tap(page.getByRole('button', { name: `On my way: ${ticket.number}` }));
      await page.getByRole('status').filter({ hasText: 'Departure recorded' }).waitFor();
      await tap(page.getByRole('button', { name: `Arrived: ${ticket.number}` }));
      await page.getByRole('status').filter({ hasText: 'Arrival on site recorded' }).waitFor();
      // The report first (written here through the API; the test above writes it on the phone).
      await page.getByRole('button', { name: `Write the service report: ${ticket.number}` }).waitFor();
      const report = await api('POST', `/api/v1/staff/tickets/${ticket.number}/work`, {
        token: adminToken,
        body: { kind: 'service_report', report: { diagnosis: 'Blown fuse on the power board', cause: 'product_defect', actions: 'Replaced the fuse; ran 30 minutes', outcome: 'repaired' } },
      });
      assert.equal(report.status, 201, JSON.stringify(report.body));
      // The job list follows the change live: Finish replaces the report step.
      await tap(page.getByRole('button', { name: `Finish: ${ticket.number}` }));
      await page.getByRole('img', { name: `Customer signature area: ${ticket.number}` }).waitFor();
      await shot(page, 'jobs-sign-en-phone.png');
      await tap(page.getByRole('button', { name: `Customer confirms online later: ${ticket.number}` }));
      await page.getByRole('status').filter({ hasText: 'the customer confirms online later' }).waitFor();
      const view = (await api('GET', `/api/v1/tickets/${ticket.number}`, { token: ticket.token })).body;
      assert.equal(view.state, 'resolved');
      assert.equal(view.sign_off.work.kind, 'sign_off_later');
      assert.ok(view.available_actions.includes('confirm'), 'the customer can still confirm on the portal');
      assert.deepEqual(unexpected(engineer.problems), []);
    } finally {
      await engineer.context.close();
    }
  });
});
