// The staff console (#/staff) in real Chromium against the real server, driven through the ARIA
// mirror: a full service cycle (a customer submits; an agent sees it arrive live, accepts, takes it,
// records the visit, resolves; the customer's live feed gets every step; the customer confirms and
// rates; the statistics move), the roles, the SLA board, the charts' text summaries, policy
// validation, a phone-width queue, and screenshots in zh-CN and en.
//
// The customer side runs through the API: the customer's ticket page is not on main yet, so its
// live delivery is checked on the long-poll events endpoint that page uses.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';

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

  async function login(user) {
    const answer = await api('POST', '/api/v1/staff/login', { body: { username: user.username, password: user.password } });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body.access_token;
  }

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

  // The customer's open ticket page follows the ticket with this long-poll; it answers as soon as
  // the ticket has an event after `after`.
  function customerFeed(ticket, after) {
    return api('GET', `/api/v1/tickets/${ticket.number}/events?after=${after}&wait=25`, { token: ticket.token });
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
    const opened = await openPage(browser, `${server.url}${hash}`, { width, height, locale: lang });
    const { page } = opened;
    await waitForPortal(page);
    const t = T[lang];
    if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
    // Not signed in: the console sends us to the login, remembering where we were going.
    await page.getByRole('heading', { name: lang === 'en' ? 'Staff sign-in' : '工作人员登录' }).waitFor();
    await page.getByRole('textbox', { name: t.username }).fill(user.username);
    await page.getByRole('textbox', { name: t.password }).fill(user.password);
    await page.getByRole('button', { name: t.signIn, exact: true }).click();
    await page.getByRole('button', { name: t.signOut }).waitFor();
    return opened;
  }

  const shot = async (page, name) => {
    await page.waitForTimeout(300);  // the settling frames after the last change
    saveScreenshot(name, await page.locator('#canvas').screenshot());
  };

  test('a wrong password is refused in words; the session is never stored', async () => {
    for (const lang of ['zh-CN', 'en']) {
      const { context, page, problems } = await openPage(browser, `${server.url}#/staff`, { locale: lang });
      try {
        await waitForPortal(page);
        if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
        const t = T[lang];
        await page.getByRole('textbox', { name: t.username }).fill(AGENT.username);
        await page.getByRole('textbox', { name: t.password }).fill('not the password');
        await page.getByRole('button', { name: t.signIn, exact: true }).click();
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

  test('full cycle: submitted, seen live, accepted, taken, visited, resolved; the customer follows live, confirms, rates; the stats move', async () => {
    const before = (await api('GET', '/api/v1/staff/stats', { token: adminToken })).body;
    const { context, page, problems } = await console_(AGENT);
    try {
      // The queue, newest first (two clicks on the header: ascending, then descending).
      await page.getByRole('button', { name: '提交时间' }).click();
      await page.getByRole('button', { name: '提交时间 （升序）' }).click();
      await page.getByRole('button', { name: '提交时间 （降序）' }).waitFor();
      assert.match(page.url(), /sort=created&dir=desc/);

      // An agent sees their own and unassigned tickets: never engineer.li's demo ticket.
      const assignedElsewhere = (await api('GET', '/api/v1/staff/queue?assignee=engineer.li', { token: adminToken })).body.items;
      assert.ok(assignedElsewhere.length > 0);
      for (const item of assignedElsewhere) {
        assert.equal(await page.getByRole('row', { name: item.service_number, exact: true }).count(), 0);
      }
      assert.equal(await page.getByRole('tab', { name: '系统管理' }).count(), 0, 'no administration for an agent');

      // The customer submits; the row appears without a reload (the change feed).
      const ticket = await customerTicket('理疗仪屏幕闪烁');
      const row = page.getByRole('row', { name: ticket.number, exact: true });
      await row.waitFor({ timeout: 30000 });
      const rows = await page.getByRole('row').allTextContents();
      assert.equal(rows[0], ticket.number, 'newest first');
      await shot(page, 'staff-queue-zh.png');

      await row.click();
      await page.getByRole('heading', { name: ticket.number }).waitFor();
      assert.match(page.url(), new RegExp(`#/staff/ticket/${ticket.number}`));

      // Personal data is masked until revealed, and the reveal is on record.
      await page.getByText('139****2222').waitFor();
      await page.getByRole('button', { name: '显示手机号' }).click();
      await page.getByText('139 1111 2222').waitFor();
      const audit = (await api('GET', `/api/v1/staff/audit?ticket=${ticket.number}`, { token: adminToken })).body;
      assert.equal(audit.entries[0].action, 'reveal_phone');
      assert.equal(audit.entries[0].staff, AGENT.username);

      // Accept with a note: the customer's feed answers with the step.
      let feed = customerFeed(ticket, 1);
      await page.getByRole('textbox', { name: '处理说明' }).fill('已受理，今天安排工程师联系您。');
      await page.getByRole('button', { name: '受理', exact: true }).click();
      await page.getByRole('status').filter({ hasText: '已完成：受理' }).waitFor();
      let seen = await feed;
      assert.equal(seen.status, 200);
      assert.equal(seen.body.state, 'accepted');
      assert.equal(seen.body.events.at(-1).note, '已受理，今天安排工程师联系您。');

      // Take it, then record the visit: arrival starts the work.
      feed = customerFeed(ticket, seen.body.last_sequence);
      await page.getByRole('button', { name: '指派给我' }).click();
      await page.getByRole('status').filter({ hasText: `已派工给 ${AGENT.name}` }).waitFor();
      seen = await feed;
      assert.equal(seen.body.state, 'assigned');
      assert.equal(seen.body.events.at(-1).assignee, AGENT.username);

      await page.getByRole('button', { name: '记录类型' }).click();
      await page.getByRole('radio', { name: '到达现场' }).click();
      await page.getByRole('textbox', { name: '说明' }).fill('已到达客户诊所。');
      await page.getByRole('button', { name: '添加记录' }).click();
      await page.getByRole('status').filter({ hasText: '已记录：到达现场' }).waitFor();

      // A spare part ordered carries the 8-hour shipping commitment.
      await page.getByRole('button', { name: '记录类型' }).click();
      await page.getByRole('radio', { name: '备件已订货' }).click();
      await page.getByRole('textbox', { name: '备件名称' }).fill('电源板');
      await page.getByRole('button', { name: '添加记录' }).click();
      await page.getByRole('status').filter({ hasText: '已记录：备件已订货' }).waitFor();
      const withPart = (await api('GET', `/api/v1/staff/tickets/${ticket.number}`, { token: adminToken })).body;
      const part = withPart.timeline.at(-1);
      assert.equal(part.work.kind, 'part_ordered');
      assert.equal(part.work.due_at - part.at, 8 * 3600);

      await page.getByRole('button', { name: '记录类型' }).click();
      await page.getByRole('radio', { name: '服务报告' }).click();
      await page.getByRole('textbox', { name: /服务报告/ }).fill('更换电源板，试机正常，已向客户演示。');
      await page.getByRole('button', { name: '添加记录' }).click();
      await page.getByRole('status').filter({ hasText: '已记录：服务报告' }).waitFor();
      await shot(page, 'staff-workspace-zh.png');

      feed = customerFeed(ticket, withPart.timeline.at(-1).sequence);
      await page.getByRole('textbox', { name: '处理说明' }).fill('问题已解决，请您确认。');
      await page.getByRole('button', { name: '标记已解决' }).click();
      await page.getByRole('status').filter({ hasText: '已完成：标记已解决' }).waitFor();
      seen = await feed;
      assert.equal(seen.body.state, 'resolved');

      // The customer's view has every step, work records included, and the address as typed.
      const mine = (await api('GET', `/api/v1/tickets/${ticket.number}`, { token: ticket.token })).body;
      assert.deepEqual(mine.timeline.filter((e) => e.type === 'work').map((e) => e.work.kind),
        ['arrival', 'part_ordered', 'service_report']);
      assert.equal(mine.address, '杭州市西湖区文三路 90 号东部软件园');

      // The customer confirms: the agent's open workspace follows without a reload.
      assert.equal((await api('POST', `/api/v1/tickets/${ticket.number}/confirm`, { token: ticket.token, body: { note: '' } })).status, 200);
      await page.getByText('客户已确认').first().waitFor();
      const rated = await api('POST', `/api/v1/tickets/${ticket.number}/rating`, {
        token: ticket.token,
        body: { quality: 5, speed: 5, attitude: 5, scope: 4, guarantee: 5, solved: true, comment: '工程师很专业' },
      });
      assert.equal(rated.status, 201, JSON.stringify(rated.body));
      await page.getByRole('heading', { name: '客户评价' }).waitFor();

      // The statistics move: one more rating, one more satisfied.
      const after = (await api('GET', '/api/v1/staff/stats', { token: adminToken })).body;
      assert.equal(after.satisfaction.count, before.satisfaction.count + 1);
      assert.equal(after.satisfaction.satisfied, before.satisfaction.satisfied + 1);
      await page.getByRole('tab', { name: '统计分析' }).click();
      const rate = `${Math.round((after.satisfaction.rate * 1000)) / 10}%`.replace('.0%', '%');
      await page.getByRole('img', { name: new RegExp(`满意率 ${rate.replace('.', '\\.')}，目标 90%`) }).waitFor();
      await page.getByText(`${after.satisfaction.count} 份评价`).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
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
      await page.getByRole('button', { name: '已超时' }).click();
      await page.waitForFunction(() => location.hash.includes('sla=breached'));
      await page.waitForFunction((n) => document.querySelectorAll('[role="row"]').length === n, counts.breached);

      await page.getByRole('tab', { name: '统计分析' }).click();
      for (const summary of [/^折线图：满意率/, /^柱状图：紧急/, /^柱状图：首次响应用时分布/, /^柱状图：解决用时分布/]) {
        await page.getByRole('img', { name: summary }).first().waitFor();
      }
      await page.getByRole('heading', { name: '投诉与答复期限' }).waitFor();
      await shot(page, 'staff-stats-zh.png');
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
      await field.fill('-5');
      await page.getByRole('button', { name: '保存并生效' }).click();
      await page.getByRole('alert').filter({ hasText: 'sla.urgent.first_response_minutes' }).waitFor();
      assert.equal((await api('GET', '/api/v1/staff/policy', { token: adminToken })).body.sla.urgent.first_response_minutes, 10);

      await field.fill('8');
      await page.getByRole('button', { name: '保存并生效' }).click();
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

  test('English: the console reads in English end to end', async () => {
    const { context, page, problems } = await console_(ADMIN, { lang: 'en' });
    try {
      await page.getByRole('button', { name: 'Status' }).waitFor();
      await page.getByRole('status').filter({ hasText: /^\d+ tickets$/ }).waitFor();
      await shot(page, 'staff-queue-en.png');
      const first = await page.getByRole('row').first().textContent();
      await page.getByRole('row', { name: first, exact: true }).click();
      await page.getByRole('heading', { name: 'Service deadlines' }).waitFor();
      await page.getByRole('heading', { name: 'Timeline' }).waitFor();
      await shot(page, 'staff-workspace-en.png');
      await page.getByRole('tab', { name: 'SLA board' }).click();
      await page.getByRole('heading', { name: 'Escalation rules' }).waitFor();
      await shot(page, 'staff-sla-en.png');
      await page.getByRole('tab', { name: 'Statistics' }).click();
      await page.getByRole('img', { name: /^Line chart: satisfaction/ }).waitFor();
      await shot(page, 'staff-stats-en.png');
      assert.deepEqual(problems, []);
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
      await rows.first().click();
      await page.getByRole('heading', { name: number }).waitFor();
      await page.getByRole('heading', { name: '服务时限' }).waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
