// Rating a service (#/rate, #/rate/<number>) in real Chromium against the real server's demo
// tickets: the resolved one is not rated yet, the confirmed one was rated, the in-progress one
// cannot be rated.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, waitForPortal } from './lib/browser.mjs';
import { api, demoTickets, saveScreenshot, storedToken, switchLanguage, tap, type, waitForSettled } from './lib/portal.mjs';
import { startServer } from './lib/server.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844, deviceScaleFactor: 2 };
const DIMENSIONS = ['服务质量', '服务速度', '服务态度', '服务范围', '服务保障'];

async function lookUp(page, number, last4) {
  await type(page.getByRole('textbox', { name: '服务编号' }), number);
  await type(page.getByRole('textbox', { name: '手机号后 4 位' }), last4);
  await tap(page.getByRole('button', { name: '查找服务单' }));
}

async function sliderValue(slider) {
  return { now: await slider.getAttribute('aria-valuenow'), text: await slider.getAttribute('aria-valuetext') };
}

// Waits until the slider shows `value`: keys are handled in the DOM, which steps aria-valuenow at
// once; the portal's words (aria-valuetext, "4 / 5，满意") come with its next frame, which on a
// loaded machine is not the same instant.
async function expectStars(page, name, value) {
  await page.waitForFunction(([label, want]) => {
    const slider = document.querySelector(`[role="slider"][aria-label="${label}"]`);
    return slider?.getAttribute('aria-valuenow') === want &&
      (slider.getAttribute('aria-valuetext') || '').startsWith(`${want} / `);
  }, [name, String(value)]);
}

describe('rating a service', () => {
  let browser;
  before(async () => { browser = await launchBrowser(); });
  after(async () => { await browser?.close(); });

  test('find the ticket, rate it with the keyboard and a tap, and the rating is stored', async () => {
    const server = await startServer({ extraArgs: ['--rate-lookup', '1000'] });
    const { resolved } = demoTickets(server);  // read before request logs push the seed lines out
    const { context, page, problems } = await openPage(browser, server.url, DESKTOP);
    try {
      await waitForPortal(page);
      await tap(page.getByRole('button', { name: '服务评价', exact: true }));  // the home card
      await page.waitForFunction(() => window.location.hash === '#/rate');
      await lookUp(page, resolved.number.toLowerCase(), resolved.last4);
      await page.waitForFunction((n) => window.location.hash === `#/rate/${n}`, resolved.number);
      await page.getByText('电源适配器发热').waitFor();

      // Keyboard: arrows step, Home/End jump, a digit picks; the value is spoken as "n / 5".
      const quality = page.getByRole('slider', { name: '服务质量' });
      assert.equal((await sliderValue(quality)).text, '未评分');
      await quality.focus();
      for (let i = 0; i < 4; ++i) await page.keyboard.press('ArrowRight');
      await expectStars(page, '服务质量', 4);
      assert.deepEqual(await sliderValue(quality), { now: '4', text: '4 / 5，满意' });
      await page.keyboard.press('End');
      await expectStars(page, '服务质量', 5);
      await page.keyboard.press('ArrowLeft');
      await expectStars(page, '服务质量', 4);
      await page.keyboard.press('Home');
      await expectStars(page, '服务质量', 1);
      await page.keyboard.press('5');
      await expectStars(page, '服务质量', 5);
      assert.equal((await sliderValue(quality)).text, '5 / 5，非常满意');
      // Tab moves on to the next dimension, and digits work there too.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), '服务速度');
      await page.keyboard.press('4');
      await expectStars(page, '服务速度', 4);
      for (const [name, digit] of [['服务态度', '5'], ['服务范围', '3']]) {
        await page.getByRole('slider', { name }).focus();
        await page.keyboard.press(digit);
        await expectStars(page, name, digit);
      }
      // A tap in the middle of the row gives the middle star.
      await tap(page.getByRole('slider', { name: '服务保障' }));
      await expectStars(page, '服务保障', 3);

      await tap(page.getByRole('radio', { name: '已解决' }));
      await type(page.getByRole('textbox', { name: '意见或建议（选填）' }), '工程师准时，换件很快');
      await saveScreenshot(page, 'rate-zh-desktop.png');
      await tap(page.getByRole('button', { name: '提交评价' }));
      await page.getByRole('status').filter({ hasText: '感谢您的评价！' }).waitFor();

      // Stored on the server, exactly as given.
      const token = await storedToken(page, resolved.number);
      assert.ok(token, 'the lookup kept the token on this device');
      const ticket = await api(server, 'GET', `/api/v1/tickets/${resolved.number}`, { token });
      assert.deepEqual(ticket.body.rating,
        { quality: 5, speed: 4, attitude: 5, scope: 3, guarantee: 3, solved: true, comment: '工程师准时，换件很快' });

      // With the token on the device, coming back opens the ticket without asking again.
      await page.reload();
      await waitForPortal(page);
      await page.getByRole('status').filter({ hasText: '这次服务您已经评价过了' }).waitFor();
      assert.equal(await page.getByRole('textbox', { name: '手机号后 4 位' }).count(), 0);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      await server.stop();
    }
  });

  test('rating twice: the server refuses, and the portal says so kindly with the rating given', async () => {
    const server = await startServer({ extraArgs: ['--rate-lookup', '1000'] });
    const { resolved, confirmed } = demoTickets(server);
    const { context, page, problems } = await openPage(browser, `${server.url}#/rate`, DESKTOP);
    try {
      await waitForPortal(page);
      await lookUp(page, resolved.number, resolved.last4);
      await page.getByRole('slider', { name: '服务质量' }).waitFor();
      for (const name of DIMENSIONS) {
        await page.getByRole('slider', { name }).focus();
        await page.keyboard.press('5');
        await expectStars(page, name, 5);
      }
      await tap(page.getByRole('radio', { name: '已解决' }));

      // Meanwhile the same ticket is rated elsewhere (another tab, another device).
      const lookup = await api(server, 'POST', '/api/v1/lookup',
        { body: { service_number: resolved.number, phone_last4: resolved.last4 } });
      const elsewhere = { quality: 2, speed: 3, attitude: 4, scope: 3, guarantee: 2, solved: false, comment: '先评了' };
      const first = await api(server, 'POST', `/api/v1/tickets/${resolved.number}/rating`,
        { body: elsewhere, token: lookup.body.access_token });
      assert.equal(first.status, 201);
      const again = await api(server, 'POST', `/api/v1/tickets/${resolved.number}/rating`,
        { body: elsewhere, token: lookup.body.access_token });
      assert.equal(again.status, 409, 'the server refuses a second rating');
      assert.equal(again.body.error.code, 'already_rated');

      await tap(page.getByRole('button', { name: '提交评价' }));
      await page.getByRole('status').filter({ hasText: '这次服务您已经评价过了' }).waitFor();
      await page.getByText('服务质量  2 / 5，不满意').waitFor();
      await page.getByText('问题未解决').waitFor();
      await page.getByText('先评了').waitFor();
      assert.equal(await page.getByRole('alert').count(), 0, 'no error shown: it is not the customer\'s fault');
      assert.equal(await page.getByRole('slider').count(), 0, 'nothing left to rate');

      // A ticket rated long ago shows that rating straight away.
      await page.goto(`${server.url}#/rate/${confirmed.number}`);
      await waitForPortal(page);
      await lookUp(page, confirmed.number, confirmed.last4);
      await page.getByRole('status').filter({ hasText: '这次服务您已经评价过了' }).waitFor();
      await page.getByText('工程师很专业，响应很快').waitFor();
      await saveScreenshot(page, 'rate-already-zh-desktop.png');
      assert.deepEqual(problems.filter((p) => !p.includes('409')), []);
    } finally {
      await context.close();
      await server.stop();
    }
  });

  test('before resolution: explained, with the way to follow it; phone and English layouts', async () => {
    const server = await startServer({ extraArgs: ['--rate-lookup', '1000'] });
    const tickets = demoTickets(server);
    try {
      const inProgress = tickets.in_progress;
      {
        const { context, page } = await openPage(browser, `${server.url}#/rate/${inProgress.number}`, PHONE);
        await waitForPortal(page);
        await lookUp(page, inProgress.number, inProgress.last4);
        await page.getByRole('status').filter({ hasText: '服务完成后就可以评价了' }).waitFor();
        await page.getByText('当前进度：处理中', { exact: false }).waitFor();
        assert.equal(await page.getByRole('slider').count(), 0);
        await page.getByRole('button', { name: '查看进度' }).waitFor();
        await context.close();
      }
      {
        // The form on a phone: stars stay tappable (44 px per star) and nothing is cut off.
        const { context, page } = await openPage(browser, `${server.url}#/rate`, PHONE);
        await waitForPortal(page);
        await lookUp(page, tickets.resolved.number, tickets.resolved.last4);
        const slider = page.getByRole('slider', { name: '服务质量' });
        await slider.waitFor();
        await waitForSettled(page);
        const box = await slider.boundingBox();
        assert.ok(box.height >= 44 && box.width >= 5 * 44, `the star row is ${box.width}×${box.height}`);
        assert.ok(box.x + box.width <= 390, 'inside the screen');
        await page.getByRole('slider', { name: '服务质量' }).focus();
        await page.keyboard.press('4');
        await expectStars(page, '服务质量', 4);
        await page.evaluate(() => { document.getElementById('a11y-scroll').scrollTop = 0; });
        await saveScreenshot(page, 'rate-zh-phone.png');
        await context.close();
      }
      {
        const { context, page } = await openPage(browser, `${server.url}#/rate`, DESKTOP);
        await waitForPortal(page);
        await switchLanguage(page);
        await type(page.getByRole('textbox', { name: 'Service number' }), tickets.resolved.number);
        await type(page.getByRole('textbox', { name: 'Last 4 digits of your phone' }), tickets.resolved.last4);
        await tap(page.getByRole('button', { name: 'Find my ticket' }));
        const quality = page.getByRole('slider', { name: 'Quality' });
        await quality.focus();
        await page.keyboard.press('4');
        await expectStars(page, 'Quality', 4);
        assert.equal((await sliderValue(quality)).text, '4 / 5, satisfied');
        await saveScreenshot(page, 'rate-en-desktop.png');
        await context.close();
      }
    } finally {
      await server.stop();
    }
  });
});
