// The staff console (#/staff) in real Chromium against the real server, driven through the ARIA
// mirror: a full service cycle (a customer submits; an agent sees it arrive live, accepts, takes it,
// records the visit, resolves; the customer's live feed gets every step; the customer confirms and
// rates; the statistics move), the roles, the SLA board, the charts' text summaries, policy
// validation, a phone-width queue, and screenshots in zh-CN and en.
//
// The customer side is the portal's own ticket page (#/track/<number>, a second browser context,
// opened from the tracking link) and its rating screen; outcomes are checked through the API too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { describeScreen, eventually, pickOption, staffToken, tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';

// Bounds for what happens on its own (a change-feed or long-poll answer): they only keep a broken
// build from hanging; they measure nothing.
const LIVE = { timeout: 30000 };

// What went wrong in a page, less what closing a page provokes: the long-poll in flight is aborted.
function unexpected(problems) {
  return problems.filter((p) => !(p.includes('ERR_ABORTED') && (p.includes('/events') || p.includes('/changes'))));
}

// Scrolls the page (the mirror's native scroll container) back to the top.
async function scrollToTop(page) {
  await page.locator('#a11y-scroll').evaluate((scroller) => { scroller.scrollTop = 0; });
  await waitForSettled(page);
}

// The customer's status chip is a live region whose text names the state.
const chip = (page, words) => page.getByRole('status').filter({ hasText: words });

const ADMIN = { username: 'admin', password: 'an admin passphrase for tests' };
const AGENT = { username: 'agent.chen', password: 'an agent passphrase for tests', name: '陈晓' };

const T = {
  'zh-CN': { username: '用户名', password: '密码', signIn: '登录', signOut: '退出登录' },
  en: { username: 'Username', password: 'Password', signIn: 'Sign in', signOut: 'Sign out' },
};

describe('staff console', () => {
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
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  const login = (user) => staffToken(server, user);

  async function customerTicket(subject) {
    const answer = await api('POST', '/api/v1/tickets', {
      body: {
        kind: 'repair', priority: 'general',
        customer: { name: '周敏', phone: '13911112222' },
        product: { model: '康复理疗仪 KF-200', serial: 'KF200-2401-0123' },
        subject, description: '开机后屏幕闪烁，无法进入治疗模式。',
        address: '杭州市西湖区文三路 90 号东部软件园',
      },
    });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    return { number: answer.body.service_number, token: answer.body.access_token };
  }

  before(async () => {
    server = await startServer();
    // There is no default password: an admin is created with the CLI, as an operator would.
    const created = spawnSync(process.env.AFTERCARE_SERVER,
      ['create-admin', '--username', ADMIN.username, '--data-dir', server.dataDir], { input: `${ADMIN.password}\n` });
    assert.equal(created.status, 0, created.stderr?.toString());
    adminToken = await login(ADMIN);
    const agent = await api('POST', '/api/v1/staff/members', {
      token: adminToken,
      body: { username: AGENT.username, display_name: AGENT.name, roles: ['agent'], password: AGENT.password },
    });
    assert.equal(agent.status, 201, JSON.stringify(agent.body));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function console_(user, { hash = '#/staff', lang = 'zh-CN', width = 1280, height = 800 } = {}) {
    const opened = await openPage(browser, `${server.url}staff.html${hash}`, { width, height, locale: lang });
    const { page } = opened;
    // The staff token the page sends, for tests that ask the server what it thinks of it.
    page.on('request', (r) => {
      const authorization = r.headers().authorization;
      if (authorization && r.url().includes('/api/v1/staff/')) opened.staffToken = authorization.replace(/^Bearer /, '');
    });
    await waitForPortal(page);
    const t = T[lang];
    if (lang === 'en') await tap(page.getByRole('button', { name: 'English' }));
    // Not signed in: the console sends us to the login, remembering where we were going.
    await page.getByRole('heading', { name: lang === 'en' ? 'Staff sign-in' : '工作人员登录' }).waitFor();
    await type(page.getByRole('textbox', { name: t.username }), user.username);
    await type(page.getByRole('textbox', { name: t.password }), user.password);
    await tap(page.getByRole('button', { name: t.signIn, exact: true }));
    await page.getByRole('button', { name: t.signOut }).waitFor();
    return opened;
  }

  const shot = async (page, name) => {
    await waitForSettled(page);
    saveScreenshot(name, await page.locator('#canvas').screenshot());
  };

  test("the console is its own page: a customer's page never downloads it, and an old /#/staff address moves there", async () => {
    const { context, page } = await openPage(browser, `${server.url}#/staff/sla`);
    const programs = [];
    page.on('request', (r) => { if (/aftercare[-\w]*\.(js|wasm)$/.test(r.url())) programs.push(new URL(r.url()).pathname); });
    try {
      // The customer's program starts, sees a console route and hands the tab to staff.html, which
      // keeps the route (the login remembers it).
      await page.waitForURL(/\/staff\.html#\/staff\/login\?next=/, { timeout: 30000 });
      await waitForPortal(page);
      assert.match(decodeURIComponent(page.url()), /next=#\/staff\/sla/);
      await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
      assert.ok(programs.includes('/aftercare-staff.wasm'), `staff.html loads the console: ${programs}`);

      // A customer's page: the home screen, a ticket lookup and back, and not a byte of the console.
      programs.length = 0;
      await page.goto(server.url);
      await waitForPortal(page);
      await tap(page.getByRole('button', { name: '查询进度' }));
      await page.waitForURL(/#\/track/);
      assert.ok(programs.includes('/aftercare.wasm'), `the customer's page loads its program: ${programs}`);
      assert.deepEqual(programs.filter((p) => p.includes('staff')), [], 'no console code on the customer\'s page');
    } finally {
      await context.close();
    }
  });

  test('a wrong password is refused in words; the session is never stored', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const { context, page, problems } = await openPage(browser, `${server.url}staff.html#/staff`, { locale: lang });
      try {
        await waitForPortal(page);
        if (lang === 'en') await tap(page.getByRole('button', { name: 'English' }));
        const t = T[lang];
        await type(page.getByRole('textbox', { name: t.username }), AGENT.username);
        await type(page.getByRole('textbox', { name: t.password }), 'not the password');
        await tap(page.getByRole('button', { name: t.signIn, exact: true }));
        await page.getByRole('alert').filter({ hasText: lang === 'en' ? 'Wrong username or password' : '用户名或密码不正确' }).waitFor();
        assert.match(page.url(), /#\/staff\/login\?next=/);
        await shot(page, `staff-login-${lang === 'en' ? 'en' : 'zh'}.png`);
        const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
        assert.doesNotMatch(stored, /token|access/i, 'nothing of a session in web storage');
        assert.deepEqual(problems.filter((p) => !p.includes('401')), []);
      } finally {
        await context.close();
      }
    }
  });

  test('signing out ends the session on the server, not only on the page', async () => {
    const agent = await console_(AGENT);
    const { context, page } = agent;
    try {
      const token = agent.staffToken;
      assert.ok(token, 'the console sent its staff token');
      assert.equal((await api('GET', '/api/v1/staff/members', { token })).status, 200);
      const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/v1/staff/logout'));
      await tap(page.getByRole('button', { name: T['zh-CN'].signOut }));
      assert.equal((await loggedOut).status(), 204);
      await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
      // A copy of the token (another tab, a proxy log) opens nothing any more.
      assert.equal((await api('GET', '/api/v1/staff/members', { token })).status, 401);
    } finally {
      await context.close();
    }
  });

  test('full cycle: a customer submits, an agent accepts, takes, visits, resolves; the customer\'s open page follows live, confirms and rates; the stats move', async () => {
    const before = (await api('GET', '/api/v1/staff/stats', { token: adminToken })).body;
    const agent = await console_(AGENT);
    const { page } = agent;
    let customer = null;
    try {
      // The queue, newest first (two clicks on the header: ascending, then descending).
      await tap(page.getByRole('button', { name: '提交时间' }));
      await tap(page.getByRole('button', { name: '提交时间 （升序）' }));
      await page.getByRole('button', { name: '提交时间 （降序）' }).waitFor();
      assert.match(page.url(), /sort=created&dir=desc/);

      // An agent sees their own and unassigned tickets: never engineer.li's demo ticket.
      const assignedElsewhere = (await api('GET', '/api/v1/staff/queue?assignee=engineer.li', { token: adminToken })).body.items;
      assert.ok(assignedElsewhere.length > 0);
      for (const item of assignedElsewhere) {
        assert.equal(await page.getByRole('row', { name: item.service_number, exact: true }).count(), 0);
      }
      assert.equal(await page.getByRole('tab', { name: '系统管理' }).count(), 0, 'no administration for an agent');

      // The customer submits; the row appears in the agent's queue without a reload (change feed).
      const ticket = await customerTicket('理疗仪屏幕闪烁');
      const row = page.getByRole('row', { name: ticket.number, exact: true });
      await row.waitFor(LIVE);
      const rows = await page.getByRole('row').allTextContents();
      assert.equal(rows[0], ticket.number, 'newest first');
      await shot(page, 'staff-queue-zh.png');

      // The customer keeps the ticket page open (a second browser, the tracking link).
      customer = await openPage(browser, `${server.url}#/track/${ticket.number}?t=${ticket.token}`, { locale: 'zh-CN' });
      const mine = customer.page;
      await waitForPortal(mine);
      await chip(mine, '当前状态：已提交').waitFor();
      await mine.evaluate(() => { window.__samePage = true; });

      await tap(row);
      await page.getByRole('heading', { name: ticket.number }).waitFor();
      assert.match(page.url(), new RegExp(`#/staff/ticket/${ticket.number}`));

      // Personal data is masked until revealed; a reveal asks why, and the reason is on record.
      await page.getByText('139****2222').waitFor();
      await tap(page.getByRole('button', { name: '显示手机号' }));
      await tap(page.getByRole('button', { name: '确认查看' }));  // no reason yet: refused here
      await page.getByText('请选择原因').waitFor();
      await tap(page.getByRole('radio', { name: '联系客户' }));
      await tap(page.getByRole('button', { name: '确认查看' }));
      await page.getByText('139 1111 2222').waitFor();
      const audit = (await api('GET', `/api/v1/staff/audit?ticket=${ticket.number}`, { token: adminToken })).body;
      assert.equal(audit.entries[0].action, 'reveal_phone');
      assert.equal(audit.entries[0].staff, AGENT.username);
      assert.equal(audit.entries[0].detail, 'contact_customer');
      await page.getByText(/查看了手机号 · 联系客户/).waitFor();

      // Accept with a note: the customer's page shows the step and the note, without a reload.
      await type(page.getByRole('textbox', { name: '处理说明' }), '已受理，今天安排工程师联系您。');
      await tap(page.getByRole('button', { name: '受理', exact: true }));
      await page.getByRole('status').filter({ hasText: '已完成：受理' }).waitFor();
      await chip(mine, '当前状态：已受理').waitFor(LIVE);
      await mine.getByText('已受理，今天安排工程师联系您。').waitFor(LIVE);

      // The agent takes it: the customer sees who is coming, by name.
      await tap(page.getByRole('button', { name: '指派给我' }));
      await page.getByRole('status').filter({ hasText: `已派工给 ${AGENT.name}` }).waitFor();
      await mine.getByText(`已安排工程师 ${AGENT.name}`).waitFor(LIVE);
      const assigned = (await api('GET', `/api/v1/staff/tickets/${ticket.number}`, { token: adminToken })).body;
      assert.equal(assigned.state, 'assigned');
      assert.equal(assigned.assignee, AGENT.username);

      // The customer asks by phone for tomorrow morning: the agent books it, with the reason, and the
      // customer's page shows the new window (the arrival clock now runs to its end).
      await type(page.getByRole('textbox', { name: '改约原因（客户可见）' }), '客户来电：明天上午在诊所。');
      await tap(page.getByRole('button', { name: '改约上门时间' }));
      await page.getByRole('status').filter({ hasText: /^上门时间已改为 .+ 上午 9:00–12:00/ }).waitFor();
      await mine.getByText(/^上门时间改为 .+ 上午 9:00–12:00$/).waitFor(LIVE);
      const booked = (await api('GET', `/api/v1/tickets/${ticket.number}`, { token: ticket.token })).body;
      assert.equal(booked.repair.visit.slot, 'morning');
      const arrivalClock = booked.sla.deadlines.find((d) => d.clock === 'arrival');
      assert.equal(arrivalClock.due_at % 86400, 4 * 3600, 'due at 12:00 Beijing time, the window\'s end');

      // The engineer sets off (the dispatch clock is met by leaving, not by the assignment).
      await tap(page.getByRole('button', { name: '记录类型' }));
      await pickOption(page, '已出发');
      await tap(page.getByRole('button', { name: '添加记录' }));
      await page.getByRole('status').filter({ hasText: '已记录：已出发' }).waitFor();
      await mine.getByText('工程师已出发，正在赶往现场').waitFor(LIVE);

      // The visit: arrival, a part ordered (the 8-hour shipping commitment), the service report.
      await tap(page.getByRole('button', { name: '记录类型' }));
      await pickOption(page, '到达现场');
      await type(page.getByRole('textbox', { name: '说明', exact: true }), '已到达客户诊所。');
      await tap(page.getByRole('button', { name: '添加记录' }));
      await page.getByRole('status').filter({ hasText: '已记录：到达现场' }).waitFor();
      await mine.getByText('工程师已到达现场').waitFor(LIVE);

      await tap(page.getByRole('button', { name: '记录类型' }));
      await pickOption(page, '备件已订货');
      await type(page.getByRole('textbox', { name: '备件名称' }), '电源板');
      await tap(page.getByRole('button', { name: '添加记录' }));
      await page.getByRole('status').filter({ hasText: '已记录：备件已订货' }).waitFor();
      const withPart = (await api('GET', `/api/v1/staff/tickets/${ticket.number}`, { token: adminToken })).body;
      const part = withPart.timeline.at(-1);
      assert.equal(part.work.kind, 'part_ordered');
      assert.equal(part.work.due_at - part.at, 8 * 3600);
      await mine.getByText('备件已订货：电源板').waitFor(LIVE);

      // The 售后服务报告单, before the repair can be resolved.
      await page.getByRole('heading', { name: '售后服务报告单' }).waitFor();
      await type(page.getByRole('textbox', { name: '故障诊断' }), '电源板电容鼓包，无法上电');
      const report = page.getByRole('textbox', { name: /处理措施/ });
      await type(report, '更换电源板，试机正常，已向客户演示。');
      // The part's countdown above ticks every second; the field being typed in keeps its focus
      // (the mirror once moved every element after a changed one, and a moved element is blurred).
      await report.evaluate((field) => {
        window.__blurs = 0;
        field.addEventListener('blur', () => { window.__blurs += 1; });
      });
      const countdowns = () => page.evaluate(() => [...document.querySelectorAll('[role="status"]')]
        .map((status) => status.textContent).filter((text) => text.startsWith('剩余')).join('|'));
      let shown = await countdowns();
      for (let ticks = 0; ticks < 2; ticks += 1) {
        shown = await eventually(countdowns, (now) => now !== shown, 'the countdown ticks');
      }
      assert.equal(await page.evaluate(() => window.__blurs), 0, 'the field kept its focus');
      assert.equal(await report.inputValue(), '更换电源板，试机正常，已向客户演示。');
      await tap(page.getByRole('button', { name: '保存服务报告单' }));
      await page.getByRole('status').filter({ hasText: '服务报告单已保存' }).waitFor();
      await scrollToTop(page);
      await shot(page, 'staff-workspace-zh.png');

      // Resolved: the customer's page asks whether it is fixed.
      await type(page.getByRole('textbox', { name: '处理说明' }), '问题已解决，请您确认。');
      await tap(page.getByRole('button', { name: '标记已解决' }));
      await page.getByRole('status').filter({ hasText: '已完成：标记已解决' }).waitFor();
      await mine.getByText('问题解决了吗？').waitFor(LIVE);
      await mine.getByText('问题已解决，请您确认。').waitFor();
      assert.equal(await mine.evaluate(() => window.__samePage), true, 'the customer\'s page never reloaded');
      await shot(mine, 'staff-cycle-customer-zh.png');

      // The customer's view has every work record, and the address as typed (only staff see it masked).
      const view = (await api('GET', `/api/v1/tickets/${ticket.number}`, { token: ticket.token })).body;
      assert.deepEqual(view.timeline.filter((e) => e.type === 'work').map((e) => e.work.kind),
        ['departure', 'arrival', 'part_ordered', 'service_report']);
      assert.equal(view.address, '杭州市西湖区文三路 90 号东部软件园');

      // The customer confirms on their page: the agent's open workspace follows without a reload.
      await tap(mine.getByRole('button', { name: '已解决', exact: true }));
      await chip(mine, '当前状态：已完成').waitFor();
      await page.getByText('客户已确认').first().waitFor(LIVE);

      // ... and rates it from there.
      await tap(mine.getByRole('button', { name: '去评价' }));
      await mine.waitForFunction((n) => window.location.hash === `#/rate/${n}`, ticket.number);
      for (const name of ['服务质量', '服务速度', '服务态度', '服务范围', '服务保障']) {
        await mine.getByRole('slider', { name }).focus();
        await mine.keyboard.press(name === '服务范围' ? '4' : '5');
      }
      await mine.waitForFunction(() => [...document.querySelectorAll('[role="slider"]')]
        .every((s) => /^\d \/ 5/.test(s.getAttribute('aria-valuetext') || '')));
      await tap(mine.getByRole('radio', { name: '已解决' }));
      await type(mine.getByRole('textbox', { name: '意见或建议（选填）' }), '工程师很专业');
      await tap(mine.getByRole('button', { name: '提交评价' }));
      await mine.getByRole('status').filter({ hasText: '感谢您的评价！' }).waitFor();
      const rated = (await api('GET', `/api/v1/tickets/${ticket.number}`, { token: ticket.token })).body.rating;
      assert.deepEqual(rated, { quality: 5, speed: 5, attitude: 5, scope: 4, guarantee: 5, solved: true, comment: '工程师很专业' });
      await page.getByRole('heading', { name: '客户评价' }).waitFor(LIVE);

      // Back on the ticket page the rating is there already, even with no network: the page and the
      // rate screen hold one copy of the ticket, and the rating's answer updated it.
      await customer.context.setOffline(true);
      await mine.goBack();
      await mine.waitForFunction((n) => window.location.hash === `#/track/${n}`, ticket.number);
      await mine.getByText('您评价了本次服务').first().waitFor();
      assert.equal(await mine.getByRole('button', { name: '去评价' }).count(), 0, 'nothing left to rate');
      await customer.context.setOffline(false);
      // What the page tried meanwhile (its refresh on coming back, its live poll) failed for want of a network.
      customer.problems = customer.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'));

      // The statistics move: one more rating, one more satisfied, on the API and on the console.
      const after = (await api('GET', '/api/v1/staff/stats', { token: adminToken })).body;
      assert.equal(after.satisfaction.count, before.satisfaction.count + 1);
      assert.equal(after.satisfaction.satisfied, before.satisfaction.satisfied + 1);
      await tap(page.getByRole('tab', { name: '统计分析' }));
      const rate = `${Math.round((after.satisfaction.rate * 1000)) / 10}%`;
      await page.getByRole('img', { name: new RegExp(`满意率 ${rate.replace('.', '\\.')}，目标 90%`) }).waitFor();
      await page.getByText(`${after.satisfaction.count} 份评价`).waitFor();
      // Appraisal by staff member: the agent's row counts this rating and this ticket.
      const agentRow = (stats) => stats.by_assignee.find((person) => person.assignee === AGENT.username);
      const own = agentRow(after);
      assert.equal(own.satisfaction.count, (agentRow(before)?.satisfaction.count ?? 0) + 1);
      assert.equal(own.resolved, (agentRow(before)?.resolved ?? 0) + 1);
      const percent = (ratio) => `${Math.round(ratio * 1000) / 10}%`;
      const people = page.getByRole('heading', { name: '人员考核' });
      await people.scrollIntoViewIfNeeded();
      await page.getByRole('heading', { name: AGENT.name, exact: true }).waitFor();
      await page.getByText(`满意度 ${percent(own.satisfaction.rate)}（${own.satisfaction.count} 条评价）`).waitFor();
      await page.getByText(`准时 ${percent(own.on_time_rate)}`).waitFor();
      assert.deepEqual(unexpected(agent.problems), []);
      assert.deepEqual(unexpected(customer.problems), []);
    } catch (error) {
      console.log(`The agent's console when it failed:\n${await describeScreen(page)}`);
      console.log(`Problems in the agent's page: ${JSON.stringify(agent.problems)}`);
      throw error;
    } finally {
      await customer?.context.close();
      await agent.context.close();
    }
  });

  test('supervisors see every ticket, the SLA board counts what the queue counts, charts are summarized in words', async () => {
    const { context, page, problems } = await console_(ADMIN, { hash: '#/staff/sla' });
    try {
      const counts = {};
      for (const sla of ['breached', 'soon', 'on_track']) {
        counts[sla] = (await api('GET', `/api/v1/staff/queue?limit=1&sla=${sla}`, { token: adminToken })).body.total;
      }
      await page.getByRole('heading', { name: 'SLA 看板' }).waitFor();
      await page.getByRole('button', { name: '已超时' }).and(page.locator(`[aria-description="${counts.breached}"]`)).waitFor();
      await page.getByRole('heading', { name: '升级规则' }).waitFor();
      await page.getByText(/已通知：部门经理/).first().waitFor();
      const boardRows = await page.getByRole('row').count();
      assert.ok(boardRows >= counts.breached + counts.soon, 'every breached and breaching ticket is on the board');
      await shot(page, 'staff-sla-zh.png');

      // A breached-only board after a press on the tile.
      await tap(page.getByRole('button', { name: '已超时' }));
      await page.waitForFunction(() => location.hash.includes('sla=breached'));
      await page.waitForFunction((n) => document.querySelectorAll('[role="row"]').length === n, counts.breached);

      await tap(page.getByRole('tab', { name: '统计分析' }));
      for (const summary of [/^折线图：满意率/, /^柱状图：紧急/, /^柱状图：首次响应用时分布/, /^柱状图：解决用时分布/]) {
        await page.getByRole('img', { name: summary }).first().waitFor();
      }
      await page.getByRole('heading', { name: '投诉与答复期限' }).waitFor();
      // The standard's 48 h is the average resolution time, met or not.
      await page.getByText('平均解决用时').first().waitFor();
      await page.getByText(/^(达标：平均不超过|未达标：平均超过) 48 小时 · \d+ 张/).first().waitFor();
      await page.getByText(/自提交次日起/).first().waitFor();
      await shot(page, 'staff-stats-zh.png');
      // A supervisor sees everyone's row, most tickets first.
      const everyone = (await api('GET', '/api/v1/staff/stats', { token: adminToken })).body.by_assignee;
      assert.ok(everyone.length >= 2, "the demo's tickets are held by more than one person");
      for (let i = 1; i < everyone.length; i += 1) assert.ok(everyone[i - 1].tickets >= everyone[i].tickets);
      await page.getByRole('heading', { name: '人员考核' }).scrollIntoViewIfNeeded();
      await page.getByText(`${everyone[0].tickets} 张工单 · 已解决 ${everyone[0].resolved}`, { exact: false }).first().waitFor();
      await shot(page, 'staff-stats-people-zh.png');

      // The management review's file: the period on screen, as Excel opens it, saved by the browser.
      const downloaded = page.waitForEvent('download');
      await tap(page.getByRole('button', { name: '工单明细' }));
      const download = await downloaded;
      assert.match(download.suggestedFilename(), /^aftercare-tickets-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readFileSync(await download.path());
      assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a byte-order mark: Excel reads UTF-8');
      const lines = csv.subarray(3).toString('utf8').trimEnd().split('\r\n');
      assert.equal(lines[0], '服务编号,类型,紧急程度,状态,负责人,提交时间,首次响应,解决时间,超时,已升级');
      assert.ok(lines.length > 1 && lines.slice(1).every((line) => /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4},/.test(line)),
        'one row per ticket, each starting with its service number');
      const log = (await api('GET', '/api/v1/staff/audit', { token: adminToken })).body;
      assert.equal(log.entries[0].action, 'export');

      // Each person's figures for the appraisal: the card's rows, with names, in a file.
      const peopleDownloaded = page.waitForEvent('download');
      await tap(page.getByRole('button', { name: '人员考核' }));
      const peopleFile = await peopleDownloaded;
      assert.match(peopleFile.suggestedFilename(), /^aftercare-people-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      const people = readFileSync(await peopleFile.path()).subarray(3).toString('utf8').trimEnd().split('\r\n');
      assert.equal(people[0], '账号,姓名,工单数,已解决,超时,准时率 (%),被客户重开,返修,平均解决用时 (小时),评价数,满意度 (%)');
      assert.equal(people.length, everyone.length + 1, 'one row per person on the card');
      assert.ok(people[1].startsWith(`${everyone[0].assignee},`), people[1]);

      // On a supervisor's phone the rows stack: name, chips, then the figures wrapped.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole('heading', { name: '人员考核' }).scrollIntoViewIfNeeded();
      await shot(page, 'staff-stats-people-zh-phone.png');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('an admin edits the policy: a bad number is refused next to its field, a good one applies at once', async () => {
    const { context, page, problems } = await console_(ADMIN, { hash: '#/staff/admin?tab=policy' });
    try {
      await page.getByRole('heading', { name: '服务策略' }).first().waitFor();
      const field = page.getByRole('textbox', { name: '首次响应' }).first();  // urgent comes first
      await type(field, '-5');
      await tap(page.getByRole('button', { name: '保存并生效' }));
      await page.getByRole('alert').filter({ hasText: 'sla.urgent.first_response_minutes' }).waitFor();
      assert.equal((await api('GET', '/api/v1/staff/policy', { token: adminToken })).body.sla.urgent.first_response_minutes, 10);

      await type(field, '8');
      await tap(page.getByRole('button', { name: '保存并生效' }));
      await page.getByRole('status').filter({ hasText: '立即生效' }).waitFor();
      const policy = (await api('GET', '/api/v1/staff/policy', { token: adminToken })).body;
      assert.equal(policy.sla.urgent.first_response_minutes, 8);
      const log = (await api('GET', '/api/v1/staff/audit', { token: adminToken })).body;
      assert.equal(log.entries[0].action, 'policy_update');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('the hotline: no line on the home page until an admin enters a number, then the number with its hours', async () => {
    const home = async () => {
      const opened = await openPage(browser, server.url, { width: 1280, height: 800 });
      await waitForPortal(opened.page);
      await opened.page.getByRole('heading', { name: '我们的承诺' }).waitFor();
      await waitForSettled(opened.page);
      return opened;
    };
    const before = await home();
    try {
      assert.equal(await before.page.getByText('热线', { exact: false }).count(), 0, 'no hotline without a number');
    } finally {
      await before.context.close();
    }

    const { context, page, problems } = await console_(ADMIN, { hash: '#/staff/admin?tab=policy' });
    try {
      await page.getByRole('heading', { name: '服务策略' }).first().waitFor();
      const field = page.getByRole('textbox', { name: '服务热线' });
      await type(field, 'call us');
      await tap(page.getByRole('button', { name: '保存并生效' }));
      await page.getByRole('alert').filter({ hasText: '请先修正' }).waitFor();
      assert.equal((await api('GET', '/api/v1/staff/policy', { token: adminToken })).body.contact.hotline, '');
      await type(field, '400-820-8820');
      await tap(page.getByRole('button', { name: '保存并生效' }));
      await page.getByRole('status').filter({ hasText: '立即生效' }).waitFor();
      assert.equal((await api('GET', '/api/v1/staff/policy', { token: adminToken })).body.contact.hotline, '400-820-8820');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }

    const after = await home();
    try {
      // The shipped service hours are 7×24, so the line says so, with the number.
      await after.page.getByText('7×24 小时服务热线 400-820-8820').waitFor();
      assert.deepEqual(after.problems, []);
    } finally {
      await after.context.close();
      const policy = (await api('GET', '/api/v1/staff/policy', { token: adminToken })).body;
      policy.contact.hotline = '';
      assert.equal((await api('PUT', '/api/v1/staff/policy', { token: adminToken, body: policy })).status, 200);
    }
  });

  test('English: the console reads in English end to end', async () => {
    const { context, page, problems } = await console_(ADMIN, { lang: 'en' });
    try {
      await page.getByRole('button', { name: 'Status' }).first().waitFor();
      await page.getByRole('status').filter({ hasText: /^\d+ tickets$/ }).waitFor();
      await shot(page, 'staff-queue-en.png');
      const first = await page.getByRole('row').first().textContent();
      await tap(page.getByRole('row', { name: first, exact: true }));
      await page.getByRole('heading', { name: 'Service deadlines' }).waitFor();
      await page.getByRole('heading', { name: 'Timeline' }).waitFor();
      await shot(page, 'staff-workspace-en.png');
      await tap(page.getByRole('tab', { name: 'SLA board' }));
      await page.getByRole('heading', { name: 'Escalation rules' }).waitFor();
      await shot(page, 'staff-sla-en.png');
      await tap(page.getByRole('tab', { name: 'Statistics' }));
      await page.getByRole('img', { name: /^Line chart: satisfaction/ }).waitFor();
      await shot(page, 'staff-stats-en.png');
      await page.getByRole('heading', { name: 'By staff member' }).scrollIntoViewIfNeeded();
      await page.getByText(/^On time \d/).first().waitFor();
      await shot(page, 'staff-stats-people-en.png');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('a long timeline in the workspace shows its newest page; "show earlier" loads the first records', async () => {
    const ticket = await customerTicket('长记录工单');
    for (let i = 1; i <= 60; i += 1) {
      const note = await api('POST', `/api/v1/staff/tickets/${ticket.number}/messages`,
        { token: adminToken, body: { text: `处理记录第 ${i} 条` } });
      assert.equal(note.status, 201, JSON.stringify(note.body));
    }
    const { context, page, problems } = await console_(ADMIN, { hash: `#/staff/ticket/${ticket.number}` });
    try {
      await page.getByRole('heading', { name: ticket.number }).waitFor();
      await page.getByText('处理记录第 60 条').waitFor();
      // 61 events, the newest 50 shown: the created event and the first 10 records wait.
      await page.getByText('还有 11 条更早的记录').waitFor();
      assert.equal(await page.getByText('处理记录第 1 条').count(), 0, 'not on the first page');
      await tap(page.getByRole('button', { name: '显示更早的记录' }));
      await page.getByText('处理记录第 1 条').waitFor();
      await eventually(() => page.getByRole('button', { name: '显示更早的记录' }).count(), (n) => n === 0,
        'the button goes once the first event is shown');
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });

  test('a phone-width queue stays usable: rows scroll with the page and open the ticket', async () => {
    const { context, page, problems } = await console_(ADMIN, { width: 390, height: 844 });
    try {
      const rows = page.getByRole('row');
      await rows.first().waitFor();
      const total = (await api('GET', '/api/v1/staff/queue?limit=1', { token: adminToken })).body.total;
      await page.getByRole('status').filter({ hasText: `共 ${total} 张工单` }).waitFor();
      await shot(page, 'staff-queue-phone.png');
      const number = await rows.first().textContent();
      await tap(rows.first());
      await page.getByRole('heading', { name: number }).waitFor();
      await page.getByRole('heading', { name: '服务时限' }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
