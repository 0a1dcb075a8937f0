// Track and the ticket page, end to end: the real server (demo data, an admin for the staff API)
// and the real wasm portal in headless Chromium, driven through the ARIA mirror. Outcomes are
// checked on screen and through the API.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { eventually, saveScreenshot, staffToken, tap, type, waitForValue } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';

const ADMIN = { username: 'track.admin', password: 'correct horse battery staple' };
const DESKTOP = { width: 1280, height: 800, timezoneId: 'Asia/Shanghai' };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2, timezoneId: 'Asia/Shanghai' };
// Generous upper bounds for things that happen on their own (a long-poll answer, a sweep): they
// only keep a broken build from hanging, they do not measure speed.
const LIVE = { timeout: 15000 };

// What went wrong in the page, less what a test provokes on purpose: a reload or a closed page
// aborts the long-poll in flight, and refused requests (401, 404, 429) are logged by Chromium.
function unexpected(problems, { statuses = [] } = {}) {
  return problems.filter((p) => !(p.includes('/events?') && p.includes('ERR_ABORTED')) &&
    !statuses.some((status) => p.includes(`status of ${status}`)));
}

describe('track a service and follow its ticket page', () => {
  let server;
  let browser;
  let adminToken;
  const demo = new Map();  // demo ticket state -> { number, last4 }, read through the staff API

  async function api(path, { method = 'GET', body, token, headers = {} } = {}) {
    const response = await fetch(new URL(path, server.url), {
      method,
      headers: {
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  // A fresh repair ticket through the customer API, as the repair wizard would make it.
  async function createTicket(subject, { priority = 'general' } = {}) {
    const created = await api('/api/v1/tickets', {
      method: 'POST',
      headers: { 'idempotency-key': randomUUID() },
      body: {
        kind: 'repair',
        priority,
        customer: { name: '测试用户', phone: '13912340042' },
        product: { model: '康复理疗仪 KF-200', serial: 'KF200-2401-0123' },
        subject,
        description: '测试工单：用于查询进度页面的端到端测试。',
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return { number: created.body.service_number, token: created.body.access_token, last4: '0042' };
  }

  async function staff(number, action, extra = {}) {
    const result = await api(`/api/v1/staff/tickets/${number}/transition`, {
      method: 'POST', token: adminToken, body: { action, ...extra },
    });
    assert.equal(result.status, 200, `${action}: ${JSON.stringify(result.body)}`);
    return result.body;
  }

  // The 售后服务报告单 a repair needs before it is resolved (free: no parts).
  async function report(number) {
    const result = await api(`/api/v1/staff/tickets/${number}/work`, {
      method: 'POST', token: adminToken,
      body: { kind: 'service_report', report: { diagnosis: '电源板电容鼓包', cause: 'product_defect', actions: '更换电源板，试机正常', outcome: 'repaired' } },
    });
    assert.equal(result.status, 201, JSON.stringify(result.body));
  }

  async function staffView(number) {
    const result = await api(`/api/v1/staff/tickets/${number}`, { token: adminToken });
    assert.equal(result.status, 200);
    return result.body;
  }

  async function open(hash, viewport = DESKTOP) {
    const opened = await openPage(browser, server.url + hash, viewport);
    await waitForPortal(opened.page);
    return opened;
  }

  // The status chip is a live region: its text names the state.
  const chip = (page, words) => page.getByRole('status').filter({ hasText: words });

  before(async () => {
    // Sweeps every second (the overdue demo ticket escalates during the run); short long-polls, so
    // a poll lost to the offline test fails soon; the lookup budget per client is not under test.
    server = await startServer({
      admin: ADMIN,
      extraArgs: ['--sweep-interval', '1', '--long-poll-seconds', '4', '--rate-lookup', '1000'],
    });
    adminToken = await staffToken(server, ADMIN);
    // The seeded demo tickets, one per state (and the urgent one that missed its first response),
    // found the way staff would: the queue, then each ticket's masked phone for its last 4 digits.
    for (const [key, query] of [['submitted', 'state=submitted&priority=general'], ['overdue', 'state=submitted&priority=urgent'],
      ['assigned', 'state=assigned'], ['in_progress', 'state=in_progress'], ['resolved', 'state=resolved']]) {
      const queue = await api(`/api/v1/staff/queue?${query}`, { token: adminToken });
      assert.equal(queue.status, 200, JSON.stringify(queue.body));
      const item = queue.body.items[0];
      assert.ok(item, `a demo ticket for ${query}`);
      const view = await staffView(item.service_number);
      demo.set(key, { number: item.service_number, last4: view.phone_masked.slice(-4) });
    }
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the home card leads to the lookup form, which checks the number as it is typed', async () => {
    const { context, page, problems } = await open('');
    try {
      await tap(page.getByRole('button', { name: '查询进度' }));
      await page.waitForURL(/#\/track$/);
      const number = page.getByRole('textbox', { name: '服务编号' });
      await saveScreenshot(page, 'track-lookup-zh-desktop.png');

      // A character no service number uses is refused at once, before anything is sent.
      await type(number, 'R0');
      await assert.doesNotReject(page.getByRole('alert').filter({ hasText: '不会出现字符“0”' }).waitFor());
      // Partly typed: how much is missing. Complete with a wrong check character: the error.
      await type(number, 'rebp');
      await page.getByText('还差 8 位').waitFor();
      const { number: good } = demo.get('assigned');
      const wrongCheck = good.slice(0, -1) + (good.endsWith('2') ? '3' : '2');
      await type(number, wrongCheck);
      await page.getByRole('alert').filter({ hasText: '服务编号有误' }).waitFor();
      // Any case, without hyphens: valid, and the kind is named.
      await type(number, good.replaceAll('-', '').toLowerCase());
      await page.getByText('编号有效 · 报修').waitFor();
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  test('lookup of a demo ticket opens its page: status, stepper, timeline and a live SLA countdown', async () => {
    const { number, last4 } = demo.get('assigned');
    const { context, page, problems } = await open('#/track');
    try {
      await type(page.getByRole('textbox', { name: '服务编号' }), number.toLowerCase());
      await type(page.getByRole('textbox', { name: '手机号后四位' }), last4);
      await tap(page.getByRole('button', { name: '查询', exact: true }));
      await page.waitForURL(new RegExp(`#/track/${number}$`));
      await chip(page, '当前状态：已派工').waitFor();
      await page.getByText('第 3 步，共 6 步：已派工，当前步骤').waitFor();
      // Timeline in words, with the engineer's display name (not the login) and the staff note.
      await page.getByText('已安排工程师 李工').waitFor();
      await page.getByText('李工今天下午上门').waitFor();
      // The engineer is on the way: the next promise is the serious repair's 2 h arrival, with a due
      // time and what is left, computed on the device.
      await page.getByText('工程师已出发，正在赶往现场').waitFor();
      await page.getByText(/^工程师将在 .+ 前到达$/).waitFor();
      await page.getByText(/^还剩 \d+ 小时 \d+ 分$/).waitFor();
      await page.getByText(/^工程师出发: .+ 按时完成$/).waitFor();

      // The token stays on this device only: a reload shows the page again without asking.
      const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('token')));
      assert.equal(stored.length, 1, 'one token stored, keyed by the service number');
      await page.reload();
      await waitForPortal(page);
      await chip(page, '当前状态：已派工').waitFor();
      assert.doesNotMatch(page.url(), /[?&]t=/, 'no token in the address');
      await saveScreenshot(page, 'track-ticket-zh-desktop.png');
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  test('an overdue ticket counts the overrun every second and says it was escalated', async () => {
    const overdue = demo.get('overdue');
    const lookup = await api('/api/v1/lookup', {
      method: 'POST', body: { service_number: overdue.number, phone_last4: overdue.last4 },
    });
    assert.equal(lookup.status, 200, JSON.stringify(lookup.body));
    const { context, page, problems } = await open(`#/track/${overdue.number}?t=${lookup.body.access_token}`);
    try {
      await page.getByText('已超过承诺时间').waitFor();
      const overrun = page.getByText(/^已超时 \d+ 分 \d+ 秒$/);
      const first = await overrun.first().textContent();
      // The same text on the next second would mean the clock is not live.
      await eventually(() => page.getByText(/^已超时 \d+ 分 \d+ 秒$/).first().textContent(), (t) => t !== first,
        'the overrun moves on by itself');
      // The sweeper escalates it (one level per pass); the page hears of it without a reload.
      await page.getByText(/已升级至(部门经理|总经理)督办/).first().waitFor(LIVE);
      const view = await staffView(overdue.number);
      assert.notEqual(view.escalation, 'none', 'the server escalated it too');
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  test('a tracking link opens the page, and staff changes and messages arrive live', async () => {
    const ticket = await createTicket('实时更新测试');
    const { context, page, problems } = await open(`#/track/${ticket.number}?t=${ticket.token}`);
    try {
      await chip(page, '当前状态：已提交').waitFor();
      assert.doesNotMatch(page.url(), /[?&]t=/, 'the token was taken out of the address bar');
      await page.evaluate(() => { window.__samePage = true; });

      await staff(ticket.number, 'accept');
      await chip(page, '当前状态：已受理').waitFor(LIVE);
      await staff(ticket.number, 'assign', { assignee: 'engineer.wang', note: '王工明天上午上门' });
      await page.getByText('已安排工程师 王工').waitFor(LIVE);
      await page.getByText('王工明天上午上门').waitFor(LIVE);
      const message = await api(`/api/v1/staff/tickets/${ticket.number}/messages`, {
        method: 'POST', token: adminToken, body: { text: '请问设备放在几楼？' },
      });
      assert.equal(message.status, 201);
      await page.getByText('请问设备放在几楼？').waitFor(LIVE);
      await page.getByText(`${ADMIN.username} 的留言`).waitFor();
      assert.equal(await page.evaluate(() => window.__samePage), true, 'no reload happened');
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  test('a long timeline shows its newest page; "show earlier" brings back the first message, live updates still append', async () => {
    const ticket = await createTicket('长记录测试');
    const first = await api(`/api/v1/tickets/${ticket.number}/messages`, {
      method: 'POST', token: ticket.token, body: { text: '最早的一条留言：设备购于去年' },
    });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    // Staff replies are not capped per day: 60 of them push the customer's message off the page.
    for (let i = 1; i <= 60; i += 1) {
      const reply = await api(`/api/v1/staff/tickets/${ticket.number}/messages`, {
        method: 'POST', token: adminToken, body: { text: `进度说明第 ${i} 条` },
      });
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
    }
    const { context, page, problems } = await open(`#/track/${ticket.number}?t=${ticket.token}`);
    try {
      await page.getByText('进度说明第 60 条').waitFor();
      // 62 events, the newest 50 shown: the created event and 11 messages wait behind the button.
      await page.getByText('还有 12 条更早的记录').waitFor();
      assert.equal(await page.getByText('最早的一条留言：设备购于去年').count(), 0, 'not on the first page');
      await tap(page.getByRole('button', { name: '显示更早的记录' }));
      await page.getByText('最早的一条留言：设备购于去年').waitFor();
      await page.getByText('进度说明第 1 条').waitFor();
      // Everything is shown now: no button, no count.
      await eventually(() => page.getByRole('button', { name: '显示更早的记录' }).count(), (n) => n === 0,
        'the button goes once the first event is shown');
      // A new event arrives live and the history paged in stays.
      const news = await api(`/api/v1/staff/tickets/${ticket.number}/messages`, {
        method: 'POST', token: adminToken, body: { text: '配件已到货' },
      });
      assert.equal(news.status, 201);
      await page.getByText('配件已到货').waitFor(LIVE);
      await page.getByText('最早的一条留言：设备购于去年').waitFor();
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  test('the customer writes a message; the draft survives a reload and staff can read it', async () => {
    const ticket = await createTicket('留言测试');
    const { context, page, problems } = await open(`#/track/${ticket.number}?t=${ticket.token}`);
    try {
      const box = page.getByRole('textbox', { name: '留言内容' });
      await type(box, '工作日下午都方便，');
      await page.reload();
      await waitForPortal(page);
      await waitForValue(box, '工作日下午都方便，');  // the draft came back
      await type(box, '工作日下午都方便，请提前电话联系。');
      await tap(page.getByRole('button', { name: '发送留言' }));
      await page.getByText('留言已发送，客服会尽快回复。').waitFor();
      await page.getByText('您的留言').waitFor();
      const view = await staffView(ticket.number);
      const sent = view.timeline.find((e) => e.type === 'message');
      assert.equal(sent?.note, '工作日下午都方便，请提前电话联系。');
      assert.equal(sent?.actor.role, 'customer');
      await waitForValue(box, '');  // the field is empty again
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  test('offline: the message waits with its text kept, live updates say they paused, retry sends it', async () => {
    const ticket = await createTicket('离线测试');
    const { context, page, problems } = await open(`#/track/${ticket.number}?t=${ticket.token}`);
    try {
      await chip(page, '当前状态：已提交').waitFor();
      await context.setOffline(true);
      const box = page.getByRole('textbox', { name: '留言内容' });
      await type(box, '明天上午在家');
      await tap(page.getByRole('button', { name: '发送留言' }));
      await page.getByRole('alert').filter({ hasText: '网络连接不可用' }).waitFor();
      assert.equal(await box.inputValue(), '明天上午在家', 'nothing typed is lost');
      await page.getByText('网络已断开，页面暂停更新。恢复后会自动继续。').waitFor(LIVE);

      await context.setOffline(false);
      await tap(page.getByRole('button', { name: '重试' }));
      await page.getByText('留言已发送，客服会尽快回复。').waitFor();
      const sent = (await staffView(ticket.number)).timeline.filter((e) => e.type === 'message');
      assert.deepEqual(sent.map((e) => e.note), ['明天上午在家'], 'sent exactly once');
      await page.getByText('网络已断开，页面暂停更新。恢复后会自动继续。').waitFor({ state: 'detached', ...LIVE });
      const offline = (p) => p.includes('ERR_INTERNET_DISCONNECTED');
      assert.deepEqual(unexpected(problems).filter((p) => !offline(p)), []);
    } finally {
      await context.close();
    }
  });

  test('cancel asks first in a dialog that Esc closes', async () => {
    const ticket = await createTicket('取消测试');
    const { context, page, problems } = await open(`#/track/${ticket.number}?t=${ticket.token}`);
    try {
      await tap(page.getByRole('button', { name: '取消工单' }));
      const dialog = page.getByRole('dialog', { name: '取消这张工单？' });
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      assert.equal((await staffView(ticket.number)).state, 'submitted', 'Esc cancelled nothing');

      await tap(page.getByRole('button', { name: '取消工单' }));
      await dialog.waitFor();
      await tap(dialog.getByRole('button', { name: '确认取消' }));
      await chip(page, '当前状态：已取消').waitFor();
      await page.getByText('您取消了工单').waitFor();
      assert.equal((await staffView(ticket.number)).state, 'cancelled');
      await page.getByRole('button', { name: '取消工单' }).waitFor({ state: 'detached' });  // no cancel once cancelled
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  test('a reply answers the staff question and resumes the work', async () => {
    const ticket = await createTicket('补充信息测试');
    await staff(ticket.number, 'accept');
    await staff(ticket.number, 'request_info', { note: '请告诉我们设备的购买日期' });
    const { context, page, problems } = await open(`#/track/${ticket.number}?t=${ticket.token}`);
    try {
      await chip(page, '当前状态：待您回复').waitFor();
      await page.getByText('请告诉我们设备的购买日期').first().waitFor();
      await page.getByText('计时已暂停').waitFor();
      await tap(page.getByRole('button', { name: '提交回复' }));
      await page.getByRole('alert').filter({ hasText: '请填写回复内容' }).waitFor();
      await type(page.getByRole('textbox', { name: '您的回复' }), '去年十月在官网购买');
      await tap(page.getByRole('button', { name: '提交回复' }));
      await chip(page, '当前状态：已受理').waitFor();
      const view = await staffView(ticket.number);
      assert.equal(view.state, 'accepted');
      assert.equal(view.timeline.at(-1).action, 'customer_reply');
      assert.equal(view.timeline.at(-1).note, '去年十月在官网购买');
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  test('resolved: "still broken" reopens with a note; "fixed" confirms and offers rating', async () => {
    const ticket = await createTicket('确认与重开测试');
    const { context, page, problems } = await open(`#/track/${ticket.number}?t=${ticket.token}`, PHONE);
    try {
      for (const [action, extra] of [['accept', {}], ['assign', { assignee: 'engineer.li' }], ['start', {}]]) {
        await staff(ticket.number, action, extra);
      }
      await report(ticket.number);
      await staff(ticket.number, 'resolve', { note: '已更换电源板' });
      await page.getByText('问题解决了吗？').waitFor(LIVE);
      await tap(page.getByRole('button', { name: '仍未解决' }));
      const dialog = page.getByRole('dialog', { name: '问题仍未解决？' });
      await dialog.waitFor();
      await tap(dialog.getByRole('button', { name: '重新处理' }));
      await dialog.getByRole('alert').filter({ hasText: '请描述还有什么问题' }).waitFor();
      await type(dialog.getByRole('textbox', { name: '还有什么问题' }), '开机十分钟后又自动关机');
      await tap(dialog.getByRole('button', { name: '重新处理' }));
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('您反馈问题仍未解决').waitFor();
      const reopened = await staffView(ticket.number);
      assert.equal(reopened.state, 'assigned', 'back to the engineer');
      assert.equal(reopened.timeline.at(-1).note, '开机十分钟后又自动关机');

      await staff(ticket.number, 'start');
      await report(ticket.number);
      await staff(ticket.number, 'resolve', { note: '已更换主板' });
      await page.getByText('问题解决了吗？').waitFor(LIVE);
      await saveScreenshot(page, 'track-ticket-zh-phone.png');
      await tap(page.getByRole('button', { name: '已解决', exact: true }));
      await chip(page, '当前状态：已完成').waitFor();
      assert.equal((await staffView(ticket.number)).state, 'confirmed');
      // The ticket page hands its ticket to the rating form: even with nothing kept on this device
      // (storage cleared), the form opens for this ticket without asking who the customer is.
      await page.evaluate(() => localStorage.clear());
      await tap(page.getByRole('button', { name: '去评价' }));
      await page.getByRole('slider', { name: '服务质量' }).waitFor();
      await page.getByText('确认与重开测试').waitFor();
      assert.equal(await page.getByRole('textbox', { name: '手机号后 4 位' }).count(), 0, 'no lookup asked for');
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  test('a complaint about a ticket starts from its page with its number filled in', async () => {
    const ticket = await createTicket('投诉入口测试');
    const { context, page, problems } = await open(`#/track/${ticket.number}?t=${ticket.token}`);
    try {
      await chip(page, '当前状态：已提交').waitFor();
      await tap(page.getByRole('button', { name: '投诉这次服务' }));
      await page.getByRole('heading', { name: '投诉建议' }).waitFor();
      await waitForValue(page.getByRole('textbox', { name: '相关服务编号（选填）' }), ticket.number);
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  test('a wrong phone or number gets one neutral answer; too many tries say how long to wait', async () => {
    const { number, last4 } = demo.get('assigned');
    const { context, page, problems } = await open('#/track', PHONE);
    try {
      await saveScreenshot(page, 'track-lookup-zh-phone.png');
      const numberBox = page.getByRole('textbox', { name: '服务编号' });
      const digits = page.getByRole('textbox', { name: '手机号后四位' });
      const neutral = page.getByRole('alert').filter({ hasText: '服务编号或手机号后四位不正确，请核对后重试。' });
      const wrongDigits = last4 === '1111' ? '2222' : '1111';

      await type(numberBox, number);
      await type(digits, wrongDigits);
      await tap(page.getByRole('button', { name: '查询', exact: true }));
      await neutral.waitFor();
      // Another ticket's number with these digits: word for word the same answer.
      const other = demo.get('in_progress');
      await type(numberBox, other.number);
      await tap(page.getByRole('button', { name: '查询', exact: true }));
      await neutral.waitFor();
      assert.match(page.url(), /#\/track$/, 'still on the form');

      // The server allows a few failures per number, then asks to wait: the form says how long.
      for (let i = 0; i < 5; i++) {
        await api('/api/v1/lookup', { method: 'POST', body: { service_number: number, phone_last4: wrongDigits } });
      }
      await type(numberBox, number);
      await type(digits, last4);
      await tap(page.getByRole('button', { name: '查询', exact: true }));
      await page.getByRole('alert').filter({ hasText: /尝试次数过多.+请 \d+ (秒|分钟|小时)后再试/ }).waitFor();
      assert.deepEqual(unexpected(problems, { statuses: [404, 429] }), []);
    } finally {
      await context.close();
    }
  });

  test('sign out on all devices: this page and every other token of the ticket end; the digits open it again', async () => {
    const ticket = await createTicket('全部退出测试');
    // The same ticket opened on another device: a second token from a lookup.
    const other = await api('/api/v1/lookup', { method: 'POST', body: { service_number: ticket.number, phone_last4: ticket.last4 } });
    assert.equal(other.status, 200);
    const { context, page, problems } = await open(`#/track/${ticket.number}?t=${ticket.token}`);
    try {
      await chip(page, '当前状态：已提交').waitFor();
      await tap(page.getByRole('button', { name: '在所有设备上退出' }));
      const dialog = page.getByRole('dialog', { name: '在所有设备上退出？' });
      await dialog.waitFor();
      await tap(dialog.getByRole('button', { name: '全部退出' }));
      await page.getByText('已在所有设备上退出。如需再次查看这张工单，请输入手机号后四位。').waitFor();
      await page.waitForURL(/#\/track\?n=/);
      await waitForValue(page.getByRole('textbox', { name: '服务编号' }), ticket.number);
      const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('token')));
      assert.deepEqual(left, [], 'nothing of the ticket stays on this device');
      for (const token of [ticket.token, other.body.access_token]) {
        assert.equal((await api(`/api/v1/tickets/${ticket.number}`, { token })).status, 401, 'every token ended');
      }
      // The digits open it again.
      await type(page.getByRole('textbox', { name: '手机号后四位' }), ticket.last4);
      await tap(page.getByRole('button', { name: '查询', exact: true }));
      await page.waitForURL(new RegExp(`#/track/${ticket.number}$`));
      await chip(page, '当前状态：已提交').waitFor();
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  test('an expired or unknown token leads back to the form with the number filled in', async () => {
    const { number } = demo.get('resolved');
    const { context, page, problems } = await open(`#/track/${number}?t=not-a-real-token`);
    try {
      await page.getByText('这张工单的查看已失效，请重新输入手机号后四位。').waitFor();
      await page.waitForURL(/#\/track\?n=/);
      await waitForValue(page.getByRole('textbox', { name: '服务编号' }), number);
      const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('token')));
      assert.deepEqual(left, [], 'the refused token was forgotten');
      assert.deepEqual(unexpected(problems, { statuses: [401] }), []);
    } finally {
      await context.close();
    }
  });

  test('a tracking link with text glued to its token still opens; one that cannot be sent leads to the form', async () => {
    // An SMS or chat app may take the words after a link into it; a line break cannot go in a
    // request header, and once made the page say the network was down.
    const ticket = await createTicket('链接粘连测试');
    const glued = await open(`#/track/${ticket.number}?t=${ticket.token}${encodeURIComponent('请查收')}`);
    try {
      await chip(glued.page, '当前状态：已提交').waitFor();
      assert.doesNotMatch(glued.page.url(), /[?&]t=/, 'the token was taken out of the address bar');
      assert.deepEqual(unexpected(glued.problems), []);
    } finally {
      await glued.context.close();
    }
    const broken = await open(`#/track/${ticket.number}?t=x${encodeURIComponent('\nX-Injected: 1')}`);
    try {
      await broken.page.getByText('这张工单的查看已失效，请重新输入手机号后四位。').waitFor();
      await waitForValue(broken.page.getByRole('textbox', { name: '服务编号' }), ticket.number);
      assert.deepEqual(unexpected(broken.problems, { statuses: [401] }), []);
    } finally {
      await broken.context.close();
    }
  });

  test('English: lookup form and ticket page', async () => {
    const { number, last4 } = demo.get('in_progress');
    const { context, page, problems } = await open('#/track');
    try {
      await tap(page.getByRole('button', { name: 'English' }));
      await page.getByRole('heading', { name: 'Track my service' }).waitFor();
      await saveScreenshot(page, 'track-lookup-en-desktop.png');
      await type(page.getByRole('textbox', { name: 'Service number' }), number);
      await type(page.getByRole('textbox', { name: 'Last 4 digits of your phone' }), last4);
      await tap(page.getByRole('button', { name: 'Track', exact: true }));
      await chip(page, 'Status: In progress').waitFor();
      await page.getByText('The engineer started work').waitFor();
      await saveScreenshot(page, 'track-ticket-en-desktop.png');
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });
});
