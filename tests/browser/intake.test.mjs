// Staff intake (#/staff/new, issue 19) in real Chromium against the real server: a member signs in,
// registers a ticket for a caller (a name beyond the BMP), reads the service number off the screen,
// and the customer opens the ticket with the tracking link the screen shows. Field errors appear
// under their fields before anything is sent, and what was typed stays. Screenshots at desktop and
// phone width, in zh-CN and en.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { api, describeScreen, saveScreenshot, staffToken, tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';

const ADMIN = { username: 'admin', password: 'an admin passphrase for tests' };
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2 };
const SERVICE_NUMBER = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
const CALLER = '𠮷田 美穗';

const T = {
  'zh-CN': {
    username: '用户名', password: '密码', signIn: '登录', signOut: '退出登录', title: '代客登记工单',
    phoneChannel: '电话', name: '客户姓名', phone: '手机号码', subject: '标题', description: '问题描述',
    submit: '登记工单', done: '工单已登记', another: '登记下一位客户',
  },
  en: {
    username: 'Username', password: 'Password', signIn: 'Sign in', signOut: 'Sign out', title: 'New ticket for a customer',
    phoneChannel: 'Phone', name: 'Customer name', phone: 'Mobile number', subject: 'Subject', description: 'Description',
    submit: 'Register ticket', done: 'Ticket registered', another: 'Register the next customer',
  },
};

// Scrolls the page (the mirror's native scroll container) back to the top.
async function scrollToTop(page) {
  await page.locator('#a11y-scroll').evaluate((scroller) => { scroller.scrollTop = 0; });
  await waitForSettled(page);
}

// What went wrong in a page, less what closing a page provokes: the long-poll in flight is aborted.
function unexpected(problems) {
  return problems.filter((p) => !(p.includes('ERR_ABORTED') && (p.includes('/events') || p.includes('/changes'))));
}

describe('staff intake', () => {
  let server;
  let browser;
  let adminToken;

  before(async () => {
    server = await startServer();
    const created = spawnSync(process.env.AFTERCARE_SERVER,
      ['create-admin', '--username', ADMIN.username, '--data-dir', server.dataDir], { input: `${ADMIN.password}\n` });
    assert.equal(created.status, 0, created.stderr?.toString());
    adminToken = await staffToken(server, ADMIN);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  // The console at #/staff/new, signed in; the login sends us back there.
  async function intakePage(lang, viewport) {
    const opened = await openPage(browser, `${server.url}staff.html#/staff/new`, { ...viewport, locale: lang });
    const { page } = opened;
    await waitForPortal(page);
    const t = T[lang];
    if (lang === 'en') await tap(page.getByRole('button', { name: 'English' }));
    await page.getByRole('heading', { name: lang === 'en' ? 'Staff sign-in' : '工作人员登录' }).waitFor();
    await type(page.getByRole('textbox', { name: t.username }), ADMIN.username);
    await type(page.getByRole('textbox', { name: t.password }), ADMIN.password);
    await tap(page.getByRole('button', { name: t.signIn, exact: true }));
    await page.getByRole('heading', { name: t.title }).waitFor();
    assert.match(page.url(), /#\/staff\/new/);
    return opened;
  }

  test('field errors under their fields before anything is sent; what was typed stays', async () => {
    const { context, page, problems } = await intakePage('zh-CN', DESKTOP);
    try {
      const t = T['zh-CN'];
      let creates = 0;
      page.on('request', (request) => { if (request.url().endsWith('/api/v1/staff/tickets')) creates += 1; });
      await type(page.getByRole('textbox', { name: t.name }), CALLER);
      await type(page.getByRole('textbox', { name: t.phone }), '123');
      await tap(page.getByRole('button', { name: t.submit }));
      await waitForSettled(page);
      assert.equal(creates, 0, 'core refuses it before the request');
      assert.equal(await page.getByRole('textbox', { name: t.phone }).getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByRole('textbox', { name: t.subject }).getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByRole('textbox', { name: t.name }).inputValue(), CALLER, 'the name is kept');
      assert.equal(await page.getByRole('textbox', { name: t.phone }).inputValue(), '123', 'the phone is kept');
      await saveScreenshot(page, 'intake-errors-zh-desktop.png');
      assert.deepEqual(unexpected(problems), []);
    } catch (error) {
      console.log(await describeScreen(page));
      throw error;
    } finally {
      await context.close();
    }
  });

  for (const [lang, viewport, suffix] of [
    ['zh-CN', DESKTOP, 'zh-desktop'], ['zh-CN', PHONE, 'zh-phone'], ['en', DESKTOP, 'en-desktop'], ['en', PHONE, 'en-phone'],
  ]) {
    test(`a caller's ticket: the number is shown, and the customer opens it with the link (${suffix})`, async () => {
      const { context, page, problems } = await intakePage(lang, viewport);
      let customer;
      try {
        const t = T[lang];
        await tap(page.getByRole('radio', { name: t.phoneChannel }));
        await type(page.getByRole('textbox', { name: t.name }), CALLER);
        await type(page.getByRole('textbox', { name: t.phone }), '139 1234 5678');
        await type(page.getByRole('textbox', { name: t.subject }), lang === 'en' ? 'Printer jams' : '打印机卡纸');
        await type(page.getByRole('textbox', { name: t.description }),
          lang === 'en' ? 'Jams on every second page since Monday.' : '从周一开始每打印两页就卡纸一次。');
        await scrollToTop(page);  // the form from its top: how the customer came, and the kind
        await saveScreenshot(page, `intake-${suffix}.png`);
        await tap(page.getByRole('button', { name: t.submit }));
        await page.getByRole('heading', { name: t.done }).waitFor();
        const numberNode = page.getByRole('status').filter({ hasText: SERVICE_NUMBER });
        await numberNode.waitFor();
        const number = (await numberNode.textContent()).trim();
        assert.match(number, SERVICE_NUMBER);
        const link = (await page.getByText(/\/#\/track\/.+\?t=/).first().textContent()).trim();
        assert.ok(link.startsWith(`${server.url.replace(/\/$/, '')}/#/track/${number}?t=`), link);
        await saveScreenshot(page, `intake-done-${suffix}.png`);

        // The server recorded a phone ticket, registered by the signed-in member.
        const staffView = await api(server, 'GET', `/api/v1/staff/tickets/${number}`, { token: adminToken });
        assert.equal(staffView.status, 200);
        assert.equal(staffView.body.channel, 'phone');
        assert.equal(staffView.body.customer_name, CALLER);
        assert.equal(staffView.body.timeline[0].actor.role, 'staff');
        assert.equal(staffView.body.timeline[0].actor.id, ADMIN.username);

        // The customer, on their own device, opens the link: the ticket, without any lookup.
        customer = await openPage(browser, link, { ...viewport, locale: lang });
        await waitForPortal(customer.page);
        await customer.page.getByText(lang === 'en' ? 'Printer jams' : '打印机卡纸').first().waitFor();
        await customer.page.getByText(number).first().waitFor();
        assert.deepEqual(unexpected(customer.problems), []);

        // "Next customer" empties the form (and the link is gone with it).
        await tap(page.getByRole('button', { name: t.another }));
        await page.getByRole('button', { name: t.submit }).waitFor();
        assert.equal(await page.getByRole('textbox', { name: t.name }).inputValue(), '');
        assert.equal(await page.getByText(/\?t=/).count(), 0);
        assert.deepEqual(unexpected(problems), []);
      } catch (error) {
        console.log(await describeScreen(page));
        throw error;
      } finally {
        await customer?.context.close();
        await context.close();
      }
    });
  }
});
