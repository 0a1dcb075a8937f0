// Follow-up calls (回访) in real Chromium against the real server: resolved tickets fall due three
// days after resolution; staff open the 回访 tab, record a call that did not reach the customer
// (it stays, with the attempt), then one that did with the customer's rating given by phone (it
// leaves the queue), and the statistics show the phone rating apart from the portal's. The demo
// data is the shipped one plus two repairs resolved four days ago (one customer named with 𠮷, a
// character outside the BMP). Screenshots: zh and en, desktop and phone width.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { api as callApi, eventually, staffToken, tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';

const ADMIN = { username: 'admin', password: 'an admin passphrase for tests' };
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Two repairs resolved four days ago, not rated: their follow-up calls are a day overdue.
function dueRepair(key, name, phone, serial, subject) {
  return {
    key, kind: 'repair', priority: 'general',
    customer: { name, phone },
    product: { model: '康复理疗仪 KF-200', serial },
    subject, description: '治疗头不发热，指示灯闪烁。',
    created_minutes_ago: 6 * 1440,
    steps: [
      { at_minutes: 20, actor: 'staff:manager.zhao', action: 'accept' },
      { at_minutes: 40, actor: 'staff:manager.zhao', action: 'assign', assignee: 'engineer.li' },
      { at_minutes: 60, actor: 'staff:engineer.li', action: 'start' },
      {
        at_minutes: 2 * 1440 - 10, actor: 'staff:engineer.li', work: 'service_report',
        report: { diagnosis: '加热模块老化', cause: 'wear_and_tear', actions: '更换加热模块，试机正常', outcome: 'repaired' },
      },
      { at_minutes: 2 * 1440, actor: 'staff:engineer.li', action: 'resolve', note: '更换加热模块' },
    ],
  };
}

function demoDirWithDueFollowUps() {
  const dir = mkdtempSync(join(tmpdir(), 'aftercare-followup-demo-'));
  cpSync(join(REPO_ROOT, 'assets/demo'), dir, { recursive: true });
  const tickets = JSON.parse(readFileSync(join(dir, 'tickets.json'), 'utf8'));
  tickets.push(dueRepair('followup-a', '王𠮷', '13922224444', 'KF200-2407-0777', '治疗头不发热'));
  tickets.push(dueRepair('followup-b', '𠮷田 美穗', '13922225555', 'KF200-2407-0888', '指示灯一直闪烁'));
  writeFileSync(join(dir, 'tickets.json'), JSON.stringify(tickets, null, 2));
  return dir;
}

describe('follow-up calls', () => {
  let server;
  let browser;
  let adminToken;
  let demoDir;

  const api = (method, path, options) => callApi(server, method, path, options);

  before(async () => {
    demoDir = demoDirWithDueFollowUps();
    server = await startServer({ admin: ADMIN, extraArgs: ['--demo-dir', demoDir] });
    adminToken = await staffToken(server, ADMIN);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  });

  async function signIn({ hash, lang = 'zh-CN', width = 1280, height = 900 }) {
    const opened = await openPage(browser, `${server.url}staff.html${hash}`, { width, height, locale: lang });
    const { page } = opened;
    await waitForPortal(page);
    const en = lang === 'en';
    if (en) await tap(page.getByRole('button', { name: 'English' }));
    await page.getByRole('heading', { name: en ? 'Staff sign-in' : '工作人员登录' }).waitFor();
    await type(page.getByRole('textbox', { name: en ? 'Username' : '用户名' }), ADMIN.username);
    await type(page.getByRole('textbox', { name: en ? 'Password' : '密码' }), ADMIN.password);
    await tap(page.getByRole('button', { name: en ? 'Sign in' : '登录', exact: true }));
    await page.getByRole('button', { name: en ? 'Sign out' : '退出登录' }).waitFor();
    return opened;
  }

  const shot = async (page, name) => {
    await waitForSettled(page);
    saveScreenshot(name, await page.locator('#canvas').screenshot());
  };

  async function dueItem(name) {
    const queue = (await api('GET', '/api/v1/staff/followups', { token: adminToken })).body;
    return queue.items.find((item) => item.customer_name === name);
  }

  test('the queue at phone width, in Chinese, with a name outside the BMP', async () => {
    const { context, page } = await signIn({ hash: '#/staff/followups', width: 390, height: 844 });
    try {
      await page.getByRole('heading', { name: '回访', exact: true }).waitFor();
      await page.getByText('王𠮷', { exact: false }).first().waitFor();
      await page.getByText('已逾期 1 天').first().waitFor();
      // The card of the customer whose name is outside the BMP, on screen.
      await page.getByText('王𠮷', { exact: false }).first().scrollIntoViewIfNeeded();
      await shot(page, 'followups-zh-phone.png');
    } finally {
      await context.close();
    }
  });

  test('a call not reached keeps the ticket; a reached one with a phone rating takes it out; stats show the phone rating', async () => {
    const due = await dueItem('王𠮷');
    assert.ok(due, 'the seeded repair is due');
    assert.equal(due.days_overdue, 1);
    assert.equal(due.attempts, 0);
    const { context, page, problems } = await signIn({ hash: '#/staff/followups' });
    try {
      await page.getByRole('heading', { name: '回访', exact: true }).waitFor();
      await page.getByText('王𠮷', { exact: false }).first().waitFor();
      await shot(page, 'followups-zh-desktop.png');

      // Not reached: recorded, still listed, the attempt shown.
      await tap(page.getByRole('button', { name: `记录工单 ${due.service_number} 的回访` }));
      await tap(page.getByRole('radio', { name: '未联系上' }));
      await type(page.getByRole('textbox', { name: '回访内容' }), '无人接听，明天上午再打');
      await tap(page.getByRole('button', { name: '保存回访记录' }));
      await page.getByRole('status').filter({ hasText: `${due.service_number} 未联系上，已记录` }).waitFor();
      await page.getByText('已回访 1 次未联系上', { exact: false }).waitFor();
      assert.equal((await dueItem('王𠮷')).attempts, 1);

      // Reached, with the customer's rating given on the phone.
      await tap(page.getByRole('button', { name: `记录工单 ${due.service_number} 的回访` }));
      await tap(page.getByRole('radio', { name: '已联系上' }));
      await type(page.getByRole('textbox', { name: '回访内容' }), '客户确认治疗头已正常发热');
      await tap(page.getByRole('radio', { name: '录入电话评价' }));
      for (const [name, digit] of [['服务质量', '5'], ['服务速度', '4'], ['服务态度', '5'], ['服务范围', '4'], ['服务保障', '5']]) {
        const slider = page.getByRole('slider', { name });
        await slider.focus();
        await page.keyboard.press(digit);
        await page.waitForFunction(([label, want]) =>
          document.querySelector(`[role="slider"][aria-label="${label}"]`)?.getAttribute('aria-valuenow') === want, [name, digit]);
      }
      await shot(page, 'followups-call-zh-desktop.png');
      await tap(page.getByRole('button', { name: '保存回访记录' }));
      await page.getByRole('status').filter({ hasText: `${due.service_number} 已回访，已移出回访列表` }).waitFor();
      await eventually(() => page.getByRole('button', { name: `记录工单 ${due.service_number} 的回访` }).count(),
        (count) => count === 0, 'the reached ticket leaves the list');
      assert.equal(await dueItem('王𠮷'), undefined);

      // The ticket: rated by phone; the customer's view has the rating, never the calls.
      const staffView = (await api('GET', `/api/v1/staff/tickets/${due.service_number}`, { token: adminToken })).body;
      assert.equal(staffView.rating.quality, 5);
      assert.equal(staffView.timeline.filter((e) => e.type === 'followup').length, 2);
      // The customer's page says the rating was taken on the call, beside the name of who took it.
      const lookup = await api('POST', '/api/v1/lookup', { body: { service_number: due.service_number, phone_last4: '4444' } });
      assert.equal(lookup.status, 200, JSON.stringify(lookup.body));
      const customer = await openPage(browser, `${server.url}#/track/${due.service_number}?t=${lookup.body.access_token}`,
        { width: 390, height: 844, locale: 'zh-CN' });
      try {
        await waitForPortal(customer.page);
        const entry = customer.page.getByText('回访电话中记录了您的评价', { exact: false }).first();
        await entry.waitFor();
        await entry.scrollIntoViewIfNeeded();
        assert.equal(await customer.page.getByText('您评价了本次服务', { exact: false }).count(), 0);
        await shot(customer.page, 'followups-phone-rating-customer-zh-phone.png');
      } finally {
        await customer.context.close();
      }

      // Statistics: the phone rating apart from the portal's (the demo's two).
      const to = Math.floor(Date.now() / 1000) + 1;
      const stats = (await api('GET', `/api/v1/staff/stats?from=${to - 30 * 86400}&to=${to}`, { token: adminToken })).body;
      assert.equal(stats.satisfaction_phone.count, 1, JSON.stringify(stats));
      assert.equal(stats.satisfaction_phone.satisfied, 1);
      await tap(page.getByRole('tab', { name: '统计分析' }));
      await page.getByText('电话评价满意率').scrollIntoViewIfNeeded();
      await page.getByText('电话评价满意率').waitFor();
      await shot(page, 'followups-stats-zh.png');
      assert.deepEqual(problems.filter((p) => !(p.includes('ERR_ABORTED'))), []);
    } finally {
      await context.close();
    }
  });

  test('a periodic follow-up: due in the same list, its operations survey saved, the next date a quarter on', async () => {
    const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);  // Beijing's calendar
    const made = await api('POST', '/api/v1/staff/followup-schedules', {
      token: adminToken,
      body: {
        serial: 'KF200-2401-0123', customer_name: '市一医院康复科', customer_phone: '13800138011',
        project_name: '康复科理疗设备维保', contract_number: 'HT-2026-018', period: 'quarterly', first_due: today,
      },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const { context, page, problems } = await signIn({ hash: '#/staff/followups' });
    try {
      await page.getByText('定期回访 · 每季度').first().waitFor();
      await tap(page.getByRole('button', { name: '填写“康复科理疗设备维保”的售后系统运行调查表' }));
      await type(page.getByRole('textbox', { name: '设备使用情况' }), '每天两班使用，约 40 人次');
      await type(page.getByRole('textbox', { name: '系统运行情况' }), '运行正常');
      await type(page.getByRole('textbox', { name: '系统稳定性情况' }), '本季度无死机');
      await tap(page.getByRole('button', { name: '保存调查表' }));
      // 是否有异常 and the satisfaction are required: said under the fields, nothing sent.
      await page.getByText('请选择是否有异常').waitFor();
      await tap(page.getByRole('radio', { name: '是', exact: true }));
      await type(page.getByRole('textbox', { name: '异常描述' }), '夜间偶发重启一次');
      const satisfaction = page.getByRole('slider', { name: '服务响应满意度' });
      await satisfaction.focus();
      await page.keyboard.press('5');
      await shot(page, 'followups-survey-zh-desktop.png');
      await tap(page.getByRole('button', { name: '保存调查表' }));
      await page.getByRole('status').filter({ hasText: '“康复科理疗设备维保”的运行调查表已保存' }).waitFor();
      const product = (await api('GET', '/api/v1/staff/products/KF200-2401-0123/followups', { token: adminToken })).body;
      assert.equal(product.surveys.length, 1);
      assert.equal(product.surveys[0].survey.anomaly_description, '夜间偶发重启一次');
      assert.equal(product.surveys[0].survey.response_satisfaction, 5);
      assert.ok(product.schedules[0].next_due > today);
      assert.deepEqual(problems.filter((p) => !(p.includes('ERR_ABORTED'))), []);
    } finally {
      await context.close();
    }
  });

  test('a periodic follow-up is stopped after one more question, and leaves the list', async () => {
    const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);  // Beijing's calendar
    const made = await api('POST', '/api/v1/staff/followup-schedules', {
      token: adminToken,
      body: {
        serial: 'KF200-2401-0789', customer_name: '区妇幼保健院', customer_phone: '13800138033',
        project_name: '理疗中心设备', period: 'monthly', first_due: today,
      },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const { context, page, problems } = await signIn({ hash: '#/staff/followups' });
    try {
      await tap(page.getByRole('button', { name: '停止“理疗中心设备”的定期回访' }));
      await page.getByText('它将不再出现在回访列表中，已填写的调查表会保留', { exact: false }).waitFor();
      assert.equal((await api('GET', '/api/v1/staff/products/KF200-2401-0789/followups', { token: adminToken }))
        .body.schedules[0].active, true, 'asking is not stopping');
      await shot(page, 'followups-end-zh-desktop.png');
      await tap(page.getByRole('button', { name: '确认停止' }));
      await page.getByRole('status').filter({ hasText: '已停止“理疗中心设备”的定期回访' }).waitFor();
      await page.getByRole('button', { name: '停止“理疗中心设备”的定期回访' }).waitFor({ state: 'detached' });
      const product = (await api('GET', '/api/v1/staff/products/KF200-2401-0789/followups', { token: adminToken })).body;
      assert.equal(product.schedules[0].active, false);
      assert.deepEqual(problems.filter((p) => !(p.includes('ERR_ABORTED'))), []);
    } finally {
      await context.close();
    }
  });

  test('English: the queue on a desktop, the call form at phone width, the workspace card', async () => {
    const due = await dueItem('𠮷田 美穗');
    assert.ok(due);
    {
      const { context, page } = await signIn({ hash: '#/staff/followups', lang: 'en' });
      try {
        await page.getByRole('heading', { name: 'Follow-up calls' }).waitFor();
        await page.getByText('1 d overdue', { exact: false }).first().waitFor();
        await shot(page, 'followups-en-desktop.png');
      } finally {
        await context.close();
      }
    }
    const { context, page } = await signIn({ hash: '#/staff/followups', lang: 'en', width: 390, height: 844 });
    try {
      await tap(page.getByRole('button', { name: `Record a follow-up call for ${due.service_number}` }));
      await tap(page.getByRole('radio', { name: 'Reached', exact: true }));
      await tap(page.getByRole('radio', { name: 'Enter their rating' }));
      await page.getByRole('slider', { name: 'Quality' }).waitFor();
      await shot(page, 'followups-call-en-phone.png');
      await tap(page.getByRole('button', { name: 'Cancel' }));
      // The same form from the ticket's workspace.
      await tap(page.getByRole('button', { name: `Open ticket ${due.service_number}` }));
      await page.getByRole('heading', { name: due.service_number }).waitFor();
      await page.getByRole('heading', { name: 'Follow-up call' }).scrollIntoViewIfNeeded();
      await shot(page, 'followups-workspace-en-phone.png');
    } finally {
      await context.close();
    }
  });
});
