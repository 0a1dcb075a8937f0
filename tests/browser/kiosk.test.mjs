// Kiosk mode (issue 8, /kiosk) on a 1080x1920 portrait touch screen: the attract screen, large
// touch targets, the on-screen keypad (no system keyboard), the idle warning and the reset that
// wipes everything (with a short idle policy the portal reads from GET /api/v1/policy), the
// printable receipt with its QR code, and a submission made offline that is queued, sent once the
// network returns, and creates exactly one ticket.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { launchBrowser, waitForPortal } from './lib/browser.mjs';
import { eventually, type, waitForSettled, waitForValue } from './lib/portal.mjs';
import { saveScreenshot } from './lib/screenshots.mjs';
import { startServer } from './lib/server.mjs';

const PORTRAIT = { width: 1080, height: 1920, hasTouch: true };
const LANDSCAPE = { width: 1920, height: 1080, hasTouch: true };
// The test policy's kiosk.idle_reset_seconds (the default is 90). The warning comes 10 s before the
// reset, so the customer in the test has 15 s between touches: room for a busy machine.
const IDLE_SECONDS = 25;
// How long the idle attract screen is watched for frames it should not draw: an observation
// window, not a wait for something to happen (nothing should).
const IDLE_WATCH_MS = 1000;

// A finger on the element's centre (Playwright's tap: a touch, at the element where it is when the
// touch lands), once the portal's layout is where the mirror says it is; then wait until the
// portal has handled the touch.
async function tap(page, locator) {
  await locator.waitFor();
  await waitForSettled(page);
  await locator.tap();
  await waitForSettled(page);
}

const startButton = (page) => page.getByRole('button', { name: '轻触屏幕开始 · Touch to start' });

// Values a customer could have left in the page: storage, and every mirrored field.
async function leftovers(page) {
  return page.evaluate(() => ({
    storage: Object.keys(localStorage).filter((k) => k.startsWith('aftercare.')).concat(Object.keys(sessionStorage)),
    fields: [...document.querySelectorAll('input, textarea')].map((f) => f.value).filter((v) => v !== ''),
  }));
}

// Types on the kiosk's own keypad, one touch per key.
async function typeOnKeypad(page, text) {
  for (const key of text) await tap(page, page.getByRole('button', { name: key, exact: true }));
}

describe('kiosk', () => {
  let server, idleServer, browser, policyDir;

  before(async () => {
    policyDir = mkdtempSync(join(tmpdir(), 'aftercare-kiosk-policy-'));
    const policyFile = join(policyDir, 'policy.json');
    writeFileSync(policyFile, JSON.stringify({ kiosk: { idle_reset_seconds: IDLE_SECONDS } }));
    server = await startServer();
    idleServer = await startServer({ extraArgs: ['--policy', policyFile] });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await idleServer?.stop();
    if (policyDir) rmSync(policyDir, { recursive: true, force: true });
  });

  async function kiosk(base = server, viewport = PORTRAIT, { initScript } = {}) {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height },
                                               hasTouch: true, locale: 'zh-CN' });
    if (initScript) await context.addInitScript(initScript);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    await page.goto(base.url + 'kiosk');
    await waitForPortal(page);
    await waitForSettled(page);
    return { context, page, problems };
  }

  // From the attract screen through the quick repair's four questions to its review.
  async function fillRepair(page, { phone, serial, description, name }) {
    await tap(page, page.getByRole('button', { name: '报修', exact: true }));
    await tap(page, page.getByRole('textbox', { name: '手机号' }));
    await typeOnKeypad(page, phone);
    await waitForValue(page.getByRole('textbox', { name: '手机号' }), phone);
    await tap(page, page.getByRole('button', { name: '下一步' }));
    await tap(page, page.getByRole('textbox', { name: '产品序列号' }));
    await typeOnKeypad(page, serial);
    await waitForValue(page.getByRole('textbox', { name: '产品序列号' }), serial);
    await tap(page, page.getByRole('button', { name: '下一步' }));
    await type(page.getByRole('textbox', { name: '问题描述' }), description);  // the system keyboard's job
    await tap(page, page.getByRole('button', { name: '下一步' }));
    await type(page.getByRole('textbox', { name: '您的称呼' }), name);
    await tap(page, page.getByRole('button', { name: '下一步' }));
    await page.getByRole('heading', { name: '请确认报修信息' }).waitFor();
  }

  test('attract screen, then home with large touch targets; no way out of the portal', async () => {
    const { context, page, problems } = await kiosk();
    try {
      await startButton(page).waitFor();
      for (const action of ['报修', '查询进度', '退换货', '服务评价', '投诉建议']) {
        const box = await page.getByRole('button', { name: action, exact: true }).boundingBox();
        assert.ok(box.width >= 200 && box.height >= 200, `${action} is a big tile (${box.width}x${box.height})`);
      }
      saveScreenshot('kiosk-attract-portrait.png', await page.screenshot());

      // A touch on empty background starts, like a touch on the prompt.
      await page.touchscreen.tap(540, 300);
      await waitForSettled(page);
      await page.getByRole('heading', { name: '您好，需要什么帮助？' }).waitFor();
      assert.equal(await startButton(page).count(), 0, 'the attract screen is gone');
      const buttons = await page.getByRole('button').all();
      assert.ok(buttons.length >= 8);
      for (const button of buttons) {
        const box = await button.boundingBox();
        if (!box || box.y > 1920) continue;  // scrolled out of sight
        const name = await button.textContent();
        assert.ok(box.height >= 48 && box.width >= 48, `"${name}" is at least 48 px (${box.width}x${box.height})`);
      }
      const field = await page.getByRole('textbox', { name: '搜索常见问题' }).boundingBox();
      assert.ok(field.height >= 48, `text fields are at least 48 px high (${field.height})`);
      saveScreenshot('kiosk-home-portrait.png', await page.screenshot());

      // No context menu, and Back stays in the portal.
      const menuBlocked = await page.evaluate(() => {
        const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
        document.getElementById('a11y-scroll').dispatchEvent(event);
        return event.defaultPrevented;
      });
      assert.ok(menuBlocked, 'the context menu is off');
      await tap(page, page.getByRole('button', { name: '报修', exact: true }));
      await page.getByRole('heading', { name: '您的手机号是？' }).waitFor();
      await page.goBack();
      await waitForSettled(page);
      assert.match(page.url(), /\/kiosk/);
      await page.getByRole('heading', { name: '您的手机号是？' }).waitFor();

      // A staff console address typed on a kiosk goes home: a public screen never opens staff.html.
      await page.evaluate(() => { window.location.hash = '#/staff/login'; });
      await page.waitForURL((url) => !url.hash.startsWith('#/staff'));
      await page.getByRole('heading', { name: '您好，需要什么帮助？' }).waitFor();
      assert.match(page.url(), /\/kiosk/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('attract screen in landscape', async () => {
    const { context, page } = await kiosk(server, LANDSCAPE);
    try {
      await startButton(page).waitFor();
      const tiles = await Promise.all(['报修', '投诉建议'].map((n) => page.getByRole('button', { name: n, exact: true }).boundingBox()));
      assert.equal(Math.round(tiles[0].y), Math.round(tiles[1].y), 'the five actions stand in one row');
      saveScreenshot('kiosk-attract-landscape.png', await page.screenshot());
      // Waiting for a customer costs nothing: no timers, no animation, no frames.
      const frames = () => page.evaluate(() => window.aftercareFrames || 0);
      const before = await frames();
      await page.waitForTimeout(IDLE_WATCH_MS);
      assert.equal(await frames(), before, 'the attract screen draws no frames while nobody touches it');
    } finally {
      await context.close();
    }
  });

  test('the on-screen keypad types a phone number; the system keyboard stays away', async () => {
    const { context, page } = await kiosk();
    try {
      await tap(page, page.getByRole('button', { name: '报修', exact: true }));
      const phone = page.getByRole('textbox', { name: '手机号' });
      assert.equal(await phone.getAttribute('inputmode'), 'none', 'no system keyboard over a keypad field');
      await tap(page, phone);
      const one = page.getByRole('button', { name: '1', exact: true });
      const box = await one.boundingBox();
      assert.ok(box.width >= 48 && box.height >= 48, `keys are large (${box.width}x${box.height})`);
      await typeOnKeypad(page, '+');
      await typeOnKeypad(page, '8613800138000');
      await waitForValue(phone, '+8613800138000');
      // '+' only comes first: after it, the key is disabled.
      await page.getByRole('button', { name: '+', exact: true, disabled: true }).waitFor({ timeout: 10000 });
      await tap(page, page.getByRole('button', { name: '删除' }));
      await typeOnKeypad(page, '9');
      await waitForValue(phone, '+8613800138009');
      saveScreenshot('kiosk-keypad-phone.png', await page.screenshot());
      // Done answers the question like Enter: the app has the number (not just the DOM), since the
      // next question only comes when it is a valid phone number.
      await tap(page, page.getByRole('button', { name: '完成' }));
      await page.getByRole('heading', { name: '产品序列号是多少？' }).waitFor();
      assert.equal(await page.getByRole('button', { name: '1', exact: true }).count(), 0, 'Done closed the keypad');
      const serial = page.getByRole('textbox', { name: '产品序列号' });
      await tap(page, serial);
      await typeOnKeypad(page, 'KF200-2401-0123');
      await waitForValue(serial, 'KF200-2401-0123');
      saveScreenshot('kiosk-keypad-serial.png', await page.screenshot());
      await tap(page, page.getByRole('button', { name: '下一步' }));
      // Free text keeps the system keyboard and its IME.
      const problem = page.getByRole('textbox', { name: '问题描述' });
      await problem.waitFor();
      assert.equal(await problem.getAttribute('inputmode'), null);
      await tap(page, page.getByRole('button', { name: '上一步' }));
      await page.getByRole('heading', { name: '产品序列号是多少？' }).waitFor();
      await tap(page, page.getByRole('button', { name: '上一步' }));
      await waitForValue(page.getByRole('textbox', { name: '手机号' }), '+8613800138009');
    } finally {
      await context.close();
    }
  });

  test('the idle warning counts down; Continue keeps the session; the reset wipes it', async () => {
    // The portal takes the timeout from the server's policy, not from a constant of its own.
    const policy = await (await fetch(idleServer.url + 'api/v1/policy')).json();
    assert.equal(policy.kiosk.idle_reset_seconds, IDLE_SECONDS);
    const { context, page, problems } = await kiosk(idleServer);
    try {
      await tap(page, page.getByRole('button', { name: '报修', exact: true }));
      await tap(page, page.getByRole('textbox', { name: '手机号' }));
      await typeOnKeypad(page, '139');
      const phone = page.getByRole('textbox', { name: '手机号' });
      await waitForValue(phone, '139');

      const keepGoing = page.getByRole('button', { name: '继续使用' });
      await keepGoing.waitFor({ timeout: IDLE_SECONDS * 1000 });
      await page.getByRole('heading', { name: '仍在使用吗？' }).waitFor();
      const countdown = await page.getByRole('status').filter({ hasText: '秒后将清除' }).textContent();
      const seconds = Number(countdown.match(/(\d+) 秒/)[1]);
      assert.ok(seconds >= 1 && seconds <= 10, `a 10 s countdown (${countdown})`);
      saveScreenshot('kiosk-idle-warning.png', await page.screenshot());

      await tap(page, keepGoing);
      await keepGoing.waitFor({ state: 'hidden' });
      assert.equal(await phone.inputValue(), '139', 'Continue keeps what was typed');

      // Left alone, the warning comes back and then the kiosk starts over.
      await keepGoing.waitFor({ timeout: IDLE_SECONDS * 1000 });
      await startButton(page).waitFor({ timeout: 15000 });
      assert.equal(await page.getByRole('textbox', { name: '手机号' }).count(), 0);
      assert.deepEqual(await leftovers(page), { storage: [], fields: [] }, 'nothing personal is left in the page');
      await tap(page, startButton(page));
      await startButton(page).waitFor({ state: 'hidden' });
      await tap(page, page.getByRole('button', { name: '报修', exact: true }));
      await waitForValue(page.getByRole('textbox', { name: '手机号' }), '');  // the next customer starts empty
      assert.deepEqual(await leftovers(page), { storage: [], fields: [] });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('a receipt with the service number, the promise and a QR code of the lookup link (no token on paper)', async () => {
    // window.print is the browser's dialog: count calls instead of opening it.
    const { context, page, problems } = await kiosk(server, PORTRAIT, {
      initScript: () => { window.__prints = 0; window.print = () => { window.__prints += 1; }; },
    });
    try {
      await fillRepair(page, { phone: '13800138000', serial: 'KF200-2401-0123', description: '开机后没有画面，指示灯闪烁', name: '王先生' });
      saveScreenshot('kiosk-review.png', await page.screenshot());
      const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.request().method() === 'POST');
      await tap(page, page.getByRole('button', { name: '提交报修' }));
      const ticket = await (await created).json();
      await page.getByRole('heading', { name: '提交成功' }).waitFor();
      await page.getByRole('status').filter({ hasText: ticket.service_number }).waitFor();
      saveScreenshot('kiosk-submitted.png', await page.screenshot());

      await tap(page, page.getByRole('button', { name: '打印凭条' }));
      await page.waitForFunction(() => window.__prints === 1);
      await page.emulateMedia({ media: 'print' });
      const receipt = page.locator('#receipt');
      assert.ok(await receipt.isVisible(), 'the print view shows the receipt');
      assert.ok(!(await page.locator('#canvas').isVisible()), 'and nothing else');
      assert.equal(await receipt.locator('.receipt-number').textContent(), ticket.service_number);
      assert.match(await receipt.locator('.receipt-promise').textContent(), /2 小时内响应/);

      const origin = new URL(server.url).origin;
      const qr = receipt.locator('svg.receipt-qr-code');
      // The paper carries no token: the link is the ticket's lookup, which asks for the phone's last 4.
      const url = `${origin}/#/track/${ticket.service_number}`;
      assert.equal(await qr.getAttribute('data-qr-text'), url);
      assert.ok(!(await receipt.innerHTML()).includes(ticket.access_token), 'the token is nowhere on the receipt');
      assert.match(await receipt.locator('.receipt-scan').textContent(), /手机号后四位/);
      const size = Number(await qr.getAttribute('data-qr-size'));
      assert.ok(size >= 21 && size <= 177 && (size - 17) % 4 === 0, `a QR code's size (${size})`);
      assert.equal(await qr.getAttribute('viewBox'), `0 0 ${size + 8} ${size + 8}`, 'with a 4-module quiet zone');
      const runs = [...(await qr.locator('path').getAttribute('d')).matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
      assert.ok(runs.length > size, 'the code has its modules');
      for (const [, x, y, run, back] of runs) {
        assert.equal(run, back);
        assert.ok(+x >= 0 && +y >= 0 && +y < size && +x + +run <= size, 'every module inside the matrix');
      }
      // The three finder patterns: a 7-module dark run on rows 0 and 6 at the left and right.
      const row0 = runs.filter(([, , y]) => y === '0').map(([, x, , run]) => `${x}+${run}`);
      assert.ok(row0.includes('0+7') && row0.includes(`${size - 7}+7`), 'finder patterns on the top row');
      saveScreenshot('kiosk-receipt-print.png', await page.screenshot({ fullPage: true }));
      await page.emulateMedia({ media: 'screen' });

      // What scanning the code does on another phone: the lookup with the number filled in, and
      // the ticket only after the phone's last 4 digits.
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true,
                                               locale: 'zh-CN' });
      try {
        const phonePage = await phone.newPage();
        await phonePage.goto(url);
        await waitForPortal(phonePage);
        await phonePage.getByText('为保护您的隐私，请输入手机号后四位以查看这张工单。').waitFor();
        await waitForValue(phonePage.getByRole('textbox', { name: '服务编号' }), ticket.service_number);
        assert.equal(await phonePage.getByText('开机后没有画面').count(), 0, 'nothing of the ticket before the digits');
        await type(phonePage.getByRole('textbox', { name: '手机号后四位' }), '8000');
        await tap(phonePage, phonePage.getByRole('button', { name: '查询', exact: true }));
        // The problem's words appear only once the ticket loaded with the lookup's token.
        await phonePage.getByText('开机后没有画面').first().waitFor();
        assert.match(phonePage.url(), new RegExp(`#/track/${ticket.service_number}`));
      } finally {
        await phone.close();
      }

      // "Done" ends the session at once, receipt included.
      await tap(page, page.getByRole('button', { name: '完成，清除我的信息' }));
      await startButton(page).waitFor();
      assert.equal(await page.locator('#receipt').evaluate((r) => r.childElementCount), 0);
      assert.deepEqual(await leftovers(page), { storage: [], fields: [] });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  test('offline: the submission is queued with its key, sent when the network returns, once', async () => {
    const { context, page } = await kiosk();
    const customer = `离线测试${randomBytes(3).toString('hex')}`;
    try {
      // The network is down for ticket creation: every POST fails like a dropped line.
      const keys = [];
      await page.route('**/api/v1/tickets', (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        keys.push(route.request().headers()['idempotency-key']);
        return route.abort('internetdisconnected');
      });
      await fillRepair(page, { phone: '13900139000', serial: 'CS30-2203-0789', description: '制冷效果很差，有异响', name: customer });
      await tap(page, page.getByRole('button', { name: '提交报修' }));
      await page.getByRole('heading', { name: '已保存，网络恢复后自动提交' }).waitFor();
      await page.getByRole('status').filter({ hasText: /秒后再次尝试|正在尝试提交/ }).waitFor();
      saveScreenshot('kiosk-offline-queued.png', await page.screenshot());
      // It keeps trying by itself (a second attempt without any touch), with the same key.
      await eventually(() => keys.length, (n) => n >= 2, 'a second attempt came without any touch', { timeout: 30000 });
      assert.equal(new Set(keys).size, 1, `one idempotency key for every attempt (${keys})`);
      assert.match(keys[0], /^[0-9a-f]{32}$/);

      // The network returns: the queued request goes through on its own.
      const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/tickets') && r.status() === 201);
      await page.unroute('**/api/v1/tickets');
      const ticket = await (await created).json();
      await page.getByRole('heading', { name: '提交成功' }).waitFor();
      await page.getByRole('status').filter({ hasText: ticket.service_number }).waitFor();
      assert.equal(new Set(keys).size, 1);

      // Exactly one ticket for this customer, seen from the staff queue.
      const origin = new URL(server.url).origin;
      const password = `kiosk-${randomBytes(12).toString('hex')}`;
      const made = spawnSync(process.env.AFTERCARE_SERVER, ['create-admin', '--data-dir', server.dataDir, '--username', 'kioskcheck'],
                             { input: `${password}\n`, encoding: 'utf8' });
      assert.equal(made.status, 0, made.stderr);
      const login = await fetch(`${origin}/api/v1/staff/login`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'kioskcheck', password }),
      });
      assert.equal(login.status, 200);
      const token = (await login.json()).access_token;
      const queue = await (await fetch(`${origin}/api/v1/staff/queue?kind=repair&limit=100`,
                                       { headers: { Authorization: `Bearer ${token}` } })).json();
      const mine = queue.items.filter((item) => item.customer_name === customer);
      assert.equal(mine.length, 1, 'the retries made one ticket');
      assert.equal(mine[0].service_number, ticket.service_number);
    } finally {
      await context.close();
    }
  });
});
